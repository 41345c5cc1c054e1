/* inspection.c - inspections, answers and amendments in the store. */
#include "inspection.h"

#include <stdlib.h>
#include <string.h>

#include "attachment.h"
#include "attachment_store.h"
#include "docnum_store.h"
#include "listing.h"
#include "store_impl.h"
#include "strbuf.h"
#include "text.h"
#include "core/i18n.h"

int store_expand_id(struct fc_store *s, const char *table, const char *prefix, char *out,
		    struct fc_err *err)
{
	const char *what = strcmp(table, "hazards") ? _("inspection") : _("hazard");
	const char *sql = strcmp(table, "hazards") ?
		"SELECT id FROM inspections WHERE substr(id, 1, length(?1)) = ?1 LIMIT 2" :
		"SELECT id FROM hazards WHERE substr(id, 1, length(?1)) = ?1 LIMIT 2";
	sqlite3_stmt *st;
	int rc, n = 0;

	if (strlen(prefix) < 4 || strlen(prefix) > FC_UUID_LEN ||
	    text_check(prefix, strlen(prefix), TEXT_LINE, FC_UUID_LEN, _("id"), err))
		return fc_failk(err, FC_ENOTFOUND, _("'%.40s' is not a %s id (give at least its "
				"first 4 characters)"), prefix, what);
	if (store_prepare(s, sql, &st, err))
		return -1;
	store_bind(st, 1, prefix);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			store_col_copy(st, 0, out, FC_UUID_LEN + 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, err, "finding the id");
	if (n == 0)
		return fc_failk(err, FC_ENOTFOUND, _("no %s with id %s"), what, prefix);
	if (n > 1)
		return fc_fail(err, _("more than one %s id starts with %s; give more characters"),
			       what, prefix);
	return 0;
}

/* One text column (`sql` selects it by id ?1) of inspection id. */
static int inspection_text(struct fc_store *s, const char *sql, const char *id, char *out,
			   size_t size, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, sql, &st, err))
		return -1;
	store_bind(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_col_copy(st, 0, out, size);
	store_release(s, st);
	if (rc == SQLITE_DONE)
		return fc_failk(err, FC_ENOTFOUND, _("no inspection with id %s"), id);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "reading the inspection");
}

static int status_of(struct fc_store *s, const char *id, enum insp_status *out,
		     struct fc_err *err)
{
	char status[16];

	if (inspection_text(s, "SELECT status FROM inspections WHERE id = ?1", id, status,
			    sizeof status, err))
		return -1;
	*out = !strcmp(status, "final") ? INSP_FINAL : INSP_DRAFT;
	return 0;
}

int inspection_require_draft(struct fc_store *s, const char *id, struct fc_err *err)
{
	enum insp_status st;
	if (status_of(s, id, &st, err))
		return -1;
	if (st == INSP_FINAL)
		return fc_fail(err, _("inspection %.8s is finalized and cannot be changed; record a "
			       "correction with 'fieldcheck inspection amend'"), id);
	return 0;
}

int inspection_set_geo(struct fc_store *s, const char *id, const char *geo, const char *source,
		       struct fc_err *err)
{
	sqlite3_stmt *st;
	char now[FC_TIMESTAMP_LEN + 1];

	if (geo_check(geo, _("the inspection's position"), err))
		return -1;
	if (strcmp(source, "gps") && strcmp(source, "typed") && strcmp(source, "photo"))
		return fc_fail(err, _("'%.8s' is not where a position comes from (gps, typed, photo)"),
			       source);
	if (clock_now(now, err) || store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, id, err) ||
	    store_cached(s, "UPDATE inspections SET geo = ?2, geo_source = ?3, changed_at = ?4"
			 " WHERE id = ?1", &st, err))
		goto fail;
	store_bind(st, 1, id);
	store_bind(st, 2, geo);
	store_bind(st, 3, source);
	store_bind(st, 4, now);
	if (store_run(s, st, "saving the position", err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int inspection_day(struct fc_store *s, const char *id, char day[FC_DATE_LEN + 1],
		   struct fc_err *err)
{
	return inspection_text(s, "SELECT substr(created_at, 1, 10) FROM inspections WHERE id = ?1",
			       id, day, FC_DATE_LEN + 1, err);
}

static int touch(struct fc_store *s, const char *id, const char *now, struct fc_err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "UPDATE inspections SET changed_at = ?2 WHERE id = ?1", &st, err))
		return -1;
	store_bind(st, 1, id);
	store_bind(st, 2, now);
	return store_run(s, st, "saving the inspection", err);
}

static int insert_member(struct fc_store *s, const char *id, int seq, const struct fc_person *p,
			 struct fc_err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "INSERT INTO team(inspection, seq, badge, name, dept)"
			  " VALUES (?1, ?2, ?3, ?4, ?5)", &st, err))
		return -1;
	store_bind(st, 1, id);
	sqlite3_bind_int(st, 2, seq);
	store_bind(st, 3, p->badge);
	store_bind(st, 4, p->name);
	store_bind(st, 5, p->dept);
	if (store_run(s, st, "saving the team", err))
		return -1;
	if (store_prepare(s, "INSERT INTO people(badge, name, dept) VALUES (?1, ?2, ?3)"
			  " ON CONFLICT(badge) DO UPDATE SET name = excluded.name,"
			  " dept = excluded.dept", &st, err))
		return -1;
	store_bind(st, 1, p->badge);
	store_bind(st, 2, p->name);
	store_bind(st, 3, p->dept);
	return store_run(s, st, "saving the team", err);
}

/* The team as it will be stored: the creator first, then the others once. */
static struct fc_person *build_team(const struct fc_person *me, const struct insp_new *n,
				    size_t *count)
{
	struct fc_person *team = xcalloc(n->n_team + 1, sizeof *team);
	size_t i, j, k = 0;

	team[k++] = *me;
	for (i = 0; i < n->n_team; i++) {
		for (j = 0; j < k && strcmp(team[j].badge, n->team[i].badge); j++)
			;
		if (j == k)
			team[k++] = n->team[i];
	}
	*count = k;
	return team;
}

static int insert_inspection(struct fc_store *s, const struct fc_inspection *in,
			     struct fc_err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "INSERT INTO inspections(id, form_id, form_version, enterprise, type,"
			  " status, location, created_at, created_by, changed_at)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8, ?7)", &st, err))
		return -1;
	store_bind(st, 1, in->id);
	store_bind(st, 2, in->form_id);
	sqlite3_bind_int(st, 3, in->form_version);
	store_bind(st, 4, in->enterprise);
	store_bind(st, 5, insp_type_name(in->type));
	store_bind(st, 6, in->location);
	store_bind(st, 7, in->created_at);
	store_bind(st, 8, in->created_by);
	return store_run(s, st, "saving the inspection", err);
}

int inspection_create(struct fc_store *s, const struct fc_person *me, const struct insp_new *n,
		      char *id_out, struct fc_err *err)
{
	struct fc_inspection in;
	size_t i;
	int rc = -1;

	memset(&in, 0, sizeof in);
	in.form_id = (char *)n->form_id;
	in.form_version = n->form_version;
	in.type = n->type;
	in.location = (char *)(n->location ? n->location : "");
	if (copy_field(in.enterprise, sizeof in.enterprise, n->enterprise, "credit code", err) ||
	    uuid_new(in.id, err) || clock_now(in.created_at, err))
		return -1;
	memcpy(in.created_by, me->badge, sizeof in.created_by);
	in.team = build_team(me, n, &in.n_team);
	if (inspection_check(&in, err))
		goto out;
	if (store_begin(s, err))
		goto out;
	if (insert_inspection(s, &in, err)) {
		if (strstr(err->msg, "FOREIGN KEY"))
			fc_failk(err, FC_ENOTFOUND, _("no enterprise with code %s (add it first with "
				 "'fieldcheck enterprise add')"), in.enterprise);
		goto rollback;
	}
	for (i = 0; i < in.n_team; i++)
		if (insert_member(s, in.id, (int)i + 1, &in.team[i], err))
			goto rollback;
	if (store_commit(s, err))
		goto out;
	memcpy(id_out, in.id, sizeof in.id);
	rc = 0;
	goto out;
rollback:
	store_rollback(s);
out:
	free(in.team);
	return rc;
}

static int read_header(struct fc_store *s, const char *id, struct fc_inspection *in,
		       struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, "SELECT id, form_id, form_version, enterprise, type, status, location,"
			 " created_at, created_by, finalized_at, geo, geo_source, resp_name,"
			 " resp_title, resp_phone, findings, opinion FROM inspections"
			 " WHERE id = ?1", &st, err))
		return -1;
	store_bind(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		store_col_copy(st, 0, in->id, sizeof in->id);
		in->form_id = store_col_dup(st, 1);
		in->form_version = sqlite3_column_int(st, 2);
		store_col_copy(st, 3, in->enterprise, sizeof in->enterprise);
		insp_type_parse((const char *)sqlite3_column_text(st, 4), &in->type);
		in->status = !strcmp((const char *)sqlite3_column_text(st, 5), "final") ? INSP_FINAL
											 : INSP_DRAFT;
		in->location = store_col_dup(st, 6);
		store_col_copy(st, 7, in->created_at, sizeof in->created_at);
		store_col_copy(st, 8, in->created_by, sizeof in->created_by);
		store_col_copy(st, 9, in->finalized_at, sizeof in->finalized_at);
		store_col_copy(st, 10, in->geo, sizeof in->geo);
		store_col_copy(st, 11, in->geo_source, sizeof in->geo_source);
		store_col_copy(st, 12, in->resp_name, sizeof in->resp_name);
		store_col_copy(st, 13, in->resp_title, sizeof in->resp_title);
		store_col_copy(st, 14, in->resp_phone, sizeof in->resp_phone);
		in->findings = store_col_dup(st, 15);
		in->opinion = store_col_dup(st, 16);
	}
	store_release(s, st);
	if (rc == SQLITE_DONE)
		return fc_failk(err, FC_ENOTFOUND, _("no inspection with id %s"), id);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "reading the inspection");
}

static int read_team(struct fc_store *s, struct fc_inspection *in, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = in->n_team;
	int rc;

	if (store_cached(s, "SELECT badge, name, dept FROM team WHERE inspection = ?1 ORDER BY seq",
			 &st, err))
		return -1;
	store_bind(st, 1, in->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fc_person *p;
		ALLOC_GROW(in->team, in->n_team + 1, alloc);
		p = &in->team[in->n_team++];
		store_col_copy(st, 0, p->badge, sizeof p->badge);
		store_col_copy(st, 1, p->name, sizeof p->name);
		store_col_copy(st, 2, p->dept, sizeof p->dept);
	}
	store_release(s, st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "reading the team");
}

/* Rows of answers (or of conflicting values: the same columns) into a list. */
static int read_answer_rows(struct fc_store *s, const char *sql, const char *id,
			    struct fc_answer **list, size_t *n, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = *n;
	int rc;

	if (store_cached(s, sql, &st, err))
		return -1;
	store_bind(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fc_answer *a;
		ALLOC_GROW(*list, *n + 1, alloc);
		a = &(*list)[(*n)++];
		a->item = store_col_dup(st, 0);
		a->value = store_col_dup(st, 1);
		a->note = store_col_dup(st, 2);
		store_col_copy(st, 3, a->by, sizeof a->by);
		store_col_copy(st, 4, a->at, sizeof a->at);
	}
	store_release(s, st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "reading the answers");
}

static int read_answers(struct fc_store *s, struct fc_inspection *in, struct fc_err *err)
{
	/* ORDER BY item uses byte order (BINARY), the same as answer_cmp. */
	return read_answer_rows(s, "SELECT item, value, note, by, at FROM answers"
				" WHERE inspection = ?1 ORDER BY item", in->id, &in->answers,
				&in->n_answers, err);
}

static int read_conflicts(struct fc_store *s, struct fc_inspection *in, struct fc_err *err)
{
	if (read_answer_rows(s, "SELECT item, value, note, by, at FROM answer_conflicts"
			     " WHERE inspection = ?1", in->id, &in->conflicts, &in->n_conflicts, err))
		return -1;
	if (in->n_conflicts) /* qsort(NULL, 0) is undefined */
		qsort(in->conflicts, in->n_conflicts, sizeof *in->conflicts, conflict_cmp);
	return 0;
}

static int read_amendments(struct fc_store *s, struct fc_inspection *in, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = in->n_amendments;
	int rc;

	/* Record order (the merge's): by time, then author and content, so an
	 * amendment merged in from another device reads back in its place. */
	if (store_cached(s, "SELECT item, value, note, reason, by, at FROM amendments"
			 " WHERE inspection = ?1 ORDER BY at, by, item, value, note, reason, seq",
			 &st, err))
		return -1;
	store_bind(st, 1, in->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fc_amendment *m;
		ALLOC_GROW(in->amendments, in->n_amendments + 1, alloc);
		m = &in->amendments[in->n_amendments++];
		m->item = store_col_dup(st, 0);
		m->value = store_col_dup(st, 1);
		m->note = store_col_dup(st, 2);
		m->reason = store_col_dup(st, 3);
		store_col_copy(st, 4, m->by, sizeof m->by);
		store_col_copy(st, 5, m->at, sizeof m->at);
	}
	store_release(s, st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "reading the amendments");
}

int inspection_get(struct fc_store *s, const char *id, struct fc_inspection *out,
		   struct fc_err *err)
{
	memset(out, 0, sizeof *out);
	if (read_header(s, id, out, err) || read_team(s, out, err) ||
	    read_answers(s, out, err) || read_conflicts(s, out, err) ||
	    read_amendments(s, out, err) ||
	    attachments_read(s, "inspection", id, &out->attachments, &out->n_attachments, err) ||
	    documents_read(s, id, &out->documents, &out->n_documents, err)) {
		inspection_clear(out);
		return -1;
	}
	return 0;
}

static int answer_fields_check(const char *item, const char *value, const char *note,
			       struct fc_err *err)
{
	if (item_key_check(item, "item", err) ||
	    text_check(value, strlen(value), TEXT_MULTILINE, MAX_VALUE, _("answer"), err) ||
	    text_check(note, strlen(note), TEXT_MULTILINE, MAX_NOTE, _("note"), err))
		return -1;
	return 0;
}

int inspection_set_answer(struct fc_store *s, const struct fc_person *me, const char *id,
			  const char *item, const char *value, const char *note,
			  struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	sqlite3_stmt *st;

	if (!note)
		note = "";
	if (answer_fields_check(item, value, note, err) || clock_now(now, err) ||
	    store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, id, err) ||
	    store_prepare(s, "INSERT INTO answers(inspection, item, value, note, by, at)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(inspection, item) DO UPDATE"
			  " SET value = excluded.value, note = excluded.note, by = excluded.by,"
			  " at = excluded.at", &st, err))
		goto fail;
	store_bind(st, 1, id);
	store_bind(st, 2, item);
	store_bind(st, 3, value);
	store_bind(st, 4, note);
	store_bind(st, 5, me->badge);
	store_bind(st, 6, now);
	if (store_run(s, st, "saving the answer", err) || touch(s, id, now, err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int inspection_clear_answer(struct fc_store *s, const char *id, const char *item,
			    struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	sqlite3_stmt *st;

	if (clock_now(now, err) || store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, id, err) ||
	    store_prepare(s, "DELETE FROM answers WHERE inspection = ?1 AND item = ?2", &st, err))
		goto fail;
	store_bind(st, 1, id);
	store_bind(st, 2, item);
	if (store_run(s, st, "removing the answer", err) || touch(s, id, now, err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int inspection_add_member(struct fc_store *s, const char *id, const struct fc_person *p,
			  struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc, n = 0, dup = 0;

	if (person_check(p, err) || store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, id, err) ||
	    store_prepare(s, "SELECT count(*), sum(badge = ?2) FROM team WHERE inspection = ?1",
			  &st, err))
		goto fail;
	store_bind(st, 1, id);
	store_bind(st, 2, p->badge);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int(st, 0);
		dup = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		store_sqlerr(s, err, "reading the team");
		goto fail;
	}
	if (dup) {
		fc_fail(err, _("badge %s is already in the team"), p->badge);
		goto fail;
	}
	if (n >= MAX_TEAM) {
		fc_fail(err, _("the team has %d members, the most it can hold"), n);
		goto fail;
	}
	if (insert_member(s, id, n + 1, p, err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int inspection_clear_conflicts(struct fc_store *s, const char *id, const char *item,
			       struct fc_err *err)
{
	sqlite3_stmt *st;
	int n;

	if (store_prepare(s, "DELETE FROM answer_conflicts WHERE inspection = ?1 AND item = ?2",
			  &st, err))
		return -1;
	store_bind(st, 1, id);
	store_bind(st, 2, item);
	if (store_run(s, st, "resolving the conflict", err))
		return -1;
	n = sqlite3_changes(s->db);
	if (n == 0)
		return fc_fail(err, _("item '%.64s' of inspection %.8s has no conflicting values"), item, id);
	return 0;
}

int inspection_finalize(struct fc_store *s, const char *id, struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	sqlite3_stmt *st;

	if (clock_now(now, err) || store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, id, err) ||
	    store_prepare(s, "UPDATE inspections SET status = 'final', finalized_at = ?2,"
			  " changed_at = ?2 WHERE id = ?1", &st, err))
		goto fail;
	store_bind(st, 1, id);
	store_bind(st, 2, now);
	if (store_run(s, st, "finalizing the inspection", err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int inspection_amend(struct fc_store *s, const struct fc_person *me, const char *id,
		     const char *item, const char *value, const char *note, const char *reason,
		     struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	enum insp_status status;
	sqlite3_stmt *st;

	if (!note)
		note = "";
	if (answer_fields_check(item, value, note, err) || clock_now(now, err))
		return -1;
	if (!reason || !*reason)
		return fc_fail(err, _("an amendment needs a reason (--reason TEXT)"));
	if (text_check(reason, strlen(reason), TEXT_MULTILINE, MAX_NOTE, _("reason"), err) ||
	    store_begin(s, err))
		return -1;
	if (status_of(s, id, &status, err))
		goto fail;
	if (status != INSP_FINAL) {
		fc_fail(err, _("inspection %.8s is still a draft: change the answer itself"), id);
		goto fail;
	}
	if (store_prepare(s, "INSERT INTO amendments(inspection, seq, item, value, note, reason, by, at)"
			  " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM amendments"
			  " WHERE inspection = ?1), ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))
		goto fail;
	store_bind(st, 1, id);
	store_bind(st, 2, item);
	store_bind(st, 3, value);
	store_bind(st, 4, note);
	store_bind(st, 5, reason);
	store_bind(st, 6, me->badge);
	store_bind(st, 7, now);
	if (store_run(s, st, "saving the amendment", err) || touch(s, id, now, err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

/* inspection_walk: the pages of listing.h walked through. */
struct insp_walk {
	insp_row_cb cb;
	void *ctx;
	struct insp_row last;
	int stopped;
};

static int walk_row(const struct insp_row *r, void *ctx)
{
	struct insp_walk *w = ctx;

	w->last = *r;
	return w->stopped = w->cb(r, w->ctx) != 0;
}

int inspection_list(struct fc_store *s, const char *status, insp_row_cb cb, void *ctx,
		    struct fc_err *err)
{
	struct insp_filter f = { status, NULL };

	return inspection_walk(s, &f, cb, ctx, err);
}

int inspection_walk(struct fc_store *s, const struct insp_filter *f, insp_row_cb cb, void *ctx,
		    struct fc_err *err)
{
	struct insp_walk w;
	struct insp_row after;
	size_t got = 0;

	memset(&w, 0, sizeof w);
	w.cb = cb;
	w.ctx = ctx;
	do {
		after = w.last;
		if (inspection_page(s, f, got ? &after : NULL, LIST_WALK_PAGE, walk_row, &w, &got,
				    err))
			return -1;
	} while (!w.stopped && got == LIST_WALK_PAGE);
	return 0;
}
