/* ui_walk_draw.c - painting the walk: the list of items with the current
 * one opened below it whole (or alone, in the one-item view), sections with
 * their progress, required items marked, items that do not apply greyed.
 * The list gets what the item's detail leaves: the item is what is read.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_walk_draw.h"
#include "core/strbuf.h"
#include "forms/inspect/conflict_items.h"
#include "forms/inspect/warnings.h"

/* The conflict section of the item's pane: both values, who gave them,
 * when, each wrapped whole after its label; returns the rows used (0: no
 * conflict).  With draw 0 it only counts them (what the pane needs). */
static int paint_conflict(struct ui *ui, struct walk *w, size_t item, int y, int h, int draw)
{
	const struct fc_answer **vals;
	const char *l_now = _("now: "), *l_also = _("also: ");
	int used = 1, x = ui_width(l_now) > ui_width(l_also) ? ui_width(l_now) : ui_width(l_also);
	int standing = walk_value(w, item) != NULL;
	char key[MAX_ITEM_KEY + 1];
	size_t k, n;

	if (h <= 0 || !w->clashes[item])
		return 0;
	x += 3;   /* the values line up after the wider label */
	if (draw) {
		ui_fill(y, 1, COLS - 2, ui->attr[R_WARN]);
		ui_put(y, 2, _("! Conflict: answered differently on two devices; c chooses one"),
		       COLS - 4, ui->attr[R_WARN]);
	}
	n = conflict_choices(&w->in, walk_key(w, item, key), &vals);
	/* "now:" the standing answer (when there is one), "also:" the others */
	for (k = 0; k < n + !standing && used < h; k++) {
		char *s = k == 0 && !standing ? xstrdup(_("(no answer)"))
			  : walk_answer_text(w, item, vals[standing ? k : k - 1]);
		if (draw)
			ui_put(y + used, 3, k ? l_also : l_now, x - 3, ui->attr[R_DIM]);
		used += draw ? ui_put_wrapped(y + used, x, COLS - x - 1, h - used, s,
					      ui->attr[k ? R_WARN : R_NORMAL])
			: ui_text_rows(s, COLS - x - 1);
		free(s);
	}
	free(vals);
	return used;
}

/* The marker in front of an item: its answer at a glance, in any language
 * and without colour: a check mark for pass, a cross for fail (one column
 * each, also where ambiguous-width characters take two), P and F where
 * the locale cannot draw them. */
static const char *marker(const struct walk *w, size_t item, enum ui_role *role)
{
	const char *v = walk_value(w, item);
	int utf8 = MB_CUR_MAX > 1;

	*role = R_NORMAL;
	if (!w->relevant[item])
		return " ~ ";
	if (w->clashes[item]) {
		*role = R_WARN;
		return "[!]";
	}
	if (!v)
		return w->required[item] ? "[*]" : "[ ]";
	if (w->f->items[item].type != FT_CHECK)
		return "[x]";
	if (!strcmp(v, "pass")) {
		*role = R_PASS;
		return utf8 ? "[\u2713]" : "[P]";
	}
	if (!strcmp(v, "fail")) {
		*role = R_FAIL;
		return utf8 ? "[\u2717]" : "[F]";
	}
	return "[-]";
}

/* Whether item i is a warning that applies now: drawn as an alarm. */
static int alarm(const struct walk *w, size_t i)
{
	return w->relevant[i] && form_item_warns(&w->f->items[i]);
}

static void paint_row(struct ui *ui, struct walk *w, size_t r, int y)
{
	const struct walk_row *row = &w->rows[r];
	const struct form_item *it = &w->f->items[row->item];
	int sel = r == w->l.cur, x = 1 + 2 * (row->depth > 0 ? row->depth - 1 : 0), vw = 0;
	int read_only;
	char buf[64];
	enum ui_role role;
	attr_t a;

	if (it->type == FT_BEGIN_REPEAT) {   /* "Vehicle 2 of 3": a stop for + and - */
		a = ui->attr[sel ? R_SELECT : w->relevant[row->item] ? R_SECTION : R_DIM];
		ui_fill(y, 0, COLS, sel ? a : ui->attr[R_NORMAL]);
		ui_put(y, x, walk_label(w, row->item), COLS - x - 1, a);
		return;
	}
	if (row->header) {
		size_t done, total;
		walk_progress(w, (long)row->item, &done, &total);
		snprintf(buf, sizeof buf, " (%zu/%zu)", done, total);
		a = ui->attr[w->relevant[row->item] ? R_SECTION : R_DIM];
		x += ui_put(y, x, form_text(w->f, &it->label, ui->lang), COLS - x - 12, a);
		ui_put(y, x, buf, COLS - x - 1, a);
		return;
	}
	/* a select whose choices file was not beside the form is read, as a
	 * note is, and says why it asks nothing */
	read_only = it->type == FT_NOTE || it->missing_file;
	a = ui->attr[sel ? R_SELECT : !w->relevant[row->item] ? R_DIM : alarm(w, row->item) ?
		     R_ERROR : read_only ? R_DIM : R_NORMAL];
	ui_fill(y, 0, COLS, sel ? a : ui->attr[R_NORMAL]);
	if (alarm(w, row->item)) {
		x += ui_put(y, x, "!! ", 3, a) + 1;
	} else if (!read_only) {
		const char *m = marker(w, row->item, &role);
		x += ui_put(y, x, m, 3, sel ? a : ui->attr[role]) + 1;
	} else {
		x += 4;
	}
	if (walk_value(w, row->item) && it->type != FT_CHECK && w->relevant[row->item]) {
		char *v = walk_value_text(w, row->item, walk_value(w, row->item));
		vw = ui_width(v) < COLS / 3 ? ui_width(v) : COLS / 3;
		ui_put(y, COLS - vw - 1, v, vw, a);
		free(v);
	}
	x += ui_put(y, x, walk_label(w, row->item), COLS - x - vw - 2, a);
	if (it->missing_file && COLS - x - vw - 2 > 0)
		ui_put(y, x, _(" (its choices file is missing)"), COLS - x - vw - 2, a);
}

static void paint_list(struct ui *ui, struct walk *w)
{
	int r;

	ui_list_clamp(&w->l, w->list_h);
	/* Keep the section header of the first item in view when there is room. */
	if (w->l.top > 0 && w->rows[w->l.top - 1].header && w->l.cur < w->l.top + w->list_h - 1)
		w->l.top--;
	for (r = 0; r < w->list_h && w->l.top + (size_t)r < w->n_rows; r++)
		paint_row(ui, w, w->l.top + (size_t)r, w->list_y + r);
}

/* Rows `s` takes wrapped to `width` columns (at most 64). */
static int rows_of(const char *s, int width)
{
	size_t starts[64], lens[64];

	return *s && width > 0 ? (int)ui_wrap(s, width, starts, lens, ARRAY_SIZE(starts)) : 0;
}

/* "Hazard (major, due 2026-12-05): ..." of the current item. */
static void hazard_text(const struct walk *w, char *buf, size_t size)
{
	snprintf(buf, size, _("Hazard (%s, due %s): %s"),
		 w->haz.severity == HAZ_MAJOR ? _("major") : _("general"), hazard_due(&w->haz),
		 w->haz.description);
}

/* Where the answer starts, after its label. */
static int answer_x(void)
{
	int lw = ui_width(_("Answer: "));

	return 1 + (lw < 20 ? lw : 20);
}

/* Rows the answer takes wrapped whole (a select of many choices is long). */
static int answer_rows(const struct walk *w, size_t item)
{
	char *s;
	int n;

	if (!walk_value(w, item))
		return 1;
	s = walk_value_text(w, item, walk_value(w, item));
	n = ui_text_rows(s, COLS - answer_x() - 1);
	free(s);
	return n > 0 ? n : 1;
}

/* Answer, conflict, note and hazard, each wrapped whole while rows last. */
static int paint_answer(struct ui *ui, struct walk *w, size_t item, int y, int h)
{
	const char *v = walk_value(w, item), *note = walk_note(w, item);
	char buf[1200];
	int used = 0, x;

	if (h <= 0)
		return 0;
	x = answer_x();
	ui_put(y, 1, _("Answer: "), x - 1, ui->attr[R_DIM]);
	if (v) {
		enum ui_role role;
		char *s = walk_value_text(w, item, v);
		marker(w, item, &role);
		used = ui_put_wrapped(y, x, COLS - x - 1, h, s, ui->attr[role == R_NORMAL ?
				      R_SECTION : role]);
		free(s);
	} else {
		ui_put(y, x, w->required[item] ? _("(none yet; required)") : _("(none yet)"),
		       COLS - x - 1, ui->attr[w->required[item] ? R_WARN : R_DIM]);
		used = 1;
	}
	used += paint_conflict(ui, w, item, y + used, h - used, 1);
	if (note && *note && used < h) {
		x = 1 + ui_put(y + used, 1, _("Note: "), 20, ui->attr[R_DIM]);
		used += ui_put_wrapped(y + used, x, COLS - x - 1, h - used, note, ui->attr[R_NORMAL]);
	}
	if (w->have_haz && used < h) {
		hazard_text(w, buf, sizeof buf);
		used += ui_put_wrapped(y + used, 1, COLS - 2, h - used, buf, ui->attr[R_FAIL]);
	}
	return used;
}

/* The warnings of the item's group that apply now, as alarms: beside the
 * readings that raised them and the check that judges them. */
static int paint_warnings(struct ui *ui, struct walk *w, size_t item, int y, int h)
{
	size_t warn[8], n = walk_warnings_of(w, item, warn, ARRAY_SIZE(warn)), i;
	int used = 0;

	for (i = 0; i < n && used < h; i++) {
		char *s = xstrfmt("!! %s", form_text(w->f, &w->f->items[warn[i]].label, ui->lang));
		used += ui_put_wrapped(y + used, 1, COLS - 2, h - used, s, ui->attr[R_ERROR]);
		free(s);
	}
	return used;
}

static int warnings_rows(const struct walk *w, const struct ui *ui, size_t item)
{
	size_t warn[8], k = walk_warnings_of(w, item, warn, ARRAY_SIZE(warn)), i;
	int n = 0;

	for (i = 0; i < k; i++) {
		char *s = xstrfmt("!! %s", form_text(w->f, &w->f->items[warn[i]].label, ui->lang));
		n += rows_of(s, COLS - 2);
		free(s);
	}
	return n;
}

/* Rows the current item's detail takes whole: what the list leaves it. */
static int detail_need(struct walk *w, struct ui *ui)
{
	long it = walk_item(w);
	const struct form_item *item;
	char buf[1200];
	int n, lw = ui_width(_("Note: "));

	if (it < 0)
		return 1;
	item = &w->f->items[it];
	n = rows_of(walk_label(w, (size_t)it), COLS - 2) + answer_rows(w, (size_t)it);
	if (w->item_err[0])
		n += rows_of(w->item_err, COLS - 2) < 2 ? 1 : 2;
	n += paint_conflict(ui, w, (size_t)it, 0, INT_MAX, 0);
	if (*walk_note(w, (size_t)it))
		n += rows_of(walk_note(w, (size_t)it), COLS - 2 - (lw < 20 ? lw : 20));
	if (w->have_haz) {
		hazard_text(w, buf, sizeof buf);
		n += rows_of(buf, COLS - 2);
	}
	n += warnings_rows(w, ui, (size_t)it);
	n += rows_of(form_text(w->f, &item->hint, ui->lang), COLS - 2);
	return n + rows_of(form_text(w->f, &item->legal_basis, ui->lang), COLS - 2);
}

/* The item whole: its label wrapped (all of it while one row is left for
 * the answer), what went wrong, the answer, note and hazard, the hint, the
 * legal basis.  What finds no row ends the pane in "…" (F6 gives the item
 * the whole screen). */
static void paint_detail(struct ui *ui, struct walk *w, int y, int h)
{
	long it = walk_item(w);
	const struct form_item *item;
	const char *s;
	int used;

	if (h <= 0 || it < 0)
		return;
	item = &w->f->items[it];
	used = ui_put_wrapped(y, 1, COLS - 2, h > 1 ? h - 1 : 1, walk_label(w, (size_t)it),
			      ui->attr[w->relevant[it] ? R_SECTION : R_DIM]);
	if (!w->relevant[it] && used < h) {
		ui_put(y + used++, 1, _("This item does not apply, given the answers so far."),
		       COLS - 2, ui->attr[R_DIM]);
		return;
	}
	if (w->item_err[0] && used < h)   /* the error first: it is what matters now */
		used += ui_put_wrapped(y + used, 1, COLS - 2, 2, w->item_err, ui->attr[R_ERROR]);
	used += paint_answer(ui, w, (size_t)it, y + used, h - used);
	used += paint_warnings(ui, w, (size_t)it, y + used, h - used);
	s = form_text(w->f, &item->hint, ui->lang);
	if (*s && used < h)
		used += ui_put_wrapped(y + used, 1, COLS - 2, h - used, s, ui->attr[R_DIM]);
	s = form_text(w->f, &item->legal_basis, ui->lang);
	if (*s && used < h)
		used += ui_put_wrapped(y + used, 1, COLS - 2, h - used, s, ui->attr[R_DIM]);
	if (used >= h && detail_need(w, ui) > h)
		ui_cut_mark(y + h - 1, COLS - 2, ui->attr[R_DIM]);
}

static void paint_head(struct ui *ui, struct walk *w)
{
	char buf[600], right[80];
	size_t done, total;
	long it = walk_item(w);
	int rw = ui_width(_("[*] required")) < COLS / 3 ? ui_width(_("[*] required")) : COLS / 3;

	walk_progress(w, -1, &done, &total);
	snprintf(right, sizeof right, "%s %zu/%zu", _("draft"), done, total);
	/* the checklist first: on a narrow screen it is what is cut last */
	snprintf(buf, sizeof buf, "%s · %s", form_text(w->f, &w->f->title, ui->lang),
		 w->ent_name[0] ? w->ent_name : w->in.enterprise);
	ui_title(ui, buf, right);
	if (it >= 0 && w->f->items[it].group >= 0) {
		long g = w->f->items[it].group;
		walk_progress(w, g, &done, &total);
		snprintf(buf, sizeof buf, "%s  %zu/%zu", form_text(w->f, &w->f->items[g].label, ui->lang),
			 done, total);
		/* cut before the legend, not under it */
		ui_put(1, 1, buf, COLS - 3 - rw, ui->attr[R_SECTION]);
	}
	ui_put(1, COLS - 1 - rw, _("[*] required"), rw, ui->attr[R_DIM]);
}

void walk_paint(struct ui *ui, void *ctx)
{
	struct walk *w = ctx;
	int body = LINES - 4, detail, least = body >= 16 ? 5 : 2;

	paint_head(ui, w);
	w->list_y = 2;
	/* The list takes what the item's detail leaves, between a few rows
	 * and half the screen. */
	w->list_h = body - 1 - detail_need(w, ui);
	if (w->list_h > body / 2)
		w->list_h = body / 2;
	if (w->list_h < least)
		w->list_h = least;
	if (w->single)
		w->list_h = 0;
	if (w->list_h > 0) {
		paint_list(ui, w);
		ui_hline(w->list_y + w->list_h, 0, COLS, ui->attr[R_FRAME]);
	}
	detail = body - w->list_h - (w->list_h > 0);
	paint_detail(ui, w, w->list_y + w->list_h + (w->list_h > 0), detail);
}
