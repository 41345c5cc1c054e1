/* report.h - the supervisor's figures (see docs/ARCHITECTURE.md, "Reports"):
 * inspections, enterprises inspected, joint and unannounced (四不两直)
 * inspections, re-inspections, hazards found, rectified, closed, open,
 * overdue and under listed supervision (挂牌督办), the rectification rate,
 * the rectified with and without photo evidence of the repair,
 * for a period and, if asked, per form, town, department, month or
 * enterprise.
 *
 * An inspection belongs to the local date of its created_at (the wall-clock
 * date on site); a hazard is counted with its inspection's date and group.
 * report_scan.c streams the rows from the store (SQL does the joins and the
 * date range) and report.c counts them in C, so a report over a large store
 * never holds more than its groups in memory; the writers (report_out.c,
 * report_html.c) print the same struct, so the formats can never disagree.
 */
#ifndef FC_CORE_REPORT_H
#define FC_CORE_REPORT_H

#include <stdio.h>

#include "clock.h"
#include "store.h"

/* Joint enforcement inspections a month the work plan asks for (DOMAIN.md). */
#define REPORT_JOINT_TARGET 2

enum report_by {
	REPORT_TOTAL,        /* no grouping */
	REPORT_BY_FORM,      /* the checklist's form id */
	REPORT_BY_TOWN,      /* the enterprise's town (镇街道) */
	REPORT_BY_DEPT,      /* the department of the inspection's creator */
	REPORT_BY_MONTH,     /* YYYY-MM of the inspection */
	REPORT_BY_ENTERPRISE /* credit code (and name) */
};

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_JSON, REPORT_HTML };

struct report_query {
	const char *from, *to;  /* YYYY-MM-DD, inclusive; NULL or "" for no bound */
	const char *today;      /* YYYY-MM-DD: what 'overdue' is judged against */
	enum report_by by;
	int final_only;         /* count finalized inspections only */
};

struct report_figures {
	long inspections;
	long drafts;            /* of them, not yet finalized */
	long enterprises;       /* distinct enterprises inspected */
	long joint, unannounced, rechecks;
	long found, general, major;
	long notified;          /* hazards that were issued a rectification notice */
	long rectified;         /* reported rectified (state rectified or closed) */
	long closed;            /* re-inspected, verified and closed */
	long open;              /* not yet rectified */
	long overdue;           /* open and past the deadline in force */
	long supervised;        /* under listed supervision */
	long major_supervised;  /* major hazards under listed supervision */
	/* Of the rectified: with a photo or file of the repair (attached to
	 * the rectified or verified event, or to the hazard after it was
	 * rectified), and without one. */
	long repair_photo, no_repair_photo;
};

struct report_group {
	char *key;              /* "" when the inspection has none (no town) */
	char *name;             /* the enterprise's name (by enterprise), else "" */
	struct report_figures f;
};

struct report_month {
	char month[8];          /* YYYY-MM */
	long joint;
};

struct report {
	char from[FC_DATE_LEN + 1], to[FC_DATE_LEN + 1];  /* "" when unbounded */
	/* Since when the central's commits are signed (its roster's founding,
	 * "YYYY-MM-DDTHH:MM:SSZ"); "" when it has no roster.  Set by the caller,
	 * which reads the replica: records from before it carry no signature. */
	char signed_since[FC_TIMESTAMP_LEN + 1];
	char today[FC_DATE_LEN + 1];
	enum report_by by;
	int final_only;
	struct report_figures total;
	struct report_group *groups;  /* sorted by key; none without grouping */
	size_t n_groups;
	/* Every month of the period, oldest first, with its joint inspections:
	 * from the --from month (or the first inspection's) to the --to month
	 * (or the later of this month and the last inspection's). */
	struct report_month *months;
	size_t n_months;
};

/* Runs the report's queries in one read transaction (a consistent snapshot
 * that does not block writers).  Checks the dates; from after to is
 * refused.  Empty the result with report_release. */
int report_run(struct fc_store *s, const struct report_query *q, struct report *out,
	       struct fc_err *err);
void report_release(struct report *r);

/* The rectification rate in tenths of a percent, rounded half up
 * (6810 of 7078 gives 962); -1 when nothing was found. */
int report_rate_tenths(const struct report_figures *f);
/* "96.2", or "" when nothing was found. */
void report_rate_text(const struct report_figures *f, char *out, size_t size);

int report_by_parse(const char *s, enum report_by *out);
/* "form", "town", ...; "total" for REPORT_TOTAL. */
const char *report_by_name(enum report_by by);

/* Prints the report; returns 0, or -1 if the stream failed.  `bom` puts the
 * UTF-8 byte-order mark first (CSV for spreadsheet programs). */
int report_print(const struct report *r, enum report_format fmt, int bom, FILE *out,
		 struct fc_err *err);
/* The HTML page alone (report_html.c); report_print calls it for REPORT_HTML. */
int report_print_html(const struct report *r, FILE *out, struct fc_err *err);

#endif
