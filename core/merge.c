/* merge.c - the record-aware three-way merge of ONE record (see merge.h):
 * base, ours and theirs as decoded records in, one record out, no git and no
 * I/O.  sync/treemerge.c is the other merge: it walks two git trees, takes
 * the paths only one side changed, and calls this for each record both
 * changed.
 *
 * Every choice is made by a rule that does not look at which side is ours:
 * a clash takes the greater value in byte order, an answer clash the later
 * answer, lists are unions put in a fixed order.  So two devices merging the
 * same histories, each with itself as ours, write the same bytes.  The one
 * exception is the refusal of a finalized inspection that arrives changed.
 *
 * Inputs are checked first (the merge relies on their sorted lists) and the
 * result last: a merge never hands back a record the decoder would refuse.
 */
#include "merge.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attachment.h"
#include "docnum.h"
#include "clock.h"
#include "strbuf.h"
#include "core/i18n.h"

#define CLIP_BYTES 60

struct mctx {
	const char *id;              /* the record, for notes */
	struct merge_report *rep;    /* may be NULL */
	char clips[4][CLIP_BYTES + 8];
	unsigned next_clip;
};

/* Value of field f of base b, or "" when there is no base: a record that
 * did not exist had every field empty. */
#define BASE(b, f) ((b) ? (b)->f : "")

/* ---- the report ---- */

void merge_report_release(struct merge_report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->notes[i].path_or_id);
		free(r->notes[i].msg);
		free(r->notes[i].item);
	}
	free(r->notes);
	memset(r, 0, sizeof *r);
}

static void vnote(struct mctx *m, const char *item, const char *fmt, va_list ap)
	FC_PRINTF(3, 0);
static void note(struct mctx *m, const char *fmt, ...) FC_PRINTF(2, 3);
static void note_item(struct mctx *m, const char *item, const char *fmt, ...) FC_PRINTF(3, 4);

static void vnote(struct mctx *m, const char *item, const char *fmt, va_list ap)
{
	struct merge_report *r = m->rep;

	if (!r)
		return;
	ALLOC_GROW(r->notes, r->n + 1, r->alloc);
	r->notes[r->n].path_or_id = xstrdup(m->id);
	r->notes[r->n].msg = xstrvfmt(fmt, ap);
	r->notes[r->n].item = item ? xstrdup(item) : NULL;
	r->n++;
}

static void note(struct mctx *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(m, NULL, fmt, ap);
	va_end(ap);
}

/* A note about `item`, which fmt names first. */
static void note_item(struct mctx *m, const char *item, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(m, item, fmt, ap);
	va_end(ap);
}

/* Drops the notes after the first n and restores the flags: a failed merge
 * leaves the report as it found it (and allocates nothing in an empty one). */
static void report_rewind(struct merge_report *r, size_t n, int conflicted, int refused)
{
	size_t i;

	for (i = n; i < r->n; i++) {
		free(r->notes[i].path_or_id);
		free(r->notes[i].msg);
		free(r->notes[i].item);
	}
	r->n = n;
	if (!n) {
		free(r->notes);
		r->notes = NULL;
		r->alloc = 0;
	}
	r->conflicted = conflicted;
	r->refused = refused;
}

/* s quoted for a note: cut to about CLIP_BYTES between two characters, line
 * breaks and tabs shown as spaces.  Four stay valid at once. */
static const char *clip(struct mctx *m, const char *s)
{
	char *out = m->clips[m->next_clip++ % 4];
	size_t n = strlen(s), cut = n > CLIP_BYTES ? CLIP_BYTES : n, i, k = 0;

	while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	out[k++] = '\'';
	for (i = 0; i < cut; i++)
		out[k++] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
	if (cut < n)
		k += (size_t)sprintf(out + k, "...");
	out[k++] = '\'';
	out[k] = '\0';
	return out;
}

/* ---- times ---- */

/* Seconds since 1970 of a timestamp; the decoder has checked it, so the
 * fallback (0: compare the text alone) is never taken for a real record. */
static long long instant(const char *ts)
{
	struct fc_err ignore = { 0 };
	long long t;
	int off;

	return timestamp_epoch(ts, &t, &off, &ignore) ? 0 : t;
}

/* Which of two times is later: "10:00+08:00" and "02:00Z" are the same
 * moment, so a device whose clock has another offset does not lose every
 * clash.  Equal moments fall back on the text, so the order stays total. */
static int at_cmp(const char *a, const char *b)
{
	long long x = instant(a), y = instant(b);

	if (x != y)
		return x < y ? -1 : 1;
	return strcmp(a, b);
}

/* ---- single values ---- */

static void fix(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static int value_cmp(const char *a, const char *b, int numeric)
{
	long x, y;

	if (!numeric)
		return strcmp(a, b);
	x = strtol(a, NULL, 10);
	y = strtol(b, NULL, 10);
	return x < y ? -1 : x > y;
}

/* The 3-way choice for one value: a side that changed it wins; both changed
 * it differently is a clash, which the greater value wins, with a note. */
static const char *field3(struct mctx *m, const char *what, const char *b, const char *o,
			  const char *t, int numeric)
{
	const char *lo, *hi;

	if (!strcmp(o, t))
		return o;
	if (!strcmp(o, b))
		return t;
	if (!strcmp(t, b))
		return o;
	lo = value_cmp(o, t, numeric) < 0 ? o : t;
	hi = lo == o ? t : o;
	note(m, _("%s was changed on two devices, to %s and to %s; %s is kept"), what,
	     clip(m, lo), clip(m, hi), clip(m, hi));
	return hi;
}

/* ---- copies ---- */

static void answer_copy(struct fc_answer *d, const struct fc_answer *s)
{
	d->item = xstrdup(s->item);
	d->value = xstrdup(s->value);
	d->note = xstrdup(s->note);
	fix(d->by, sizeof d->by, s->by);
	fix(d->at, sizeof d->at, s->at);
}

static void amendment_copy(struct fc_amendment *d, const struct fc_amendment *s)
{
	d->item = xstrdup(s->item);
	d->value = xstrdup(s->value);
	d->note = xstrdup(s->note);
	d->reason = xstrdup(s->reason);
	fix(d->by, sizeof d->by, s->by);
	fix(d->at, sizeof d->at, s->at);
}

static void event_copy(struct fc_hazard_event *d, const struct fc_hazard_event *s)
{
	*d = *s;
	d->by_name = xstrdup(s->by_name);
	d->note = xstrdup(s->note);
}

static void answers_copy(struct fc_answer **d, size_t *dn, const struct fc_answer *s, size_t n)
{
	size_t i;

	*d = xcalloc(n, sizeof **d);
	for (i = 0; i < n; i++)
		answer_copy(&(*d)[i], &s[i]);
	*dn = n;
}

/* Everything but the amendments. */
static void inspection_copy(struct fc_inspection *d, const struct fc_inspection *s)
{
	*d = *s;
	d->form_id = xstrdup(s->form_id);
	d->location = xstrdup(s->location);
	d->findings = s->findings ? xstrdup(s->findings) : NULL;
	d->opinion = s->opinion ? xstrdup(s->opinion) : NULL;
	d->team = xcalloc(s->n_team, sizeof *d->team);
	memcpy(d->team, s->team, s->n_team * sizeof *d->team);
	answers_copy(&d->answers, &d->n_answers, s->answers, s->n_answers);
	answers_copy(&d->conflicts, &d->n_conflicts, s->conflicts, s->n_conflicts);
	d->amendments = NULL;
	d->n_amendments = 0;
	d->attachments = NULL;
	d->n_attachments = 0;
	d->documents = NULL;
	d->n_documents = 0;
}

/* The files of both sides (attachments_union).  A final record's files are
 * evidence: a withdrawal made on a draft copy elsewhere does not apply. */
static void merge_files(const struct fc_inspection *o, const struct fc_inspection *t,
			struct fc_inspection *out)
{
	size_t i;

	attachments_union(o->attachments, o->n_attachments, t->attachments, t->n_attachments,
			  &out->attachments, &out->n_attachments);
	for (i = 0; out->status == INSP_FINAL && i < out->n_attachments; i++)
		out->attachments[i].withdrawn[0] = '\0';
	/* a number given is never lost: both sides' documents, each once */
	documents_union(o->documents, o->n_documents, t->documents, t->n_documents,
			&out->documents, &out->n_documents);
}

static void record_copy(struct fc_record *d, const struct fc_record *s)
{
	size_t i;

	d->kind = s->kind;
	if (s->kind == REC_ENTERPRISE) {
		const struct fc_enterprise *e = &s->u.enterprise;
		fix(d->u.enterprise.code, sizeof d->u.enterprise.code, e->code);
		d->u.enterprise.name = xstrdup(e->name);
		d->u.enterprise.town = xstrdup(e->town);
		d->u.enterprise.industry = xstrdup(e->industry);
		d->u.enterprise.address = xstrdup(e->address);
	} else if (s->kind == REC_INSPECTION) {
		const struct fc_inspection *in = &s->u.inspection;
		inspection_copy(&d->u.inspection, in);
		d->u.inspection.amendments = xcalloc(in->n_amendments, sizeof *in->amendments);
		for (i = 0; i < in->n_amendments; i++)
			amendment_copy(&d->u.inspection.amendments[i], &in->amendments[i]);
		d->u.inspection.n_amendments = in->n_amendments;
		attachments_union(in->attachments, in->n_attachments, NULL, 0,
				  &d->u.inspection.attachments, &d->u.inspection.n_attachments);
		documents_union(in->documents, in->n_documents, NULL, 0,
				&d->u.inspection.documents, &d->u.inspection.n_documents);
	} else {
		const struct fc_hazard *h = &s->u.hazard;
		d->u.hazard = *h;
		d->u.hazard.item = xstrdup(h->item);
		d->u.hazard.description = xstrdup(h->description);
		d->u.hazard.events = xcalloc(h->n_events, sizeof *h->events);
		for (i = 0; i < h->n_events; i++)
			event_copy(&d->u.hazard.events[i], &h->events[i]);
		attachments_union(h->attachments, h->n_attachments, NULL, 0,
				  &d->u.hazard.attachments, &d->u.hazard.n_attachments);
	}
}

/* ---- enterprises ---- */

static void merge_enterprise(struct mctx *m, const struct fc_enterprise *b,
			     const struct fc_enterprise *o, const struct fc_enterprise *t,
			     struct fc_enterprise *out)
{
	fix(out->code, sizeof out->code, o->code);
	out->name = xstrdup(field3(m, _("the name"), BASE(b, name), o->name, t->name, 0));
	out->town = xstrdup(field3(m, _("the town"), BASE(b, town), o->town, t->town, 0));
	out->industry = xstrdup(field3(m, _("the industry class"), BASE(b, industry), o->industry,
				       t->industry, 0));
	out->address = xstrdup(field3(m, _("the address"), BASE(b, address), o->address,
				      t->address, 0));
}

/* ---- unions of lists ---- */

/* An entry of one of up to MAX_SRC lists being merged. */
#define MAX_SRC 3
struct ref {
	const void *p;
	unsigned src;
};

/* Given refs sorted so that equal entries are adjacent, keeps each entry as
 * many times as the one list that holds it most: an entry on both sides is
 * not doubled, and a list merged with itself stays as it is. */
static size_t union_runs(struct ref *r, size_t n, int (*cmp)(const void *, const void *))
{
	size_t i = 0, j, k = 0, most, s, count[MAX_SRC];

	while (i < n) {
		memset(count, 0, sizeof count);
		for (j = i; j < n && !cmp(r[i].p, r[j].p); j++)
			count[r[j].src]++;
		for (most = s = 0; s < MAX_SRC; s++)
			if (count[s] > most)
				most = count[s];
		for (s = 0; s < most; s++)
			r[k++] = r[i];
		i = j;
	}
	return k;
}

/* ---- hazards ---- */

/* hazard_event_cmp, made total: it leaves out the name, so two events that
 * differ only there would otherwise land in either order. */
static int event_total(const void *pa, const void *pb)
{
	const struct fc_hazard_event *a = pa, *b = pb;
	int c = hazard_event_cmp(a, b);

	return c ? c : strcmp(a->by_name, b->by_name);
}

static int event_ref_order(const void *a, const void *b)
{
	return event_total(((const struct ref *)a)->p, ((const struct ref *)b)->p);
}

/* The union of both logs.  A log has one 'found' event; two different ones
 * mean a copy was altered: the first in order is kept. */
static void merge_events(struct mctx *m, const struct fc_hazard *o, const struct fc_hazard *t,
			 struct fc_hazard *out)
{
	const struct fc_hazard_event *ev;
	struct ref *all;
	size_t n = 0, i;

	all = xcalloc(o->n_events + t->n_events, sizeof *all);
	for (i = 0; i < o->n_events; i++)
		all[n++] = (struct ref){ &o->events[i], 0 };
	for (i = 0; i < t->n_events; i++)
		all[n++] = (struct ref){ &t->events[i], 1 };
	qsort(all, n, sizeof *all, event_ref_order);
	n = union_runs(all, n, event_total);
	out->events = xcalloc(n, sizeof *out->events);
	for (i = 0; i < n; i++) {
		ev = all[i].p;
		if (out->n_events && ev->kind == HEV_FOUND) {
			note(m, _("the two copies record different 'found' events (at %s by %s, and "
			     "at %s by %s): a hazard is found once, so one copy was altered; the "
			     "first is kept"), out->events[0].at, out->events[0].by, ev->at, ev->by);
			continue;
		}
		event_copy(&out->events[out->n_events++], ev);
	}
	free(all);
}

static void merge_hazard(struct mctx *m, const struct fc_hazard *b, const struct fc_hazard *o,
			 const struct fc_hazard *t, struct fc_hazard *out)
{
	const char *sev;

	fix(out->id, sizeof out->id, o->id);
	fix(out->inspection, sizeof out->inspection,
	    field3(m, _("the inspection"), BASE(b, inspection), o->inspection, t->inspection, 0));
	out->item = xstrdup(field3(m, _("the item"), BASE(b, item), o->item, t->item, 0));
	sev = field3(m, _("the severity"), b ? hazard_sev_name(b->severity) : "",
		     hazard_sev_name(o->severity), hazard_sev_name(t->severity), 0);
	hazard_sev_parse(sev, &out->severity);
	out->description = xstrdup(field3(m, _("the description"), BASE(b, description),
					  o->description, t->description, 0));
	fix(out->deadline, sizeof out->deadline,
	    field3(m, _("the deadline"), BASE(b, deadline), o->deadline, t->deadline, 0));
	merge_events(m, o, t, out);
	attachments_union(o->attachments, o->n_attachments, t->attachments, t->n_attachments,
			  &out->attachments, &out->n_attachments);
}

/* ---- inspection header ---- */

/* The scalar fields of an inspection's header, read and written as text so
 * one 3-way rule serves them all. */
#define HFIELD_BUF (MAX_GEO + 16) /* what a get may write into its buf */
struct hfield {
	const char *what;
	int numeric;
	const char *(*get)(const struct fc_inspection *in, char *buf);
	void (*set)(struct fc_inspection *in, const char *v);
};

static const char *get_type(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return insp_type_name(in->type);
}

static const char *get_location(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->location;
}

static const char *get_form(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->form_id;
}

static const char *get_version(const struct fc_inspection *in, char *buf)
{
	sprintf(buf, "%d", in->form_version);
	return buf;
}

static const char *get_enterprise(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->enterprise;
}

static const char *get_created_at(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->created_at;
}

static const char *get_created_by(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->created_by;
}

/* The position and where it came from are one field: they change together,
 * so a merge never pairs one side's position with the other's source. */
static const char *get_geo(const struct fc_inspection *in, char *buf)
{
	if (!in->geo[0])
		return "";
	snprintf(buf, HFIELD_BUF, "%s|%s", in->geo, in->geo_source);
	return buf;
}

static void set_geo(struct fc_inspection *in, const char *v)
{
	const char *bar = strchr(v, '|');
	size_t n = bar ? (size_t)(bar - v) : 0;

	in->geo[0] = in->geo_source[0] = '\0';
	if (!bar || n >= sizeof in->geo)
		return;
	memcpy(in->geo, v, n);
	in->geo[n] = '\0';
	fix(in->geo_source, sizeof in->geo_source, bar + 1);
}

static const char *get_resp_name(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->resp_name;
}

static const char *get_resp_title(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->resp_title;
}

static const char *get_resp_phone(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->resp_phone;
}

static const char *get_findings(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->findings ? in->findings : "";
}

static const char *get_opinion(const struct fc_inspection *in, char *buf)
{
	(void)buf;
	return in->opinion ? in->opinion : "";
}

static void set_resp_name(struct fc_inspection *in, const char *v)
{
	fix(in->resp_name, sizeof in->resp_name, v);
}

static void set_resp_title(struct fc_inspection *in, const char *v)
{
	fix(in->resp_title, sizeof in->resp_title, v);
}

static void set_resp_phone(struct fc_inspection *in, const char *v)
{
	fix(in->resp_phone, sizeof in->resp_phone, v);
}

static void set_findings(struct fc_inspection *in, const char *v) { in->findings = xstrdup(v); }
static void set_opinion(struct fc_inspection *in, const char *v) { in->opinion = xstrdup(v); }
static void set_type(struct fc_inspection *in, const char *v) { insp_type_parse(v, &in->type); }
static void set_location(struct fc_inspection *in, const char *v) { in->location = xstrdup(v); }
static void set_form(struct fc_inspection *in, const char *v) { in->form_id = xstrdup(v); }
static void set_version(struct fc_inspection *in, const char *v) { in->form_version = atoi(v); }

static void set_enterprise(struct fc_inspection *in, const char *v)
{
	fix(in->enterprise, sizeof in->enterprise, v);
}

static void set_created_at(struct fc_inspection *in, const char *v)
{
	fix(in->created_at, sizeof in->created_at, v);
}

static void set_created_by(struct fc_inspection *in, const char *v)
{
	fix(in->created_by, sizeof in->created_by, v);
}

static const struct hfield header[] = {
	{ N_("the form"), 0, get_form, set_form },
	{ N_("the form version"), 1, get_version, set_version },
	{ N_("the enterprise"), 0, get_enterprise, set_enterprise },
	{ N_("the inspection type"), 0, get_type, set_type },
	{ N_("the location"), 0, get_location, set_location },
	{ N_("the position"), 0, get_geo, set_geo },
	{ N_("the responsible person"), 0, get_resp_name, set_resp_name },
	{ N_("the responsible person's title"), 0, get_resp_title, set_resp_title },
	{ N_("the responsible person's phone"), 0, get_resp_phone, set_resp_phone },
	{ N_("the findings"), 0, get_findings, set_findings },
	{ N_("the opinion"), 0, get_opinion, set_opinion },
	{ N_("the creation time"), 0, get_created_at, set_created_at },
	{ N_("the creator"), 0, get_created_by, set_created_by },
};
#define N_HEADER (ARRAY_SIZE(header))

static void merge_header(struct mctx *m, const struct fc_inspection *b,
			 const struct fc_inspection *o, const struct fc_inspection *t,
			 struct fc_inspection *out)
{
	char bb[HFIELD_BUF], ob[HFIELD_BUF], tb[HFIELD_BUF];
	size_t i;

	fix(out->id, sizeof out->id, o->id);
	for (i = 0; i < N_HEADER; i++) {
		const struct hfield *f = &header[i];
		header[i].set(out, field3(m, _(f->what), b ? f->get(b, bb) : "", f->get(o, ob),
					  f->get(t, tb), f->numeric));
	}
}

/* ---- team ---- */

static const struct fc_person *member(const struct fc_inspection *in, const char *badge)
{
	size_t i;

	for (i = 0; in && i < in->n_team; i++)
		if (!strcmp(in->team[i].badge, badge))
			return &in->team[i];
	return NULL;
}

/* Appends one member, with name and department merged 3-way. */
static void add_member(struct mctx *m, struct fc_inspection *out, const struct fc_person *b,
		       const struct fc_person *o, const struct fc_person *t)
{
	struct fc_person *p = &out->team[out->n_team++];
	char what[MAX_BADGE + 64];

	if (!o || !t) {
		*p = o ? *o : *t;
		return;
	}
	fix(p->badge, sizeof p->badge, o->badge);
	snprintf(what, sizeof what, _("the name of team member %s"), o->badge);
	fix(p->name, sizeof p->name, field3(m, what, BASE(b, name), o->name, t->name, 0));
	snprintf(what, sizeof what, _("the department of team member %s"), o->badge);
	fix(p->dept, sizeof p->dept, field3(m, what, BASE(b, dept), o->dept, t->dept, 0));
}

static int person_order(const void *pa, const void *pb)
{
	const struct fc_person *a = *(const struct fc_person *const *)pa;
	const struct fc_person *b = *(const struct fc_person *const *)pb;

	return strcmp(a->badge, b->badge);
}

/* The members of in that base does not have, in their order. */
static size_t additions(const struct fc_inspection *b, const struct fc_inspection *in,
			const struct fc_person **out)
{
	size_t i, n = 0;

	for (i = 0; i < in->n_team; i++)
		if (!member(b, in->team[i].badge))
			out[n++] = &in->team[i];
	return n;
}

static int is_prefix(const struct fc_person **a, size_t na, const struct fc_person **b, size_t nb)
{
	size_t i;

	if (na > nb)
		return 0;
	for (i = 0; i < na; i++)
		if (strcmp(a[i]->badge, b[i]->badge))
			return 0;
	return 1;
}

/* The union by badge: base's members first, in base's order, then the
 * added ones.  When only one side added members (or one side's additions
 * begin the other's), they keep their order, so a team built on one device
 * reads the same after the merge; otherwise they go in order of badge. */
static void merge_team(struct mctx *m, const struct fc_inspection *b, const struct fc_inspection *o,
		       const struct fc_inspection *t, struct fc_inspection *out)
{
	const struct fc_person **ao, **at, **add;
	size_t no, nt, n, i;

	out->team = xcalloc(o->n_team + t->n_team, sizeof *out->team);
	for (i = 0; b && i < b->n_team; i++) {
		const struct fc_person *op = member(o, b->team[i].badge), *tp = member(t, b->team[i].badge);
		if (!op && !tp)
			continue;
		if (!op || !tp)
			note(m, _("team member %s was taken off the team on one device only; the "
			     "merge keeps the member"), b->team[i].badge);
		add_member(m, out, &b->team[i], op, tp);
	}
	ao = xcalloc(o->n_team + t->n_team, sizeof *ao);
	at = xcalloc(t->n_team, sizeof *at);
	no = additions(b, o, ao);
	nt = additions(b, t, at);
	if (is_prefix(ao, no, at, nt) || is_prefix(at, nt, ao, no)) {
		add = no > nt ? ao : at;
		n = no > nt ? no : nt;
	} else {
		memcpy(ao + no, at, nt * sizeof *at);
		qsort(ao, no + nt, sizeof *ao, person_order);
		add = ao;
		n = no + nt;
	}
	for (i = 0; i < n; i++)       /* both sides' additions: twice in a row */
		if (!i || strcmp(add[i - 1]->badge, add[i]->badge))
			add_member(m, out, NULL, member(o, add[i]->badge), member(t, add[i]->badge));
	free(ao);
	free(at);
}

/* ---- answers ---- */

/* The same answer: the same value and note, whoever gave it and when. */
static int same_answer(const struct fc_answer *a, const struct fc_answer *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a->value, b->value) && !strcmp(a->note, b->note);
}

static int exact_answer(const struct fc_answer *a, const struct fc_answer *b)
{
	return same_answer(a, b) && (!a || (!strcmp(a->by, b->by) && !strcmp(a->at, b->at)));
}

/* The later of two answers to one item; equal times go by badge, then
 * value and note, so the choice never depends on the side. */
static const struct fc_answer *later(const struct fc_answer *a, const struct fc_answer *b)
{
	int c;

	if ((c = at_cmp(a->at, b->at)) == 0 && (c = strcmp(a->by, b->by)) == 0 &&
	    (c = strcmp(a->value, b->value)) == 0)
		c = strcmp(a->note, b->note);
	return c >= 0 ? a : b;
}

static void note_clash(struct mctx *m, const struct fc_answer *keep, const struct fc_answer *lost)
{
	note_item(m, keep->item, _("item “%s” was answered differently on two devices: %s (by "
				   "%s at %s) is the answer for now, %s (by %s at %s) is kept as "
				   "a conflict for a person to choose%s"), keep->item, clip(m, keep->value), keep->by, keep->at, clip(m, lost->value), lost->by,
	     lost->at, strcmp(keep->value, lost->value) ? "" : _(" (their notes differ)"));
}

/* One item, 3-way; NULL means unanswered.  A side that did not touch the
 * item gives way to one that did; a clash keeps the later answer and puts
 * the other in *lost. */
static const struct fc_answer *merge_item(struct mctx *m, const struct fc_answer *b,
					  const struct fc_answer *o, const struct fc_answer *t,
					  const struct fc_answer **lost)
{
	const struct fc_answer *keep;

	*lost = NULL;
	if (exact_answer(o, b))
		return t;
	if (exact_answer(t, b))
		return o;
	if (same_answer(o, t))
		return o ? later(o, t) : NULL;
	if (same_answer(o, b))
		return t;
	if (same_answer(t, b))
		return o;
	if (!o || !t) {
		keep = o ? o : t;
		note_item(m, keep->item, _("item “%s” was cleared on one device and answered %s "
					   "on another; the answer stands"), keep->item,
			  clip(m, keep->value));
		return keep;
	}
	keep = later(o, t);
	*lost = keep == o ? t : o;
	note_clash(m, keep, *lost);
	return keep;
}

/* The answer to item at the head of list, taken off it. */
static const struct fc_answer *take(const struct fc_answer *list, size_t n, size_t *i,
				    const char *item)
{
	if (*i < n && !strcmp(list[*i].item, item))
		return &list[(*i)++];
	return NULL;
}

static const char *first_item(const char *item, const struct fc_answer *list, size_t n, size_t i)
{
	if (i < n && (!item || strcmp(list[i].item, item) < 0))
		return list[i].item;
	return item;
}

struct lost {
	const struct fc_answer **a;
	size_t n;
};

/* Walks the three lists (each sorted by item) together, item by item. */
static void merge_answers(struct mctx *m, const struct fc_inspection *b,
			  const struct fc_inspection *o, const struct fc_inspection *t,
			  struct fc_inspection *out, struct lost *lost)
{
	const struct fc_answer *bl = b ? b->answers : NULL, *ba, *oa, *ta, *keep, *l;
	size_t nb = b ? b->n_answers : 0, ib = 0, io = 0, it = 0;
	const char *item;

	out->answers = xcalloc(o->n_answers + t->n_answers, sizeof *out->answers);
	lost->a = xcalloc(o->n_answers, sizeof *lost->a);
	for (;;) {
		item = first_item(NULL, bl, nb, ib);
		item = first_item(item, o->answers, o->n_answers, io);
		item = first_item(item, t->answers, t->n_answers, it);
		if (!item)
			break;
		ba = take(bl, nb, &ib, item);
		oa = take(o->answers, o->n_answers, &io, item);
		ta = take(t->answers, t->n_answers, &it, item);
		if ((keep = merge_item(m, ba, oa, ta, &l)) != NULL)
			answer_copy(&out->answers[out->n_answers++], keep);
		if (l)
			lost->a[lost->n++] = l;
	}
}

/* ---- conflicts ---- */

static int has_conflict(const struct fc_inspection *in, const struct fc_answer *a)
{
	return in && in->n_conflicts &&
	       bsearch(a, in->conflicts, in->n_conflicts, sizeof *in->conflicts, conflict_cmp);
}

static int conflict_order(const void *pa, const void *pb)
{
	return conflict_cmp(*(const struct fc_answer *const *)pa, *(const struct fc_answer *const *)pb);
}

/* A 3-way merge of the two sets: an entry stays if both sides have it or
 * one side added it since base; one that a side removed since base was
 * resolved there and stays removed.  This merge's clashes join them, and an
 * entry that only repeats the answer chosen for its item is dropped. */
static void merge_conflicts(const struct fc_inspection *b, const struct fc_inspection *o,
			    const struct fc_inspection *t, const struct lost *lost,
			    struct fc_inspection *out)
{
	const struct fc_answer **all;
	size_t n = 0, i;

	all = xcalloc(o->n_conflicts + t->n_conflicts + lost->n, sizeof *all);
	for (i = 0; i < o->n_conflicts; i++)
		if (has_conflict(t, &o->conflicts[i]) || !has_conflict(b, &o->conflicts[i]))
			all[n++] = &o->conflicts[i];
	for (i = 0; i < t->n_conflicts; i++)
		if (has_conflict(o, &t->conflicts[i]) || !has_conflict(b, &t->conflicts[i]))
			all[n++] = &t->conflicts[i];
	for (i = 0; i < lost->n; i++)
		all[n++] = lost->a[i];
	qsort(all, n, sizeof *all, conflict_order);
	out->conflicts = xcalloc(n, sizeof *out->conflicts);
	for (i = 0; i < n; i++) {
		if (i && !conflict_order(&all[i - 1], &all[i]))
			continue;
		if (same_answer(inspection_answer(out, all[i]->item), all[i]))
			continue;
		answer_copy(&out->conflicts[out->n_conflicts++], all[i]);
	}
	free(all);
}

/* ---- amendments ---- */

struct am_src {
	const struct fc_amendment *a;
	size_t n;
	int keeps_order;   /* a record's own list, whose order may stand */
};

static int amendment_cmp(const void *pa, const void *pb)
{
	const struct fc_amendment *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->at, b->at)) != 0 || (c = strcmp(a->by, b->by)) != 0 ||
	    (c = strcmp(a->item, b->item)) != 0 || (c = strcmp(a->value, b->value)) != 0 ||
	    (c = strcmp(a->note, b->note)) != 0)
		return c;
	return strcmp(a->reason, b->reason);
}

static int amendment_ref_order(const void *a, const void *b)
{
	return amendment_cmp(((const struct ref *)a)->p, ((const struct ref *)b)->p);
}

/* Whether s holds exactly the amendments all[] (n of them, sorted). */
static int holds_all(const struct am_src *s, const struct ref *all, size_t n)
{
	struct ref *mine;
	size_t i;
	int ok = s->n == n;

	mine = xcalloc(s->n, sizeof *mine);
	for (i = 0; i < s->n; i++)
		mine[i].p = &s->a[i];
	qsort(mine, s->n, sizeof *mine, amendment_ref_order);
	for (i = 0; ok && i < n; i++)
		ok = !amendment_cmp(mine[i].p, all[i].p);
	free(mine);
	return ok;
}

static int same_order(const struct am_src *x, const struct am_src *y)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (amendment_cmp(&x->a[i], &y->a[i]))
			return 0;
	return x->n == y->n;
}

/* The record's own list that already holds every amendment, if there is
 * exactly one such order: taking it as it is changes nothing there. */
static const struct am_src *donor(const struct am_src *src, size_t k, const struct ref *all,
				  size_t n)
{
	const struct am_src *d = NULL;
	size_t i;

	for (i = 0; i < k; i++) {
		if (!src[i].keeps_order || !holds_all(&src[i], all, n))
			continue;
		if (d && !same_order(d, &src[i]))
			return NULL;
		d = &src[i];
	}
	return d;
}

/* The union of the amendments: in the order of a list that holds them all,
 * else sorted by time, badge, item, value, note and reason. */
static void put_amendments(struct fc_inspection *out, const struct am_src *src, size_t k)
{
	const struct am_src *d;
	struct ref *all;
	size_t total = 0, n = 0, i, j;

	for (i = 0; i < k; i++)
		total += src[i].n;
	all = xcalloc(total, sizeof *all);
	for (i = 0; i < k; i++)
		for (j = 0; j < src[i].n; j++)
			all[n++] = (struct ref){ &src[i].a[j], (unsigned)i };
	qsort(all, n, sizeof *all, amendment_ref_order);
	n = union_runs(all, n, amendment_cmp);
	d = donor(src, k, all, n);
	out->amendments = xcalloc(n, sizeof *out->amendments);
	for (i = 0; i < n; i++)
		amendment_copy(&out->amendments[i], d ? &d->a[i] : all[i].p);
	out->n_amendments = n;
	free(all);
}

/* ---- inspections ---- */

static int same_list(const struct fc_answer *a, size_t na, const struct fc_answer *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (strcmp(a[i].item, b[i].item) || !exact_answer(&a[i], &b[i]))
			return 0;
	return 1;
}

static int same_team(const struct fc_inspection *a, const struct fc_inspection *b)
{
	size_t i;

	if (a->n_team != b->n_team)
		return 0;
	for (i = 0; i < a->n_team; i++)
		if (strcmp(a->team[i].badge, b->team[i].badge) ||
		    strcmp(a->team[i].name, b->team[i].name) ||
		    strcmp(a->team[i].dept, b->team[i].dept))
			return 0;
	return 1;
}

static void differ(struct strbuf *sb, int cond, const char *what)
{
	if (cond)
		strbuf_addf(sb, "%s%s", sb->len ? _(", ") : "", what);
}

/* Names what differs between a and b, amendments aside. */
static void differences(const struct fc_inspection *a, const struct fc_inspection *b,
			struct strbuf *sb)
{
	char ab[HFIELD_BUF], bb[HFIELD_BUF];
	size_t i;

	differ(sb, a->status != b->status, _("the status"));
	differ(sb, strcmp(a->finalized_at, b->finalized_at) != 0, _("the finalizing time"));
	for (i = 0; i < N_HEADER; i++)
		differ(sb, strcmp(header[i].get(a, ab), header[i].get(b, bb)) != 0, _(header[i].what));
	differ(sb, !same_team(a, b), _("the team"));
	differ(sb, !same_list(a->answers, a->n_answers, b->answers, b->n_answers), _("the answers"));
	differ(sb, !same_list(a->conflicts, a->n_conflicts, b->conflicts, b->n_conflicts),
	       _("the conflicts"));
}

/* A finalized record we hold is evidence: no merge replaces it, with a base
 * or without.  When the base was final (both sides knew it final) or both
 * copies are final, the copies may differ only by amendments, which are
 * unioned, so ours only ever grows by them.  Anything else is a rewrite of
 * evidence, or two finalizings that a person must weigh: refused, ours
 * stands.  (Not symmetric, by design.) */
static int merge_final(struct mctx *m, const struct fc_inspection *b,
		       const struct fc_inspection *o, const struct fc_inspection *t,
		       struct fc_inspection *out, struct fc_err *err)
{
	struct am_src src[3] = { { b ? b->amendments : NULL, b ? b->n_amendments : 0, 0 },
				 { o->amendments, o->n_amendments, 1 },
				 { t->amendments, t->n_amendments, 1 } };
	struct strbuf sb;

	if (o->status != INSP_FINAL)
		return fc_fail(err, _("the inspection was finalized, but our copy is a draft again "
			       "(a finalized inspection is never reopened)"));
	strbuf_init(&sb);
	differences(o, t, &sb);
	if (sb.len) {
		if (m->rep)
			m->rep->refused = 1;
		note(m, _("the finalized inspection arrived changed (%s): the change is refused and "
		     "our copy stands; a finalized inspection only takes amendments"), sb.buf);
	}
	strbuf_release(&sb);
	inspection_copy(out, o);
	put_amendments(out, src, 3);
	merge_files(o, t, out);
	return 0;
}

/* An answer (or a conflicting value) given on `other` that the final
 * record does not hold, as an amendment. */
static void late_answer(struct mctx *m, const struct fc_answer *a, struct fc_amendment *am)
{
	struct strbuf sb;

	am->item = xstrdup(a->item);
	am->value = xstrdup(a->value);
	am->note = xstrdup(a->note);
	fix(am->by, sizeof am->by, a->by);
	fix(am->at, sizeof am->at, a->at);
	strbuf_init(&sb);
	strbuf_addf(&sb, "answered on another device after the inspection was finalized "
		    "(by %s at %s)", a->by, a->at);
	am->reason = strbuf_detach(&sb);
	note_item(m, a->item, _("item “%s”: %s (by %s at %s) was given on another device and "
				"is not in the finalized record; it is kept as an amendment"), a->item, clip(m, a->value), a->by,
	     a->at);
}

/* What `other` answered since base that the final record does not say:
 * changed or new answers, and clashing values it kept as conflicts. */
static size_t late_amendments(struct mctx *m, const struct fc_inspection *b,
			      const struct fc_inspection *fin, const struct fc_inspection *other,
			      struct fc_amendment **out)
{
	const struct fc_answer *a;
	size_t i, n = 0;

	*out = xcalloc(other->n_answers + other->n_conflicts, sizeof **out);
	for (i = 0; i < other->n_answers; i++) {
		a = &other->answers[i];
		if (!same_answer(a, inspection_answer(b, a->item)) &&
		    !same_answer(a, inspection_answer(fin, a->item)))
			late_answer(m, a, &(*out)[n++]);
	}
	for (i = 0; i < other->n_conflicts; i++) {
		a = &other->conflicts[i];
		if (!has_conflict(b, a) && !same_answer(a, inspection_answer(fin, a->item)))
			late_answer(m, a, &(*out)[n++]);
	}
	return n;
}

/* Notes what `other` changed that a finalized record cannot take. */
static void note_unapplied(struct mctx *m, const struct fc_inspection *b,
			   const struct fc_inspection *fin, const struct fc_inspection *other)
{
	char bb[HFIELD_BUF], fb[HFIELD_BUF], ob[HFIELD_BUF];
	const char *bv, *fv, *ov;
	size_t i;

	for (i = 0; i < N_HEADER; i++) {
		bv = b ? header[i].get(b, bb) : "";
		fv = header[i].get(fin, fb);
		ov = header[i].get(other, ob);
		if (strcmp(ov, fv) && strcmp(ov, bv))
			note(m, _("%s was changed to %s on another device, but the inspection was "
			     "finalized with %s, which stands"), _(header[i].what), clip(m, ov), clip(m, fv));
	}
	for (i = 0; i < other->n_team; i++)
		if (!member(fin, other->team[i].badge))
			note(m, _("team member %s was added on another device, but the inspection was "
			     "finalized without; the finalized team stands"), other->team[i].badge);
	for (i = 0; b && i < b->n_answers; i++)
		if (!inspection_answer(other, b->answers[i].item) && inspection_answer(fin, b->answers[i].item))
			note_item(m, b->answers[i].item, _("item “%s” was cleared on another device, "
							   "but the inspection was finalized with an "
							   "answer, which stands"), b->answers[i].item);
}

/* One side finalized while the other still answered: the final record
 * stands and what the other side answered since base is kept as
 * amendments.  Nothing is dropped. */
static void merge_onto_final(struct mctx *m, const struct fc_inspection *b,
			     const struct fc_inspection *fin, const struct fc_inspection *other,
			     struct fc_inspection *out)
{
	struct fc_amendment *late;
	size_t n_late = late_amendments(m, b, fin, other, &late), i;
	struct am_src src[3] = { { fin->amendments, fin->n_amendments, 1 },
				 { other->amendments, other->n_amendments, 1 },
				 { late, n_late, 0 } };

	note_unapplied(m, b, fin, other);
	inspection_copy(out, fin);
	put_amendments(out, src, 3);
	merge_files(fin, other, out);
	for (i = 0; i < n_late; i++)
		amendment_clear(&late[i]);
	free(late);
}

/* Both drafts: field by field. */
static void merge_open(struct mctx *m, const struct fc_inspection *b,
		       const struct fc_inspection *o, const struct fc_inspection *t,
		       struct fc_inspection *out)
{
	struct am_src src[2] = { { o->amendments, o->n_amendments, 1 },
				 { t->amendments, t->n_amendments, 1 } };
	struct lost lost = { NULL, 0 };

	merge_header(m, b, o, t, out);
	merge_team(m, b, o, t, out);
	merge_answers(m, b, o, t, out, &lost);
	merge_conflicts(b, o, t, &lost, out);
	if (lost.n && m->rep)
		m->rep->conflicted = 1;
	out->status = o->status;
	put_amendments(out, src, 2);
	merge_files(o, t, out);
	free(lost.a);
}

static int bytes_cmp(const struct fc_record *a, const struct fc_record *b)
{
	struct strbuf x, y;
	int c;

	strbuf_init(&x);
	strbuf_init(&y);
	record_encode(a, &x);
	record_encode(b, &y);
	c = memcmp(x.buf, y.buf, x.len < y.len ? x.len : y.len);
	if (!c && x.len != y.len)
		c = x.len < y.len ? -1 : 1;
	strbuf_release(&x);
	strbuf_release(&y);
	return c;
}

static int merge_inspection(struct mctx *m, const struct fc_record *base,
			    const struct fc_record *ours, const struct fc_record *theirs,
			    struct fc_inspection *out, struct fc_err *err)
{
	const struct fc_inspection *b = base ? &base->u.inspection : NULL;
	const struct fc_inspection *o = &ours->u.inspection, *t = &theirs->u.inspection;

	if ((b && b->status == INSP_FINAL) || (o->status == INSP_FINAL && t->status == INSP_FINAL))
		return merge_final(m, b, o, t, out, err);
	if (o->status == INSP_DRAFT && t->status == INSP_DRAFT)
		merge_open(m, b, o, t, out);
	else if (o->status == INSP_FINAL)
		merge_onto_final(m, b, o, t, out);
	else
		merge_onto_final(m, b, t, o, out);
	return 0;
}

/* ---- the whole record ---- */

static const char *kind_name(enum record_kind k)
{
	return k == REC_ENTERPRISE ? "enterprise" : k == REC_INSPECTION ? "inspection" : "hazard";
}

static const char *record_id(const struct fc_record *r)
{
	return r->kind == REC_ENTERPRISE ? r->u.enterprise.code :
	       r->kind == REC_INSPECTION ? r->u.inspection.id : r->u.hazard.id;
}

static int model_check(const struct fc_record *r, struct fc_err *err)
{
	switch (r->kind) {
	case REC_ENTERPRISE: return enterprise_check(&r->u.enterprise, err);
	case REC_INSPECTION: return inspection_check(&r->u.inspection, err);
	default: return hazard_check(&r->u.hazard, err);
	}
}

/* Each input is a valid record of ours's kind and id. */
static int input_check(const struct fc_record *r, const char *which,
		       const struct fc_record *ours, struct fc_err *err)
{
	if (r->kind != ours->kind)
		return fc_fail(err, _("%s is a record of another kind (%s)"), which, kind_name(r->kind));
	if (strcmp(record_id(r), record_id(ours)))
		return fc_fail(err, _("%s is %s %s, another record"), which, kind_name(r->kind),
			       record_id(r));
	if (model_check(r, err))
		return fc_err_prefix(err, "%s", which);
	return 0;
}

/* The result is one the decoder accepts: the model's checks, the limits
 * only the decoder applies, and the size of a record. */
static int result_check(const struct fc_record *r, struct fc_err *err)
{
	const struct fc_inspection *in = &r->u.inspection;
	struct strbuf sb;
	size_t len;

	if (model_check(r, err))
		return fc_err_prefix(err, _("the merged record would not be valid"));
	if (r->kind == REC_INSPECTION && (in->n_conflicts > MAX_ANSWERS ||
					  in->n_amendments > MAX_ANSWERS))
		return fc_fail(err, _("the merged record would hold %zu conflicts and %zu amendments, "
			       "at most %d of each"), in->n_conflicts, in->n_amendments, MAX_ANSWERS);
	strbuf_init(&sb);
	record_encode(r, &sb);
	len = sb.len;
	strbuf_release(&sb);
	if (len > MAX_RECORD_BYTES)
		return fc_fail(err, _("the merged record would be %zu bytes, more than the %d a "
			       "record may be"), len, MAX_RECORD_BYTES);
	return 0;
}

static int merge_kinds(struct mctx *m, const struct fc_record *base, const struct fc_record *ours,
		       const struct fc_record *theirs, struct fc_record *out, struct fc_err *err)
{
	int final_base = base && base->kind == REC_INSPECTION &&
			 base->u.inspection.status == INSP_FINAL;

	out->kind = ours->kind;
	if (!final_base && !bytes_cmp(ours, theirs)) {
		record_copy(out, ours);     /* the same on both sides: nothing to merge */
		return 0;
	}
	switch (ours->kind) {
	case REC_ENTERPRISE:
		merge_enterprise(m, base ? &base->u.enterprise : NULL, &ours->u.enterprise,
				 &theirs->u.enterprise, &out->u.enterprise);
		return 0;
	case REC_INSPECTION:
		return merge_inspection(m, base, ours, theirs, &out->u.inspection, err);
	default:
		merge_hazard(m, base ? &base->u.hazard : NULL, &ours->u.hazard, &theirs->u.hazard,
			     &out->u.hazard);
		return 0;
	}
}

int record_merge(const struct fc_record *base, const struct fc_record *ours,
		 const struct fc_record *theirs, struct fc_record *out,
		 struct merge_report *rep, struct fc_err *err)
{
	size_t n0 = rep ? rep->n : 0;
	int conflicted0 = rep ? rep->conflicted : 0, refused0 = rep ? rep->refused : 0;
	struct mctx m;

	memset(out, 0, sizeof *out);
	memset(&m, 0, sizeof m);
	m.id = record_id(ours);
	m.rep = rep;
	if (input_check(ours, "ours", ours, err) || input_check(theirs, "theirs", ours, err) ||
	    (base && input_check(base, "base", ours, err)))
		return fc_err_prefix(err, _("merging %s %s"), kind_name(ours->kind), m.id);
	if (merge_kinds(&m, base, ours, theirs, out, err) || result_check(out, err)) {
		record_clear(out);
		memset(out, 0, sizeof *out);
		if (rep)
			report_rewind(rep, n0, conflicted0, refused0);
		return fc_err_prefix(err, _("merging %s %s"), kind_name(ours->kind), m.id);
	}
	return 0;
}
