/* report_scan.c - the report's reads of the store.
 *
 * The inspections are read once in id order (the table's own), and each
 * inspection's hazards beside them, from hazard_state's index by
 * inspection (migration 12), which carries what the report counts: two
 * cursors in one order, merged like a zipper, and the rows counted as they
 * stream by (report.c).  Nothing is sorted, nothing is looked up in the
 * store per row, and nothing is kept per inspection.  What was measured
 * (bench/report.sh; instructions counted with cachegrind, or perf):
 *  - GROUP BY sorts every row, even into one group, and sum() is a function
 *    call per row and figure: the plainer SQL cost three times as much
 *    (4.4 G instructions for the whole report at 100 000, against 1.4 G);
 *  - the created_at index costs a random look-up per inspection; reading the
 *    table and testing the date (`+created_at`) is five times cheaper even
 *    for a quarter of the rows;
 *  - a hazard looking up its inspection in the store (a B-tree look-up per
 *    hazard, at random) was 88 % of the report at 100 000; finding its
 *    group in a hash map keyed by the inspection's id, which the
 *    inspections' scan filled, was two fifths of a report by month at
 *    1 000 000 (a cache miss and a string compare per inspection and per
 *    hazard, and a million keys in memory); the zipper costs neither;
 *  - a town is looked up once per enterprise, not once per row, and a
 *    department is read from the team table beside the inspections, also
 *    in inspection order;
 *  - each enterprise gets a number the first time it is met, so the distinct
 *    (group, enterprise) pairs are numbers in a set, not strings (a report
 *    by month of a province holds about a million);
 *  - a hazard's state, whether a notice was issued, its supervision and
 *    whether it is overdue come from its row of hazard_state (migration 10:
 *    hazard_view's row kept by triggers, with its deadline in force); only
 *    the few hazards with a file of their repair are read from the
 *    attachments first.
 * test_report checks 'overdue' against `hazard list`, and every figure
 * against the records listed behind it; test_report_rules checks every
 * figure against the report's rules written as plain SQL on a store with
 * odd records.
 */
#include "report_impl.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "store_impl.h"

/* The column an inspection's group key is made from, over `i` (fixed SQL
 * chosen by the grouping, never built from input).  By town and by
 * enterprise the group comes with the enterprise (ent_of, its town looked
 * up once); by department the key is the department of the team's first
 * member, read from the team table beside the inspections (team_dept).  A
 * hazard takes its inspection's. */
static const char *const key_sql[] = {
	[REPORT_TOTAL] = "''",
	[REPORT_BY_FORM] = "i.form_id",
	[REPORT_BY_TOWN] = "''",
	[REPORT_BY_DEPT] = "''",
	[REPORT_BY_MONTH] = "substr(i.created_at, 1, 7)",
	[REPORT_BY_ENTERPRISE] = "''",
};

/* The inspections a report covers: ?1 <= created_at < ?2, finalized only if ?3. */
#define FILTER "+i.created_at >= ?1 AND +i.created_at < ?2 AND (?3 = 0 OR i.status = 'final')"

/* An enterprise met by the scan: its number is its index in ents. */
struct ent {
	size_t group;               /* its group's, by town or enterprise */
};

struct scan {
	struct fc_store *s;
	struct report_acc *a;
	const struct report_range *rg;
	enum report_by by;
	struct strmap ent_index;    /* credit code -> its index in ents */
	struct ent *ents;
	size_t n_ents, alloc_ents;
	char last_key[MAX_TOWN + 1];  /* the group key of the row before (cache) */
	size_t last_group;
	int have_last;
	struct strmap repaired;     /* hazards with a file of their repair */
	sqlite3_stmt *town_st, *team_st, *hz_st;
	int team_rc, hz_rc;         /* the team's and the hazards' cursors' last step */
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

/* The group of a key read from a row: most rows repeat the key of the row
 * before when the store has few groups or its rows come grouped. */
static size_t group_of_key(struct scan *sc, const char *key)
{
	if (sc->have_last && !strcmp(key, sc->last_key))
		return sc->last_group;
	sc->last_group = report_acc_group(sc->a, key);
	snprintf(sc->last_key, sizeof sc->last_key, "%s", key);
	/* a longer key (a hostile record's) is not cached: it would not match */
	sc->have_last = strlen(key) < sizeof sc->last_key;
	return sc->last_group;
}

/* The number of `enterprise`, given the first time it is met, with its
 * group by town (its town looked up once) or by enterprise. */
static uint32_t ent_of(struct scan *sc, const char *enterprise)
{
	int added;
	size_t *slot = strmap_slot(&sc->ent_index, enterprise, &added);

	if (added) {
		struct ent e = { 0 };

		if (sc->by == REPORT_BY_TOWN) {
			sqlite3_reset(sc->town_st);
			store_bind(sc->town_st, 1, enterprise);
			e.group = report_acc_group(sc->a, lookup(sc, sc->town_st) ?
						   col(sc->town_st, 0) : "");
		} else if (sc->by == REPORT_BY_ENTERPRISE) {
			e.group = report_acc_group(sc->a, enterprise);
		}
		ALLOC_GROW(sc->ents, sc->n_ents + 1, sc->alloc_ents);
		sc->ents[sc->n_ents] = e;
		*slot = sc->n_ents++;
	}
	return (uint32_t)*slot;
}

/* Orders two ids as SQLite orders them: a text (or a number, which the
 * columns' TEXT affinity makes a text) before a blob, then by their bytes
 * (the BINARY collation).  A record written with the sqlite3 shell may
 * hold a blob: ordered otherwise, the cursors would pass each other by. */
static int id_cmp(sqlite3_stmt *a, int ca, sqlite3_stmt *b, int cb)
{
	int ta = sqlite3_column_type(a, ca) == SQLITE_BLOB;
	int tb = sqlite3_column_type(b, cb) == SQLITE_BLOB;
	const void *x = ta ? sqlite3_column_blob(a, ca) : sqlite3_column_text(a, ca);
	const void *y = tb ? sqlite3_column_blob(b, cb) : sqlite3_column_text(b, cb);
	int nx = sqlite3_column_bytes(a, ca), ny = sqlite3_column_bytes(b, cb), c;

	if (ta != tb)
		return ta - tb;
	c = nx && ny ? memcmp(x, y, (size_t)(nx < ny ? nx : ny)) : 0;
	return c ? c : (nx > ny) - (nx < ny);
}

/* The department of the inspection on st's row (its id in column c): its
 * first team member's, from the team table read in its key order
 * (inspection, seq) beside the inspections. */
static const char *team_dept(struct scan *sc, sqlite3_stmt *st, int c)
{
	int cmp = 1;

	while (sc->team_rc == SQLITE_ROW && (cmp = id_cmp(sc->team_st, 0, st, c)) < 0)
		sc->team_rc = sqlite3_step(sc->team_st);
	return sc->team_rc == SQLITE_ROW && cmp == 0 ? col(sc->team_st, 1) : "";
}

/* The group of an inspection's row: column 0 holds key_sql, column 5 the
 * inspection's id. */
static size_t row_group(struct scan *sc, sqlite3_stmt *st, uint32_t ent)
{
	switch (sc->by) {
	case REPORT_TOTAL:
		return 0;
	case REPORT_BY_TOWN:
	case REPORT_BY_ENTERPRISE:
		return sc->ents[ent].group;
	case REPORT_BY_DEPT:
		return group_of_key(sc, team_dept(sc, st, 5));
	default:
		return group_of_key(sc, col(st, 0));
	}
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
	if ((bits & (HZ_RECTIFIED | HZ_VERIFIED)) && repaired->n &&
	    strmap_find(repaired, col(hz, 6)))
		bits |= HZ_REPAIR_FILE;
	return bits;
}

/* Counts the hazards of the inspection on st's row (its id in column 5),
 * in group g: the hazards' cursor is moved past those of the inspections
 * before it, which the report does not cover. */
static void count_hazards(struct scan *sc, sqlite3_stmt *st, size_t g)
{
	sqlite3_stmt *hz = sc->hz_st;
	int c = -1;

	while (sc->hz_rc == SQLITE_ROW && (c = id_cmp(hz, 0, st, 5)) <= 0) {
		if (c == 0)
			report_acc_hazard(sc->a, g, sqlite3_column_int(hz, 1),
					  state_bits(hz, &sc->repaired), sqlite3_column_int(hz, 5));
		sc->hz_rc = sqlite3_step(hz);
	}
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
		uint32_t ent = ent_of(sc, col(st, 1));
		size_t g = row_group(sc, st, ent);

		report_acc_inspection(sc->a, g, ent, col(st, 2), col(st, 3), col(st, 4));
		count_hazards(sc, st, g);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || (sc->team_rc != SQLITE_ROW && sc->team_rc != SQLITE_DONE) ||
	    (sc->hz_rc != SQLITE_ROW && sc->hz_rc != SQLITE_DONE))
		return store_sqlerr(sc->s, err, "counting inspections");
	return 0;
}

/* The hazards with a file of their repair (REPAIR_FILE_SQL): few, kept as
 * keys of sc->repaired. */
static int repair_files(struct scan *sc, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc, added;

	if (store_prepare(sc->s, "SELECT DISTINCT a.record FROM attachments a WHERE "
			  REPAIR_FILE_SQL, &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*strmap_slot(&sc->repaired, col(st, 0), &added) = 1;
	sqlite3_finalize(st);
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

/* The cursors read beside the inspections: each one's hazards (in
 * inspection order through migration 12's index, which holds every column
 * read), and by department their teams; and the town look-up. */
static int prepare_cursors(struct scan *sc, struct fc_err *err)
{
	if (repair_files(sc, err) ||
	    store_prepare(sc->s, "SELECT s.inspection, s.major, s.state, s.notified,"
			  " s.supervised, s.open = 1 AND s.due < ?1, s.id"
			  " FROM hazard_state s INDEXED BY hazard_state_inspection"
			  " ORDER BY s.inspection", &sc->hz_st, err))
		return -1;
	store_bind(sc->hz_st, 1, sc->a->r->today);
	sc->hz_rc = sqlite3_step(sc->hz_st);
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
	sqlite3_finalize(sc->town_st);
	sqlite3_finalize(sc->team_st);
	sqlite3_finalize(sc->hz_st);
	strmap_release(&sc->ent_index);
	strmap_release(&sc->repaired);
	free(sc->ents);
}

int report_scan(struct fc_store *s, struct report_acc *a, const struct report_range *rg,
		struct fc_err *err)
{
	struct scan sc;
	int own = s->depth == 0, rc;

	memset(&sc, 0, sizeof sc);
	sc.s = s, sc.a = a, sc.rg = rg;
	sc.by = (size_t)a->r->by < ARRAY_SIZE(key_sql) ? a->r->by : REPORT_TOTAL;
	/* One snapshot for every read: a sync importing meanwhile cannot make
	 * the hazards disagree with their inspections. */
	if (own && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(s, err, "starting the report");
	sc.team_rc = sc.hz_rc = SQLITE_DONE;
	rc = prepare_cursors(&sc, err) || scan_inspections(&sc, err) ||
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
