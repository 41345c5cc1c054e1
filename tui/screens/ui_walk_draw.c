/* ui_walk_draw.c - painting the walk: the list of items with the current
 * one opened below it whole (or alone, in the one-item view), sections with
 * their progress, required items marked, items that do not apply greyed.
 * The list gets what the item's detail leaves: the item is what is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_walk_draw.h"
#include "core/strbuf.h"
#include "forms/inspect/conflict_items.h"
#include "forms/inspect/warnings.h"

/* The conflict section of the item's pane: both values, who gave them,
 * when; returns the rows used (0: no conflict). */
static int paint_conflict(struct ui *ui, struct walk *w, size_t item, int y, int h)
{
	const struct fc_answer **vals;
	const char *l_now = _("now: "), *l_also = _("also: ");
	char buf[1400];
	int used = 0, x = ui_width(l_now) > ui_width(l_also) ? ui_width(l_now) : ui_width(l_also);
	size_t i, n;

	if (h <= 0 || !w->clashes[item])
		return 0;
	x += 3;   /* the values line up after the wider label */
	ui_fill(y, 1, COLS - 2, ui->attr[R_WARN]);
	ui_put(y, 2, _("! Conflict: answered differently on two devices; c chooses one"),
	       COLS - 4, ui->attr[R_WARN]);
	used++;
	n = conflict_choices(&w->in, w->f->items[item].name, &vals);
	/* the standing answer first, when there is one */
	i = walk_value(w, item) ? 0 : n;
	if (used < h) {
		ui_put(y + used, 3, l_now, x - 3, ui->attr[R_DIM]);
		if (i == 0)
			walk_answer_text(w, item, vals[0], buf, sizeof buf);
		ui_put(y + used++, x, i == 0 ? buf : _("(no answer)"), COLS - x - 1,
		       ui->attr[R_NORMAL]);
	}
	for (i = walk_value(w, item) ? 1 : 0; i < n && used < h; i++) {
		ui_put(y + used, 3, l_also, x - 3, ui->attr[R_DIM]);
		walk_answer_text(w, item, vals[i], buf, sizeof buf);
		ui_put(y + used++, x, buf, COLS - x - 1, ui->attr[R_WARN]);
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
	char buf[512];
	enum ui_role role;
	attr_t a;

	if (row->header) {
		size_t done, total;
		walk_progress(w, (long)row->item, &done, &total);
		snprintf(buf, sizeof buf, " (%zu/%zu)", done, total);
		a = ui->attr[w->relevant[row->item] ? R_SECTION : R_DIM];
		x += ui_put(y, x, form_text(w->f, &it->label, ui->lang), COLS - x - 12, a);
		ui_put(y, x, buf, COLS - x - 1, a);
		return;
	}
	a = ui->attr[sel ? R_SELECT : !w->relevant[row->item] ? R_DIM : alarm(w, row->item) ?
		     R_ERROR : it->type == FT_NOTE ? R_DIM : R_NORMAL];
	ui_fill(y, 0, COLS, sel ? a : ui->attr[R_NORMAL]);
	if (alarm(w, row->item)) {
		x += ui_put(y, x, "!! ", 3, a) + 1;
	} else if (it->type != FT_NOTE) {
		const char *m = marker(w, row->item, &role);
		x += ui_put(y, x, m, 3, sel ? a : ui->attr[role]) + 1;
	} else {
		x += 4;
	}
	if (walk_value(w, row->item) && it->type != FT_CHECK && w->relevant[row->item]) {
		walk_value_text(w, row->item, walk_value(w, row->item), buf, sizeof buf);
		vw = ui_width(buf) < COLS / 3 ? ui_width(buf) : COLS / 3;
		ui_put(y, COLS - vw - 1, buf, vw, a);
	}
	ui_put(y, x, walk_label(w, row->item), COLS - x - vw - 2, a);
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

/* Answer, conflict, note and hazard, each wrapped whole while rows last. */
static int paint_answer(struct ui *ui, struct walk *w, size_t item, int y, int h)
{
	const char *v = walk_value(w, item), *note = walk_note(w, item);
	char buf[1200];
	int used = 0, x;

	if (h <= 0)
		return 0;
	x = 1 + ui_put(y, 1, _("Answer: "), 20, ui->attr[R_DIM]);
	if (v) {
		enum ui_role role;
		walk_value_text(w, item, v, buf, sizeof buf);
		marker(w, item, &role);
		used = ui_put_wrapped(y, x, COLS - x - 1, h > 2 ? 2 : 1, buf, ui->attr[role ==
				      R_NORMAL ? R_SECTION : role]);
	} else {
		ui_put(y, x, w->required[item] ? _("(none yet; required)") : _("(none yet)"),
		       COLS - x - 1, ui->attr[w->required[item] ? R_WARN : R_DIM]);
		used = 1;
	}
	used += paint_conflict(ui, w, item, y + used, h - used);
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

	for (i = 0; i < k; i++)
		n += rows_of(form_text(w->f, &w->f->items[warn[i]].label, ui->lang), COLS - 5);
	return n;
}

/* Rows the current item's detail takes whole: what the list leaves it. */
static int detail_need(const struct walk *w, const struct ui *ui)
{
	long it = walk_item(w);
	const struct form_item *item;
	char buf[1200];
	int n;

	if (it < 0)
		return 1;
	item = &w->f->items[it];
	n = rows_of(walk_label(w, (size_t)it), COLS - 2) + 1;   /* and the answer */
	if (w->item_err[0])
		n += 2;
	if (w->clashes[it])
		n += 2 + (int)w->clashes[it];
	if (*walk_note(w, (size_t)it))
		n += rows_of(walk_note(w, (size_t)it), COLS - 10);
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
 * legal basis. */
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
		ui_put_wrapped(y + used, 1, COLS - 2, h - used, s, ui->attr[R_DIM]);
}

static void paint_head(struct ui *ui, struct walk *w)
{
	char buf[600], right[80];
	size_t done, total;
	long it = walk_item(w);

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
		ui_put(1, 1, buf, COLS - 2, ui->attr[R_SECTION]);
	}
	ui_put(1, COLS - 1 - ui_width(_("[*] required")), _("[*] required"), COLS / 3,
	       ui->attr[R_DIM]);
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
