/* listing_impl.h - what the listings (listing.c, listing_insp.c,
 * listing_haz.c) and the records behind a report's figure
 * (report_records.c) share: ranges of an index read side by side and
 * merged in the listing's order, and a listing narrowed by more SQL. */
#ifndef FC_LISTING_IMPL_H
#define FC_LISTING_IMPL_H

#include "listing.h"
#include "store_impl.h"

#define LIST_MAX_CURSORS 12
#define LIST_MAX_BINDS 5

/* More of a listing's SQL (fixed text, never built from input): `from` is
 * joined after the listing's own tables (for hazards, after s and before
 * h and e, so its conditions are tested before a hazard's text is read),
 * `where` ANDed to its conditions, and x[k] bound to :x1 .. :x5.  The
 * hazards' tables are s (hazard_state), h (hazards) and e (enterprises);
 * the inspections' i and e.
 *
 * found_from, for hazards: every hazard `where` selects was found no
 * earlier than it (a date or a prefix of a time).  A range then reads as
 * two cursors: those due from found_from on, a range of the key (due, id)
 * that skips every hazard due earlier, and those due before it, which
 * are due before they were found (hazard_state_early, migration 12:
 * few).  Without it a page of this year's hazards read every hazard due
 * in the years before. */
struct list_extra {
	const char *from, *where;
	const char *x[LIST_MAX_BINDS];
	const char *found_from;     /* NULL or "" for none */
	/* For hazards: the index of hazard_state to read the ranges through,
	 * for the few of a kind: a partial one (migration 12) whose condition
	 * `where` carries, or hazard_state_id when `where` names a few ids */
	const char *indexed_by;     /* NULL or "" for none */
};

/* Cursors over ranges of the store, each in the listing's order within
 * itself; seg orders whole cursors (all of a lower seg come first), cmp
 * orders rows of one seg.  list_next gives the cursor whose row comes
 * next, and list_step moves it on. */
struct list_cursor {
	sqlite3_stmt *st;
	int rc, seg;
};
struct list_merge {
	struct fc_store *s;
	struct list_cursor c[LIST_MAX_CURSORS];
	size_t n;
	int (*cmp)(sqlite3_stmt *a, sqlite3_stmt *b);
};

/* Prepares sql as the merge's next cursor, binds every named parameter it
 * uses from names/values (NULL-ended) and steps to its first row. */
int list_open(struct list_merge *m, const char *sql, int seg, const char *const *names,
	      const char *const *values, struct fc_err *err);
/* The cursor whose row comes next, or NULL when all are done (or one
 * failed: list_failed says so). */
struct list_cursor *list_next(struct list_merge *m);
void list_step(struct list_cursor *c);
/* -1 with err set when a cursor stopped on an error, else 0. */
int list_failed(struct list_merge *m, const char *context, struct fc_err *err);
void list_close(struct list_merge *m);
/* The sum of the first column of each row of sql, bound as list_open. */
int list_sum(struct fc_store *s, const char *sql, const char *const *names,
	     const char *const *values, long *sum, struct fc_err *err);

/* Hazard ranges: bit HR(major, kind) for kind HR_OVERDUE (open, due before
 * today), HR_LATER (open, due today or later), HR_DONE (rectified or
 * closed). */
enum { HR_OVERDUE, HR_LATER, HR_DONE };
#define HR(major, kind) (1u << ((major) * 3 + (kind)))
#define HR_ALL 0x3fu
/* The ranges a filter's open, overdue and major flags take. */
unsigned hazard_ranges(const struct hazard_filter *f);

int hazard_page_x(struct fc_store *s, const struct hazard_filter *f, unsigned ranges,
		  const struct list_extra *x, const struct hazard_row *after, size_t n,
		  hazard_row_cb cb, void *ctx, size_t *got, struct fc_err *err);
int inspection_page_x(struct fc_store *s, const struct insp_filter *f,
		      const struct list_extra *x, const struct insp_row *after, size_t n,
		      insp_row_cb cb, void *ctx, size_t *got, struct fc_err *err);

#endif
