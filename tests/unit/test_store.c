/* test_store.c - the store: durability settings, migrations from every
 * earlier schema, the model's rules as the store enforces them, and the
 * derived hazard state agreeing between SQL and C. */
#include "support_ws.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/recordio.h"
#include "core/store.h"
#include "core/workspace.h"

struct fixture {
	char *dir;
	struct fc_workspace *ws;
	char insp[FC_UUID_LEN + 1];
};

static const struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };
static const struct fc_person mate = { "JT-0042", "李四", "区交通运输局" };

static void add_enterprise(struct fc_store *s, const char *code, const char *name)
{
	struct fc_enterprise e = { "", (char *)name, "城东街道", "C26", "工业路 8 号" };
	struct fc_err err = { 0 };
	memcpy(e.code, code, sizeof e.code);
	test_must(enterprise_add(s, &e, &err), &err);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct fc_err err = { 0 };
	struct insp_new n = { "hazmat-loading", 1, test_uscc_valid[0], INSP_JOINT, "2号装车台",
			      &mate, 1 };

	/* A fixed day: the deadlines below stay ahead of it. */
	test_ws_open(&f->dir, &f->ws, &me, 0, "2026-11-28T09:30:00+08:00");
	add_enterprise(f->ws->store, test_uscc_valid[0], "华东化工有限公司");
	test_must(inspection_create(f->ws->store, &me, &n, f->insp, &err), &err);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	test_ws_close(f->dir, f->ws);
	free(f);
	return 0;
}

static void durability_settings(void **state)
{
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	char v[32];

	test_must(store_pragma(f->ws->store, "journal_mode", v, sizeof v, &err), &err);
	assert_string_equal(v, "wal");
	test_must(store_pragma(f->ws->store, "synchronous", v, sizeof v, &err), &err);
	assert_string_equal(v, "2"); /* FULL */
	test_must(store_pragma(f->ws->store, "foreign_keys", v, sizeof v, &err), &err);
	assert_string_equal(v, "1");
	test_must(store_pragma(f->ws->store, "busy_timeout", v, sizeof v, &err), &err);
	assert_true(atoi(v) >= 1000);
	test_must(store_pragma(f->ws->store, "temp_store", v, sizeof v, &err), &err);
	assert_string_equal(v, "2"); /* MEMORY: savepoint journals, sorts */
	test_must(store_integrity(f->ws->store, &err), &err);
}

static void init_refuses_existing(void **state)
{
	struct fixture *f = *state;
	struct fc_person other = { "X-9", "王五", "消防" };
	struct fc_err err = { 0 };
	struct fc_workspace *ws;

	assert_int_equal(workspace_init(f->dir, &other, 0, &err), -1);
	assert_non_null(strstr(err.msg, "a workspace already exists in"));
	test_must(workspace_open(f->dir, &ws, &err), &err);
	assert_string_equal(ws->me.badge, "ZJ-0001");
	assert_string_equal(ws->me.name, "张三");
	workspace_close(ws);
}

static void open_missing_says_how(void **state)
{
	struct fc_err err = { 0 };
	struct fc_workspace *ws;
	(void)state;
	assert_int_equal(workspace_open("/nonexistent/fieldcheck", &ws, &err), -1);
	assert_int_equal(err.kind, FC_ENOTFOUND);
	assert_non_null(strstr(err.msg, "fieldcheck init --name NAME --badge BADGE --dept DEPT"));
}

static void duplicate_enterprise_refused(void **state)
{
	struct fixture *f = *state;
	struct fc_enterprise e = { "", "别的名字", "", "", "" };
	struct fc_err err = { 0 };

	memcpy(e.code, test_uscc_valid[0], sizeof e.code);
	assert_int_equal(enterprise_add(f->ws->store, &e, &err), -1);
	assert_string_equal(err.msg, "enterprise 91350100M000100Y43 is already registered; "
			    "nothing was changed");
}

static void inspection_needs_known_enterprise(void **state)
{
	struct fixture *f = *state;
	struct insp_new n = { "hazmat-loading", 1, test_uscc_valid[1], INSP_ROUTINE, "", NULL, 0 };
	struct fc_err err = { 0 };
	char id[FC_UUID_LEN + 1];

	assert_int_equal(inspection_create(f->ws->store, &me, &n, id, &err), -1);
	assert_non_null(strstr(err.msg, "no enterprise with code 91110108551385082Q"));
}

static void answers_then_finalize_locks(void **state)
{
	struct fixture *f = *state;
	struct fc_store *s = f->ws->store;
	struct fc_err err = { 0 };
	struct fc_inspection in;

	test_must(inspection_set_answer(s, &me, f->insp, "vehicle_permits", "pass", "", &err), &err);
	test_must(inspection_set_answer(s, &mate, f->insp, "driver_qualified", "fail", "证件过期", &err), &err);
	test_must(inspection_set_answer(s, &me, f->insp, "vehicle_permits", "na", "改", &err), &err);
	test_must(inspection_finalize(s, f->insp, &err), &err);
	assert_int_equal(inspection_set_answer(s, &me, f->insp, "vehicle_permits", "pass", "", &err), -1);
	assert_non_null(strstr(err.msg, "is finalized and cannot be changed"));
	assert_int_equal(inspection_finalize(s, f->insp, &err), -1);
	assert_int_equal(inspection_clear_answer(s, f->insp, "vehicle_permits", &err), -1);
	assert_int_equal(inspection_amend(s, &me, f->insp, "vehicle_permits", "pass", "", "", &err), -1);
	assert_string_equal(err.msg, "an amendment needs a reason (--reason TEXT)");
	test_must(inspection_amend(s, &me, f->insp, "vehicle_permits", "pass", "", "看错了", &err), &err);
	test_must(inspection_get(s, f->insp, &in, &err), &err);
	assert_int_equal(in.status, INSP_FINAL);
	assert_int_equal(in.n_team, 2);
	assert_string_equal(in.team[0].badge, "ZJ-0001");
	assert_int_equal(in.n_answers, 2);
	assert_string_equal(in.answers[0].item, "driver_qualified");
	assert_string_equal(in.answers[0].by, "JT-0042");
	assert_string_equal(in.answers[1].value, "na");
	assert_int_equal(in.n_amendments, 1);
	assert_string_equal(in.amendments[0].reason, "看错了");
	test_must(inspection_check(&in, &err), &err);
	inspection_clear(&in);
}

/* Even SQL that bypasses the C functions cannot rewrite evidence. */
static void store_triggers_guard_evidence(void **state)
{
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	sqlite3 *db;
	char sql[256];
	char *path = test_path(f->dir, "store.db");

	test_must(inspection_set_answer(f->ws->store, &me, f->insp, "vehicle_permits", "pass", "", &err), &err);
	test_must(inspection_finalize(f->ws->store, f->insp, &err), &err);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE answers SET value = 'fail' WHERE inspection = '%s'", f->insp);
	assert_int_not_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "DELETE FROM inspections WHERE id = '%s'", f->insp);
	assert_int_not_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE inspections SET status = 'draft' WHERE id = '%s'", f->insp);
	assert_int_not_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(path);
}

/* A deadline given now is today or later, whichever way it is given (a new
 * hazard, a notice, an extension); the day the inspection was started
 * does not make an earlier one acceptable. */
static void past_deadline_refused(void **state)
{
	struct fixture *f = *state;
	struct fc_store *s = f->ws->store;
	struct hazard_new n = { f->insp, "driver_qualified", HAZ_GENERAL, "押运员证过期",
				"2026-11-29", NULL };
	struct fc_err err = { 0 };
	char id[FC_UUID_LEN + 1];

	setenv("FIELDCHECK_NOW", "2026-11-30T08:00:00+08:00", 1);
	assert_int_equal(hazard_add(s, &me, &n, id, &err), -1);
	assert_non_null(strstr(err.msg, "the deadline 2026-11-29 is in the past (today is 2026-11-30)"));
	n.deadline = "2026-11-30"; /* today: put right at once */
	test_must(hazard_add(s, &me, &n, id, &err), &err);
	assert_int_equal(hazard_event_add(s, &me, id, HEV_NOTICE, "2026-11-29", "", &err), -1);
	assert_non_null(strstr(err.msg, "is in the past"));
	setenv("FIELDCHECK_NOW", "2026-12-10T08:00:00+08:00", 1);
	assert_int_equal(hazard_event_add(s, &me, id, HEV_EXTEND, "2026-12-05", "", &err), -1);
	assert_non_null(strstr(err.msg, "the deadline 2026-12-05 is in the past (today is 2026-12-10)"));
	test_must(hazard_event_add(s, &me, id, HEV_EXTEND, "2026-12-20", "", &err), &err);
}

static void hazard_loop_rules(void **state)
{
	struct fixture *f = *state;
	struct fc_store *s = f->ws->store;
	struct hazard_new n = { f->insp, "driver_qualified", HAZ_GENERAL, "押运员证过期",
				"2026-12-05", NULL };
	struct fc_err err = { 0 };
	char id[FC_UUID_LEN + 1];
	struct fc_hazard h;

	test_must(hazard_add(s, &me, &n, id, &err), &err);
	assert_int_equal(hazard_event_add(s, &me, id, HEV_VERIFIED, NULL, "", &err), -1);
	assert_non_null(strstr(err.msg, "is not reported rectified yet"));
	assert_int_equal(hazard_event_add(s, &me, id, HEV_EXTEND, NULL, "", &err), -1);
	assert_int_equal(hazard_event_add(s, &me, id, HEV_EXTEND, "2026-12-01", "", &err), -1);
	assert_non_null(strstr(err.msg, "is not after the current one, 2026-12-05"));
	assert_int_equal(hazard_event_add(s, &me, id, HEV_COMMENT, "2026-12-01", "", &err), -1);
	test_must(hazard_event_add(s, &me, id, HEV_NOTICE, "2026-12-08", "责令限期整改", &err), &err);
	test_must(hazard_event_add(s, &me, id, HEV_EXTEND, "2026-12-20", "企业申请延期", &err), &err);
	test_must(hazard_event_add(s, &me, id, HEV_SUPERVISE, NULL, NULL, &err), &err);
	assert_int_equal(hazard_event_add(s, &me, id, HEV_SUPERVISE, NULL, NULL, &err), -1);
	test_must(hazard_event_add(s, &me, id, HEV_RECTIFIED, NULL, NULL, &err), &err);
	assert_int_equal(hazard_event_add(s, &me, id, HEV_RECTIFIED, NULL, NULL, &err), -1);
	test_must(hazard_event_add(s, &me, id, HEV_VERIFIED, NULL, "复查合格", &err), &err);
	assert_int_equal(hazard_event_add(s, &me, id, HEV_NOTICE, NULL, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "is verified and closed"));
	test_must(hazard_event_add(s, &me, id, HEV_COMMENT, NULL, "归档", &err), &err);
	test_must(hazard_get(s, id, &h, &err), &err);
	assert_int_equal(h.n_events, 7);
	assert_int_equal(h.events[0].kind, HEV_FOUND);
	assert_int_equal(hazard_state_of(&h), HST_CLOSED);
	assert_string_equal(hazard_due(&h), "2026-12-20");
	test_must(hazard_check(&h, &err), &err);
	hazard_clear(&h);
	/* A hazard of a draft can be withdrawn; after finalizing it stays. */
	test_must(inspection_finalize(s, f->insp, &err), &err);
	assert_int_equal(hazard_withdraw(s, id, &err), -1);
}

struct agree_ctx {
	struct fc_store *s;
	const char *today;
	int rows;
};

static int compare_row(const struct hazard_row *r, void *p)
{
	struct agree_ctx *c = p;
	struct fc_err err = { 0 };
	struct fc_hazard h;

	test_must(hazard_get(c->s, r->id, &h, &err), &err);
	assert_string_equal(r->due, hazard_due(&h));
	assert_string_equal(r->state, hazard_state_name(hazard_state_of(&h)));
	assert_int_equal(r->overdue, hazard_overdue(&h, c->today));
	assert_int_equal(r->supervised, hazard_supervised(&h));
	hazard_clear(&h);
	c->rows++;
	return 0;
}

/* The store's hazard_view and the C model derive the same state. */
static void sql_and_c_agree(void **state)
{
	static const enum hazard_event_kind kinds[] = { HEV_NOTICE, HEV_RECTIFIED, HEV_VERIFIED,
		HEV_EXTEND, HEV_SUPERVISE, HEV_COMMENT };
	static const char *const todays[] = { "2026-11-01", "2026-12-06", "2027-01-15", "2028-01-01" };
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	unsigned long seed = 7;
	int i, k, t;

	for (i = 0; i < 60; i++) {
		struct hazard_new n = { f->insp, "", i % 3 ? HAZ_GENERAL : HAZ_MAJOR, "隐患",
					i % 2 ? "2026-12-05" : "2027-01-10", NULL };
		char id[FC_UUID_LEN + 1], date[FC_DATE_LEN + 1];
		test_must(hazard_add(f->ws->store, &me, &n, id, &err), &err);
		for (k = 0; k < (int)(i % 7); k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			snprintf(date, sizeof date, "2027-%02lu-15", 1 + (seed >> 40) % 12);
			/* Refusals are part of the walk: only allowed events land. */
			hazard_event_add(f->ws->store, &me, id, kinds[(seed >> 33) % 6],
					 (seed >> 35) % 2 ? date : NULL, NULL, &err);
		}
	}
	for (t = 0; t < 4; t++) {
		struct hazard_filter filt = { 0 };
		struct agree_ctx c = { f->ws->store, todays[t], 0 };
		filt.today = todays[t];
		test_must(hazard_list(f->ws->store, &filt, compare_row, &c, &err), &err);
		assert_int_equal(c.rows, 60);
	}
}

/* A change made with plain SQL (as the sqlite3 shell makes it) to the
 * enterprise `code` of the store at path. */
static void shell_rename(const char *path, const char *code, const char *name)
{
	char sql[256];
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE enterprises SET name = '%s' WHERE code = '%s'", name, code);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Builds a store at each earlier schema version with data valid for it,
 * then opens it with this build: it migrates and keeps the data, the
 * outbox it had included (from version 5), and a change made after with
 * plain SQL still reaches the outbox (the triggers of migration 6). */
static void migrations_from_every_version(void **state)
{
	int v, latest = store_schema_latest();
	(void)state;

	for (v = 1; v < latest; v++) {
		char *dir = test_tmpdir(), *path = test_path(dir, "store.db"), sql[512];
		struct fc_store *s;
		struct fc_err err = { 0 };
		struct fc_enterprise e;
		int now;
		sqlite3 *db;

		test_must(store_open_version(path, v, &s, &err), &err);
		store_close(s);
		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		snprintf(sql, sizeof sql, "INSERT INTO enterprises VALUES ('%s', '老厂', '', '', '',"
			 " '2020-01-01T00:00:00+08:00')", test_uscc_valid[2]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		if (v >= 2) {
			snprintf(sql, sizeof sql, "INSERT INTO inspections(id, form_id, form_version,"
				 " enterprise, type, status, location, created_at, created_by, finalized_at,"
				 " changed_at) VALUES ('%s', 'six-ones', 1,"
				 " '%s', 'routine', 'final', '', '2020-01-01T00:00:00+08:00', 'B1',"
				 " '2020-01-02T00:00:00+08:00', '2020-01-02T00:00:00+08:00')",
				 "00000000-0000-4000-8000-000000000001", test_uscc_valid[2]);
			assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		}
		sqlite3_close(db);
		test_must(store_open(path, &s, &err), &err);
		test_must(store_user_version(s, &now, &err), &err);
		assert_int_equal(now, latest);
		test_must(enterprise_get(s, test_uscc_valid[2], &e, &err), &err);
		assert_string_equal(e.name, "老厂");
		enterprise_clear(&e);
		assert_int_equal(outbox_pending(s, REC_ENTERPRISE, test_uscc_valid[2], &err), v >= 5);
		test_must(store_integrity(s, &err), &err);
		store_close(s);
		shell_rename(path, test_uscc_valid[2], "新厂");
		test_must(store_open(path, &s, &err), &err);
		assert_int_equal(outbox_pending(s, REC_ENTERPRISE, test_uscc_valid[2], &err), 1);
		store_close(s);
		test_rmrf(dir);
		free(dir);
		free(path);
	}
}

/* has_index PATH NAME: whether the store at PATH holds index NAME. */
static int has_index(const char *path, const char *name)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int yes;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'index'"
					    " AND name = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return yes;
}

/* Migration 13 drops hazard_events' index by kind (every query names the
 * hazard: its primary key serves them); the store stays sound. */
static void events_not_indexed_by_kind(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "store.db");
	struct fc_store *s;
	struct fc_err err = { 0 };
	(void)state;

	test_must(store_open_version(path, 12, &s, &err), &err);
	store_close(s);
	assert_true(has_index(path, "hazard_events_kind"));
	test_must(store_open(path, &s, &err), &err);
	test_must(store_integrity(s, &err), &err);
	store_close(s);
	assert_false(has_index(path, "hazard_events_kind"));
	assert_true(has_index(path, "hazard_state_id"));
	test_rmrf(dir);
	free(dir);
	free(path);
}

static void newer_store_refused(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "store.db"), sql[64];
	struct fc_store *s;
	struct fc_err err = { 0 };
	sqlite3 *db;
	(void)state;

	test_must(store_create(path, &s, &err), &err);
	store_close(s);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", store_schema_latest() + 1);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_open(path, &s, &err), -1);
	assert_non_null(strstr(err.msg, "was written by a newer fieldcheck"));
	test_rmrf(dir);
	free(dir);
	free(path);
}

/* Every change lands in the outbox by trigger; clearing forgets only what
 * did not change again meanwhile. */
static void outbox_tracks_changes(void **state)
{
	struct fixture *f = *state;
	struct fc_store *s = f->ws->store;
	struct fc_err err = { 0 };
	struct outbox_entry *e;
	size_t n, count;

	test_must(outbox_list(s, &e, &n, &err), &err);
	assert_int_equal(n, 2); /* the enterprise and the inspection of setup() */
	assert_int_equal(e[0].kind, REC_ENTERPRISE);
	assert_int_equal(e[1].kind, REC_INSPECTION);
	test_must(inspection_set_answer(s, &me, f->insp, "risk_map", "pass", "", &err), &err);
	test_must(outbox_clear(s, e, n, &err), &err); /* the answer came after: stays */
	test_must(outbox_count(s, &count, &err), &err);
	assert_int_equal(count, 1);
	assert_int_equal(outbox_pending(s, REC_INSPECTION, f->insp, &err), 1);
	assert_int_equal(outbox_pending(s, REC_ENTERPRISE, test_uscc_valid[0], &err), 0);
	free(e);
}

/* What an import writes (between outbox_pause and outbox_resume) stays out
 * of the outbox; before and after, and when the pause is rolled back,
 * changes are noted as ever; the pause needs a transaction. */
static void outbox_paused_while_importing(void **state)
{
	struct fixture *f = *state;
	struct fc_store *s = f->ws->store;
	struct fc_enterprise e = { "", "乙化工", "城西街道", "C26", "" };
	struct fc_err err = { 0 };
	size_t count;

	memcpy(e.code, test_uscc_valid[1], sizeof e.code);
	assert_int_equal(outbox_pause(s, &err), -1);
	test_must(store_begin(s, &err), &err);
	test_must(outbox_pause(s, &err), &err);
	test_must(enterprise_put(s, &e, &err), &err);
	test_must(inspection_set_answer(s, &me, f->insp, "risk_map", "pass", "", &err), &err);
	test_must(outbox_resume(s, &err), &err);
	test_must(store_commit(s, &err), &err);
	test_must(outbox_count(s, &count, &err), &err);
	assert_int_equal(count, 2); /* setup()'s enterprise and inspection only */
	assert_int_equal(outbox_pending(s, REC_ENTERPRISE, test_uscc_valid[1], &err), 0);

	test_must(store_begin(s, &err), &err);
	test_must(outbox_pause(s, &err), &err);
	store_rollback(s);
	e.name = "乙化工有限公司";
	test_must(enterprise_put(s, &e, &err), &err);
	assert_int_equal(outbox_pending(s, REC_ENTERPRISE, test_uscc_valid[1], &err), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(durability_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(init_refuses_existing, setup, teardown),
		cmocka_unit_test(open_missing_says_how),
		cmocka_unit_test_setup_teardown(duplicate_enterprise_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(inspection_needs_known_enterprise, setup, teardown),
		cmocka_unit_test_setup_teardown(answers_then_finalize_locks, setup, teardown),
		cmocka_unit_test_setup_teardown(store_triggers_guard_evidence, setup, teardown),
		cmocka_unit_test_setup_teardown(hazard_loop_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(past_deadline_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(sql_and_c_agree, setup, teardown),
		cmocka_unit_test_setup_teardown(outbox_tracks_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(outbox_paused_while_importing, setup, teardown),
		cmocka_unit_test(migrations_from_every_version),
		cmocka_unit_test(events_not_indexed_by_kind),
		cmocka_unit_test(newer_store_refused),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
