/* ui_data.h - what the screens read and write, in plain C (no curses):
 * counts for the home screen and lists read a page at a time, both over
 * core/listing.h (SQL counts, keyset pages), and where each draft was
 * left.
 */
#ifndef FC_UI_DATA_H
#define FC_UI_DATA_H

#include <stddef.h>
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/workspace.h"

struct data_counts {
	long drafts, open, overdue, major;
};
/* Counts drafts and open, overdue and open major hazards (listing_counts). */
int data_counts(struct fc_workspace *ws, const char *today, struct data_counts *c,
		struct fc_err *err);

/* Inspections, loaded a page at a time: data_insp_more appends up to
 * `page` rows after those already loaded, and sets `more`. */
struct data_insp {
	struct insp_row *rows;
	size_t n;
	int more;
	struct insp_row after;      /* the last row as read: the next page's key */
};
int data_insp_more(struct fc_store *s, const char *status, struct data_insp *d, size_t page,
		   struct fc_err *err);
void data_insp_release(struct data_insp *d);

struct data_haz {
	struct hazard_row *rows;    /* each description is a heap copy */
	size_t n;
	int more;
	struct hazard_row after;    /* the last row as read (no description) */
};
int data_haz_more(struct fc_store *s, const struct hazard_filter *f, struct data_haz *d,
		  size_t page, struct fc_err *err);
void data_haz_release(struct data_haz *d);

/* Where the walk of an inspection was left (an item name), in the store's
 * meta as "ui.last_item.<id>"; and which draft was open last. */
char *data_last_item(struct fc_workspace *ws, const char *id);
int data_set_last_item(struct fc_workspace *ws, const char *id, const char *item,
		       struct fc_err *err);
char *data_last_draft(struct fc_workspace *ws);
int data_set_last_draft(struct fc_workspace *ws, const char *id, struct fc_err *err);

#endif
