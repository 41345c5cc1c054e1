/* test_forms_kept.c - the values issue 13 asked for, as ODK (JavaRosa) and
 * pyxform mean them: random() a new number in [0, 1) each evaluation;
 * once(x) keeping the first value that is not empty, stored in the record;
 * a trigger setting its item when the trigger's answer changes (pyxform's
 * setvalue), the inspector's own answer kept until it changes again;
 * ${last-saved#x} reading the officer's previous inspection of the form.
 * The engine's side on forms built in memory, the inspection's side on a
 * real store with tests/forms/good/kept. */
#include "support_ws.h"
#include "support_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enterprise.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect.h"
#include "forms/inspect/instances.h"

static const struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };

static size_t ix(const struct form *f, const char *name)
{
	int i = form_item_index(f, name);

	if (i < 0)
		fail_msg("no item %s", name);
	return (size_t)i;
}

/* A value random() gave: a number in [0, 1) as XPath writes one. */
static double unit_number(const char *v)
{
	char *end;
	double d;

	assert_non_null(v);
	d = strtod(v, &end);
	if (*end || d < 0 || d >= 1)
		fail_msg("random() gave '%s', not a number in [0, 1)", v);
	return d;
}

/* random() alone: a new number each evaluation, spread over [0, 1). */
static void random_each_time(void **state)
{
	struct form *f = test_form("type,name,label,calculation\ncalculate,r,,random()\n"
				   "calculate,pick,,\"int(random() * 6) + 1\"\n", NULL, NULL);
	struct test_answers a;
	double sum = 0, first = -1;
	int k, differ = 0;
	(void)state;

	test_answers(&a, "2026-12-02", NULL);
	for (k = 0; k < 1000; k++) {
		char *v = test_value(f, "r", &a);
		double d = unit_number(v);
		differ |= k && d != first;
		first = k ? first : d;
		sum += d;
		free(v);
		v = test_value(f, "pick", &a);
		if (strlen(v) != 1 || *v < '1' || *v > '6')
			fail_msg("a die's face '%s'", v);
		free(v);
	}
	assert_true(differ);
	/* a thousand draws: their mean is 0.5 give or take 0.01 */
	assert_true(sum / 1000 > 0.4 && sum / 1000 < 0.6);
	assert_false(f->items[ix(f, "r")].once);
	assert_false(form_item_stored(&f->items[ix(f, "r")]));
	form_free(f);
}

/* once(x): the stored value when it is not empty, else x now (JavaRosa:
 * "returns the current value of the node if it is not empty"). */
static void once_reads_what_is_kept(void **state)
{
	struct form *f = test_form("type,name,label,calculation\ntext,site,Site,\n"
				   "calculate,draw,,once(random())\n"
				   "calculate,serial,,\"once(concat('S-', ${site}))\"\n"
				   "integer,n,N,once(3 * 2)\n", NULL, NULL);
	struct test_answers a;
	char *v;
	(void)state;

	assert_true(f->items[ix(f, "draw")].once);
	assert_true(form_item_stored(&f->items[ix(f, "draw")]));
	assert_true(form_item_stored(&f->items[ix(f, "n")])); /* a computed question */
	assert_false(form_item_answerable(&f->items[ix(f, "draw")]));
	test_answers(&a, NULL, "site", "码头", NULL);
	v = test_value(f, "draw", &a); /* nothing kept: computed */
	unit_number(v);
	free(v);
	test_value_is(f, "serial", &a, "S-码头");
	test_value_is(f, "n", &a, "6");
	test_answers(&a, NULL, "site", "库房", "draw", "0.25", "serial", "S-码头", "n", "5", NULL);
	test_value_is(f, "draw", &a, "0.25");
	test_value_is(f, "serial", &a, "S-码头"); /* kept, whatever site says now */
	test_value_is(f, "n", &a, "5");
	test_answers(&a, NULL, "site", "库房", "serial", "", NULL);
	test_value_is(f, "serial", &a, "S-库房"); /* an empty one is computed again */
	form_free(f);
}

/* once() is a whole calculation's: anywhere else it is refused when the
 * form loads, saying why. */
static void once_refused_elsewhere(void **state)
{
	static const char *const bad[] = {
		"type,name,label,calculation\ncalculate,a,,once(random()) + 1\n",
		"type,name,label,calculation\ncalculate,a,,\"concat('x', once(random()))\"\n",
		"type,name,label,calculation\ncalculate,a,,\"if(true(), once(1), 2)\"\n",
		"type,name,label,relevant\ninteger,a,A,once(1) = 1\n",
		"type,name,label,constraint\ninteger,a,A,. > once(1)\n",
	};
	size_t k;
	char *p;
	(void)state;

	for (k = 0; k < ARRAY_SIZE(bad); k++)
		test_form_refused(k, bad[k], "once() keeps a calculation's value: it must be the "
				  "whole calculation");
	p = test_form_problems("type,name,label,repeat_count\nbegin_repeat,r,R,once(2)\n"
			       "text,x,X,\nend_repeat,,,\n", NULL, NULL);
	assert_non_null(strstr(p, "once() keeps a calculation's value, not a repeat's count"));
	free(p);
}

/* The trigger column as pyxform reads it: ${name}s separated by commas
 * (empty parts allowed), each an item a person answers; a calculate item
 * with one is set, not computed. */
static void triggers_load(void **state)
{
	static const struct { const char *trigger, *want; } bad[] = {
		{ "${a}${b}", "is not a list of ${name}, separated by commas" },
		{ "6", "is not a list of ${name}, separated by commas" },
		{ "${nope}", "${nope} names no item" },
		{ "${c}", "${c} is not answered by a person" },
		{ ",", "trigger: names no item" },
	};
	struct form *f;
	char survey[512];
	size_t k;
	(void)state;

	f = test_form("type,name,label,calculation,trigger\ntext,a,A,,\ntext,b,B,,\n"
		      "calculate,c,,now(),\"${a} , ${b},\"\ntext,d,D,concat(${a}),\"${a}\"\n",
		      NULL, NULL);
	assert_int_equal(f->items[ix(f, "c")].n_triggers, 2);
	assert_true(form_item_triggers(f, ix(f, "a"), ix(f, "c")));
	assert_true(form_item_triggers(f, ix(f, "b"), ix(f, "c")));
	assert_false(form_item_triggers(f, ix(f, "b"), ix(f, "d")));
	assert_true(form_item_stored(&f->items[ix(f, "c")])); /* its value is what was set */
	assert_false(form_item_stored(&f->items[ix(f, "d")])); /* a question: typed too */
	assert_true(form_item_answerable(&f->items[ix(f, "d")]));
	form_free(f);
	for (k = 0; k < ARRAY_SIZE(bad); k++) {
		snprintf(survey, sizeof survey, "type,name,label,calculation,trigger\n"
			 "text,a,A,,\ntext,b,B,,\ncalculate,c,,1,\ncalculate,x,,now(),\"%s\"\n",
			 bad[k].trigger);
		test_form_refused(k, survey, bad[k].want);
	}
	test_form_refused(9, "type,name,label,calculation,trigger\ntext,a,A,,\n"
			  "begin_repeat,r,R,,\ntext,x,X,now(),${a}\nend_repeat,,,,\n",
			  "${a} is not in the repeat 'x' is in");
}

/* ${last-saved#x} for the engine's tests: ref was 41 last time. */
static const char *last_41(void *ctx, const char *key)
{
	(void)ctx;
	return strcmp(key, "ref") ? NULL : "41";
}

/* ${last-saved#x} in a default (offered), a calculation, a relevance and a
 * label, as pyxform's tests use it; nothing when there is no such record. */
static void last_saved_engine(void **state)
{
	struct form *f = test_form("type,name,label,calculation,relevant,default\n"
				   "integer,ref,Reference,,,${last-saved#ref}\n"
				   "calculate,next,,${last-saved#ref} + 1,,\n"
				   "text,why,Why a new series?,,${last-saved#ref} > 40,\n"
				   "note,shown,Last time ${last-saved#ref} now ${ref},,,\n",
				   NULL, NULL);
	struct test_answers a;
	struct fc_err err = { 0 };
	char *v;
	(void)state;

	assert_true(f->reads_last_saved);
	assert_int_equal(f->items[ix(f, "ref")].default_last, (int)ix(f, "ref") + 1);
	test_answers(&a, NULL, "ref", "7", NULL);
	a.fa.last_saved = last_41;
	assert_int_equal(form_offer(f, ix(f, "ref"), &a.fa, &v, &err), 0);
	assert_string_equal(v, "41");
	free(v);
	test_value_is(f, "next", &a, "42");
	assert_int_equal(form_relevant(f, ix(f, "why"), &a.fa, &err), 1);
	v = form_fill(f, "Last time ${last-saved#ref} now ${ref}", &a.fa);
	assert_string_equal(v, "Last time 41 now 7");
	free(v);
	a.fa.last_saved = NULL; /* the first inspection: no record before it */
	assert_int_equal(form_offer(f, ix(f, "ref"), &a.fa, &v, &err), 0);
	assert_null(v);
	test_value_is(f, "next", &a, NULL);
	assert_int_equal(form_relevant(f, ix(f, "why"), &a.fa, &err), 0);
	form_free(f);
	test_form_refused(0, "type,name,label,default\ninteger,ref,R,${last-saved#nope}\n",
			  "default: ${last-saved#nope} is not an item with a value");
	test_form_refused(1, "type,name,label,calculation\ncalculate,c,,${last-saved#nope}\n",
			  "${nope} is not an item of this form");
}

/* --- on a store ---------------------------------------------------- */

struct world {
	char *dir;
	struct fc_workspace *ws;
	struct form *f;
	char code[USCC_LEN + 1];
	char id[FC_UUID_LEN + 1];
};

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct fc_enterprise e = { "", "甲铸造厂", "城东街道", "C33", "" };
	const char *top = getenv("FIELDCHECK_TOP");
	struct fc_err err = { 0 };
	char *form = test_path(top && *top ? top : ".", "tests/forms/good/kept");

	test_ws_open(&w->dir, &w->ws, &me, 0, "2026-11-20T09:00:00+08:00");
	memcpy(e.code, test_uscc_valid[0], sizeof e.code);
	memcpy(w->code, e.code, sizeof w->code);
	test_must(enterprise_add(w->ws->store, &e, &err), &err);
	w->f = form_load_dir(form, NULL);
	assert_non_null(w->f);
	test_must(inspect_new(w->ws, w->f, e.code, INSP_ROUTINE, "", NULL, 0, w->id, &err), &err);
	free(form);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	if (!w)
		return 0;
	form_free(w->f);
	test_ws_close(w->dir, w->ws);
	free(w);
	return 0;
}

/* Item key's stored answer in inspection id, as a new string (NULL: none). */
static char *stored(struct world *w, const char *id, const char *key)
{
	struct fc_inspection in;
	struct fc_err err = { 0 };
	const struct fc_answer *a;
	char *v;

	test_must(inspection_get(w->ws->store, id, &in, &err), &err);
	a = inspection_answer(&in, key);
	v = a ? xstrdup(a->value) : NULL;
	inspection_clear(&in);
	return v;
}

static void stored_is(struct world *w, const char *key, const char *want)
{
	char *v = stored(w, w->id, key);

	if (want ? !v || strcmp(v, want) : v != NULL)
		fail_msg("%s: stored '%s', wanted '%s'", key, v ? v : "(none)",
			 want ? want : "(none)");
	free(v);
}

static void answer(struct world *w, const char *key, const char *value)
{
	struct fc_err err = { 0 };

	test_must(inspect_answer(w->ws, w->f, w->id, key, value, "", NULL, form_lang_of("en"),
				 &err), &err);
}

/* once(random()) is stored when the inspection starts and never changes;
 * a once() that computes to nothing waits for the answer it needs; each
 * new repeat instance gets its own. */
static void once_kept_in_record(void **state)
{
	struct world *w = *state;
	char *draw = stored(w, w->id, "draw"), *again, uuid[FC_UUID_LEN + 1];
	struct fc_err err = { 0 };
	size_t pos;

	unit_number(draw);
	stored_is(w, "serial", NULL);    /* '' while there is no site */
	answer(w, "site", "码头");
	stored_is(w, "serial", "S-码头");
	stored_is(w, "draw", draw);
	answer(w, "site", "库房");
	stored_is(w, "serial", "S-码头"); /* kept */
	stored_is(w, "draw", draw);
	test_must(inspect_repeat_add(w->ws, w->f, w->id, "vehicle", NULL, uuid, &pos,
				     form_lang_of("en"), &err), &err);
	{
		char key[80];
		snprintf(key, sizeof key, "tag@%s", uuid);
		again = stored(w, w->id, key);
		unit_number(again);
		free(again);
	}
	/* typing it is refused: nobody answers a calculation */
	assert_int_equal(inspect_answer(w->ws, w->f, w->id, "draw", "0.5", "", NULL,
					form_lang_of("en"), &err), -1);
	stored_is(w, "draw", draw);
	free(draw);
}

/* A trigger's change sets its items; the inspector's own answer stays
 * until the trigger changes again; the same answer again is no change. */
static void trigger_sets(void **state)
{
	struct world *w = *state;

	stored_is(w, "recorder", NULL);
	answer(w, "visitors", "7");
	stored_is(w, "recorder", "at ");          /* visitors triggers it too */
	stored_is(w, "visitors_then", NULL);      /* set by site only */
	answer(w, "site", "码头");
	stored_is(w, "recorder", "at 码头");
	stored_is(w, "visitors_then", "7");
	answer(w, "recorder", "门卫室");            /* the inspector's own */
	answer(w, "visitors", "9");               /* a trigger changes: set again */
	stored_is(w, "recorder", "at 码头");
	stored_is(w, "visitors_then", "7");       /* a calculate item keeps what was set */
	answer(w, "recorder", "门卫室");
	answer(w, "site", "码头");                 /* the same answer: no change */
	stored_is(w, "recorder", "门卫室");
	answer(w, "site", "");                    /* cleared: a change */
	stored_is(w, "recorder", "at ");
	stored_is(w, "visitors_then", "9");
}

/* ${last-saved#ref}: the officer's previous inspection of the form, none
 * for the first; offered as ref's default and read by a calculation. */
static void last_saved_store(void **state)
{
	struct world *w = *state;
	struct fc_inspection in;
	struct inspect_last last;
	struct inspect_answers a;
	struct fc_err err = { 0 };
	char second[FC_UUID_LEN + 1], *v;

	test_must(inspection_get(w->ws->store, w->id, &in, &err), &err);
	assert_int_equal(inspect_last_load(w->ws, w->f, &in, &last, &err), 0);
	inspect_last_release(&last);
	inspection_clear(&in);
	answer(w, "ref", "41");
	setenv("FIELDCHECK_NOW", "2026-11-21T09:00:00+08:00", 1);
	test_must(inspect_new(w->ws, w->f, w->code, INSP_ROUTINE, "", NULL, 0, second, &err),
		  &err);
	test_must(inspection_get(w->ws->store, second, &in, &err), &err);
	assert_int_equal(inspect_last_load(w->ws, w->f, &in, &last, &err), 1);
	assert_string_equal(last.in.id, w->id);
	inspect_answers_init(&a, &in);
	inspect_answers_last(&a, &last);
	assert_int_equal(form_offer(w->f, ix(w->f, "ref"), &a.fa, &v, &err), 0);
	assert_string_equal(v, "41");
	free(v);
	assert_int_equal(form_value(w->f, ix(w->f, "next_ref"), &a.fa, &v, &err), 0);
	assert_string_equal(v, "42");
	free(v);
	inspect_answers_last(&a, NULL); /* nothing loaded: nothing read */
	assert_int_equal(form_offer(w->f, ix(w->f, "ref"), &a.fa, &v, &err), 0);
	assert_null(v);
	inspect_last_release(&last);
	inspection_clear(&in);
	/* the first one's last saved record is still none: only earlier ones count */
	test_must(inspection_get(w->ws->store, w->id, &in, &err), &err);
	assert_int_equal(inspect_last_load(w->ws, w->f, &in, &last, &err), 0);
	inspect_last_release(&last);
	inspection_clear(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(random_each_time),
		cmocka_unit_test(once_reads_what_is_kept),
		cmocka_unit_test(once_refused_elsewhere),
		cmocka_unit_test(triggers_load),
		cmocka_unit_test(last_saved_engine),
		cmocka_unit_test_setup_teardown(once_kept_in_record, setup, teardown),
		cmocka_unit_test_setup_teardown(trigger_sets, setup, teardown),
		cmocka_unit_test_setup_teardown(last_saved_store, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
