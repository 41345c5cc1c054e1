/* test_listing.c - the listings a page at a time (core/listing.h): pages
 * read one after another give the whole list once, in the order the old
 * walks gave it, whatever the page size, with ties in the sort key,
 * filters, and rows added between two pages; counts agree; and the
 * hazards' order and overdue flag are exactly those of the query over
 * hazard_view that hazard_list ran before migration 9 (the reference
 * below), through notices, extensions, rectification and withdrawal; and
 * hazard_state's rows an import writes itself (migration 11) are the view's.
 */
#include "support.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/listing.h"
#include "core/recordio.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "core/workspace.h"

#define MAX_IDS 400

struct fixture {
	char *dir;
	struct fc_workspace *ws;
	sqlite3 *db;                /* the same store, for the reference queries and
				     * for writes as the sqlite3 shell makes them */
};

struct ids {
	char id[MAX_IDS][FC_UUID_LEN + 1];
	int overdue[MAX_IDS];
	size_t n;
};

static const struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };

static void must(int rc, const struct fc_err *err)
{
	if (rc)
		fail_msg("%s", err->msg);
}

static void add_enterprise(struct fc_store *s, int k, const char *name)
{
	struct fc_enterprise e = { "", (char *)name, "城东街道", "C26", "工业路 8 号" };
	struct fc_err err = { 0 };
	memcpy(e.code, test_uscc_valid[k], sizeof e.code);
	must(enterprise_add(s, &e, &err), &err);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct fc_err err = { 0 };
	char *path;

	setenv("FIELDCHECK_NOW", "2026-11-28T09:30:00+08:00", 1);
	f->dir = test_tmpdir();
	must(workspace_init(f->dir, &me, 0, &err), &err);
	must(workspace_open(f->dir, &f->ws, &err), &err);
	add_enterprise(f->ws->store, 0, "华东化工有限公司");
	add_enterprise(f->ws->store, 1, "城西物流有限公司");
	path = test_path(f->dir, "store.db");
	assert_int_equal(sqlite3_open_v2(path, &f->db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	free(path);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	sqlite3_close(f->db);
	workspace_close(f->ws);
	test_rmrf(f->dir);
	free(f->dir);
	free(f);
	unsetenv("FIELDCHECK_NOW");
	return 0;
}

/* A new inspection at `now` (FIELDCHECK_NOW) of form and enterprise k. */
static void new_inspection(struct fixture *f, const char *now, const char *form, int k,
			   char *id)
{
	struct insp_new n = { form, 1, test_uscc_valid[k], INSP_ROUTINE, "", NULL, 0 };
	struct fc_err err = { 0 };

	setenv("FIELDCHECK_NOW", now, 1);
	must(inspection_create(f->ws->store, &me, &n, id, &err), &err);
	setenv("FIELDCHECK_NOW", "2026-11-28T09:30:00+08:00", 1);
}

/* The ids the reference query gives (its first column). */
static void reference(struct fixture *f, const char *sql, const char *const *binds,
		      struct ids *out)
{
	sqlite3_stmt *st;
	int i;

	out->n = 0;
	assert_int_equal(sqlite3_prepare_v2(f->db, sql, -1, &st, NULL), SQLITE_OK);
	for (i = 0; binds && binds[i]; i++)
		sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_true(out->n < MAX_IDS);
		snprintf(out->id[out->n], sizeof out->id[0], "%s", sqlite3_column_text(st, 0));
		out->overdue[out->n++] = sqlite3_column_count(st) > 1 ? sqlite3_column_int(st, 1) : 0;
	}
	sqlite3_finalize(st);
}

struct collect {
	struct ids *ids;
	struct insp_row last_insp;
	struct hazard_row last_haz;
};

static int take_insp(const struct insp_row *r, void *ctx)
{
	struct collect *c = ctx;

	assert_true(c->ids->n < MAX_IDS);
	snprintf(c->ids->id[c->ids->n++], sizeof c->ids->id[0], "%s", r->id);
	c->last_insp = *r;
	return 0;
}

static int take_haz(const struct hazard_row *r, void *ctx)
{
	struct collect *c = ctx;

	assert_true(c->ids->n < MAX_IDS);
	c->ids->overdue[c->ids->n] = r->overdue;
	snprintf(c->ids->id[c->ids->n++], sizeof c->ids->id[0], "%s", r->id);
	c->last_haz = *r;
	c->last_haz.description = NULL;
	return 0;
}

/* Every page of `page` inspections of f, one after another. */
static void insp_pages(struct fixture *f, const struct insp_filter *flt, size_t page,
		       struct ids *out)
{
	struct collect c;
	struct fc_err err = { 0 };
	struct insp_row after;
	size_t got;

	memset(&c, 0, sizeof c);
	c.ids = out;
	out->n = 0;
	do {
		after = c.last_insp;
		must(inspection_page(f->ws->store, flt, out->n ? &after : NULL, page, take_insp, &c,
				     &got, &err), &err);
		assert_true(got <= page);
	} while (got == page);
}

static void haz_pages(struct fixture *f, const struct hazard_filter *flt, size_t page,
		      struct ids *out)
{
	struct collect c;
	struct fc_err err = { 0 };
	struct hazard_row after;
	size_t got;

	memset(&c, 0, sizeof c);
	c.ids = out;
	out->n = 0;
	do {
		after = c.last_haz;
		must(hazard_page(f->ws->store, flt, out->n ? &after : NULL, page, take_haz, &c, &got,
				 &err), &err);
	} while (got == page);
}

static void assert_same(const struct ids *want, const struct ids *got, int overdue,
			const char *what)
{
	size_t i;

	if (want->n != got->n)
		fail_msg("%s: %zu rows, want %zu", what, got->n, want->n);
	for (i = 0; i < want->n; i++) {
		if (strcmp(want->id[i], got->id[i]))
			fail_msg("%s: row %zu is %.8s, want %.8s", what, i, got->id[i], want->id[i]);
		if (overdue && want->overdue[i] != got->overdue[i])
			fail_msg("%s: row %zu overdue %d, want %d", what, i, got->overdue[i],
				 want->overdue[i]);
	}
}

static const char insp_ref[] =
	"SELECT id FROM inspections i WHERE (?1 = '' OR i.status = ?1 OR (?1 = 'conflicted' AND"
	" EXISTS (SELECT 1 FROM answer_conflicts c WHERE c.inspection = i.id)))"
	" AND (?2 = '' OR i.form_id = ?2) ORDER BY i.created_at DESC, i.id";

/* 21 inspections at three times (seven share each created_at), two forms,
 * some finalized: every filter, paged by 1, 3 and 50, is the reference. */
static void inspection_pages_with_ties(void **state)
{
	static const char *const times[] = { "2026-11-02T08:00:00+08:00",
		"2026-11-20T10:15:00+08:00", "2026-10-01T16:40:00+08:00" };
	static const struct insp_filter filters[] = {
		{ NULL, NULL }, { "draft", NULL }, { "final", NULL }, { "conflicted", NULL },
		{ NULL, "hazmat-loading" }, { "final", "six-ones" }, { "draft", "six-ones" },
	};
	static const size_t pages[] = { 1, 3, 50 };
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	char id[FC_UUID_LEN + 1];
	struct ids want, got;
	size_t i, p;
	long n;

	for (i = 0; i < 21; i++) {
		new_inspection(f, times[i % 3], i % 2 ? "six-ones" : "hazmat-loading", (int)(i % 2),
			       id);
		if (i % 4 == 1)
			must(inspection_finalize(f->ws->store, id, &err), &err);
	}
	for (i = 0; i < ARRAY_SIZE(filters); i++) {
		const char *binds[] = { filters[i].status ? filters[i].status : "",
					filters[i].form ? filters[i].form : "", NULL };
		reference(f, insp_ref, binds, &want);
		if (!filters[i].status || strcmp(filters[i].status, "conflicted"))
			assert_true(want.n > 0);
		for (p = 0; p < ARRAY_SIZE(pages); p++) {
			insp_pages(f, &filters[i], pages[p], &got);
			assert_same(&want, &got, 0, "inspections");
		}
		must(inspection_count(f->ws->store, &filters[i], &n, &err), &err);
		assert_int_equal(n, (long)want.n);
	}
}

/* Rows added between two pages: one newer than the key is not shown
 * (it belongs before the page already read), one older is; none twice. */
static void pages_across_inserts(void **state)
{
	struct fixture *f = *state;
	struct insp_filter all = { NULL, NULL };
	struct collect c;
	struct fc_err err = { 0 };
	char id[FC_UUID_LEN + 1], newer[FC_UUID_LEN + 1], older[FC_UUID_LEN + 1];
	struct ids got;
	struct insp_row after;
	size_t i, j, got_n;
	int seen_older = 0;

	for (i = 0; i < 9; i++)
		new_inspection(f, i % 2 ? "2026-11-02T08:00:00+08:00" : "2026-11-03T08:00:00+08:00",
			       "six-ones", 0, id);
	memset(&c, 0, sizeof c);
	c.ids = &got;
	got.n = 0;
	must(inspection_page(f->ws->store, &all, NULL, 4, take_insp, &c, &got_n, &err), &err);
	assert_int_equal(got_n, 4);
	new_inspection(f, "2026-11-27T08:00:00+08:00", "six-ones", 1, newer);
	new_inspection(f, "2026-01-05T08:00:00+08:00", "six-ones", 1, older);
	do {
		after = c.last_insp;
		must(inspection_page(f->ws->store, &all, &after, 4, take_insp, &c, &got_n, &err),
		     &err);
	} while (got_n == 4);
	assert_int_equal(got.n, 10);
	for (i = 0; i < got.n; i++) {
		assert_string_not_equal(got.id[i], newer);
		seen_older |= !strcmp(got.id[i], older);
		for (j = 0; j < i; j++)
			assert_string_not_equal(got.id[i], got.id[j]);
	}
	assert_true(seen_older);
}

/* hazard_list's query before migration 9, over hazard_view. */
static const char haz_ref[] =
	"SELECT id, overdue FROM (SELECT v.id, v.inspection, v.enterprise, v.severity, v.state,"
	" v.due, v.state IN ('open', 'notified') AND v.due < ?1 AS overdue FROM hazard_view v"
	" WHERE (?2 = '' OR v.enterprise = ?2) AND (?3 = '' OR v.inspection = ?3)"
	" AND (?5 = '0' OR v.severity = 'major'))"
	" WHERE (?4 = '0' OR state IN ('open', 'notified')) AND (?6 = '0' OR overdue)"
	" ORDER BY overdue DESC, severity = 'major' DESC, due, id";

/* Rows of hazard_state that are not hazard_view's row of their hazard
 * (or the other way round): 0 when the triggers kept it. */
static int state_differs_in(sqlite3 *db)
{
	static const char sql[] =
		"SELECT count(*) FROM (SELECT * FROM (SELECT id, inspection, enterprise, found_at,"
		" major, open, state, due, supervised, notified FROM hazard_state EXCEPT"
		" SELECT v.id, v.inspection, v.enterprise, v.found_at, v.severity = 'major',"
		" v.state IN ('open', 'notified'), v.state, v.due, v.supervised, EXISTS (SELECT 1"
		" FROM hazard_events n WHERE n.hazard = v.id AND n.kind = 'notice')"
		" FROM hazard_view v) UNION ALL SELECT * FROM (SELECT v.id, v.inspection,"
		" v.enterprise, v.found_at, v.severity = 'major', v.state IN ('open', 'notified'),"
		" v.state, v.due, v.supervised, EXISTS (SELECT 1 FROM hazard_events n WHERE"
		" n.hazard = v.id AND n.kind = 'notice') FROM hazard_view v EXCEPT SELECT id,"
		" inspection, enterprise, found_at, major, open, state, due, supervised, notified"
		" FROM hazard_state))";
	sqlite3_stmt *st;
	int n;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int state_differs(struct fixture *f)
{
	return state_differs_in(f->db);
}

/* Hazards of two enterprises with random histories (notices that set a
 * deadline, extensions, rectification, verification, supervision), some
 * withdrawn: each filter on several days, paged by 1, 4 and 100, is the
 * reference, overdue flags included, and so are the counts. */
static void hazards_agree_with_the_view(void **state)
{
	static const enum hazard_event_kind kinds[] = { HEV_NOTICE, HEV_RECTIFIED, HEV_VERIFIED,
		HEV_EXTEND, HEV_SUPERVISE, HEV_COMMENT };
	static const char *const todays[] = { "2026-11-28", "2026-12-06", "2027-03-15",
					      "2028-01-01" };
	static const size_t pages[] = { 1, 4, 100 };
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	char insp[2][FC_UUID_LEN + 1], id[FC_UUID_LEN + 1], date[FC_DATE_LEN + 1];
	char deadline[FC_DATE_LEN + 1];
	unsigned long seed = 11;
	struct ids want, got;
	int i, k, t, flags, scope;
	size_t p;
	long n;

	new_inspection(f, "2026-11-10T09:00:00+08:00", "six-ones", 0, insp[0]);
	new_inspection(f, "2026-11-12T09:00:00+08:00", "hazmat-loading", 1, insp[1]);
	for (i = 0; i < 90; i++) {
		struct hazard_new hn = { insp[i % 2], "", i % 3 ? HAZ_GENERAL : HAZ_MAJOR, "隐患",
					 deadline, NULL };
		/* deadlines tie often: a few days around the todays */
		snprintf(deadline, sizeof deadline, "2026-12-%02d", 1 + i % 9);
		must(hazard_add(f->ws->store, &me, &hn, id, &err), &err);
		for (k = 0; k < i % 6; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			snprintf(date, sizeof date, "2027-%02lu-15", 1 + (seed >> 40) % 12);
			/* refusals are part of the walk: only allowed events land */
			hazard_event_add(f->ws->store, &me, id, kinds[(seed >> 33) % 6],
					 (seed >> 35) % 2 ? date : NULL, NULL, &err);
		}
		if (i % 17 == 5)   /* a draft's hazard withdrawn */
			must(hazard_withdraw(f->ws->store, id, &err), &err);
	}
	assert_int_equal(state_differs(f), 0);
	for (t = 0; t < (int)ARRAY_SIZE(todays); t++)
		for (flags = 0; flags < 8; flags++)
			for (scope = 0; scope < 3; scope++) {
				struct hazard_filter hf = { flags & 1, (flags >> 1) & 1, (flags >> 2) & 1,
					scope == 1 ? test_uscc_valid[1] : "",
					scope == 2 ? insp[0] : "", todays[t] };
				char o[2], d[2], m[2];
				const char *binds[7];

				snprintf(o, 2, "%d", hf.open);
				snprintf(d, 2, "%d", hf.overdue);
				snprintf(m, 2, "%d", hf.major);
				binds[0] = hf.today, binds[1] = hf.enterprise, binds[2] = hf.inspection;
				binds[3] = o, binds[4] = m, binds[5] = d, binds[6] = NULL;
				reference(f, haz_ref, binds, &want);
				for (p = 0; p < ARRAY_SIZE(pages); p++) {
					haz_pages(f, &hf, pages[p], &got);
					assert_same(&want, &got, 1, "hazards");
				}
				must(hazard_count(f->ws->store, &hf, &n, &err), &err);
				assert_int_equal(n, (long)want.n);
			}
}

/* The home screen's counts are the listings' lengths. */
static void counts_are_the_lists(void **state)
{
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	struct listing_counts c;
	char insp[FC_UUID_LEN + 1], id[FC_UUID_LEN + 1];
	struct hazard_new hn = { insp, "", HAZ_MAJOR, "隐患", "2026-11-20", NULL };
	struct ids got;
	struct hazard_filter open = { 1, 0, 0, "", "", "2026-11-28" };
	char sql[300];

	new_inspection(f, "2026-11-10T09:00:00+08:00", "six-ones", 0, insp);
	new_inspection(f, "2026-11-11T09:00:00+08:00", "six-ones", 0, id);
	setenv("FIELDCHECK_NOW", "2026-11-10T09:30:00+08:00", 1);
	must(hazard_add(f->ws->store, &me, &hn, id, &err), &err);   /* overdue, major */
	setenv("FIELDCHECK_NOW", "2026-11-28T09:30:00+08:00", 1);
	hn.severity = HAZ_GENERAL;
	hn.deadline = "2026-12-20";
	must(hazard_add(f->ws->store, &me, &hn, id, &err), &err);
	must(hazard_add(f->ws->store, &me, &hn, id, &err), &err);
	must(hazard_event_add(f->ws->store, &me, id, HEV_RECTIFIED, NULL, NULL, &err), &err);
	must(listing_counts(f->ws->store, "2026-11-28", &c, &err), &err);
	assert_int_equal(c.drafts, 2);
	assert_int_equal(c.open, 2);
	assert_int_equal(c.overdue, 1);
	assert_int_equal(c.major, 1);
	haz_pages(f, &open, 10, &got);
	assert_int_equal(got.n, 2);
	/* an extension past today: no longer overdue */
	haz_pages(f, &open, 1, &got);
	must(hazard_event_add(f->ws->store, &me, got.id[0], HEV_EXTEND, "2026-12-31", NULL, &err),
	     &err);
	must(listing_counts(f->ws->store, "2026-11-28", &c, &err), &err);
	assert_int_equal(c.overdue, 0);
	assert_int_equal(c.open, 2);
	/* events that change neither state nor deadline reach it too */
	must(hazard_event_add(f->ws->store, &me, got.id[0], HEV_NOTICE, NULL, NULL, &err), &err);
	assert_int_equal(state_differs(f), 0);
	must(hazard_event_add(f->ws->store, &me, got.id[0], HEV_SUPERVISE, NULL, NULL, &err),
	     &err);
	assert_int_equal(state_differs(f), 0);
	must(hazard_event_add(f->ws->store, &me, got.id[0], HEV_COMMENT, NULL, "催办", &err),
	     &err);
	assert_int_equal(state_differs(f), 0);
	/* an event written with plain SQL (no change of the hazard's row) */
	snprintf(sql, sizeof sql, "INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name)"
		 " VALUES ('%s', 99, 'supervise', '2026-11-28T10:00:00+08:00', 'ZJ-0001', '张三')",
		 got.id[1]);
	assert_int_equal(sqlite3_exec(f->db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(state_differs(f), 0);
}

/* Records of f's store put into `to` as an import puts them (between
 * outbox_pause and outbox_resume, where hazard_state's triggers stay
 * silent and record_put writes a hazard's row once, migration 11). */
static void import_into(struct fixture *f, struct fc_store *to, char insp[][FC_UUID_LEN + 1],
			char haz[][FC_UUID_LEN + 1], int n_haz)
{
	struct fc_err err = { 0 };
	struct fc_record rec;
	int i;

	must(store_begin(to, &err), &err);
	must(outbox_pause(to, &err), &err);
	for (i = 0; i < 2; i++) {
		must(record_load(f->ws->store, REC_ENTERPRISE, test_uscc_valid[i], &rec, &err), &err);
		must(record_put(to, &rec, &err), &err);
		record_clear(&rec);
		must(record_load(f->ws->store, REC_INSPECTION, insp[i], &rec, &err), &err);
		must(record_put(to, &rec, &err), &err);
		record_clear(&rec);
	}
	for (i = 0; i < n_haz; i++) {
		if (record_load(f->ws->store, REC_HAZARD, haz[i], &rec, &err))
			continue; /* withdrawn */
		must(record_put(to, &rec, &err), &err);
		record_clear(&rec);
	}
	must(outbox_resume(to, &err), &err);
	must(store_commit(to, &err), &err);
}

/* hazard_state's rows in two stores (sqlite3 connections): how many of
 * one are not in the other, both ways. */
static int states_differ(sqlite3 *a, const char *b_path)
{
	char sql[600];
	sqlite3_stmt *st;
	int n;

	snprintf(sql, sizeof sql, "ATTACH '%s' AS b", b_path);
	assert_int_equal(sqlite3_exec(a, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(a, "SELECT count(*) FROM (SELECT * FROM (SELECT *"
		" FROM main.hazard_state EXCEPT SELECT * FROM b.hazard_state) UNION ALL SELECT *"
		" FROM (SELECT * FROM b.hazard_state EXCEPT SELECT * FROM main.hazard_state))", -1,
		&st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_exec(a, "DETACH b", NULL, NULL, NULL), SQLITE_OK);
	return n;
}

/* An import writes each hazard's hazard_state row itself: after a first
 * import and after a second one that brings new events of hazards already
 * there, the importing store's rows are the view's and the same as those
 * of the store the records came from. */
static void imported_hazards_agree_with_the_view(void **state)
{
	static const enum hazard_event_kind kinds[] = { HEV_NOTICE, HEV_RECTIFIED, HEV_VERIFIED,
		HEV_EXTEND, HEV_SUPERVISE, HEV_COMMENT };
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	static char haz[40][FC_UUID_LEN + 1];
	char insp[2][FC_UUID_LEN + 1], date[FC_DATE_LEN + 1];
	struct fc_workspace *to;
	char *dir = test_tmpdir(), *path;
	unsigned long seed = 5;
	sqlite3 *db;
	int i, k, round;

	must(workspace_init(dir, &me, 0, &err), &err);
	must(workspace_open(dir, &to, &err), &err);
	path = test_path(dir, "store.db");
	new_inspection(f, "2026-11-10T09:00:00+08:00", "six-ones", 0, insp[0]);
	new_inspection(f, "2026-11-12T09:00:00+08:00", "hazmat-loading", 1, insp[1]);
	for (i = 0; i < 40; i++) {
		struct hazard_new hn = { insp[i % 2], "", i % 3 ? HAZ_GENERAL : HAZ_MAJOR, "隐患",
					 "2026-12-05", NULL };
		must(hazard_add(f->ws->store, &me, &hn, haz[i], &err), &err);
	}
	/* at one time, a notice and an extension, each with a date:
	 * the view takes any other kind before a notice */
	must(hazard_event_add(f->ws->store, &me, haz[0], HEV_NOTICE, "2027-03-15", NULL, &err),
	     &err);
	must(hazard_event_add(f->ws->store, &me, haz[0], HEV_EXTEND, "2027-04-15", NULL, &err),
	     &err);
	for (round = 0; round < 2; round++) {
		for (i = 0; i < 40; i++)
			for (k = 0; k < (i + round) % 4; k++) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				snprintf(date, sizeof date, "2027-%02lu-15", 1 + (seed >> 40) % 12);
				hazard_event_add(f->ws->store, &me, haz[i], kinds[(seed >> 33) % 6],
						 (seed >> 35) % 2 ? date : NULL, NULL, &err);
			}
		import_into(f, to->store, insp, haz, 40);
		assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
		assert_int_equal(state_differs_in(db), 0);
		sqlite3_close(db);
		assert_int_equal(states_differ(f->db, path), 0);
	}
	workspace_close(to);
	test_rmrf(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(inspection_pages_with_ties, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_across_inserts, setup, teardown),
		cmocka_unit_test_setup_teardown(hazards_agree_with_the_view, setup, teardown),
		cmocka_unit_test_setup_teardown(counts_are_the_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(imported_hazards_agree_with_the_view, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
