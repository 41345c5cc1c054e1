/* inspect.h - inspections walked through their checklist.
 *
 * The layer above core/inspection.c that knows the form: an answer is checked
 * against the item's type, choices, constraint and relevance (with the form's
 * own message); a failed check item creates its hazard, and answering it
 * again withdraws that hazard; items that stop being relevant lose their
 * answers; finalizing refuses while a required item is unanswered.  The CLI
 * and the TUI both call these, so no rule lives only behind a screen.
 */
#ifndef FC_INSPECT_H
#define FC_INSPECT_H

#include "core/model.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

/* Starts a draft of form `f` (whose texts are kept in the store). */
int inspect_new(struct fc_workspace *ws, const struct form *f, const char *enterprise,
		enum insp_type type, const char *location, const struct fc_person *team,
		size_t n_team, char *id_out, struct fc_err *err);

/* The form an inspection was filled with: the copy in the store.  Free with
 * form_free. */
struct form *inspect_form(struct fc_workspace *ws, const char *form_id, int version,
			  struct fc_err *err);

/* How a failed check becomes a hazard; zero/NULL fields take the form's. */
struct inspect_hazard {
	const char *description;   /* default: the note, else the item's label */
	int severity;              /* -1 (or SEV_NONE): the item's */
	const char *deadline;      /* default: inspection date + rectify_days */
};

/* Answers `item` (a record key: "plate", or "plate@<instance uuid>" for an
 * item inside a repeat) with `value` ("" clears it) and `note`, in one transaction
 * with its consequences (hazard created or withdrawn, answers of items no
 * longer relevant removed).  `lang` picks the language of the form's
 * messages.  `hz` may be NULL. */
int inspect_answer(struct fc_workspace *ws, const struct form *f, const char *id,
		   const char *item, const char *value, const char *note,
		   const struct inspect_hazard *hz, struct form_lang lang, struct fc_err *err);

/* Resolves a clash kept by a merge, in one transaction: answers `item` with
 * `value` (one of the values shown, or another valid one), `note` (NULL for
 * none) and, for a failed check, the hazard `hz` (may be NULL), as
 * inspect_answer, and drops the other values.  When the item no longer
 * applies, the clash resolves to no answer, whatever value.  The walk's
 * choice and `inspection resolve` both come here. */
int inspect_resolve(struct fc_workspace *ws, const struct form *f, const char *id,
		    const char *item, const char *value, const char *note,
		    const struct inspect_hazard *hz, struct form_lang lang, struct fc_err *err);

/* A required, relevant item without an answer: its index into f->items and,
 * inside a repeat, the position of the live instance that lacks it (from
 * 1; 0 outside repeats). */
struct inspect_missing {
	size_t idx, pos;
	char instance[FC_UUID_LEN + 1]; /* the instance's uuid, "" outside repeats */
};
/* The unanswered required items, in form order, an item inside a repeat
 * once for each live instance that lacks it; *n_out is their count.
 * free() the array. */
int inspect_missing(struct fc_workspace *ws, const struct form *f, const char *id,
		    struct inspect_missing **out, size_t *n_out, struct fc_err *err);

/* What finalizing checks, without finalizing: 0 when the draft `in` may be
 * finalized, else -1 and why (a conflict, required items unanswered, a
 * joint or unannounced inspection with fewer than two officers), so a
 * front end can refuse before asking "sure?". */
int inspect_finalize_checks(const struct form *f, const struct fc_inspection *in,
			    struct form_lang lang, struct fc_err *err);

/* Appends the items idx[0..n) to `out` as a person reads them: their labels
 * in `lang`, and with `with_names` each name in brackets, for a command
 * that takes it; the first 20, then how many more. */
struct strbuf;
void inspect_items_text(const struct form *f, const size_t *idx, size_t n, struct form_lang lang,
			int with_names, struct strbuf *out);

/* Finalizes: refuses, naming them, while required items are unanswered, and
 * for joint and unannounced inspections with fewer than two officers. */
int inspect_finalize(struct fc_workspace *ws, const struct form *f, const char *id,
		     struct form_lang lang, struct fc_err *err);

/* Answers of an inspection as the evaluator sees them, optionally with one
 * value being given that is not stored yet. */
struct inspect_lookup {
	const struct fc_inspection *in;
	const char *over_item, *over_value; /* over_item: a record key */
	char instance[FC_UUID_LEN + 1]; /* the repeat instance evaluated in, or "" */
	int repeat;                 /* the begin_repeat of that instance, or -1 */
	char position[24];          /* its position, as position(..) reads it */
	char day[FC_DATE_LEN + 1];  /* the inspection's day, for `today` items */
	char device[MAX_BADGE + 16]; /* "fieldcheck:BADGE", for `deviceid` */
	const struct fc_inspection *last; /* what ${last-saved#x} reads, or NULL */
};
struct inspect_answers {
	struct inspect_lookup l;
	struct form_answers fa;     /* pass &fa to the form_* evaluators */
	char today[FC_DATE_LEN + 1];
};
void inspect_answers_init(struct inspect_answers *a, const struct fc_inspection *in);
/* A media item's answer (FT_MEDIA): the name of the file attached to its
 * record key and not withdrawn (the first in the record's order), as ODK
 * records the file's name; NULL while none is. */
const char *inspect_item_file(const struct fc_inspection *in, const char *key);
/* Points a at instance `instance` (a uuid; "" or NULL: none) of the repeat
 * item `item` of f is inside, so ${x} reads that instance's x and
 * position(..) its place (forms/inspect/instances.h). */
void inspect_answers_in(struct inspect_answers *a, const struct form *f, size_t item,
			const char *instance);

/* The record XLSForm's ${last-saved#x} reads for inspection `in`: the
 * inspection of its form (any version) its officer started last before it
 * (forms/inspect/last_saved.c). */
struct inspect_last {
	struct fc_inspection in;
	int have;                   /* 0: there is none (or f reads none) */
};
/* Loads it when f reads one: 1, 0 when there is none, -1 with err.
 * Release with inspect_last_release either way. */
int inspect_last_load(struct fc_workspace *ws, const struct form *f,
		      const struct fc_inspection *in, struct inspect_last *out, struct fc_err *err);
void inspect_last_release(struct inspect_last *l);
/* Lets a's evaluations read l (NULL or none: nothing). */
void inspect_answers_last(struct inspect_answers *a, const struct inspect_last *l);

#endif
