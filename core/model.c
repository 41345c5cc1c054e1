/* model.c - names, field validation and derived hazard state (see model.h). */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attachment.h"
#include "docnum.h"
#include "strbuf.h"
#include "text.h"
#include "core/i18n.h"

static const char *const insp_types[] = { "routine", "unannounced", "joint", "recheck" };
static const char *const event_kinds[] = { "found", "notice", "rectified", "verified",
					   "extend", "supervise", "comment" };
static const char *const sev_names[] = { "general", "major" };
static const char *const state_names[] = { "open", "notified", "rectified", "closed" };

static int lookup(const char *const *names, size_t n, const char *s)
{
	size_t i;
	for (i = 0; s && i < n; i++)
		if (!strcmp(names[i], s))
			return (int)i;
	return -1;
}

const char *insp_type_name(enum insp_type t) { return insp_types[t]; }
size_t insp_type_min_team(enum insp_type t)
{
	return t == INSP_JOINT || t == INSP_UNANNOUNCED ? 2 : 1;
}
const char *insp_status_name(enum insp_status s) { return s == INSP_FINAL ? "final" : "draft"; }
const char *hazard_event_name(enum hazard_event_kind k) { return event_kinds[k]; }
const char *hazard_sev_name(enum hazard_sev s) { return sev_names[s]; }
const char *hazard_state_name(enum hazard_state s) { return state_names[s]; }

int insp_type_parse(const char *s, enum insp_type *out)
{
	int i = lookup(insp_types, INSP_TYPE_COUNT, s);
	if (i >= 0)
		*out = (enum insp_type)i;
	return i >= 0 ? 0 : -1;
}

int hazard_event_parse(const char *s, enum hazard_event_kind *out)
{
	int i = lookup(event_kinds, HEV_KIND_COUNT, s);
	if (i >= 0)
		*out = (enum hazard_event_kind)i;
	return i >= 0 ? 0 : -1;
}

int hazard_sev_parse(const char *s, enum hazard_sev *out)
{
	int i = lookup(sev_names, 2, s);
	if (i >= 0)
		*out = (enum hazard_sev)i;
	return i >= 0 ? 0 : -1;
}

int copy_field(char *dst, size_t size, const char *src, const char *what, struct fc_err *err)
{
	size_t n = strlen(src);
	if (n >= size)
		return fc_fail(err, _("%s is too long: %zu bytes, at most %zu"), what, n, size - 1);
	memcpy(dst, src, n + 1);
	return 0;
}

/* text_check with `what` (untranslated, N_) translated only when s fails:
 * these checks run on every field of every record a pull reads, and a
 * gettext per field was a twentieth of an import. */
static int labelled_check(const char *s, enum text_kind kind, size_t max, const char *what,
			  struct fc_err *err)
{
	struct fc_err ignore = { 0 };

	if (text_check(s, strlen(s), kind, max, what, &ignore) == 0)
		return 0;
	return text_check(s, strlen(s), kind, max, _(what), err);
}

/* what: untranslated (N_). */
static int line_check(const char *s, size_t max, const char *what, int required,
		      struct fc_err *err)
{
	if (!s || (required && !*s))
		return fc_fail(err, N_("%s is empty"), _(what));
	return labelled_check(s, TEXT_LINE, max, what, err);
}

int badge_check(const char *badge, struct fc_err *err)
{
	const char *p;
	if (!*badge)
		return fc_fail(err, _("badge number is empty"));
	if (strlen(badge) > MAX_BADGE)
		return fc_fail(err, _("badge number '%.40s' is longer than %d characters"), badge, MAX_BADGE);
	for (p = badge; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      *p == '-' || *p == '_' || *p == '.'))
			return fc_fail(err, _("badge number '%.40s': only letters, digits, '-', '_' and "
				       "'.' are allowed"), badge);
	return 0;
}

int person_check(const struct fc_person *p, struct fc_err *err)
{
	if (badge_check(p->badge, err) || line_check(p->name, MAX_NAME, N_("name"), 1, err) ||
	    line_check(p->dept, MAX_DEPT, N_("department"), 1, err))
		return -1;
	return 0;
}

/* An XLSForm name, as the form loader takes it (forms/engine/problems.c):
 * a letter or '_', then letters, digits, '_', '-' or '.'.  Upper case and
 * dots are common in real forms ("Q1", "hh.size"); none of these characters
 * means anything in a record's JSON, a path or the "@<instance>" suffix. */
int fc_name_ok(const char *s)
{
	size_t i;

	if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return 0;
	for (i = 1; s[i]; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
			return 0;
	}
	return i <= MAX_ITEM;
}

/* A form's id, as settings.csv takes it: a letter or digit, then letters,
 * digits, '_', '-' or '.'; a folder name in forms/<id>/ that can never be
 * "." or "..". */
int fc_form_id_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      (i > 0 && (c == '_' || c == '-' || c == '.'))))
			return 0;
	}
	return i > 0 && i <= MAX_ITEM;
}

int item_name_check(const char *item, const char *what, struct fc_err *err)
{
	if (fc_name_ok(item))
		return 0;
	return fc_fail(err, _("%s '%.70s' is not a name (a letter or '_', then letters, digits, "
		       "'_', '-' and '.', at most %d)"), what, item, MAX_ITEM);
}

int form_id_check(const char *id, struct fc_err *err)
{
	if (fc_form_id_ok(id))
		return 0;
	return fc_fail(err, _("form id '%.70s' is not a form's id (a letter or digit, then "
		       "letters, digits, '_', '-' and '.', at most %d)"), id, MAX_ITEM);
}

int item_key_check(const char *key, const char *what, struct fc_err *err)
{
	const char *at = strchr(key, '@');
	char name[MAX_ITEM + 1];

	if (!at)
		return item_name_check(key, what, err);
	if ((size_t)(at - key) > MAX_ITEM)
		return fc_fail(err, _("%s '%.70s' is too long"), what, key);
	memcpy(name, key, (size_t)(at - key));
	name[at - key] = '\0';
	if (item_name_check(name, what, err) || uuid_check(at + 1, _("repeat instance"), err))
		return fc_err_prefix(err, _("%s '%.110s'"), what, key);
	return 0;
}

int industry_check(const char *s, struct fc_err *err)
{
	size_t n = strlen(s), i;
	if (n == 0)
		return 0;
	if (n > 5 || s[0] < 'A' || s[0] > 'T')
		goto bad;
	for (i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			goto bad;
	return 0;
bad:
	return fc_fail(err, _("industry class '%.20s' is not a GB/T 4754 code (a letter A-T and up "
		       "to four digits, like C26)"), s);
}

int enterprise_check(const struct fc_enterprise *e, struct fc_err *err)
{
	if (uscc_check(e->code, err) || line_check(e->name, MAX_NAME, N_("enterprise name"), 1, err) ||
	    line_check(e->town, MAX_TOWN, N_("town"), 0, err) || industry_check(e->industry, err) ||
	    line_check(e->address, MAX_ADDRESS, N_("address"), 0, err))
		return -1;
	return 0;
}

/* what: untranslated (N_). */
static int multi_check(const char *s, size_t max, const char *what, struct fc_err *err)
{
	return labelled_check(s, TEXT_MULTILINE, max, what, err);
}

static int answer_check(const struct fc_answer *a, struct fc_err *err)
{
	if (item_key_check(a->item, "item", err) ||
	    multi_check(a->value, MAX_VALUE, N_("answer"), err) ||
	    multi_check(a->note, MAX_NOTE, N_("note"), err) || badge_check(a->by, err) ||
	    timestamp_check(a->at, "answer time", err))
		return fc_err_prefix(err, _("answer to '%.64s'"), a->item);
	return 0;
}

static int team_check(const struct fc_inspection *in, struct fc_err *err)
{
	size_t i, j;
	if (in->n_team == 0)
		return fc_fail(err, _("the team is empty: an inspection has at least one member"));
	if (in->n_team > MAX_TEAM)
		return fc_fail(err, _("the team has %zu members, at most %d"), in->n_team, MAX_TEAM);
	for (i = 0; i < in->n_team; i++) {
		if (person_check(&in->team[i], err))
			return fc_err_prefix(err, _("team member %zu"), i + 1);
		for (j = 0; j < i; j++)
			if (!strcmp(in->team[i].badge, in->team[j].badge))
				return fc_fail(err, _("badge %s is in the team twice"), in->team[i].badge);
	}
	return 0;
}

/* Its position and where the position came from (docs/FORMAT.md). */
static int inspection_place_check(const struct fc_inspection *in, struct fc_err *err)
{
	static const char *const sources[] = { "", "gps", "typed", "photo" };
	size_t i;

	if (geo_check(in->geo, _("the inspection's position"), err))
		return -1;
	for (i = 0; i < ARRAY_SIZE(sources); i++)
		if (!strcmp(in->geo_source, sources[i]))
			break;
	if (i == ARRAY_SIZE(sources))
		return fc_fail(err, _("'%.8s' is not where a position comes from (gps, typed, photo)"),
			       in->geo_source);
	if (!in->geo[0] != !in->geo_source[0])
		return fc_fail(err, _("a position says where it came from, and only a position does"));
	return 0;
}

/* The unit's responsible person, the findings and the opinion; numbered
 * documents only on a final inspection (a draft's documents carry none). */
static int inspection_people_check(const struct fc_inspection *in, struct fc_err *err)
{
	if (line_check(in->resp_name, MAX_NAME, N_("the responsible person's name"), 0, err) ||
	    line_check(in->resp_title, MAX_TITLE, N_("the responsible person's title"), 0, err) ||
	    line_check(in->resp_phone, MAX_PHONE, N_("the responsible person's phone"), 0, err) ||
	    multi_check(in->findings ? in->findings : "", MAX_FINDINGS, N_("the findings"), err) ||
	    multi_check(in->opinion ? in->opinion : "", MAX_FINDINGS, N_("the opinion"), err))
		return -1;
	if (in->n_documents && in->status != INSP_FINAL)
		return fc_fail(err, _("a draft carries numbered documents; only a final inspection's "
			       "are numbered"));
	return 0;
}

/* Its files document the inspection ("") or one of its items; a final
 * inspection's files are evidence and none is withdrawn. */
static int inspection_files_check(const struct fc_inspection *in, struct fc_err *err)
{
	size_t i;

	if (attachments_check(in->attachments, in->n_attachments, err))
		return -1;
	for (i = 0; i < in->n_attachments; i++) {
		const struct fc_attachment *a = &in->attachments[i];
		if (a->to[0] && item_key_check(a->to, "item", err))
			return fc_err_prefix(err, _("attachment %zu"), i + 1);
		if (a->withdrawn[0] && in->status == INSP_FINAL)
			return fc_fail(err, _("attachment %zu: a final inspection's files are "
				       "evidence and are not withdrawn"), i + 1);
	}
	return 0;
}

int inspection_check(const struct fc_inspection *in, struct fc_err *err)
{
	size_t i;

	if (uuid_check(in->id, "inspection id", err) ||
	    form_id_check(in->form_id, err) || uscc_check(in->enterprise, err) ||
	    line_check(in->location, MAX_LOCATION, N_("location"), 0, err) ||
	    timestamp_check(in->created_at, "creation time", err) || badge_check(in->created_by, err))
		return -1;
	if (in->form_version < 1)
		return fc_fail(err, _("form version %d is not a positive number"), in->form_version);
	if ((in->status == INSP_FINAL) != (in->finalized_at[0] != '\0'))
		return fc_fail(err, _("a final inspection has a finalizing time and a draft has none"));
	if (in->finalized_at[0] && timestamp_check(in->finalized_at, "finalizing time", err))
		return -1;
	if (team_check(in, err))
		return -1;
	if (in->n_answers > MAX_ANSWERS)
		return fc_fail(err, _("%zu answers, at most %d"), in->n_answers, MAX_ANSWERS);
	for (i = 0; i < in->n_answers; i++) {
		if (answer_check(&in->answers[i], err))
			return -1;
		if (i && strcmp(in->answers[i - 1].item, in->answers[i].item) >= 0)
			return fc_fail(err, _("answers are not in order of item, or item '%s' is "
				       "answered twice"), in->answers[i].item);
	}
	if (in->n_conflicts > MAX_ANSWERS || in->n_amendments > MAX_ANSWERS)
		return fc_fail(err, _("%zu conflicts and %zu amendments, at most %d of each"),
			       in->n_conflicts, in->n_amendments, MAX_ANSWERS);
	for (i = 0; i < in->n_conflicts; i++) {
		if (answer_check(&in->conflicts[i], err))
			return fc_err_prefix(err, _("conflict %zu"), i + 1);
		if (i && conflict_cmp(&in->conflicts[i - 1], &in->conflicts[i]) >= 0)
			return fc_fail(err, _("conflicts are not in order, or one is there twice"));
	}
	if (in->n_conflicts && in->status == INSP_FINAL)
		return fc_fail(err, _("a final inspection has conflicts; only a draft can be conflicted"));
	for (i = 0; i < in->n_amendments; i++) {
		const struct fc_amendment *m = &in->amendments[i];
		struct fc_answer a = { m->item, m->value, m->note, "", "" };
		memcpy(a.by, m->by, sizeof a.by);
		memcpy(a.at, m->at, sizeof a.at);
		if (answer_check(&a, err) || line_check(m->reason, MAX_NOTE, N_("reason"), 1, err))
			return fc_err_prefix(err, _("amendment %zu"), i + 1);
	}
	if (in->n_amendments && in->status != INSP_FINAL)
		return fc_fail(err, _("a draft has amendments; only a final inspection is amended"));
	return inspection_place_check(in, err) || inspection_files_check(in, err) ||
	       inspection_people_check(in, err) ||
	       documents_check(in->documents, in->n_documents, err) ? -1 : 0;
}

static int event_check(const struct fc_hazard_event *ev, size_t i, struct fc_err *err)
{
	if (badge_check(ev->by, err) || line_check(ev->by_name, MAX_NAME, N_("name"), 1, err) ||
	    timestamp_check(ev->at, "event time", err) ||
	    multi_check(ev->note, MAX_NOTE, N_("note"), err))
		return fc_err_prefix(err, _("event %zu"), i + 1);
	if ((ev->kind == HEV_FOUND) != (i == 0))
		return fc_fail(err, _("event %zu: a hazard's log starts with one 'found' event"), i + 1);
	if (ev->kind == HEV_EXTEND && !ev->date[0])
		return fc_fail(err, _("event %zu: an extension carries the new deadline"), i + 1);
	if (ev->date[0] && ev->kind != HEV_EXTEND && ev->kind != HEV_NOTICE)
		return fc_fail(err, _("event %zu: only a notice or an extension carries a date"), i + 1);
	if (ev->date[0] && date_check(ev->date, _("deadline"), err))
		return fc_err_prefix(err, _("event %zu"), i + 1);
	return 0;
}

void hazard_event_ref(const struct fc_hazard_event *ev, char *out, size_t size)
{
	snprintf(out, size, "%s@%s", hazard_event_name(ev->kind), ev->at);
}

/* Its files document the hazard ("") or one of its events, named
 * "<kind>@<at>"; they are evidence of the hazard loop and none is withdrawn. */
static int hazard_files_check(const struct fc_hazard *h, struct fc_err *err)
{
	char ref[64];
	size_t i, j;

	if (attachments_check(h->attachments, h->n_attachments, err))
		return -1;
	for (i = 0; i < h->n_attachments; i++) {
		const struct fc_attachment *a = &h->attachments[i];
		for (j = 0; a->to[0] && j < h->n_events; j++) {
			hazard_event_ref(&h->events[j], ref, sizeof ref);
			if (!strcmp(ref, a->to))
				break;
		}
		if (a->to[0] && j == h->n_events)
			return fc_fail(err, _("attachment %zu documents '%.60s', not an event of "
				       "this hazard"), i + 1, a->to);
		if (a->withdrawn[0])
			return fc_fail(err, _("attachment %zu: a hazard's files are evidence and "
				       "are not withdrawn"), i + 1);
	}
	return 0;
}

int hazard_check(const struct fc_hazard *h, struct fc_err *err)
{
	size_t i;

	if (uuid_check(h->id, "hazard id", err) || uuid_check(h->inspection, "inspection id", err) ||
	    (h->item[0] && item_key_check(h->item, "item", err)) ||
	    text_check(h->description, strlen(h->description), TEXT_MULTILINE, MAX_DESCRIPTION,
		       _("description"), err) ||
	    date_check(h->deadline, _("deadline"), err))
		return -1;
	if (!h->description[0])
		return fc_fail(err, _("the hazard has no description"));
	if (h->n_events == 0 || h->n_events > MAX_EVENTS)
		return fc_fail(err, _("a hazard has between 1 and %d events, not %zu"), MAX_EVENTS,
			       h->n_events);
	for (i = 0; i < h->n_events; i++) {
		if (event_check(&h->events[i], i, err))
			return -1;
		if (i && hazard_event_cmp(&h->events[i - 1], &h->events[i]) > 0)
			return fc_fail(err, _("event %zu is out of order"), i + 1);
	}
	return hazard_files_check(h, err);
}

const char *hazard_due(const struct fc_hazard *h)
{
	const char *due = h->deadline;
	size_t i;
	for (i = 0; i < h->n_events; i++)
		if (h->events[i].date[0])
			due = h->events[i].date;
	return due;
}

enum hazard_state hazard_state_of(const struct fc_hazard *h)
{
	int notice = 0, rectified = 0, verified = 0;
	size_t i;
	for (i = 0; i < h->n_events; i++) {
		notice |= h->events[i].kind == HEV_NOTICE;
		rectified |= h->events[i].kind == HEV_RECTIFIED;
		verified |= h->events[i].kind == HEV_VERIFIED;
	}
	return verified ? HST_CLOSED : rectified ? HST_RECTIFIED : notice ? HST_NOTIFIED : HST_OPEN;
}

int hazard_supervised(const struct fc_hazard *h)
{
	size_t i;
	for (i = 0; i < h->n_events; i++)
		if (h->events[i].kind == HEV_SUPERVISE)
			return 1;
	return 0;
}

int hazard_overdue(const struct fc_hazard *h, const char *today)
{
	enum hazard_state s = hazard_state_of(h);
	return (s == HST_OPEN || s == HST_NOTIFIED) && strcmp(hazard_due(h), today) < 0;
}

int answer_cmp(const void *a, const void *b)
{
	return strcmp(((const struct fc_answer *)a)->item, ((const struct fc_answer *)b)->item);
}

const struct fc_answer *inspection_answer(const struct fc_inspection *in, const char *key)
{
	struct fc_answer k;

	if (!in || !in->n_answers)
		return NULL;
	memset(&k, 0, sizeof k);
	k.item = (char *)key;
	return bsearch(&k, in->answers, in->n_answers, sizeof *in->answers, answer_cmp);
}

int conflict_cmp(const void *pa, const void *pb)
{
	const struct fc_answer *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->item, b->item)) != 0 || (c = strcmp(a->at, b->at)) != 0 ||
	    (c = strcmp(a->by, b->by)) != 0 || (c = strcmp(a->value, b->value)) != 0)
		return c;
	return strcmp(a->note, b->note);
}

int hazard_event_cmp(const void *pa, const void *pb)
{
	const struct fc_hazard_event *a = pa, *b = pb;
	int c;

	if ((a->kind == HEV_FOUND) != (b->kind == HEV_FOUND))
		return a->kind == HEV_FOUND ? -1 : 1;
	if ((c = strcmp(a->at, b->at)) != 0)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = strcmp(a->by, b->by)) != 0)
		return c;
	if ((c = strcmp(a->date, b->date)) != 0 || (c = strcmp(a->note, b->note)) != 0)
		return c;
	return strcmp(a->by_name ? a->by_name : "", b->by_name ? b->by_name : "");
}

void answer_clear(struct fc_answer *a)
{
	free(a->item);
	free(a->value);
	free(a->note);
	memset(a, 0, sizeof *a);
}

void amendment_clear(struct fc_amendment *a)
{
	free(a->item);
	free(a->value);
	free(a->note);
	free(a->reason);
	memset(a, 0, sizeof *a);
}

void hazard_event_clear(struct fc_hazard_event *ev)
{
	free(ev->by_name);
	free(ev->note);
	memset(ev, 0, sizeof *ev);
}

void enterprise_clear(struct fc_enterprise *e)
{
	free(e->name);
	free(e->town);
	free(e->industry);
	free(e->address);
	memset(e, 0, sizeof *e);
}

void inspection_clear(struct fc_inspection *in)
{
	size_t i;
	for (i = 0; i < in->n_answers; i++)
		answer_clear(&in->answers[i]);
	for (i = 0; i < in->n_conflicts; i++)
		answer_clear(&in->conflicts[i]);
	for (i = 0; i < in->n_amendments; i++)
		amendment_clear(&in->amendments[i]);
	free(in->answers);
	free(in->conflicts);
	free(in->amendments);
	attachments_free(in->attachments, in->n_attachments);
	free(in->team);
	free(in->form_id);
	free(in->location);
	free(in->findings);
	free(in->opinion);
	free(in->documents);
	memset(in, 0, sizeof *in);
}

void hazard_clear(struct fc_hazard *h)
{
	size_t i;
	for (i = 0; i < h->n_events; i++)
		hazard_event_clear(&h->events[i]);
	free(h->events);
	attachments_free(h->attachments, h->n_attachments);
	free(h->item);
	free(h->description);
	memset(h, 0, sizeof *h);
}
