/* choices.c - choices.csv: the answer lists of select_one/select_multiple.
 *
 * A list is every row with the same list_name, in file order (the order
 * the inspector sees).  Choice names are what a record stores and what a
 * select_multiple answer joins with spaces, so they hold no white space.
 * The lists end up sorted by name, which is how survey.c finds them.
 */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/sheet.h"

enum { C_LIST, C_NAME, C_LABEL };

static const struct sheet_col cols[] = {
	[C_LIST] = { "list_name", SHEET_REQUIRED },
	[C_NAME] = { "name", SHEET_REQUIRED },
	[C_LABEL] = { "label", SHEET_LANG | SHEET_MULTI },
};

struct entry {
	const char *list;
	size_t row;
	int ok;         /* the choice is fine (else only its list counts) */
};

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *p = a, *q = b;
	int c = strcmp(p->list, q->list);

	return c ? c : (p->row < q->row ? -1 : p->row > q->row);
}

/* A space is allowed, as ODK allows it in a select_one's choices; a list
 * a select_multiple uses may not have one (refs.c says so). */
int load_choice_name_ok(const char *s, struct fc_err *err)
{
	if (text_check(s, strlen(s), TEXT_LINE, CHOICE_NAME_MAX, _("choice name"), err))
		return 0;
	if (strchr(s, '\t'))
		return !fc_fail(err, _("choice name holds a tab"));
	return 1;
}

static int list_ok(struct loader *ld, const struct sheet *sh, const struct csv_row *row)
{
	const char *list = sheet_get(sh, row, C_LIST, SLOT_PLAIN);
	char q[QUOTE_SIZE];

	if (!*list)
		sheet_problem(ld, sh, row, C_LIST, SLOT_PLAIN, "missing list_name");
	else if (!load_list_name_ok(list))
		sheet_problem(ld, sh, row, C_LIST, SLOT_PLAIN, "list_name '%s' is not a "
			      "valid name", load_quote(list, q, sizeof q));
	else
		return 1;
	return 0;
}

/* Whether the row's choice is fine; reports what is not. */
static int choice_ok(struct loader *ld, const struct sheet *sh, const struct csv_row *row)
{
	const char *list = sheet_get(sh, row, C_LIST, SLOT_PLAIN);
	const char *name = sheet_get(sh, row, C_NAME, SLOT_PLAIN);
	struct fc_err err;
	int s;

	if (!*name) {
		sheet_problem(ld, sh, row, C_NAME, SLOT_PLAIN, "choice in list '%s' has no name",
			      list);
		return 0;
	}
	if (!load_choice_name_ok(name, &err)) {
		sheet_problem(ld, sh, row, C_NAME, SLOT_PLAIN, "%s", err.msg);
		return 0;
	}
	for (s = 0; s < SLOT_COUNT && !*sheet_get(sh, row, C_LABEL, (enum sheet_slot)s); s++)
		;
	if (s == SLOT_COUNT) /* pyxform warns; ODK shows an empty line */
		sheet_warning(ld, sh, row, C_LABEL, SLOT_PLAIN, "choice '%s' of list '%s' has no "
			      "label: its name is shown", name, list);
	return 1;
}

/* Reports a choice named twice in one list (entries e[0..n), one list). */
static void check_duplicates(struct loader *ld, const struct sheet *sh,
			     const struct entry *e, size_t n)
{
	struct entry *v = xcalloc(n ? n : 1, sizeof *v);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (!e[i].ok)
			continue;
		v[k].list = sheet_get(sh, &sh->csv.rows[e[i].row], C_NAME, SLOT_PLAIN);
		v[k++].row = e[i].row;
	}
	n = k;
	qsort(v, n, sizeof *v, cmp_entry);
	for (i = 1; i < n; i++)
		if (!strcmp(v[i].list, v[i - 1].list))
			sheet_problem(ld, sh, &sh->csv.rows[v[i].row], C_NAME, SLOT_PLAIN,
				      "choice '%s' appears twice in list '%s' (also line %d)",
				      v[i].list, e[0].list, sh->csv.rows[v[i - 1].row].line);
	free(v);
}

/* The index of choice column `name` in f->choice_cols, added if new. */
static size_t choice_col(struct loader *ld, const char *name)
{
	struct form *f = ld->f;
	size_t c;

	for (c = 0; c < f->n_choice_cols; c++)
		if (!strcmp(f->choice_cols[c], name))
			return c;
	ALLOC_GROW(f->choice_cols, f->n_choice_cols + 1, ld->choice_cols_alloc);
	f->choice_cols[f->n_choice_cols] = xstrdup(name);
	return f->n_choice_cols++;
}

/* The sheet's own columns beyond list_name, name and label (a region, a
 * parent list's value...), which a choice_filter reads by name: kept in
 * f->choice_cols (shared by choices.csv and itemsets.csv); returns, per
 * column there, its field in this sheet (-1: not in it). */
static int *attr_columns(struct loader *ld, const struct sheet *sh)
{
	const struct csv_row *h = &sh->csv.rows[0];
	int *at = xcalloc(h->n + 1, sizeof *at), *field;
	size_t k, c, n = 0;
	int s, known;

	for (k = 0; k < h->n; k++) {
		for (c = 0, known = 0; c < sh->n_cols && !known; c++)
			for (s = 0; s < SLOT_COUNT; s++)
				known |= sh->idx[c][s] == (int)k;
		at[k] = known || !load_name_ok(h->cells[k].s) ? -1 :
			(n++, (int)choice_col(ld, h->cells[k].s));
	}
	field = xcalloc(ld->f->n_choice_cols + 1, sizeof *field);
	for (c = 0; c < ld->f->n_choice_cols; c++)
		field[c] = -1;
	for (k = 0; k < h->n; k++)
		if (at[k] >= 0)
			field[at[k]] = (int)k;
	free(at);
	return field;
}

/* Every choice of the n lists l gets "" for the columns from old_n on. */
static void grow_lists(struct form_list *l, size_t n, size_t old_n, size_t new_n)
{
	size_t i, k, c;

	for (i = 0; i < n; i++)
		for (k = 0; k < l[i].n; k++) {
			struct form_choice *ch = &l[i].choices[k];
			ch->attrs = xreallocarray(ch->attrs, new_n + 1, sizeof *ch->attrs);
			for (c = old_n; c < new_n; c++)
				ch->attrs[c] = xstrdup("");
		}
}

/* Choices read before columns were added (from itemsets.csv) get them. */
static void grow_attrs(struct form *f, size_t old_n)
{
	size_t k;

	if (old_n == f->n_choice_cols)
		return;
	grow_lists(f->lists, f->n_lists, old_n, f->n_choice_cols);
	for (k = 0; k < f->n_files; k++)
		if (f->files[k].list)
			grow_lists(f->files[k].list, f->files[k].n_lists, old_n, f->n_choice_cols);
}

static void build_list(struct loader *ld, const struct sheet *sh, const struct entry *e,
		       size_t n, struct form_list *l, const int *field)
{
	size_t i, k;

	if (!ld->choice_dups && sh->file == FF_CHOICES) /* pyxform reads the CSV files
							 * (itemsets.csv ...) as they are:
							 * their filter tells them apart */
		check_duplicates(ld, sh, e, n);
	l->name = xstrdup(e[0].list);
	l->choices = xcalloc(n, sizeof *l->choices);
	for (i = 0; i < n; i++) {
		const struct csv_row *row = &sh->csv.rows[e[i].row];
		struct form_choice *c = &l->choices[l->n];
		if (!e[i].ok)
			continue;
		c->name = xstrdup(sheet_get(sh, row, C_NAME, SLOT_PLAIN));
		sheet_text(sh, row, C_LABEL, &c->label);
		if (!c->label.n) { /* none in any language: the name (warned) */
			c->label.tr = xcalloc(1, sizeof *c->label.tr);
			c->label.tr[0].lang = FORM_LANG_PLAIN;
			c->label.tr[0].s = xstrdup(c->name);
			c->label.n = 1;
		}
		c->attrs = xcalloc(ld->f->n_choice_cols + 1, sizeof *c->attrs);
		for (k = 0; k < ld->f->n_choice_cols; k++)
			c->attrs[k] = xstrdup(field[k] >= 0 && (size_t)field[k] < row->n ?
					      text_trim(row->cells[field[k]].s) : "");
		l->n++;
	}
}

/* A row with neither list_name nor name belongs to no list: pyxform does
 * not read it, nor does this, with a warning. */
static int comment_row(struct loader *ld, const struct sheet *sh, const struct csv_row *row)
{
	if (*sheet_get(sh, row, C_LIST, SLOT_PLAIN) || *sheet_get(sh, row, C_NAME, SLOT_PLAIN))
		return 0;
	load_warning(ld, FF_CHOICES, row->line, 1, "a row without list_name or name is not read");
	return 1;
}

void load_lists(struct loader *ld, enum form_file file, const char *buf, size_t len,
		struct form_list **lists, size_t *n_lists)
{
	struct sheet sh;
	struct entry *e;
	size_t r, n = 0, start, count = 0, old_n = ld->f->n_choice_cols;
	int *field;

	*lists = NULL;
	*n_lists = 0;
	if (sheet_load(ld, &sh, file, buf, len, cols, ARRAY_SIZE(cols))) {
		if (file == FF_CHOICES)
			ld->choices_broken = 1;
		sheet_release(&sh);
		return;
	}
	field = attr_columns(ld, &sh);
	grow_attrs(ld->f, old_n);
	e = xcalloc(sh.csv.n, sizeof *e);
	for (r = 1; r < sh.csv.n; r++) {
		const struct csv_row *row = &sh.csv.rows[r];
		if (sheet_row_blank(row) || comment_row(ld, &sh, row) || !list_ok(ld, &sh, row))
			continue;
		e[n].list = sheet_get(&sh, row, C_LIST, SLOT_PLAIN);
		e[n].ok = choice_ok(ld, &sh, row);
		e[n++].row = r;
	}
	qsort(e, n, sizeof *e, cmp_entry);
	for (r = 0; r < n; r++)
		if (r == 0 || strcmp(e[r].list, e[r - 1].list))
			count++;
	*lists = xcalloc(count ? count : 1, sizeof **lists);
	for (start = 0; start < n; start = r) {
		for (r = start + 1; r < n && !strcmp(e[r].list, e[start].list); r++)
			;
		build_list(ld, &sh, e + start, r - start, &(*lists)[(*n_lists)++], field);
	}
	free(e);
	free(field);
	sheet_release(&sh);
}

void load_choices(struct loader *ld, const char *buf, size_t len)
{
	load_lists(ld, FF_CHOICES, buf, len, &ld->f->lists, &ld->f->n_lists);
}
