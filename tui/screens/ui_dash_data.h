/* ui_dash_data.h - what the supervisor's dashboard reads, in plain C (no
 * curses): the period's dates, and the records behind a figure or a bar,
 * read a page at a time.
 *
 * The figures themselves come from report_run (rows streamed from the
 * store, counted in C by core/report.c).
 * The records behind them are read through inspection_list and hazard_list,
 * filtered here the way report.c counts: an inspection by the local date of
 * its created_at, its status, type, form, month or its enterprise's town; a
 * hazard by its state and severity and by its inspection's date and group.
 * core/ offers no filtered listing yet, so a page is the next matches of a
 * walk that skips the rows earlier pages went past; the walk of inspections
 * (newest first) ends at the first one older than the period.
 */
#ifndef FC_UI_DASH_DATA_H
#define FC_UI_DASH_DATA_H

#include <stddef.h>

#include "core/hazard.h"
#include "core/inspection.h"
#include "core/report.h"
#include "core/workspace.h"

enum dash_period { DP_MONTH, DP_YEAR, DP_ALL, DP_DATES, DP_COUNT };

struct dash_range {
	enum dash_period kind;
	char from[FC_DATE_LEN + 1], to[FC_DATE_LEN + 1];  /* "" for no bound */
};

/* This month or this year of `today`, or everything; DP_DATES keeps the
 * dates already in r (checked: real dates, from not after to). */
int dash_range_set(struct dash_range *r, enum dash_period kind, const char *today,
		   struct fc_err *err);

/* Which hazards a figure counts (report.h's meaning). */
enum dash_haz {
	DH_ALL, DH_GENERAL, DH_MAJOR, DH_RECTIFIED, DH_CLOSED, DH_OPEN, DH_OVERDUE,
	DH_SUPERVISED,
	DH_ATTENTION     /* open and overdue or major, of any period */
};

enum dash_rec { DR_INSPECTIONS, DR_HAZARDS };

struct dash_query {
	enum dash_rec rec;
	struct dash_range range;
	int final_only;
	enum report_by by;          /* REPORT_TOTAL, or the group's dimension */
	char key[MAX_TOWN + 1];     /* the group: a town, a form id, YYYY-MM */
	int type;                   /* inspections of one type (enum insp_type), or -1 */
	enum dash_haz haz;
	const char *today;
};

/* Called every few thousand rows looked at; non-zero stops the reading. */
struct dash_progress {
	int (*fn)(void *ctx, size_t looked_at);
	void *ctx;
};

struct dash_cache;

struct dash_page {
	struct insp_row *insp;      /* DR_INSPECTIONS */
	struct hazard_row *haz;     /* DR_HAZARDS; descriptions are heap copies */
	size_t n;
	size_t skip;                /* rows of the listing the pages went past */
	int more;                   /* more may follow */
	int stopped;                /* the reading was stopped (progress) */
	struct dash_cache *cache;   /* towns and inspections looked up */
};

/* Appends up to `page` more records matching q.  `prog` may be NULL. */
int dash_page_more(struct fc_workspace *ws, const struct dash_query *q, struct dash_page *p,
		   size_t page, const struct dash_progress *prog, struct fc_err *err);
void dash_page_free(struct dash_page *p);

#endif
