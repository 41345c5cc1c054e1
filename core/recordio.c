/* recordio.c - whole records in and out of the store (see recordio.h). */
#include "recordio.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enterprise.h"
#include "hazard.h"
#include "hazard_staterow.h"
#include "inspection.h"
#include "attachment_store.h"
#include "docnum_store.h"
#include "store_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

static const char *const kind_names[] = { "enterprise", "inspection", "hazard" };

const char *record_kind_name(enum record_kind k)
{
	return kind_names[k];
}

int record_kind_parse(const char *s, enum record_kind *out)
{
	int k;
	for (k = 0; k < 3; k++)
		if (!strcmp(s, kind_names[k])) {
			*out = (enum record_kind)k;
			return 0;
		}
	return -1;
}

int record_load(struct fc_store *s, enum record_kind kind, const char *id,
		struct fc_record *out, struct fc_err *err)
{
	memset(out, 0, sizeof *out);
	out->kind = kind;
	switch (kind) {
	case REC_ENTERPRISE: return enterprise_get(s, id, &out->u.enterprise, err);
	case REC_INSPECTION: return inspection_get(s, id, &out->u.inspection, err);
	default: return hazard_get(s, id, &out->u.hazard, err);
	}
}

/* Runs `sql` (a literal: the statement is cached, store_cached) with the
 * given text values bound in order (NULL ends), not copied: they outlive
 * the run, and copying every field was a twentieth of an import. */
static int run(struct fc_store *s, const char *sql, const char *ctx, struct fc_err *err, ...)
{
	sqlite3_stmt *st;
	const char *v;
	va_list ap;
	int i = 1;

	if (store_cached(s, sql, &st, err))
		return -1;
	va_start(ap, err);
	while ((v = va_arg(ap, const char *)) != NULL)
		store_bind_kept(st, i++, v);
	va_end(ap);
	return store_run(s, st, ctx, err);
}

static int put_people(struct fc_store *s, const struct fc_inspection *in, struct fc_err *err)
{
	size_t i;
	char seq[24];

	for (i = 0; i < in->n_team; i++) {
		const struct fc_person *p = &in->team[i];
		snprintf(seq, sizeof seq, "%zu", i + 1);
		if (run(s, "INSERT INTO team(inspection, seq, badge, name, dept) VALUES (?1, ?2, ?3, ?4, ?5)",
			"saving the team", err, in->id, seq, p->badge, p->name, p->dept, NULL) ||
		    run(s, "INSERT INTO people(badge, name, dept) VALUES (?1, ?2, ?3) ON CONFLICT(badge)"
			" DO NOTHING", "saving the team", err, p->badge, p->name, p->dept, NULL))
			return -1;
	}
	return 0;
}

/* Answers go in ANSWERS_AT_ONCE to a statement: an inspection has tens,
 * and each statement costs a step, a statement journal and a reset
 * besides its rows (1.4 % of an import's instructions, measured). */
#define ANSWERS_AT_ONCE 8
#define ANSWER_ROW "(?, ?, ?, ?, ?, ?)"
#define ANSWER_ROWS_8 ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," \
		      ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW "," ANSWER_ROW

/* One statement's rows of answers (sql takes n of them). */
static int put_answer_rows(struct fc_store *s, const char *sql, const char *id,
			   const struct fc_answer *a, size_t n, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t i;
	int k = 1;

	if (store_cached(s, sql, &st, err))
		return -1;
	for (i = 0; i < n; i++) {
		store_bind_kept(st, k++, id);
		store_bind_kept(st, k++, a[i].item);
		store_bind_kept(st, k++, a[i].value);
		store_bind_kept(st, k++, a[i].note);
		store_bind_kept(st, k++, a[i].by);
		store_bind_kept(st, k++, a[i].at);
	}
	return store_run(s, st, "saving the answers", err);
}

/* Answers, or clashing values (conflicts 1), which have the same columns. */
static int put_answers(struct fc_store *s, int conflicts, const char *id,
		       const struct fc_answer *a, size_t n, struct fc_err *err)
{
	static const char *const sql[2][2] = {
		{ "INSERT INTO answers(inspection, item, value, note, by, at) VALUES " ANSWER_ROW,
		  "INSERT INTO answers(inspection, item, value, note, by, at) VALUES " ANSWER_ROWS_8 },
		{ "INSERT INTO answer_conflicts(inspection, item, value, note, by, at) VALUES "
		  ANSWER_ROW,
		  "INSERT INTO answer_conflicts(inspection, item, value, note, by, at) VALUES "
		  ANSWER_ROWS_8 },
	};
	size_t i = 0;

	for (; n - i >= ANSWERS_AT_ONCE; i += ANSWERS_AT_ONCE)
		if (put_answer_rows(s, sql[conflicts][1], id, a + i, ANSWERS_AT_ONCE, err))
			return -1;
	for (; i < n; i++)
		if (put_answer_rows(s, sql[conflicts][0], id, a + i, 1, err))
			return -1;
	return 0;
}

/* Amendments the store lacks are appended, in the record's order. */
static int put_amendments(struct fc_store *s, const struct fc_inspection *in, struct fc_err *err)
{
	size_t i;

	for (i = 0; i < in->n_amendments; i++) {
		const struct fc_amendment *m = &in->amendments[i];
		if (run(s, "INSERT INTO amendments(inspection, seq, item, value, note, reason, by, at)"
			" SELECT ?1, (SELECT coalesce(max(seq), 0) + 1 FROM amendments WHERE"
			" inspection = ?1), ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM"
			" amendments WHERE inspection = ?1 AND item = ?2 AND value = ?3 AND note = ?4"
			" AND reason = ?5 AND by = ?6 AND at = ?7)", "saving the amendments", err,
			in->id, m->item, m->value, m->note, m->reason, m->by, m->at, NULL))
			return -1;
	}
	return 0;
}

static int put_additions(struct fc_store *s, const struct fc_inspection *in, struct fc_err *err)
{
	return put_amendments(s, in, err) ||
	       attachments_put(s, "inspection", in->id, in->attachments, in->n_attachments, err) ||
	       documents_put(s, in->id, in->documents, in->n_documents, err);
}

/* The unit's responsible person, the findings and the opinion. */
static int put_people_fields(struct fc_store *s, const struct fc_inspection *in,
			     struct fc_err *err)
{
	return run(s, "UPDATE inspections SET resp_name = ?2, resp_title = ?3, resp_phone = ?4,"
		   " findings = ?5, opinion = ?6 WHERE id = ?1", "saving the inspection", err,
		   in->id, in->resp_name, in->resp_title, in->resp_phone,
		   in->findings ? in->findings : "", in->opinion ? in->opinion : "", NULL);
}

/* The body of a draft: header, team, answers, conflicts, replaced whole. */
static int put_draft(struct fc_store *s, const struct fc_inspection *in, int exists,
		     const char *now, struct fc_err *err)
{
	char ver[16];

	snprintf(ver, sizeof ver, "%d", in->form_version);
	if (exists ? run(s, "UPDATE inspections SET form_id = ?2, form_version = ?3, enterprise = ?4,"
			 " type = ?5, location = ?6, created_at = ?7, created_by = ?8, changed_at = ?9,"
			 " geo = ?10, geo_source = ?11 WHERE id = ?1", "saving the inspection", err,
			 in->id, in->form_id, ver, in->enterprise, insp_type_name(in->type),
			 in->location, in->created_at, in->created_by, now, in->geo, in->geo_source,
			 NULL) ||
		     run(s, "DELETE FROM team WHERE inspection = ?1", "saving", err, in->id, NULL) ||
		     run(s, "DELETE FROM answers WHERE inspection = ?1", "saving", err, in->id, NULL) ||
		     run(s, "DELETE FROM answer_conflicts WHERE inspection = ?1", "saving", err,
			 in->id, NULL)
		   : run(s, "INSERT INTO inspections(id, form_id, form_version, enterprise, type, status,"
			 " location, created_at, created_by, changed_at, geo, geo_source, resp_name,"
			 " resp_title, resp_phone, findings, opinion) VALUES (?1, ?2, ?3, ?4, ?5,"
			 " 'draft', ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
			 "saving the inspection", err, in->id, in->form_id, ver, in->enterprise,
			 insp_type_name(in->type), in->location, in->created_at, in->created_by, now,
			 in->geo, in->geo_source, in->resp_name, in->resp_title, in->resp_phone,
			 in->findings ? in->findings : "", in->opinion ? in->opinion : "", NULL))
		return -1;
	/* a new one has them from its INSERT: one UPDATE (and its triggers) less */
	return (exists && put_people_fields(s, in, err)) || put_people(s, in, err) ||
	       put_answers(s, 0, in->id, in->answers, in->n_answers, err) ||
	       put_answers(s, 1, in->id, in->conflicts, in->n_conflicts, err);
}

/* What may still grow on a final inspection: its amendments, its files
 * and its numbered documents. */
static int same_but_additions(const struct fc_inspection *a, const struct fc_inspection *b)
{
	struct fc_inspection x = *a, y = *b;
	struct strbuf sa, sb;
	int same;

	x.n_amendments = y.n_amendments = 0;
	x.n_attachments = y.n_attachments = 0;
	x.n_documents = y.n_documents = 0;
	strbuf_init(&sa);
	strbuf_init(&sb);
	record_encode_inspection(&x, &sa);
	record_encode_inspection(&y, &sb);
	same = !strcmp(sa.buf, sb.buf);
	strbuf_release(&sa);
	strbuf_release(&sb);
	return same;
}

static int put_inspection(struct fc_store *s, const struct fc_inspection *in, struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	struct fc_inspection local;
	struct fc_err miss = { 0 };
	int exists = inspection_get(s, in->id, &local, &miss) == 0, rc;

	if (!exists && miss.kind != FC_ENOTFOUND) {
		*err = miss;
		return -1;
	}
	if (clock_now(now, err))
		goto fail;
	if (exists && local.status == INSP_FINAL) {
		rc = same_but_additions(&local, in) ? put_additions(s, in, err)
		     : fc_fail(err, _("inspection %.8s is finalized here and arrived changed; the "
			       "local record stands"), in->id);
		inspection_clear(&local);
		return rc;
	}
	if (put_draft(s, in, exists, now, err))
		goto fail;
	if (in->status == INSP_FINAL &&
	    run(s, "UPDATE inspections SET status = 'final', finalized_at = ?2, changed_at = ?3"
		" WHERE id = ?1", "saving the inspection", err, in->id, in->finalized_at, now, NULL))
		goto fail;
	if (put_additions(s, in, err))
		goto fail;
	if (exists)
		inspection_clear(&local);
	return 0;
fail:
	if (exists)
		inspection_clear(&local);
	return -1;
}

/* Whether the hazard's inspection is here, and the hazard itself. */
static int hazard_place(struct fc_store *s, const struct fc_hazard *h, int *known, int *exists,
			struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, "SELECT EXISTS (SELECT 1 FROM inspections WHERE id = ?1),"
			 " EXISTS (SELECT 1 FROM hazards WHERE id = ?2)", &st, err))
		return -1;
	store_bind(st, 1, h->inspection);
	store_bind(st, 2, h->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*known = sqlite3_column_int(st, 0);
		*exists = sqlite3_column_int(st, 1);
	}
	rc = rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "reading the hazards");
	store_release(s, st);
	return rc;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* An event before events[i] that the store takes for the same one (the
 * columns the append below compares). */
static int event_seen(const struct fc_hazard *h, size_t i)
{
	const struct fc_hazard_event *e = &h->events[i];
	size_t j;

	for (j = 0; j < i; j++) {
		const struct fc_hazard_event *d = &h->events[j];
		if (d->kind == e->kind && !strcmp(d->at, e->at) && !strcmp(d->by, e->by) &&
		    !strcmp(d->date, e->date) && !strcmp(or_empty(d->note), or_empty(e->note)))
			return 1;
	}
	return 0;
}

/* Events the store lacks are appended, in the record's order.  A new
 * hazard has none: its events go in numbered as they come, what the
 * append would skip skipped here, since the append reads the table it
 * writes, which costs SQLite a temporary table per event (a fifth of
 * putting a hazard on a first pull). */
static int put_events(struct fc_store *s, const struct fc_hazard *h, int is_new,
		      struct fc_err *err)
{
	size_t i, n = 0;
	char seq[24];

	for (i = 0; i < h->n_events; i++) {
		const struct fc_hazard_event *ev = &h->events[i];
		if (is_new && event_seen(h, i))
			continue;
		snprintf(seq, sizeof seq, "%zu", ++n);
		if (is_new ? run(s, "INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date,"
				 " note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				 "saving the hazard's events", err, h->id, seq,
				 hazard_event_name(ev->kind), ev->at, ev->by, ev->by_name, ev->date,
				 ev->note, NULL)
			   : run(s, "INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date,"
				 " note) SELECT ?1, (SELECT coalesce(max(seq), 0) + 1 FROM hazard_events"
				 " WHERE hazard = ?1), ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1"
				 " FROM hazard_events WHERE hazard = ?1 AND kind = ?2 AND at = ?3 AND"
				 " by = ?4 AND date = ?6 AND note = ?7)", "saving the hazard's events",
				 err, h->id, hazard_event_name(ev->kind), ev->at, ev->by, ev->by_name,
				 ev->date, ev->note, NULL))
			return -1;
	}
	return 0;
}

/* hazard_state's row of hazard id, written from hazard_view as the
 * triggers write it (core/schema.c, migration 10), which stay silent while
 * the store imports (migration 11): once per hazard instead of per event. */
static int put_hazard_state(struct fc_store *s, const char *id, struct fc_err *err)
{
	return run(s, "DELETE FROM hazard_state WHERE id = ?1", "saving the hazard's state", err,
		   id, NULL) ||
	       run(s, "INSERT INTO hazard_state(id, inspection, enterprise, found_at, major, open,"
		   " state, due, supervised, notified) SELECT v.id, v.inspection, v.enterprise,"
		   " v.found_at, v.severity = 'major', v.state IN ('open', 'notified'), v.state,"
		   " v.due, v.supervised, EXISTS (SELECT 1 FROM hazard_events n WHERE n.hazard ="
		   " v.id AND n.kind = 'notice') FROM hazard_view v WHERE v.id = ?1",
		   "saving the hazard's state", err, id, NULL);
}

/* A new hazard's row of hazard_state, worked out from its record
 * (hazard_staterow.h): all its events are those just written. */
static int put_new_hazard_state(struct fc_store *s, const struct fc_hazard *h,
				struct fc_err *err)
{
	struct hazard_staterow row;

	hazard_staterow_of(h, &row);
	return run(s, "INSERT OR REPLACE INTO hazard_state(id, inspection, enterprise, found_at,"
		   " major, open, state, due, supervised, notified) SELECT ?1, i.id, i.enterprise,"
		   " i.created_at, ?3, ?4, ?5, ?6, ?7, ?8 FROM inspections i WHERE i.id = ?2",
		   "saving the hazard's state", err, h->id, h->inspection, row.major ? "1" : "0",
		   row.open ? "1" : "0", row.state, row.due, row.supervised ? "1" : "0",
		   row.notified ? "1" : "0", NULL);
}

static int put_hazard(struct fc_store *s, const struct fc_hazard *h, struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	int known = 0, exists = 0;

	if (hazard_place(s, h, &known, &exists, err))
		return -1;
	if (!known)
		return fc_failk(err, FC_ENOTFOUND, _("hazard %.8s belongs to inspection %.8s, which is "
				"not here"), h->id, h->inspection);
	if (clock_now(now, err) ||
	    run(s, "INSERT INTO hazards(id, inspection, item, severity, description, deadline,"
		" changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET"
		" item = excluded.item, severity = excluded.severity, description ="
		" excluded.description, deadline = excluded.deadline, changed_at = excluded.changed_at"
		" WHERE item <> excluded.item OR severity <> excluded.severity OR description <>"
		" excluded.description OR deadline <> excluded.deadline", "saving the hazard", err,
		h->id, h->inspection, h->item, hazard_sev_name(h->severity), h->description,
		h->deadline, now, NULL) ||
	    put_events(s, h, !exists, err) ||
	    (s->importing && (exists ? put_hazard_state(s, h->id, err)
			      : put_new_hazard_state(s, h, err))))
		return -1;
	return attachments_put(s, "hazard", h->id, h->attachments, h->n_attachments, err);
}

int record_put(struct fc_store *s, const struct fc_record *r, struct fc_err *err)
{
	int rc;

	if (store_begin(s, err))
		return -1;
	switch (r->kind) {
	case REC_ENTERPRISE: rc = enterprise_put(s, &r->u.enterprise, err); break;
	case REC_INSPECTION: rc = put_inspection(s, &r->u.inspection, err); break;
	default: rc = put_hazard(s, &r->u.hazard, err); break;
	}
	if (rc) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}

int record_remove(struct fc_store *s, enum record_kind kind, const char *id, struct fc_err *err)
{
	if (kind != REC_HAZARD)
		return fc_fail(err, _("a %s is never removed"), record_kind_name(kind));
	return hazard_withdraw(s, id, err);
}

int outbox_list(struct fc_store *s, struct outbox_entry **out, size_t *n, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	/* Enterprises, then inspections, then hazards: the order they import in. */
	if (store_prepare(s, "SELECT kind, id, seq FROM outbox ORDER BY CASE kind WHEN"
			  " 'enterprise' THEN 0 WHEN 'inspection' THEN 1 ELSE 2 END, id", &st, err))
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct outbox_entry *e;
		enum record_kind k;
		if (record_kind_parse((const char *)sqlite3_column_text(st, 0), &k))
			continue;
		ALLOC_GROW(*out, *n + 1, alloc);
		e = &(*out)[(*n)++];
		e->kind = k;
		store_col_copy(st, 1, e->id, sizeof e->id);
		e->seq = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return store_sqlerr(s, err, "reading the outbox");
	}
	return 0;
}

int outbox_clear(struct fc_store *s, const struct outbox_entry *e, size_t n, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t i;

	if (store_begin(s, err))
		return -1;
	for (i = 0; i < n; i++) {
		if (store_cached(s, "DELETE FROM outbox WHERE kind = ?1 AND id = ?2 AND seq <= ?3",
				 &st, err))
			goto fail;
		store_bind(st, 1, record_kind_name(e[i].kind));
		store_bind(st, 2, e[i].id);
		sqlite3_bind_int64(st, 3, e[i].seq);
		if (store_run(s, st, "clearing the outbox", err))
			goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int outbox_pending(struct fc_store *s, enum record_kind kind, const char *id, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, "SELECT 1 FROM outbox WHERE kind = ?1 AND id = ?2", &st, err))
		return -1;
	store_bind(st, 1, record_kind_name(kind));
	store_bind(st, 2, id);
	return store_has_row(s, st, "reading the outbox", err);
}

int outbox_counter(struct fc_store *s, long long *out, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, "SELECT value FROM counters WHERE name = 'outbox'", &st, err))
		return -1;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "reading the outbox");
	store_release(s, st);
	return rc;
}

int outbox_forget_after(struct fc_store *s, long long seq, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, "DELETE FROM outbox WHERE seq > ?1", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	return store_run(s, st, "clearing the outbox", err);
}

int outbox_pause(struct fc_store *s, struct fc_err *err)
{
	if (s->depth == 0)
		return fc_fail(err, _("internal error: the outbox paused outside a change"));
	if (run(s, "INSERT INTO importing(id) VALUES (1)", "pausing the outbox", err, NULL))
		return -1;
	s->importing = s->depth;
	return 0;
}

int outbox_resume(struct fc_store *s, struct fc_err *err)
{
	if (run(s, "DELETE FROM importing", "resuming the outbox", err, NULL))
		return -1;
	s->importing = 0;
	return 0;
}

int outbox_count(struct fc_store *s, size_t *out, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT count(*) FROM outbox", &st, err))
		return -1;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "reading the outbox");
}

int outbox_add_all(struct fc_store *s, struct fc_err *err)
{
	if (store_begin(s, err))
		return -1;
	if (sqlite3_exec(s->db,
			 "UPDATE counters SET value = value + 1 WHERE name = 'outbox';"
			 "INSERT OR REPLACE INTO outbox(kind, id, seq)"
			 "  SELECT 'enterprise', code, (SELECT value FROM counters WHERE name = 'outbox')"
			 "  FROM enterprises"
			 "  UNION ALL SELECT 'inspection', id, (SELECT value FROM counters WHERE"
			 "  name = 'outbox') FROM inspections"
			 "  UNION ALL SELECT 'hazard', id, (SELECT value FROM counters WHERE"
			 "  name = 'outbox') FROM hazards;", NULL, NULL, NULL) != SQLITE_OK) {
		store_sqlerr(s, err, "noting every record as changed");
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}
