/* test_report.c - the supervisor's figures against stores built here
 * through the core API, whose true counts the test keeps as it builds them
 * (never by asking the store): every grouping, date ranges, finalized only,
 * the deadline in force, a creator who changed department, the seed's own
 * figures (7078 general hazards, 6810 rectified, 96.2 %; 4 major all under
 * listed supervision), the rate's rounding, the month list, and the three
 * text formats and the HTML page printing the same figures. */
#include "support_ws.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attach.h"
#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/report.h"
#include "core/report_records.h"
#include "core/strbuf.h"
#include "core/workspace.h"

#define TODAY "2026-11-28"
#define N_ENT 5
#define N_INSP 90
#define MAX_HZ 4

static const struct fc_person people[] = {
	{ "ZJ-0001", "张三", "区应急管理局" },
	{ "JT-0042", "李四", "区交通运输局" },
	{ "SJ-0007", "王五", "区市场监管局" },
	{ "ZJ-0009", "赵六", "区应急管理局" },  /* moves to 综合行政执法局 (see creator()) */
};
static const char *const towns[N_ENT] = { "城东街道", "城东街道", "西坞街道", "", "西坞街道" };
static const char *const forms[] = { "hazmat-loading", "confined-space", "six-ones" };

/* What the test made, as it made it. */
struct made_hazard {
	int major, notice, rectified, verified, supervised;
	int photo;                  /* a file of its repair (report.h's rule) */
	char due[FC_DATE_LEN + 1];
};

struct made {
	char date[FC_DATE_LEN + 1];
	int ent, type, form, final;
	char dept[MAX_DEPT + 1];
	struct made_hazard hz[MAX_HZ];
	int n_hz;
};

struct world {
	char *dir;
	struct fc_workspace *ws;
	struct made insp[N_INSP];
	int n;
};

static unsigned long rng = 20201231;
static unsigned pick(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static void at(const char *date, const char *time)
{
	char ts[64];
	snprintf(ts, sizeof ts, "%sT%s+08:00", date, time);
	setenv("FIELDCHECK_NOW", ts, 1);
}

static void day_plus(const char *date, int days, char *out)
{
	struct fc_err err = { 0 };
	test_must(date_add_days(date, days, out, &err), &err);
}

static void add_enterprises(struct fc_store *s)
{
	static const char *const names[N_ENT] = { "华东化工有限公司", "甲铸造厂", "乙物流 & 仓储",
		"丙 <五金> \"加工\"", "丁燃气站" };
	struct fc_err err = { 0 };
	size_t k;

	for (k = 0; k < N_ENT; k++) {
		struct fc_enterprise e = { "", (char *)names[k], (char *)towns[k], "C26", "" };
		memcpy(e.code, test_uscc_valid[k], sizeof e.code);
		test_must(enterprise_add(s, &e, &err), &err);
	}
}

/* Who creates inspection i, and the department they had then: 赵六 was
 * in 区应急管理局 until October, then in 综合行政执法局. */
static struct fc_person creator(int i, const char *date)
{
	struct fc_person p = people[i % 4];
	if (i % 4 == 3 && strcmp(date, "2026-10-01") >= 0)
		snprintf(p.dept, sizeof p.dept, "%s", "综合行政执法局");
	return p;
}

/* Attaches a made-up file (its line only: the report reads lines) to the
 * hazard (event 0) or its event number `event`, at `time` of date. */
static void attach_photo(struct fc_store *s, const struct fc_person *me, const char *id,
			 size_t event, const char *date, const char *time)
{
	static unsigned n;
	struct evidence_info info;
	struct fc_err err = { 0 };

	memset(&info, 0, sizeof info);
	n++;
	snprintf(info.sha256, sizeof info.sha256, "%064x", n);
	snprintf(info.blob, sizeof info.blob, "%040x", n);
	info.size = 1000 + n;
	info.type = MEDIA_JPEG;
	snprintf(info.name, sizeof info.name, "IMG_%04u.JPG", n % 10000);
	at(date, time);
	test_must(attach_to_hazard(s, me, id, event, &info, &err), &err);
}

/* A file to a hazard of those walked: on its rectified event, on it after
 * it was rectified (both evidence of the repair), on it before, on the
 * finding, or none. */
static void walk_photo(struct fc_store *s, const struct fc_person *me, const char *id,
		       const char *date, struct made_hazard *h)
{
	size_t rectified_ev = 2 + (size_t)h->supervised + (size_t)h->notice;

	switch (pick(5)) {
	case 1:
		attach_photo(s, me, id, h->rectified ? rectified_ev : 1, date, "12:10:00");
		h->photo = h->rectified;
		break;
	case 2:
		attach_photo(s, me, id, 0, date, "12:30:00");
		h->photo = h->rectified;
		break;
	case 3:
		attach_photo(s, me, id, 0, date, "09:50:00");
		break;
	case 4:
		attach_photo(s, me, id, 1, date, "09:55:00");
		break;
	}
}

/* A hazard's closed loop, walked to a random point; records what it did. */
static void walk_hazard(struct world *w, const struct fc_person *me, const char *id,
			const char *date, struct made_hazard *h)
{
	struct fc_store *s = w->ws->store;
	struct fc_err err = { 0 };
	char d[FC_DATE_LEN + 1];
	unsigned path = pick(6);

	if ((h->major && pick(3)) || pick(8) == 0) {
		at(date, "09:45:00");
		test_must(hazard_event_add(s, me, id, HEV_SUPERVISE, NULL, "挂牌督办", &err), &err);
		h->supervised = 1;
	}
	if (path >= 1) {  /* a notice, maybe setting the deadline */
		at(date, "10:00:00");
		day_plus(date, (int)pick(40), d); /* a deadline from the notice's day on */
		test_must(hazard_event_add(s, me, id, HEV_NOTICE, path == 2 ? d : NULL, "责令限期整改",
				      &err), &err);
		h->notice = 1;
		if (path == 2)
			memcpy(h->due, d, sizeof d);
	}
	if (path == 3) {  /* an extension past the deadline in force */
		at(date, "11:00:00");
		day_plus(h->due, 1 + (int)pick(30), d);
		test_must(hazard_event_add(s, me, id, HEV_EXTEND, d, "企业申请", &err), &err);
		memcpy(h->due, d, sizeof d);
	}
	if (path >= 4) {
		at(date, "12:00:00");
		test_must(hazard_event_add(s, me, id, HEV_RECTIFIED, NULL, NULL, &err), &err);
		h->rectified = 1;
	}
	if (path == 5) {
		at(date, "13:00:00");
		test_must(hazard_event_add(s, me, id, HEV_VERIFIED, NULL, "复查合格", &err), &err);
		h->verified = 1;
	}
	walk_photo(s, me, id, date, h);
}

static void add_hazards(struct world *w, struct made *m, const struct fc_person *me,
			const char *id)
{
	struct fc_err err = { 0 };
	int k;

	m->n_hz = (int)pick(MAX_HZ + 1);
	for (k = 0; k < m->n_hz; k++) {
		struct made_hazard *h = &m->hz[k];
		struct hazard_new n = { id, "", HAZ_GENERAL, "灭火器过期", h->due, NULL };
		char hid[FC_UUID_LEN + 1];

		h->major = pick(5) == 0;
		n.severity = h->major ? HAZ_MAJOR : HAZ_GENERAL;
		day_plus(m->date, (int)pick(60), h->due); /* never before the inspection */
		at(m->date, "09:30:00");
		test_must(hazard_add(w->ws->store, me, &n, hid, &err), &err);
		walk_hazard(w, me, hid, m->date, h);
	}
}

static void add_inspection(struct world *w, int i)
{
	static const char *const dates[] = { "2026-07-15", "2026-08-31", "2026-09-01",
		"2026-09-30", "2026-10-01", "2026-10-20", "2026-11-28", "2026-11-05" };
	struct made *m = &w->insp[w->n++];
	struct fc_person me, mate = people[(i + 1) % 3];
	struct insp_new n = { NULL, 1, NULL, INSP_ROUTINE, "", &mate, 1 };
	struct fc_err err = { 0 };
	char id[FC_UUID_LEN + 1];

	snprintf(m->date, sizeof m->date, "%s", dates[pick(8)]);
	me = creator(i, m->date);
	snprintf(m->dept, sizeof m->dept, "%s", me.dept);
	m->ent = (int)pick(N_ENT), m->type = (int)pick(4), m->form = (int)pick(3);
	n.form_id = forms[m->form];
	n.enterprise = test_uscc_valid[m->ent];
	n.type = (enum insp_type)m->type;
	at(m->date, "09:00:00");
	test_must(inspection_create(w->ws->store, &me, &n, id, &err), &err);
	add_hazards(w, m, &me, id);
	m->final = pick(4) != 0;
	at(m->date, "18:00:00");
	if (m->final)
		test_must(inspection_finalize(w->ws->store, id, &err), &err);
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct fc_err err = { 0 };
	int i;

	at("2026-07-01", "08:00:00");
	test_ws_open(&w->dir, &w->ws, &people[0], 1, NULL);
	test_must(store_begin(w->ws->store, &err), &err);  /* one commit: fast */
	add_enterprises(w->ws->store);
	for (i = 0; i < N_INSP; i++)
		add_inspection(w, i);
	test_must(store_commit(w->ws->store, &err), &err);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	test_ws_close(w->dir, w->ws);
	free(w);
	return 0;
}

/* ---- the figures the test expects, counted from what it made ---- */

static int in_query(const struct made *m, const struct report_query *q)
{
	if (q->from && *q->from && strcmp(m->date, q->from) < 0)
		return 0;
	if (q->to && *q->to && strcmp(m->date, q->to) > 0)
		return 0;
	return !q->final_only || m->final;
}

static void key_of(const struct made *m, enum report_by by, char *key, size_t size)
{
	switch (by) {
	case REPORT_BY_FORM: snprintf(key, size, "%s", forms[m->form]); break;
	case REPORT_BY_TOWN: snprintf(key, size, "%s", towns[m->ent]); break;
	case REPORT_BY_DEPT: snprintf(key, size, "%s", m->dept); break;
	case REPORT_BY_MONTH: snprintf(key, size, "%.7s", m->date); break;
	case REPORT_BY_ENTERPRISE: snprintf(key, size, "%s", test_uscc_valid[m->ent]); break;
	default: snprintf(key, size, "%s", ""); break;
	}
}

static void count_made(const struct made *m, struct report_figures *f)
{
	int k;

	f->inspections++;
	f->drafts += !m->final;
	f->joint += m->type == INSP_JOINT;
	f->unannounced += m->type == INSP_UNANNOUNCED;
	f->rechecks += m->type == INSP_RECHECK;
	for (k = 0; k < m->n_hz; k++) {
		const struct made_hazard *h = &m->hz[k];
		int open = !h->rectified;
		f->found++;
		f->major += h->major;
		f->general += !h->major;
		f->notified += h->notice;
		f->rectified += h->rectified;
		f->closed += h->verified;
		f->open += open;
		f->overdue += open && strcmp(h->due, TODAY) < 0;
		f->supervised += h->supervised;
		f->major_supervised += h->supervised && h->major;
		f->repair_photo += h->rectified && h->photo;
		f->no_repair_photo += h->rectified && !h->photo;
	}
}

/* The expected figures of the inspections in q with group key `key` (NULL:
 * all of them). */
static struct report_figures expect(const struct world *w, const struct report_query *q,
				    const char *key)
{
	struct report_figures f;
	int seen[N_ENT] = { 0 }, i;
	char k[MAX_DEPT + 1];

	memset(&f, 0, sizeof f);
	for (i = 0; i < w->n; i++) {
		key_of(&w->insp[i], q->by, k, sizeof k);
		if (!in_query(&w->insp[i], q) || (key && strcmp(k, key)))
			continue;
		count_made(&w->insp[i], &f);
		f.enterprises += !seen[w->insp[i].ent]++;
	}
	return f;
}

static void assert_figures(const struct report_figures *got, const struct report_figures *want,
			   const char *what)
{
	if (memcmp(got, want, sizeof *got)) {
		print_message("%s: got insp %ld ent %ld joint %ld found %ld rect %ld open %ld "
			      "overdue %ld sup %ld; wanted %ld %ld %ld %ld %ld %ld %ld %ld\n", what,
			      got->inspections, got->enterprises, got->joint, got->found,
			      got->rectified, got->open, got->overdue, got->supervised,
			      want->inspections, want->enterprises, want->joint, want->found,
			      want->rectified, want->open, want->overdue, want->supervised);
		fail();
	}
}

/* Runs q and checks the total and every group against what was made. */
static void check_query(struct world *w, const struct report_query *q)
{
	struct report_figures want = expect(w, q, NULL);
	struct fc_err err = { 0 };
	struct report r;
	char what[128];
	size_t g;

	test_must(report_run(w->ws->store, q, &r, &err), &err);
	snprintf(what, sizeof what, "by %s from %s to %s final %d", report_by_name(q->by),
		 q->from ? q->from : "-", q->to ? q->to : "-", q->final_only);
	assert_figures(&r.total, &want, what);
	for (g = 0; g < r.n_groups; g++) {
		struct report_figures wg = expect(w, q, r.groups[g].key);
		assert_figures(&r.groups[g].f, &wg, r.groups[g].key);
		assert_true(wg.inspections > 0);
		if (g)
			assert_true(strcmp(r.groups[g - 1].key, r.groups[g].key) < 0);
	}
	/* every group the data has is there */
	for (g = 0; g < (size_t)w->n; g++) {
		char k[MAX_DEPT + 1];
		size_t j;
		if (q->by == REPORT_TOTAL || !in_query(&w->insp[g], q))
			continue;
		key_of(&w->insp[g], q->by, k, sizeof k);
		for (j = 0; j < r.n_groups && strcmp(r.groups[j].key, k); j++)
			;
		assert_true(j < r.n_groups);
	}
	report_release(&r);
}

/* Calls fn for every grouping, each of the n ranges, all and final only. */
static void every_query(struct world *w, const char *const (*ranges)[2], size_t n,
			void (*fn)(struct world *, const struct report_query *))
{
	struct report_query q = { NULL, NULL, TODAY, REPORT_TOTAL, 0 };
	size_t k;
	int by, fin;

	for (by = REPORT_TOTAL; by <= REPORT_BY_ENTERPRISE; by++)
		for (k = 0; k < n; k++)
			for (fin = 0; fin < 2; fin++) {
				q.by = (enum report_by)by;
				q.from = ranges[k][0], q.to = ranges[k][1];
				q.final_only = fin;
				fn(w, &q);
			}
}

static void test_every_grouping_and_period(void **state)
{
	static const char *const ranges[][2] = {
		{ NULL, NULL }, { "2026-09-01", "2026-10-31" }, { "2026-08-31", "2026-08-31" },
		{ "2026-11-01", NULL }, { NULL, "2026-09-30" }, { "2027-01-01", "2027-12-31" },
	};

	every_query(*state, ranges, ARRAY_SIZE(ranges), check_query);
}

/* ---- the records behind a figure ---- */

/* How many records records_more lists for q, read in pages of 7 (so the
 * paging's skip is exercised too). */
static long records_count(struct world *w, const struct records_query *q)
{
	struct records_page p;
	struct fc_err err = { 0 };
	long n;

	memset(&p, 0, sizeof p);
	do
		test_must(records_more(w->ws->store, q, &p, 7, NULL, &err), &err);
	while (p.more);
	n = (long)p.n;
	records_release(&p);
	return n;
}

/* Each figure a record list stands behind, and the list's query. */
static const struct {
	const char *name;
	size_t off;                 /* the figure in struct report_figures */
	enum records_kind rec;
	int type;
	enum records_haz haz;
} behind[] = {
#define FIG(f) #f, offsetof(struct report_figures, f)
	{ FIG(inspections), RR_INSPECTIONS, -1, RH_ALL },
	{ FIG(joint), RR_INSPECTIONS, INSP_JOINT, RH_ALL },
	{ FIG(unannounced), RR_INSPECTIONS, INSP_UNANNOUNCED, RH_ALL },
	{ FIG(rechecks), RR_INSPECTIONS, INSP_RECHECK, RH_ALL },
	{ FIG(found), RR_HAZARDS, -1, RH_ALL },
	{ FIG(general), RR_HAZARDS, -1, RH_GENERAL },
	{ FIG(major), RR_HAZARDS, -1, RH_MAJOR },
	{ FIG(rectified), RR_HAZARDS, -1, RH_RECTIFIED },
	{ FIG(closed), RR_HAZARDS, -1, RH_CLOSED },
	{ FIG(open), RR_HAZARDS, -1, RH_OPEN },
	{ FIG(overdue), RR_HAZARDS, -1, RH_OVERDUE },
	{ FIG(supervised), RR_HAZARDS, -1, RH_SUPERVISED },
	{ FIG(repair_photo), RR_HAZARDS, -1, RH_REPAIR_PHOTO },
	{ FIG(no_repair_photo), RR_HAZARDS, -1, RH_NO_REPAIR_PHOTO },
#undef FIG
};

/* Every figure of f (the group `key`, or the total) against its records. */
static void check_records(struct world *w, const struct report_query *rq,
			  const struct report_figures *f, const char *key)
{
	struct records_query q;
	struct fc_err err = { 0 };
	size_t k;

	memset(&q, 0, sizeof q);
	snprintf(q.range.from, sizeof q.range.from, "%s", rq->from ? rq->from : "");
	snprintf(q.range.to, sizeof q.range.to, "%s", rq->to ? rq->to : "");
	test_must(records_range_set(&q.range, RP_DATES, TODAY, &err), &err);
	q.final_only = rq->final_only;
	q.by = rq->by;
	snprintf(q.key, sizeof q.key, "%s", key);
	q.today = TODAY;
	for (k = 0; k < ARRAY_SIZE(behind); k++) {
		long want = *(const long *)((const char *)f + behind[k].off), got;

		q.rec = behind[k].rec, q.type = behind[k].type, q.haz = behind[k].haz;
		got = records_count(w, &q);
		if (got != want) {
			print_message("by %s group '%s' from %s to %s final %d: %s %ld, records %ld\n",
				      report_by_name(rq->by), key, rq->from ? rq->from : "-",
				      rq->to ? rq->to : "-", rq->final_only, behind[k].name, want,
				      got);
			fail();
		}
	}
}

/* Runs q and checks the records behind each figure, in total and per group. */
static void check_query_records(struct world *w, const struct report_query *q)
{
	struct fc_err err = { 0 };
	struct report r;
	size_t g;

	test_must(report_run(w->ws->store, q, &r, &err), &err);
	if (q->by == REPORT_TOTAL)
		check_records(w, q, &r.total, "");
	for (g = 0; g < r.n_groups; g++)
		check_records(w, q, &r.groups[g].f, r.groups[g].key);
	report_release(&r);
}

static void test_records_behind_every_figure(void **state)
{
	static const char *const ranges[][2] = {
		{ NULL, NULL }, { "2026-09-01", "2026-10-31" }, { "2026-11-01", NULL },
	};

	every_query(*state, ranges, ARRAY_SIZE(ranges), check_query_records);
}

/* 赵六's inspections fall in two departments: hazards follow each
 * inspection's own team, not the person's latest department. */
static void test_creator_who_changed_department(void **state)
{
	struct world *w = *state;
	struct report_query q = { NULL, NULL, TODAY, REPORT_BY_DEPT, 0 };
	struct fc_err err = { 0 };
	struct report r;
	size_t g;
	int found = 0;

	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	for (g = 0; g < r.n_groups; g++)
		if (!strcmp(r.groups[g].key, "综合行政执法局")) {
			struct report_figures want = expect(w, &q, "综合行政执法局");
			assert_figures(&r.groups[g].f, &want, "综合行政执法局");
			found = 1;
		}
	assert_true(found);
	report_release(&r);
}

/* open and overdue agree with `hazard list --open` / `--overdue`, a
 * different query over hazard_view. */
static int count_row(const struct hazard_row *row, void *ctx)
{
	(void)row;
	(*(long *)ctx)++;
	return 0;
}

static void test_open_and_overdue_agree_with_hazard_list(void **state)
{
	struct world *w = *state;
	struct report_query q = { NULL, NULL, TODAY, REPORT_TOTAL, 0 };
	struct hazard_filter open = { 1, 0, 0, "", "", TODAY }, over = { 0, 1, 0, "", "", TODAY };
	struct hazard_filter major = { 0, 0, 1, "", "", TODAY };
	struct fc_err err = { 0 };
	long n_open = 0, n_over = 0, n_major = 0;
	struct report r;

	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	test_must(hazard_list(w->ws->store, &open, count_row, &n_open, &err), &err);
	test_must(hazard_list(w->ws->store, &over, count_row, &n_over, &err), &err);
	test_must(hazard_list(w->ws->store, &major, count_row, &n_major, &err), &err);
	assert_int_equal(r.total.open, n_open);
	assert_int_equal(r.total.overdue, n_over);
	assert_int_equal(r.total.major, n_major);
	assert_true(r.total.overdue > 0 && r.total.open > r.total.overdue);
	assert_true(r.total.closed > 0 && r.total.major_supervised > 0);
	report_release(&r);
}

/* Overdue is judged against the report's today. */
static void test_overdue_against_today(void **state)
{
	struct world *w = *state;
	struct report_query q = { NULL, NULL, "2030-01-01", REPORT_TOTAL, 0 };
	struct fc_err err = { 0 };
	struct report r;

	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	assert_int_equal(r.total.overdue, r.total.open);  /* everything open is late by 2030 */
	report_release(&r);
	q.today = "2000-01-01";
	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	assert_int_equal(r.total.overdue, 0);
	report_release(&r);
}

static void test_months_of_the_period(void **state)
{
	struct world *w = *state;
	struct report_query q = { "2026-06-10", "2026-12-31", TODAY, REPORT_TOTAL, 0 };
	struct fc_err err = { 0 };
	struct report r;
	long joint[7] = { 0 };
	size_t k;
	int i;

	for (i = 0; i < w->n; i++)
		if (w->insp[i].type == INSP_JOINT)
			joint[atoi(w->insp[i].date + 5) - 6]++;
	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	assert_int_equal(r.n_months, 7);  /* 2026-06 to 2026-12, empty ones too */
	for (k = 0; k < r.n_months; k++) {
		char m[8];
		snprintf(m, sizeof m, "2026-%02zu", k + 6);
		assert_string_equal(r.months[k].month, m);
		assert_int_equal(r.months[k].joint, joint[k]);
	}
	report_release(&r);
	/* unbounded: the first inspection's month to this month */
	q.from = q.to = NULL;
	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	assert_int_equal(r.n_months, 5);
	assert_string_equal(r.months[0].month, "2026-07");
	assert_string_equal(r.months[4].month, "2026-11");
	report_release(&r);
}

/* A report inside a caller's transaction uses it (sees its changes). */
static void test_inside_a_transaction(void **state)
{
	struct world *w = *state;
	struct report_query q = { NULL, NULL, TODAY, REPORT_TOTAL, 0 };
	struct fc_err err = { 0 };
	struct report r;

	test_must(store_begin(w->ws->store, &err), &err);
	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	assert_int_equal(r.total.inspections, N_INSP);
	report_release(&r);
	store_rollback(w->ws->store);
}

static void test_refusals(void **state)
{
	struct world *w = *state;
	struct report_query q = { "2026-10-01", "2026-09-01", TODAY, REPORT_TOTAL, 0 };
	struct fc_err err = { 0 };
	struct report r;

	assert_int_equal(report_run(w->ws->store, &q, &r, &err), -1);
	assert_int_equal(err.kind, FC_EUSAGE);
	assert_non_null(strstr(err.msg, "--from 2026-10-01 is after --to 2026-09-01"));
	q.from = "2026-02-30", q.to = NULL;
	assert_int_equal(report_run(w->ws->store, &q, &r, &err), -1);
	assert_non_null(strstr(err.msg, "month 2 has no day 30"));
	q.from = NULL, q.to = "9999-12-31";  /* the last day there is */
	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	assert_int_equal(r.total.inspections, N_INSP);
	report_release(&r);
}

/* ---- the formats print the same figures ---- */

static char *print(const struct report *r, enum report_format fmt, int bom)
{
	struct fc_err err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	test_must(report_print(r, fmt, bom, fp, &err), &err);
	fclose(fp);
	return buf;
}

static long json_number(const char *json, const char *key)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof pat, "\"%s\": ", key);
	p = strstr(json, pat);
	assert_non_null(p);
	return strtol(p + strlen(pat), NULL, 10);
}

static void test_formats_agree(void **state)
{
	struct world *w = *state;
	struct report_query q = { NULL, NULL, TODAY, REPORT_BY_TOWN, 0 };
	struct fc_err err = { 0 };
	char rate[16], line[512];
	char *json, *csv, *text;
	struct report r;

	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	json = print(&r, REPORT_JSON, 0);
	csv = print(&r, REPORT_CSV, 1);
	text = print(&r, REPORT_TEXT, 0);
	assert_int_equal(json_number(json, "inspections"), r.total.inspections);
	assert_int_equal(json_number(json, "found"), r.total.found);
	assert_int_equal(json_number(json, "overdue"), r.total.overdue);
	assert_non_null(strstr(json, "\"by\": \"town\""));
	assert_non_null(strstr(json, "\"key\": \"\""));  /* the enterprise with no town */
	assert_memory_equal(csv, "\xEF\xBB\xBFgroup,name,inspections,", 26);
	report_rate_text(&r.groups[1].f, rate, sizeof rate);
	snprintf(line, sizeof line, "\r\n%s,,%ld,%ld,%ld,", r.groups[1].key,
		 r.groups[1].f.inspections, r.groups[1].f.drafts, r.groups[1].f.enterprises);
	assert_non_null(strstr(csv, line));
	assert_non_null(strstr(csv, rate));
	assert_non_null(strstr(text, "(none)"));  /* the empty town, named in text */
	assert_non_null(strstr(text, "By town:"));
	free(json), free(csv), free(text);
	report_release(&r);
}

static void test_html_is_escaped_and_self_contained(void **state)
{
	struct world *w = *state;
	struct report_query q = { NULL, NULL, TODAY, REPORT_BY_ENTERPRISE, 0 };
	struct fc_err err = { 0 };
	struct report r;
	char *html;

	test_must(report_run(w->ws->store, &q, &r, &err), &err);
	html = print(&r, REPORT_HTML, 0);
	assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(html, "@media print"));
	assert_non_null(strstr(html, "丙 &lt;五金&gt; &quot;加工&quot;"));
	assert_non_null(strstr(html, "乙物流 &amp; 仓储"));
	assert_null(strstr(html, "<五金>"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
	assert_null(strstr(html, "https:"));
	assert_non_null(strstr(html, "<svg"));
	free(html);
	report_release(&r);
}

/* ---- the seed's figures ---- */

static void test_rate_rounding(void **state)
{
	struct report_figures f;
	char s[16];

	(void)state;
	memset(&f, 0, sizeof f);
	assert_int_equal(report_rate_tenths(&f), -1);
	report_rate_text(&f, s, sizeof s);
	assert_string_equal(s, "");
	f.found = 7078, f.rectified = 6810;
	assert_int_equal(report_rate_tenths(&f), 962);
	report_rate_text(&f, s, sizeof s);
	assert_string_equal(s, "96.2");
	f.found = 16, f.rectified = 1;  /* 6.25 % rounds half up */
	assert_int_equal(report_rate_tenths(&f), 63);
	f.found = 3, f.rectified = 3;
	report_rate_text(&f, s, sizeof s);
	assert_string_equal(s, "100.0");
	f.found = 3, f.rectified = 0;
	report_rate_text(&f, s, sizeof s);
	assert_string_equal(s, "0.0");
}

static void test_by_names(void **state)
{
	enum report_by by;

	(void)state;
	assert_int_equal(report_by_parse("town", &by), 0);
	assert_int_equal(by, REPORT_BY_TOWN);
	assert_int_equal(report_by_parse("total", &by), -1);
	assert_int_equal(report_by_parse("Town", &by), -1);
	assert_string_equal(report_by_name(REPORT_BY_ENTERPRISE), "enterprise");
}

/* The seed's three-year campaign: 7078 general hazards of which 6810
 * rectified (96.2 %), and 4 major ones, all under listed supervision. */
static void test_seed_figures(void **state)
{
	const struct fc_person *me = &people[0];
	struct report_query q = { NULL, NULL, "2020-12-31", REPORT_TOTAL, 0 };
	struct insp_new n = { "rental-fire", 1, test_uscc_valid[0], INSP_ROUTINE, "", NULL, 0 };
	struct fc_err err = { 0 };
	struct fc_workspace *ws;
	char *dir = test_tmpdir();
	struct report r;
	char *json;
	int i, k = 0;

	(void)state;
	if (getenv("FIELDCHECK_VALGRIND")) {
		/* 14 000 calls through the API: minutes under valgrind, and the
		 * other tests run the same code */
		free(dir);
		skip();
	}
	at("2020-06-01", "09:00:00");
	test_must(workspace_init(dir, me, 1, &err), &err);
	test_must(workspace_open(dir, &ws, &err), &err);
	test_must(store_begin(ws->store, &err), &err);
	add_enterprises(ws->store);
	for (i = 0; i < 100; i++) {
		char id[FC_UUID_LEN + 1], hid[FC_UUID_LEN + 1];
		int j;
		test_must(inspection_create(ws->store, me, &n, id, &err), &err);
		for (j = 0; j < (i < 82 ? 71 : 70) && k < 7082; j++, k++) {
			struct hazard_new h = { id, "", k < 4 ? HAZ_MAJOR : HAZ_GENERAL, "隐患",
						"2020-12-31", NULL };
			test_must(hazard_add(ws->store, me, &h, hid, &err), &err);
			if (k < 4)
				test_must(hazard_event_add(ws->store, me, hid, HEV_SUPERVISE, NULL, NULL,
						      &err), &err);
			else if (k < 4 + 6810)
				test_must(hazard_event_add(ws->store, me, hid, HEV_RECTIFIED, NULL, NULL,
						      &err), &err);
		}
	}
	test_must(store_commit(ws->store, &err), &err);
	assert_int_equal(k, 7082);
	test_must(report_run(ws->store, &q, &r, &err), &err);
	assert_int_equal(r.total.general, 7078);
	assert_int_equal(r.total.major, 4);
	assert_int_equal(r.total.major_supervised, 4);
	assert_int_equal(r.total.rectified, 6810);
	assert_int_equal(r.total.open, 7082 - 6810);
	assert_int_equal(r.total.overdue, 0);  /* due today: not yet late */
	json = print(&r, REPORT_JSON, 0);
	/* 6810 / 7082 also rounds to 96.2 */
	assert_non_null(strstr(json, "\"rectification_rate\": 96.2,"));
	free(json);
	report_release(&r);
	workspace_close(ws);
	test_rmrf(dir);
	free(dir);
	unsetenv("FIELDCHECK_NOW");
}

static void test_empty_store(void **state)
{
	struct report_query q = { NULL, NULL, TODAY, REPORT_BY_MONTH, 0 };
	struct fc_err err = { 0 };
	struct fc_workspace *ws;
	char *dir = test_tmpdir(), *json;
	struct report r;

	(void)state;
	test_must(workspace_init(dir, &people[0], 1, &err), &err);
	test_must(workspace_open(dir, &ws, &err), &err);
	test_must(report_run(ws->store, &q, &r, &err), &err);
	assert_int_equal(r.total.inspections, 0);
	assert_int_equal(r.n_groups, 0);
	assert_int_equal(r.n_months, 0);
	json = print(&r, REPORT_JSON, 0);
	assert_non_null(strstr(json, "\"rectification_rate\": null,"));
	assert_non_null(strstr(json, "\"groups\": []"));
	assert_non_null(strstr(json, "\"joint_by_month\": []"));
	free(json);
	report_release(&r);
	workspace_close(ws);
	test_rmrf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_grouping_and_period),
		cmocka_unit_test(test_records_behind_every_figure),
		cmocka_unit_test(test_creator_who_changed_department),
		cmocka_unit_test(test_open_and_overdue_agree_with_hazard_list),
		cmocka_unit_test(test_overdue_against_today),
		cmocka_unit_test(test_months_of_the_period),
		cmocka_unit_test(test_inside_a_transaction),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_formats_agree),
		cmocka_unit_test(test_html_is_escaped_and_self_contained),
		/* these build their own stores */
		cmocka_unit_test(test_rate_rounding),
		cmocka_unit_test(test_by_names),
		cmocka_unit_test(test_empty_store),
		cmocka_unit_test(test_seed_figures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
