/* pages.c - what a page of each listing costs (core/listing.h and the
 * records behind a report's figure): the screens' and the command line's
 * reads, on an open workspace.
 *
 *   pages WORKSPACE [--page N]
 *
 * For each listing it times the first page of N rows (50), a page of N
 * halfway down the list (its key found by reading pages of 1000 up to
 * there, not timed: the screens get the key from the page before) and the
 * listing's count, each the best of three, and prints
 * "bench list_NAME rows=R first_ms=F deep_ms=D deep_at=K count_ms=C".
 * The records behind a figure have no count of their own (the report
 * gives the figure): count_ms is "-" and rows is what the reading found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/listing.h"
#include "core/report_records.h"
#include "core/workspace.h"

#define DEEP_STEP 1000

struct listing {
	const char *name;
	int hazards;                /* else inspections */
	struct insp_filter fi;
	struct hazard_filter fh;
};

struct keep {
	struct insp_row insp;
	struct hazard_row haz;
	size_t n;
};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int keep_insp(const struct insp_row *r, void *ctx)
{
	struct keep *k = ctx;
	k->insp = *r;
	k->n++;
	return 0;
}

static int keep_haz(const struct hazard_row *r, void *ctx)
{
	struct keep *k = ctx;
	k->haz = *r;
	k->haz.description = NULL;
	k->n++;
	return 0;
}

/* One page of n after `after` (NULL: the first); the rows read into k. */
static int page(struct fc_store *s, const struct listing *l, const struct keep *after,
		size_t n, struct keep *k, struct fc_err *err)
{
	k->n = 0;
	if (l->hazards)
		return hazard_page(s, &l->fh, after ? &after->haz : NULL, n, keep_haz, k, NULL, err);
	return inspection_page(s, &l->fi, after ? &after->insp : NULL, n, keep_insp, k, NULL, err);
}

static int count(struct fc_store *s, const struct listing *l, long *n, struct fc_err *err)
{
	return l->hazards ? hazard_count(s, &l->fh, n, err) : inspection_count(s, &l->fi, n, err);
}

/* The best of three runs of a page after `after`, in ms. */
static int best_page(struct fc_store *s, const struct listing *l, const struct keep *after,
		     size_t n, double *ms, struct fc_err *err)
{
	struct keep k;
	int r;

	*ms = 1e9;
	for (r = 0; r < 3; r++) {
		double t0 = now_ms();
		if (page(s, l, after, n, &k, err))
			return -1;
		if (now_ms() - t0 < *ms)
			*ms = now_ms() - t0;
	}
	return 0;
}

static int bench_listing(struct fc_store *s, const struct listing *l, size_t n,
			 struct fc_err *err)
{
	struct keep deep, k;
	double first, deep_ms = 0, count_ms = 1e9;
	long rows = 0;
	size_t at = 0;
	int r;

	for (r = 0; r < 3; r++) {
		double t0 = now_ms();
		if (count(s, l, &rows, err))
			return -1;
		if (now_ms() - t0 < count_ms)
			count_ms = now_ms() - t0;
	}
	if (best_page(s, l, NULL, n, &first, err))
		return -1;
	memset(&deep, 0, sizeof deep);
	while (at + DEEP_STEP <= (size_t)rows / 2) {
		if (page(s, l, at ? &deep : NULL, DEEP_STEP, &k, err))
			return -1;
		deep = k;
		at += k.n;
	}
	if (best_page(s, l, at ? &deep : NULL, n, &deep_ms, err))
		return -1;
	printf("bench list_%s rows=%ld first_ms=%.2f deep_ms=%.2f deep_at=%zu count_ms=%.2f\n",
	       l->name, rows, first, deep_ms, at, count_ms);
	return 0;
}

/* The records behind a figure: the first page, and one halfway. */
static int bench_records(struct fc_store *s, const char *name, struct records_query *q,
			 size_t n, struct fc_err *err)
{
	struct records_page p;
	double first = 1e9, deep = 1e9, t0;
	size_t total, half, at;
	int r;

	for (r = 0; r < 3; r++) {
		memset(&p, 0, sizeof p);
		t0 = now_ms();
		if (records_more(s, q, &p, n, NULL, err))
			return -1;
		if (now_ms() - t0 < first)
			first = now_ms() - t0;
		records_release(&p);
	}
	memset(&p, 0, sizeof p);
	do
		if (records_more(s, q, &p, DEEP_STEP, NULL, err))
			return -1;
	while (p.more);
	total = p.n;
	records_release(&p);
	half = total / 2;
	for (r = 0; r < 3; r++) {
		memset(&p, 0, sizeof p);
		while (p.n + DEEP_STEP <= half)
			if (records_more(s, q, &p, DEEP_STEP, NULL, err))
				return -1;
		at = p.n;
		t0 = now_ms();
		if (records_more(s, q, &p, n, NULL, err))
			return -1;
		if (now_ms() - t0 < deep)
			deep = now_ms() - t0;
		records_release(&p);
	}
	printf("bench list_%s rows=%zu first_ms=%.2f deep_ms=%.2f deep_at=%zu count_ms=-\n",
	       name, total, first, deep, at);
	return 0;
}

/* A form, an enterprise and a town the store has, for the filters. */
static int pick(struct fc_store *s, char *form, char *ent, struct fc_err *err)
{
	struct insp_filter all = { NULL, NULL };
	struct hazard_filter f = { 0, 0, 0, "", "", "" };
	struct keep k;

	memset(&k, 0, sizeof k);
	if (inspection_page(s, &all, NULL, 1, keep_insp, &k, NULL, err) ||
	    hazard_page(s, &f, NULL, 1, keep_haz, &k, NULL, err))
		return -1;
	snprintf(form, MAX_FORM_ID + 1, "%s", k.insp.form_id);
	snprintf(ent, USCC_LEN + 1, "%s", k.haz.enterprise);
	return 0;
}

/* By town, the busiest town's (from a report by town: not timed). */
static int busiest_town(struct fc_store *s, struct records_query *q, struct fc_err *err)
{
	struct report_query rq = { NULL, NULL, q->today, REPORT_BY_TOWN, 0 };
	struct report r;
	size_t g, best = 0;

	if (report_run(s, &rq, &r, err))
		return -1;
	for (g = 1; g < r.n_groups; g++)
		if (r.groups[g].f.inspections > r.groups[best].f.inspections)
			best = g;
	q->by = REPORT_BY_TOWN;
	snprintf(q->key, sizeof q->key, "%s", r.n_groups ? r.groups[best].key : "");
	report_release(&r);
	return 0;
}

int main(int argc, char **argv)
{
	char today[FC_DATE_LEN + 1], form[MAX_FORM_ID + 1] = "", ent[USCC_LEN + 1] = "";
	struct fc_workspace *ws = NULL;
	struct fc_err err = { 0 };
	struct records_query q;
	size_t n = 50, k;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: pages WORKSPACE [--page N]\n");
		return 2;
	}
	if (argc == 4 && !strcmp(argv[2], "--page"))
		n = (size_t)strtoul(argv[3], NULL, 10);
	if (clock_today(today, &err) || workspace_open(argv[1], &ws, &err) ||
	    pick(ws->store, form, ent, &err))
		goto fail;
	{
		const struct listing ls[] = {
			{ "drafts", 0, { "draft", NULL }, { 0 } },
			{ "inspections", 0, { NULL, NULL }, { 0 } },
			{ "final_by_form", 0, { "final", form }, { 0 } },
			{ "all_of_form", 0, { NULL, form }, { 0 } },
			{ "hazards", 1, { 0 }, { 0, 0, 0, "", "", today } },
			{ "hazards_open", 1, { 0 }, { 1, 0, 0, "", "", today } },
			{ "hazards_overdue", 1, { 0 }, { 0, 1, 0, "", "", today } },
			{ "hazards_major", 1, { 0 }, { 0, 0, 1, "", "", today } },
			{ "hazards_of_enterprise", 1, { 0 }, { 0, 0, 0, ent, "", today } },
			{ "hazards_open_of_enterprise", 1, { 0 }, { 1, 0, 0, ent, "", today } },
		};
		for (k = 0; k < sizeof ls / sizeof *ls; k++)
			if (bench_listing(ws->store, &ls[k], n, &err))
				goto fail;
	}
	/* The dashboard's drill-down: this year's rectified hazards of the
	 * first form, and the inspections of all time of one enterprise. */
	memset(&q, 0, sizeof q);
	q.today = today;
	q.type = -1;
	if (records_range_set(&q.range, RP_YEAR, today, &err))
		goto fail;
	q.rec = RR_HAZARDS;
	q.haz = RH_RECTIFIED;
	q.by = REPORT_BY_FORM;
	snprintf(q.key, sizeof q.key, "%s", form);
	if (bench_records(ws->store, "records_rectified_of_form", &q, n, &err))
		goto fail;
	if (records_range_set(&q.range, RP_ALL, today, &err))
		goto fail;
	q.rec = RR_INSPECTIONS;
	q.haz = RH_ALL;
	q.by = REPORT_BY_ENTERPRISE;
	snprintf(q.key, sizeof q.key, "%s", ent);
	if (bench_records(ws->store, "records_inspections_of_enterprise", &q, n, &err))
		goto fail;
	q.rec = RR_HAZARDS;
	q.haz = RH_OPEN;
	q.by = REPORT_TOTAL;
	if (bench_records(ws->store, "records_open", &q, n, &err))
		goto fail;
	/* A month's records (January of this year, of all time: a month
	 * is a range of times) and this year's rectified hazards of a town. */
	q.haz = RH_ALL;
	q.by = REPORT_BY_MONTH;
	snprintf(q.key, sizeof q.key, "%.4s-01", today);
	if (bench_records(ws->store, "records_hazards_of_month", &q, n, &err))
		goto fail;
	q.rec = RR_INSPECTIONS;
	if (bench_records(ws->store, "records_inspections_of_month", &q, n, &err))
		goto fail;
	if (records_range_set(&q.range, RP_YEAR, today, &err) || busiest_town(ws->store, &q, &err))
		goto fail;
	q.rec = RR_HAZARDS;
	q.haz = RH_RECTIFIED;
	if (bench_records(ws->store, "records_rectified_of_town", &q, n, &err))
		goto fail;
	/* Figures whose records are few among many: this year's hazards under
	 * supervision, and those rectified with a photo of the repair. */
	q.by = REPORT_TOTAL;
	q.key[0] = '\0';
	q.haz = RH_SUPERVISED;
	if (bench_records(ws->store, "records_supervised", &q, n, &err))
		goto fail;
	q.haz = RH_REPAIR_PHOTO;
	if (bench_records(ws->store, "records_repair_photo", &q, n, &err))
		goto fail;
	workspace_close(ws);
	return 0;
fail:
	fprintf(stderr, "pages: %s\n", err.msg);
	if (ws)
		workspace_close(ws);
	return 1;
}
