/* inspection.h - inspections in the store: created, answered item by item
 * (every answer saved the moment it is given), finalized, then only amended.
 *
 * These functions know the model's rules (a finalized inspection does not
 * change; a team has members) but not the forms: checking an answer against
 * its checklist happens one layer up, in forms/inspect/inspect.c.
 */
#ifndef FC_INSPECTION_H
#define FC_INSPECTION_H

#include "model.h"
#include "store.h"

struct insp_new {
	const char *form_id;
	int form_version;
	const char *enterprise;
	enum insp_type type;
	const char *location;
	const struct fc_person *team;  /* the creator is added first if missing */
	size_t n_team;
};

/* Creates a draft; writes its id into id_out (FC_UUID_LEN + 1). */
int inspection_create(struct fc_store *s, const struct fc_person *me, const struct insp_new *n,
		      char *id_out, struct fc_err *err);
/* Reads one with its team, answers and amendments. */
int inspection_get(struct fc_store *s, const char *id, struct fc_inspection *out,
		   struct fc_err *err);
/* Sets (or replaces) the answer to `item` of a draft. */
int inspection_set_answer(struct fc_store *s, const struct fc_person *me, const char *id,
			  const char *item, const char *value, const char *note,
			  struct fc_err *err);
/* Adds an officer to a draft's team (a joint team member arriving). */
int inspection_add_member(struct fc_store *s, const char *id, const struct fc_person *p,
			  struct fc_err *err);
/* Removes the answer to `item` of a draft (no error if there was none). */
int inspection_clear_answer(struct fc_store *s, const char *id, const char *item,
			    struct fc_err *err);
/* Drops the other values kept for a clashing item (after the answer was
 * chosen); refuses when the item has none. */
int inspection_clear_conflicts(struct fc_store *s, const char *id, const char *item,
			       struct fc_err *err);
/* Locks a draft: from now on it only takes amendments. */
int inspection_finalize(struct fc_store *s, const char *id, struct fc_err *err);
/* Appends a correction to a finalized inspection. */
int inspection_amend(struct fc_store *s, const struct fc_person *me, const char *id,
		     const char *item, const char *value, const char *note, const char *reason,
		     struct fc_err *err);
/* Refuses, with a message naming it, unless the inspection is a draft. */
int inspection_require_draft(struct fc_store *s, const char *id, struct fc_err *err);
/* A draft's position (docs/FORMAT.md): geo "LAT LON ALT ACCURACY", source
 * gps, typed or photo; a final inspection's stays as it was finalized. */
int inspection_set_geo(struct fc_store *s, const char *id, const char *geo, const char *source,
		       struct fc_err *err);
/* A draft's texts beyond its answers: the inspected unit's legal
 * representative or responsible person on site (name, title, phone), the
 * findings (检查情况) and the opinion on handling (处理意见).  values[f]
 * NULL leaves text f as it is; all change in one transaction.  A final
 * inspection's stay as finalized. */
enum insp_text { INSP_RESP_NAME, INSP_RESP_TITLE, INSP_RESP_PHONE, INSP_FINDINGS, INSP_OPINION,
		 INSP_TEXT_COUNT };
int inspection_set_texts(struct fc_store *s, const char *id,
			 const char *const values[INSP_TEXT_COUNT], struct fc_err *err);
/* Text f of an inspection read from the store (never NULL). */
const char *inspection_text_of(const struct fc_inspection *in, enum insp_text f);
/* The day the inspection was made (YYYY-MM-DD, its local date). */
int inspection_day(struct fc_store *s, const char *id, char day[FC_DATE_LEN + 1],
		   struct fc_err *err);

/* The inspection of in's form (any version) that in's officer started last
 * before `in` (by created_at, then id), which XLSForm's ${last-saved#x}
 * reads: its id into id_out (FC_UUID_LEN + 1) and 1, 0 when there is none,
 * -1 with err.  Every value is a bound parameter (inspection_last.c). */
int inspection_last_saved(struct fc_store *s, const struct fc_inspection *in, char *id_out,
			  struct fc_err *err);

/* One line of `inspection list`. */
struct insp_row {
	char id[FC_UUID_LEN + 1];
	char form_id[MAX_FORM_ID + 1];
	int form_version;
	char enterprise[USCC_LEN + 1];
	char enterprise_name[MAX_NAME + 1];
	char type[16], status[16];
	char created_at[FC_TIMESTAMP_LEN + 1];
	int n_answers, n_hazards;
	char created_by[MAX_BADGE + 1];      /* who started it: badge, */
	char created_by_name[MAX_NAME + 1];  /* and name when on its team */
};
typedef int (*insp_row_cb)(const struct insp_row *r, void *ctx);
/* status: NULL for all, "draft", "final" or "conflicted"; newest first.
 * Walks the pages of listing.h (inspection_walk). */
int inspection_list(struct fc_store *s, const char *status, insp_row_cb cb, void *ctx,
		    struct fc_err *err);

/* Expands an id or a unique prefix of one (at least 4 characters) from
 * `table` ("inspections" or "hazards") into out (FC_UUID_LEN + 1). */
int store_expand_id(struct fc_store *s, const char *table, const char *prefix, char *out,
		    struct fc_err *err);

#endif
