/* listing_haz.c - hazards a page at a time (listing.h), from hazard_state
 * (migration 10) through its indexes (major, open, due, id), optionally
 * after the enterprise or the inspection.
 *
 * The order is overdue first, then major, then due and id.  Overdue
 * depends on the day asked, so no index holds that order whole; it holds
 * six ranges that are each in (due, id) order: for major and for general,
 * open and due before today (overdue), open and due today or later, and
 * rectified or closed.  Overdue major, overdue general, then the major and
 * the general ones of the two other ranges merged (listing.c).  A page
 * after a row starts in that row's part, past its (due, id). */
#include <stdio.h>
#include <string.h>

#include "listing_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

/* The columns row_from reads, the overdue flag given by the range, then
 * the index (index_of). */
#define HAZ_SELECT \
	"SELECT s.id, s.inspection, s.enterprise, coalesce(e.name, ''), h.item, h.severity," \
	" s.state, h.deadline, s.due, s.supervised, %d, h.description" \
	" FROM hazard_state s%s%s LEFT JOIN enterprises e ON e.code = s.enterprise" \
	" CROSS JOIN hazards h ON h.id = s.id"

static const char *const range_sql[] = {
	[HR_OVERDUE] = "s.open = 1 AND s.due < :today",
	[HR_LATER] = "s.open = 1 AND s.due >= :today",
	[HR_DONE] = "s.open = 0",
};

static const char *const names[] = { ":today", ":ent", ":insp", ":kdue", ":kid",
				     ":x1", ":x2", ":x3", ":x4", ":x5", ":found", NULL };

unsigned hazard_ranges(const struct hazard_filter *f)
{
	unsigned r = 0;
	int mj;

	for (mj = f->major ? 1 : 0; mj <= 1; mj++) {
		r |= HR(mj, HR_OVERDUE);
		if (!f->overdue)
			r |= HR(mj, HR_LATER);
		if (!f->overdue && !f->open)
			r |= HR(mj, HR_DONE);
	}
	return r;
}

/* Where the rows of a range stand in the order: overdue major, overdue
 * general, then the rest of the major, then of the general. */
static int seg_of(int overdue, int major)
{
	return overdue ? !major : 2 + !major;
}

static void row_from(sqlite3_stmt *st, struct hazard_row *r)
{
	memset(r, 0, sizeof *r);
	store_col_copy(st, 0, r->id, sizeof r->id);
	store_col_copy(st, 1, r->inspection, sizeof r->inspection);
	store_col_copy(st, 2, r->enterprise, sizeof r->enterprise);
	store_col_copy(st, 3, r->enterprise_name, sizeof r->enterprise_name);
	store_col_copy(st, 4, r->item, sizeof r->item);
	store_col_copy(st, 5, r->severity, sizeof r->severity);
	store_col_copy(st, 6, r->state, sizeof r->state);
	store_col_copy(st, 7, r->deadline, sizeof r->deadline);
	store_col_copy(st, 8, r->due, sizeof r->due);
	r->supervised = sqlite3_column_int(st, 9);
	r->overdue = sqlite3_column_int(st, 10);
	r->description = (char *)sqlite3_column_text(st, 11);
}

/* (due, id) of two rows of one range. */
static int cmp_rows(sqlite3_stmt *a, sqlite3_stmt *b)
{
	int c = strcmp((const char *)sqlite3_column_text(a, 8),
		       (const char *)sqlite3_column_text(b, 8));

	return c ? c : strcmp((const char *)sqlite3_column_text(a, 0),
			      (const char *)sqlite3_column_text(b, 0));
}

/* An inspection's or an enterprise's hazards are read through their own
 * index: left to itself SQLite prefers the key's order of every hazard
 * (no look-up back into the table) and reads them all to find a few. */
static const char *index_of(const struct hazard_filter *f)
{
	if (f->inspection && *f->inspection)
		return " INDEXED BY hazard_state_inspection";
	if (f->enterprise && *f->enterprise)
		return " INDEXED BY hazard_state_enterprise";
	return "";
}

/* The conditions every range of f shares. */
static void add_filters(struct strbuf *sql, const struct hazard_filter *f,
			const struct list_extra *x)
{
	if (f->enterprise && *f->enterprise)
		strbuf_adds(sql, " AND s.enterprise = :ent");
	if (f->inspection && *f->inspection)
		strbuf_adds(sql, " AND s.inspection = :insp");
	if (x && x->where && *x->where)
		strbuf_addf(sql, " AND (%s)", x->where);
}

/* The two parts of a range split at found_from (list_extra): those due
 * from it on, and those due before it, which are due before they were
 * found; or the whole range. */
enum { PART_WHOLE, PART_LATER, PART_EARLY };

/* The values' indexes in names[] that open_part compares. */
#define V_KDUE 3
#define V_FOUND 10

/* The conditions on (due, id) of a part: the key after the row before
 * the page (in its segment), and the part's own.  The later part gets the
 * stricter of its two lower bounds alone: given both, SQLite seeks to one
 * and reads every row up to the other (a page halfway down this year's
 * hazards read the half before it). */
static void add_bounds(struct strbuf *sql, int part, int after, const char *const *values)
{
	int key_first = part == PART_LATER && strcmp(values[V_KDUE], values[V_FOUND]) >= 0;

	if (part == PART_LATER && !(after && key_first))
		strbuf_adds(sql, " AND s.due >= :found");
	else if (part == PART_EARLY)   /* the partial index's own condition */
		strbuf_adds(sql, " AND s.due < :found AND s.due < s.found_at");
	if (after && (part != PART_LATER || key_first))
		strbuf_adds(sql, " AND (s.due, s.id) > (:kdue, :kid)");
}

static int open_part(struct list_merge *m, const struct hazard_filter *f,
		     const struct list_extra *x, int mj, int kind, int seg, int after_seg,
		     int part, const char *const *values, struct fc_err *err)
{
	const char *index = index_of(f);
	char partial[64];
	struct strbuf sql;
	int rc;

	if (part == PART_EARLY)
		index = " INDEXED BY hazard_state_early";
	else if (!*index && x && x->indexed_by && *x->indexed_by) {
		snprintf(partial, sizeof partial, " INDEXED BY %s", x->indexed_by);
		index = partial;
	}
	strbuf_init(&sql);
	strbuf_addf(&sql, HAZ_SELECT, kind == HR_OVERDUE, index, x && x->from ? x->from : "");
	strbuf_addf(&sql, " WHERE s.major = %d AND %s", mj, range_sql[kind]);
	add_filters(&sql, f, x);
	add_bounds(&sql, part, seg == after_seg, values);
	strbuf_adds(&sql, " ORDER BY s.due, s.id");
	rc = list_open(m, sql.buf, seg, names, values, err);
	strbuf_release(&sql);
	return rc;
}

static int open_range(struct list_merge *m, const struct hazard_filter *f,
		      const struct list_extra *x, int mj, int kind, int after_seg,
		      const char *const *values, struct fc_err *err)
{
	int seg = seg_of(kind == HR_OVERDUE, mj);

	if (seg < after_seg)
		return 0;
	/* an enterprise's or an inspection's hazards are few already */
	if (!x || !x->found_from || !*x->found_from || *index_of(f))
		return open_part(m, f, x, mj, kind, seg, after_seg, PART_WHOLE, values, err);
	return open_part(m, f, x, mj, kind, seg, after_seg, PART_LATER, values, err) ||
	       open_part(m, f, x, mj, kind, seg, after_seg, PART_EARLY, values, err);
}

int hazard_page_x(struct fc_store *s, const struct hazard_filter *f, unsigned ranges,
		  const struct list_extra *x, const struct hazard_row *after, size_t n,
		  hazard_row_cb cb, void *ctx, size_t *got, struct fc_err *err)
{
	const char *values[] = { f->today, f->enterprise, f->inspection,
				 after ? after->due : "", after ? after->id : "",
				 x ? x->x[0] : "", x ? x->x[1] : "", x ? x->x[2] : "",
				 x ? x->x[3] : "", x ? x->x[4] : "",
				 x && x->found_from ? x->found_from : "" };
	struct list_merge m = { s, { { NULL, 0, 0 } }, 0, cmp_rows };
	int after_seg = after ? seg_of(after->overdue, !strcmp(after->severity, "major")) : -1;
	struct list_cursor *c;
	size_t k = 0;
	int mj, kind, rc = 0;

	for (mj = 1; mj >= 0; mj--)
		for (kind = HR_OVERDUE; kind <= HR_DONE; kind++)
			if ((ranges & HR(mj, kind)) &&
			    open_range(&m, f, x, mj, kind, after_seg, values, err)) {
				list_close(&m);
				return -1;
			}
	while (k < n && (c = list_next(&m))) {
		struct hazard_row r;

		row_from(c->st, &r);
		k++;
		if (cb(&r, ctx))
			break;
		list_step(c);
	}
	if (got)
		*got = k;
	rc = list_failed(&m, "listing hazards", err);
	list_close(&m);
	return rc;
}

int hazard_page(struct fc_store *s, const struct hazard_filter *f, const struct hazard_row *after,
		size_t n, hazard_row_cb cb, void *ctx, size_t *got, struct fc_err *err)
{
	return hazard_page_x(s, f, hazard_ranges(f), NULL, after, n, cb, ctx, got, err);
}

int hazard_count(struct fc_store *s, const struct hazard_filter *f, long *n, struct fc_err *err)
{
	const char *values[] = { f->today, f->enterprise, f->inspection, "", "", "", "", "", "", "",
				 "" };
	unsigned ranges = hazard_ranges(f);
	struct strbuf sql;
	int mj, kind, rc;

	*n = 0;
	strbuf_init(&sql);
	for (mj = 1; mj >= 0; mj--)
		for (kind = HR_OVERDUE; kind <= HR_DONE; kind++) {
			if (!(ranges & HR(mj, kind)))
				continue;
			strbuf_addf(&sql, "%sSELECT count(*) FROM hazard_state s WHERE s.major = %d"
				    " AND %s", sql.len ? " UNION ALL " : "", mj, range_sql[kind]);
			add_filters(&sql, f, NULL);
		}
	rc = list_sum(s, sql.buf, names, values, n, err);
	strbuf_release(&sql);
	return rc;
}
