/* odk.c - a form's sheets as ODK's converter takes them, and back (odk.h).
 *
 * What odk_export changes, each noted by a word in the settings column
 * fieldcheck_odk ("1" first: the way of this version):
 *
 *   check     a row of type `check` becomes `select_one fieldcheck_check`,
 *             and the choices end with that list: pass, fail, na, labelled
 *             in each label column's language (Chinese or English);
 *   choices   the form had no choices sheet: the one written is all ours;
 *   title     settings' form_title::X columns are renamed
 *             fieldcheck_form_title::X (pyxform takes one title, and a
 *             form_title::X makes it fail);
 *   form_title  and, as the form had no plain form_title, one is added
 *             with the default language's title;
 *   settings  the form had no settings sheet: the one written is all ours.
 *
 * odk_import undoes them on what a workbook reads as, so the round trip
 * gives back the exported bytes.  A form's itemsets.csv (select_one_external's
 * lists) goes out as the external_choices sheet too, where pyxform reads
 * them; read back, the file beside the workbook is the one taken.  Anything else (hazard, legal_basis,
 * dept, ...) pyxform leaves alone as columns it does not know.  A workbook
 * edited in between comes back with its edits: a row a person added as
 * `select_one fieldcheck_check` is a check, as it says.
 */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/grid.h"
#include "forms/engine/odk.h"

#define CHECK_TYPE "select_one " ODK_CHECK_LIST
#define TITLE_PREFIX "fieldcheck_"
#define WAY "1"

/* pass, fail and na, as the choices of ODK_CHECK_LIST: what a check's
 * answers are (forms/engine/answer.c), labelled for ODK's reader. */
static const struct {
	const char *name, *en, *zh;
} outcomes[] = {
	{ "pass", "Pass", "合格" },
	{ "fail", "Fail", "不合格" },
	{ "na", "Not applicable", "不适用" },
};

/* Whether header h is a column of `key` ("label", "label::fr", "label:fr");
 * its language suffix into *suffix ("" for the plain column). */
static int is_col(const char *h, const char *key, const char **suffix)
{
	size_t n = strlen(key);

	if (strncmp(h, key, n) || (h[n] && h[n] != ':'))
		return 0;
	h += n;
	while (*h == ':')
		h++;
	*suffix = h;
	return 1;
}

/* Turns the survey's checks into selects of ODK_CHECK_LIST; how many. */
static size_t checks_out(struct grid *sv)
{
	int t = grid_col(sv, "type");
	size_t r, n = 0;

	for (r = 1; t >= 0 && r < sv->rows; r++)
		if (!strcmp(sv->cell[r][t], "check")) {
			grid_set(sv, r, (size_t)t, CHECK_TYPE);
			n++;
		}
	return n;
}

/* A choices sheet for a form without one: list_name, name and a label
 * column per language of the form (a plain one if it has none). */
static void choices_header(struct grid *ch, const struct form *f)
{
	size_t k;

	grid_add_col(ch, "list_name");
	grid_add_col(ch, "name");
	if (!f->n_langs)
		grid_add_col(ch, "label");
	for (k = 0; k < f->n_langs; k++) {
		char *h = xstrfmt("label::%s", f->langs[k].name);
		grid_add_col(ch, h);
		free(h);
	}
}

/* Whether a label column with this suffix is read as Chinese (the plain
 * column is the default language's). */
static int chinese(const struct form *f, const char *suffix)
{
	struct form_lang l = form_lang_of(*suffix ? suffix : f->default_language);

	return form_lang_is(l, "zh");
}

static void check_choices(struct grid *ch, const struct form *f)
{
	int list = grid_col(ch, "list_name"), name = grid_col(ch, "name");
	const char *suffix;
	size_t i, k;

	for (i = 0; i < ARRAY_SIZE(outcomes); i++) {
		grid_add_row(ch);
		grid_set(ch, ch->rows - 1, (size_t)list, ODK_CHECK_LIST);
		grid_set(ch, ch->rows - 1, (size_t)name, outcomes[i].name);
		for (k = 0; k < ch->cols; k++)
			if (is_col(ch->cell[0][k], "label", &suffix))
				grid_set(ch, ch->rows - 1, k,
					 chinese(f, suffix) ? outcomes[i].zh : outcomes[i].en);
	}
}

/* form_title::X renamed, and one form_title added where there was none:
 * the mark's words for what it did, in mark. */
static void titles_out(struct grid *st, const struct form *f, struct strbuf *mark)
{
	const char *suffix;
	size_t k, renamed = 0;

	for (k = 0; st->rows && k < st->cols; k++)
		if (is_col(st->cell[0][k], "form_title", &suffix) && *suffix) {
			char *h = xstrfmt(TITLE_PREFIX "%s", st->cell[0][k]);
			grid_set(st, 0, k, h);
			free(h);
			renamed++;
		}
	if (!renamed)
		return;
	strbuf_adds(mark, " title");
	if (grid_col(st, "form_title") >= 0)
		return;
	k = grid_add_col(st, "form_title");
	grid_set(st, 1, k, form_text(f, &f->title, form_lang_of(NULL)));
	strbuf_adds(mark, " form_title");
}

static int has_list(const struct form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n_lists; i++)
		if (!strcmp(f->lists[i].name, name))
			return 1;
	return 0;
}

int odk_export(const struct form *f, char *out[XS_COUNT], struct fc_err *err)
{
	const struct form_csv_file *ext;
	struct grid sv, ch, st;
	struct strbuf mark;
	int rc = -1;
	size_t k;

	memset(out, 0, XS_COUNT * sizeof *out);
	memset(&ch, 0, sizeof ch);
	memset(&st, 0, sizeof st);
	strbuf_init(&mark);
	strbuf_adds(&mark, WAY);
	if (grid_read(f->survey_csv, &sv, err) || grid_read(f->choices_csv, &ch, err) ||
	    grid_read(f->settings_csv, &st, err))
		goto out;
	if (checks_out(&sv)) {
		if (has_list(f, ODK_CHECK_LIST)) {
			fc_fail(err, _("the form has a list called %s, the name its checks take "
				       "in ODK: rename the list"), ODK_CHECK_LIST);
			goto out;
		}
		if (!ch.rows) {
			choices_header(&ch, f);
			strbuf_adds(&mark, " choices");
		}
		check_choices(&ch, f);
		strbuf_adds(&mark, " check");
	}
	if (!st.rows) {
		grid_add_row(&st);
		strbuf_adds(&mark, " settings");
	}
	if (st.rows < 2)
		grid_add_row(&st);
	titles_out(&st, f, &mark);
	k = grid_add_col(&st, ODK_MARK);
	grid_set(&st, 1, k, mark.buf);
	out[XS_SURVEY] = grid_text(&sv);
	out[XS_CHOICES] = ch.rows ? grid_text(&ch) : NULL;
	out[XS_SETTINGS] = grid_text(&st);
	if ((ext = form_file_find(f, ITEMSETS_FILE))) /* pyxform reads it there */
		out[XS_EXTERNAL] = xstrdup(ext->csv);
	rc = 0;
out:
	grid_release(&sv);
	grid_release(&ch);
	grid_release(&st);
	strbuf_release(&mark);
	return rc;
}

/* Whether the mark's words (after WAY) hold w. */
static int said(const char *mark, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	for (p = mark; (p = strstr(p, w)); p += n)
		if (p[-1] == ' ' && (!p[n] || p[n] == ' '))
			return 1;
	return 0;
}

static void checks_in(struct grid *sv)
{
	int t = grid_col(sv, "type");
	size_t r;

	for (r = 1; t >= 0 && r < sv->rows; r++)
		if (!strcmp(sv->cell[r][t], CHECK_TYPE))
			grid_set(sv, r, (size_t)t, "check");
}

static void choices_in(struct grid *ch)
{
	int list = grid_col(ch, "list_name");
	size_t r;

	for (r = ch->rows; list >= 0 && r-- > 1;)
		if (!strcmp(ch->cell[r][list], ODK_CHECK_LIST))
			grid_drop_row(ch, r);
}

static void titles_in(struct grid *st, int added)
{
	size_t n = strlen(TITLE_PREFIX), k;
	int c = grid_col(st, "form_title");

	if (added && c >= 0)
		grid_drop_col(st, (size_t)c);
	for (k = 0; k < st->cols; k++)
		if (!strncmp(st->cell[0][k], TITLE_PREFIX "form_title", n + 10)) {
			char *h = xstrdup(st->cell[0][k] + n);
			grid_set(st, 0, k, h);
			free(h);
		}
}

/* Sheet s of x becomes the grid's text (NULL if `none`), its lines mapped
 * to the rows they came from through the old map. */
static void put_sheet(struct xlsx_sheets *x, enum xlsx_sheet s, const struct grid *g, int none)
{
	int *map = NULL, *old = x->row_of_line[s];
	size_t old_n = x->n_lines[s], lines = 0, alloc = 0, r, k;
	char *text = none ? NULL : grid_text(g);

	for (r = 0; text && r < g->rows; r++) {
		size_t span = 1;
		for (k = 0; k < g->cols; k++) {
			const char *p;
			size_t lf = 1;
			for (p = g->cell[r][k]; *p; p++)
				lf += *p == '\n';
			if (lf > span)
				span = lf;
		}
		for (k = 0; k < span; k++) {
			size_t from = (size_t)g->line[r] + k;
			ALLOC_GROW(map, lines + 2, alloc);
			map[++lines] = g->line[r] && from <= old_n && old ? old[from] : 0;
		}
	}
	free(x->csv[s]);
	free(old);
	x->csv[s] = text;
	x->len[s] = text ? strlen(text) : 0;
	x->row_of_line[s] = map;
	x->n_lines[s] = lines;
}

int odk_import(struct xlsx_sheets *x, struct fc_err *err)
{
	struct grid sv, ch, st;
	int c, rc = -1;
	char *mark = NULL;

	memset(&sv, 0, sizeof sv);
	memset(&ch, 0, sizeof ch);
	if (grid_read(x->csv[XS_SETTINGS], &st, err))
		return -1;
	c = grid_col(&st, ODK_MARK);
	if (c < 0 || st.rows < 2) {
		grid_release(&st);
		return 0;
	}
	mark = xstrdup(st.cell[1][c]);
	if (strncmp(mark, WAY, strlen(WAY)) || (mark[strlen(WAY)] && mark[strlen(WAY)] != ' ')) {
		fc_fail(err, _("settings: %s is '%s': written by another version of fieldcheck"),
			ODK_MARK, mark);
		goto out;
	}
	if (grid_read(x->csv[XS_SURVEY], &sv, err) || grid_read(x->csv[XS_CHOICES], &ch, err))
		goto out;
	grid_drop_col(&st, (size_t)c);
	if (said(mark, "title"))
		titles_in(&st, said(mark, "form_title"));
	checks_in(&sv);
	choices_in(&ch);
	put_sheet(x, XS_SURVEY, &sv, 0);
	if (x->csv[XS_CHOICES])
		put_sheet(x, XS_CHOICES, &ch, said(mark, "choices") && ch.rows <= 1);
	put_sheet(x, XS_SETTINGS, &st, said(mark, "settings"));
	rc = 0;
out:
	free(mark);
	grid_release(&sv);
	grid_release(&ch);
	grid_release(&st);
	return rc;
}
