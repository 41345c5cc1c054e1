/* fromfile.c - select_one_from_file / select_multiple_from_file: the
 * choices in a CSV file beside the survey, as pyxform reads it (a `name`
 * and a `label` column, the label per language as in choices.csv), or in a
 * GeoJSON file as ODK Collect reads one (geojson.c).
 *
 * The file is part of the form: its bytes are kept in f->files and travel
 * with the three sheets wherever the form goes (the store, the replica's
 * forms/<id>/<version>/, `forms add`).  It may come from a remote, so its
 * name is checked before it is opened (form_kept_file_name_ok: nothing but
 * [A-Za-z0-9_-] then .csv or .geojson, so it never leaves the folder), its
 * size and count are bounded and every cell is checked as choices.csv's
 * are, a GeoJSON file's by geojson.c.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/csv.h"
#include "forms/engine/geojson.h"
#include "forms/engine/sheet.h"
#include "forms/engine/survey_impl.h"

enum { F_NAME, F_LABEL };

static const struct sheet_col cols[] = {
	[F_NAME] = { "name", SHEET_REQUIRED },
	[F_LABEL] = { "label", SHEET_LANG | SHEET_MULTI },
};

/* Whether name is [A-Za-z0-9_-]{1,64} then ext.  Capitals as authors
 * write them ("UCL_regions.csv"); a form whose two files differ only in
 * case is refused where it loads (fromfile_add), as a laptop's folder may
 * not tell them apart. */
static int stem_ok(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext), i;

	if (n <= e || n - e > 64 || strcmp(name + n - e, ext))
		return 0;
	for (i = 0; i < n - e; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9') || name[i] == '_' || name[i] == '-'))
			return 0;
	return 1;
}

int form_geojson_name_ok(const char *name)
{
	return stem_ok(name, ".geojson");
}

int form_kept_file_name_ok(const char *name)
{
	return form_file_name_ok(name) || form_geojson_name_ok(name);
}

int form_file_name_ok(const char *name)
{
	/* the three sheets' names in any case: one of them on a folder that
	 * does not tell case apart */
	return stem_ok(name, ".csv") && strcasecmp(name, "survey.csv") &&
	       strcasecmp(name, "choices.csv") && strcasecmp(name, "settings.csv");
}

const struct form_csv_file *form_file_find(const struct form *f, const char *name)
{
	size_t k;

	for (k = 0; k < f->n_files; k++)
		if (!strcmp(f->files[k].name, name))
			return &f->files[k];
	return NULL;
}

/* Whether row r's choice is fine (a name, a label); reports what is not. */
static int choice_ok(struct loader *ld, const struct sheet *sh, size_t r)
{
	const struct csv_row *row = &sh->csv.rows[r];
	const char *name = sheet_get(sh, row, F_NAME, SLOT_PLAIN);
	struct fc_err err;
	int s;

	if (!*name) {
		sheet_problem(ld, sh, row, F_NAME, SLOT_PLAIN, "choice has no name");
		return 0;
	}
	if (!load_choice_name_ok(name, &err)) {
		sheet_problem(ld, sh, row, F_NAME, SLOT_PLAIN, "%s", err.msg);
		return 0;
	}
	for (s = 0; s < SLOT_COUNT && !*sheet_get(sh, row, F_LABEL, (enum sheet_slot)s); s++)
		;
	if (s == SLOT_COUNT) {
		sheet_problem(ld, sh, row, F_LABEL, SLOT_PLAIN, "choice '%s' has no label", name);
		return 0;
	}
	return 1;
}

struct named_row {
	const char *name;
	size_t row;
};

static int cmp_named(const void *a, const void *b)
{
	const struct named_row *p = a, *q = b;
	int c = strcmp(p->name, q->name);

	return c ? c : (p->row < q->row ? -1 : p->row > q->row);
}

/* Reports a name given twice (sorted, so a file of many rows is cheap to
 * check); 1 if there is none. */
static int names_unique(struct loader *ld, const struct sheet *sh)
{
	struct named_row *v = xcalloc(sh->csv.n, sizeof *v);
	size_t r, n = 0;
	int ok = 1;

	for (r = 1; r < sh->csv.n; r++)
		if (*(v[n].name = sheet_get(sh, &sh->csv.rows[r], F_NAME, SLOT_PLAIN)))
			v[n++].row = r;
	if (n)
		qsort(v, n, sizeof *v, cmp_named);
	for (r = 1; r < n; r++)
		if (!strcmp(v[r].name, v[r - 1].name)) {
			sheet_problem(ld, sh, &sh->csv.rows[v[r].row], F_NAME, SLOT_PLAIN,
				      "choice '%s' appears twice (also line %d)", v[r].name,
				      sh->csv.rows[v[r - 1].row].line);
			ok = 0;
		}
	free(v);
	return ok;
}

/* The file's own columns beyond name and label (a region, a phone number)
 * into l->cols, which a choice_filter and a lookup read: per column there,
 * its field in the file.  A header that is no name is not one. */
static int *own_columns(const struct sheet *sh, struct form_list *l)
{
	const struct csv_row *h = &sh->csv.rows[0];
	int *field = xcalloc(h->n + 1, sizeof *field), known;
	size_t k, c, alloc = 1;
	int s;

	l->cols = xcalloc(1, sizeof *l->cols); /* a file's list has cols, if none */
	for (k = 0; k < h->n; k++) {
		for (c = 0, known = 0; c < sh->n_cols && !known; c++)
			for (s = 0; s < SLOT_COUNT; s++)
				known |= sh->idx[c][s] == (int)k;
		if (known || !load_name_ok(h->cells[k].s))
			continue;
		for (c = 0; c < l->n_cols && strcmp(l->cols[c], h->cells[k].s); c++)
			;
		if (c < l->n_cols)
			continue; /* a header given twice: the first */
		ALLOC_GROW(l->cols, l->n_cols + 1, alloc);
		l->cols[l->n_cols] = xstrdup(h->cells[k].s);
		field[l->n_cols++] = (int)k;
	}
	return field;
}

/* The file's choices, in its order; NULL after reporting. */
static struct form_list *read_list(struct loader *ld, size_t k)
{
	struct form *f = ld->f;
	struct form_csv_file *ff = &f->files[k];
	struct form_list *l;
	struct sheet sh;
	size_t r, j;
	int bad = 0, *field;

	if (sheet_load(ld, &sh, (enum form_file)(FF_FILE + k), ff->csv, ff->len, cols,
		       ARRAY_SIZE(cols))) {
		sheet_release(&sh);
		return NULL;
	}
	for (r = 1; r < sh.csv.n; r++)
		if (!sheet_row_blank(&sh.csv.rows[r]))
			bad |= !choice_ok(ld, &sh, r);
	bad |= !names_unique(ld, &sh);
	l = xcalloc(1, sizeof *l);
	l->name = xstrdup(ff->name);
	l->choices = xcalloc(sh.csv.n, sizeof *l->choices);
	field = own_columns(&sh, l);
	for (r = 1; !bad && r < sh.csv.n; r++) {
		const struct csv_row *row = &sh.csv.rows[r];
		struct form_choice *c = &l->choices[l->n];
		if (sheet_row_blank(row))
			continue;
		c->name = xstrdup(sheet_get(&sh, row, F_NAME, SLOT_PLAIN));
		sheet_text(&sh, row, F_LABEL, &c->label);
		c->attrs = xcalloc(f->n_choice_cols + 1, sizeof *c->attrs);
		for (j = 0; j < f->n_choice_cols; j++) /* the choices sheet's: none */
			c->attrs[j] = xstrdup("");
		c->props = xcalloc(l->n_cols + 1, sizeof *c->props);
		for (j = 0; j < l->n_cols; j++)
			c->props[j] = xstrdup((size_t)field[j] < row->n ? row->cells[field[j]].s : "");
		l->n++;
	}
	free(field);
	if (!bad && !l->n)
		load_problem(ld, (enum form_file)(FF_FILE + k), sh.csv.rows[0].line, 1,
			     "no choices under the header row");
	sheet_release(&sh);
	return l;
}

/* A .geojson file's features as its choices (geojson.c); NULL after
 * reporting where in it the problem is. */
static struct form_list *read_geojson(struct loader *ld, size_t k)
{
	struct form *f = ld->f;
	struct form_csv_file *ff = &f->files[k];
	struct form_list *l = xcalloc(1, sizeof *l);
	struct fc_err err;
	size_t c, j;
	int line, col;

	if (geojson_list(ff->csv, ff->len, l, &line, &col, &err)) {
		load_problem(ld, (enum form_file)(FF_FILE + k), line, col, "%s", err.msg);
		free(l);
		return NULL;
	}
	l->name = xstrdup(ff->name);
	for (c = 0; c < l->n; c++) { /* the choices' columns, as every list's */
		l->choices[c].attrs = xcalloc(f->n_choice_cols + 1, sizeof *l->choices[c].attrs);
		for (j = 0; j < f->n_choice_cols; j++)
			l->choices[c].attrs[j] = xstrdup("");
	}
	return l;
}

/* The form's file `name` is not beside it.  pyxform converts such a form
 * and ODK Central takes it, the file uploaded apart; so it loads, with a
 * warning at the cell that names the file: a lookup or pulldata() of it
 * reads as empty, a select reading its choices is shown but not asked
 * (form_item_answerable), and nothing of it is kept or synced, so the
 * form's folder stays what its author gave. */
static int add_missing(struct loader *ld, struct survey *sv, size_t i, int key, const char *name,
		       const char *reader)
{
	struct form *f = ld->f;

	if (reader)
		sheet_warning(ld, &sv->sh, sv->row[i], key, SLOT_PLAIN, "%s is not beside the "
			      "form (%s): it reads as empty until a version of the form with "
			      "the file is added", name, reader);
	else
		sheet_warning(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN, "%s is not beside the "
			      "form (%s_from_file reads its choices from it): '%s' is shown "
			      "but cannot be answered until a version of the form with the "
			      "file is added", name, form_type_name(f->items[i].type),
			      f->items[i].name);
	f->files = xreallocarray(f->files, f->n_files + 1, sizeof *f->files);
	memset(&f->files[f->n_files], 0, sizeof *f->files);
	f->files[f->n_files].name = xstrdup(name);
	f->files[f->n_files].missing = 1;
	return (int)f->n_files++;
}

int fromfile_add(struct loader *ld, struct survey *sv, size_t i, int key, const char *name,
		 const char *reader)
{
	struct form *f = ld->f;
	struct fc_err err = { 0 };
	char *text = NULL;
	size_t len = 0, k;
	int r;

	if (f->n_files == FORM_MAX_FILES) {
		sheet_problem(ld, &sv->sh, sv->row[i], key, SLOT_PLAIN, "'%s' is one file "
			      "too many: a form reads at most %d", name, FORM_MAX_FILES);
		return -1;
	}
	r = ld->files && ld->files->file ? ld->files->file(ld->files->file_ctx, name, &text,
							    &len, &err) : 1;
	if (r == 0 && len > CSV_FILE_MAX) {
		free(text);
		r = -1;
		fc_fail(&err, "file is too large (at most %u MiB)", CSV_FILE_MAX >> 20);
	}
	if (r > 0 && !f->items[i].external)
		return add_missing(ld, sv, i, key, name, reader);
	if (r) {
		if (r > 0)
			sheet_problem(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN, "%s is not "
				      "beside the form, nor an external_choices sheet in the "
				      "workbook (select_one_external reads its choices there)", name);
		else
			sheet_problem(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN, "%s: %s", name,
				      err.msg);
		return -1;
	}
	for (k = 0; k < f->n_files; k++)
		if (!strcasecmp(f->files[k].name, name)) {
			free(text);
			sheet_problem(ld, &sv->sh, sv->row[i], key, SLOT_PLAIN, "%s and %s differ "
				      "only in case: a form's files must not, as a laptop's "
				      "folder may not tell them apart", f->files[k].name, name);
			return -1;
		}
	f->files = xreallocarray(f->files, f->n_files + 1, sizeof *f->files);
	memset(&f->files[f->n_files], 0, sizeof *f->files);
	f->files[f->n_files].name = xstrdup(name);
	f->files[f->n_files].csv = text;
	f->files[f->n_files].len = len;
	return (int)f->n_files++;
}

/* The list of a file not beside the form: no choices, no columns (a
 * lookup of any reads as empty). */
static struct form_list *empty_list(const char *name)
{
	struct form_list *l = xcalloc(1, sizeof *l);

	l->name = xstrdup(name);
	l->choices = xcalloc(1, sizeof *l->choices);
	l->cols = xcalloc(1, sizeof *l->cols);
	return l;
}

const struct form_list *fromfile_list(struct loader *ld, struct survey *sv, size_t i,
				      const char *name)
{
	struct form *f = ld->f;
	size_t k;
	int at;

	for (k = 0; k < f->n_files; k++)
		if (!strcmp(f->files[k].name, name)) {
			f->items[i].missing_file = f->files[k].missing;
			return f->files[k].list; /* read for an item before */
		}
	if ((at = fromfile_add(ld, sv, i, S_TYPE, name, NULL)) < 0)
		return NULL;
	if (f->files[at].missing) {
		f->items[i].missing_file = 1;
		f->files[at].list = empty_list(name);
	} else {
		f->files[at].list = form_geojson_name_ok(name) ? read_geojson(ld, (size_t)at)
				    : read_list(ld, (size_t)at);
	}
	f->files[at].n_lists = f->files[at].list != NULL;
	return f->files[at].list;
}

/* select_one_external L: list L of itemsets.csv, the lists pyxform makes
 * of a workbook's external_choices sheet (list_name, name, label and the
 * columns its choice_filter reads), read once for every such select. */
const struct form_list *external_list(struct loader *ld, struct survey *sv, size_t i,
				      const char *name)
{
	struct form *f = ld->f;
	struct form_csv_file *ff;
	size_t k;
	int at = -1;

	for (k = 0; k < f->n_files && at < 0; k++)
		if (!strcmp(f->files[k].name, ITEMSETS_FILE))
			at = (int)k;
	if (at < 0) {
		if ((at = fromfile_add(ld, sv, i, S_TYPE, ITEMSETS_FILE, NULL)) < 0)
			return NULL;
		ff = &f->files[at];
		load_lists(ld, (enum form_file)(FF_FILE + (size_t)at), ff->csv, ff->len, &ff->list,
			   &ff->n_lists);
	}
	ff = &f->files[at];
	for (k = 0; k < ff->n_lists; k++)
		if (!strcmp(ff->list[k].name, name))
			return &ff->list[k];
	sheet_problem(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN, "list '%s' is not in %s "
		      "(the workbook's external_choices)", name, ITEMSETS_FILE);
	return NULL;
}
