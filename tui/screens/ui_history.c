/* ui_history.c - a record's history from the replica (sync/history.h):
 * each commit that changed its file, newest first, with the author's name
 * and badge, the date, the commit's message, and the lines of the record
 * that it removed (-) and added (+): fields, team members, answers,
 * amendments and events.  Everything shown comes from commits other devices
 * made, so all of it goes through ui_put.  A record never synced, or a
 * workspace without a replica, says "not synced yet".  What git holds in
 * English (subjects) or as JSON (the lines) is shown in the user's words
 * (ui_histline.c).
 */
#include <stdio.h>
#include <string.h>

#include "ui_histline.h"
#include "ui_labels.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "sync/history.h"

struct hview {
	struct ui *ui;
	char title[120];
	char path[200];
	struct history h;
	int ok;
	size_t top, total;          /* first row shown; rows in all */
	int rows;                   /* rows on screen for the history */
	char inspection[FC_UUID_LEN + 1];   /* whose form names the items */
	struct ui_names names;
};

/* Every key but F1 and Esc scrolls (scroll_key), so all are UI_REQ_NONE. */
static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { UI_FN(KEY_UP) }, UI_REQ_NONE, "Up", N_("Scroll"), "Up Down PgUp PgDn",
	  N_("scroll"), 2, 0 },
	{ { UI_FN(KEY_DOWN) }, UI_REQ_NONE, "Down", N_("Scroll"), NULL, NULL, 2, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Home End", N_("the newest change, the oldest"), 0, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "- +",
	  N_("a line of the record removed, added (one field, answer or event each)"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back"), 9, 0 },
};

/* Draws row `row` when it is on screen; returns the next row. */
static size_t put_row(struct hview *v, size_t row, const char *s, int x, attr_t a)
{
	if (row >= v->top && row < v->top + (size_t)v->rows)
		ui_put(2 + (int)(row - v->top), x, s, COLS - x - 1, a);
	return row + 1;
}

static size_t entry_head(struct hview *v, const struct history_entry *e, size_t row)
{
	struct ui *ui = v->ui;
	char buf[700], when[UI_WHEN_LEN];
	int y = 2 + (int)(row - v->top), x = 1;

	if (row < v->top || row >= v->top + (size_t)v->rows)
		return row + 1;
	snprintf(buf, sizeof buf, "%s  ", ui_when(e->when, when, sizeof when));
	x += ui_put(y, x, buf, COLS - x - 1, ui->attr[R_DIM]);
	snprintf(buf, sizeof buf, "%s <%s>", e->name, e->email);
	x += ui_put(y, x, buf, COLS - x - 1, ui->attr[R_SECTION]) + 2;
	if (e->created)
		x += ui_put(y, x, _("created"), COLS - x - 1, ui->attr[R_INFO]) + 2;
	ui_put(y, x, e->summary, COLS - x - 1, ui->attr[R_DIM]);
	return row + 1;
}

/* One changed line, wrapped under its sign and section. */
static size_t change(struct hview *v, const struct history_line *l, size_t row)
{
	struct ui *ui = v->ui;
	size_t starts[16], lens[16], n, k;
	char buf[1024], sec[40];
	int tx, y;

	snprintf(sec, sizeof sec, "%s%s", l->section, l->section[0] ? _(": ") : "");
	tx = 5 + ui_width(sec);
	n = ui_wrap(l->text, COLS - tx - 1 > 10 ? COLS - tx - 1 : 10, starts, lens, 16);
	for (k = 0; k < n; k++, row++) {
		size_t len = lens[k] < sizeof buf - 1 ? lens[k] : sizeof buf - 1;
		if (row < v->top || row >= v->top + (size_t)v->rows)
			continue;
		y = 2 + (int)(row - v->top);
		if (k == 0) {
			buf[0] = l->sign;
			buf[1] = '\0';
			ui_put(y, 3, buf, 1, ui->attr[l->sign == '+' ? R_PASS : R_FAIL]);
			ui_put(y, 5, sec, COLS - 6, ui->attr[R_DIM]);
		}
		memcpy(buf, l->text + starts[k], len);
		buf[len] = '\0';
		ui_put(y, tx, buf, COLS - tx - 1, ui->attr[R_NORMAL]);
	}
	return row;
}

/* Draws the rows in view and counts them all. */
static void paint_rows(struct hview *v)
{
	char buf[200];
	size_t row = 0, i, k;

	for (i = 0; i < v->h.n; i++) {
		const struct history_entry *e = &v->h.e[i];
		row = entry_head(v, e, row);
		for (k = 0; k < e->n_lines; k++)
			row = change(v, &e->lines[k], row);
		if (e->lines_left_out) {
			snprintf(buf, sizeof buf, _("... and %zu lines more"), e->lines_left_out);
			row = put_row(v, row, buf, 5, v->ui->attr[R_DIM]);
		}
		row++;
	}
	if (v->h.more) {
		snprintf(buf, sizeof buf, _("Older changes were not searched (%zu commits looked at)."),
			 v->h.walked);
		row = put_row(v, row, buf, 1, v->ui->attr[R_WARN]);
	}
	v->total = row;
}

static size_t max_top(const struct hview *v)
{
	return v->total > (size_t)v->rows ? v->total - (size_t)v->rows : 0;
}

static void paint(struct ui *ui, void *ctx)
{
	struct hview *v = ctx;
	char right[64];

	snprintf(right, sizeof right, ngettext("%zu change", "%zu changes", v->h.n), v->h.n);
	ui_title(ui, v->title, v->ok ? right : NULL);
	ui_put(1, 1, v->path, COLS - 2, ui->attr[R_DIM]);
	v->rows = LINES - 4;
	if (v->ok && v->h.n == 0) {
		ui_put_wrapped(3, 2, COLS - 4, 3, v->h.has_replica ?
			       _("Not synced yet: this record is not in the replica's history. "
				 "The next sync sends it.") :
			       _("Not synced yet: this workspace has no replica (add a remote "
				 "and sync)."), ui->attr[R_INFO]);
	} else if (v->ok) {
		paint_rows(v);
		if (v->top > max_top(v)) {   /* the window grew, or the rows got fewer */
			v->top = max_top(v);
			erase();
			paint(ui, ctx);
			return;
		}
	}
}

static int scroll_key(struct ui *ui, void *ctx, int req, int key)
{
	struct hview *v = ctx;
	size_t page = v->rows > 1 ? (size_t)v->rows - 1 : 1;

	switch (key) {
	case UI_FN(KEY_UP): v->top -= v->top > 0; break;
	case UI_FN(KEY_DOWN): v->top += v->top + (size_t)v->rows < v->total; break;
	case UI_FN(KEY_PPAGE): v->top = v->top > page ? v->top - page : 0; break;
	case UI_FN(KEY_NPAGE):
		v->top = v->top + page < max_top(v) ? v->top + page : max_top(v);
		break;
	case UI_FN(KEY_HOME): v->top = 0; break;
	case UI_FN(KEY_END): v->top = max_top(v); break;
	}
	(void)ui, (void)req;
	return 0;
}

static const struct ui_screen screen = {
	N_("History: keys"), keys, ARRAY_SIZE(keys), paint, scroll_key, NULL, NULL,
};

/* The history in the user's words, items named by the inspection's form
 * (none when the inspection is not in the store). */
static void localize(struct hview *v)
{
	struct fc_inspection in;
	struct fc_err err = { 0 };

	if (v->inspection[0] && inspection_get(v->ui->ws->store, v->inspection, &in, &err) == 0) {
		ui_history_localize(v->ui, &v->names, &v->h, in.form_id, in.form_version);
		inspection_clear(&in);
	} else {
		ui_history_localize(v->ui, &v->names, &v->h, "", 0);
	}
}

static void run(struct ui *ui, struct hview *v)
{
	struct fc_err err = { 0 };

	ui_info(ui, "%s", _("Reading the history..."));
	ui_msgline(ui);
	refresh();
	v->ok = history_read(ui->ws, v->path, &v->h, &err) == 0;
	ui->msg[0] = '\0';
	if (!v->ok)
		ui_error_err(ui, &err);
	else
		localize(v);
	ui_run(ui, &screen, v);
	history_release(&v->h);
	ui_names_release(&v->names);
}

void ui_history_inspection(struct ui *ui, const char *id, const char *created_at)
{
	struct hview v;

	memset(&v, 0, sizeof v);
	v.ui = ui;
	snprintf(v.title, sizeof v.title, _("History of inspection %.8s"), id);
	history_path_inspection(id, created_at, v.path, sizeof v.path);
	snprintf(v.inspection, sizeof v.inspection, "%s", id);
	run(ui, &v);
}

void ui_history_hazard(struct ui *ui, const char *id)
{
	struct fc_err err = { 0 };
	struct fc_hazard h;
	struct hview v;

	memset(&v, 0, sizeof v);
	v.ui = ui;
	snprintf(v.title, sizeof v.title, _("History of hazard %.8s"), id);
	if (hazard_get(ui->ws->store, id, &h, &err) == 0) {
		snprintf(v.inspection, sizeof v.inspection, "%s", h.inspection);
		history_path_hazard(id, h.n_events ? h.events[0].at : "", v.path, sizeof v.path);
		hazard_clear(&h);
	}
	run(ui, &v);
}
