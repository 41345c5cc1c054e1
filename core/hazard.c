/* hazard.c - hazards and their event logs in the store. */
#include "hazard.h"
#include "listing.h"

#include <stdlib.h>
#include <string.h>

#include "attachment_store.h"
#include "store_impl.h"
#include "strbuf.h"
#include "inspection.h"
#include "text.h"
#include "core/i18n.h"

static int insert_event(struct fc_store *s, const char *id, const struct fc_hazard_event *ev,
			struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date, note)"
			  " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM hazard_events"
			  " WHERE hazard = ?1), ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))
		return -1;
	store_bind(st, 1, id);
	store_bind(st, 2, hazard_event_name(ev->kind));
	store_bind(st, 3, ev->at);
	store_bind(st, 4, ev->by);
	store_bind(st, 5, ev->by_name);
	store_bind(st, 6, ev->date);
	store_bind(st, 7, ev->note);
	return store_run(s, st, "saving the hazard's event", err);
}

static int touch(struct fc_store *s, const char *id, const char *now, struct fc_err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "UPDATE hazards SET changed_at = ?2 WHERE id = ?1", &st, err))
		return -1;
	store_bind(st, 1, id);
	store_bind(st, 2, now);
	return store_run(s, st, "saving the hazard", err);
}

static int insert_hazard(struct fc_store *s, const struct fc_hazard *h, const char *now,
			 struct fc_err *err)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "INSERT INTO hazards(id, inspection, item, severity, description,"
			  " deadline, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err))
		return -1;
	store_bind(st, 1, h->id);
	store_bind(st, 2, h->inspection);
	store_bind(st, 3, h->item);
	store_bind(st, 4, hazard_sev_name(h->severity));
	store_bind(st, 5, h->description);
	store_bind(st, 6, h->deadline);
	store_bind(st, 7, now);
	return store_run(s, st, "saving the hazard", err);
}

/* A deadline given now is a day still to come (today at the earliest):
 * one already past would make the hazard overdue the moment it is recorded
 * and the rectification order would print it.  The command line and the
 * screens share this rule; records that arrive by sync are history and are
 * not judged by today's date. */
static int deadline_not_past(const char *deadline, struct fc_err *err)
{
	char today[FC_DATE_LEN + 1];

	if (clock_today(today, err))
		return -1;
	if (strcmp(deadline, today) < 0)
		return fc_fail(err, _("the deadline %s is in the past (today is %s): give today or "
			       "a later date"), deadline, today);
	return 0;
}

/* Nor can it fall before the inspection itself (said first: the
 * inspection's date is what the person looks at). */
static int deadline_after_inspection(struct fc_store *s, const struct fc_hazard *h,
				     struct fc_err *err)
{
	char day[FC_DATE_LEN + 1];

	if (inspection_day(s, h->inspection, day, err))
		return -1;
	if (strcmp(h->deadline, day) < 0)
		return fc_fail(err, _("the deadline %s is before the inspection's date, %s: a "
			       "hazard is put right after it is found"), h->deadline, day);
	return deadline_not_past(h->deadline, err);
}

int hazard_add(struct fc_store *s, const struct fc_person *me, const struct hazard_new *n,
	       char *id_out, struct fc_err *err)
{
	struct fc_hazard_event ev;
	struct fc_hazard h;

	memset(&h, 0, sizeof h);
	memset(&ev, 0, sizeof ev);
	h.item = (char *)(n->item ? n->item : "");
	h.severity = n->severity;
	h.description = (char *)(n->description ? n->description : "");
	ev.kind = HEV_FOUND;
	ev.by_name = (char *)me->name;
	ev.note = (char *)(n->note ? n->note : "");
	memcpy(ev.by, me->badge, sizeof ev.by);
	h.events = &ev;
	h.n_events = 1;
	if (copy_field(h.inspection, sizeof h.inspection, n->inspection, "inspection id", err) ||
	    copy_field(h.deadline, sizeof h.deadline, n->deadline ? n->deadline : "", "deadline", err) ||
	    uuid_new(h.id, err) || clock_now(ev.at, err) || hazard_check(&h, err))
		return -1;
	if (store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, h.inspection, err) ||
	    deadline_after_inspection(s, &h, err) || insert_hazard(s, &h, ev.at, err) ||
	    insert_event(s, h.id, &ev, err)) {
		store_rollback(s);
		return -1;
	}
	if (store_commit(s, err))
		return -1;
	memcpy(id_out, h.id, sizeof h.id);
	return 0;
}

static int read_events(struct fc_store *s, struct fc_hazard *h, struct fc_err *err)
{
	sqlite3_stmt *st;
	enum hazard_event_kind k;
	int rc;

	if (store_cached(s, "SELECT kind, at, by, by_name, date, note FROM hazard_events"
			 " WHERE hazard = ?1 ORDER BY seq", &st, err))
		return -1;
	store_bind(st, 1, h->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fc_hazard_event *ev;
		if (hazard_event_parse((const char *)sqlite3_column_text(st, 0), &k))
			continue; /* the schema's CHECK makes this impossible */
		h->events = xrealloc(h->events, (h->n_events + 1) * sizeof *h->events);
		ev = &h->events[h->n_events++];
		memset(ev, 0, sizeof *ev);
		ev->kind = k;
		store_col_copy(st, 1, ev->at, sizeof ev->at);
		store_col_copy(st, 2, ev->by, sizeof ev->by);
		ev->by_name = store_col_dup(st, 3);
		store_col_copy(st, 4, ev->date, sizeof ev->date);
		ev->note = store_col_dup(st, 5);
	}
	store_release(s, st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, err, "reading the hazard's events");
	/* Record order, the same on every device (see hazard_event_cmp). */
	if (h->n_events)
		qsort(h->events, h->n_events, sizeof *h->events, hazard_event_cmp);
	return 0;
}

int hazard_get(struct fc_store *s, const char *id, struct fc_hazard *out, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (store_cached(s, "SELECT id, inspection, item, severity, description, deadline"
			 " FROM hazards WHERE id = ?1", &st, err))
		return -1;
	store_bind(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		store_col_copy(st, 0, out->id, sizeof out->id);
		store_col_copy(st, 1, out->inspection, sizeof out->inspection);
		out->item = store_col_dup(st, 2);
		hazard_sev_parse((const char *)sqlite3_column_text(st, 3), &out->severity);
		out->description = store_col_dup(st, 4);
		store_col_copy(st, 5, out->deadline, sizeof out->deadline);
	}
	store_release(s, st);
	if (rc == SQLITE_DONE)
		return fc_failk(err, FC_ENOTFOUND, _("no hazard with id %s"), id);
	if (rc != SQLITE_ROW)
		return store_sqlerr(s, err, "reading the hazard");
	if (read_events(s, out, err) ||
	    attachments_read(s, "hazard", id, &out->attachments, &out->n_attachments, err)) {
		hazard_clear(out);
		return -1;
	}
	return 0;
}

/* The closed loop's rules for a new event, given the hazard as it stands. */
static int event_allowed(const struct fc_hazard *h, enum hazard_event_kind kind,
			 const char *date, struct fc_err *err)
{
	enum hazard_state st = hazard_state_of(h);
	const char *id = h->id;

	if (kind == HEV_FOUND)
		return fc_fail(err, _("hazard %.8s was found already; 'found' starts a hazard's log"), id);
	if (st == HST_CLOSED && kind != HEV_COMMENT)
		return fc_fail(err, _("hazard %.8s is verified and closed; only a comment can be added"), id);
	if (date && *date && kind != HEV_EXTEND && kind != HEV_NOTICE)
		return fc_failk(err, FC_EUSAGE, _("only 'notice' and 'extend' take --date"));
	switch (kind) {
	case HEV_RECTIFIED:
		if (st == HST_RECTIFIED)
			return fc_fail(err, _("hazard %.8s is already reported rectified; next is "
				       "'verified' after the re-inspection"), id);
		return 0;
	case HEV_VERIFIED:
		if (st != HST_RECTIFIED)
			return fc_fail(err, _("hazard %.8s is not reported rectified yet; record "
				       "'rectified' first"), id);
		return 0;
	case HEV_EXTEND:
		if (!date || !*date)
			return fc_failk(err, FC_EUSAGE, _("'extend' needs the new deadline: --date YYYY-MM-DD"));
		if (st == HST_RECTIFIED)
			return fc_fail(err, _("hazard %.8s is already rectified; there is nothing to extend"), id);
		if (strcmp(date, hazard_due(h)) <= 0)
			return fc_fail(err, _("the new deadline %s is not after the current one, %s"),
				       date, hazard_due(h));
		return deadline_not_past(date, err);
	case HEV_NOTICE: /* a notice may set the deadline */
		return date && *date ? deadline_not_past(date, err) : 0;
	case HEV_SUPERVISE:
		if (hazard_supervised(h))
			return fc_fail(err, _("hazard %.8s is already under listed supervision"), id);
		return 0;
	default:
		return 0;
	}
}

int hazard_event_add(struct fc_store *s, const struct fc_person *me, const char *id,
		     enum hazard_event_kind kind, const char *date, const char *note,
		     struct fc_err *err)
{
	struct fc_hazard_event ev;
	struct fc_hazard h;
	int rc = -1;

	memset(&ev, 0, sizeof ev);
	ev.kind = kind;
	ev.by_name = (char *)me->name;
	ev.note = (char *)(note ? note : "");
	memcpy(ev.by, me->badge, sizeof ev.by);
	if (date && *date && (date_check(date, "--date", err) ||
			      copy_field(ev.date, sizeof ev.date, date, "date", err)))
		return -1;
	if (text_check(ev.note, strlen(ev.note), TEXT_MULTILINE, MAX_NOTE, _("note"), err) ||
	    clock_now(ev.at, err) || store_begin(s, err))
		return -1;
	if (hazard_get(s, id, &h, err))
		goto rollback;
	if (h.n_events >= MAX_EVENTS) {
		fc_fail(err, _("hazard %.8s has %d events, the most one can hold"), id, MAX_EVENTS);
		goto clear;
	}
	if (event_allowed(&h, kind, date, err) || insert_event(s, id, &ev, err) ||
	    touch(s, id, ev.at, err))
		goto clear;
	hazard_clear(&h);
	return store_commit(s, err);
clear:
	hazard_clear(&h);
rollback:
	store_rollback(s);
	return rc;
}

int hazard_find_for_item(struct fc_store *s, const char *inspection, const char *item,
			 char *id_out, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT id FROM hazards WHERE inspection = ?1 AND item = ?2"
			  " ORDER BY id LIMIT 1", &st, err))
		return -1;
	store_bind(st, 1, inspection);
	store_bind(st, 2, item);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_col_copy(st, 0, id_out, FC_UUID_LEN + 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(s, err, "finding the item's hazard");
	return rc == SQLITE_ROW;
}

int hazard_withdraw(struct fc_store *s, const char *id, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, "DELETE FROM hazards WHERE id = ?1", &st, err))
		return -1;
	store_bind(st, 1, id);
	return store_run(s, st, "withdrawing the hazard", err);
}

/* hazard_list: the pages of listing.h walked through. */
struct hazard_walk {
	hazard_row_cb cb;
	void *ctx;
	struct hazard_row last;
	int stopped;
};

static int walk_row(const struct hazard_row *r, void *ctx)
{
	struct hazard_walk *w = ctx;

	w->last = *r;
	w->last.description = NULL;
	return w->stopped = w->cb(r, w->ctx) != 0;
}

int hazard_list(struct fc_store *s, const struct hazard_filter *f, hazard_row_cb cb, void *ctx,
		struct fc_err *err)
{
	struct hazard_walk w;
	struct hazard_row after;
	size_t got = 0;

	memset(&w, 0, sizeof w);
	w.cb = cb;
	w.ctx = ctx;
	do {
		after = w.last;
		if (hazard_page(s, f, got ? &after : NULL, LIST_WALK_PAGE, walk_row, &w, &got, err))
			return -1;
	} while (!w.stopped && got == LIST_WALK_PAGE);
	return 0;
}
