/* listing.h - the store's listings a page at a time, filtered and sorted
 * by SQL over indexes (migration 10), with keyset paging: a page is the
 * next n rows after a given row, found by the sort key (the sort columns
 * and the id, which makes the key unique), never by counting rows from the
 * start.  So any page of a list of 100 000 costs what the first does, and
 * rows added or changed between two pages neither repeat nor shift the
 * next page.  Counts are SQL aggregates over the same indexes.
 *
 * Inspections come newest first (created_at DESC, then id); hazards
 * overdue first, then major, then by the deadline in force (due), then id,
 * with overdue judged against the filter's today exactly as hazard_view
 * is read by hazard_list: open or notified and due before today.
 */
#ifndef FC_LISTING_H
#define FC_LISTING_H

#include <stddef.h>

#include "hazard.h"
#include "inspection.h"

/* The page inspection_list and hazard_list walk the whole list in. */
#define LIST_WALK_PAGE 256

struct insp_filter {
	const char *status;         /* NULL or "" for all, "draft", "final", "conflicted" */
	const char *form;           /* a form id, or NULL or "" for every form */
};

/* Up to n inspections of the filter that come after `after` (NULL: from
 * the first), each handed to cb (non-zero from cb stops the page); *got
 * (may be NULL) counts those handed out. */
int inspection_page(struct fc_store *s, const struct insp_filter *f, const struct insp_row *after,
		    size_t n, insp_row_cb cb, void *ctx, size_t *got, struct fc_err *err);
int inspection_count(struct fc_store *s, const struct insp_filter *f, long *n,
		     struct fc_err *err);
/* Every inspection of the filter, page after page (inspection_list is
 * this by status alone). */
int inspection_walk(struct fc_store *s, const struct insp_filter *f, insp_row_cb cb, void *ctx,
		    struct fc_err *err);

/* The same for hazards; `after` is a row this filter listed (its overdue
 * flag judged against the same today). */
int hazard_page(struct fc_store *s, const struct hazard_filter *f, const struct hazard_row *after,
		size_t n, hazard_row_cb cb, void *ctx, size_t *got, struct fc_err *err);
int hazard_count(struct fc_store *s, const struct hazard_filter *f, long *n, struct fc_err *err);

/* The home screen's figures: drafts, and hazards open, open and overdue,
 * open and major. */
struct listing_counts {
	long drafts, open, overdue, major;
};
int listing_counts(struct fc_store *s, const char *today, struct listing_counts *c,
		   struct fc_err *err);

#endif
