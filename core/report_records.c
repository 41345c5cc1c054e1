/* report_records.c - a report's periods and the records behind its figures
 * (see report_records.h), filtered as report_scan.c groups and report.c
 * counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_records.h"
#include "listing_impl.h"
#include "report_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

/* "YYYY-MM-01" of the month `add` months after today's. */
static void month_start(const char *today, int add, char *out, size_t size)
{
	unsigned y = (unsigned)atoi(today), m = (unsigned)atoi(today + 5) - 1 + (unsigned)add;

	snprintf(out, size, "%04u-%02u-01", (y + m / 12) % 10000u, m % 12 + 1);
}

int records_range_set(struct records_range *r, enum records_period kind, const char *today,
		      struct fc_err *err)
{
	char next[FC_DATE_LEN + 1];

	r->kind = kind;
	switch (kind) {
	case RP_MONTH:
		month_start(today, 0, r->from, sizeof r->from);
		month_start(today, 1, next, sizeof next);
		return date_add_days(next, -1, r->to, err);
	case RP_YEAR:
		snprintf(r->from, sizeof r->from, "%.4s-01-01", today);
		snprintf(r->to, sizeof r->to, "%.4s-12-31", today);
		return 0;
	case RP_ALL:
	case RP_COUNT:
		r->kind = RP_ALL;
		r->from[0] = r->to[0] = '\0';
		return 0;
	case RP_DATES:
		break;
	}
	if ((r->from[0] && date_check(r->from, _("from"), err)) ||
	    (r->to[0] && date_check(r->to, _("to"), err)))
		return -1;
	if (r->from[0] && r->to[0] && strcmp(r->from, r->to) > 0)
		return fc_fail(err, _("from %s is after to %s"), r->from, r->to);
	return 0;
}

/* The conditions over inspection i (and its enterprise e) of the query's
 * period, status and group, with their values in x->x[0..2] (from, the
 * day after to, the group's key) and x->x[4] (the month's end): fixed SQL,
 * chosen by the query.  `at` is the inspection's created_at: i's, or for a
 * hazard the copy in hazard_state, which its index carries, so a period is
 * looked at without reading the inspection.  `paging` (inspections after
 * a row of the page before) leaves out the upper bounds of the time: the
 * row's keyset bound (listing_insp.c) is stricter, and given both SQLite
 * starts at one and reads every row down to the other. */
static void period_and_group(const struct records_query *q, const char *at, int paging,
			     struct strbuf *w)
{
	if (q->range.from[0])
		strbuf_addf(w, " AND %s >= :x1", at);
	if (q->range.to[0] && !paging)   /* its local date no later than to */
		strbuf_addf(w, " AND %s < :x2", at);
	if (q->final_only)
		strbuf_adds(w, " AND i.status = 'final'");
	switch (q->by) {
	case REPORT_BY_FORM:
		strbuf_adds(w, " AND i.form_id = :x3");
		break;
	case REPORT_BY_MONTH:   /* and the month as a range of times, for the index */
		strbuf_adds(w, strlen(q->key) == 7 ? " AND substr(i.created_at, 1, 7) = :x3"
			    : " AND 0");
		if (strlen(q->key) == 7 && (unsigned char)q->key[6] < 0xff)
			strbuf_addf(w, paging ? " AND %s >= :x3" : " AND %s >= :x3 AND %s < :x5",
				    at, at);
		break;
	case REPORT_BY_TOWN:
		strbuf_adds(w, " AND coalesce(e.town, '') = :x3");
		break;
	case REPORT_BY_ENTERPRISE:
		strbuf_adds(w, " AND i.enterprise = :x3");
		break;
	case REPORT_BY_DEPT:   /* the team's first member's, as report_scan.c */
		strbuf_adds(w, " AND coalesce((SELECT t.dept FROM team t WHERE"
			    " t.inspection = i.id ORDER BY t.seq LIMIT 1), '') = :x3");
		break;
	case REPORT_TOTAL:
		break;
	}
}

/* The hazard ranges (listing_impl.h) and the conditions over s a figure
 * counts (report.h's meaning); the few under supervision have an index of
 * their own. */
static unsigned haz_ranges(enum records_haz h, struct strbuf *w, struct list_extra *x)
{
	switch (h) {
	case RH_GENERAL: return HR(0, HR_OVERDUE) | HR(0, HR_LATER) | HR(0, HR_DONE);
	case RH_MAJOR: return HR(1, HR_OVERDUE) | HR(1, HR_LATER) | HR(1, HR_DONE);
	case RH_REPAIR_PHOTO:
	case RH_NO_REPAIR_PHOTO:
		strbuf_addf(w, " AND %sEXISTS (SELECT 1 FROM attachments a WHERE"
			    " a.kind = 'hazard' AND a.record = s.id AND " REPAIR_FILE_SQL ")",
			    h == RH_NO_REPAIR_PHOTO ? "NOT " : "");
		/* fall through */
	case RH_RECTIFIED: return HR(0, HR_DONE) | HR(1, HR_DONE);
	case RH_CLOSED:
		strbuf_adds(w, " AND s.state = 'closed'");
		return HR(0, HR_DONE) | HR(1, HR_DONE);
	case RH_OPEN: return HR(0, HR_OVERDUE) | HR(1, HR_OVERDUE) | HR(0, HR_LATER) |
			     HR(1, HR_LATER);
	case RH_OVERDUE: return HR(0, HR_OVERDUE) | HR(1, HR_OVERDUE);
	case RH_SUPERVISED:
		strbuf_adds(w, " AND s.supervised = 1");
		x->indexed_by = "hazard_state_supervised";
		return HR_ALL;
	case RH_ATTENTION: return HR(0, HR_OVERDUE) | HR(1, HR_OVERDUE) | HR(1, HR_LATER);
	case RH_ALL: break;
	}
	return HR_ALL;
}

/* At most this many hazards with a file: their records with a photo of
 * the repair are read from them (a look-up each, and a sort of those of a
 * range), not picked out of every hazard of the period (133 ms a page at
 * 1 000 000 with none).  Past it, those with a photo are many: read in
 * order, a page finds its own soon. */
#define FEW_FILED 2000
#define FEW_FILED_SQL "2000"

/* Narrows the hazards with a photo of the repair to the hazards with a
 * file, when those are few. */
static int few_filed(struct fc_store *s, struct strbuf *w, struct list_extra *x,
		     struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT count(*) FROM (SELECT 1 FROM attachments a WHERE"
			  " a.kind = 'hazard' GROUP BY a.record LIMIT " FEW_FILED_SQL " + 1)",
			  &st, err))
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0) <= FEW_FILED) {
		strbuf_adds(w, " AND s.id IN (SELECT a.record FROM attachments a"
			    " WHERE a.kind = 'hazard')");
		x->indexed_by = "hazard_state_id";
		x->found_from = NULL;   /* no range of the key is read */
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "counting the hazards' files");
}

/* Stops the reading when the progress callback says so: SQLite's progress
 * handler, called every PROGRESS_STEPS of its virtual machine. */
#define PROGRESS_STEPS 200000

struct reading {
	const struct records_query *q;
	struct records_page *p;
	const struct records_progress *prog;
	size_t want;
	int stopped;
};

static int progress(void *ctx)
{
	struct reading *r = ctx;

	if (r->prog->fn(r->prog->ctx, r->p->n))
		r->stopped = 1;
	return r->stopped;
}

static int take_insp(const struct insp_row *row, void *ctx)
{
	struct reading *r = ctx;
	struct records_page *p = r->p;

	if (r->want == 0) {
		p->more = 1;
		return 1;
	}
	p->insp = xrealloc(p->insp, (p->n + 1) * sizeof *p->insp);
	p->insp[p->n++] = *row;
	p->after_insp = *row;
	r->want--;
	return 0;
}

static int take_haz(const struct hazard_row *row, void *ctx)
{
	struct reading *r = ctx;
	struct records_page *p = r->p;

	if (r->want == 0) {
		p->more = 1;
		return 1;
	}
	p->haz = xrealloc(p->haz, (p->n + 1) * sizeof *p->haz);
	p->haz[p->n] = *row;
	p->haz[p->n++].description = xstrdup(row->description ? row->description : "");
	p->after_haz = *row;
	p->after_haz.description = NULL;
	r->want--;
	return 0;
}

static int read_page(struct fc_store *s, struct reading *r, const struct list_extra *x,
		     unsigned ranges, struct fc_err *err)
{
	const struct records_query *q = r->q;
	struct records_page *p = r->p;
	int after = p->n > 0;

	if (q->rec == RR_INSPECTIONS) {
		struct insp_filter f = { NULL, NULL };
		return inspection_page_x(s, &f, x, after ? &p->after_insp : NULL, r->want + 1,
					 take_insp, r, NULL, err);
	} else {
		struct hazard_filter f;
		memset(&f, 0, sizeof f);
		f.today = q->today;
		if (q->by == REPORT_BY_ENTERPRISE && q->haz != RH_ATTENTION)
			f.enterprise = q->key;   /* through its index */
		return hazard_page_x(s, &f, ranges, x, after ? &p->after_haz : NULL, r->want + 1,
				     take_haz, r, NULL, err);
	}
}

/* The first string after every string that starts with the month `key`
 * (its last byte one up), for the month's range of times. */
static void month_end(const char *key, char *out, size_t size)
{
	snprintf(out, size, "%s", key);
	if (strlen(out) == 7)
		out[6] = (char)((unsigned char)out[6] + 1);
}

/* No hazard of the query was found before this: its period's first day,
 * or its month's. */
static const char *found_from(const struct records_query *q)
{
	if (q->by == REPORT_BY_MONTH && strlen(q->key) == 7 && strcmp(q->key, q->range.from) > 0)
		return q->key;
	return q->range.from;
}

int records_more(struct fc_store *s, const struct records_query *q, struct records_page *p,
		 size_t page, const struct records_progress *prog, struct fc_err *err)
{
	struct reading r = { q, p, prog, page, 0 };
	char to_next[FC_DATE_LEN + 1] = "", month_to[sizeof q->key];
	struct list_extra x = { "", "", { q->range.from, "", q->key, "", month_to }, "", "" };

	struct strbuf w;
	unsigned ranges = HR_ALL;
	int rc;

	p->more = p->stopped = 0;
	if (q->range.to[0] && date_add_days(q->range.to, 1, to_next, err))
		return -1;
	x.x[1] = to_next;
	month_end(q->key, month_to, sizeof month_to);
	strbuf_init(&w);
	strbuf_adds(&w, "1");
	if (q->rec == RR_INSPECTIONS) {
		if (q->type >= 0) {
			x.x[3] = insp_type_name((enum insp_type)q->type);
			strbuf_adds(&w, " AND i.type = :x4");
		}
		period_and_group(q, "i.created_at", p->n > 0, &w);
	} else {
		ranges = haz_ranges(q->haz, &w, &x);
		if (q->haz != RH_ATTENTION) {   /* what needs doing now, whenever found */
			x.from = " CROSS JOIN inspections i ON i.id = s.inspection";
			x.found_from = found_from(q);
			period_and_group(q, "s.found_at", 0, &w);
		}
		if (q->haz == RH_REPAIR_PHOTO && few_filed(s, &w, &x, err)) {
			strbuf_release(&w);
			return -1;
		}
	}
	x.where = w.buf;
	if (prog && prog->fn)
		sqlite3_progress_handler(s->db, PROGRESS_STEPS, progress, &r);
	rc = read_page(s, &r, &x, ranges, err);
	if (prog && prog->fn)
		sqlite3_progress_handler(s->db, 0, NULL, NULL);
	strbuf_release(&w);
	if (r.stopped) {   /* interrupted: what was read stays, the rest follows */
		p->stopped = p->more = 1;
		return 0;
	}
	return rc;
}

void records_release(struct records_page *p)
{
	size_t i;

	for (i = 0; i < p->n && p->haz; i++)
		free(p->haz[i].description);
	free(p->haz);
	free(p->insp);
	memset(p, 0, sizeof *p);
}
