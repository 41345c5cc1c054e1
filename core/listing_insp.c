/* listing_insp.c - inspections a page at a time (listing.h), newest
 * first, through the indexes (created_at DESC), (status, created_at DESC)
 * and (form_id, status, created_at DESC) of migration 10, each of which
 * ends in the id: a page after a row is a range of one of them.  Every
 * form's inspections of any status are its drafts and its finished ones
 * merged (listing.c); conflicted ones are few and come from
 * answer_conflicts. */
#include <string.h>

#include "listing_impl.h"
#include "strbuf.h"

/* The columns row_from reads. */
#define INSP_SELECT \
	"SELECT i.id, i.form_id, i.form_version, i.enterprise, coalesce(e.name, ''), i.type," \
	" i.status, i.created_at, (SELECT count(*) FROM answers a WHERE a.inspection = i.id)," \
	" (SELECT count(*) FROM hazards h WHERE h.inspection = i.id), i.created_by," \
	" coalesce((SELECT t.name FROM team t WHERE t.inspection = i.id AND" \
	" t.badge = i.created_by), '')" \
	" FROM inspections i LEFT JOIN enterprises e ON e.code = i.enterprise"

static const char *const names[] = { ":status", ":form", ":kat", ":kid",
				     ":x1", ":x2", ":x3", ":x4", ":x5", NULL };

static void row_from(sqlite3_stmt *st, struct insp_row *r)
{
	memset(r, 0, sizeof *r);
	store_col_copy(st, 0, r->id, sizeof r->id);
	store_col_copy(st, 1, r->form_id, sizeof r->form_id);
	r->form_version = sqlite3_column_int(st, 2);
	store_col_copy(st, 3, r->enterprise, sizeof r->enterprise);
	store_col_copy(st, 4, r->enterprise_name, sizeof r->enterprise_name);
	store_col_copy(st, 5, r->type, sizeof r->type);
	store_col_copy(st, 6, r->status, sizeof r->status);
	store_col_copy(st, 7, r->created_at, sizeof r->created_at);
	r->n_answers = sqlite3_column_int(st, 8);
	r->n_hazards = sqlite3_column_int(st, 9);
	store_col_copy(st, 10, r->created_by, sizeof r->created_by);
	store_col_copy(st, 11, r->created_by_name, sizeof r->created_by_name);
}

/* Newest first, then by id. */
static int cmp_rows(sqlite3_stmt *a, sqlite3_stmt *b)
{
	int c = strcmp((const char *)sqlite3_column_text(b, 7),
		       (const char *)sqlite3_column_text(a, 7));

	return c ? c : strcmp((const char *)sqlite3_column_text(a, 0),
			      (const char *)sqlite3_column_text(b, 0));
}

static int has(const char *v)
{
	return v && *v;
}

/* The ranges f reads, as conditions over i: one, or a form's two. */
static size_t ranges_of(const struct insp_filter *f, const char *out[2])
{
	if (has(f->status) && !strcmp(f->status, "conflicted"))
		out[0] = "i.id IN (SELECT inspection FROM answer_conflicts)";
	else if (has(f->status))
		out[0] = "i.status = :status";
	else if (has(f->form)) {
		out[0] = "i.status = 'draft'";
		out[1] = "i.status = 'final'";
		return 2;
	} else
		out[0] = "1";
	return 1;
}

static void add_where(struct strbuf *sql, const char *range, const struct insp_filter *f,
		      const struct list_extra *x)
{
	strbuf_addf(sql, " WHERE %s", range);
	if (has(f->form))
		strbuf_adds(sql, " AND i.form_id = :form");
	if (x && x->where && *x->where)
		strbuf_addf(sql, " AND (%s)", x->where);
}

int inspection_page_x(struct fc_store *s, const struct insp_filter *f,
		      const struct list_extra *x, const struct insp_row *after, size_t n,
		      insp_row_cb cb, void *ctx, size_t *got, struct fc_err *err)
{
	const char *values[] = { f->status, f->form, after ? after->created_at : "",
				 after ? after->id : "", x ? x->x[0] : "", x ? x->x[1] : "",
				 x ? x->x[2] : "", x ? x->x[3] : "", x ? x->x[4] : "" };
	struct list_merge m = { s, { { NULL, 0, 0 } }, 0, cmp_rows };
	const char *range[2];
	size_t nr = ranges_of(f, range), k;
	struct list_cursor *c;
	int rc = 0;

	for (k = 0; k < nr && !rc; k++) {
		struct strbuf sql;

		strbuf_init(&sql);
		strbuf_adds(&sql, INSP_SELECT);
		if (x && x->from)
			strbuf_adds(&sql, x->from);
		add_where(&sql, range[k], f, x);
		if (after)
			strbuf_adds(&sql, " AND i.created_at <= :kat AND"
				    " (i.created_at < :kat OR i.id > :kid)");
		strbuf_adds(&sql, " ORDER BY i.created_at DESC, i.id");
		rc = list_open(&m, sql.buf, 0, names, values, err);
		strbuf_release(&sql);
	}
	for (k = 0; !rc && k < n && (c = list_next(&m)); ) {
		struct insp_row r;

		row_from(c->st, &r);
		k++;
		if (cb(&r, ctx))
			break;
		list_step(c);
	}
	if (got)
		*got = rc ? 0 : k;
	if (!rc)
		rc = list_failed(&m, "listing inspections", err);
	list_close(&m);
	return rc;
}

int inspection_page(struct fc_store *s, const struct insp_filter *f, const struct insp_row *after,
		    size_t n, insp_row_cb cb, void *ctx, size_t *got, struct fc_err *err)
{
	return inspection_page_x(s, f, NULL, after, n, cb, ctx, got, err);
}

int inspection_count(struct fc_store *s, const struct insp_filter *f, long *n,
		     struct fc_err *err)
{
	const char *values[] = { f->status, f->form, "", "", "", "", "", "", "" };
	const char *range[2];
	struct strbuf sql;
	int rc;

	*n = 0;
	strbuf_init(&sql);
	strbuf_adds(&sql, "SELECT count(*) FROM inspections i");
	ranges_of(f, range);
	/* a form's inspections of any status are two ranges, but one count */
	add_where(&sql, has(f->status) ? range[0] : "1", f, NULL);
	rc = list_sum(s, sql.buf, names, values, n, err);
	strbuf_release(&sql);
	return rc;
}
