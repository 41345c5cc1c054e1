/* record_encode.c - writing records in their canonical layout (record.h). */
#include "record.h"

#include <string.h>

#include "table.h"

static void key(struct strbuf *sb, const char *k)
{
	json_quote(sb, k);
	strbuf_adds(sb, ": ");
}

/* A top-level field: two spaces, "key": "value", comma unless last. */
static void field(struct strbuf *sb, const char *k, const char *v)
{
	strbuf_adds(sb, "  ");
	key(sb, k);
	json_quote(sb, v ? v : "");
	strbuf_adds(sb, ",\n");
}

static void field_int(struct strbuf *sb, const char *k, long long v)
{
	strbuf_adds(sb, "  ");
	key(sb, k);
	strbuf_addf(sb, "%lld,\n", v);
}

/* Inside an array element: "key": "value" with a leading ", " unless first. */
static void inner(struct strbuf *sb, const char *k, const char *v, int first)
{
	if (!first)
		strbuf_adds(sb, ", ");
	key(sb, k);
	json_quote(sb, v ? v : "");
}

static void array_open(struct strbuf *sb, const char *k, size_t n)
{
	strbuf_adds(sb, "  ");
	key(sb, k);
	strbuf_adds(sb, n ? "[\n" : "[]");
}

static void element_end(struct strbuf *sb, size_t i, size_t n)
{
	strbuf_adds(sb, i + 1 < n ? "},\n" : "}\n  ]");
}

/* The last field of the object is an array; this closes both. */
static void end_object(struct strbuf *sb)
{
	strbuf_adds(sb, "\n}\n");
}

void record_encode_enterprise(const struct fc_enterprise *e, struct strbuf *out)
{
	strbuf_adds(out, "{\n");
	field(out, "format", FORMAT_ENTERPRISE);
	field(out, "code", e->code);
	field(out, "name", e->name);
	field(out, "town", e->town);
	field(out, "industry", e->industry);
	strbuf_adds(out, "  ");
	key(out, "address");
	json_quote(out, e->address ? e->address : "");
	strbuf_adds(out, "\n}\n");
}

static void encode_team(const struct fc_inspection *in, struct strbuf *out)
{
	size_t i;
	array_open(out, "team", in->n_team);
	for (i = 0; i < in->n_team; i++) {
		strbuf_adds(out, "    {");
		inner(out, "badge", in->team[i].badge, 1);
		inner(out, "name", in->team[i].name, 0);
		inner(out, "dept", in->team[i].dept, 0);
		element_end(out, i, in->n_team);
	}
	strbuf_adds(out, ",\n");
}

static void encode_answer_list(const char *key, const struct fc_answer *list, size_t n,
			       struct strbuf *out)
{
	size_t i;
	array_open(out, key, n);
	for (i = 0; i < n; i++) {
		const struct fc_answer *a = &list[i];
		strbuf_adds(out, "    {");
		inner(out, "item", a->item, 1);
		inner(out, "value", a->value, 0);
		inner(out, "note", a->note, 0);
		inner(out, "by", a->by, 0);
		inner(out, "at", a->at, 0);
		element_end(out, i, n);
	}
	strbuf_adds(out, ",\n");
}

static void inner_int(struct strbuf *sb, const char *k, long long v)
{
	strbuf_adds(sb, ", ");
	key(sb, k);
	strbuf_addf(sb, "%lld", v);
}

static int keyed_by_instance(const char *item)
{
	return strchr(item, '@') != NULL;
}

int inspection_version(const struct fc_inspection *in)
{
	size_t i;
	if (in->geo[0] || in->geo_source[0] || in->n_attachments || in->resp_name[0] ||
	    in->resp_title[0] || in->resp_phone[0] || (in->findings && *in->findings) ||
	    (in->opinion && *in->opinion) || in->n_documents)
		return 2;
	for (i = 0; i < in->n_answers; i++)
		if (keyed_by_instance(in->answers[i].item))
			return 2;
	for (i = 0; i < in->n_conflicts; i++)
		if (keyed_by_instance(in->conflicts[i].item))
			return 2;
	for (i = 0; i < in->n_amendments; i++)
		if (keyed_by_instance(in->amendments[i].item))
			return 2;
	return 1;
}

int hazard_version(const struct fc_hazard *h)
{
	return h->n_attachments || keyed_by_instance(h->item) ? 2 : 1;
}

/* The last array of a format-2 record, after a ",\n" (docs/FORMAT.md). */
static void encode_attachments(const struct fc_attachment *list, size_t n, struct strbuf *out)
{
	size_t i;
	array_open(out, "attachments", n);
	for (i = 0; i < n; i++) {
		const struct fc_attachment *a = &list[i];
		strbuf_adds(out, "    {");
		inner(out, "to", a->to, 1);
		inner(out, "sha256", a->sha256, 0);
		inner(out, "blob", a->blob, 0);
		inner_int(out, "size", a->size);
		inner(out, "type", a->type, 0);
		inner(out, "name", a->name, 0);
		inner(out, "taken", a->taken, 0);
		inner(out, "geo", a->geo, 0);
		inner(out, "by", a->by, 0);
		inner(out, "at", a->at, 0);
		inner(out, "withdrawn", a->withdrawn, 0);
		element_end(out, i, n);
	}
}

/* The last array of an inspection/2, after a ",\n". */
static void encode_documents(const struct fc_inspection *in, struct strbuf *out)
{
	size_t i;
	array_open(out, "documents", in->n_documents);
	for (i = 0; i < in->n_documents; i++) {
		const struct fc_document *d = &in->documents[i];
		strbuf_adds(out, "    {");
		inner(out, "kind", d->kind, 1);
		inner(out, "authority", d->authority, 0);
		inner_int(out, "year", d->year);
		inner_int(out, "serial", d->serial);
		inner(out, "by", d->by, 0);
		inner(out, "at", d->at, 0);
		element_end(out, i, in->n_documents);
	}
}

static void encode_amendments(const struct fc_inspection *in, struct strbuf *out)
{
	size_t i;
	array_open(out, "amendments", in->n_amendments);
	for (i = 0; i < in->n_amendments; i++) {
		const struct fc_amendment *m = &in->amendments[i];
		strbuf_adds(out, "    {");
		inner(out, "item", m->item, 1);
		inner(out, "value", m->value, 0);
		inner(out, "note", m->note, 0);
		inner(out, "reason", m->reason, 0);
		inner(out, "by", m->by, 0);
		inner(out, "at", m->at, 0);
		element_end(out, i, in->n_amendments);
	}
}

void record_encode_inspection(const struct fc_inspection *in, struct strbuf *out)
{
	int v2 = inspection_version(in) == 2;

	strbuf_adds(out, "{\n");
	field(out, "format", v2 ? FORMAT_INSPECTION_2 : FORMAT_INSPECTION);
	field(out, "id", in->id);
	field(out, "form", in->form_id);
	field_int(out, "form_version", in->form_version);
	field(out, "enterprise", in->enterprise);
	field(out, "type", insp_type_name(in->type));
	field(out, "status", insp_status_name(in->status));
	field(out, "location", in->location);
	if (v2) {
		field(out, "geo", in->geo);
		field(out, "geo_source", in->geo_source);
		field(out, "responsible", in->resp_name);
		field(out, "responsible_title", in->resp_title);
		field(out, "responsible_phone", in->resp_phone);
	}
	field(out, "created_at", in->created_at);
	field(out, "created_by", in->created_by);
	field(out, "finalized_at", in->finalized_at);
	if (v2) {
		field(out, "findings", in->findings);
		field(out, "opinion", in->opinion);
	}
	encode_team(in, out);
	encode_answer_list("answers", in->answers, in->n_answers, out);
	encode_answer_list("conflicts", in->conflicts, in->n_conflicts, out);
	encode_amendments(in, out);
	if (v2) {
		strbuf_adds(out, ",\n");
		encode_attachments(in->attachments, in->n_attachments, out);
		strbuf_adds(out, ",\n");
		encode_documents(in, out);
	}
	end_object(out);
}

void record_encode_hazard(const struct fc_hazard *h, struct strbuf *out)
{
	size_t i;

	strbuf_adds(out, "{\n");
	field(out, "format", hazard_version(h) == 2 ? FORMAT_HAZARD_2 : FORMAT_HAZARD);
	field(out, "id", h->id);
	field(out, "inspection", h->inspection);
	field(out, "item", h->item);
	field(out, "severity", hazard_sev_name(h->severity));
	field(out, "description", h->description);
	field(out, "deadline", h->deadline);
	array_open(out, "events", h->n_events);
	for (i = 0; i < h->n_events; i++) {
		const struct fc_hazard_event *ev = &h->events[i];
		strbuf_adds(out, "    {");
		inner(out, "kind", hazard_event_name(ev->kind), 1);
		inner(out, "at", ev->at, 0);
		inner(out, "by", ev->by, 0);
		inner(out, "name", ev->by_name, 0);
		inner(out, "date", ev->date, 0);
		inner(out, "note", ev->note, 0);
		element_end(out, i, h->n_events);
	}
	if (hazard_version(h) == 2) {
		strbuf_adds(out, ",\n");
		encode_attachments(h->attachments, h->n_attachments, out);
	}
	end_object(out);
}

void record_encode(const struct fc_record *r, struct strbuf *out)
{
	switch (r->kind) {
	case REC_ENTERPRISE: record_encode_enterprise(&r->u.enterprise, out); break;
	case REC_INSPECTION: record_encode_inspection(&r->u.inspection, out); break;
	case REC_HAZARD: record_encode_hazard(&r->u.hazard, out); break;
	}
}
