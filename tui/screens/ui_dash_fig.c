/* ui_dash_fig.c - the dashboard's figures: where each is drawn, its label,
 * its value in a report, and the records behind it (what Enter lists). */
#include <stdio.h>

#include "ui_dash.h"

/* The first figure of each column: inspections, hazards found, the loop. */
static const int col_start[DASH_FIG_COLS + 1] = {
	FIG_INSPECTIONS, FIG_FOUND, FIG_RECTIFIED, FIG_COUNT
};

int dash_fig_col(enum dash_fig k)
{
	int c;

	for (c = 0; c + 1 < DASH_FIG_COLS && (int)k >= col_start[c + 1]; c++)
		;
	return c;
}

int dash_fig_row(enum dash_fig k)
{
	return (int)k - col_start[dash_fig_col(k)];
}

int dash_fig_at(int col, int row)
{
	if (col < 0 || col >= DASH_FIG_COLS || row < 0 ||
	    col_start[col] + row >= col_start[col + 1])
		return -1;
	return col_start[col] + row;
}

const char *dash_fig_label(enum dash_fig k)
{
	static const char *const l[FIG_COUNT] = {
		N_("Inspections"), N_("Enterprises"), N_("Joint"), N_("Unannounced"),
		N_("Re-inspections"), N_("Hazards found"), N_("General"), N_("Major"),
		N_("Under supervision"), N_("Rectified"), N_("Rate"), N_("Closed"),
		N_("Not rectified"), N_("Overdue"),
	};
	return k < FIG_COUNT ? _(l[k]) : "";
}

void dash_fig_value(const struct report_figures *f, enum dash_fig k, char *buf, size_t size)
{
	const long v[FIG_COUNT] = {
		f->inspections, f->enterprises, f->joint, f->unannounced, f->rechecks,
		f->found, f->general, f->major, f->supervised,
		f->rectified, 0, f->closed, f->open, f->overdue,
	};
	char rate[16];

	if (k == FIG_RATE) {
		report_rate_text(f, rate, sizeof rate);
		snprintf(buf, size, "%s%s", rate[0] ? rate : "-", rate[0] ? " %" : "");
		return;
	}
	snprintf(buf, size, "%ld", k < FIG_COUNT ? v[k] : 0L);
}

void dash_fig_query(enum dash_fig k, struct records_query *q)
{
	static const int type[FIG_COUNT] = {
		[FIG_INSPECTIONS] = -1, [FIG_ENTERPRISES] = -1, [FIG_JOINT] = INSP_JOINT,
		[FIG_UNANNOUNCED] = INSP_UNANNOUNCED, [FIG_RECHECKS] = INSP_RECHECK,
	};
	static const enum records_haz haz[FIG_COUNT] = {
		[FIG_FOUND] = RH_ALL, [FIG_GENERAL] = RH_GENERAL, [FIG_MAJOR] = RH_MAJOR,
		[FIG_SUPERVISED] = RH_SUPERVISED, [FIG_RECTIFIED] = RH_RECTIFIED,
		[FIG_RATE] = RH_RECTIFIED, [FIG_CLOSED] = RH_CLOSED, [FIG_OPEN] = RH_OPEN,
		[FIG_OVERDUE] = RH_OVERDUE,
	};

	q->rec = k < FIG_FOUND ? RR_INSPECTIONS : RR_HAZARDS;
	q->type = k < FIG_FOUND ? type[k] : -1;
	q->haz = k < FIG_COUNT ? haz[k] : RH_ALL;
}
