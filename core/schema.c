/* schema.c - the store's schema, as a list of migrations.
 *
 * migrations[k] brings a store from version k to k+1; PRAGMA user_version
 * holds the version.  Each migration runs in its own transaction together
 * with the version bump, so a crash leaves the store at one version or the
 * next, never between.  Never edit a migration that has shipped: add one.
 *
 * Rules the model depends on are enforced here too, by triggers, so that no
 * code path (a bug, a future import) can rewrite evidence: a finalized
 * inspection and its answers do not change, and hazard events are
 * append-only.  A hazard's state and whether it is overdue are derived from
 * its events (hazard_view), never stored.
 */
#include <stdio.h>

#include "store_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

/* A trigger that notes record KIND with id ID_EXPR as changed: the counter
 * gives each change a sequence number, so a sync can tell what changed
 * while it was writing.  (Delete then insert: an INSERT OR REPLACE here
 * would take the conflict policy of an outer upsert and fail.) */
#define OUTBOX_BODY_OF(kind_expr, id_expr) \
	" BEGIN" \
	"  UPDATE counters SET value = value + 1 WHERE name = 'outbox';" \
	"  DELETE FROM outbox WHERE kind = " kind_expr " AND id = " id_expr ";" \
	"  INSERT INTO outbox(kind, id, seq) VALUES (" kind_expr ", " id_expr "," \
	"    (SELECT value FROM counters WHERE name = 'outbox')); END;"
#define OUTBOX_BODY(kind, id_expr) OUTBOX_BODY_OF("'" kind "'", id_expr)
#define OUTBOX(name, event, table, kind, id_expr) \
	"CREATE TRIGGER " name " AFTER " event " ON " table OUTBOX_BODY(kind, id_expr)

/* The same trigger made silent while the store imports from the replica
 * (migration 6): what an import writes is in the replica already, so noting
 * it only to forget it after was waste (14 outbox writes per inspection).
 * The flag is a row of `importing` that the import adds and removes inside
 * its own transaction: a crash or a failure rolls it back with the rest,
 * and no other writer ever sees it.  Plain SQL, so the sqlite3 shell can
 * still write the store. */
#define OUTBOX_UNLESS_IMPORTING(name, event, table, kind, id_expr) \
	"DROP TRIGGER " name ";" \
	"CREATE TRIGGER " name " AFTER " event " ON " table \
	"  WHEN NOT EXISTS (SELECT 1 FROM importing)" OUTBOX_BODY(kind, id_expr)

/* The same for a table made after migration 6. */
#define OUTBOX_UNLESS_IMPORTING_NEW(name, event, table, kind, id_expr) \
	"CREATE TRIGGER " name " AFTER " event " ON " table \
	"  WHEN NOT EXISTS (SELECT 1 FROM importing)" OUTBOX_BODY(kind, id_expr)

/* Writes hazard_view's row of the hazards WHERE selects into hazard_state
 * (migration 10): open is "not yet rectified" (open or notified); notified
 * whether a notice was ever issued (the report counts it). */
#define HAZARD_STATE_OF(where) \
	"INSERT INTO hazard_state(id, inspection, enterprise, found_at, major, open, state," \
	"  due, supervised, notified) SELECT v.id, v.inspection, v.enterprise, v.found_at," \
	"  v.severity = 'major', v.state IN ('open', 'notified'), v.state, v.due, v.supervised," \
	"  EXISTS (SELECT 1 FROM hazard_events n WHERE n.hazard = v.id AND n.kind = 'notice')" \
	"  FROM hazard_view v WHERE " where ";"

static const char *const migrations[] = {
	/* 0 -> 1: identity and enterprises */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE people(badge TEXT PRIMARY KEY, name TEXT NOT NULL, dept TEXT NOT NULL)"
	"  WITHOUT ROWID;"
	"CREATE TABLE enterprises("
	"  code TEXT PRIMARY KEY CHECK (length(code) = 18),"
	"  name TEXT NOT NULL, town TEXT NOT NULL DEFAULT '', industry TEXT NOT NULL DEFAULT '',"
	"  address TEXT NOT NULL DEFAULT '', changed_at TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX enterprises_name ON enterprises(name);",

	/* 1 -> 2: inspections, their teams, answers and amendments */
	"CREATE TABLE inspections("
	"  id TEXT PRIMARY KEY, form_id TEXT NOT NULL, form_version INTEGER NOT NULL,"
	"  enterprise TEXT NOT NULL REFERENCES enterprises(code),"
	"  type TEXT NOT NULL CHECK (type IN ('routine','unannounced','joint','recheck')),"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),"
	"  location TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
	"  finalized_at TEXT NOT NULL DEFAULT '', changed_at TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX inspections_enterprise ON inspections(enterprise);"
	"CREATE INDEX inspections_created ON inspections(created_at);"
	"CREATE INDEX inspections_status ON inspections(status);"
	"CREATE TABLE team("
	"  inspection TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, badge TEXT NOT NULL, name TEXT NOT NULL, dept TEXT NOT NULL,"
	"  PRIMARY KEY (inspection, seq), UNIQUE (inspection, badge)) WITHOUT ROWID;"
	"CREATE TABLE answers("
	"  inspection TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,"
	"  item TEXT NOT NULL, value TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
	"  by TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (inspection, item)) WITHOUT ROWID;"
	"CREATE TABLE amendments("
	"  inspection TEXT NOT NULL REFERENCES inspections(id),"
	"  seq INTEGER NOT NULL, item TEXT NOT NULL, value TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL,"
	"  PRIMARY KEY (inspection, seq)) WITHOUT ROWID;"
	"CREATE TRIGGER inspections_final_locked BEFORE UPDATE OF id, form_id, form_version,"
	"  enterprise, type, status, location, created_at, created_by, finalized_at ON inspections"
	"  WHEN OLD.status = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER inspections_final_kept BEFORE DELETE ON inspections"
	"  WHEN OLD.status = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER answers_final_insert BEFORE INSERT ON answers"
	"  WHEN (SELECT status FROM inspections WHERE id = NEW.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER answers_final_update BEFORE UPDATE ON answers"
	"  WHEN (SELECT status FROM inspections WHERE id = OLD.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER answers_final_delete BEFORE DELETE ON answers"
	"  WHEN (SELECT status FROM inspections WHERE id = OLD.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER team_final_insert BEFORE INSERT ON team"
	"  WHEN (SELECT status FROM inspections WHERE id = NEW.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER team_final_change BEFORE UPDATE ON team"
	"  WHEN (SELECT status FROM inspections WHERE id = OLD.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER team_final_delete BEFORE DELETE ON team"
	"  WHEN (SELECT status FROM inspections WHERE id = OLD.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TRIGGER amendments_append_only BEFORE UPDATE ON amendments"
	"  BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;"
	"CREATE TRIGGER amendments_kept BEFORE DELETE ON amendments"
	"  BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;",

	/* 2 -> 3: hazards and their event logs */
	"CREATE TABLE hazards("
	"  id TEXT PRIMARY KEY, inspection TEXT NOT NULL REFERENCES inspections(id),"
	"  item TEXT NOT NULL DEFAULT '',"
	"  severity TEXT NOT NULL CHECK (severity IN ('general','major')),"
	"  description TEXT NOT NULL, deadline TEXT NOT NULL, changed_at TEXT NOT NULL)"
	"  WITHOUT ROWID;"
	"CREATE INDEX hazards_inspection ON hazards(inspection);"
	"CREATE TABLE hazard_events("
	"  hazard TEXT NOT NULL REFERENCES hazards(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('found','notice','rectified','verified','extend',"
	"    'supervise','comment')),"
	"  at TEXT NOT NULL, by TEXT NOT NULL, by_name TEXT NOT NULL,"
	"  date TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (hazard, seq)) WITHOUT ROWID;"
	"CREATE INDEX hazard_events_kind ON hazard_events(kind, hazard);"
	"CREATE TRIGGER hazard_events_append_only BEFORE UPDATE ON hazard_events"
	"  BEGIN SELECT RAISE(ABORT, 'hazard events are append-only'); END;"
	/* A hazard of a draft may be withdrawn (its item answered again);
	 * one of a finalized inspection is evidence and stays. */
	"CREATE TRIGGER hazard_events_kept BEFORE DELETE ON hazard_events"
	"  WHEN (SELECT i.status FROM hazards h JOIN inspections i ON i.id = h.inspection"
	"        WHERE h.id = OLD.hazard) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'hazard events are append-only'); END;"
	"CREATE TRIGGER hazards_kept BEFORE DELETE ON hazards"
	"  WHEN (SELECT status FROM inspections WHERE id = OLD.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'the hazard belongs to a finalized inspection'); END;"
	"CREATE VIEW hazard_view AS SELECT h.id, h.inspection, h.item, h.severity,"
	"  h.description, h.deadline, i.enterprise, i.created_at AS found_at,"
	/* the last event (in record order: time, kind, author, date, note) that set a date */
	"  COALESCE((SELECT e.date FROM hazard_events e WHERE e.hazard = h.id AND"
	"    e.date <> '' ORDER BY e.at DESC, CASE e.kind WHEN 'notice' THEN 1 ELSE 4 END DESC,"
	"    e.by DESC, e.date DESC, e.note DESC LIMIT 1), h.deadline) AS due,"
	"  CASE WHEN EXISTS (SELECT 1 FROM hazard_events e WHERE e.hazard = h.id AND"
	"      e.kind = 'verified') THEN 'closed'"
	"    WHEN EXISTS (SELECT 1 FROM hazard_events e WHERE e.hazard = h.id AND"
	"      e.kind = 'rectified') THEN 'rectified'"
	"    WHEN EXISTS (SELECT 1 FROM hazard_events e WHERE e.hazard = h.id AND"
	"      e.kind = 'notice') THEN 'notified'"
	"    ELSE 'open' END AS state,"
	"  EXISTS (SELECT 1 FROM hazard_events e WHERE e.hazard = h.id AND"
	"    e.kind = 'supervise') AS supervised"
	"  FROM hazards h JOIN inspections i ON i.id = h.inspection;",

	/* 3 -> 4: the exact form definitions inspections were filled with, so a
	 * record always reads with its own form, whatever is installed later. */
	"CREATE TABLE forms("
	"  id TEXT NOT NULL, version INTEGER NOT NULL,"
	"  survey TEXT NOT NULL, choices TEXT NOT NULL, settings TEXT NOT NULL,"
	"  PRIMARY KEY (id, version)) WITHOUT ROWID;"
	"CREATE TRIGGER forms_kept BEFORE UPDATE ON forms"
	"  BEGIN SELECT RAISE(ABORT, 'a stored form version never changes'); END;",

	/* 4 -> 5: clashing answers kept for a person to choose, and the outbox:
	 * which records changed since they were last written to the replica.
	 * Triggers fill the outbox, so no code path can change a record
	 * without it being synced. */
	"CREATE TABLE answer_conflicts("
	"  inspection TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,"
	"  item TEXT NOT NULL, value TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
	"  by TEXT NOT NULL, at TEXT NOT NULL,"
	"  PRIMARY KEY (inspection, item, at, by, value, note)) WITHOUT ROWID;"
	"CREATE TRIGGER answer_conflicts_final BEFORE INSERT ON answer_conflicts"
	"  WHEN (SELECT status FROM inspections WHERE id = NEW.inspection) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO counters VALUES ('outbox', 0);"
	"CREATE TABLE outbox(kind TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, id)) WITHOUT ROWID;"
	OUTBOX("enterprises_out_i", "INSERT", "enterprises", "enterprise", "NEW.code")
	OUTBOX("enterprises_out_u", "UPDATE", "enterprises", "enterprise", "NEW.code")
	OUTBOX("inspections_out_i", "INSERT", "inspections", "inspection", "NEW.id")
	OUTBOX("inspections_out_u", "UPDATE", "inspections", "inspection", "NEW.id")
	OUTBOX("team_out_i", "INSERT", "team", "inspection", "NEW.inspection")
	OUTBOX("team_out_d", "DELETE", "team", "inspection", "OLD.inspection")
	OUTBOX("answers_out_i", "INSERT", "answers", "inspection", "NEW.inspection")
	OUTBOX("answers_out_u", "UPDATE", "answers", "inspection", "NEW.inspection")
	OUTBOX("answers_out_d", "DELETE", "answers", "inspection", "OLD.inspection")
	OUTBOX("conflicts_out_i", "INSERT", "answer_conflicts", "inspection", "NEW.inspection")
	OUTBOX("conflicts_out_d", "DELETE", "answer_conflicts", "inspection", "OLD.inspection")
	OUTBOX("amendments_out_i", "INSERT", "amendments", "inspection", "NEW.inspection")
	OUTBOX("hazards_out_i", "INSERT", "hazards", "hazard", "NEW.id")
	OUTBOX("hazards_out_u", "UPDATE", "hazards", "hazard", "NEW.id")
	OUTBOX("hazards_out_d", "DELETE", "hazards", "hazard", "OLD.id")
	OUTBOX("events_out_i", "INSERT", "hazard_events", "hazard", "NEW.hazard"),

	/* 5 -> 6: the outbox triggers stay silent during an import (see
	 * OUTBOX_UNLESS_IMPORTING); `importing` is empty outside one. */
	"CREATE TABLE importing(id INTEGER PRIMARY KEY CHECK (id = 1));"
	OUTBOX_UNLESS_IMPORTING("enterprises_out_i", "INSERT", "enterprises", "enterprise", "NEW.code")
	OUTBOX_UNLESS_IMPORTING("enterprises_out_u", "UPDATE", "enterprises", "enterprise", "NEW.code")
	OUTBOX_UNLESS_IMPORTING("inspections_out_i", "INSERT", "inspections", "inspection", "NEW.id")
	OUTBOX_UNLESS_IMPORTING("inspections_out_u", "UPDATE", "inspections", "inspection", "NEW.id")
	OUTBOX_UNLESS_IMPORTING("team_out_i", "INSERT", "team", "inspection", "NEW.inspection")
	OUTBOX_UNLESS_IMPORTING("team_out_d", "DELETE", "team", "inspection", "OLD.inspection")
	OUTBOX_UNLESS_IMPORTING("answers_out_i", "INSERT", "answers", "inspection", "NEW.inspection")
	OUTBOX_UNLESS_IMPORTING("answers_out_u", "UPDATE", "answers", "inspection", "NEW.inspection")
	OUTBOX_UNLESS_IMPORTING("answers_out_d", "DELETE", "answers", "inspection", "OLD.inspection")
	OUTBOX_UNLESS_IMPORTING("conflicts_out_i", "INSERT", "answer_conflicts", "inspection",
				"NEW.inspection")
	OUTBOX_UNLESS_IMPORTING("conflicts_out_d", "DELETE", "answer_conflicts", "inspection",
				"OLD.inspection")
	OUTBOX_UNLESS_IMPORTING("amendments_out_i", "INSERT", "amendments", "inspection",
				"NEW.inspection")
	OUTBOX_UNLESS_IMPORTING("hazards_out_i", "INSERT", "hazards", "hazard", "NEW.id")
	OUTBOX_UNLESS_IMPORTING("hazards_out_u", "UPDATE", "hazards", "hazard", "NEW.id")
	OUTBOX_UNLESS_IMPORTING("hazards_out_d", "DELETE", "hazards", "hazard", "OLD.id")
	OUTBOX_UNLESS_IMPORTING("events_out_i", "INSERT", "hazard_events", "hazard", "NEW.hazard"),

	/* 6 -> 7: format 2 (docs/FORMAT.md): an inspection's position, and the
	 * files that document inspections, their items, hazards and events.
	 * A line is never rewritten: only a draft's file is withdrawn, once;
	 * lines go only with a draft's hazard. */
	"ALTER TABLE inspections ADD COLUMN geo TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE inspections ADD COLUMN geo_source TEXT NOT NULL DEFAULT '';"
	"CREATE TRIGGER inspections_final_geo BEFORE UPDATE OF geo, geo_source ON inspections"
	"  WHEN OLD.status = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TABLE attachments("
	"  kind TEXT NOT NULL CHECK (kind IN ('inspection','hazard')), record TEXT NOT NULL,"
	"  to_ TEXT NOT NULL, sha256 TEXT NOT NULL, blob TEXT NOT NULL, size INTEGER NOT NULL,"
	"  type TEXT NOT NULL, name TEXT NOT NULL, taken TEXT NOT NULL, geo TEXT NOT NULL,"
	"  by TEXT NOT NULL, at TEXT NOT NULL, withdrawn TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (kind, record, to_, sha256)) WITHOUT ROWID;"
	"CREATE INDEX attachments_file ON attachments(sha256);"
	"CREATE TRIGGER attachments_kept_lines BEFORE UPDATE OF kind, record, to_, sha256, blob,"
	"  size, type, name, taken, geo, by, at ON attachments"
	"  BEGIN SELECT RAISE(ABORT, 'an attachment is never rewritten'); END;"
	"CREATE TRIGGER attachments_withdrawn_once BEFORE UPDATE OF withdrawn ON attachments"
	"  WHEN OLD.withdrawn <> '' OR OLD.kind <> 'inspection' OR"
	"    (SELECT status FROM inspections WHERE id = OLD.record) = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'only a draft''s file is withdrawn, once'); END;"
	"CREATE TRIGGER attachments_kept BEFORE DELETE ON attachments"
	"  WHEN (OLD.kind = 'inspection' AND"
	"        (SELECT status FROM inspections WHERE id = OLD.record) = 'final') OR"
	"    (OLD.kind = 'hazard' AND EXISTS (SELECT 1 FROM hazards WHERE id = OLD.record))"
	"  BEGIN SELECT RAISE(ABORT, 'attached files are evidence and stay'); END;"
	"CREATE TRIGGER hazards_files_go AFTER DELETE ON hazards"
	"  BEGIN DELETE FROM attachments WHERE kind = 'hazard' AND record = OLD.id; END;"
	"CREATE TRIGGER attachments_out_i AFTER INSERT ON attachments"
	"  WHEN NOT EXISTS (SELECT 1 FROM importing)" OUTBOX_BODY_OF("NEW.kind", "NEW.record")
	"CREATE TRIGGER attachments_out_u AFTER UPDATE ON attachments"
	"  WHEN NOT EXISTS (SELECT 1 FROM importing)" OUTBOX_BODY_OF("NEW.kind", "NEW.record"),

	/* 7 -> 8: the CSV files a form's selects read their choices from
	 * (select_one_from_file), part of the kept form and as unchangeable. */
	"CREATE TABLE form_files("
	"  form_id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
	"  text TEXT NOT NULL, PRIMARY KEY (form_id, version, name),"
	"  FOREIGN KEY (form_id, version) REFERENCES forms(id, version)) WITHOUT ROWID;"
	"CREATE TRIGGER form_files_kept BEFORE UPDATE ON form_files"
	"  BEGIN SELECT RAISE(ABORT, 'a stored form version never changes'); END;",

	/* 8 -> 9: the inspected unit's responsible person, the findings and the
	 * opinion (as locked as the rest once final); the numbered documents an
	 * inspection was issued, never rewritten or removed, only on a final
	 * inspection, part of its record; and the blocks of numbers claimed on
	 * the central (docs/ARCHITECTURE.md, "Document numbers").  A serial is
	 * given once per authority, kind and year: the unique index says so
	 * whatever code path writes. */
	"ALTER TABLE inspections ADD COLUMN resp_name TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE inspections ADD COLUMN resp_title TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE inspections ADD COLUMN resp_phone TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE inspections ADD COLUMN findings TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE inspections ADD COLUMN opinion TEXT NOT NULL DEFAULT '';"
	"CREATE TRIGGER inspections_final_people BEFORE UPDATE OF resp_name, resp_title,"
	"  resp_phone, findings, opinion ON inspections WHEN OLD.status = 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'inspection is finalized'); END;"
	"CREATE TABLE documents("
	"  inspection TEXT NOT NULL REFERENCES inspections(id), kind TEXT NOT NULL,"
	"  authority TEXT NOT NULL, year INTEGER NOT NULL, serial INTEGER NOT NULL,"
	"  by TEXT NOT NULL, at TEXT NOT NULL,"
	"  PRIMARY KEY (kind, authority, year, serial)) WITHOUT ROWID;"
	"CREATE INDEX documents_inspection ON documents(inspection);"
	"CREATE TRIGGER documents_final BEFORE INSERT ON documents"
	"  WHEN (SELECT status FROM inspections WHERE id = NEW.inspection) IS NOT 'final'"
	"  BEGIN SELECT RAISE(ABORT, 'only a final inspection''s documents are numbered'); END;"
	"CREATE TRIGGER documents_kept BEFORE UPDATE ON documents"
	"  BEGIN SELECT RAISE(ABORT, 'a document''s number is never rewritten'); END;"
	"CREATE TRIGGER documents_kept_d BEFORE DELETE ON documents"
	"  BEGIN SELECT RAISE(ABORT, 'a document''s number is never removed'); END;"
	OUTBOX_UNLESS_IMPORTING_NEW("documents_out_i", "INSERT", "documents", "inspection",
				    "NEW.inspection")
	"CREATE TABLE number_blocks("
	"  authority TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL,"
	"  start INTEGER NOT NULL, count INTEGER NOT NULL, badge TEXT NOT NULL,"
	"  device TEXT NOT NULL, at TEXT NOT NULL,"
	"  PRIMARY KEY (authority, kind, year, start)) WITHOUT ROWID;",

	/* 9 -> 10: listings paged in the store (core/listing.h).  hazard_state
	 * keeps hazard_view's row of each hazard (its enterprise, severity,
	 * state, deadline in force, supervision, when its inspection was made),
	 * keyed in the hazards' order (major, open, due, id), so a page of
	 * hazards is a range of that table (core/listing_haz.c) instead of the
	 * view computed for every hazard.  Triggers write it from the
	 * view itself on every change of a hazard, of its events (but for those
	 * that change neither state nor date: a dateless 'found' or comment) or
	 * of its inspection's enterprise or time, so it says exactly what the view
	 * says; overdue depends on the day asked and stays derived (open and
	 * due before today).  The inspections' indexes follow the listings'
	 * order, newest first and then id (created_at DESC, id). */
	"CREATE TABLE hazard_state("
	"  major INTEGER NOT NULL, open INTEGER NOT NULL, due TEXT NOT NULL, id TEXT NOT NULL,"
	"  inspection TEXT NOT NULL, enterprise TEXT NOT NULL, found_at TEXT NOT NULL,"
	"  state TEXT NOT NULL, supervised INTEGER NOT NULL, notified INTEGER NOT NULL,"
	"  PRIMARY KEY (major, open, due, id)) WITHOUT ROWID;"
	HAZARD_STATE_OF("1")
	"CREATE UNIQUE INDEX hazard_state_id ON hazard_state(id);"
	"CREATE INDEX hazard_state_enterprise ON hazard_state(enterprise, major, open, due);"
	"CREATE INDEX hazard_state_inspection ON hazard_state(inspection, major, open, due);"
	"CREATE TRIGGER hazard_state_i AFTER INSERT ON hazards BEGIN"
	"  DELETE FROM hazard_state WHERE id = NEW.id;" HAZARD_STATE_OF("v.id = NEW.id") "END;"
	"CREATE TRIGGER hazard_state_u AFTER UPDATE ON hazards BEGIN"
	"  DELETE FROM hazard_state WHERE id IN (OLD.id, NEW.id);"
	HAZARD_STATE_OF("v.id = NEW.id") "END;"
	"CREATE TRIGGER hazard_state_d AFTER DELETE ON hazards BEGIN"
	"  DELETE FROM hazard_state WHERE id = OLD.id; END;"
	"CREATE TRIGGER hazard_state_ei AFTER INSERT ON hazard_events"
	"  WHEN NEW.kind NOT IN ('found', 'comment') OR NEW.date <> '' BEGIN"
	"  DELETE FROM hazard_state WHERE id = NEW.hazard;"
	HAZARD_STATE_OF("v.id = NEW.hazard") "END;"
	"CREATE TRIGGER hazard_state_ed AFTER DELETE ON hazard_events BEGIN"
	"  DELETE FROM hazard_state WHERE id = OLD.hazard;"
	HAZARD_STATE_OF("v.id = OLD.hazard") "END;"
	"CREATE TRIGGER hazard_state_inspection AFTER UPDATE OF enterprise, created_at"
	"  ON inspections WHEN OLD.enterprise <> NEW.enterprise OR"
	"  OLD.created_at <> NEW.created_at BEGIN"
	"  UPDATE hazard_state SET enterprise = NEW.enterprise, found_at = NEW.created_at"
	"  WHERE inspection = NEW.id; END;"
	"DROP INDEX inspections_status;"
	"DROP INDEX inspections_created;"
	"CREATE INDEX inspections_newest ON inspections(created_at DESC);"
	"CREATE INDEX inspections_status_newest ON inspections(status, created_at DESC);"
	"CREATE INDEX inspections_form_newest ON inspections(form_id, status, created_at DESC);",

	/* 10 -> 11: hazard_state written once per hazard by an import instead
	 * of once per event.  Its triggers on a hazard's row and on a new
	 * event stay silent while the store imports (see OUTBOX_UNLESS_
	 * IMPORTING): an import puts a hazard and then all of its events, and
	 * each event's trigger computed hazard_view's row again (a fifth of a
	 * first pull's import).  The import writes that row itself after the
	 * hazard's events (core/recordio.c, put_hazard), in the same
	 * transaction, from the same view; every other writer still has the
	 * triggers. */
	"DROP TRIGGER hazard_state_i;"
	"DROP TRIGGER hazard_state_u;"
	"DROP TRIGGER hazard_state_ei;"
	"CREATE TRIGGER hazard_state_i AFTER INSERT ON hazards"
	"  WHEN NOT EXISTS (SELECT 1 FROM importing) BEGIN"
	"  DELETE FROM hazard_state WHERE id = NEW.id;" HAZARD_STATE_OF("v.id = NEW.id") "END;"
	"CREATE TRIGGER hazard_state_u AFTER UPDATE ON hazards"
	"  WHEN NOT EXISTS (SELECT 1 FROM importing) BEGIN"
	"  DELETE FROM hazard_state WHERE id IN (OLD.id, NEW.id);"
	HAZARD_STATE_OF("v.id = NEW.id") "END;"
	"CREATE TRIGGER hazard_state_ei AFTER INSERT ON hazard_events"
	"  WHEN (NEW.kind NOT IN ('found', 'comment') OR NEW.date <> '') AND"
	"  NOT EXISTS (SELECT 1 FROM importing) BEGIN"
	"  DELETE FROM hazard_state WHERE id = NEW.hazard;"
	HAZARD_STATE_OF("v.id = NEW.hazard") "END;",

	/* 11 -> 12: the report reads each inspection's hazards beside the
	 * inspections, both in id order (core/report_scan.c), from this index
	 * alone: it carries what the report counts (state, notice,
	 * supervision) after the listing's order (inspection, major, open,
	 * due, id), so a page of an inspection's hazards reads it as before.
	 * hazard_state_early holds the hazards due before their inspection's
	 * time (a deadline the command line refuses, but a record may carry):
	 * the records behind a figure of a period start the other hazards at
	 * the period's first day in (due, id) order (core/listing_haz.c). */
	"DROP INDEX hazard_state_inspection;"
	"CREATE INDEX hazard_state_inspection ON hazard_state(inspection, major, open, due, id,"
	"  state, notified, supervised);"
	"CREATE INDEX hazard_state_early ON hazard_state(major, open, due, id) WHERE due < found_at;"
	/* The hazards under listed supervision, few, in the listing's order:
	 * their records are not picked out of every hazard. */
	"CREATE INDEX hazard_state_supervised ON hazard_state(major, open, due, id)"
	"  WHERE supervised = 1;"
	/* An enterprise's inspections newest first (the records behind a
	 * report's figure by enterprise): a range of the index, not every one
	 * of its inspections sorted. */
	"DROP INDEX inspections_enterprise;"
	"CREATE INDEX inspections_enterprise ON inspections(enterprise, created_at DESC);",

	/* 12 -> 13: hazard_events_kind (kind, hazard) goes.  Every query of
	 * hazard_events names its hazard (hazard_view's subqueries, the
	 * import's append), which the primary key (hazard, seq) finds among a
	 * hazard's few events; nothing reads events by kind alone since the
	 * listings read hazard_state (migration 10).  Kept, it cost each new
	 * event a page of its own: a seventh of the pages a pull of 100
	 * inspections into a store of 10 000 wrote, and of its growth with
	 * the store's size (issue 16). */
	"DROP INDEX hazard_events_kind;",
};

int schema_latest(void)
{
	return (int)(ARRAY_SIZE(migrations));
}

static int step(struct fc_store *s, int from, struct fc_err *err)
{
	char bump[64];
	int now;

	if (store_begin(s, err))
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	if (store_user_version(s, &now, err))
		goto fail;
	if (now != from) {
		store_rollback(s);
		return 0;
	}
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d", from + 1);
	if (sqlite3_exec(s->db, migrations[from], NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(s->db, bump, NULL, NULL, NULL) != SQLITE_OK) {
		store_sqlerr(s, err, "upgrading the store");
		fc_err_prefix(err, _("schema version %d to %d"), from, from + 1);
		goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int schema_migrate(struct fc_store *s, int target, struct fc_err *err)
{
	int v;

	if (store_user_version(s, &v, err))
		return -1;
	if (v > schema_latest())
		return fc_fail(err, _("%s was written by a newer fieldcheck (schema %d; this one knows "
			       "up to %d): upgrade fieldcheck"), s->path, v, schema_latest());
	while (v < target) {
		if (step(s, v, err) || store_user_version(s, &v, err))
			return -1;
	}
	return 0;
}
