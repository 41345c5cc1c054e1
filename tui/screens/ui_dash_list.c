/* ui_dash_list.c - the records behind a figure or a bar of the dashboard:
 * inspections or hazards, read a page (100) at a time as the cursor goes
 * down, with progress and Esc to stop a long reading.  Enter opens one (an
 * inspection in its walk or review, a hazard with its events), l shows its
 * history in the replica.
 */
#include <stdio.h>
#include <string.h>

#include "ui_dash.h"
#include "ui_labels.h"
#include "ui_screens.h"

#define PAGE 100

struct dlist {
	struct ui *ui;
	const struct records_query *q;
	const char *title;
	struct records_page p;
	struct ui_list l;
	int y0, h;
};

static const struct ui_keydef keys_insp[] = {
	{ UI_FN(KEY_F(1)), "F1", N_("Help") },
	{ '\n', "Enter", N_("Open") },
	{ 'l', "l", N_("History") },
	{ 'h', "h", N_("Hazards") },
	{ '/', "/", N_("Find") },
	{ UI_ESC, "Esc", N_("Back") },
};

static const struct ui_keydef keys_haz[] = {
	{ UI_FN(KEY_F(1)), "F1", N_("Help") },
	{ '\n', "Enter", N_("Open") },
	{ 'l', "l", N_("History") },
	{ '/', "/", N_("Find") },
	{ UI_ESC, "Esc", N_("Back") },
};

static const struct ui_help help[] = {
	{ "Enter", N_("open: an inspection in its walk or review, a hazard with its events") },
	{ "l  F6", N_("history: who changed the record, when and what (from the replica)") },
	{ "h  F4", N_("the hazards of the inspection") },
	{ "/", N_("find in what is shown") },
	{ "Up Down PgUp PgDn", N_("move; going down reads the next page") },
	{ "Esc", N_("back to the dashboard") },
};

void dash_row_hazard(struct ui *ui, const struct hazard_row *r, int y, int sel)
{
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL];
	int x = 1;

	ui_fill(y, 0, COLS, a);
	x += ui_col(y, x, !strcmp(r->severity, "major") ? "!" : " ", 1, sel ? a : ui->attr[R_FAIL]);
	x += ui_col(y, x, ui_word(r->state), 10, a);
	x += ui_put(y, x, r->due, 10, sel ? a : ui->attr[r->overdue ? R_WARN : R_NORMAL]);
	x += ui_put(y, x, r->overdue ? "* " : "  ", 2, sel ? a : ui->attr[R_WARN]);
	x += ui_put(y, x, r->enterprise_name[0] ? r->enterprise_name : r->enterprise, COLS / 4, a);
	ui_put(y, x + 2, r->description, COLS - x - 3, a);
}

void dash_row_inspection(struct ui *ui, const struct insp_row *r, int y, int sel)
{
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL];
	char buf[64];
	int x = 1, fw = ui_width(r->form_id) < 16 ? ui_width(r->form_id) : 16;

	ui_fill(y, 0, COLS, a);
	x += ui_col(y, x, ui_word(r->status), 6, a);
	snprintf(buf, sizeof buf, "%.10s %.5s", r->created_at, r->created_at + 11);
	x += ui_col(y, x, buf, 16, a);
	x += ui_col(y, x, ui_word(r->type), 8, a);
	x += ui_col(y, x, r->enterprise_name[0] ? r->enterprise_name : r->enterprise,
		    COLS - x - fw - 2, a);
	ui_put(y, x, r->form_id, fw, a);
}

/* Called while reading: says how far it got; Esc stops. */
static int progress(void *ctx, size_t looked_at)
{
	struct ui *ui = ctx;
	int stop = 0, r;
	wint_t wc;

	ui_info(ui, _("Reading: %zu records looked at (Esc stops)"), looked_at);
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
			dash_row_inspection(ui, &s->p.insp[i], s->y0 + r, i == s->l.cur);
	}
	ui_msgline(ui);
	if (s->q->rec == RR_HAZARDS)
		ui_keybar(ui, keys_haz, sizeof keys_haz / sizeof keys_haz[0]);
	else
		ui_keybar(ui, keys_insp, sizeof keys_insp / sizeof keys_insp[0]);
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
		snprintf(buf, size, "%s %s %s %s %s", s->p.insp[i].enterprise_name,
			 s->p.insp[i].enterprise, s->p.insp[i].form_id, s->p.insp[i].created_at,
			 s->p.insp[i].id);
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

static void act(struct ui *ui, struct dlist *s, int key)
{
	size_t i = s->l.cur;

	if (i >= s->p.n)
		return;
	if (s->q->rec == RR_HAZARDS) {
		if (key == 'l' || key == UI_FN(KEY_F(6)))
			ui_history_hazard(ui, s->p.haz[i].id);
		else if (!(key == 'h' || key == UI_FN(KEY_F(4))))
			ui_hazard(ui, s->p.haz[i].id);
		refresh_hazard(ui, &s->p.haz[i]);
		return;
	}
	if (key == 'l' || key == UI_FN(KEY_F(6)))
		ui_history_inspection(ui, s->p.insp[i].id, s->p.insp[i].created_at);
	else if (key == 'h' || key == UI_FN(KEY_F(4)))
		ui_hazards(ui, s->p.insp[i].id);
	else
		ui_walk(ui, s->p.insp[i].id);
}

static int is_act(int key)
{
	return ui_is_enter(key) || key == 'l' || key == 'h' || key == UI_FN(KEY_F(6)) ||
	       key == UI_FN(KEY_F(4));
}

void dash_list(struct ui *ui, const struct records_query *q, const char *title)
{
	struct dlist s;
	ui_paint_fn old;
	void *old_ctx;
	int key;

	memset(&s, 0, sizeof s);
	s.ui = ui;
	s.q = q;
	s.title = title;
	s.h = 1;
	ui_set_paint(ui, paint, &s, &old, &old_ctx);
	dash_read(ui, q, &s.p);
	s.l.n = s.p.n;
	while (!ui->quit) {
		if (!ui_too_small(ui)) {
			erase();
			paint(ui, &s);
		}
		key = ui_getkey(ui);
		if (ui->quit || key == UI_ESC)
			break;
		if (key == UI_FN(KEY_F(1)) || key == '?')
			ui_help(ui, _("Records: keys"), help, sizeof help / sizeof help[0]);
		else if (ui_list_key(&s.l, key, s.h))
			more(&s);
		else if (key == '/')
			ui_list_search(ui, &s.l, row_text, &s);
		else if (is_act(key) || (key == UI_FN(KEY_MOUSE) &&
					 ui_list_click(&s.l, ui, s.y0, s.h) == 2)) {
			act(ui, &s, key);
			ui_set_paint(ui, paint, &s, NULL, NULL);
		}
	}
	ui_set_paint(ui, old, old_ctx, NULL, NULL);
	records_free(&s.p);
	ui_list_free(&s.l);
}
