/* test_report_rules.c - the report's figures (core/report_scan.c counts
 * them streaming the inspections and their hazards side by side, in id
 * order) against the report's rules written as plain SQL over the tables
 * and hazard_view (report.h, docs/ARCHITECTURE.md "Reports"), on a store of
 * odd records written as an import or the sqlite3 shell could: ids of
 * every shape and case (the two cursors must agree on their order),
 * enterprises without a row or a town, inspections without a team or
 * whose team starts past seq 1, hazards due before their inspection's
 * date, files of a repair withdrawn or attached before it.  Every grouping,
 * with and without a period and finalized only; and the records behind
 * the hazards' and inspections' figures, read a page of 7 at a time
 * (core/report_records.c, whose period reads hazards due before their
 * inspection apart, and the hazards with a photo of the repair from the
 * files when those are few), exactly as many as the figure and none
 * twice. */
#include "support_ws.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/report_records.h"
#include "core/strbuf.h"
#include "core/workspace.h"

#define TODAY "2026-11-28"
#define N_ENT 40
#define N_INSP 700

struct fixture {
	char *dir;
	struct fc_workspace *ws;
	sqlite3 *db;                /* the same store, written as the shell would */
};

static const struct fc_person me = { "JG-0001", "督导员", "市应急管理局" };

static unsigned long rng = 77;
static unsigned pick(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static void sql_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
}

/* An id of one of several shapes (k distinct gives a distinct id). */
static void make_id(char *out, size_t size, const char *kind, unsigned k)
{
	switch (k % 4) {
	case 0:
		snprintf(out, size, "%08x-%04x-4%03x-8%03x-%012x", k * 2654435761u, k % 65536,
			 k % 4096, (k * 7) % 4096, k * 7919);
		break;
	case 1:
		snprintf(out, size, "%08X-%04X-4%03X-8%03X-%012X", k * 2246822519u, k % 65536, k % 4096,
			 (k * 3) % 4096, k * 104729);
		break;
	case 2:
		snprintf(out, size, "%s-%u", kind, k);
		break;
	default:
		snprintf(out, size, "%u", k);
		break;
	}
}

static void a_date(char *out, size_t size, int day)
{
	struct fc_err err = { 0 };
	char d[FC_DATE_LEN + 1];

	test_must(date_add_days("2024-11-01", day, d, &err), &err);
	snprintf(out, size, "%s", d);
}

static void add_enterprises(sqlite3 *db)
{
	static const char *const towns[] = { "城东街道", "西坞街道", "", "滨江街道" };
	char sql[512];
	int k;

	for (k = 0; k < N_ENT; k++) {
		snprintf(sql, sizeof sql, "INSERT INTO enterprises(code, name, town, changed_at)"
			 " VALUES ('9133000000%08d', '企业%d', '%s', '2024-01-01T08:00:00+08:00')",
			 k, k, towns[k % 4]);
		sql_ok(db, sql);
	}
}

static void add_team(sqlite3 *db, const char *id)
{
	static const char *const depts[] = { "区应急管理局", "区交通运输局", "", "公安分局" };
	unsigned n = pick(4), first = 1 + pick(3), k;
	char sql[512];

	for (k = 0; k < n; k++) {
		snprintf(sql, sizeof sql, "INSERT INTO team(inspection, seq, badge, name, dept)"
			 " VALUES ('%s', %u, 'B-%u', '员%u', '%s')", id, first + k, k, k,
			 depts[pick(4)]);
		sql_ok(db, sql);
	}
}

static void add_event(sqlite3 *db, const char *hz, int seq, const char *kind, const char *at,
		      const char *date)
{
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name,"
		 " date) VALUES ('%s', %d, '%s', '%s', 'B-0', '员0', '%s')", hz, seq, kind, at,
		 date);
	sql_ok(db, sql);
}

static void add_file(sqlite3 *db, const char *hz, const char *to, const char *at, int withdrawn)
{
	char sql[768];

	snprintf(sql, sizeof sql, "INSERT INTO attachments(kind, record, to_, sha256, blob, size,"
		 " type, name, taken, geo, by, at, withdrawn) VALUES ('hazard', '%s', '%s',"
		 " '%064x', '', 1, 'image/jpeg', 'p.jpg', '', '', 'B-0', '%s', '%s')", hz, to,
		 pick(1u << 30), at, withdrawn ? at : "");
	sql_ok(db, sql);
}

/* A hazard's events and files: each state, deadlines in force moved
 * either way, a file of the repair on its event, on the hazard after it,
 * before it, or withdrawn. */
static void add_events(sqlite3 *db, const char *hz, const char *day)
{
	char at[64], later[FC_DATE_LEN + 1], rect_at[64];
	int seq = 1;

	snprintf(at, sizeof at, "%sT09:00:00+08:00", day);
	add_event(db, hz, seq++, "found", at, "");
	if (pick(3)) {
		a_date(later, sizeof later, (int)pick(760));
		add_event(db, hz, seq++, "notice", at, pick(2) ? later : "");
	}
	if (!pick(4)) {
		a_date(later, sizeof later, (int)pick(760));
		add_event(db, hz, seq++, "extend", at, later);
	}
	if (!pick(6))
		add_event(db, hz, seq++, "supervise", at, "");
	if (pick(3)) {
		snprintf(rect_at, sizeof rect_at, "%sT15:00:00+08:00", day);
		add_event(db, hz, seq++, "rectified", rect_at, "");
		switch (pick(5)) {
		case 0: add_file(db, hz, "rectified@x", rect_at, 0); break;
		case 1: add_file(db, hz, "", "2030-01-01T00:00:00+08:00", 0); break;
		case 2: add_file(db, hz, "", at, 0); break;   /* before the repair */
		case 3: add_file(db, hz, "rectified@y", rect_at, 1); break;
		}
		if (pick(2))
			add_event(db, hz, seq++, "verified", "2030-01-02T00:00:00+08:00", "");
	}
}

static void add_hazards(sqlite3 *db, const char *insp, const char *day, unsigned *n_haz)
{
	unsigned n = pick(5), k;
	char id[64], deadline[FC_DATE_LEN + 1], sql[768];

	for (k = 0; k < n; k++) {
		make_id(id, sizeof id, "h", (*n_haz)++);
		/* a tenth due before the inspection's date */
		a_date(deadline, sizeof deadline, (int)pick(760) - (pick(10) ? 0 : 800));
		if (pick(10) && strcmp(deadline, day) < 0)
			snprintf(deadline, sizeof deadline, "%s", day);
		snprintf(sql, sizeof sql, "INSERT INTO hazards(id, inspection, item, severity,"
			 " description, deadline, changed_at) VALUES ('%s', '%s', 'q%u', '%s', '隐患',"
			 " '%s', '%sT09:00:00+08:00')", id, insp, k, pick(4) ? "general" : "major",
			 deadline, day);
		sql_ok(db, sql);
		add_events(db, id, day);
	}
}

static void add_inspections(sqlite3 *db)
{
	static const char *const types[] = { "routine", "unannounced", "joint", "recheck" };
	static const char *const forms[] = { "hazmat-loading", "six-ones", "confined-space" };
	static const char *const offsets[] = { "+08:00", "+00:00", "-05:00" };
	unsigned k, n_haz = 0;
	char id[64], day[FC_DATE_LEN + 1], ent[32], sql[768];

	for (k = 0; k < N_INSP; k++) {
		make_id(id, sizeof id, "i", k);
		a_date(day, sizeof day, (int)pick(760));
		/* five in a hundred of an enterprise the store has no row of */
		snprintf(ent, sizeof ent, "9133000000%08u", pick(100) < 5 ? 90 + pick(5) : pick(N_ENT));
		snprintf(sql, sizeof sql, "INSERT INTO inspections(id, form_id, form_version,"
			 " enterprise, type, status, created_at, created_by, changed_at) VALUES"
			 " ('%s', '%s', 1, '%s', '%s', 'draft', '%sT%02u:%02u:00%s', 'B-0', '%s')",
			 id, forms[pick(3)], ent, types[pick(4)], day, pick(24), pick(60),
			 offsets[pick(3)], day);
		sql_ok(db, sql);
		add_team(db, id);
		add_hazards(db, id, day, &n_haz);
		if (pick(5)) {   /* finalized once its team is in */
			snprintf(sql, sizeof sql, "UPDATE inspections SET status = 'final',"
				 " finalized_at = changed_at WHERE id = '%s'", id);
			sql_ok(db, sql);
		}
	}
}

/* Inspections and hazards whose ids are blobs (which SQLite orders after
 * every text) or numbers, as the sqlite3 shell writes them.  The figures
 * count them (report_scan.c orders ids as SQLite does); the listings'
 * keyset paging does not page past a blob id (its key is kept as text), so
 * the records are checked without them. */
static void add_blob_ids(sqlite3 *db)
{
	sql_ok(db, "INSERT INTO inspections(id, form_id, form_version, enterprise, type, status,"
	       " created_at, created_by, changed_at) VALUES"
	       " (x'696e73702d626c6f62', 'six-ones', 1, '913300000000000001', 'joint', 'draft',"
	       "  '2026-03-04T10:00:00+08:00', 'B-0', '2026-03-04T10:00:00+08:00'),"
	       " (x'00ff', 'six-ones', 1, '913300000000000002', 'routine', 'draft',"
	       "  '2026-03-05T10:00:00+08:00', 'B-0', '2026-03-05T10:00:00+08:00'),"
	       " (424242, 'six-ones', 1, '913300000000000003', 'routine', 'draft',"
	       "  '2026-03-06T10:00:00+08:00', 'B-0', '2026-03-06T10:00:00+08:00')");
	sql_ok(db, "INSERT INTO hazards(id, inspection, item, severity, description, deadline,"
	       " changed_at) VALUES"
	       " (x'68', x'696e73702d626c6f62', 'q', 'major', 'x', '2026-03-01', '2026-03-04'),"
	       " (x'69', x'696e73702d626c6f62', 'q', 'general', 'x', '2026-04-01', '2026-03-04'),"
	       " (x'6a', x'00ff', 'q', 'general', 'x', '2026-04-01', '2026-03-04'),"
	       " (4343, 424242, 'q', 'general', 'x', '2026-04-01', '2026-03-04')");
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char *path;

	test_ws_open(&f->dir, &f->ws, &me, 1, TODAY "T09:30:00+08:00");
	path = test_path(f->dir, "store.db");
	assert_int_equal(sqlite3_open_v2(path, &f->db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	free(path);
	sql_ok(f->db, "BEGIN");
	add_enterprises(f->db);
	add_inspections(f->db);
	sql_ok(f->db, "COMMIT");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	sqlite3_close(f->db);
	test_ws_close(f->dir, f->ws);
	free(f);
	return 0;
}

/* ---- the rules, as plain SQL ---- */

/* An inspection's group key over i (report.h). */
static const char *const key_rule[] = {
	[REPORT_TOTAL] = "''",
	[REPORT_BY_FORM] = "i.form_id",
	[REPORT_BY_TOWN] = "coalesce((SELECT e.town FROM enterprises e WHERE e.code = i.enterprise), '')",
	[REPORT_BY_DEPT] = "coalesce((SELECT t.dept FROM team t WHERE t.inspection = i.id"
			   " ORDER BY t.seq LIMIT 1), '')",
	[REPORT_BY_MONTH] = "substr(i.created_at, 1, 7)",
	[REPORT_BY_ENTERPRISE] = "i.enterprise",
};

#define RECTIFIED "v.state IN ('rectified', 'closed')"
#define REPAIRED "EXISTS (SELECT 1 FROM attachments a WHERE a.record = v.id AND " \
	"a.kind = 'hazard' AND a.withdrawn = '' AND (substr(a.to_, 1, 10) = 'rectified@' OR" \
	" substr(a.to_, 1, 9) = 'verified@' OR (a.to_ = '' AND EXISTS (SELECT 1 FROM hazard_events e" \
	" WHERE e.hazard = a.record AND e.kind IN ('rectified', 'verified') AND" \
	" julianday(e.at) <= julianday(a.at)))))"

/* The covered inspections with their key: ?1 <= created_at < ?2, final
 * only if ?3. */
static void covered(struct strbuf *sql, enum report_by by)
{
	strbuf_addf(sql, "WITH c AS (SELECT i.*, %s AS k FROM inspections i WHERE"
		    " i.created_at >= ?1 AND i.created_at < ?2 AND (?3 = 0 OR i.status = 'final')) ",
		    key_rule[by]);
}

static struct report_figures *figures_of(struct report *want, const char *key)
{
	size_t g;

	if (want->by == REPORT_TOTAL)
		return &want->total;
	for (g = 0; g < want->n_groups; g++)
		if (!strcmp(want->groups[g].key, key))
			return &want->groups[g].f;
	want->groups = realloc(want->groups, (want->n_groups + 1) * sizeof *want->groups);
	memset(&want->groups[want->n_groups], 0, sizeof *want->groups);
	want->groups[want->n_groups].key = strdup(key);
	return &want->groups[want->n_groups++].f;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, const char *lo, const char *hi,
			     int final_only)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, final_only);
	sqlite3_bind_text(st, 4, TODAY, -1, SQLITE_STATIC);
	return st;
}

/* Runs sql (columns: key, then n figures) and adds each row to the figures
 * at offsets off[] of its group (and, grouped, of the total). */
static void add_rows(sqlite3 *db, struct report *want, const char *sql, const char *lo,
		     const char *hi, int final_only, const size_t *off, int n)
{
	sqlite3_stmt *st = prepare(db, sql, lo, hi, final_only);
	int c;

	while (sqlite3_step(st) == SQLITE_ROW) {
		struct report_figures *f = figures_of(want, (const char *)sqlite3_column_text(st, 0));
		for (c = 0; c < n; c++)
			*(long *)((char *)f + off[c]) += sqlite3_column_int64(st, c + 1);
	}
	sqlite3_finalize(st);
}

#define OFF(x) offsetof(struct report_figures, x)

static void expected(sqlite3 *db, enum report_by by, const char *lo, const char *hi,
		     int final_only, struct report *want)
{
	static const size_t insp[] = { OFF(inspections), OFF(drafts), OFF(enterprises),
				       OFF(joint), OFF(unannounced), OFF(rechecks) };
	static const size_t haz[] = { OFF(found), OFF(general), OFF(major), OFF(notified),
				      OFF(rectified), OFF(closed), OFF(open), OFF(overdue),
				      OFF(supervised), OFF(major_supervised), OFF(repair_photo),
				      OFF(no_repair_photo) };
	struct strbuf sql;
	struct report total;

	memset(want, 0, sizeof *want);
	want->by = by;
	strbuf_init(&sql);
	covered(&sql, by);
	strbuf_adds(&sql, "SELECT k, count(*), sum(status = 'draft'), count(DISTINCT enterprise),"
		    " sum(type = 'joint'), sum(type = 'unannounced'), sum(type = 'recheck')"
		    " FROM c GROUP BY k");
	add_rows(db, want, sql.buf, lo, hi, final_only, insp, 6);
	strbuf_reset(&sql);
	covered(&sql, by);
	strbuf_adds(&sql, "SELECT c.k, count(*), sum(v.severity = 'general'),"
		    " sum(v.severity = 'major'), sum(EXISTS (SELECT 1 FROM hazard_events n WHERE"
		    " n.hazard = v.id AND n.kind = 'notice')), sum(" RECTIFIED "),"
		    " sum(v.state = 'closed'), sum(NOT " RECTIFIED "), sum(NOT " RECTIFIED
		    " AND v.due < ?4), sum(v.supervised), sum(v.severity = 'major' AND v.supervised),"
		    " sum(" RECTIFIED " AND " REPAIRED "), sum(" RECTIFIED " AND NOT " REPAIRED ")"
		    " FROM c JOIN hazard_view v ON v.inspection = c.id GROUP BY c.k");
	add_rows(db, want, sql.buf, lo, hi, final_only, haz, 12);
	if (by != REPORT_TOTAL) {   /* the total: counted apart, not summed */
		expected(db, REPORT_TOTAL, lo, hi, final_only, &total);
		want->total = total.total;
	}
	strbuf_release(&sql);
}

static void assert_same(const struct report_figures *got, const struct report_figures *want,
			const char *what)
{
	if (memcmp(got, want, sizeof *got)) {
		const long *g = (const long *)got, *w = (const long *)want;
		size_t k;
		for (k = 0; k < sizeof *got / sizeof(long); k++)
			if (g[k] != w[k])
				fail_msg("%s: figure %zu is %ld, the rules say %ld", what, k, g[k], w[k]);
	}
}

static void release_want(struct report *want)
{
	size_t g;

	for (g = 0; g < want->n_groups; g++)
		free(want->groups[g].key);
	free(want->groups);
}

/* ---- the records behind the figures ---- */

static int id_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The records of q, a page of 7 at a time: how many, each once. */
static long records(struct fixture *f, const struct records_query *q)
{
	struct records_page p;
	struct fc_err err = { 0 };
	char **ids;
	size_t k;
	long n;

	memset(&p, 0, sizeof p);
	do
		test_must(records_more(f->ws->store, q, &p, 7, NULL, &err), &err);
	while (p.more);
	ids = calloc(p.n + 1, sizeof *ids);
	for (k = 0; k < p.n; k++)
		ids[k] = q->rec == RR_HAZARDS ? p.haz[k].id : p.insp[k].id;
	qsort(ids, p.n, sizeof *ids, id_cmp);
	for (k = 1; k < p.n; k++)
		if (!strcmp(ids[k - 1], ids[k]))
			fail_msg("record %s listed twice", ids[k]);
	n = (long)p.n;
	free(ids);
	records_release(&p);
	return n;
}

static const struct {
	enum records_haz haz;
	size_t off;
} behind[] = {
	{ RH_ALL, OFF(found) }, { RH_MAJOR, OFF(major) }, { RH_RECTIFIED, OFF(rectified) },
	{ RH_CLOSED, OFF(closed) }, { RH_OPEN, OFF(open) }, { RH_OVERDUE, OFF(overdue) },
	{ RH_SUPERVISED, OFF(supervised) }, { RH_REPAIR_PHOTO, OFF(repair_photo) },
};

static void check_records(struct fixture *f, const struct report *r, const char *from,
			  const char *to)
{
	struct records_query q;
	struct fc_err err = { 0 };
	size_t g, k;

	for (g = 0; g < (r->by == REPORT_TOTAL ? 1 : r->n_groups); g++) {
		const struct report_figures *fig = r->by == REPORT_TOTAL ? &r->total : &r->groups[g].f;
		char what[160];

		memset(&q, 0, sizeof q);
		q.today = TODAY;
		q.type = -1;
		q.final_only = r->final_only;
		q.by = r->by;
		snprintf(q.range.from, sizeof q.range.from, "%s", from);
		snprintf(q.range.to, sizeof q.range.to, "%s", to);
		test_must(records_range_set(&q.range, RP_DATES, TODAY, &err), &err);
		if (r->by != REPORT_TOTAL)
			snprintf(q.key, sizeof q.key, "%s", r->groups[g].key);
		snprintf(what, sizeof what, "by %s, group '%s', %s..%s", report_by_name(r->by),
			 q.key, from, to);
		q.rec = RR_INSPECTIONS;
		if (records(f, &q) != fig->inspections)
			fail_msg("%s: the inspections listed are not %ld", what, fig->inspections);
		q.rec = RR_HAZARDS;
		for (k = 0; k < ARRAY_SIZE(behind); k++) {
			long want = *(const long *)((const char *)fig + behind[k].off);
			q.haz = behind[k].haz;
			if (records(f, &q) != want)
				fail_msg("%s: hazards listed behind figure %zu are not %ld", what, k, want);
		}
	}
}

/* ---- the tests ---- */

static const char *const periods[][2] = {
	{ "", "" }, { "2025-03-01", "2025-12-31" }, { "2026-01-01", "" }, { "", "2025-06-15" },
	{ "2026-11-28", "2026-11-28" },
};

static void check(struct fixture *f, enum report_by by, const char *from, const char *to,
		  int final_only, int with_records)
{
	struct report_query q = { from, to, TODAY, by, final_only };
	struct report got, want;
	struct fc_err err = { 0 };
	char hi[FC_DATE_LEN + 1] = "~", what[160];
	size_t g;

	if (*to)
		test_must(date_add_days(to, 1, hi, &err), &err);
	test_must(report_run(f->ws->store, &q, &got, &err), &err);
	expected(f->db, by, from, hi, final_only, &want);
	snprintf(what, sizeof what, "by %s, %s..%s%s: the total", report_by_name(by), from, to,
		 final_only ? ", final" : "");
	assert_same(&got.total, &want.total, what);
	assert_int_equal(got.n_groups, want.n_groups);
	for (g = 0; g < got.n_groups; g++) {
		snprintf(what, sizeof what, "by %s, %s..%s%s: group '%s'", report_by_name(by), from,
			 to, final_only ? ", final" : "", got.groups[g].key);
		assert_same(&got.groups[g].f, figures_of(&want, got.groups[g].key), what);
		if (g)
			assert_true(strcmp(got.groups[g - 1].key, got.groups[g].key) < 0);
	}
	assert_int_equal(got.n_groups, want.n_groups);  /* no group the rules lack */
	if (with_records)
		check_records(f, &got, from, to);
	release_want(&want);
	report_release(&got);
}

static void test_figures_follow_the_rules(void **state)
{
	struct fixture *f = *state;
	size_t p;
	int by, fin;

	add_blob_ids(f->db);
	for (by = REPORT_TOTAL; by <= REPORT_BY_ENTERPRISE; by++)
		for (p = 0; p < ARRAY_SIZE(periods); p++)
			for (fin = 0; fin <= 1; fin++)
				check(f, (enum report_by)by, periods[p][0], periods[p][1], fin, 0);
	sql_ok(f->db, "DELETE FROM hazard_events WHERE typeof(hazard) <> 'text';"
	       " DELETE FROM hazards WHERE typeof(id) <> 'text';"
	       " DELETE FROM inspections WHERE typeof(id) <> 'text'");
}

static void test_records_follow_the_figures(void **state)
{
	struct fixture *f = *state;
	int by;

	for (by = REPORT_TOTAL; by <= REPORT_BY_ENTERPRISE; by++) {
		check(f, (enum report_by)by, "2026-01-01", "2026-12-31", 0, 1);
		check(f, (enum report_by)by, "", "", by == REPORT_BY_MONTH, 1);
	}
}

/* With more hazards with a file than FEW_FILED (core/report_records.c),
 * those with a photo of the repair are picked out of the period's in
 * order instead of read from the files: the same records.  (The files
 * here are of no hazard the store has: they change no figure.) */
static void test_records_with_many_files(void **state)
{
	struct fixture *f = *state;

	sql_ok(f->db, "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n"
	       " WHERE k < 2100) INSERT INTO attachments(kind, record, to_, sha256, blob, size,"
	       " type, name, taken, geo, by, at) SELECT 'hazard', 'ghost-' || k, '',"
	       " printf('%064d', k), '', 1, 'image/jpeg', 'p.jpg', '', '', 'B-0',"
	       " '2026-01-01T00:00:00+08:00' FROM n");
	check(f, REPORT_TOTAL, "2026-01-01", "2026-12-31", 0, 1);
	check(f, REPORT_BY_FORM, "", "", 0, 1);
}

/* The store has what the test means to try. */
static void test_the_store_is_odd(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(f->db, "SELECT"
		" (SELECT count(*) FROM hazard_state WHERE due < found_at),"
		" (SELECT count(*) FROM inspections i WHERE NOT EXISTS (SELECT 1 FROM team t"
		"   WHERE t.inspection = i.id)),"
		" (SELECT count(*) FROM inspections i WHERE NOT EXISTS (SELECT 1 FROM enterprises e"
		"   WHERE e.code = i.enterprise)),"
		" (SELECT count(*) FROM inspections WHERE id <> lower(id)),"
		" (SELECT count(*) FROM attachments)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(sqlite3_column_int(st, 0) > 20);
	assert_true(sqlite3_column_int(st, 1) > 20);
	assert_true(sqlite3_column_int(st, 2) > 5);
	assert_true(sqlite3_column_int(st, 3) > 20);
	assert_true(sqlite3_column_int(st, 4) > 20);
	sqlite3_finalize(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_store_is_odd),
		cmocka_unit_test(test_figures_follow_the_rules),
		cmocka_unit_test(test_records_follow_the_figures),
		cmocka_unit_test(test_records_with_many_files),   /* last: adds files */
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
