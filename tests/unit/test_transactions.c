/* test_transactions.c - the hazard and conflict transactions the screens
 * and the command line share: hazard_replace (a failed item's hazard
 * changed) and inspect_resolve with a note and a hazard (a clash settled by
 * an answer given anew), on a draft of the shipped six-ones form, each all
 * or nothing. */
#include "support_ws.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/recordio.h"
#include "core/strbuf.h"
#include "core/uuid.h"
#include "core/workspace.h"
#include "forms/inspect/inspect.h"

static const struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };

struct world {
	char *dir;
	struct fc_workspace *ws;
	struct form *f;
	char id[FC_UUID_LEN + 1];
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct fc_enterprise e = { "", "甲铸造厂", "城东街道", "C33", "" };
	const char *top = getenv("FIELDCHECK_TOP");
	struct fc_err err = { 0 };
	char *forms = test_path(top && *top ? top : ".", "forms/checklists/six-ones");

	test_ws_open(&w->dir, &w->ws, &me, 0, "2026-11-20T09:00:00+08:00");
	memcpy(e.code, test_uscc_valid[0], sizeof e.code);
	test_must(enterprise_add(w->ws->store, &e, &err), &err);
	w->f = form_load_dir(forms, NULL);
	assert_non_null(w->f);
	test_must(inspect_new(w->ws, w->f, e.code, INSP_ROUTINE, "", NULL, 0, w->id, &err), &err);
	free(forms);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	if (!w)
		return 0;   /* the setup failed (and said why) */
	form_free(w->f);
	test_ws_close(w->dir, w->ws);
	free(w);
	return 0;
}

/* The id of the hazard `item` made ("" when none); checks there is one at most. */
static void hazard_of(struct world *w, const char *item, char *id)
{
	struct fc_err err = { 0 };
	int have = hazard_find_for_item(w->ws->store, w->id, item, id, &err);

	assert_true(have >= 0);
	if (!have)
		id[0] = '\0';
}

static void assert_hazard(struct world *w, const char *id, enum hazard_sev sev,
			  const char *desc, const char *deadline)
{
	struct fc_err err = { 0 };
	struct fc_hazard h;

	test_must(hazard_get(w->ws->store, id, &h, &err), &err);
	assert_int_equal(h.severity, sev);
	assert_string_equal(h.description, desc);
	assert_string_equal(h.deadline, deadline);
	hazard_clear(&h);
}

static int count_row(const struct hazard_row *r, void *ctx)
{
	(void)r;
	++*(int *)ctx;
	return 0;
}

static int hazards_of_draft(struct world *w)
{
	struct hazard_filter f = { 0, 0, 0, NULL, w->id, "2026-11-20" };
	struct fc_err err = { 0 };
	int n = 0;

	test_must(hazard_list(w->ws->store, &f, count_row, &n, &err), &err);
	return n;
}

static void replace_changes_the_items_hazard(void **state)
{
	struct world *w = *state;
	struct hazard_new n = { w->id, "risk_map", HAZ_MAJOR, "图不在墙上", "2026-12-31", NULL };
	char old[FC_UUID_LEN + 1], now[FC_UUID_LEN + 1], id[FC_UUID_LEN + 1];
	struct fc_err err = { 0 };
	struct fc_hazard h;

	test_must(inspect_answer(w->ws, w->f, w->id, "risk_map", "fail", "", NULL, form_lang_of("zh"), &err),
	     &err);
	hazard_of(w, "risk_map", old);
	assert_true(old[0]);
	test_must(hazard_replace(w->ws->store, &me, &n, id, &err), &err);
	hazard_of(w, "risk_map", now);
	assert_string_equal(now, id);
	assert_string_not_equal(now, old);
	assert_int_equal(hazard_get(w->ws->store, old, &h, &err), -1);
	assert_hazard(w, now, HAZ_MAJOR, "图不在墙上", "2026-12-31");
	assert_int_equal(hazards_of_draft(w), 1);
}

/* Each refusal leaves the hazard as it was. */
static void replace_refusals_change_nothing(void **state)
{
	struct world *w = *state;
	struct hazard_new n = { w->id, "safety_office", HAZ_GENERAL, "x", "2026-12-01", NULL };
	char before[FC_UUID_LEN + 1], after[FC_UUID_LEN + 1], id[FC_UUID_LEN + 1];
	struct fc_err err = { 0 };

	hazard_of(w, "risk_map", before);
	assert_int_equal(hazard_replace(w->ws->store, &me, &n, id, &err), -1);
	assert_non_null(strstr(err.msg, "no hazard"));
	n.item = "";
	assert_int_equal(hazard_replace(w->ws->store, &me, &n, id, &err), -1);
	n.item = "risk_map", n.deadline = "2026-13-01";
	assert_int_equal(hazard_replace(w->ws->store, &me, &n, id, &err), -1);
	n.deadline = "2026-12-01";
	test_must(inspection_finalize(w->ws->store, w->id, &err), &err);
	assert_int_equal(hazard_replace(w->ws->store, &me, &n, id, &err), -1);
	hazard_of(w, "risk_map", after);
	assert_string_equal(after, before);
	assert_hazard(w, after, HAZ_MAJOR, "图不在墙上", "2026-12-31");
	assert_int_equal(hazards_of_draft(w), 1);
}

/* Gives `item` a clashing value, as a merge of two devices' answers does. */
static void clash(struct world *w, const char *item, const char *value, const char *note)
{
	struct fc_answer *c;
	struct fc_record r;
	struct fc_err err = { 0 };

	test_must(record_load(w->ws->store, REC_INSPECTION, w->id, &r, &err), &err);
	r.u.inspection.conflicts = xrealloc(r.u.inspection.conflicts,
					    (r.u.inspection.n_conflicts + 1) * sizeof *c);
	c = &r.u.inspection.conflicts[r.u.inspection.n_conflicts++];
	memset(c, 0, sizeof *c);
	c->item = xstrdup(item), c->value = xstrdup(value), c->note = xstrdup(note);
	snprintf(c->by, sizeof c->by, "JT-0042");
	snprintf(c->at, sizeof c->at, "2026-11-20T01:30:00Z");
	test_must(record_put(w->ws->store, &r, &err), &err);
	record_clear(&r);
}

static const struct fc_answer *answer(const struct fc_inspection *in, const char *item)
{
	size_t i;

	for (i = 0; i < in->n_answers; i++)
		if (!strcmp(in->answers[i].item, item))
			return &in->answers[i];
	return NULL;
}

/* Settled by an answer given anew: the note and the hazard described go in
 * with the resolution; a refused value leaves the clash as it was. */
static void resolve_with_note_and_hazard(void **state)
{
	struct world *w = *state;
	struct inspect_hazard hz = { "协议缺两家", SEV_MAJOR, "2026-12-05" };
	char id[FC_UUID_LEN + 1];
	struct fc_inspection in;
	struct fc_err err = { 0 };
	const struct fc_answer *a;

	test_must(inspect_answer(w->ws, w->f, w->id, "management_agreement", "pass", "看过", NULL,
			    form_lang_of("zh"), &err), &err);
	clash(w, "management_agreement", "fail", "缺两家");
	assert_int_equal(inspect_resolve(w->ws, w->f, w->id, "management_agreement", "maybe",
					 "x", &hz, form_lang_of("zh"), &err), -1);
	test_must(inspection_get(w->ws->store, w->id, &in, &err), &err);
	assert_int_equal(in.n_conflicts, 1);
	inspection_clear(&in);

	test_must(inspect_resolve(w->ws, w->f, w->id, "management_agreement", "fail", "复核：缺两家",
			     &hz, form_lang_of("zh"), &err), &err);
	test_must(inspection_get(w->ws->store, w->id, &in, &err), &err);
	assert_int_equal(in.n_conflicts, 0);
	assert_non_null(a = answer(&in, "management_agreement"));
	assert_string_equal(a->value, "fail");
	assert_string_equal(a->note, "复核：缺两家");
	inspection_clear(&in);
	hazard_of(w, "management_agreement", id);
	assert_true(id[0]);
	assert_hazard(w, id, HAZ_MAJOR, "协议缺两家", "2026-12-05");
}

/* Without a note or a hazard (the command line's plain `resolve`): the
 * value alone, no note. */
static void resolve_plain(void **state)
{
	struct world *w = *state;
	struct fc_inspection in;
	struct fc_err err = { 0 };
	const struct fc_answer *a;

	clash(w, "safety_office", "pass", "有办公室");
	test_must(inspect_resolve(w->ws, w->f, w->id, "safety_office", "pass", NULL, NULL, form_lang_of("zh"),
			     &err), &err);
	test_must(inspection_get(w->ws->store, w->id, &in, &err), &err);
	assert_int_equal(in.n_conflicts, 0);
	assert_non_null(a = answer(&in, "safety_office"));
	assert_string_equal(a->value, "pass");
	assert_true(!a->note || !*a->note);
	inspection_clear(&in);
}

/* An event of a hazard record as it arrives. */
static void event(struct fc_hazard *h, enum hazard_event_kind kind, const char *at,
		  const char *note)
{
	struct fc_hazard_event *ev;

	h->events = xrealloc(h->events, (h->n_events + 1) * sizeof *h->events);
	ev = &h->events[h->n_events++];
	memset(ev, 0, sizeof *ev);
	ev->kind = kind;
	snprintf(ev->at, sizeof ev->at, "%s", at);
	snprintf(ev->by, sizeof ev->by, "%s", me.badge);
	ev->by_name = xstrdup(me.name);
	ev->note = xstrdup(note);
}

static void assert_events(struct world *w, const char *id, const char *const *notes, size_t n)
{
	struct fc_err err = { 0 };
	struct fc_hazard h;
	size_t i;

	test_must(hazard_get(w->ws->store, id, &h, &err), &err);
	assert_int_equal(h.n_events, n);
	for (i = 0; i < n; i++)
		assert_string_equal(h.events[i].note, notes[i]);
	hazard_clear(&h);
}

/* A hazard arriving whole (an import): a new one's events go in in order,
 * an event repeated within the record once, as the append to a known
 * hazard takes them; a known one gets only the events it lacks. */
static void hazard_put_whole(void **state)
{
	static const char *const first[] = { "", "甲", "乙" };
	static const char *const then[] = { "", "甲", "乙", "丙" };
	struct world *w = *state;
	struct fc_err err = { 0 };
	struct fc_record r;
	struct fc_hazard *h = &r.u.hazard;

	memset(&r, 0, sizeof r);
	r.kind = REC_HAZARD;
	test_must(uuid_new(h->id, &err), &err);
	memcpy(h->inspection, w->id, sizeof h->inspection);
	h->item = xstrdup("");
	h->description = xstrdup("消防通道堵塞");
	snprintf(h->deadline, sizeof h->deadline, "2026-12-31");
	event(h, HEV_FOUND, "2026-11-20T01:00:00Z", "");
	event(h, HEV_COMMENT, "2026-11-20T02:00:00Z", "甲");
	event(h, HEV_COMMENT, "2026-11-20T02:00:00Z", "甲");
	event(h, HEV_COMMENT, "2026-11-20T03:00:00Z", "乙");
	test_must(record_put(w->ws->store, &r, &err), &err);
	assert_events(w, h->id, first, 3);
	event(h, HEV_COMMENT, "2026-11-20T04:00:00Z", "丙");
	test_must(record_put(w->ws->store, &r, &err), &err);
	assert_events(w, h->id, then, 4);
	record_clear(&r);
}

/* Answers arrive eight to a statement and the rest one by one: all are
 * stored, each once. */
static void answers_put_whole(void **state)
{
	struct world *w = *state;
	struct fc_err err = { 0 };
	struct fc_record r, back;
	struct fc_inspection *in = &r.u.inspection;
	char item[16];
	size_t i;

	test_must(record_load(w->ws->store, REC_INSPECTION, w->id, &r, &err), &err);
	for (i = 0; i < 19; i++) {
		struct fc_answer *a;
		in->answers = xrealloc(in->answers, (in->n_answers + 1) * sizeof *in->answers);
		a = &in->answers[in->n_answers++];
		memset(a, 0, sizeof *a);
		snprintf(item, sizeof item, "extra_%zu", i);
		a->item = xstrdup(item), a->value = xstrdup(item), a->note = xstrdup("");
		snprintf(a->by, sizeof a->by, "%s", me.badge);
		snprintf(a->at, sizeof a->at, "2026-11-20T01:30:00Z");
	}
	test_must(record_put(w->ws->store, &r, &err), &err);
	test_must(record_load(w->ws->store, REC_INSPECTION, w->id, &back, &err), &err);
	assert_int_equal(back.u.inspection.n_answers, in->n_answers);
	for (i = 0; i < 19; i++) {
		snprintf(item, sizeof item, "extra_%zu", i);
		assert_non_null(answer(&back.u.inspection, item));
		assert_string_equal(answer(&back.u.inspection, item)->value, item);
	}
	record_clear(&back);
	record_clear(&r);
}

/* An inspection new to the store arrives with its responsible person, its
 * findings and its opinion (put with its INSERT, not updated after). */
static void new_inspection_put_whole(void **state)
{
	struct world *w = *state;
	struct fc_err err = { 0 };
	struct fc_record r, back;
	struct fc_inspection *in = &r.u.inspection;

	test_must(record_load(w->ws->store, REC_INSPECTION, w->id, &r, &err), &err);
	test_must(uuid_new(in->id, &err), &err);
	snprintf(in->resp_name, sizeof in->resp_name, "李四");
	snprintf(in->resp_title, sizeof in->resp_title, "厂长");
	snprintf(in->resp_phone, sizeof in->resp_phone, "13800000000");
	free(in->findings);
	in->findings = xstrdup("通道堵塞");
	free(in->opinion);
	in->opinion = xstrdup("限期整改");
	test_must(record_put(w->ws->store, &r, &err), &err);
	test_must(record_load(w->ws->store, REC_INSPECTION, in->id, &back, &err), &err);
	assert_string_equal(back.u.inspection.resp_name, "李四");
	assert_string_equal(back.u.inspection.resp_title, "厂长");
	assert_string_equal(back.u.inspection.resp_phone, "13800000000");
	assert_string_equal(back.u.inspection.findings, "通道堵塞");
	assert_string_equal(back.u.inspection.opinion, "限期整改");
	assert_int_equal(back.u.inspection.n_answers, in->n_answers);
	record_clear(&back);
	record_clear(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(replace_changes_the_items_hazard, setup, teardown),
		cmocka_unit_test_setup_teardown(hazard_put_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(answers_put_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(new_inspection_put_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(resolve_with_note_and_hazard, setup, teardown),
		cmocka_unit_test_setup_teardown(resolve_plain, setup, teardown),
	};
	const struct CMUnitTest chained[] = {
		/* the refusals run on the hazard the first test made */
		cmocka_unit_test(replace_changes_the_items_hazard),
		cmocka_unit_test(replace_refusals_change_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL) |
	       cmocka_run_group_tests(chained, setup, teardown);
}
