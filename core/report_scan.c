/* report_scan.c - the report's reads of the store.
 *
 * Each table is read once, in the order it is kept, and the rows are
 * counted as they stream by (report.c): nothing is sorted, and a hazard
 * costs no look-up in the store.  Measured at 100 000 inspections and
 * 140 000 hazards (bench/report.sh; instructions counted with cachegrind),
 * the plainer SQL cost three times as much (4.4 G instructions for the
 * whole report, against 1.4 G; by town 6.0 G against 2.1 G):
 *  - GROUP BY sorts every row, even into one group, and sum() is a function
 *    call per row and figure;
 *  - the created_at index costs a random look-up per inspection; reading the
 *    table and testing the date (`+created_at`) is five times cheaper even
 *    for a quarter of the rows;
 *  - a town is looked up once per enterprise, not once per row, and a
 *    department is read from the team table beside the inspections, both
 *    in inspection order;
 *  - a hazard finds its inspection's group (and whether the report covers
 *    it) in a hash map the inspections' scan leaves, not in the store (a
 *    B-tree look-up of its inspection per hazard pages at random: at
 *    100 000 inspections 88 % of the report);
 *  - a hazard's state, whether a notice was issued, its supervision and
 *    whether it is overdue come from its row of hazard_state (migration 10:
 *    hazard_view's row kept by triggers, with its deadline in force), read
 *    whole in its own order; only the few hazards with a file of their
 *    repair are read from the attachments first.  Before, four cursors
 *    over the events index (kind, hazard) were merged beside the hazards
 *    and each open hazard's deadline was looked up.
 * test_report checks 'overdue' against `hazard list`, and every figure
 * against the records listed behind it.
 */
#include "report_impl.h"

#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

/* The column an inspection's group key is made from, over `i` (fixed SQL
 * chosen by the grouping, never built from input).  By town it is the
 * enterprise, whose town is looked up once (town_of); by department the key
 * is the department of the team's first member, read from the team table
 * beside the inspections (team_dept).  A hazard takes its inspection's. */
static const char *const key_sql[] = {
	[REPORT_TOTAL] = "''",
	[REPORT_BY_FORM] = "i.form_id",
	[REPORT_BY_TOWN] = "i.enterprise",
	[REPORT_BY_DEPT] = "''",
	[REPORT_BY_MONTH] = "substr(i.created_at, 1, 7)",
	[REPORT_BY_ENTERPRISE] = "i.enterprise",
};

/* The inspections a report covers: ?1 <= created_at < ?2, finalized only if ?3. */
#define FILTER "+i.created_at >= ?1 AND +i.created_at < ?2 AND (?3 = 0 OR i.status = 'final')"

struct scan {
	struct fc_store *s;
	struct report_acc *a;
	const struct report_range *rg;
	enum report_by by;
	char **names;               /* towns and group keys, each kept once */
	size_t n_names;
	struct strmap towns;        /* enterprise -> 1 + index in names */
	struct strmap keys;         /* group key -> 1 + index in names */
	struct strmap covered;      /* an inspection counted -> 1 + its key's index in names */
	int need_covered;           /* hazards need them: not every one counts alike */
	sqlite3_stmt *town_st, *team_st;
	int team_rc;                /* the team cursor's last step */
	int lookup_failed;          /* a one-row look-up failed: lookup_err says how */
	struct fc_err lookup_err;
};

static const char *col(sqlite3_stmt *st, int c)
{
	const unsigned char *t = sqlite3_column_text(st, c);
	return t ? (const char *)t : "";
}

static int prepare(struct scan *sc, const char *sql, sqlite3_stmt **st, struct fc_err *err)
{
	if (store_prepare(sc->s, sql, st, err))
		return -1;
	if (sqlite3_bind_parameter_count(*st) >= 3) {
		store_bind(*st, 1, sc->rg->lo);
		store_bind(*st, 2, sc->rg->hi);
		sqlite3_bind_int(*st, 3, sc->rg->final_only);
	}
	return 0;
}

/* Runs a one-row look-up (bound already); 1 if it found its row.  A failure
 * is kept, with SQLite's message, to fail the whole report at its end. */
static int lookup(struct scan *sc, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE && !sc->lookup_failed) {
		sc->lookup_failed = 1;
		store_sqlerr(sc->s, &sc->lookup_err, "looking up a detail of the report");
	}
	return rc == SQLITE_ROW;
}

/* Keeps a copy of `name`; returns 1 + its index. */
static size_t keep_name(struct scan *sc, const char *name)
{
	sc->names = xrealloc(sc->names, (sc->n_names + 1) * sizeof *sc->names);
	sc->names[sc->n_names] = xstrdup(name);
	return ++sc->n_names;
}

/* The town of `enterprise`, looked up the first time it is asked for. */
static const char *town_of(struct scan *sc, const char *enterprise)
{
	int added;
	size_t *slot = strmap_slot(&sc->towns, enterprise, &added);

	if (added) {
		sqlite3_reset(sc->town_st);
		store_bind(sc->town_st, 1, enterprise);
		*slot = keep_name(sc, lookup(sc, sc->town_st) ? col(sc->town_st, 0) : "");
	}
	return sc->names[*slot - 1];
}

/* The department of inspection `id`'s first team member, from the team
 * table read in its key order (inspection, seq) beside the inspections. */
static const char *team_dept(struct scan *sc, const char *id)
{
	int c = 1;

	while (sc->team_rc == SQLITE_ROW && (c = strcmp(col(sc->team_st, 0), id)) < 0)
		sc->team_rc = sqlite3_step(sc->team_st);
	return c == 0 ? col(sc->team_st, 1) : "";
}

/* The group key of an inspection's row: column c holds key_sql, column id
 * the inspection. */
static const char *row_key(struct scan *sc, sqlite3_stmt *st, int c, int id)
{
	switch (sc->by) {
	case REPORT_BY_TOWN:
		return town_of(sc, col(st, c));
	case REPORT_BY_DEPT:
		return team_dept(sc, col(st, id));
	default:
		return col(st, c);
	}
}

/* Notes inspection `id` as covered, with its group key. */
static void cover(struct scan *sc, const char *id, const char *key)
{
	int added;
	size_t *slot = strmap_slot(&sc->keys, key, &added), k;

	if (added)
		*slot = keep_name(sc, key);
	k = *slot;
	*strmap_slot(&sc->covered, id, &added) = k;
}

/* The group key of the hazards of inspection `id`, or NULL when the report
 * does not cover it. */
static const char *hazard_key(struct scan *sc, const char *id)
{
	size_t *k;

	if (!sc->need_covered)
		return "";
	k = strmap_find(&sc->covered, id);
	return k ? sc->names[*k - 1] : NULL;
}

static int scan_inspections(struct scan *sc, struct fc_err *err)
{
	char sql[512];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "SELECT %s, i.enterprise, i.type, i.status,"
		 " substr(i.created_at, 1, 7), i.id FROM inspections i WHERE " FILTER
		 " ORDER BY i.id", key_sql[sc->by]);
	if (prepare(sc, sql, &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = row_key(sc, st, 0, 5);

		report_acc_inspection(sc->a, key, col(st, 1), col(st, 2), col(st, 3), col(st, 4));
		if (sc->need_covered)
			cover(sc, col(st, 5), key);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || (sc->team_rc != SQLITE_ROW && sc->team_rc != SQLITE_DONE))
		return store_sqlerr(sc->s, err, "counting inspections");
	return 0;
}

/* The hazards with a file of their repair (REPAIR_FILE_SQL): few, kept as
 * keys of `set`. */
static int repair_files(struct scan *sc, struct strmap *set, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc, added;

	if (store_prepare(sc->s, "SELECT DISTINCT a.record FROM attachments a WHERE "
			  REPAIR_FILE_SQL, &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*strmap_slot(set, col(st, 0), &added) = 1;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(sc->s, err, "counting hazards");
}

/* What a hazard's row of hazard_state says, as the bits of its events. */
static unsigned state_bits(sqlite3_stmt *hz, const struct strmap *repaired)
{
	const char *state = col(hz, 2);
	unsigned bits = 0;

	if (!strcmp(state, "closed"))
		bits |= HZ_VERIFIED;
	else if (!strcmp(state, "rectified"))
		bits |= HZ_RECTIFIED;
	if (sqlite3_column_int(hz, 3))
		bits |= HZ_NOTICE;
	if (sqlite3_column_int(hz, 4))
		bits |= HZ_SUPERVISED;
	if ((bits & (HZ_RECTIFIED | HZ_VERIFIED)) && strmap_find(repaired, col(hz, 0)))
		bits |= HZ_REPAIR_FILE;
	return bits;
}

static int scan_hazards(struct scan *sc, struct fc_err *err)
{
	struct strmap repaired;
	sqlite3_stmt *hz = NULL;
	int rc;

	memset(&repaired, 0, sizeof repaired);
	if (repair_files(sc, &repaired, err) ||
	    store_prepare(sc->s, "SELECT s.id, s.major, s.state, s.notified, s.supervised,"
			  " s.open = 1 AND s.due < ?1, s.inspection FROM hazard_state s", &hz, err)) {
		strmap_release(&repaired);
		return -1;
	}
	store_bind(hz, 1, sc->a->r->today);
	while ((rc = sqlite3_step(hz)) == SQLITE_ROW) {
		const char *key = hazard_key(sc, col(hz, 6));

		if (key)   /* else its inspection is not counted */
			report_acc_hazard(sc->a, key, sqlite3_column_int(hz, 1),
					  state_bits(hz, &repaired), sqlite3_column_int(hz, 5));
	}
	sqlite3_finalize(hz);
	strmap_release(&repaired);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(sc->s, err, "counting hazards");
}

/* Grouped by enterprise: each group's name, one look-up per group. */
static int name_groups(struct scan *sc, struct fc_err *err)
{
	struct report *r = sc->a->r;
	sqlite3_stmt *st;
	size_t k;

	if (r->by != REPORT_BY_ENTERPRISE || !r->n_groups)
		return 0;
	if (store_prepare(sc->s, "SELECT name FROM enterprises WHERE code = ?1", &st, err))
		return -1;
	for (k = 0; k < r->n_groups; k++) {
		sqlite3_reset(st);
		store_bind(st, 1, r->groups[k].key);
		if (lookup(sc, st)) {
			free(r->groups[k].name);
			r->groups[k].name = store_col_dup(st, 0);
		}
	}
	sqlite3_finalize(st);
	return 0;
}

static int prepare_keys(struct scan *sc, struct fc_err *err)
{
	if (sc->by == REPORT_BY_TOWN)
		return store_prepare(sc->s, "SELECT town FROM enterprises WHERE code = ?1",
				     &sc->town_st, err);
	if (sc->by != REPORT_BY_DEPT)
		return 0;
	if (store_prepare(sc->s, "SELECT t.inspection, t.dept FROM team t"
			  " ORDER BY t.inspection, t.seq", &sc->team_st, err))
		return -1;
	sc->team_rc = sqlite3_step(sc->team_st);
	return 0;
}

static void scan_release(struct scan *sc)
{
	size_t k;

	sqlite3_finalize(sc->town_st);
	sqlite3_finalize(sc->team_st);
	for (k = 0; k < sc->n_names; k++)
		free(sc->names[k]);
	free(sc->names);
	strmap_release(&sc->covered);
	strmap_release(&sc->towns);
	strmap_release(&sc->keys);
}

int report_scan(struct fc_store *s, struct report_acc *a, const struct report_range *rg,
		struct fc_err *err)
{
	struct scan sc;
	int own = s->depth == 0, rc;

	memset(&sc, 0, sizeof sc);
	sc.s = s, sc.a = a, sc.rg = rg;
	sc.by = (size_t)a->r->by < ARRAY_SIZE(key_sql) ? a->r->by : REPORT_TOTAL;
	sc.need_covered = !(rg->all && sc.by == REPORT_TOTAL);
	/* One snapshot for every read: a sync importing meanwhile cannot make
	 * the hazards disagree with their inspections. */
	if (own && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(s, err, "starting the report");
	sc.team_rc = SQLITE_DONE;
	rc = prepare_keys(&sc, err) || scan_inspections(&sc, err) || scan_hazards(&sc, err) ||
	     name_groups(&sc, err) ? -1 : 0;
	if (rc == 0 && sc.lookup_failed)
		rc = -1, *err = sc.lookup_err;
	if (own)
		sqlite3_exec(s->db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
	scan_release(&sc);
	return rc;
}

int report_repair_file(struct fc_store *s, const char *id, struct fc_err *err)
{
	static const char sql[] = "SELECT 1 FROM attachments a WHERE a.kind = 'hazard' AND"
				  " a.record = ?1 AND " REPAIR_FILE_SQL " LIMIT 1";
	sqlite3_stmt *st;

	if (store_cached(s, sql, &st, err))
		return -1;
	store_bind(st, 1, id);
	return store_has_row(s, st, "looking up a hazard's files", err);
}
