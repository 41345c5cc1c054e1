/* notice.h - the rectification order (责令限期整改指令书) of an inspection,
 * as printable text, built from the store.
 *
 * The fields follow DOMAIN.md: inspected unit; hazard list; rectification
 * items; deadline; the authority for administrative review and the court for
 * litigation (workspace settings "notice.review" and "notice.court", blank
 * lines to fill in by hand when unset); two officers with their ID numbers;
 * the signature line of the inspected party's responsible person; the date.
 *
 * core/ does not read checklists: what the form says of a hazard's item (its
 * label and legal basis) comes from the caller through struct notice_forms
 * (forms/inspect/inspect_notice.c has the one that asks forms/).  Without it the
 * order names the hazards by their descriptions only.
 */
#ifndef FC_NOTICE_H
#define FC_NOTICE_H

#include "doc.h"
#include "store.h"
#include "strbuf.h"

enum notice_lang { NOTICE_ZH = 0, NOTICE_EN = 1 };

/* What the checklist says of one item; NULL where it says nothing. */
struct notice_item {
	const char *label, *basis;
};

struct notice_forms {
	/* Fills *out for `item` of the form (form_id, version) in `lang`;
	 * the strings stay valid until notice_text returns. */
	void (*item)(void *ctx, const char *form_id, int version, const char *item,
		     enum notice_lang lang, struct notice_item *out);
	void *ctx;
};

/* Builds the order of inspection `id` (a full id) in `lang`, dated today,
 * into out (doc_init'ed; doc_release it either way).  Refuses an
 * inspection without hazards (there is nothing to order).  `forms` may be
 * NULL. */
int notice_doc(struct fc_store *s, const char *id, enum notice_lang lang,
	       const struct notice_forms *forms, struct doc *out, struct fc_err *err);
/* The same as text (core/doc.h's doc_text). */
int notice_text(struct fc_store *s, const char *id, enum notice_lang lang,
		const struct notice_forms *forms, struct strbuf *out, struct fc_err *err);

#endif
