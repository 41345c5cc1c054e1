/* ui_dash.h - what the files of the supervisor's dashboard share:
 * ui_dashboard.c (the screen and its keys), ui_dash_draw.c (the figures,
 * the hazards needing attention and the bar charts), ui_dash_fig.c (each
 * figure: its label, its value, the records behind it) and ui_dash_list.c
 * (the records behind a figure or a bar). */
#ifndef FC_UI_DASH_H
#define FC_UI_DASH_H

#include "ui.h"
#include "core/report_records.h"
#include "ui_list.h"
#include "ui_names.h"
#include "core/report.h"

enum dash_pane { PANE_FIGURES, PANE_HAZARDS, PANE_BARS, PANE_COUNT };
enum dash_bars { BARS_TOWN, BARS_FORM, BARS_MONTH, BARS_COUNT };
enum dash_measure { M_INSPECTIONS, M_FOUND, M_OPEN, M_COUNT };

/* The figures, laid out in columns of DASH_FIG_ROWS. */
enum dash_fig {
	FIG_INSPECTIONS, FIG_ENTERPRISES, FIG_JOINT, FIG_UNANNOUNCED, FIG_RECHECKS,
	FIG_FOUND, FIG_GENERAL, FIG_MAJOR, FIG_SUPERVISED,
	FIG_RECTIFIED, FIG_RATE, FIG_CLOSED, FIG_OPEN, FIG_OVERDUE,
	FIG_COUNT
};
#define DASH_FIG_ROWS 5
#define DASH_FIG_COLS 3

struct dash {
	struct ui *ui;
	struct records_range range;
	int final_only;
	struct report rep[BARS_COUNT];  /* the period's report, grouped three ways */
	int have[BARS_COUNT];
	enum dash_bars bars;
	enum dash_measure measure;
	size_t *order;                  /* the bars' groups, in the order drawn */
	size_t n_order;
	struct records_query att_q;        /* open hazards, overdue or major */
	struct records_page att;
	enum dash_pane focus;
	int fig;                        /* the figure under the cursor */
	struct ui_list hl, bl;          /* hazards, bars */
	struct ui_names names;          /* the forms' titles, by form */
	int haz_y0, haz_h, bar_y0, bar_h, fig_y0;   /* where they were drawn */
};

/* ui_dash_draw.c */
void dash_paint(struct ui *ui, void *ctx);
/* The report of the bars in force (NULL before it was read). */
const struct report *dash_report(const struct dash *d);
/* What bar `i` (in drawing order) measures. */
long dash_bar_value(const struct dash *d, size_t i);
const char *dash_bars_label(enum dash_bars b);
const char *dash_measure_label(enum dash_measure m);
/* What a bar is called: the town, the form's title, the month. */
const char *dash_group_label(struct dash *d, const struct report_group *g);
/* The period as words: "this month (2026-11-01 – 2026-11-30)". */
void dash_range_text(const struct records_range *r, char *buf, size_t size);

/* ui_dash_fig.c */
/* Which column and row the figure is drawn in, and back (-1 for none). */
int dash_fig_col(enum dash_fig k);
int dash_fig_row(enum dash_fig k);
int dash_fig_at(int col, int row);
const char *dash_fig_label(enum dash_fig k);
void dash_fig_value(const struct report_figures *f, enum dash_fig k, char *buf, size_t size);
/* The records behind the figure: sets q's rec, type and haz. */
void dash_fig_query(enum dash_fig k, struct records_query *q);

/* ui_dash_list.c */
/* The records a query matches, a page at a time; Enter opens one, l
 * shows its history. */
void dash_list(struct ui *ui, const struct records_query *q, const char *title);
/* One row of a list of hazards or inspections (the dashboard's too). */
void dash_row_hazard(struct ui *ui, const struct hazard_row *r, int y, int sel);
void dash_row_inspection(struct ui *ui, struct ui_names *names, const struct insp_row *r, int y,
			 int sel);
/* Reads another page into p, saying so on the message line, Esc stops a
 * long reading; 0, or -1 with the error shown. */
int dash_read(struct ui *ui, const struct records_query *q, struct records_page *p);

#endif
