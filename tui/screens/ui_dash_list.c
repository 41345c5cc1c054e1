/* ui_dash_list.c - the records behind a figure or a bar of the dashboard:
 * inspections or hazards, read a page (100) at a time as the cursor goes
 * down, with progress and Esc to stop a long reading.  Enter opens one (an
 * inspection in its walk or review, a hazard with its events), l shows its
 * history in the replica.
 */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"

#include "ui_dash.h"
#include "ui_labels.h"
#include "ui_run.h"
#include "ui_screens.h"

#define PAGE 100

struct dlist {
	struct ui *ui;
	const struct records_query *q;
	const char *title;
	struct records_page p;
	struct ui_list l;
	int y0, h;
	struct ui_names names;      /* the forms' titles */
};

enum { REQ_OPEN = UI_REQ_SCREEN, REQ_HISTORY, REQ_HAZARDS, REQ_FIND };
enum { M_INSP = 1 };   /* the keys only a list of inspections has */

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 5, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_OPEN, "Enter", N_("Open"), "Enter",
	  N_("open: a draft in its walk, a finished inspection as its record, a hazard with "
	     "its events"), 4, 0 },
	{ { 'l', UI_FN(KEY_F(6)) }, REQ_HISTORY, "l", N_("History"), "l  F6",
	  N_("history: who changed the record, when and what (from the replica)"), 3, 0 },
	{ { 'h', UI_FN(KEY_F(4)) }, REQ_HAZARDS, "h", N_("Hazards"), "h  F4",
	  N_("the hazards of the inspection"), 2, M_INSP },
	{ { '/' }, REQ_FIND, "/", N_("Find"), "/", N_("find in what is shown"), 1, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down PgUp PgDn",
	  N_("move; going down reads the next page"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back to the dashboard"), 9, 0 },
};

void dash_row_hazard(struct ui *ui, const struct hazard_row *r, int y, int sel)
{
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL];
	int x = 1;

	ui_fill(y, 0, COLS, a);
	x += ui_col(y, x, !strcmp(r->severity, "major") ? "!" : " ", 1, sel ? a : ui->attr[R_FAIL]);
	x += ui_col(y, x, model_word(r->state), 10, a);
	x += ui_put(y, x, r->due, 10, sel ? a : ui->attr[r->overdue ? R_WARN : R_NORMAL]);
	x += ui_put(y, x, r->overdue ? "* " : "  ", 2, sel ? a : ui->attr[R_WARN]);
	/* a column: the descriptions start on one line whatever the names */
	x += ui_col(y, x, r->enterprise_name[0] ? r->enterprise_name : r->enterprise, COLS / 4, a);
	ui_put(y, x + 1, r->description, COLS - x - 2, a);
}

void dash_row_inspection(struct ui *ui, struct ui_names *names, const struct insp_row *r, int y,
			 int sel)
{
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL];
	const char *form = ui_form_title(ui, names, r->form_id, r->form_version);
	char buf[64];
	int x = 1, fw = ui_width(form) < COLS / 4 ? ui_width(form) : COLS / 4;

	ui_fill(y, 0, COLS, a);
	x += ui_col(y, x, model_word(r->status), 6, a);
	x += ui_col(y, x, ui_when(r->created_at, buf, sizeof buf), 16, a);
	x += ui_col(y, x, model_word(r->type), 8, a);
	x += ui_col(y, x, r->enterprise_name[0] ? r->enterprise_name : r->enterprise,
		    COLS - x - fw - 2, a);
	ui_put(y, x, form, fw, a);
}

/* Called while reading: says how far it got; Esc stops. */
static int progress(void *ctx, size_t found)
{
	struct ui *ui = ctx;
	int stop = 0, r;
	wint_t wc;

	ui_info(ui, _("Reading: %zu found (Esc stops)"), found);
	ui_msgline(ui);
	refresh();
	timeout(0);
	while ((r = get_wch(&wc)) != ERR)
		stop |= r == OK && wc == UI_ESC;
	timeout(-1);
	return stop;
}

int dash_read(struct ui *ui, const struct records_query *q, struct records_page *p)
{
	struct records_progress prog = { progress, ui };
	struct fc_err err = { 0 };

	ui_info(ui, "%s", _("Reading..."));
	ui_msgline(ui);
	refresh();
	if (records_more(ui->ws->store, q, p, PAGE, &prog, &err)) {
		ui_error_err(ui, &err);
		return -1;
	}
	ui->msg[0] = '\0';
	if (p->stopped)
		ui_info(ui, _("Stopped after %zu; going down reads on."), p->n);
	return 0;
}

static void paint(struct ui *ui, void *ctx)
{
	struct dlist *s = ctx;
	char right[64];
	int r;

	snprintf(right, sizeof right, s->p.more ? _("%zu+ shown") : _("%zu shown"), s->p.n);
	ui_title(ui, s->title, right);
	if (s->q->rec == RR_HAZARDS)
		ui_put(1, 1, _("! major   * overdue"), COLS - 2, ui->attr[R_DIM]);
	if (s->p.n == 0)
		ui_put(3, 2, s->p.stopped ? _("Stopped before any was found.") : _("None."),
		       COLS - 4, ui->attr[R_DIM]);
	s->y0 = 2;
	s->h = LINES - 2 - s->y0;
	ui_list_clamp(&s->l, s->h);
	for (r = 0; r < s->h && s->l.top + (size_t)r < s->l.n; r++) {
		size_t i = s->l.top + (size_t)r;
		if (s->q->rec == RR_HAZARDS)
			dash_row_hazard(ui, &s->p.haz[i], s->y0 + r, i == s->l.cur);
		else
			dash_row_inspection(ui, &s->names, &s->p.insp[i], s->y0 + r, i == s->l.cur);
	}
}

static void more(struct dlist *s)
{
	if (!s->p.more || s->l.cur + 1 < s->p.n)
		return;
	dash_read(s->ui, s->q, &s->p);
	s->l.n = s->p.n;
}

static const char *row_text(void *ctx, size_t i, char *buf, size_t size)
{
	struct dlist *s = ctx;

	if (s->q->rec == RR_HAZARDS)
		snprintf(buf, size, "%s %s %s %s", s->p.haz[i].description,
			 s->p.haz[i].enterprise_name, s->p.haz[i].enterprise, s->p.haz[i].id);
	else
		snprintf(buf, size, "%s %s %s %s %s %s", s->p.insp[i].enterprise_name,
			 s->p.insp[i].enterprise, s->p.insp[i].form_id,
			 ui_form_title(s->ui, &s->names, s->p.insp[i].form_id,
				       s->p.insp[i].form_version),
			 s->p.insp[i].created_at, s->p.insp[i].id);
	return buf;
}

/* After a hazard was opened (events may have been added): its row again. */
static void refresh_hazard(struct ui *ui, struct hazard_row *r)
{
	struct fc_hazard h;
	struct fc_err err;

	if (hazard_get(ui->ws->store, r->id, &h, &err))
		return;
	snprintf(r->state, sizeof r->state, "%s", hazard_state_name(hazard_state_of(&h)));
	snprintf(r->due, sizeof r->due, "%s", hazard_due(&h));
	r->overdue = hazard_overdue(&h, ui->today);
	r->supervised = hazard_supervised(&h);
	hazard_clear(&h);
}

static void open_row(struct ui *ui, struct dlist *s, int req)
{
	size_t i = s->l.cur;

	if (i >= s->p.n)
		return;
	if (s->q->rec == RR_HAZARDS) {
		if (req == REQ_HISTORY)
			ui_history_hazard(ui, s->p.haz[i].id);
		else
			ui_hazard(ui, s->p.haz[i].id);
		refresh_hazard(ui, &s->p.haz[i]);
		return;
	}
	if (req == REQ_HISTORY)
		ui_history_inspection(ui, s->p.insp[i].id, s->p.insp[i].created_at);
	else if (req == REQ_HAZARDS)
		ui_hazards(ui, s->p.insp[i].id);
	else
		ui_open_inspection(ui, s->p.insp[i].id);  /* a finished one: its record */
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct dlist *s = ctx;

	if (req == REQ_FIND)
		ui_list_search(ui, &s->l, row_text, s);
	else if (req != UI_REQ_NONE)
		open_row(ui, s, req);
	else if (ui_list_key(&s->l, key, s->h))
		more(s);
	else if (key == UI_FN(KEY_MOUSE) && ui_list_click(&s->l, ui, s->y0, s->h) == 2)
		open_row(ui, s, REQ_OPEN);
	return 0;
}

static unsigned mode(void *ctx)
{
	return ((struct dlist *)ctx)->q->rec == RR_HAZARDS ? 0 : M_INSP;
}

static const struct ui_screen screen = {
	N_("Records: keys"), keys, ARRAY_SIZE(keys), paint, act, mode, NULL,
};

void dash_list(struct ui *ui, const struct records_query *q, const char *title)
{
	struct dlist s;

	memset(&s, 0, sizeof s);
	s.ui = ui;
	s.q = q;
	s.title = title;
	s.h = 1;
	dash_read(ui, q, &s.p);
	s.l.n = s.p.n;
	ui_run(ui, &screen, &s);
	records_release(&s.p);
	ui_names_release(&s.names);
	ui_list_release(&s.l);
}
