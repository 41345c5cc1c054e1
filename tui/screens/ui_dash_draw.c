/* ui_dash_draw.c - painting the dashboard: the period, the figures in three
 * columns, joint inspections against the monthly target, the open hazards
 * that are overdue or major, and a bar chart by town, form or month.
 *
 * Bars are drawn with block characters (eighths of a cell) in a UTF-8
 * locale and with '#' otherwise, never through the alternate character set;
 * group names come from records and go through ui_put like any other text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dash.h"

const struct report *dash_report(const struct dash *d)
{
	return d->have[d->bars] ? &d->rep[d->bars] : NULL;
}

long dash_bar_value(const struct dash *d, size_t i)
{
	const struct report *r = dash_report(d);
	const struct report_figures *f;

	if (!r || i >= d->n_order)
		return 0;
	f = &r->groups[d->order[i]].f;
	return d->measure == M_FOUND ? f->found : d->measure == M_OPEN ? f->open : f->inspections;
}

const char *dash_bars_label(enum dash_bars b)
{
	static const char *const l[BARS_COUNT] = { N_("by town"), N_("by form"), N_("by month") };
	return b < BARS_COUNT ? _(l[b]) : "";
}

const char *dash_measure_label(enum dash_measure m)
{
	static const char *const l[M_COUNT] = {
		N_("Inspections"), N_("Hazards found"), N_("Open hazards"),
	};
	return m < M_COUNT ? _(l[m]) : "";
}

void dash_range_text(const struct records_range *r, char *buf, size_t size)
{
	static const char *const l[RP_COUNT] = {
		N_("This month"), N_("This year"), N_("All"), N_("Dates"),
	};
	const char *what = _(l[r->kind < RP_COUNT ? r->kind : RP_ALL]);

	if (r->kind == RP_ALL)
		snprintf(buf, size, "%s", what);
	else
		snprintf(buf, size, "%s: %s .. %s", what, r->from[0] ? r->from : "...",
			 r->to[0] ? r->to : "...");
}

static void paint_period(struct ui *ui, const struct dash *d, int y)
{
	char buf[200];
	int x;

	dash_range_text(&d->range, buf, sizeof buf);
	x = 1 + ui_put(y, 1, buf, COLS - 2, ui->attr[R_SECTION]) + 2;
	if (d->final_only)
		x += ui_put(y, x, _("finalized only"), COLS - x - 1, ui->attr[R_WARN]) + 2;
	ui_put(y, x, _("p period  f finalized only"), COLS - x - 1, ui->attr[R_DIM]);
}

static void paint_figure(struct ui *ui, const struct dash *d, const struct report_figures *f,
			 int k, int y, int x, int w)
{
	int sel = d->focus == PANE_FIGURES && d->fig == k, vw;
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL], va = a | A_BOLD;
	char val[32];

	dash_fig_value(f, (enum dash_fig)k, val, sizeof val);
	vw = ui_width(val);
	if (!sel && ((k == FIG_OVERDUE && f->overdue) || (k == FIG_MAJOR && f->major)))
		va = ui->attr[R_WARN];
	ui_fill(y, x, w, a);
	ui_put(y, x + 1, dash_fig_label((enum dash_fig)k), w - vw - 3, a);
	ui_put(y, x + w - 1 - vw, val, vw, va);
}

static void paint_figures(struct ui *ui, struct dash *d, int y)
{
	const struct report *r = dash_report(d);
	int cw = (COLS - 2) / DASH_FIG_COLS, c, row, k;

	d->fig_y0 = y;
	if (!r) {
		ui_put(y, 2, _("The figures could not be read (r reads them again)."), COLS - 4,
		       ui->attr[R_ERROR]);
		return;
	}
	for (c = 0; c < DASH_FIG_COLS; c++)
		for (row = 0; row < DASH_FIG_ROWS; row++)
			if ((k = dash_fig_at(c, row)) >= 0)
				paint_figure(ui, d, &r->total, k, y + row, 1 + c * cw, cw - 1);
}

/* "Joint, target 2 a month: 2026-10 3  2026-11 1!" with as many of the
 * latest months up to this one as fit; a month below the target is marked. */
static void paint_joint(struct ui *ui, const struct dash *d, int y)
{
	const struct report *r = dash_report(d);
	char buf[64];
	size_t first, i, end = 0;
	int x, need = 0;

	if (!r)
		return;
	snprintf(buf, sizeof buf, _("Joint, target %d a month:"), REPORT_JOINT_TARGET);
	x = 1 + ui_put(y, 1, buf, COLS - 2, ui->attr[R_DIM]) + 1;
	while (end < r->n_months && strncmp(r->months[end].month, ui->today, 7) <= 0)
		end++;   /* months still to come are not behind their target */
	if (end == 0) {
		ui_put(y, x, _("no months"), COLS - x - 1, ui->attr[R_DIM]);
		return;
	}
	for (first = end; first > 0; first--) {
		snprintf(buf, sizeof buf, "%s %ld! ", r->months[first - 1].month,
			 r->months[first - 1].joint);
		if (x + need + ui_width(buf) > COLS - 1)
			break;
		need += ui_width(buf);
	}
	for (i = first; i < end; i++) {
		int low = r->months[i].joint < REPORT_JOINT_TARGET;
		snprintf(buf, sizeof buf, "%s %ld%s", r->months[i].month, r->months[i].joint,
			 low ? "!" : "");
		x += ui_put(y, x, buf, COLS - x - 1, ui->attr[low ? R_WARN : R_NORMAL]) + 2;
	}
}

static void paint_hazards(struct ui *ui, struct dash *d, int y, int h)
{
	char buf[300];
	int r;

	snprintf(buf, sizeof buf, d->att.more ? _("Open hazards, overdue or major, any period "
						  "(%zu+)") :
		 _("Open hazards, overdue or major, any period (%zu)"), d->att.n);
	ui_put(y, 1, buf, COLS - 2, ui->attr[R_SECTION]);
	d->haz_y0 = y + 1;
	d->haz_h = h;
	d->hl.n = d->att.n;
	ui_list_clamp(&d->hl, h);
	if (d->att.n == 0 && h > 0)
		ui_put(y + 1, 2, _("None: nothing open is overdue or major."), COLS - 4,
		       ui->attr[R_DIM]);
	for (r = 0; r < h && d->hl.top + (size_t)r < d->att.n; r++)
		dash_row_hazard(ui, &d->att.haz[d->hl.top + (size_t)r], y + 1 + r,
				d->focus == PANE_HAZARDS && d->hl.top + (size_t)r == d->hl.cur);
}

static int utf8_locale(void)
{
	return MB_CUR_MAX > 1;
}

/* A bar of `eighths` eighths of a cell, at most w cells. */
static void paint_bar(int y, int x, long eighths, int w, attr_t a)
{
	static const char *const part[8] = {
		"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589",
	};
	char buf[4096];             /* 1365 cells of three bytes */
	size_t n = 0;
	long full = eighths / 8, i;

	for (i = 0; i < full && i < w && n + 8 < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", utf8_locale() ? "\u2588" : "#");
	if (i < w && eighths % 8 && n + 8 < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s",
				      utf8_locale() ? part[eighths % 8] : eighths % 8 >= 4 ? "#" : "");
	buf[n] = '\0';
	ui_put(y, x, buf, w, a);
}

const char *dash_group_label(struct dash *d, const struct report_group *g)
{
	if (g->key[0])
		return d->bars == BARS_FORM ? ui_form_title(d->ui, &d->names, g->key, 0) : g->key;
	return d->bars == BARS_TOWN ? _("(no town)") : "-";
}

static void paint_bar_row(struct ui *ui, struct dash *d, size_t i, int y, int lw, int vw,
			  long max)
{
	const struct report *r = dash_report(d);
	int sel = d->focus == PANE_BARS && i == d->bl.cur, bw = COLS - 4 - lw - vw;
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL];
	static const enum ui_role bar_role[M_COUNT] = { R_INFO, R_WARN, R_FAIL };
	long v = dash_bar_value(d, i), eighths;
	char val[32];

	ui_fill(y, 0, COLS, a);
	ui_col(y, 1, dash_group_label(d, &r->groups[d->order[i]]), lw, a);
	eighths = max > 0 ? (v * bw * 8 + max / 2) / max : 0;
	if (v > 0 && eighths == 0)
		eighths = utf8_locale() ? 1 : 8;   /* something, however small, shows */
	paint_bar(y, lw + 2, eighths, bw, sel ? a : ui->attr[bar_role[d->measure]]);
	snprintf(val, sizeof val, "%*ld", vw, v);
	ui_put(y, COLS - 1 - vw, val, vw, a);
}

static void paint_bars(struct ui *ui, struct dash *d, int y, int h)
{
	const struct report *r = dash_report(d);
	char buf[300];
	long max = 0;
	int lw = 4, vw = 1, row;
	size_t i;

	snprintf(buf, sizeof buf, "%s %s", dash_measure_label(d->measure), dash_bars_label(d->bars));
	row = ui_put(y, 1, buf, COLS - 2, ui->attr[R_SECTION]);
	ui_put(y, row + 3, _("b town/form/month  v what"), COLS - row - 4, ui->attr[R_DIM]);
	d->bar_y0 = y + 1;
	d->bar_h = h;
	d->bl.n = d->n_order;
	ui_list_clamp(&d->bl, h);
	if (!r || d->n_order == 0) {
		if (h > 0)
			ui_put(y + 1, 2, _("No inspections in this period."), COLS - 4,
			       ui->attr[R_DIM]);
		return;
	}
	for (i = 0; i < d->n_order; i++) {
		long v = dash_bar_value(d, i);
		int w = ui_width(dash_group_label(d, &r->groups[d->order[i]]));
		max = v > max ? v : max;
		lw = w > lw ? w : lw;
	}
	snprintf(buf, sizeof buf, "%ld", max);
	vw = ui_width(buf);
	lw = lw < COLS / 4 ? lw : COLS / 4;
	for (row = 0; row < h && d->bl.top + (size_t)row < d->n_order; row++)
		paint_bar_row(ui, d, d->bl.top + (size_t)row, y + 1 + row, lw, vw, max);
}

/* Rows for the hazards and the bars (headers included): both when there
 * is room, else only the one in focus. */
static void paint_panes(struct ui *ui, struct dash *d, int y)
{
	int rows = LINES - 2 - y, want_h = d->att.n ? (int)d->att.n : 1,
	    want_b = d->n_order ? (int)d->n_order : 1, hh, bh;

	d->haz_h = d->bar_h = 0;
	if (rows < 6) {
		if (d->focus == PANE_BARS)
			paint_bars(ui, d, y, rows - 1);
		else
			paint_hazards(ui, d, y, rows - 1);
		return;
	}
	rows -= 2;
	hh = want_h;
	if (want_h + want_b > rows) {   /* share: a third at least for the hazards */
		hh = rows - want_b > rows / 3 ? rows - want_b : rows / 3;
		hh = hh > want_h ? want_h : hh < 1 ? 1 : hh;
	}
	bh = rows - hh;
	paint_hazards(ui, d, y, hh);
	paint_bars(ui, d, y + 1 + hh, bh);
}

void dash_paint(struct ui *ui, void *ctx)
{
	struct dash *d = ctx;
	int y = 2;

	ui_title(ui, _("Dashboard: the figures for a period"), ui->today);
	paint_period(ui, d, 1);
	paint_figures(ui, d, y);
	y += DASH_FIG_ROWS;
	if (LINES >= 16)
		paint_joint(ui, d, y++);
	paint_panes(ui, d, y);
}
