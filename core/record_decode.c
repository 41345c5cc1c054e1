/* record_decode.c - reading records, strictly (see record.h).
 *
 * Three passes: the JSON reader (syntax), the mapping onto the model (keys,
 * types, the model's own checks), then a byte comparison with the record
 * re-encoded, which catches every departure from the canonical layout.
 */
#include "record.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "core/i18n.h"

struct dec {
	const char *where;
	struct fc_err *err;
};

static int at_fail(struct dec *d, const struct json_value *v, const char *fmt, ...)
	FC_PRINTF(3, 4);

static int at_fail(struct dec *d, const struct json_value *v, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return fc_fail(d->err, "%s:%d:%d: %s", d->where, v->line, v->col, what);
}

/* Every key of obj must be one of keys[] and every one of keys[] present. */
static int want_keys(struct dec *d, const struct json_value *obj, const char *const *keys,
		     const char *what)
{
	size_t i, k;

	if (obj->type != JSON_OBJECT)
		return at_fail(d, obj, "expected %s as an object", what);
	for (i = 0; i < obj->len; i++) {
		for (k = 0; keys[k] && strcmp(keys[k], obj->members[i].key); k++)
			;
		if (!keys[k])
			return at_fail(d, &obj->members[i].value, "unknown key \"%.60s\"",
				       obj->members[i].key);
	}
	for (k = 0; keys[k]; k++)
		if (!json_get(obj, keys[k]))
			return fc_fail(d->err, _("%s:%d:%d: %s has no \"%s\""), d->where, obj->line,
				       obj->col, what, keys[k]);
	return 0;
}

static const struct json_value *typed(struct dec *d, const struct json_value *obj,
				      const char *k, enum json_type t)
{
	const struct json_value *v = json_get(obj, k);

	if (v->type == t)
		return v;
	at_fail(d, v, "\"%s\" should be %s, not %s", k, json_type_name(t), json_type_name(v->type));
	return NULL;
}

static int get_str(struct dec *d, const struct json_value *obj, const char *k, char **out)
{
	const struct json_value *v = typed(d, obj, k, JSON_STRING);
	if (!v)
		return -1;
	*out = xstrdup(v->s);
	return 0;
}

static int get_fixed(struct dec *d, const struct json_value *obj, const char *k, char *dst,
		     size_t size)
{
	const struct json_value *v = typed(d, obj, k, JSON_STRING);
	if (!v)
		return -1;
	if (v->len >= size)
		return at_fail(d, v, "\"%s\" is too long", k);
	memcpy(dst, v->s, v->len + 1);
	return 0;
}

static const struct json_value *get_array(struct dec *d, const struct json_value *obj,
					  const char *k, size_t max)
{
	const struct json_value *v = typed(d, obj, k, JSON_ARRAY);
	if (v && v->len > max) {
		at_fail(d, v, "\"%s\" has too many entries", k);
		return NULL;
	}
	return v;
}

static int check_format(struct dec *d, const struct json_value *root, const char *want)
{
	const struct json_value *f = json_get(root, "format");
	if (f->type != JSON_STRING || strcmp(f->s, want))
		return at_fail(d, f, "unknown format version (this fieldcheck reads %s)", want);
	return 0;
}

static int decode_enterprise(struct dec *d, const struct json_value *root, struct fc_enterprise *e)
{
	static const char *const keys[] = { "format", "code", "name", "town", "industry",
					    "address", NULL };
	if (want_keys(d, root, keys, "the enterprise") || check_format(d, root, FORMAT_ENTERPRISE) ||
	    get_fixed(d, root, "code", e->code, sizeof e->code) ||
	    get_str(d, root, "name", &e->name) || get_str(d, root, "town", &e->town) ||
	    get_str(d, root, "industry", &e->industry) || get_str(d, root, "address", &e->address))
		return -1;
	return 0;
}

static int decode_member(struct dec *d, const struct json_value *v, struct fc_person *p)
{
	static const char *const keys[] = { "badge", "name", "dept", NULL };
	if (want_keys(d, v, keys, "a team member") ||
	    get_fixed(d, v, "badge", p->badge, sizeof p->badge) ||
	    get_fixed(d, v, "name", p->name, sizeof p->name) ||
	    get_fixed(d, v, "dept", p->dept, sizeof p->dept))
		return -1;
	return 0;
}

static int decode_answer(struct dec *d, const struct json_value *v, struct fc_answer *a)
{
	static const char *const keys[] = { "item", "value", "note", "by", "at", NULL };
	if (want_keys(d, v, keys, "an answer") || get_str(d, v, "item", &a->item) ||
	    get_str(d, v, "value", &a->value) || get_str(d, v, "note", &a->note) ||
	    get_fixed(d, v, "by", a->by, sizeof a->by) || get_fixed(d, v, "at", a->at, sizeof a->at))
		return -1;
	return 0;
}

static int decode_amendment(struct dec *d, const struct json_value *v, struct fc_amendment *m)
{
	static const char *const keys[] = { "item", "value", "note", "reason", "by", "at", NULL };
	if (want_keys(d, v, keys, "an amendment") || get_str(d, v, "item", &m->item) ||
	    get_str(d, v, "value", &m->value) || get_str(d, v, "note", &m->note) ||
	    get_str(d, v, "reason", &m->reason) || get_fixed(d, v, "by", m->by, sizeof m->by) ||
	    get_fixed(d, v, "at", m->at, sizeof m->at))
		return -1;
	return 0;
}

static int decode_attachment(struct dec *d, const struct json_value *v, struct fc_attachment *a)
{
	static const char *const keys[] = { "to", "sha256", "blob", "size", "type", "name",
		"taken", "geo", "by", "at", "withdrawn", NULL };
	const struct json_value *size;

	if (want_keys(d, v, keys, "an attachment") || get_str(d, v, "to", &a->to) ||
	    get_fixed(d, v, "sha256", a->sha256, sizeof a->sha256) ||
	    get_fixed(d, v, "blob", a->blob, sizeof a->blob) ||
	    !(size = typed(d, v, "size", JSON_INT)) ||
	    get_fixed(d, v, "type", a->type, sizeof a->type) || get_str(d, v, "name", &a->name) ||
	    get_fixed(d, v, "taken", a->taken, sizeof a->taken) ||
	    get_fixed(d, v, "geo", a->geo, sizeof a->geo) ||
	    get_fixed(d, v, "by", a->by, sizeof a->by) || get_fixed(d, v, "at", a->at, sizeof a->at) ||
	    get_fixed(d, v, "withdrawn", a->withdrawn, sizeof a->withdrawn))
		return -1;
	a->size = size->i;
	return 0;
}

/* The "attachments" array of a format-2 record into *list. */
static int decode_attachments(struct dec *d, const struct json_value *root,
			      struct fc_attachment **list, size_t *n)
{
	const struct json_value *arr = get_array(d, root, "attachments", MAX_ATTACHMENTS);
	size_t i;

	if (!arr)
		return -1;
	*list = xcalloc(arr->len + 1, sizeof **list);
	for (i = 0; i < arr->len; i++)
		if ((*n)++, decode_attachment(d, &arr->items[i], &(*list)[i]))
			return -1;
	return 0;
}

static int decode_document(struct dec *d, const struct json_value *v, struct fc_document *doc)
{
	static const char *const keys[] = { "kind", "authority", "year", "serial", "by", "at",
					    NULL };
	const struct json_value *year, *serial;

	if (want_keys(d, v, keys, "a document") ||
	    get_fixed(d, v, "kind", doc->kind, sizeof doc->kind) ||
	    get_fixed(d, v, "authority", doc->authority, sizeof doc->authority) ||
	    !(year = typed(d, v, "year", JSON_INT)) || !(serial = typed(d, v, "serial", JSON_INT)) ||
	    get_fixed(d, v, "by", doc->by, sizeof doc->by) ||
	    get_fixed(d, v, "at", doc->at, sizeof doc->at))
		return -1;
	if (year->i < 0 || year->i > 9999 || serial->i < 0 || serial->i > 9999999)
		return at_fail(d, v, "a document's year or serial is out of range");
	doc->year = (int)year->i;
	doc->serial = (int)serial->i;
	return 0;
}

/* The "documents" array of an inspection/2. */
static int decode_documents(struct dec *d, const struct json_value *root, struct fc_inspection *in)
{
	const struct json_value *arr = get_array(d, root, "documents", MAX_DOCUMENTS);
	size_t i;

	if (!arr)
		return -1;
	in->documents = xcalloc(arr->len + 1, sizeof *in->documents);
	for (i = 0; i < arr->len; i++)
		if (in->n_documents++, decode_document(d, &arr->items[i], &in->documents[i]))
			return -1;
	return 0;
}

/* The unit's responsible person, the findings and the opinion. */
static int decode_people(struct dec *d, const struct json_value *root, struct fc_inspection *in)
{
	return get_fixed(d, root, "responsible", in->resp_name, sizeof in->resp_name) ||
	       get_fixed(d, root, "responsible_title", in->resp_title, sizeof in->resp_title) ||
	       get_fixed(d, root, "responsible_phone", in->resp_phone, sizeof in->resp_phone) ||
	       get_str(d, root, "findings", &in->findings) ||
	       get_str(d, root, "opinion", &in->opinion) || decode_documents(d, root, in) ? -1 : 0;
}

static int decode_enum(struct dec *d, const struct json_value *root, const char *k,
		       int (*parse)(const char *, void *), void *out)
{
	const struct json_value *v = typed(d, root, k, JSON_STRING);
	if (!v)
		return -1;
	if (parse(v->s, out))
		return at_fail(d, v, "unknown value for \"%s\"", k);
	return 0;
}

static int parse_type(const char *s, void *out) { return insp_type_parse(s, out); }
static int parse_sev(const char *s, void *out) { return hazard_sev_parse(s, out); }
static int parse_kind(const char *s, void *out) { return hazard_event_parse(s, out); }
static int parse_status(const char *s, void *out)
{
	if (!strcmp(s, "draft") || !strcmp(s, "final")) {
		*(enum insp_status *)out = !strcmp(s, "final") ? INSP_FINAL : INSP_DRAFT;
		return 0;
	}
	return -1;
}

static int decode_lists(struct dec *d, const struct json_value *root, struct fc_inspection *in)
{
	const struct json_value *team, *ans, *con, *am;
	size_t i;

	if (!(team = get_array(d, root, "team", MAX_TEAM)) ||
	    !(ans = get_array(d, root, "answers", MAX_ANSWERS)) ||
	    !(con = get_array(d, root, "conflicts", MAX_ANSWERS)) ||
	    !(am = get_array(d, root, "amendments", MAX_ANSWERS)))
		return -1;
	in->team = xcalloc(team->len, sizeof *in->team);
	in->answers = xcalloc(ans->len, sizeof *in->answers);
	in->conflicts = xcalloc(con->len, sizeof *in->conflicts);
	in->amendments = xcalloc(am->len, sizeof *in->amendments);
	/* Counted before decoding: a half-decoded entry is still released. */
	for (i = 0; i < team->len; i++)
		if (in->n_team++, decode_member(d, &team->items[i], &in->team[i]))
			return -1;
	for (i = 0; i < ans->len; i++)
		if (in->n_answers++, decode_answer(d, &ans->items[i], &in->answers[i]))
			return -1;
	for (i = 0; i < con->len; i++)
		if (in->n_conflicts++, decode_answer(d, &con->items[i], &in->conflicts[i]))
			return -1;
	for (i = 0; i < am->len; i++)
		if (in->n_amendments++, decode_amendment(d, &am->items[i], &in->amendments[i]))
			return -1;
	return 0;
}

static int decode_inspection(struct dec *d, const struct json_value *root, struct fc_inspection *in,
			     int v2)
{
	static const char *const keys1[] = { "format", "id", "form", "form_version", "enterprise",
		"type", "status", "location", "created_at", "created_by", "finalized_at", "team",
		"answers", "conflicts", "amendments", NULL };
	static const char *const keys2[] = { "format", "id", "form", "form_version", "enterprise",
		"type", "status", "location", "geo", "geo_source", "responsible", "responsible_title",
		"responsible_phone", "created_at", "created_by", "finalized_at", "findings", "opinion",
		"team", "answers", "conflicts", "amendments", "attachments", "documents", NULL };
	const struct json_value *ver;

	if (want_keys(d, root, v2 ? keys2 : keys1, "the inspection") ||
	    (v2 && (get_fixed(d, root, "geo", in->geo, sizeof in->geo) ||
		    get_fixed(d, root, "geo_source", in->geo_source, sizeof in->geo_source) ||
		    decode_attachments(d, root, &in->attachments, &in->n_attachments) ||
		    decode_people(d, root, in))) ||
	    get_fixed(d, root, "id", in->id, sizeof in->id) ||
	    get_str(d, root, "form", &in->form_id) ||
	    !(ver = typed(d, root, "form_version", JSON_INT)) ||
	    get_fixed(d, root, "enterprise", in->enterprise, sizeof in->enterprise) ||
	    decode_enum(d, root, "type", parse_type, &in->type) ||
	    decode_enum(d, root, "status", parse_status, &in->status) ||
	    get_str(d, root, "location", &in->location) ||
	    get_fixed(d, root, "created_at", in->created_at, sizeof in->created_at) ||
	    get_fixed(d, root, "created_by", in->created_by, sizeof in->created_by) ||
	    get_fixed(d, root, "finalized_at", in->finalized_at, sizeof in->finalized_at))
		return -1;
	if (ver->i < 1 || ver->i > MAX_FORM_VERSION)
		return at_fail(d, ver, "form_version is not a positive number up to %d",
			       MAX_FORM_VERSION);
	in->form_version = (int)ver->i;
	return decode_lists(d, root, in);
}

static int decode_event(struct dec *d, const struct json_value *v, struct fc_hazard_event *ev)
{
	static const char *const keys[] = { "kind", "at", "by", "name", "date", "note", NULL };
	if (want_keys(d, v, keys, "an event") || decode_enum(d, v, "kind", parse_kind, &ev->kind) ||
	    get_fixed(d, v, "at", ev->at, sizeof ev->at) ||
	    get_fixed(d, v, "by", ev->by, sizeof ev->by) || get_str(d, v, "name", &ev->by_name) ||
	    get_fixed(d, v, "date", ev->date, sizeof ev->date) || get_str(d, v, "note", &ev->note))
		return -1;
	return 0;
}

static int decode_hazard(struct dec *d, const struct json_value *root, struct fc_hazard *h, int v2)
{
	static const char *const keys1[] = { "format", "id", "inspection", "item", "severity",
		"description", "deadline", "events", NULL };
	static const char *const keys2[] = { "format", "id", "inspection", "item", "severity",
		"description", "deadline", "events", "attachments", NULL };
	const struct json_value *evs;
	size_t i;

	if (want_keys(d, root, v2 ? keys2 : keys1, "the hazard") ||
	    (v2 && decode_attachments(d, root, &h->attachments, &h->n_attachments)) ||
	    get_fixed(d, root, "id", h->id, sizeof h->id) ||
	    get_fixed(d, root, "inspection", h->inspection, sizeof h->inspection) ||
	    get_str(d, root, "item", &h->item) ||
	    decode_enum(d, root, "severity", parse_sev, &h->severity) ||
	    get_str(d, root, "description", &h->description) ||
	    get_fixed(d, root, "deadline", h->deadline, sizeof h->deadline) ||
	    !(evs = get_array(d, root, "events", MAX_EVENTS)))
		return -1;
	h->events = xcalloc(evs->len, sizeof *h->events);
	for (i = 0; i < evs->len; i++)
		if (h->n_events++, decode_event(d, &evs->items[i], &h->events[i]))
			return -1;
	return 0;
}

static int decode_kind(struct dec *d, const struct json_value *root, struct fc_record *r)
{
	const struct json_value *f = json_get(root, "format");

	if (root->type != JSON_OBJECT)
		return at_fail(d, root, "a record is an object, not %s", json_type_name(root->type));
	if (!f || f->type != JSON_STRING)
		return at_fail(d, root, "the record has no \"format\" text");
	if (!strcmp(f->s, FORMAT_ENTERPRISE)) {
		r->kind = REC_ENTERPRISE;
		return decode_enterprise(d, root, &r->u.enterprise);
	}
	if (!strcmp(f->s, FORMAT_INSPECTION) || !strcmp(f->s, FORMAT_INSPECTION_2)) {
		r->kind = REC_INSPECTION;
		return decode_inspection(d, root, &r->u.inspection, !strcmp(f->s, FORMAT_INSPECTION_2));
	}
	if (!strcmp(f->s, FORMAT_HAZARD) || !strcmp(f->s, FORMAT_HAZARD_2)) {
		r->kind = REC_HAZARD;
		return decode_hazard(d, root, &r->u.hazard, !strcmp(f->s, FORMAT_HAZARD_2));
	}
	return at_fail(d, f, "unknown record format \"%.60s\"", f->s);
}

static int model_check(const struct fc_record *r, struct fc_err *err)
{
	switch (r->kind) {
	case REC_ENTERPRISE: return enterprise_check(&r->u.enterprise, err);
	case REC_INSPECTION: return inspection_check(&r->u.inspection, err);
	default: return hazard_check(&r->u.hazard, err);
	}
}

/* Finds where buf departs from the canonical bytes, as line and column. */
static int canonical_check(struct dec *d, const char *buf, size_t len, const struct fc_record *r)
{
	struct strbuf sb;
	size_t i, line = 1, col = 1;
	int ok;

	strbuf_init(&sb);
	record_encode(r, &sb);
	ok = sb.len == len && !memcmp(sb.buf, buf, len);
	for (i = 0; !ok && i < len && i < sb.len && buf[i] == sb.buf[i]; i++) {
		if (buf[i] == '\n')
			line++, col = 1;
		else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			col++;
	}
	strbuf_release(&sb);
	if (ok)
		return 0;
	return fc_fail(d->err, _("%s:%zu:%zu: not in canonical form (records are written in one "
		       "fixed layout; this one was changed by another program)"), d->where, line, col);
}

int record_decode(const char *buf, size_t len, const char *where, struct fc_record *out,
		  struct fc_err *err)
{
	static const struct json_limits lim = { MAX_RECORD_KEYS, MAX_RECORD_VALUES };
	struct dec d = { where, err };
	struct json_value root;

	memset(out, 0, sizeof *out);
	if (len > MAX_RECORD_BYTES)
		return fc_fail(err, _("%s: record is %zu bytes, at most %d"), where, len, MAX_RECORD_BYTES);
	if (json_parse(buf, len, where, &lim, &root, err))
		return -1;
	if (decode_kind(&d, &root, out)) {
		json_release(&root);
		record_clear(out);
		return -1;
	}
	json_release(&root);
	if (model_check(out, err)) {
		fc_err_prefix(err, "%s", where);
		record_clear(out);
		return -1;
	}
	if (canonical_check(&d, buf, len, out)) {
		record_clear(out);
		return -1;
	}
	return 0;
}

void record_clear(struct fc_record *r)
{
	switch (r->kind) {
	case REC_ENTERPRISE: enterprise_clear(&r->u.enterprise); break;
	case REC_INSPECTION: inspection_clear(&r->u.inspection); break;
	case REC_HAZARD: hazard_clear(&r->u.hazard); break;
	}
}
