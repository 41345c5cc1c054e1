/* listing.c - ranges of the store read side by side and merged in a
 * listing's order (listing_impl.h), and the home screen's counts.
 *
 * A listing whose order the indexes hold only in pieces (overdue hazards
 * before the others, drafts beside finished inspections of one form) reads
 * each piece as a range of an index, in order, and merges them here: each
 * cursor is stepped only as far as the page needs, so nothing is sorted
 * and nothing past the page is read. */
#include <string.h>

#include "listing_impl.h"
#include "core/i18n.h"

/* Binds each named parameter the statement uses. */
static void bind_names(sqlite3_stmt *st, const char *const *names, const char *const *values)
{
	size_t k;
	int i;

	for (k = 0; names && names[k]; k++)
		if ((i = sqlite3_bind_parameter_index(st, names[k])) > 0)
			store_bind(st, i, values[k]);
}

int list_open(struct list_merge *m, const char *sql, int seg, const char *const *names,
	      const char *const *values, struct fc_err *err)
{
	struct list_cursor *c;

	if (m->n == LIST_MAX_CURSORS)
		return fc_fail(err, "listing: more than %d ranges", LIST_MAX_CURSORS);
	c = &m->c[m->n];
	if (store_prepare(m->s, sql, &c->st, err))
		return -1;
	m->n++;
	c->seg = seg;
	bind_names(c->st, names, values);
	list_step(c);
	return 0;
}

void list_step(struct list_cursor *c)
{
	c->rc = sqlite3_step(c->st);
}

struct list_cursor *list_next(struct list_merge *m)
{
	struct list_cursor *best = NULL;
	size_t k;

	for (k = 0; k < m->n; k++) {
		struct list_cursor *c = &m->c[k];

		if (c->rc != SQLITE_ROW) {
			if (c->rc != SQLITE_DONE)
				return NULL;
			continue;
		}
		if (!best || c->seg < best->seg ||
		    (c->seg == best->seg && m->cmp(c->st, best->st) < 0))
			best = c;
	}
	return best;
}

int list_failed(struct list_merge *m, const char *context, struct fc_err *err)
{
	size_t k;

	for (k = 0; k < m->n; k++)
		if (m->c[k].rc != SQLITE_ROW && m->c[k].rc != SQLITE_DONE)
			return store_sqlerr(m->s, err, context);
	return 0;
}

void list_close(struct list_merge *m)
{
	size_t k;

	for (k = 0; k < m->n; k++)
		sqlite3_finalize(m->c[k].st);
	m->n = 0;
}

int list_sum(struct fc_store *s, const char *sql, const char *const *names,
	     const char *const *values, long *sum, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, sql, &st, err))
		return -1;
	bind_names(st, names, values);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*sum += (long)sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE)
		store_sqlerr(s, err, "counting");
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int listing_counts(struct fc_store *s, const char *today, struct listing_counts *c,
		   struct fc_err *err)
{
	static const struct insp_filter drafts = { "draft", NULL };
	struct hazard_filter f;

	memset(c, 0, sizeof *c);
	memset(&f, 0, sizeof f);
	f.today = today;
	f.open = 1;
	if (inspection_count(s, &drafts, &c->drafts, err) || hazard_count(s, &f, &c->open, err))
		return -1;
	f.overdue = 1;
	if (hazard_count(s, &f, &c->overdue, err))
		return -1;
	f.overdue = 0;
	f.major = 1;
	return hazard_count(s, &f, &c->major, err);
}
