/* report_records.h - the records behind a report's figure: the inspections
 * or hazards a figure of report_run counts, for a period and a group, read
 * a page at a time (the dashboard's drill-down; any front end may list them).
 *
 * The figures come from report_run (rows streamed from the store, counted
 * in C by report.c).  The records behind them are the listings of
 * listing.h narrowed in SQL by the report's rules: an inspection by the
 * local date of its created_at, its status, type, and its group (form,
 * month, its enterprise's town, its first team member's department, its
 * enterprise); a hazard by its state and severity and by its inspection's
 * date and group.  test_report checks that the records listed behind each
 * figure are exactly as many as the figure says.
 *
 * A page is the next matches after the last record of the pages before
 * (keyset paging, listing.h), in the listings' orders: inspections newest
 * first, hazards overdue and major first.
 */
#ifndef FC_CORE_REPORT_RECORDS_H
#define FC_CORE_REPORT_RECORDS_H

#include <stddef.h>

#include "hazard.h"
#include "inspection.h"
#include "report.h"

enum records_period { RP_MONTH, RP_YEAR, RP_ALL, RP_DATES, RP_COUNT };

struct records_range {
	enum records_period kind;
	char from[FC_DATE_LEN + 1], to[FC_DATE_LEN + 1];  /* "" for no bound */
};

/* This month or this year of `today`, or everything; RP_DATES keeps the
 * dates already in r (checked: real dates, from not after to). */
int records_range_set(struct records_range *r, enum records_period kind, const char *today,
		      struct fc_err *err);

/* Which hazards a figure counts (report.h's meaning). */
enum records_haz {
	RH_ALL, RH_GENERAL, RH_MAJOR, RH_RECTIFIED, RH_CLOSED, RH_OPEN, RH_OVERDUE,
	RH_SUPERVISED,
	RH_ATTENTION,    /* open and overdue or major, of any period */
	RH_REPAIR_PHOTO, /* rectified, with a photo or file of the repair */
	RH_NO_REPAIR_PHOTO /* rectified, without one */
};

enum records_kind { RR_INSPECTIONS, RR_HAZARDS };

struct records_query {
	enum records_kind rec;
	struct records_range range;
	int final_only;
	enum report_by by;          /* REPORT_TOTAL, or the group's dimension */
	char key[MAX_TOWN + 1];     /* the group: a town, a form id, YYYY-MM, a
				     * department or a credit code */
	int type;                   /* inspections of one type (enum insp_type), or -1 */
	enum records_haz haz;
	const char *today;
};

/* Called every few milliseconds of a reading with the records found so
 * far; non-zero stops the reading. */
struct records_progress {
	int (*fn)(void *ctx, size_t found);
	void *ctx;
};

struct records_page {
	struct insp_row *insp;      /* RR_INSPECTIONS */
	struct hazard_row *haz;     /* RR_HAZARDS; descriptions are heap copies */
	size_t n;
	int more;                   /* more may follow */
	int stopped;                /* the reading was stopped (progress) */
	/* the last record read, as read: the next page comes after it (a
	 * screen may change the rows it shows) */
	struct insp_row after_insp;
	struct hazard_row after_haz;
};

/* Appends up to `page` more records matching q.  `prog` may be NULL. */
int records_more(struct fc_store *s, const struct records_query *q, struct records_page *p,
		 size_t page, const struct records_progress *prog, struct fc_err *err);
void records_release(struct records_page *p);

#endif
