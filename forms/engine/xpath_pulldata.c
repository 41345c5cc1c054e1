/* xpath_pulldata.c - ODK's pulldata('FILE', 'COLUMN', 'KEY_COLUMN', key):
 * the COLUMN of the first row of FILE.csv (beside the form, kept with it:
 * forms/engine/pulldata.c reads it when the form loads) whose KEY_COLUMN is
 * key as text, else ''.  The file is the form's and never changes, so the
 * lookup is translated once into one CASE over its rows; a file too large
 * for that is refused when the form loads. */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/csv.h"
#include "forms/engine/form.h"
#include "forms/engine/xpath_impl.h"

#define PULLDATA_ROWS_MAX 5000      /* rows one lookup may cover */
#define PULLDATA_SQL_MAX (512 << 10) /* bytes of the CASE it becomes */

static int column_of(const struct csv_row *head, const char *name)
{
	size_t k;

	for (k = 0; k < head->n; k++)
		if (!strcmp(head->cells[k].s, name))
			return (int)k;
	return -1;
}

/* The CASE over the rows of csv for key (SQL text) into sb. */
static int lookup_sql(struct xp *x, size_t pos, const struct csv *c, const char *file,
		      const char *col, const char *keycol, const char *key, struct strbuf *sb)
{
	int v = column_of(&c->rows[0], col), k = column_of(&c->rows[0], keycol);
	size_t r;

	if (v < 0 || k < 0)
		return xp_fail_at(x, pos, "pulldata(): %s has no column '%.40s'", file,
				  v < 0 ? col : keycol);
	if (c->n - 1 > PULLDATA_ROWS_MAX)
		return xp_fail_at(x, pos, "pulldata(): %s has more than %d rows to look up "
				  "in", file, PULLDATA_ROWS_MAX);
	strbuf_addf(sb, "CASE CAST(%s AS TEXT)", key);
	for (r = 1; r < c->n; r++) {
		const struct csv_row *row = &c->rows[r];
		const char *val;
		if ((size_t)k >= row->n)
			continue;
		val = (size_t)v < row->n ? row->cells[v].s : "";
		strbuf_adds(sb, " WHEN ");
		xp_sql_quote(sb, row->cells[k].s, strlen(row->cells[k].s));
		strbuf_adds(sb, " THEN ");
		xp_sql_quote(sb, val, strlen(val));
		if (sb->len > PULLDATA_SQL_MAX)
			return xp_fail_at(x, pos, "pulldata(): %s is too large to look up in",
					  file);
	}
	strbuf_adds(sb, " ELSE '' END");
	return 0;
}

int xp_call_pulldata(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	const struct form_csv_file *ff;
	struct fc_err err;
	struct strbuf sb;
	struct csv c;
	char file[FORM_FILE_NAME_MAX + 8];
	int rc;

	if (n != 4)
		return xp_fail_at(x, pos, "pulldata() takes 4 arguments, not %d", n);
	if (!a[0].lit || !a[1].lit || !a[2].lit)
		return xp_fail_at(x, pos, "pulldata(): the file, the column and the key column "
				  "must be written as text ('fruits', 'price', 'name')");
	snprintf(file, sizeof file, "%.*s%s", FORM_FILE_NAME_MAX, a[0].lit,
		 strstr(a[0].lit, ".csv") ? "" : ".csv");
	ff = x->env->form ? form_file_find(x->env->form, file) : NULL;
	if (ff && ff->missing) { /* warned when the form loaded (fromfile.c) */
		out->sql = xstrdup("''");
		out->type = XT_STR;
		out->lit = NULL;
		return 0;
	}
	if (!ff || !ff->csv)
		return xp_fail_at(x, pos, "pulldata(): %s is not beside the form", file);
	if (csv_parse(ff->csv, ff->len, NULL, &c, &err))
		return xp_fail_at(x, pos, "pulldata(): %s: %s", file, err.msg);
	xp_to_str(&a[3]);
	strbuf_init(&sb);
	rc = c.n ? lookup_sql(x, pos, &c, file, a[1].lit, a[2].lit, a[3].sql, &sb)
		 : xp_fail_at(x, pos, "pulldata(): %s is empty", file);
	csv_release(&c);
	if (rc) {
		strbuf_release(&sb);
		return -1;
	}
	out->sql = strbuf_detach(&sb);
	out->type = XT_STR;
	out->lit = NULL;
	return 0;
}
