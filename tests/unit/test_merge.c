/* test_merge.c - the three-way record merge: each rule on a hand-made
 * case, then properties over many random histories (determinism, x merged
 * with itself, a side that did nothing, validity, nothing dropped).
 *
 * FC_MERGE_SEEDS=DIR makes the random test also write its first triples
 * as seeds for tests/fuzz/fuzz_merge.c (base, ours and theirs split by NUL
 * bytes).
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"
#include "core/merge.h"
#include "core/strbuf.h"

#define ID1 "5f3a0c1e-8d2b-4c7a-9e10-2b4f6a8c0d1e"
#define ID2 "0b9c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c4"
#define USCC1 "91350100M000100Y43"
#define USCC2 "91110108551385082Q"

/* ---- building records ---- */

/* A timestamp n seconds after 10:00 on 2026-11-28; sixteen stay valid. */
static const char *ts(int n)
{
	static char ring[16][32];
	static unsigned next;
	char *s = ring[next++ % 16];
	unsigned u = (unsigned)n % 50400; /* 10:00 plus up to 14 hours */

	snprintf(s, 32, "2026-11-28T%02u:%02u:%02u+08:00", 10 + u / 3600, u / 60 % 60, u % 60);
	return s;
}

static void member_add(struct fc_inspection *in, const char *badge, const char *name,
		       const char *dept)
{
	struct fc_person *p;

	in->team = xrealloc(in->team, (in->n_team + 1) * sizeof *in->team);
	p = &in->team[in->n_team++];
	memset(p, 0, sizeof *p);
	strcpy(p->badge, badge);
	strcpy(p->name, name);
	strcpy(p->dept, dept);
}

static void insp_init(struct fc_record *r)
{
	struct fc_inspection *in = &r->u.inspection;

	memset(r, 0, sizeof *r);
	r->kind = REC_INSPECTION;
	strcpy(in->id, ID1);
	in->form_id = xstrdup("hazmat-loading");
	in->form_version = 3;
	strcpy(in->enterprise, USCC1);
	in->type = INSP_JOINT;
	in->location = xstrdup("2号装车台");
	strcpy(in->created_at, ts(0));
	strcpy(in->created_by, "ZJ-0001");
	member_add(in, "ZJ-0001", "张三", "应急管理局");
}

static void fill(struct fc_answer *a, const char *item, const char *value, const char *note,
		 const char *by, const char *at)
{
	a->item = xstrdup(item);
	a->value = xstrdup(value);
	a->note = xstrdup(note);
	strcpy(a->by, by);
	strcpy(a->at, at);
}

/* Sets (or replaces) the answer to item, keeping the list in item order. */
static void answer_set(struct fc_inspection *in, const char *item, const char *value,
		       const char *note, const char *by, const char *at)
{
	size_t i = 0;

	while (i < in->n_answers && strcmp(in->answers[i].item, item) < 0)
		i++;
	if (i < in->n_answers && !strcmp(in->answers[i].item, item)) {
		answer_clear(&in->answers[i]);
	} else {
		in->answers = xrealloc(in->answers, (in->n_answers + 1) * sizeof *in->answers);
		memmove(&in->answers[i + 1], &in->answers[i], (in->n_answers - i) * sizeof *in->answers);
		in->n_answers++;
	}
	fill(&in->answers[i], item, value, note, by, at);
}

static void answer_del(struct fc_inspection *in, const char *item)
{
	size_t i;

	for (i = 0; i < in->n_answers; i++)
		if (!strcmp(in->answers[i].item, item)) {
			answer_clear(&in->answers[i]);
			memmove(&in->answers[i], &in->answers[i + 1],
				(in->n_answers - i - 1) * sizeof *in->answers);
			in->n_answers--;
			return;
		}
}

static void conflict_add(struct fc_inspection *in, const char *item, const char *value,
			 const char *note, const char *by, const char *at)
{
	struct fc_answer a;
	size_t i;

	fill(&a, item, value, note, by, at);
	for (i = 0; i < in->n_conflicts; i++)
		if (!conflict_cmp(&in->conflicts[i], &a)) {
			answer_clear(&a);
			return;
		}
	in->conflicts = xrealloc(in->conflicts, (in->n_conflicts + 1) * sizeof *in->conflicts);
	in->conflicts[in->n_conflicts++] = a;
	qsort(in->conflicts, in->n_conflicts, sizeof *in->conflicts, conflict_cmp);
}

/* Removes the conflicts of item (all of them if value is NULL, else those
 * with that value and note). */
static void conflicts_drop(struct fc_inspection *in, const char *item, const char *value,
			   const char *note)
{
	size_t i = 0, k = 0;

	for (i = 0; i < in->n_conflicts; i++) {
		struct fc_answer *c = &in->conflicts[i];
		if (!strcmp(c->item, item) &&
		    (!value || (!strcmp(c->value, value) && !strcmp(c->note, note))))
			answer_clear(c);
		else
			in->conflicts[k++] = *c;
	}
	in->n_conflicts = k;
}

static void amend(struct fc_inspection *in, const char *item, const char *value,
		  const char *reason, const char *by, const char *at)
{
	struct fc_amendment *m;

	in->amendments = xrealloc(in->amendments, (in->n_amendments + 1) * sizeof *in->amendments);
	m = &in->amendments[in->n_amendments++];
	memset(m, 0, sizeof *m);
	m->item = xstrdup(item);
	m->value = xstrdup(value);
	m->note = xstrdup("");
	m->reason = xstrdup(reason);
	strcpy(m->by, by);
	strcpy(m->at, at);
}

static void finalize(struct fc_inspection *in, const char *at)
{
	in->status = INSP_FINAL;
	strcpy(in->finalized_at, at);
}

static void set_str(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

static void ent_init(struct fc_record *r)
{
	memset(r, 0, sizeof *r);
	r->kind = REC_ENTERPRISE;
	strcpy(r->u.enterprise.code, USCC1);
	r->u.enterprise.name = xstrdup("华东化工有限公司");
	r->u.enterprise.town = xstrdup("城东街道");
	r->u.enterprise.industry = xstrdup("C26");
	r->u.enterprise.address = xstrdup("工业路 8 号");
}

/* The order the merge puts events in: the model's, then the name. */
static int event_total(const void *pa, const void *pb)
{
	const struct fc_hazard_event *a = pa, *b = pb;
	int c = hazard_event_cmp(a, b);
	return c ? c : strcmp(a->by_name, b->by_name);
}

static void event_add(struct fc_hazard *h, enum hazard_event_kind kind, const char *at,
		      const char *by, const char *date, const char *note)
{
	struct fc_hazard_event *ev;

	h->events = xrealloc(h->events, (h->n_events + 1) * sizeof *h->events);
	ev = &h->events[h->n_events++];
	memset(ev, 0, sizeof *ev);
	ev->kind = kind;
	strcpy(ev->at, at);
	strcpy(ev->by, by);
	ev->by_name = xstrdup(!strcmp(by, "ZJ-0001") ? "张三" : "李四");
	strcpy(ev->date, date);
	ev->note = xstrdup(note);
	qsort(h->events, h->n_events, sizeof *h->events, event_total);
}

static void haz_init(struct fc_record *r)
{
	struct fc_hazard *h = &r->u.hazard;

	memset(r, 0, sizeof *r);
	r->kind = REC_HAZARD;
	strcpy(h->id, ID2);
	strcpy(h->inspection, ID1);
	h->item = xstrdup("driver_qualified");
	h->severity = HAZ_GENERAL;
	h->description = xstrdup("押运员资格证过期");
	strcpy(h->deadline, "2026-12-05");
	event_add(h, HEV_FOUND, ts(0), "ZJ-0001", "", "");
}

/* ---- comparing and merging ---- */

static char *enc(const struct fc_record *r)
{
	struct strbuf sb;

	strbuf_init(&sb);
	record_encode(r, &sb);
	return strbuf_detach(&sb);
}

/* A deep copy, through the codec (which also proves r valid). */
static void copy(struct fc_record *dst, const struct fc_record *src)
{
	struct fc_err err = { 0 };
	char *s = enc(src);

	if (record_decode(s, strlen(s), "copy", dst, &err))
		fail_msg("not a valid record: %s\n%s", err.msg, s);
	free(s);
}

static void assert_same(const struct fc_record *a, const struct fc_record *b)
{
	char *x = enc(a), *y = enc(b);

	assert_string_equal(x, y);
	free(x);
	free(y);
}

/* Merges (b, o, t) into *out with its report, and checks what holds for
 * every merge: (b, t, o) gives the same bytes unless refused, the result
 * decodes, the inputs are untouched. */
static void merge(const struct fc_record *b, const struct fc_record *o, const struct fc_record *t,
		  struct fc_record *out, struct merge_report *rep)
{
	struct merge_report rep2 = { 0 };
	struct fc_err err = { 0 };
	struct fc_record other, check;
	char *before[3] = { b ? enc(b) : NULL, enc(o), enc(t) }, *after;
	int i;

	memset(rep, 0, sizeof *rep);
	if (record_merge(b, o, t, out, rep, &err))
		fail_msg("merge failed: %s", err.msg);
	if (record_merge(b, t, o, &other, &rep2, &err)) {
		/* a refusal keeps ours; the other way round, ours may be the
		 * copy that cannot stand */
		if (!rep->refused)
			fail_msg("merge the other way failed: %s", err.msg);
	} else {
		if (!rep->refused && !rep2.refused)
			assert_same(out, &other);
		assert_int_equal(rep->conflicted, rep2.conflicted);
	}
	copy(&check, out);
	record_clear(&check);
	for (i = 0; i < 3; i++) {
		const struct fc_record *in = i == 0 ? b : i == 1 ? o : t;
		if (!in)
			continue;
		after = enc(in);
		assert_string_equal(before[i], after);
		free(after);
		free(before[i]);
	}
	record_clear(&other);
	merge_report_release(&rep2);
}

static void same_but_amendments(const struct fc_record *a, const struct fc_record *b)
{
	struct fc_record x = *a, y = *b;

	x.u.inspection.n_amendments = 0;
	y.u.inspection.n_amendments = 0;
	assert_same(&x, &y);
}

static int has_note(const struct merge_report *rep, const char *part)
{
	size_t i;

	for (i = 0; i < rep->n; i++)
		if (strstr(rep->notes[i].msg, part))
			return 1;
	return 0;
}

static void dump_notes(const struct merge_report *rep)
{
	size_t i;

	for (i = 0; i < rep->n; i++)
		print_message("  note %s: %s\n", rep->notes[i].path_or_id, rep->notes[i].msg);
}

static void expect_note(const struct merge_report *rep, const char *part)
{
	if (!has_note(rep, part)) {
		dump_notes(rep);
		fail_msg("no note says '%s'", part);
	}
}

static const struct fc_answer *answer_of(const struct fc_inspection *in, const char *item)
{
	size_t i;

	for (i = 0; i < in->n_answers; i++)
		if (!strcmp(in->answers[i].item, item))
			return &in->answers[i];
	return NULL;
}

static void expect_answer(const struct fc_inspection *in, const char *item, const char *value,
			  const char *by, const char *at)
{
	const struct fc_answer *a = answer_of(in, item);

	if (!a)
		fail_msg("item %s has no answer", item);
	assert_string_equal(a->value, value);
	if (by)
		assert_string_equal(a->by, by);
	if (at)
		assert_string_equal(a->at, at);
}

/* The three records of a case, released together. */
struct triple {
	struct fc_record b, o, t, out;
	struct merge_report rep;
};

static void triple_clear(struct triple *x)
{
	record_clear(&x->b);
	record_clear(&x->o);
	record_clear(&x->t);
	record_clear(&x->out);
	merge_report_release(&x->rep);
}

/* A draft base with two answers, and ours and theirs as its copies. */
static void draft_triple(struct triple *x)
{
	memset(x, 0, sizeof *x);
	insp_init(&x->b);
	answer_set(&x->b.u.inspection, "driver_qualified", "pass", "", "ZJ-0001", ts(10));
	answer_set(&x->b.u.inspection, "vehicle_permits", "pass", "", "ZJ-0001", ts(11));
	copy(&x->o, &x->b);
	copy(&x->t, &x->b);
}

/* ---- format 2: files and positions ---- */

/* Adds a file line (to, sha made of one repeated hex digit) in record order. */
static void file_add(struct fc_attachment **list, size_t *n, const char *to, char hex,
		     const char *by, const char *at, const char *withdrawn)
{
	struct fc_attachment *a;

	*list = realloc(*list, (*n + 1) * sizeof **list);
	a = &(*list)[(*n)++];
	memset(a, 0, sizeof *a);
	a->to = strdup(to);
	a->name = strdup("IMG_1.JPG");
	memset(a->sha256, hex, 64);
	memset(a->blob, 'a', 40);
	a->size = 1000;
	strcpy(a->type, "image/jpeg");
	strcpy(a->by, by);
	strcpy(a->at, at);
	strcpy(a->withdrawn, withdrawn);
	qsort(*list, *n, sizeof **list, attachment_cmp);
}

/* Two officers attach files offline, one to the same item with the same
 * file: one line each, and the shared one once; instances of a repeat that
 * each added are both kept. */
static void files_union(void **state)
{
	struct triple x;
	struct fc_inspection *o, *t, *r;
	const char *i1 = "vehicles@0d9c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c5";
	const char *i2 = "vehicles@1d9c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c5";

	(void)state;
	draft_triple(&x);
	o = &x.o.u.inspection, t = &x.t.u.inspection;
	file_add(&o->attachments, &o->n_attachments, "", '1', "ZJ-0001", ts(20), "");
	file_add(&o->attachments, &o->n_attachments, "vehicle_permits", '2', "ZJ-0001", ts(21), "");
	file_add(&t->attachments, &t->n_attachments, "vehicle_permits", '2', "JT-0042", ts(22), "");
	file_add(&t->attachments, &t->n_attachments, "vehicle_permits", '3', "JT-0042", ts(23), ts(24));
	answer_set(o, i1, "", "", "ZJ-0001", ts(25));
	answer_set(t, i2, "", "", "JT-0042", ts(26));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->n_attachments, 3);
	assert_string_equal(r->attachments[1].by, "ZJ-0001"); /* the earlier of the two */
	assert_string_equal(r->attachments[2].withdrawn, ts(24));
	assert_non_null(answer_of(r, i1));
	assert_non_null(answer_of(r, i2));
	assert_int_equal(x.rep.conflicted, 0);
	triple_clear(&x);
}

/* One side finalized with a file; the other, still a draft, withdrew it
 * and added one: the final record keeps both, neither withdrawn. */
static void final_keeps_files(void **state)
{
	struct triple x;
	struct fc_inspection *o, *t, *r;

	(void)state;
	draft_triple(&x);
	file_add(&x.b.u.inspection.attachments, &x.b.u.inspection.n_attachments, "", '1',
		 "ZJ-0001", ts(20), "");
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	o = &x.o.u.inspection, t = &x.t.u.inspection;
	finalize(o, ts(30));
	strcpy(t->attachments[0].withdrawn, ts(31));
	file_add(&t->attachments, &t->n_attachments, "", '2', "JT-0042", ts(32), "");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->status, INSP_FINAL);
	assert_int_equal(r->n_attachments, 2);
	assert_string_equal(r->attachments[0].withdrawn, "");
	assert_string_equal(r->attachments[1].by, "JT-0042");
	triple_clear(&x);
}

/* The position and its source travel together: a clash never pairs one
 * side's position with the other's source. */
static void position_whole(void **state)
{
	struct triple x;
	struct fc_inspection *o, *t, *r;

	(void)state;
	draft_triple(&x);
	o = &x.o.u.inspection, t = &x.t.u.inspection;
	strcpy(o->geo, "30.1 120.1 0 5"), strcpy(o->geo_source, "gps");
	strcpy(t->geo, "30.2 120.2 0 0"), strcpy(t->geo_source, "typed");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_true((!strcmp(r->geo, o->geo) && !strcmp(r->geo_source, "gps")) ||
		    (!strcmp(r->geo, t->geo) && !strcmp(r->geo_source, "typed")));
	expect_note(&x.rep, "the position");
	triple_clear(&x);
	/* one side only sets it: taken */
	draft_triple(&x);
	strcpy(x.t.u.inspection.geo, "30.2 120.2 0 0"), strcpy(x.t.u.inspection.geo_source, "photo");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_string_equal(x.out.u.inspection.geo_source, "photo");
	assert_int_equal(x.rep.n, 0);
	triple_clear(&x);
}

/* The responsible person, the findings and the opinion merge like the
 * other header fields: one side's change is taken, a clash keeps the
 * greater and says so. */
static void people_and_texts(void **state)
{
	struct triple x;
	struct fc_inspection *o, *t, *r;

	(void)state;
	draft_triple(&x);
	o = &x.o.u.inspection, t = &x.t.u.inspection;
	strcpy(o->resp_name, "王五");
	set_str(&t->findings, "现场两台车辆。");
	set_str(&o->opinion, "限期整改");
	set_str(&t->opinion, "责令停止装车");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_string_equal(r->resp_name, "王五");
	assert_string_equal(r->findings, "现场两台车辆。");
	assert_string_equal(r->opinion, strcmp("限期整改", "责令停止装车") > 0 ? "限期整改" :
			    "责令停止装车");
	expect_note(&x.rep, "the opinion");
	triple_clear(&x);
}

static void document_add(struct fc_inspection *in, const char *kind, int serial, const char *by,
			 const char *at)
{
	struct fc_document *d;

	in->documents = xrealloc(in->documents, (in->n_documents + 1) * sizeof *in->documents);
	d = &in->documents[in->n_documents++];
	memset(d, 0, sizeof *d);
	strcpy(d->kind, kind);
	strcpy(d->authority, "北应急");
	d->year = 2026;
	d->serial = serial;
	strcpy(d->by, by);
	strcpy(d->at, at);
	qsort(in->documents, in->n_documents, sizeof *in->documents, document_cmp);
}

/* Numbers given to a final inspection on two laptops: both stay, each
 * once, whichever side merges (a number printed is never lost). */
static void documents_union_both(void **state)
{
	struct triple x, y;
	struct fc_inspection *o, *t, *r;

	(void)state;
	draft_triple(&x);
	finalize(&x.b.u.inspection, ts(30));
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	o = &x.o.u.inspection, t = &x.t.u.inspection;
	document_add(o, "order", 3, "ZJ-0001", ts(31));
	document_add(o, "record", 3, "ZJ-0001", ts(31));
	document_add(t, "order", 7, "JT-0042", ts(32));
	document_add(t, "record", 3, "ZJ-0001", ts(31));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->n_documents, 3);
	assert_int_equal(r->documents[0].serial, 3);
	assert_int_equal(r->documents[1].serial, 7);
	assert_string_equal(r->documents[2].kind, "record");
	assert_int_equal(x.rep.refused, 0);
	memset(&y, 0, sizeof y);
	merge(&x.b, &x.t, &x.o, &y.out, &y.rep);
	assert_int_equal(y.out.u.inspection.n_documents, 3);
	assert_int_equal(y.out.u.inspection.documents[1].serial, 7);
	record_clear(&y.out);
	merge_report_release(&y.rep);
	triple_clear(&x);
}

/* ---- inspections, answer by answer ---- */

static void disjoint_answers(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	draft_triple(&x);
	answer_set(&x.o.u.inspection, "fire_extinguisher", "fail", "过期", "ZJ-0001", ts(20));
	answer_set(&x.t.u.inspection, "vehicle_permits", "fail", "", "JT-0042", ts(21));
	answer_set(&x.t.u.inspection, "static_grounding", "pass", "", "JT-0042", ts(22));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->n_answers, 4);
	expect_answer(r, "driver_qualified", "pass", "ZJ-0001", ts(10));
	expect_answer(r, "fire_extinguisher", "fail", "ZJ-0001", ts(20));
	expect_answer(r, "vehicle_permits", "fail", "JT-0042", ts(21));
	expect_answer(r, "static_grounding", "pass", "JT-0042", ts(22));
	assert_int_equal(r->n_conflicts, 0);
	assert_int_equal(r->status, INSP_DRAFT);
	assert_int_equal(x.rep.conflicted, 0);
	assert_int_equal(x.rep.refused, 0);
	assert_int_equal(x.rep.n, 0);
	triple_clear(&x);
}

static void same_answer_both_sides(void **state)
{
	struct triple x;

	(void)state;
	draft_triple(&x);
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "无证", "ZJ-0001", ts(30));
	answer_set(&x.t.u.inspection, "vehicle_permits", "fail", "无证", "JT-0042", ts(31));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	expect_answer(&x.out.u.inspection, "vehicle_permits", "fail", "JT-0042", ts(31));
	assert_int_equal(x.out.u.inspection.n_conflicts, 0);
	assert_int_equal(x.rep.conflicted, 0);
	assert_int_equal(x.rep.n, 0);
	triple_clear(&x);

	/* The same moment: the greater badge. */
	draft_triple(&x);
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "", "ZJ-0001", ts(30));
	answer_set(&x.t.u.inspection, "vehicle_permits", "fail", "", "JT-0042", ts(30));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	expect_answer(&x.out.u.inspection, "vehicle_permits", "fail", "ZJ-0001", ts(30));
	triple_clear(&x);
}

static void clash_keeps_both(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	draft_triple(&x);
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "", "ZJ-0001", ts(40));
	answer_set(&x.t.u.inspection, "vehicle_permits", "na", "车辆已离场", "JT-0042", ts(41));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	expect_answer(r, "vehicle_permits", "na", "JT-0042", ts(41));
	assert_int_equal(r->n_conflicts, 1);
	assert_string_equal(r->conflicts[0].item, "vehicle_permits");
	assert_string_equal(r->conflicts[0].value, "fail");
	assert_string_equal(r->conflicts[0].by, "ZJ-0001");
	assert_string_equal(r->conflicts[0].at, ts(40));
	assert_int_equal(x.rep.conflicted, 1);
	expect_note(&x.rep, "item “vehicle_permits” was answered differently");
	assert_string_equal(x.rep.notes[0].path_or_id, ID1);
	/* the note names its item, for a reader that shows the label instead */
	assert_non_null(x.rep.notes[0].item);
	assert_string_equal(x.rep.notes[0].item, "vehicle_permits");
	triple_clear(&x);

	/* Only the notes differ: still a clash, both kept. */
	draft_triple(&x);
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "一号车", "ZJ-0001", ts(40));
	answer_set(&x.t.u.inspection, "vehicle_permits", "fail", "二号车", "JT-0042", ts(40));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	expect_answer(r, "vehicle_permits", "fail", "ZJ-0001", ts(40));
	assert_string_equal(answer_of(r, "vehicle_permits")->note, "一号车");
	assert_int_equal(r->n_conflicts, 1);
	assert_string_equal(r->conflicts[0].note, "二号车");
	expect_note(&x.rep, "notes differ");
	triple_clear(&x);
}

/* "Later" is the moment, not the text: 02:00:50Z is after 10:00:40+08:00. */
static void clash_across_offsets(void **state)
{
	struct triple x;

	(void)state;
	draft_triple(&x);
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "", "ZJ-0001", ts(40));
	answer_set(&x.t.u.inspection, "vehicle_permits", "na", "", "JT-0042",
		   "2026-11-28T02:00:50Z");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	expect_answer(&x.out.u.inspection, "vehicle_permits", "na", "JT-0042", NULL);
	assert_string_equal(x.out.u.inspection.conflicts[0].value, "fail");
	triple_clear(&x);
}

/* A conflict resolved on one side merges as resolved. */
static void resolution_on_one_side(void **state)
{
	struct triple x;
	struct fc_inspection *b;

	(void)state;
	draft_triple(&x);
	record_clear(&x.o);
	record_clear(&x.t);
	b = &x.b.u.inspection;
	answer_set(b, "vehicle_permits", "na", "", "JT-0042", ts(41));
	conflict_add(b, "vehicle_permits", "fail", "", "ZJ-0001", ts(40));
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	/* ours chooses the conflicting value; theirs goes on answering */
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "复核", "ZJ-0001", ts(50));
	conflicts_drop(&x.o.u.inspection, "vehicle_permits", NULL, NULL);
	answer_set(&x.t.u.inspection, "static_grounding", "pass", "", "JT-0042", ts(51));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	expect_answer(&x.out.u.inspection, "vehicle_permits", "fail", "ZJ-0001", ts(50));
	expect_answer(&x.out.u.inspection, "static_grounding", "pass", "JT-0042", ts(51));
	assert_int_equal(x.out.u.inspection.n_conflicts, 0);
	assert_int_equal(x.rep.conflicted, 0);
	record_clear(&x.out);
	merge_report_release(&x.rep);

	/* ours keeps the answer and drops the conflict: resolved as well */
	record_clear(&x.o);
	copy(&x.o, &x.b);
	conflicts_drop(&x.o.u.inspection, "vehicle_permits", NULL, NULL);
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	expect_answer(&x.out.u.inspection, "vehicle_permits", "na", "JT-0042", ts(41));
	assert_int_equal(x.out.u.inspection.n_conflicts, 0);
	record_clear(&x.out);
	merge_report_release(&x.rep);

	/* theirs sets the answer to the conflicting value without clearing
	 * it: a conflict that repeats the answer is no conflict */
	record_clear(&x.o);
	copy(&x.o, &x.b);
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "", "ZJ-0009", ts(60));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	expect_answer(&x.out.u.inspection, "vehicle_permits", "fail", "ZJ-0009", ts(60));
	assert_int_equal(x.out.u.inspection.n_conflicts, 0);
	triple_clear(&x);
}

static void removed_and_changed(void **state)
{
	struct triple x;

	(void)state;
	draft_triple(&x);
	answer_del(&x.o.u.inspection, "vehicle_permits");
	answer_set(&x.t.u.inspection, "vehicle_permits", "fail", "", "JT-0042", ts(60));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	expect_answer(&x.out.u.inspection, "vehicle_permits", "fail", "JT-0042", ts(60));
	expect_note(&x.rep, "cleared on one device");
	triple_clear(&x);

	/* removed on one side, untouched on the other: removed */
	draft_triple(&x);
	answer_del(&x.o.u.inspection, "vehicle_permits");
	answer_set(&x.t.u.inspection, "static_grounding", "pass", "", "JT-0042", ts(60));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_null(answer_of(&x.out.u.inspection, "vehicle_permits"));
	assert_int_equal(x.out.u.inspection.n_answers, 2);
	triple_clear(&x);
}

static void header_fields(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	draft_triple(&x);
	set_str(&x.o.u.inspection.location, "3号装车台");
	x.t.u.inspection.type = INSP_UNANNOUNCED;
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_string_equal(r->location, "3号装车台");
	assert_int_equal(r->type, INSP_UNANNOUNCED);
	assert_int_equal(x.rep.n, 0);
	triple_clear(&x);

	/* both changed: the greater value (byte order; versions as numbers) */
	draft_triple(&x);
	set_str(&x.o.u.inspection.location, "A区");
	set_str(&x.t.u.inspection.location, "B区");
	x.o.u.inspection.form_version = 9;
	x.t.u.inspection.form_version = 10;
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_string_equal(r->location, "B区");
	assert_int_equal(r->form_version, 10);
	expect_note(&x.rep, "the location was changed on two devices, to 'A区' and to 'B区'");
	expect_note(&x.rep, "the form version was changed on two devices, to '9' and to '10'");
	triple_clear(&x);
}

static void team_union(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	/* one side adds two officers: they keep the order they were added in */
	draft_triple(&x);
	member_add(&x.o.u.inspection, "SC-0100", "王五", "市场监管局");
	member_add(&x.o.u.inspection, "GA-0007", "赵六", "公安局");
	answer_set(&x.t.u.inspection, "static_grounding", "pass", "", "ZJ-0001", ts(60));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->n_team, 3);
	assert_string_equal(r->team[0].badge, "ZJ-0001");
	assert_string_equal(r->team[1].badge, "SC-0100");
	assert_string_equal(r->team[2].badge, "GA-0007");
	triple_clear(&x);

	/* both add: base's members first, then the additions by badge */
	draft_triple(&x);
	member_add(&x.b.u.inspection, "JT-0042", "李四", "交通运输局");
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	member_add(&x.o.u.inspection, "SC-0100", "王五", "市场监管局");
	member_add(&x.t.u.inspection, "GA-0007", "赵六", "公安局");
	member_add(&x.t.u.inspection, "SC-0100", "王五", "市场监督管理局");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->n_team, 4);
	assert_string_equal(r->team[0].badge, "ZJ-0001");
	assert_string_equal(r->team[1].badge, "JT-0042");
	assert_string_equal(r->team[2].badge, "GA-0007");
	assert_string_equal(r->team[3].badge, "SC-0100");
	assert_string_equal(r->team[3].dept, "市场监管局"); /* the greater in byte order */
	expect_note(&x.rep, "the department of team member SC-0100 was changed on two devices");
	triple_clear(&x);

	/* a member taken off on one side only stays */
	draft_triple(&x);
	member_add(&x.b.u.inspection, "JT-0042", "李四", "交通运输局");
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	x.o.u.inspection.n_team = 1;
	answer_set(&x.t.u.inspection, "static_grounding", "pass", "", "JT-0042", ts(60));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.out.u.inspection.n_team, 2);
	expect_note(&x.rep, "team member JT-0042 was taken off the team on one device only");
	x.o.u.inspection.n_team = 2;
	triple_clear(&x);
}

/* ---- finalized inspections ---- */

static void final_and_draft(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	draft_triple(&x);
	conflict_add(&x.b.u.inspection, "vehicle_permits", "fail", "", "JT-0042", ts(9));
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	/* ours: resolves, answers, finalizes */
	conflicts_drop(&x.o.u.inspection, "vehicle_permits", NULL, NULL);
	answer_set(&x.o.u.inspection, "static_grounding", "pass", "", "ZJ-0001", ts(70));
	finalize(&x.o.u.inspection, ts(80));
	/* theirs, still a draft: changes one, adds two, one the same as final */
	answer_set(&x.t.u.inspection, "driver_qualified", "fail", "证件过期", "JT-0042", ts(90));
	answer_set(&x.t.u.inspection, "fire_extinguisher", "fail", "", "JT-0042", ts(91));
	answer_set(&x.t.u.inspection, "static_grounding", "pass", "", "JT-0042", ts(92));
	conflict_add(&x.t.u.inspection, "fire_extinguisher", "pass", "", "GA-0007", ts(89));
	set_str(&x.t.u.inspection.location, "别处");
	member_add(&x.t.u.inspection, "GA-0007", "赵六", "公安局");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->status, INSP_FINAL);
	assert_string_equal(r->finalized_at, ts(80));
	assert_int_equal(r->n_answers, 3);
	expect_answer(r, "driver_qualified", "pass", "ZJ-0001", ts(10));
	expect_answer(r, "static_grounding", "pass", "ZJ-0001", ts(70));
	assert_int_equal(r->n_conflicts, 0);
	assert_string_equal(r->location, "2号装车台");
	assert_int_equal(r->n_team, 1);
	assert_int_equal(r->n_amendments, 3);
	assert_string_equal(r->amendments[0].item, "fire_extinguisher"); /* by time */
	assert_string_equal(r->amendments[0].value, "pass");
	assert_string_equal(r->amendments[0].by, "GA-0007");
	assert_string_equal(r->amendments[1].item, "driver_qualified");
	assert_string_equal(r->amendments[1].value, "fail");
	assert_string_equal(r->amendments[1].note, "证件过期");
	assert_string_equal(r->amendments[1].at, ts(90));
	assert_string_equal(r->amendments[1].reason,
			    "answered on another device after the inspection was finalized "
			    "(by JT-0042 at 2026-11-28T10:01:30+08:00)");
	assert_string_equal(r->amendments[2].item, "fire_extinguisher");
	assert_string_equal(r->amendments[2].value, "fail");
	expect_note(&x.rep, "item “driver_qualified”: 'fail' (by JT-0042");
	expect_note(&x.rep, "the location was changed to '别处' on another device");
	expect_note(&x.rep, "team member GA-0007 was added on another device");
	assert_int_equal(x.rep.refused, 0);
	triple_clear(&x);
}

/* Both finalized apart: a finalized record we hold is never replaced, not
 * even by one finalized earlier; theirs is refused and ours stands, with
 * the amendments of both. */
static void both_final_apart(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	draft_triple(&x);
	answer_set(&x.o.u.inspection, "vehicle_permits", "fail", "", "ZJ-0001", ts(70));
	finalize(&x.o.u.inspection, ts(81));
	answer_set(&x.t.u.inspection, "vehicle_permits", "na", "", "JT-0042", ts(71));
	finalize(&x.t.u.inspection, ts(80));
	amend(&x.o.u.inspection, "driver_qualified", "fail", "看错证件", "ZJ-0001", ts(85));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(x.rep.refused, 1);
	expect_note(&x.rep, "the finalized inspection arrived changed (the finalizing time, "
		    "the answers)");
	assert_string_equal(r->finalized_at, ts(81));
	expect_answer(r, "vehicle_permits", "fail", "ZJ-0001", ts(70));
	assert_same(&x.out, &x.o);
	triple_clear(&x);

	/* both final with the same answers: ours, amendments unioned */
	draft_triple(&x);
	finalize(&x.o.u.inspection, ts(81));
	finalize(&x.t.u.inspection, ts(80));
	amend(&x.o.u.inspection, "driver_qualified", "fail", "看错证件", "ZJ-0001", ts(85));
	amend(&x.t.u.inspection, "vehicle_permits", "fail", "补录", "JT-0042", ts(84));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_string_equal(r->finalized_at, ts(81));
	assert_int_equal(r->n_amendments, 2);
	assert_string_equal(r->amendments[0].reason, "补录");
	same_but_amendments(&x.out, &x.o);
	triple_clear(&x);
}

/* Every amendment of `ours` is in `out`: ours only grew. */
static void holds_amendments_of(const struct fc_record *out, const struct fc_record *ours)
{
	const struct fc_inspection *r = &out->u.inspection, *o = &ours->u.inspection;
	size_t i, j;

	for (i = 0; i < o->n_amendments; i++) {
		for (j = 0; j < r->n_amendments; j++)
			if (!strcmp(r->amendments[j].at, o->amendments[i].at) &&
			    !strcmp(r->amendments[j].item, o->amendments[i].item) &&
			    !strcmp(r->amendments[j].value, o->amendments[i].value) &&
			    !strcmp(r->amendments[j].reason, o->amendments[i].reason))
				break;
		if (j == r->n_amendments)
			fail_msg("our amendment %s=%s is gone", o->amendments[i].item,
				 o->amendments[i].value);
	}
}

/* A forged copy of a finalized record we hold (finalized earlier, another
 * answer) arriving with no base, or over a draft base (an unrelated or
 * rewritten history): ours stands; theirs adds only amendments. */
static void final_never_replaced(void **state)
{
	struct triple x;
	int with_base;

	(void)state;
	for (with_base = 0; with_base < 2; with_base++) {
		draft_triple(&x);
		finalize(&x.o.u.inspection, ts(80));
		record_clear(&x.t);
		copy(&x.t, &x.o);
		amend(&x.o.u.inspection, "vehicle_permits", "fail", "补录", "ZJ-0001", ts(85));
		/* the forgery: an earlier finalizing, another answer, without our
		 * amendment and with one of its own */
		strcpy(x.t.u.inspection.finalized_at, ts(20));
		answer_set(&x.t.u.inspection, "driver_qualified", "fail", "", "ZJ-0001", ts(10));
		amend(&x.t.u.inspection, "static_grounding", "fail", "伪造", "XX-6666", ts(86));
		merge(with_base ? &x.b : NULL, &x.o, &x.t, &x.out, &x.rep);
		assert_int_equal(x.rep.refused, 1);
		same_but_amendments(&x.out, &x.o);
		holds_amendments_of(&x.out, &x.o);
		expect_answer(&x.out.u.inspection, "driver_qualified", "pass", "ZJ-0001", ts(10));
		assert_string_equal(x.out.u.inspection.finalized_at, ts(80));
		triple_clear(&x);
	}

	/* their copy is ours with an amendment appended: taken, not refused */
	draft_triple(&x);
	finalize(&x.o.u.inspection, ts(80));
	amend(&x.o.u.inspection, "vehicle_permits", "fail", "补录", "ZJ-0001", ts(85));
	record_clear(&x.t);
	copy(&x.t, &x.o);
	amend(&x.t.u.inspection, "driver_qualified", "fail", "更正", "JT-0042", ts(90));
	merge(NULL, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.rep.refused, 0);
	assert_same(&x.out, &x.t);
	holds_amendments_of(&x.out, &x.o);
	triple_clear(&x);
}

static void final_base_refuses_change(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	draft_triple(&x);
	finalize(&x.b.u.inspection, ts(80));
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	amend(&x.o.u.inspection, "driver_qualified", "fail", "看错证件", "ZJ-0001", ts(85));
	amend(&x.t.u.inspection, "vehicle_permits", "fail", "补录", "JT-0042", ts(84));
	answer_set(&x.t.u.inspection, "driver_qualified", "fail", "", "XX-6666", ts(99));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(x.rep.refused, 1);
	expect_note(&x.rep, "the finalized inspection arrived changed (the answers)");
	expect_answer(r, "driver_qualified", "pass", "ZJ-0001", ts(10));
	assert_int_equal(r->n_amendments, 2);
	/* ours stands, whole, but for the amendments */
	same_but_amendments(&x.out, &x.o);
	triple_clear(&x);

	/* amendments only: merged, not refused */
	draft_triple(&x);
	finalize(&x.b.u.inspection, ts(80));
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	amend(&x.t.u.inspection, "vehicle_permits", "fail", "补录", "JT-0042", ts(84));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.rep.refused, 0);
	assert_same(&x.out, &x.t);
	triple_clear(&x);

	/* a remote that reopens it as a draft is refused too */
	draft_triple(&x);
	finalize(&x.b.u.inspection, ts(80));
	record_clear(&x.o);
	copy(&x.o, &x.b);
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.rep.refused, 1);
	expect_note(&x.rep, "the status, the finalizing time");
	assert_same(&x.out, &x.o);
	triple_clear(&x);
}

/* A local copy reopened as a draft cannot be merged at all. */
static void final_base_draft_ours(void **state)
{
	struct triple x;
	struct fc_err err = { 0 };

	(void)state;
	draft_triple(&x);
	finalize(&x.b.u.inspection, ts(80));
	record_clear(&x.t);
	copy(&x.t, &x.b);
	assert_int_equal(record_merge(&x.b, &x.o, &x.t, &x.out, &x.rep, &err), -1);
	assert_string_equal(err.msg, "merging inspection " ID1 ": the inspection was finalized, "
			    "but our copy is a draft again (a finalized inspection is never reopened)");
	assert_int_equal(x.rep.n, 0);
	assert_null(x.rep.notes);
	triple_clear(&x);
}

/* ---- hazards and enterprises ---- */

static void hazard_events_union(void **state)
{
	struct triple x;
	struct fc_hazard *h;

	(void)state;
	memset(&x, 0, sizeof x);
	haz_init(&x.b);
	event_add(&x.b.u.hazard, HEV_NOTICE, ts(100), "ZJ-0001", "2026-12-10", "责令限期整改");
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	event_add(&x.o.u.hazard, HEV_SUPERVISE, ts(200), "ZJ-0001", "", "");
	event_add(&x.o.u.hazard, HEV_COMMENT, ts(150), "ZJ-0001", "", "电话督促");
	event_add(&x.t.u.hazard, HEV_RECTIFIED, ts(200), "JT-0042", "", "已换证");
	event_add(&x.t.u.hazard, HEV_COMMENT, ts(150), "ZJ-0001", "", "电话督促");
	set_str(&x.t.u.hazard.description, "押运员资格证过期（两人）");
	strcpy(x.o.u.hazard.deadline, "2026-12-06");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	h = &x.out.u.hazard;
	assert_int_equal(h->n_events, 5);
	assert_int_equal(h->events[0].kind, HEV_FOUND);
	assert_int_equal(h->events[1].kind, HEV_NOTICE);
	assert_int_equal(h->events[2].kind, HEV_COMMENT);
	assert_int_equal(h->events[3].kind, HEV_RECTIFIED);   /* same time: by kind */
	assert_int_equal(h->events[4].kind, HEV_SUPERVISE);
	assert_string_equal(h->description, "押运员资格证过期（两人）");
	assert_string_equal(h->deadline, "2026-12-06");
	assert_int_equal(hazard_state_of(h), HST_RECTIFIED);
	assert_int_equal(x.rep.n, 0);
	triple_clear(&x);
}

static void hazard_header_clash(void **state)
{
	struct triple x;

	(void)state;
	memset(&x, 0, sizeof x);
	haz_init(&x.b);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	x.o.u.hazard.severity = HAZ_MAJOR;
	strcpy(x.o.u.hazard.deadline, "2026-12-20");
	strcpy(x.t.u.hazard.deadline, "2026-12-08");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.out.u.hazard.severity, HAZ_MAJOR);
	assert_string_equal(x.out.u.hazard.deadline, "2026-12-20");
	expect_note(&x.rep, "the deadline was changed on two devices, to '2026-12-08' and to "
		    "'2026-12-20'; '2026-12-20' is kept");
	assert_int_equal(x.rep.n, 1);
	triple_clear(&x);
}

/* Two different 'found' events: only tampering makes them; the first stays. */
static void hazard_two_found(void **state)
{
	struct triple x;

	(void)state;
	memset(&x, 0, sizeof x);
	haz_init(&x.b);
	copy(&x.o, &x.b);
	haz_init(&x.t);
	strcpy(x.t.u.hazard.events[0].at, ts(5));
	event_add(&x.t.u.hazard, HEV_NOTICE, ts(100), "ZJ-0001", "", "");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.out.u.hazard.n_events, 2);
	assert_string_equal(x.out.u.hazard.events[0].at, ts(0));
	expect_note(&x.rep, "different 'found' events");
	triple_clear(&x);
}

static void enterprise_fields(void **state)
{
	struct triple x;
	struct fc_enterprise *e;

	(void)state;
	memset(&x, 0, sizeof x);
	ent_init(&x.b);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	set_str(&x.o.u.enterprise.name, "华东化工股份有限公司");
	set_str(&x.t.u.enterprise.name, "华东化工集团有限公司");
	set_str(&x.t.u.enterprise.town, "城西街道");
	set_str(&x.o.u.enterprise.industry, "C261");
	set_str(&x.t.u.enterprise.industry, "C261");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	e = &x.out.u.enterprise;
	/* 股 (E8 82 A1) < 集 (E9 9B 86) in byte order */
	assert_string_equal(e->name, "华东化工集团有限公司");
	assert_string_equal(e->town, "城西街道");
	assert_string_equal(e->industry, "C261");
	assert_string_equal(e->address, "工业路 8 号");
	assert_int_equal(x.rep.n, 1);
	expect_note(&x.rep, "the name was changed on two devices, to '华东化工股份有限公司' and "
		    "to '华东化工集团有限公司'; '华东化工集团有限公司' is kept");
	assert_string_equal(x.rep.notes[0].path_or_id, USCC1);
	triple_clear(&x);
}

/* ---- no base: both devices created the record ---- */

static void no_base(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	memset(&x, 0, sizeof x);
	insp_init(&x.o);
	insp_init(&x.t);
	answer_set(&x.o.u.inspection, "driver_qualified", "pass", "", "ZJ-0001", ts(10));
	answer_set(&x.t.u.inspection, "driver_qualified", "pass", "", "ZJ-0001", ts(10));
	answer_set(&x.o.u.inspection, "vehicle_permits", "pass", "", "ZJ-0001", ts(11));
	answer_set(&x.t.u.inspection, "vehicle_permits", "fail", "", "JT-0042", ts(12));
	answer_set(&x.t.u.inspection, "static_grounding", "pass", "", "JT-0042", ts(13));
	set_str(&x.t.u.inspection.location, "");
	member_add(&x.t.u.inspection, "JT-0042", "李四", "交通运输局");
	merge(NULL, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->n_answers, 3);
	expect_answer(r, "vehicle_permits", "fail", "JT-0042", ts(12));
	assert_int_equal(r->n_conflicts, 1);
	assert_string_equal(r->conflicts[0].value, "pass");
	assert_int_equal(x.rep.conflicted, 1);
	/* the base had every field empty: an empty location is no change */
	assert_string_equal(r->location, "2号装车台");
	assert_int_equal(r->n_team, 2);
	triple_clear(&x);

	/* enterprises and hazards too */
	memset(&x, 0, sizeof x);
	ent_init(&x.o);
	ent_init(&x.t);
	set_str(&x.t.u.enterprise.address, "");
	merge(NULL, &x.o, &x.t, &x.out, &x.rep);
	assert_string_equal(x.out.u.enterprise.address, "工业路 8 号");
	triple_clear(&x);
	memset(&x, 0, sizeof x);
	haz_init(&x.o);
	haz_init(&x.t);
	event_add(&x.t.u.hazard, HEV_NOTICE, ts(100), "ZJ-0001", "2026-12-10", "");
	merge(NULL, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.out.u.hazard.n_events, 2);
	assert_int_equal(x.rep.n, 0);
	triple_clear(&x);
}

/* ---- refusals of the merge itself ---- */

static void bad_inputs(void **state)
{
	struct merge_report rep = { 0 };
	struct fc_err err = { 0 };
	struct fc_record a, b, out;
	size_t i;

	(void)state;
	insp_init(&a);
	haz_init(&b);
	assert_int_equal(record_merge(NULL, &a, &b, &out, &rep, &err), -1);
	assert_string_equal(err.msg, "merging inspection " ID1 ": theirs is a record of another "
			    "kind (hazard)");
	record_clear(&b);
	insp_init(&b);
	strcpy(b.u.inspection.id, ID2);
	assert_int_equal(record_merge(&b, &a, &a, &out, &rep, &err), -1);
	assert_string_equal(err.msg, "merging inspection " ID1 ": base is inspection " ID2
			    ", another record");
	strcpy(b.u.inspection.id, ID1);
	strcpy(b.u.inspection.created_by, "ZJ 0001");
	assert_int_equal(record_merge(NULL, &a, &b, &out, &rep, &err), -1);
	assert_string_equal(err.msg, "merging inspection " ID1 ": theirs: badge number 'ZJ 0001': "
			    "only letters, digits, '-', '_' and '.' are allowed");
	strcpy(b.u.inspection.created_by, "ZJ-0001");

	/* a team past its limit: no record, no notes left behind */
	for (i = 0; i < 25; i++) {
		char badge[16];
		snprintf(badge, sizeof badge, "A-%02zu", i);
		member_add(&a.u.inspection, badge, "甲", "应急管理局");
		snprintf(badge, sizeof badge, "B-%02zu", i);
		member_add(&b.u.inspection, badge, "乙", "交通运输局");
	}
	set_str(&a.u.inspection.location, "甲地");
	set_str(&b.u.inspection.location, "乙地");
	assert_int_equal(record_merge(NULL, &a, &b, &out, &rep, &err), -1);
	assert_string_equal(err.msg, "merging inspection " ID1 ": the merged record would not be "
			    "valid: the team has 51 members, at most 50");
	assert_int_equal(rep.n, 0);
	assert_null(rep.notes);
	assert_null(out.u.inspection.team);
	record_clear(&a);
	record_clear(&b);
}

/* Notes pile up in one report across merges; NULL takes none. */
static void report_collects(void **state)
{
	struct merge_report rep = { 0 };
	struct fc_err err = { 0 };
	struct triple x;

	(void)state;
	draft_triple(&x);
	set_str(&x.o.u.inspection.location, "甲");
	set_str(&x.t.u.inspection.location, "乙");
	assert_int_equal(record_merge(&x.b, &x.o, &x.t, &x.out, &rep, &err), 0);
	record_clear(&x.out);
	assert_int_equal(record_merge(&x.b, &x.o, &x.t, &x.out, &rep, &err), 0);
	record_clear(&x.out);
	assert_int_equal(rep.n, 2);
	assert_int_equal(record_merge(&x.b, &x.o, &x.t, &x.out, NULL, &err), 0);
	assert_string_equal(x.out.u.inspection.location, "甲"); /* E7 94 B2 > E4 B9 99 */
	merge_report_release(&rep);
	assert_int_equal(rep.n, 0);
	triple_clear(&x);
}

/* Past the decoder's limits: too many conflicts, too many bytes. */
static void too_big(void **state)
{
	struct merge_report rep = { 0 };
	struct fc_err err = { 0 };
	struct fc_record a, b, out;
	char value[MAX_VALUE + 1], at[32];
	int i;

	(void)state;
	insp_init(&a);
	insp_init(&b);
	for (i = 0; i < 1100; i++) {
		snprintf(at, sizeof at, "2026-11-28T10:%02d:%02d+08:00", i / 60 % 60, i % 60);
		snprintf(value, sizeof value, "v%d", i);
		conflict_add(&a.u.inspection, "a1", value, "", "ZJ-0001", at);
		conflict_add(&b.u.inspection, "b2", value, "", "ZJ-0001", at);
	}
	assert_int_equal(record_merge(NULL, &a, &b, &out, &rep, &err), -1);
	assert_string_equal(err.msg, "merging inspection " ID1 ": the merged record would not be valid: "
			    "2200 conflicts and 0 amendments, at most 2000 of each");
	record_clear(&a);
	record_clear(&b);

	insp_init(&a);
	insp_init(&b);
	memset(value, 'x', MAX_VALUE);
	value[MAX_VALUE] = '\0';
	for (i = 0; i < 150; i++) {
		char item[16];
		snprintf(item, sizeof item, "i%03d", i);
		value[0] = 'a';
		answer_set(&a.u.inspection, item, value, "", "ZJ-0001", ts(1));
		value[0] = 'b';
		answer_set(&b.u.inspection, item, value, "", "ZJ-0001", ts(2));
	}
	assert_int_equal(record_merge(NULL, &a, &b, &out, &rep, &err), -1);
	assert_string_equal(err.msg, "merging inspection " ID1 ": the merged record would be "
			    "1230189 bytes, more than the 1048576 a record may be");
	assert_int_equal(rep.n, 0);
	assert_int_equal(rep.conflicted, 0);
	record_clear(&a);
	record_clear(&b);
}

/* Notes quote long values cut between characters. */
static void long_values_cut(void **state)
{
	struct triple x;
	const char *msg;

	(void)state;
	memset(&x, 0, sizeof x);
	haz_init(&x.b);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	set_str(&x.o.u.hazard.description,
		"储罐区静电接地线断开，装卸作业时未连接接地夹，存在火灾爆炸风险。");
	set_str(&x.t.u.hazard.description, "储罐区静电接地线断开\n第二行");
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	assert_int_equal(x.rep.n, 1);
	msg = x.rep.notes[0].msg;
	assert_non_null(strstr(msg, "'储罐区静电接地线断开 第二行'"));
	assert_non_null(strstr(msg, "'储罐区静电接地线断开，装卸作业时未连接接...'"));
	triple_clear(&x);
}

/* Both sides hold the same amendments in different orders: sorted. */
static void amendments_in_two_orders(void **state)
{
	struct triple x;
	struct fc_inspection *r;

	(void)state;
	draft_triple(&x);
	finalize(&x.b.u.inspection, ts(80));
	record_clear(&x.o);
	record_clear(&x.t);
	copy(&x.o, &x.b);
	copy(&x.t, &x.b);
	amend(&x.o.u.inspection, "vehicle_permits", "fail", "补录", "JT-0042", ts(90));
	amend(&x.o.u.inspection, "driver_qualified", "fail", "更正", "JT-0042", ts(90));
	amend(&x.t.u.inspection, "driver_qualified", "fail", "更正", "JT-0042", ts(90));
	amend(&x.t.u.inspection, "vehicle_permits", "fail", "补录", "JT-0042", ts(90));
	merge(&x.b, &x.o, &x.t, &x.out, &x.rep);
	r = &x.out.u.inspection;
	assert_int_equal(r->n_amendments, 2);
	assert_string_equal(r->amendments[0].item, "driver_qualified");
	/* one side alone keeps its order, even unsorted */
	record_clear(&x.out);
	merge_report_release(&x.rep);
	merge(&x.b, &x.b, &x.o, &x.out, &x.rep);
	assert_same(&x.out, &x.o);
	triple_clear(&x);
}

/* ---- random histories ---- */

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)((rng_state >> 11) % n);
}

#define PICK(a) (a[rnd(ARRAY_SIZE(a))])

static const char *const r_items[] = { "a1", "b2", "c3", "d4", "e5" };
static const char *const r_values[] = { "pass", "fail", "na", "有隐患" };
static const char *const r_notes[] = { "", "备注", "第一行\n第二行" };
static const char *const r_badges[] = { "ZJ-0001", "JT-0042", "GA-0007", "SC-0100" };
static const char *const r_places[] = { "", "2号装车台", "3号装车台", "罐区" };

/* A time among few, so that ties are common; one in five written in UTC. */
static const char *rtime(void)
{
	static char ring[8][32];
	static unsigned next;
	unsigned n = rnd(30);
	char *s = ring[next++ % 8];

	if (rnd(5))
		snprintf(s, 32, "2026-11-28T10:00:%02u+08:00", n);
	else
		snprintf(s, 32, "2026-11-28T02:00:%02uZ", n);
	return s;
}

static int answered_as(const struct fc_inspection *in, const char *item, const char *value,
		       const char *note)
{
	const struct fc_answer *a = answer_of(in, item);
	return a && !strcmp(a->value, value) && !strcmp(a->note, note);
}

static int member(const struct fc_inspection *in, const char *badge)
{
	size_t i;

	for (i = 0; i < in->n_team; i++)
		if (!strcmp(in->team[i].badge, badge))
			return 1;
	return 0;
}

/* One thing an inspector can do to a draft. */
static void draft_step(struct fc_inspection *in)
{
	const char *item = PICK(r_items), *value = PICK(r_values), *note = PICK(r_notes);
	const char *badge = PICK(r_badges);

	switch (rnd(8)) {
	case 0: case 1: case 2:   /* answering resolves a conflict with that value */
		answer_set(in, item, value, note, badge, rtime());
		conflicts_drop(in, item, value, note);
		break;
	case 3:
		answer_del(in, item);
		break;
	case 4:                   /* a clash kept by an earlier merge */
		if (!answered_as(in, item, value, note))
			conflict_add(in, item, value, note, badge, rtime());
		break;
	case 5:
		conflicts_drop(in, item, NULL, NULL);
		break;
	case 6:
		if (!member(in, badge))
			member_add(in, badge, badge[0] == 'Z' ? "张三" : "李四", "应急管理局");
		break;
	default:
		if (rnd(2))
			set_str(&in->location, PICK(r_places));
		else
			in->type = (enum insp_type)rnd(INSP_TYPE_COUNT);
		break;
	}
}

/* What a device does to its copy: answers a draft (and may finalize it),
 * or amends a final one.  `tamper` rewrites a final one instead. */
static void evolve(struct fc_inspection *in, int tamper)
{
	unsigned i, n = rnd(5);

	if (in->status == INSP_FINAL) {
		if (tamper)
			answer_set(in, PICK(r_items), "tampered", "", "XX-0000", rtime());
		for (i = 0; i < n; i++)
			amend(in, PICK(r_items), PICK(r_values), "更正", PICK(r_badges), rtime());
		return;
	}
	for (i = 0; i < n; i++)
		draft_step(in);
	if (!rnd(4)) {
		while (in->n_conflicts) {   /* resolve every clash first */
			char *item = xstrdup(in->conflicts[0].item);
			conflicts_drop(in, item, NULL, NULL);
			free(item);
		}
		finalize(in, rtime());
	}
}

static void hazard_evolve(struct fc_hazard *h, int creation)
{
	static const enum hazard_event_kind kinds[] = { HEV_NOTICE, HEV_RECTIFIED, HEV_VERIFIED,
		HEV_EXTEND, HEV_SUPERVISE, HEV_COMMENT };
	static const char *const dates[] = { "2026-12-05", "2026-12-10", "2027-01-31" };
	static const char *const descs[] = { "押运员资格证过期", "静电接地不良", "灭火器过期" };
	unsigned i, n = rnd(4);

	if (creation && !rnd(4))           /* found apart: two 'found' events */
		strcpy(h->events[0].at, rtime());
	for (i = 0; i < n; i++) {
		enum hazard_event_kind k = PICK(kinds);
		const char *date = k == HEV_EXTEND || (k == HEV_NOTICE && rnd(2)) ? PICK(dates) : "";
		event_add(h, k, rtime(), PICK(r_badges), date, PICK(r_notes));
	}
	switch (rnd(5)) {
	case 0: h->severity = (enum hazard_sev)rnd(2); break;
	case 1: set_str(&h->description, PICK(descs)); break;
	case 2: strcpy(h->deadline, PICK(dates)); break;
	case 3: set_str(&h->item, rnd(2) ? "" : PICK(r_items)); break;
	}
}

static void enterprise_evolve(struct fc_enterprise *e)
{
	static const char *const names[] = { "华东化工有限公司", "华东化工集团", "东方物流" };
	static const char *const towns[] = { "", "城东街道", "城西街道" };
	static const char *const classes[] = { "", "C26", "G54" };
	unsigned i, n = rnd(3);

	for (i = 0; i < n; i++)
		switch (rnd(4)) {
		case 0: set_str(&e->name, PICK(names)); break;
		case 1: set_str(&e->town, PICK(towns)); break;
		case 2: set_str(&e->industry, PICK(classes)); break;
		default: set_str(&e->address, PICK(r_places)); break;
		}
}

/* A random history of one record: a base (or none) and two devices' copies. */
static int random_triple(struct fc_record *b, struct fc_record *x, struct fc_record *y)
{
	unsigned kind = rnd(6), i, steps = rnd(6);
	int have_base = rnd(5) != 0, tamper = !rnd(6);

	if (kind < 4) {
		insp_init(b);
		for (i = 0; i < steps; i++)
			evolve(&b->u.inspection, 0);
	} else if (kind == 4) {
		haz_init(b);
		hazard_evolve(&b->u.hazard, 0);
	} else {
		ent_init(b);
		enterprise_evolve(&b->u.enterprise);
	}
	copy(x, b);
	copy(y, b);
	if (b->kind == REC_INSPECTION) {
		evolve(&x->u.inspection, 0);
		evolve(&y->u.inspection, tamper);
	} else if (b->kind == REC_HAZARD) {
		hazard_evolve(&x->u.hazard, !have_base);
		hazard_evolve(&y->u.hazard, !have_base);
	} else {
		enterprise_evolve(&x->u.enterprise);
		enterprise_evolve(&y->u.enterprise);
	}
	return have_base;
}

/* Every value a side brought since base is still in the result: as the
 * answer, a conflict or an amendment. */
static int kept(const struct fc_inspection *r, const struct fc_answer *a)
{
	size_t i;

	if (answered_as(r, a->item, a->value, a->note))
		return 1;
	for (i = 0; i < r->n_conflicts; i++)
		if (!strcmp(r->conflicts[i].item, a->item) && !strcmp(r->conflicts[i].value, a->value) &&
		    !strcmp(r->conflicts[i].note, a->note))
			return 1;
	for (i = 0; i < r->n_amendments; i++)
		if (!strcmp(r->amendments[i].item, a->item) &&
		    !strcmp(r->amendments[i].value, a->value) &&
		    !strcmp(r->amendments[i].note, a->note))
			return 1;
	return 0;
}

static void nothing_dropped(const struct fc_inspection *b, const struct fc_inspection *s,
			    const struct fc_inspection *r)
{
	size_t i;

	for (i = 0; i < s->n_answers; i++) {
		const struct fc_answer *a = &s->answers[i];
		if (b && answered_as(b, a->item, a->value, a->note))
			continue;
		if (!kept(r, a))
			fail_msg("the answer %s=%s was dropped", a->item, a->value);
	}
	for (i = 0; i < s->n_conflicts; i++) {
		const struct fc_answer *c = &s->conflicts[i];
		size_t k;
		int in_base = 0;
		for (k = 0; b && k < b->n_conflicts; k++)
			in_base |= !conflict_cmp(&b->conflicts[k], c);
		if (!in_base && !kept(r, c))
			fail_msg("the conflicting value %s=%s was dropped", c->item, c->value);
	}
}

/* merge(b, x, x) == x, and a side that did nothing gives way: merge(b, b, x)
 * == merge(b, x, b) == x (x being what a device can make of b). */
static void trivial_merges(const struct fc_record *b, const struct fc_record *x)
{
	struct merge_report rep;
	struct fc_record out;

	merge(b, x, x, &out, &rep);
	assert_same(&out, x);
	record_clear(&out);
	merge_report_release(&rep);
	merge(b, b, x, &out, &rep);
	assert_same(&out, x);
	assert_int_equal(rep.n, 0);
	record_clear(&out);
	merge_report_release(&rep);
}

static void write_seed(const char *dir, int round, const struct fc_record *b,
		       const struct fc_record *x, const struct fc_record *y)
{
	char name[64], *path, *parts[3] = { b ? enc(b) : xstrdup(""), enc(x), enc(y) };
	struct strbuf sb;
	int i;

	strbuf_init(&sb);
	for (i = 0; i < 3; i++) {
		strbuf_adds(&sb, parts[i]);
		if (i < 2)
			strbuf_addc(&sb, '\0');
		free(parts[i]);
	}
	snprintf(name, sizeof name, "seed-%04d", round);
	path = test_path(dir, name);
	test_write_file(path, sb.buf, sb.len);
	free(path);
	strbuf_release(&sb);
}

#define ROUNDS 3000
#define SEEDS 64         /* triples written for the fuzzer */

static void random_properties(void **state)
{
	const char *seeds = getenv("FC_MERGE_SEEDS");
	int round, refused = 0, conflicted = 0, amended = 0;

	(void)state;
	rng_state = 0x9e3779b97f4a7c15ULL;
	for (round = 0; round < ROUNDS; round++) {
		struct fc_record b, x, y, out;
		struct merge_report rep;
		int have_base = random_triple(&b, &x, &y);
		const struct fc_record *bp = have_base ? &b : NULL;

		if (seeds && round < SEEDS)
			write_seed(seeds, round, bp, &x, &y);
		merge(bp, &x, &y, &out, &rep);
		refused += rep.refused;
		conflicted += rep.conflicted;
		if (out.kind == REC_INSPECTION) {
			amended += out.u.inspection.n_amendments > x.u.inspection.n_amendments;
			if (x.u.inspection.status == INSP_FINAL) {
				same_but_amendments(&out, &x);
				holds_amendments_of(&out, &x);
			}
			if (rep.refused) {
				same_but_amendments(&out, &x);
			} else {
				nothing_dropped(bp ? &b.u.inspection : NULL, &x.u.inspection, &out.u.inspection);
				nothing_dropped(bp ? &b.u.inspection : NULL, &y.u.inspection, &out.u.inspection);
			}
		}
		if (have_base) {
			trivial_merges(&b, &x);
			if (!rep.refused)
				trivial_merges(&b, &y);
		}
		record_clear(&out);
		merge_report_release(&rep);
		record_clear(&b);
		record_clear(&x);
		record_clear(&y);
	}
	/* the generator reaches every rule */
	print_message("%d merges: %d refused, %d conflicted, %d amended\n", ROUNDS, refused,
		      conflicted, amended);
	assert_true(refused > 50 && conflicted > 40 && amended > 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(files_union),
		cmocka_unit_test(final_keeps_files),
		cmocka_unit_test(position_whole),
		cmocka_unit_test(disjoint_answers),
		cmocka_unit_test(same_answer_both_sides),
		cmocka_unit_test(clash_keeps_both),
		cmocka_unit_test(clash_across_offsets),
		cmocka_unit_test(resolution_on_one_side),
		cmocka_unit_test(removed_and_changed),
		cmocka_unit_test(header_fields),
		cmocka_unit_test(team_union),
		cmocka_unit_test(final_and_draft),
		cmocka_unit_test(both_final_apart),
		cmocka_unit_test(final_never_replaced),
		cmocka_unit_test(final_base_refuses_change),
		cmocka_unit_test(final_base_draft_ours),
		cmocka_unit_test(hazard_events_union),
		cmocka_unit_test(hazard_header_clash),
		cmocka_unit_test(hazard_two_found),
		cmocka_unit_test(enterprise_fields),
		cmocka_unit_test(no_base),
		cmocka_unit_test(bad_inputs),
		cmocka_unit_test(report_collects),
		cmocka_unit_test(too_big),
		cmocka_unit_test(long_values_cut),
		cmocka_unit_test(amendments_in_two_orders),
		cmocka_unit_test(random_properties),
		cmocka_unit_test(people_and_texts),
		cmocka_unit_test(documents_union_both),
	};
	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
