/* ui_drafts.c - drafts and finished inspections, newest first, read a page
 * at a time as the cursor goes down (a workspace may hold thousands).
 * Each takes two rows: when it was started (local time) and where, then
 * the form's title and who started it, so two drafts for one enterprise
 * tell apart.
 * Enter opens a draft where it was left, a finished one as its whole record
 * (ui_record, where it is amended); v shows any one's record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/inspect/inspect.h"

#include "ui_data.h"
#include "ui_labels.h"
#include "ui_list.h"
#include "ui_run.h"
#include "ui_screens.h"

#define PAGE 100
#define TITLES 32      /* forms whose titles are kept; beyond, their ids show */

struct form_title {
	char id[MAX_FORM_ID + 1];
	int version;
	char *title;
};

enum filter { F_DRAFTS, F_FINAL, F_ALL, F_COUNT };

struct drafts {
	struct ui *ui;
	enum filter filter;
	struct data_insp d;
	struct ui_list l;
	int y0, h;                 /* h: inspections shown, two rows each */
	struct form_title titles[TITLES];
	size_t n_titles;
};

enum { REQ_OPEN = UI_REQ_SCREEN, REQ_SHOW, REQ_HAZARDS, REQ_NOTICE, REQ_FIND, REQ_RECORD };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 5, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_OPEN, "Enter", N_("Open"), "Enter",
	  N_("open: a draft where it was left, a finished one as its record"), 4, 0 },
	{ { 'v', 'V', UI_FN(KEY_F(6)) }, REQ_RECORD, "v", N_("Record"), "v  F6",
	  N_("the whole record, read-only: answers, notes, team, times, amendments"), 2, 0 },
	{ { UI_FN(KEY_F(2)), '\t' }, REQ_SHOW, "F2", N_("Show"), "F2  Tab",
	  N_("show drafts, finished inspections, or all"), 3, 0 },
	{ { UI_FN(KEY_F(4)), 'h' }, REQ_HAZARDS, "F4", N_("Hazards"), "F4  h",
	  N_("the hazards of the inspection"), 2, 0 },
	{ { UI_FN(KEY_F(7)), 'w' }, REQ_NOTICE, "F7", N_("Notice"), "F7  w",
	  N_("write the rectification notice of the inspection"), 1, 0 },
	{ { '/' }, REQ_FIND, "/", N_("Find"), "/", N_("find by enterprise, form or date"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back"), 9, 0 },
};

static const char *filter_status(enum filter f)
{
	return f == F_DRAFTS ? "draft" : f == F_FINAL ? "final" : "";
}

static const char *filter_label(enum filter f)
{
	return f == F_DRAFTS ? _("Drafts") : f == F_FINAL ? _("Finished") : _("All");
}

static void reload(struct drafts *s)
{
	struct fc_err err = { 0 };

	data_insp_release(&s->d);
	if (data_insp_more(s->ui->ws->store, filter_status(s->filter), &s->d, PAGE, &err))
		ui_error_err(s->ui, &err);
	s->l.n = s->d.n;
	s->l.cur = s->l.top = 0;
}

/* Reads the next page when the cursor nears the end of what is loaded. */
static void more(struct drafts *s)
{
	struct fc_err err = { 0 };

	if (!s->d.more || s->l.cur + 1 < s->d.n)
		return;
	if (data_insp_more(s->ui->ws->store, filter_status(s->filter), &s->d, PAGE, &err))
		ui_error_err(s->ui, &err);
	s->l.n = s->d.n;
}

/* The form's title in the language in force, read once per form from the
 * copy in the store; its id when it cannot be read. */
static const char *form_title(struct drafts *s, const char *id, int version)
{
	struct form_title *t;
	struct fc_err err;
	struct form *f;
	size_t i;

	for (i = 0; i < s->n_titles; i++)
		if (s->titles[i].version == version && !strcmp(s->titles[i].id, id))
			return s->titles[i].title;
	if (s->n_titles == TITLES)
		return id;
	t = &s->titles[s->n_titles++];
	snprintf(t->id, sizeof t->id, "%s", id);
	t->version = version;
	f = inspect_form(s->ui->ws, id, version, &err);
	t->title = xstrdup(f ? form_text(f, &f->title, s->ui->lang) : id);
	form_free(f);
	return t->title;
}

/* The texts at the right of an inspection's two rows: its counts, and who
 * started it. */
static void right_texts(const struct insp_row *row, char *counts, char *by, size_t size)
{
	snprintf(counts, size, _("%d answers, %d hazards"), row->n_answers, row->n_hazards);
	snprintf(by, size, _("started by %s"), row->created_by_name[0] ? row->created_by_name
		 : row->created_by);
}

/* Row 1: status, start, enterprise, counts; row 2: form, who started it.
 * cw1, cw2: the widths of the right columns, the same on every row so they
 * line up (0: no room for the counts). */
static void paint_row(struct ui *ui, struct drafts *s, size_t i, int y, int cw1, int cw2)
{
	const struct insp_row *row = &s->d.rows[i];
	attr_t a = ui->attr[i == s->l.cur ? R_SELECT : R_NORMAL];
	attr_t a2 = i == s->l.cur ? a : ui->attr[R_DIM];
	char counts[400], by[400], when[UI_WHEN_LEN];
	int x = 1;

	right_texts(row, counts, by, sizeof counts);
	ui_fill(y, 0, COLS, a);
	ui_fill(y + 1, 0, COLS, a);
	x += ui_col(y, x, ui_word(row->status), 6, a);
	x += ui_col(y, x, ui_when(row->created_at, when, sizeof when), 16, a);
	x += ui_col(y, x, row->enterprise_name[0] ? row->enterprise_name : row->enterprise,
		    COLS - x - 1 - (cw1 ? cw1 + 1 : 0), a);
	if (cw1)
		ui_put(y, COLS - 1 - cw1, counts, cw1, a);
	ui_col(y + 1, 8, form_title(s, row->form_id, row->form_version), COLS - 9 - cw2 - 1, a2);
	ui_put(y + 1, COLS - 1 - cw2, by, cw2, a2);
}

/* The right columns' widths: the widest text among the rows shown. */
static void right_widths(struct drafts *s, int *cw1, int *cw2)
{
	char counts[400], by[400];
	int r;

	*cw1 = *cw2 = 0;
	for (r = 0; r < s->h && s->l.top + (size_t)r < s->l.n; r++) {
		right_texts(&s->d.rows[s->l.top + (size_t)r], counts, by, sizeof counts);
		if (ui_width(counts) > *cw1)
			*cw1 = ui_width(counts);
		if (ui_width(by) > *cw2)
			*cw2 = ui_width(by);
	}
	if (COLS - 25 - *cw1 < 12)
		*cw1 = 0;   /* narrow: the enterprise matters more than counts */
	if (*cw2 > (COLS - 8) / 2)
		*cw2 = (COLS - 8) / 2;
}

static void paint(struct ui *ui, void *ctx)
{
	struct drafts *s = ctx;
	char buf[200];
	int r, f, cw1, cw2;

	ui_title(ui, _("Inspections"), NULL);
	for (r = 1, f = 0; f < F_COUNT; f++) {
		snprintf(buf, sizeof buf, " %s ", filter_label((enum filter)f));
		r += ui_put(1, r, buf, COLS - r, ui->attr[f == (int)s->filter ? R_SELECT : R_DIM]) + 1;
	}
	if (s->d.n == 0)
		ui_put(3, 2, _("None here."), COLS - 4, ui->attr[R_DIM]);
	s->y0 = 3;
	s->h = (LINES - 2 - s->y0) / 2;
	ui_list_clamp(&s->l, s->h);
	right_widths(s, &cw1, &cw2);
	for (r = 0; r < s->h && s->l.top + (size_t)r < s->l.n; r++)
		paint_row(ui, s, s->l.top + (size_t)r, s->y0 + 2 * r, cw1, cw2);
	if (s->d.more && s->l.n)
		ui_put(LINES - 3, COLS - 12, _("(more...)"), 11, ui->attr[R_DIM]);
}

static const char *row_text(void *ctx, size_t i, char *buf, size_t size)
{
	const struct insp_row *r = &((struct drafts *)ctx)->d.rows[i];

	snprintf(buf, size, "%s %s %s %s %s %s %s", r->enterprise_name, r->enterprise, r->form_id,
		 r->created_at, r->created_by_name, r->created_by, r->id);
	return buf;
}

/* Opens the inspection under the cursor, then reads the list again (what
 * was opened may have changed) and keeps the cursor where it was. */
static void open_row(struct ui *ui, struct drafts *s, int req)
{
	const struct insp_row *r;
	size_t cur = s->l.cur;

	if (s->l.cur >= s->d.n)
		return;
	r = &s->d.rows[s->l.cur];
	if (req == REQ_HAZARDS)
		ui_hazards(ui, r->id);
	else if (req == REQ_NOTICE)
		ui_notice(ui, r->id);
	else if (req == REQ_RECORD)
		ui_record(ui, r->id);
	else
		ui_open_inspection(ui, r->id);
	reload(s);
	while (s->d.more && s->d.n <= cur)
		more(s), s->l.cur = s->d.n - 1;
	s->l.cur = cur < s->l.n ? cur : s->l.n ? s->l.n - 1 : 0;
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct drafts *s = ctx;

	if (req == REQ_SHOW) {
		s->filter = (enum filter)((s->filter + 1) % F_COUNT);
		reload(s);
	} else if (req == REQ_FIND) {
		ui_list_search(ui, &s->l, row_text, s);
	} else if (req != UI_REQ_NONE) {
		open_row(ui, s, req);
	} else if (ui_list_key(&s->l, key, s->h)) {
		more(s);
	} else if (key == UI_FN(KEY_MOUSE) && ui->mouse_y >= s->y0) {
		/* two rows an inspection: the click counts on the first */
		int y = ui->mouse_y;
		ui->mouse_y = s->y0 + (y - s->y0) / 2;
		if (ui_list_click(&s->l, ui, s->y0, s->h) == 2)
			open_row(ui, s, REQ_OPEN);
		ui->mouse_y = y;
	}
	return 0;
}

static const struct ui_screen screen = {
	N_("Inspections: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

void ui_drafts(struct ui *ui)
{
	struct drafts s;

	memset(&s, 0, sizeof s);
	s.ui = ui;
	s.h = 1;
	reload(&s);
	ui_run(ui, &screen, &s);
	data_insp_release(&s.d);
	ui_list_release(&s.l);
	while (s.n_titles)
		free(s.titles[--s.n_titles].title);
}
