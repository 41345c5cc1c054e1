/* ui_dashboard.c - the supervisor's dashboard: the figures of report_run
 * for a period (this month, this year, all, or dates), the open hazards
 * that are overdue or major, and a bar chart by town, form or month.
 *
 * Three panes take the cursor in turn (Tab): the figures, the hazards and
 * the bars.  Enter on a figure or a bar lists the records behind it, Enter
 * on a hazard opens it, l shows a hazard's history in the replica.  The
 * report is read when the period or the grouping changes (the store
 * aggregates it, so it costs about the same at 100 000 inspections as at
 * ten) and kept per grouping until the period changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dash.h"
#include "ui_dialog.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/strbuf.h"
#include "core/text.h"

enum {
	REQ_OPEN = UI_REQ_SCREEN, REQ_PANE, REQ_PANE_BACK, REQ_PERIOD, REQ_FINAL, REQ_BARS,
	REQ_MEASURE, REQ_REREAD, REQ_HISTORY
};

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 6, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_OPEN, "Enter", N_("Records"), "Enter",
	  N_("the records behind the figure or the bar; a hazard with its events"), 5, 0 },
	{ { '\t' }, REQ_PANE, "Tab", N_("Pane"), "Tab",
	  N_("move between the figures, the hazards and the bars"), 4, 0 },
	{ { UI_FN(KEY_BTAB) }, REQ_PANE_BACK, NULL, NULL, NULL, NULL, 0, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Arrows", N_("choose a figure, a hazard or a bar"),
	  0, 0 },
	{ { 'p', 'P', UI_FN(KEY_F(2)) }, REQ_PERIOD, "p", N_("Period"), "p  F2",
	  N_("the period: this month, this year, all, or dates"), 3, 0 },
	{ { 'f', 'F' }, REQ_FINAL, NULL, NULL, "f", N_("count finalized inspections only, or all"),
	  0, 0 },
	{ { 'b', 'B', UI_FN(KEY_F(3)) }, REQ_BARS, "b", N_("Bars"), "b  F3",
	  N_("bars by town, by form or by month"), 2, 0 },
	{ { 'v', 'V', UI_FN(KEY_F(4)) }, REQ_MEASURE, NULL, NULL, "v  F4",
	  N_("bars of inspections, hazards found or open hazards"), 0, 0 },
	{ { 'r', 'R', UI_FN(KEY_F(5)) }, REQ_REREAD, NULL, NULL, "r  F5",
	  N_("read the figures again"), 0, 0 },
	{ { 'l', 'L', UI_FN(KEY_F(6)) }, REQ_HISTORY, "l", N_("History"), "l  F6",
	  N_("the history of the hazard: who changed it, when and what"), 1, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back"), 9, 0 },
};

static void drop_reports(struct dash *d)
{
	int b;

	for (b = 0; b < BARS_COUNT; b++)
		if (d->have[b])
			report_release(&d->rep[b]);
	memset(d->have, 0, sizeof d->have);
}

struct ranked {
	long v;
	size_t i;
};

static int by_value(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->v != y->v)
		return x->v < y->v ? 1 : -1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The bars' order: by month in time, towns and forms largest first. */
static void order_bars(struct dash *d)
{
	const struct report *r = dash_report(d);
	struct ranked *k;
	size_t i;

	free(d->order);
	d->order = NULL;
	d->n_order = r ? r->n_groups : 0;
	if (!d->n_order)
		return;
	d->order = xcalloc(d->n_order, sizeof *d->order);
	for (i = 0; i < d->n_order; i++)
		d->order[i] = i;
	if (d->bars == BARS_MONTH)
		return;
	k = xcalloc(d->n_order, sizeof *k);
	for (i = 0; i < d->n_order; i++)
		k[i].v = dash_bar_value(d, i), k[i].i = i;
	qsort(k, d->n_order, sizeof *k, by_value);
	for (i = 0; i < d->n_order; i++)
		d->order[i] = k[i].i;
	free(k);
}

/* Runs the report for the grouping in force, unless it is at hand. */
static void read_report(struct ui *ui, struct dash *d)
{
	static const enum report_by by[BARS_COUNT] = {
		REPORT_BY_TOWN, REPORT_BY_FORM, REPORT_BY_MONTH
	};
	struct report_query q = { 0 };
	struct fc_err err = { 0 };

	if (!d->have[d->bars]) {
		q.from = d->range.from;
		q.to = d->range.to;
		q.today = ui->today;
		q.by = by[d->bars];
		q.final_only = d->final_only;
		ui_info(ui, "%s", _("Counting..."));
		ui_msgline(ui);
		refresh();
		ui->msg[0] = '\0';
		d->have[d->bars] = report_run(ui->ws->store, &q, &d->rep[d->bars], &err) == 0;
		if (!d->have[d->bars])
			ui_error_err(ui, &err);
	}
	order_bars(d);
	d->bl.n = d->n_order;
	ui_list_clamp(&d->bl, d->bar_h);
}

static void read_hazards(struct ui *ui, struct dash *d)
{
	records_release(&d->att);
	d->att_q.rec = RR_HAZARDS;
	d->att_q.haz = RH_ATTENTION;
	d->att_q.type = -1;
	d->att_q.today = ui->today;
	dash_read(ui, &d->att_q, &d->att);
	d->hl.n = d->att.n;
	ui_list_clamp(&d->hl, d->haz_h);
}

static void read_all(struct ui *ui, struct dash *d)
{
	drop_reports(d);
	read_report(ui, d);
	read_hazards(ui, d);
}

/* The query behind the figures and bars: the period, nothing else yet. */
static void base_query(struct ui *ui, const struct dash *d, struct records_query *q)
{
	memset(q, 0, sizeof *q);
	q->range = d->range;
	q->final_only = d->final_only;
	q->by = REPORT_TOTAL;
	q->type = -1;
	q->today = ui->today;
}

static void drill_figure(struct ui *ui, struct dash *d)
{
	struct records_query q;
	char title[300], period[120];

	base_query(ui, d, &q);
	dash_fig_query((enum dash_fig)d->fig, &q);
	dash_range_text(&d->range, period, sizeof period);
	snprintf(title, sizeof title, "%s · %s", dash_fig_label((enum dash_fig)d->fig), period);
	dash_list(ui, &q, title);
}

static void drill_bar(struct ui *ui, struct dash *d)
{
	static const enum report_by by[BARS_COUNT] = {
		REPORT_BY_TOWN, REPORT_BY_FORM, REPORT_BY_MONTH
	};
	const struct report *r = dash_report(d);
	const struct report_group *g;
	struct records_query q;
	char title[400], period[120];

	if (!r || d->bl.cur >= d->n_order)
		return;
	g = &r->groups[d->order[d->bl.cur]];
	base_query(ui, d, &q);
	q.by = by[d->bars];
	snprintf(q.key, sizeof q.key, "%s", g->key);
	q.rec = d->measure == M_INSPECTIONS ? RR_INSPECTIONS : RR_HAZARDS;
	q.haz = d->measure == M_OPEN ? RH_OPEN : RH_ALL;
	dash_range_text(&d->range, period, sizeof period);
	snprintf(title, sizeof title, "%s · %s · %s", dash_measure_label(d->measure),
		 dash_group_label(d, g), period);
	dash_list(ui, &q, title);
}

static int dates_submit(struct ui_form *f, void *ctx)
{
	struct records_range *r = ctx;
	struct fc_err err = { 0 };
	char *from = text_trim(ui_field_value(f, 0)), *to = text_trim(ui_field_value(f, 1));
	int rc;

	snprintf(r->from, sizeof r->from, "%.10s", from);
	snprintf(r->to, sizeof r->to, "%.10s", to);
	rc = strlen(from) > FC_DATE_LEN || strlen(to) > FC_DATE_LEN ?
	     fc_fail(&err, "%s", _("a date is YYYY-MM-DD")) :
	     records_range_set(r, RP_DATES, "", &err);
	if (rc) {
		snprintf(f->msg, sizeof f->msg, "%s", err.msg);
		f->msg_err = 1;
	}
	free(from);
	free(to);
	return rc;
}

/* Typed dates, either may be empty; 0 when accepted. */
static int ask_dates(struct ui *ui, struct records_range *r)
{
	struct ui_field f[2];
	struct ui_form d;
	int rc;

	memset(&d, 0, sizeof d);
	ui_field_text(&f[0], _("From"), r->from, FC_DATE_LEN + 4);
	ui_field_text(&f[1], _("To"), r->to, FC_DATE_LEN + 4);
	snprintf(f[0].note, sizeof f[0].note, "%s", _("YYYY-MM-DD, empty: from the first"));
	snprintf(f[1].note, sizeof f[1].note, "%s", _("YYYY-MM-DD, empty: to the last"));
	d.title = _("The period's dates");
	d.f = f;
	d.n = 2;
	d.submit = dates_submit;
	d.ctx = r;
	rc = ui_form_run(ui, &d);
	ui_fields_free(f, 2);
	return rc;
}

static void choose_period(struct ui *ui, struct dash *d)
{
	const char *labels[RP_COUNT] = {
		_("This month"), _("This year"), _("All"), _("Dates..."),
	};
	struct records_range r = d->range;
	struct fc_err err = { 0 };
	int k = ui_choose(ui, _("Period"), labels, RP_COUNT, (size_t)d->range.kind);

	if (k < 0 || (k == RP_DATES && ask_dates(ui, &r)))
		return;
	if (records_range_set(&r, (enum records_period)k, ui->today, &err)) {
		ui_error_err(ui, &err);
		return;
	}
	d->range = r;
	d->bl.cur = d->bl.top = 0;
	drop_reports(d);
	read_report(ui, d);
}

/* Arrows over the figures' columns; 1 if the key was one. */
static int figure_key(struct dash *d, int key)
{
	int col = dash_fig_col((enum dash_fig)d->fig), row = dash_fig_row((enum dash_fig)d->fig);
	int k = -1;

	switch (key) {
	case UI_FN(KEY_UP): k = dash_fig_at(col, row - 1); break;
	case UI_FN(KEY_DOWN): k = dash_fig_at(col, row + 1); break;
	case UI_FN(KEY_LEFT):
	case UI_FN(KEY_RIGHT):
		col += key == UI_FN(KEY_LEFT) ? -1 : 1;
		while (row > 0 && dash_fig_at(col, row) < 0)
			row--;
		k = dash_fig_at(col, row);
		break;
	default:
		return 0;
	}
	if (k >= 0)
		d->fig = k;
	return 1;
}

/* Moving in the pane in focus; 1 if the key was one. */
static int move_key(struct ui *ui, struct dash *d, int key)
{
	if (d->focus == PANE_FIGURES)
		return figure_key(d, key);
	if (d->focus == PANE_BARS)
		return ui_list_key(&d->bl, key, d->bar_h);
	if (!ui_list_key(&d->hl, key, d->haz_h))
		return 0;
	if (d->att.more && d->hl.cur + 1 >= d->att.n) {
		dash_read(ui, &d->att_q, &d->att);
		d->hl.n = d->att.n;
	}
	return 1;
}

/* A click: the pane and the row under it; 2 on a double click. */
static int click(struct ui *ui, struct dash *d)
{
	int c, r, k;

	if (d->haz_h && (r = ui_list_click(&d->hl, ui, d->haz_y0, d->haz_h))) {
		d->focus = PANE_HAZARDS;
		return r;
	}
	if (d->bar_h && (r = ui_list_click(&d->bl, ui, d->bar_y0, d->bar_h))) {
		d->focus = PANE_BARS;
		return r;
	}
	c = (ui->mouse_x - 1) / ((COLS - 2) / DASH_FIG_COLS);
	if ((k = dash_fig_at(c, ui->mouse_y - d->fig_y0)) < 0)
		return 0;
	d->focus = PANE_FIGURES;
	d->fig = k;
	return ui->mouse_double ? 2 : 1;
}

static void open_selected(struct ui *ui, struct dash *d)
{
	if (d->focus == PANE_FIGURES) {
		drill_figure(ui, d);
	} else if (d->focus == PANE_BARS) {
		drill_bar(ui, d);
	} else if (d->hl.cur < d->att.n) {
		ui_hazard(ui, d->att.haz[d->hl.cur].id);
		read_hazards(ui, d);
	}
}

static void history(struct ui *ui, struct dash *d)
{
	if (d->focus != PANE_HAZARDS || d->hl.cur >= d->att.n) {
		ui_info(ui, "%s", _("History is of a record: choose a hazard here (Tab), or open "
				    "the records behind a figure."));
		return;
	}
	ui_history_hazard(ui, d->att.haz[d->hl.cur].id);
}

/* The requests that change what is shown. */
static void view(struct ui *ui, struct dash *d, int req)
{
	switch (req) {
	case REQ_PERIOD:
		choose_period(ui, d);
		break;
	case REQ_FINAL:
		d->final_only = !d->final_only;
		drop_reports(d);
		read_report(ui, d);
		break;
	case REQ_BARS:
		d->bars = (enum dash_bars)((d->bars + 1) % BARS_COUNT);
		d->bl.cur = d->bl.top = 0;
		read_report(ui, d);
		break;
	case REQ_MEASURE:
		d->measure = (enum dash_measure)((d->measure + 1) % M_COUNT);
		d->bl.cur = d->bl.top = 0;
		read_report(ui, d);
		break;
	case REQ_REREAD:
		read_all(ui, d);
		break;
	}
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct dash *d = ctx;

	if (req == REQ_PANE)
		d->focus = (enum dash_pane)((d->focus + 1) % PANE_COUNT);
	else if (req == REQ_PANE_BACK)
		d->focus = (enum dash_pane)((d->focus + PANE_COUNT - 1) % PANE_COUNT);
	else if (req == REQ_HISTORY)
		history(ui, d);
	else if (req == REQ_OPEN)
		open_selected(ui, d);
	else if (req != UI_REQ_NONE)
		view(ui, d, req);
	else if (!move_key(ui, d, key) && key == UI_FN(KEY_MOUSE) && click(ui, d) == 2)
		open_selected(ui, d);
	return 0;
}

/* The first reading shows its progress over the painted screen. */
static void start(struct ui *ui, void *ctx)
{
	read_all(ui, ctx);
}

static const struct ui_screen screen = {
	N_("Dashboard: keys"), keys, ARRAY_SIZE(keys), dash_paint, act, NULL, start,
};

void ui_dashboard(struct ui *ui)
{
	struct fc_err err = { 0 };
	struct dash d;

	memset(&d, 0, sizeof d);
	d.ui = ui;
	d.haz_h = d.bar_h = 1;
	records_range_set(&d.range, RP_YEAR, ui->today, &err);
	ui_run(ui, &screen, &d);
	drop_reports(&d);
	records_release(&d.att);
	free(d.order);
	ui_list_release(&d.hl);
	ui_list_release(&d.bl);
	ui_names_release(&d.names);
}
