/* hazard.h - hazards (隐患) and their closed loop: found, notice issued,
 * rectified, verified and closed, or overdue; extensions and listed
 * supervision along the way.  The event log is append-only; a hazard's
 * state is derived from it (model.h, and hazard_view in the store). */
#ifndef FC_HAZARD_H
#define FC_HAZARD_H

#include "model.h"
#include "store.h"

struct hazard_new {
	const char *inspection;   /* full id */
	const char *item;         /* checklist item, or "" */
	enum hazard_sev severity;
	const char *description;
	const char *deadline;     /* YYYY-MM-DD */
	const char *note;         /* on the 'found' event, or NULL */
};

/* Creates a hazard with its 'found' event; id_out gets the new id. */
int hazard_add(struct fc_store *s, const struct fc_person *me, const struct hazard_new *n,
	       char *id_out, struct fc_err *err);
/* Reads one with its events in record order. */
int hazard_get(struct fc_store *s, const char *id, struct fc_hazard *out, struct fc_err *err);
/* Appends an event, enforcing the closed loop: nothing but comments after
 * closing; 'verified' needs 'rectified' first; 'extend' needs a later date;
 * a notice may set the deadline. `date` may be NULL. */
int hazard_event_add(struct fc_store *s, const struct fc_person *me, const char *id,
		     enum hazard_event_kind kind, const char *date, const char *note,
		     struct fc_err *err);
/* The hazard a checklist item of an inspection created: 1 and its id in
 * id_out when there is one, 0 when there is none, -1 on error. */
int hazard_find_for_item(struct fc_store *s, const char *inspection, const char *item,
			 char *id_out, struct fc_err *err);
/* Deletes a hazard of a draft inspection (its item was answered again). */
int hazard_withdraw(struct fc_store *s, const char *id, struct fc_err *err);
/* Replaces the hazard that item n->item of draft n->inspection created with
 * n, in one transaction (the answer is untouched): the screens' and
 * `hazard add --replace`'s change of a failed item's hazard. */
int hazard_replace(struct fc_store *s, const struct fc_person *me, const struct hazard_new *n,
		   char *id_out, struct fc_err *err);

struct hazard_filter {
	int open;                 /* not yet rectified (open or notified) */
	int overdue;              /* open and past the deadline in force */
	int major;
	const char *enterprise;   /* credit code, or NULL */
	const char *inspection;   /* full id, or NULL */
	const char *today;        /* YYYY-MM-DD: what 'overdue' is judged against */
};

struct hazard_row {
	char id[FC_UUID_LEN + 1];
	char inspection[FC_UUID_LEN + 1];
	char enterprise[USCC_LEN + 1];
	char enterprise_name[MAX_NAME + 1];
	char item[MAX_ITEM + 1];
	char severity[16];
	char state[16];
	char deadline[FC_DATE_LEN + 1], due[FC_DATE_LEN + 1];
	int supervised, overdue;
	char *description;        /* valid during the callback only */
};
typedef int (*hazard_row_cb)(const struct hazard_row *r, void *ctx);
/* Hazards matching the filter, overdue and major first, then by due date
 * and id; walks the pages of listing.h (hazard_page). */
int hazard_list(struct fc_store *s, const struct hazard_filter *f, hazard_row_cb cb, void *ctx,
		struct fc_err *err);

#endif
