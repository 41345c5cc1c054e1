/* doc_record.c - the on-site inspection record as a document (see
 * doc_record.h). */
#include <stdio.h>
#include <string.h>

#include "doc_record.h"
#include "answer_text.h"
#include "doc_parts.h"
#include "inspect.h"
#include "visit.h"
#include "core/docnum.h"
#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/i18n.h"
#include "core/inspection.h"

/* Lines left to write the findings and the opinion on by hand. */
#define RECORD_WRITE_LINES 4

struct rec {
	struct doc *d;
	struct fc_store *s;
	struct fc_inspection in;
	struct fc_enterprise e;
	struct form *f;             /* NULL: items named by their names */
	struct form_lang lang;
	int zh;
	size_t n_hazards;
};

/* "2026-11-28T09:30:00+08:00" as "2026-11-28 09:30" (its own local time). */
static void when(const char *ts, char *buf, size_t size)
{
	snprintf(buf, size, "%.10s %.5s", ts, strlen(ts) > 11 ? ts + 11 : "");
}

static void day(const struct rec *r, const char *ts, char *buf, size_t size)
{
	if (!*ts)
		snprintf(buf, size, "%s", r->zh ? "    年  月  日" : "____-__-__");
	else if (r->zh)
		snprintf(buf, size, "%.4s年%.2s月%.2s日", ts, ts + 5, ts + 8);
	else
		snprintf(buf, size, "%.10s", ts);
}

static const char *person_name(const struct fc_inspection *in, const char *badge)
{
	size_t i;

	for (i = 0; i < in->n_team; i++)
		if (!strcmp(in->team[i].badge, badge))
			return in->team[i].name;
	return badge;
}

static const char *type_text(enum insp_type t)
{
	static const char *const names[INSP_TYPE_COUNT] = {
		N_("routine"), N_("unannounced"), N_("joint"), N_("re-inspection"),
	};
	return t < INSP_TYPE_COUNT ? _(names[t]) : "";
}

/* "title, phone", either alone, or "" (a line to fill in by hand). */
static void title_phone(const struct rec *r, char *buf, size_t size)
{
	const char *sep = r->in.resp_title[0] && r->in.resp_phone[0] ? (r->zh ? "，" : ", ") : "";

	snprintf(buf, size, "%s%s%s", r->in.resp_title, sep, r->in.resp_phone);
}

static void head(struct rec *r)
{
	struct doc *d = r->d;
	char from[32], to[32], buf[256];
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	doc_field(d, _("Inspected unit: "), r->e.name ? r->e.name : "");
	doc_field(d, _("Credit code: "), r->in.enterprise);
	doc_field(d, _("Address: "), r->e.address ? r->e.address : "");
	doc_field(d, _("Legal representative or responsible person: "), r->in.resp_name);
	title_phone(r, buf, sizeof buf);
	doc_field(d, _("Title and phone: "), buf);
	doc_field(d, _("Place inspected: "), r->in.location ? r->in.location : "");
	if (r->in.geo[0]) { /* the coordinates, and where they came from */
		snprintf(buf, sizeof buf, "%s (%s)", r->in.geo, r->in.geo_source);
		doc_field(d, _("Coordinates: "), buf);
	}
	doc_field(d, _("Inspection type: "), type_text(r->in.type));
	when(r->in.created_at, from, sizeof from);
	if (*r->in.finalized_at)
		when(r->in.finalized_at, to, sizeof to);
	else
		snprintf(to, sizeof to, "%s", "________________");
	snprintf(buf, sizeof buf, _("from %s to %s"), from, to);
	doc_field(d, _("Time: "), buf);
	for (i = 0; i < r->in.n_team; i++) {
		const struct fc_person *p = &r->in.team[i];
		if (i)
			strbuf_adds(&sb, r->zh ? "；" : "; ");
		strbuf_addf(&sb, _("%s (%s, certificate no. %s)"), p->name, p->dept, p->badge);
	}
	doc_field(d, _("Officers: "), sb.buf);
	doc_field(d, _("Recorder: "), person_name(&r->in, r->in.created_by));
	doc_para(d, _("The officers showed their law-enforcement certificates to "
		      "the inspected unit and explained the purpose of the inspection."));
	strbuf_release(&sb);
}

/* The latest value of an answer: an amendment's if it was amended. */
static const char *value_of(const struct fc_inspection *in, const struct fc_answer *a,
			    const char **note)
{
	const char *v = a->value;
	size_t k;

	*note = a->note;
	for (k = 0; k < in->n_amendments; k++)
		if (!strcmp(in->amendments[k].item, a->item)) {
			v = in->amendments[k].value;
			*note = in->amendments[k].reason;
		}
	return v;
}

/* One answered item's row: its label ("Plate (Vehicle 2)" inside a
 * repeat's instance), the result, the note; its photos under it. */
static void item_row(struct rec *r, size_t *no, const struct form_item *it,
		     const struct fc_answer *a)
{
	char num[24], result[2048];
	const char *cells[4], *note;
	const char *v = value_of(&r->in, a, &note);
	struct strbuf label;

	answer_text(r->f, it, v, r->lang, result, sizeof result);
	snprintf(num, sizeof num, "%zu", ++*no);
	strbuf_init(&label);
	inspect_key_label(it ? r->f : NULL, &r->in, a->item, r->lang, &label);
	cells[0] = num;
	cells[1] = label.buf;
	cells[2] = result;
	cells[3] = note ? note : "";
	doc_row(r->d, 0, cells, 4);
	strbuf_release(&label);
	/* the item's photos under it (a repeat's instance by its own key) */
	doc_photos(r->d, r->in.attachments, r->in.n_attachments, a->item);
}

struct checked_walk {
	struct rec *r;
	size_t no;
};

static void checked_visit(void *ctx, const struct inspect_visit *v)
{
	struct checked_walk *w = ctx;
	const struct form_item *it = &w->r->f->items[v->item];
	const struct fc_answer *a;

	if (v->kind == IV_ITEM && form_item_answerable(it) &&
	    (a = inspection_answer(&w->r->in, v->key)))
		item_row(w->r, &w->no, it, a);
}

/* Every answered item in the form's order, a repeat's instance by
 * instance (forms/inspect/visit.h), then any the form lacks.  A removed
 * instance's answers stay in the record but are not printed. */
static void checked(struct rec *r)
{
	const char *headc[4] = { _("No."), _("Item"), _("Result"), _("Note") };
	struct checked_walk w = { r, 0 };
	size_t i;

	doc_heading(r->d, _("What was checked"));
	doc_row(r->d, 1, headc, 4);
	if (r->f)
		inspect_visit_items(r->f, &r->in, r->lang, checked_visit, &w);
	for (i = 0; i < r->in.n_answers; i++)
		if (!r->f || inspect_key_item(r->f, r->in.answers[i].item) < 0)
			item_row(r, &w.no, NULL, &r->in.answers[i]);
}

static int take_hazard(const struct hazard_row *h, void *ctx)
{
	struct rec *r = ctx;
	char num[24];
	const char *cells[4];

	snprintf(num, sizeof num, "%zu", ++r->n_hazards);
	cells[0] = num;
	cells[1] = h->description ? h->description : "";
	cells[2] = strcmp(h->severity, "major") ? _("general hazard") : _("major hazard");
	cells[3] = h->due;
	doc_row(r->d, 0, cells, 4);
	return 0;
}

static int hazards(struct rec *r, struct fc_err *err)
{
	const char *headc[4] = { _("No."), _("Hazard"), _("Severity"), _("Rectify by") };
	struct hazard_filter hf = { 0 };
	char today[FC_DATE_LEN + 1];

	if (clock_today(today, err))
		return -1;
	doc_heading(r->d, _("Hazards found"));
	doc_row(r->d, 1, headc, 4);
	hf.inspection = r->in.id;
	hf.enterprise = "";
	hf.today = today;
	if (hazard_list(r->s, &hf, take_hazard, r, err))
		return -1;
	if (r->n_hazards == 0)
		doc_para(r->d, _("No hazard was found."));
	return 0;
}

/* Whether a file attached to `to` was shown under an item's row: the
 * record's own (""), and one attached to an item not answered, were not. */
static int under_row(const struct rec *r, const char *to)
{
	return *to && inspection_answer(&r->in, to);
}

/* The inspection's own photos, then any attached to an item that has no
 * row (its key before them), under one heading when there are any. */
static void own_photos(struct rec *r)
{
	const struct fc_attachment *list = r->in.attachments;
	size_t i, n = r->in.n_attachments;
	int any = 0;

	for (i = 0; i < n; i++)
		any |= !under_row(r, list[i].to) && doc_photos_any(list, n, list[i].to);
	if (!any || !r->d->ev)
		return;
	doc_heading(r->d, _("Photos"));
	doc_photos(r->d, list, n, "");
	for (i = 0; i < n; i++) /* by `to`: each key's files together */
		if (*list[i].to && !under_row(r, list[i].to) &&
		    (i == 0 || strcmp(list[i - 1].to, list[i].to)) &&
		    doc_photos_any(list, n, list[i].to)) {
			doc_add(r->d, DB_ITEM, list[i].to, NULL, NULL);
			doc_photos(r->d, list, n, list[i].to);
		}
}

/* The officers sign, the unit's responsible person signs or refuses before
 * a witness; the department's seal goes under the date. */
static void signatures(struct rec *r)
{
	char badge[MAX_BADGE + 64], date[64];
	size_t i;

	for (i = 0; i < r->in.n_team || i < 2; i++) {
		const struct fc_person *p = i < r->in.n_team ? &r->in.team[i] : NULL;
		snprintf(badge, sizeof badge, "%s%s", _("certificate no. "),
			 p ? p->badge : "__________");
		doc_add(r->d, DB_SIGN, _("Officer (signature): "), p ? p->name : "__________",
			badge);
	}
	doc_add(r->d, DB_SIGN, _("Recorder (signature): "),
		person_name(&r->in, r->in.created_by), NULL);
	doc_add(r->d, DB_SIGN, _("Responsible person of the inspected unit (signature): "), "",
		NULL);
	doc_add(r->d, DB_SIGN, _("Refused to sign; witness (signature): "), "", NULL);
	day(r, r->in.finalized_at, date, sizeof date);
	doc_add(r->d, DB_SEAL, r->in.n_team ? r->in.team[0].dept : "", date, _("(seal)"));
}

static void body(struct rec *r)
{
	doc_parts_head(r->d, &r->in, r->zh, _("On-site inspection record"),
		       _("[DRAFT] Made from an inspection not yet finalized: for checking only, "
			 "not to be signed."), DOCNUM_RECORD);
	head(r);
	checked(r);
}

static void tail(struct rec *r)
{
	doc_write(r->d, _("Findings:"), r->in.findings, RECORD_WRITE_LINES);
	doc_write(r->d, _("Opinion on handling:"), r->in.opinion, RECORD_WRITE_LINES);
	signatures(r);
	doc_parts_foot(r->d, &r->in, _("[DRAFT] Made from an inspection not yet finalized: for "
				       "checking only, not to be signed."));
}

int record_doc(struct fc_workspace *ws, const char *id, struct form_lang lang, struct doc *out,
	       struct fc_err *err)
{
	struct fc_err ferr = { 0 };
	struct rec r;
	int rc = -1;

	memset(&r, 0, sizeof r);
	r.d = out;
	r.s = ws->store;
	r.lang = lang;
	r.zh = form_lang_is(lang, "zh");
	if (inspection_get(ws->store, id, &r.in, err) ||
	    enterprise_get(ws->store, r.in.enterprise, &r.e, err))
		goto out;
	/* Without its form the items go by their names: the record is still
	 * the record of what was answered. */
	r.f = inspect_form(ws, r.in.form_id, r.in.form_version, &ferr);
	body(&r);
	if (hazards(&r, err))
		goto out;
	own_photos(&r);
	tail(&r);
	doc_photos_close(r.d, r.in.id);
	rc = 0;
out:
	form_free(r.f);
	inspection_clear(&r.in);
	enterprise_clear(&r.e);
	return rc;
}
