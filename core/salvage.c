/* salvage.c - reading a damaged store with errors tolerated (see salvage.h). */
#include "salvage.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

/* The tables read from the damaged file, parents before children. */
static const char *const tables[] = {
	"meta", "people", "forms", "form_files", "enterprises", "inspections", "team", "answers",
	"amendments", "answer_conflicts", "hazards", "hazard_events", "outbox", "attachments",
	"documents",
};

static void note(struct salvage *sv, const char *fmt, ...) FC_PRINTF(2, 3);
static void note(struct salvage *sv, const char *fmt, ...)
{
	va_list ap;

	if (sv->n_notes == SALVAGE_MAX_NOTES) {
		sv->more_notes++;
		return;
	}
	va_start(ap, fmt);
	sv->notes[sv->n_notes++] = xstrvfmt(fmt, ap);
	va_end(ap);
}

void salvage_release(struct salvage *sv)
{
	size_t i;

	for (i = 0; i < sv->n_notes; i++)
		free(sv->notes[i]);
	memset(sv, 0, sizeof *sv);
}

static int exec(struct fc_store *s, const char *sql, const char *context, struct fc_err *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(s, err, context);
	return 0;
}

/* An empty temporary copy old_TABLE of `to`'s table. */
static int temp_table(struct fc_store *to, const char *table, struct fc_err *err)
{
	char *sql = xstrfmt("CREATE TEMP TABLE old_%s AS SELECT * FROM main.%s WHERE 0", table,
			    table);
	int rc = exec(to, sql, "preparing the salvage", err);

	free(sql);
	return rc;
}

static int has_table(sqlite3 *db, const char *table)
{
	return sqlite3_table_column_metadata(db, "main", table, NULL, NULL, NULL, NULL, NULL,
					     NULL) == SQLITE_OK;
}

/* The columns of `to`'s table as the damaged store can give them: a column
 * a later migration added is '' there (the default every such column has). */
static void old_columns(struct fc_store *to, sqlite3 *old, const char *table, struct strbuf *out)
{
	sqlite3_stmt *st;
	char *sql = xstrfmt("SELECT * FROM main.%s", table);
	struct fc_err ignore = { 0 };
	int i, n;

	if (store_prepare(to, sql, &st, &ignore) == 0) {
		n = sqlite3_column_count(st);
		for (i = 0; i < n; i++) {
			const char *c = sqlite3_column_name(st, i);
			if (sqlite3_table_column_metadata(old, "main", table, c, NULL, NULL, NULL,
							  NULL, NULL) == SQLITE_OK)
				strbuf_addf(out, "%s\"%s\"", i ? ", " : "", c);
			else
				strbuf_addf(out, "%s''", i ? ", " : "");
		}
		sqlite3_finalize(st);
	}
	free(sql);
}

/* Copies the rows of one table that can be read; stops at the first that
 * cannot (a damaged page), saying how far it got. */
static int read_table(struct fc_store *to, sqlite3 *old, const char *table, struct salvage *sv,
		      struct fc_err *err)
{
	sqlite3_stmt *in = NULL, *out = NULL;
	struct strbuf cols, marks;
	size_t rows = 0;
	char *sql;
	int i, n, rc = -1, step;

	strbuf_init(&cols);
	strbuf_init(&marks);
	if (temp_table(to, table, err))
		goto done;
	if (!old) { /* nothing to read: the table stays empty */
		rc = 0;
		goto done;
	}
	if (!has_table(old, table)) { /* a store from before the table */
		rc = 0;
		goto done;
	}
	old_columns(to, old, table, &cols);
	sql = xstrfmt("SELECT %s FROM main.%s", cols.buf, table);
	step = sqlite3_prepare_v2(old, sql, -1, &in, NULL);
	free(sql);
	if (step != SQLITE_OK) {
		note(sv, _("%s: could not be read at all (%s)"), table, sqlite3_errmsg(old));
		rc = 0;
		goto done;
	}
	n = sqlite3_column_count(in);
	for (i = 0; i < n; i++)
		strbuf_adds(&marks, i ? ", ?" : "?");
	sql = xstrfmt("INSERT INTO temp.old_%s VALUES (%s)", table, marks.buf);
	i = store_prepare(to, sql, &out, err);
	free(sql);
	if (i)
		goto done;
	while ((step = sqlite3_step(in)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			sqlite3_bind_value(out, i + 1, sqlite3_column_value(in, i));
		if (sqlite3_step(out) != SQLITE_DONE) {
			store_sqlerr(to, err, "keeping a row of the damaged store");
			goto done;
		}
		sqlite3_reset(out);
		rows++;
	}
	if (step != SQLITE_DONE)
		note(sv, _("%s: %zu row%s read, the rest could not be (%s)"), table, rows,
		     rows == 1 ? "" : "s", sqlite3_errmsg(old));
	sv->rows += rows;
	rc = 0;
done:
	sqlite3_finalize(in);
	sqlite3_finalize(out);
	strbuf_release(&cols);
	strbuf_release(&marks);
	return rc;
}

int salvage_read(struct fc_store *to, const char *damaged, struct salvage *sv,
		 struct fc_err *err)
{
	sqlite3 *old = NULL;
	size_t i;
	int rc = 0;

	/* Its schema read first: when that is what is damaged, nothing of the
	 * file can be read, said once rather than once per table. */
	if (sqlite3_open_v2(damaged, &old, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK || sqlite3_exec(old, "SELECT count(*) FROM sqlite_schema", NULL, NULL,
				      NULL) != SQLITE_OK) {
		note(sv, _("nothing: the damaged store could not be read at all (%s)"),
		     old ? sqlite3_errmsg(old) : "out of memory");
		sqlite3_close(old);
		old = NULL;
	}
	for (i = 0; rc == 0 && i < ARRAY_SIZE(tables); i++)
		rc = read_table(to, old, tables[i], sv, err);
	sqlite3_close(old);
	/* The identity and settings (not where the import stood: the new
	 * store's import decides that), the people and the forms drafts use. */
	if (rc == 0)
		rc = exec(to, "INSERT OR IGNORE INTO main.meta SELECT * FROM temp.old_meta"
			  "  WHERE key <> 'sync.imported_tree';"
			  "INSERT OR IGNORE INTO main.people SELECT * FROM temp.old_people;"
			  "INSERT OR IGNORE INTO main.forms SELECT * FROM temp.old_forms;"
			  "INSERT OR IGNORE INTO main.form_files SELECT * FROM temp.old_form_files"
			  "  WHERE (form_id, version) IN (SELECT id, version FROM main.forms);",
			  "keeping the workspace's settings", err);
	return rc;
}

/* What to restore: every record of the damaged outbox, and every record
 * the damaged store has that the rebuilt one lacks; parents first. */
static const char restore_list[] =
	"SELECT kind, id FROM ("
	"  SELECT kind, id FROM temp.old_outbox"
	"  UNION SELECT 'enterprise', code FROM temp.old_enterprises"
	"    WHERE code NOT IN (SELECT code FROM main.enterprises)"
	"  UNION SELECT 'inspection', id FROM temp.old_inspections"
	"    WHERE id NOT IN (SELECT id FROM main.inspections)"
	"  UNION SELECT 'hazard', id FROM temp.old_hazards"
	"    WHERE id NOT IN (SELECT id FROM main.hazards))"
	" ORDER BY CASE kind WHEN 'enterprise' THEN 0 WHEN 'inspection' THEN 1 ELSE 2 END, id";

static const char *const restore_enterprise[] = {
	"INSERT INTO main.enterprises SELECT * FROM temp.old_enterprises WHERE code = ?1"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name, town = excluded.town,"
	" industry = excluded.industry, address = excluded.address,"
	" changed_at = excluded.changed_at",
	NULL,
};

/* Amendments and events are appended, each once, after what is there:
 * the replica may hold others' under the same numbers. */
#define APPEND_AMENDMENTS \
	"INSERT INTO main.amendments(inspection, seq, item, value, note, reason, by, at)" \
	" SELECT o.inspection, (SELECT coalesce(max(seq), 0) FROM main.amendments" \
	"   WHERE inspection = ?1) + row_number() OVER (ORDER BY o.seq)," \
	" o.item, o.value, o.note, o.reason, o.by, o.at FROM temp.old_amendments o" \
	" WHERE o.inspection = ?1 AND NOT EXISTS (SELECT 1 FROM main.amendments m" \
	"   WHERE m.inspection = o.inspection AND m.item = o.item AND m.value = o.value" \
	"   AND m.note = o.note AND m.reason = o.reason AND m.by = o.by AND m.at = o.at)"

/* Files are a union (docs/FORMAT.md): the lines the rebuilt store lacks,
 * and a draft's withdrawals it lacks. */
#define ADD_FILES(kind) \
	"INSERT INTO main.attachments SELECT * FROM temp.old_attachments" \
	" WHERE kind = '" kind "' AND record = ?1" \
	" ON CONFLICT(kind, record, to_, sha256) DO NOTHING"
#define ADD_WITHDRAWALS \
	"UPDATE main.attachments SET withdrawn = o.withdrawn FROM temp.old_attachments o" \
	" WHERE main.attachments.kind = 'inspection' AND main.attachments.record = ?1" \
	" AND o.kind = 'inspection' AND o.record = ?1 AND o.to_ = main.attachments.to_" \
	" AND o.sha256 = main.attachments.sha256 AND main.attachments.withdrawn = ''" \
	" AND o.withdrawn <> ''"

/* Numbers given are a union too, and never given again: every number the
 * damaged store gave this inspection (core/docnum_store.h). */
#define ADD_DOCUMENTS \
	"INSERT INTO main.documents SELECT * FROM temp.old_documents WHERE inspection = ?1" \
	" ON CONFLICT DO NOTHING"

/* A draft (or one the replica lacks) is taken whole from the damaged
 * store: its row as a draft, its team, answers and clashes replaced, its
 * amendments appended, then its status (finalizing last: a finalized
 * inspection takes no more answers). */
static const char *const restore_draft[] = {
	"INSERT INTO main.inspections(id, form_id, form_version, enterprise, type, status,"
	" location, created_at, created_by, finalized_at, changed_at, geo, geo_source,"
	" resp_name, resp_title, resp_phone, findings, opinion)"
	" SELECT id, form_id, form_version, enterprise, type,"
	" 'draft', location, created_at, created_by, '', changed_at, geo, geo_source,"
	" resp_name, resp_title, resp_phone, findings, opinion"
	" FROM temp.old_inspections WHERE id = ?1"
	" ON CONFLICT(id) DO UPDATE SET form_id = excluded.form_id,"
	" form_version = excluded.form_version, enterprise = excluded.enterprise,"
	" type = excluded.type, location = excluded.location, created_at = excluded.created_at,"
	" created_by = excluded.created_by, changed_at = excluded.changed_at,"
	" geo = excluded.geo, geo_source = excluded.geo_source, resp_name = excluded.resp_name,"
	" resp_title = excluded.resp_title, resp_phone = excluded.resp_phone,"
	" findings = excluded.findings, opinion = excluded.opinion",
	"DELETE FROM main.team WHERE inspection = ?1",
	"DELETE FROM main.answers WHERE inspection = ?1",
	"DELETE FROM main.answer_conflicts WHERE inspection = ?1",
	"INSERT INTO main.team SELECT * FROM temp.old_team WHERE inspection = ?1",
	"INSERT INTO main.answers SELECT * FROM temp.old_answers WHERE inspection = ?1",
	"INSERT INTO main.answer_conflicts SELECT * FROM temp.old_answer_conflicts"
	" WHERE inspection = ?1",
	APPEND_AMENDMENTS,
	ADD_FILES("inspection"),
	ADD_WITHDRAWALS,
	"UPDATE main.inspections SET status = o.status, finalized_at = o.finalized_at"
	" FROM (SELECT status, finalized_at FROM temp.old_inspections WHERE id = ?1) AS o"
	" WHERE id = ?1",
	ADD_DOCUMENTS,
	NULL,
};

/* A finalized inspection of the replica is evidence: only amendments,
 * files and numbers. */
static const char *const restore_final[] = { APPEND_AMENDMENTS, ADD_FILES("inspection"),
					     ADD_DOCUMENTS, NULL };

static const char *const restore_hazard[] = {
	"INSERT INTO main.hazards SELECT * FROM temp.old_hazards WHERE id = ?1"
	" ON CONFLICT(id) DO UPDATE SET inspection = excluded.inspection, item = excluded.item,"
	" severity = excluded.severity, description = excluded.description,"
	" deadline = excluded.deadline, changed_at = excluded.changed_at",
	"INSERT INTO main.hazard_events(hazard, seq, kind, at, by, by_name, date, note)"
	" SELECT o.hazard, (SELECT coalesce(max(seq), 0) FROM main.hazard_events"
	"   WHERE hazard = ?1) + row_number() OVER (ORDER BY o.seq),"
	" o.kind, o.at, o.by, o.by_name, o.date, o.note FROM temp.old_hazard_events o"
	" WHERE o.hazard = ?1 AND NOT EXISTS (SELECT 1 FROM main.hazard_events m"
	"   WHERE m.hazard = o.hazard AND m.kind = o.kind AND m.at = o.at AND m.by = o.by"
	"   AND m.date = o.date AND m.note = o.note)",
	ADD_FILES("hazard"),
	NULL,
};

/* 1 when the query with ?1 = id returns a row, 0 when not, -1 on error. */
static int exists(struct fc_store *s, const char *sql, const char *id, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, sql, &st, err))
		return -1;
	store_bind(st, 1, id);
	return store_has_row(s, st, "salvaging", err);
}

static int run_all(struct fc_store *s, const char *const *sql, const char *id,
		   struct fc_err *err)
{
	sqlite3_stmt *st;

	for (; *sql; sql++) {
		if (store_cached(s, *sql, &st, err))
			return -1;
		store_bind(st, 1, id);
		if (store_run(s, st, "restoring a record", err))
			return -1;
	}
	return 0;
}

/* The statements that restore one record; NULL with a note when there is
 * nothing to restore it from. */
static const char *const *plan(struct fc_store *s, const char *kind, const char *id,
			       struct salvage *sv, struct fc_err *err)
{
	int found;

	if (!strcmp(kind, "enterprise"))
		found = exists(s, "SELECT 1 FROM temp.old_enterprises WHERE code = ?1", id, err);
	else if (!strcmp(kind, "hazard"))
		found = exists(s, "SELECT 1 FROM temp.old_hazards WHERE id = ?1", id, err);
	else
		found = exists(s, "SELECT 1 FROM temp.old_inspections WHERE id = ?1", id, err);
	if (found < 0)
		return NULL;
	if (!found) {
		note(sv, _("%s %s: changed since the last sync, but its record could not be read%s"),
		     kind, id, strcmp(kind, "hazard") ? "" : " (or its draft withdrew it)");
		return NULL;
	}
	if (!strcmp(kind, "enterprise"))
		return restore_enterprise;
	if (!strcmp(kind, "hazard"))
		return restore_hazard;
	found = exists(s, "SELECT 1 FROM main.inspections WHERE id = ?1 AND status = 'final'",
		       id, err);
	return found < 0 ? NULL : found ? restore_final : restore_draft;
}

static void restore_one(struct fc_store *s, const char *kind, const char *id,
			struct salvage *sv)
{
	struct fc_err why = { 0 };
	const char *const *sql;

	if (store_begin(s, &why)) {
		note(sv, "%s %s: %s", kind, id, why.msg);
		return;
	}
	sql = plan(s, kind, id, sv, &why);
	if (sql && run_all(s, sql, id, &why) == 0 && store_commit(s, &why) == 0) {
		sv->restored[!strcmp(kind, "enterprise") ? 0 : !strcmp(kind, "inspection") ? 1 : 2]++;
		return;
	}
	store_rollback(s);
	if (why.msg[0])
		note(sv, _("%s %s could not be restored: %s"), kind, id, why.msg);
}

int salvage_restore(struct fc_store *to, struct salvage *sv, struct fc_err *err)
{
	sqlite3_stmt *st;
	char **ids = NULL, **kinds = NULL;
	size_t alloc_ids = 0, alloc_kinds = 0;
	size_t n = 0, i;
	int rc;

	/* Listed first, restored after: the restoring writes the tables the
	 * list reads. */
	if (store_prepare(to, restore_list, &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(kinds, n + 1, alloc_kinds);
		ALLOC_GROW(ids, n + 1, alloc_ids);
		kinds[n] = store_col_dup(st, 0);
		ids[n++] = store_col_dup(st, 1);
	}
	rc = rc == SQLITE_DONE ? 0 : store_sqlerr(to, err, "listing what to salvage");
	sqlite3_finalize(st);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			restore_one(to, kinds[i], ids[i], sv);
		free(kinds[i]);
		free(ids[i]);
	}
	free(kinds);
	free(ids);
	return rc;
}

char *salvage_aside_name(const char *path, struct fc_err *err)
{
	char stamp[32];
	struct tm tm;
	time_t now = time(NULL);
	int k;

	if (!gmtime_r(&now, &tm) || !strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm)) {
		fc_failk(err, FC_EIO, _("cannot read the clock"));
		return NULL;
	}
	for (k = 1; k < 100; k++) {
		struct stat st;
		char *name = k == 1 ? xstrfmt("%s.damaged-%s", path, stamp)
				    : xstrfmt("%s.damaged-%s-%d", path, stamp, k);
		if (lstat(name, &st) != 0)
			return name;
		free(name);
	}
	fc_failk(err, FC_EIO, _("too many damaged copies of %s set aside already"), path);
	return NULL;
}

static int link_if_there(const char *from, const char *to, struct fc_err *err)
{
	if (link(from, to) == 0 || errno == ENOENT)
		return 0;
	return fc_failk(err, FC_EIO, _("cannot set %s aside as %s: %s"), from, to, strerror(errno));
}

int salvage_set_aside(const char *path, char **aside, struct fc_err *err)
{
	char *name = salvage_aside_name(path, err), *from, *to;
	int rc;

	if (!name)
		return -1;
	rc = link_if_there(path, name, err);
	from = xstrfmt("%s-wal", path);
	to = xstrfmt("%s-wal", name);
	if (rc == 0)
		rc = link_if_there(from, to, err);
	free(from);
	free(to);
	if (rc) {
		free(name);
		return -1;
	}
	*aside = name;
	return 0;
}

int salvage_swap(const char *path, const char *new_path, struct fc_err *err)
{
	char *wal = xstrfmt("%s-wal", path), *shm = xstrfmt("%s-shm", path);
	int rc = 0;

	if ((unlink(wal) && errno != ENOENT) || (unlink(shm) && errno != ENOENT) ||
	    rename(new_path, path))
		rc = fc_failk(err, FC_EIO, _("cannot put the rebuilt store in place of %s: %s"),
			      path, strerror(errno));
	free(wal);
	free(shm);
	return rc;
}
