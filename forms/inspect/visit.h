/* visit.h - an inspection's items in the order a reader meets them, with
 * each repeat's live instances in theirs (forms/inspect/instances.h), so
 * `inspection show`, the record screen and the amend chooser lay repeats
 * out the same way and key each answer the same way ("plate@<uuid>").
 */
#ifndef FC_INSPECT_VISIT_H
#define FC_INSPECT_VISIT_H

#include "core/strbuf.h"
#include "forms/inspect/inspect.h"

enum inspect_visit_kind {
	IV_ITEM,        /* an item (any type) outside repeats or in an instance */
	IV_REPEAT,      /* a repeat's heading, before its instances */
	IV_INSTANCE,    /* the heading of one live instance: "Vehicle 2" */
};

struct inspect_visit {
	enum inspect_visit_kind kind;
	size_t item;                /* the item, or the begin_repeat */
	const char *instance;       /* the instance's uuid, "" outside repeats */
	size_t position;            /* its 1-based position among the live ones */
	size_t count;               /* IV_REPEAT: how many live instances */
	const char *key;            /* IV_ITEM: the answer's record key */
	/* The answers, pointed at the instance (inspect_answers_in), for
	 * relevance, ${name} in labels and calculations. */
	struct inspect_answers *a;
};

typedef void inspect_visit_fn(void *ctx, const struct inspect_visit *v);

/* Calls fn for every item of f in order; a repeat gives IV_REPEAT, then
 * for each live instance IV_INSTANCE and the repeat's items as IV_ITEM;
 * its begin and end markers give nothing else. */
void inspect_visit_items(const struct form *f, const struct fc_inspection *in,
			 struct form_lang lang, inspect_visit_fn *fn, void *ctx);

/* The same, ${last-saved#x} reading `last` (inspect_last_load; NULL:
 * nothing). */
void inspect_visit_last(const struct form *f, const struct fc_inspection *in,
			const struct inspect_last *last, struct form_lang lang,
			inspect_visit_fn *fn, void *ctx);

/* The form's item an answer's key names ("plate" of "plate@<uuid>"), or
 * -1 when the form has none. */
int inspect_key_item(const struct form *f, const char *key);

/* The label a person reads for an answer's key: "Plate", or "Plate
 * (Vehicle 2)" inside a live instance ("Plate (Vehicle 1a2b3c4d)" inside
 * a removed one, or when `in` is NULL); the key itself when f is NULL or
 * has no such item. */
void inspect_key_label(const struct form *f, const struct fc_inspection *in, const char *key,
		       struct form_lang lang, struct strbuf *out);

#endif
