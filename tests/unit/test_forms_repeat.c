/* test_forms_repeat.c - begin_repeat/end_repeat: what loads and what is
 * refused (naming row and column), and evaluation inside an instance:
 * ${x} reads the instance's x, position(..) its index, count(${repeat}) the
 * live instances, indexed-repeat() the n-th one's answer, repeat_count how
 * many the form asks for. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#define V1 "0b9c5e8e-1f0a-4c55-9d1e-7a3f2b6c4d01"
#define V2 "5d2a9f10-3b4c-4e6d-8f7a-1b2c3d4e5f02"

static const char choices[] = "list_name,name,label\nyn,yes,Yes\nyn,no,No\n";

static const char survey[] =
	"type,name,label,relevant,required,constraint,calculation,repeat_count,hazard\n"
	"integer,n_vehicles,How many vehicles,,,,,,\n"
	"begin_repeat,vehicles,Vehicle,,,,,${n_vehicles},\n"
	"text,plate,Plate,,yes,,,,\n"
	"select_one yn,tanker,Tanker?,,,,,,\n"
	"begin_group,tank,Tank,${tanker} = 'yes',,,,,\n"
	"check,tank_valid,Tank inspected,,yes,,,,general\n"
	"end_group,,,,,,,,\n"
	"calculate,nth,,,,,position(..),,\n"
	"end_repeat,,,,,,,,\n"
	"calculate,how_many,,,,,count(${vehicles}),,\n"
	"note,done,Checked ${how_many} vehicles,,,,,,\n"
	"calculate,second_plate,,,,,\"indexed-repeat(${plate}, ${vehicles}, 1 + 1)\",,\n";

/* count(${vehicles}) for the tests: the pairs "vehicles@<uuid>" not removed. */
static size_t count_pairs(void *ctx, const struct form *f, size_t repeat)
{
	const struct test_answers *a = ctx;
	size_t i, n = 0, len = strlen(f->items[repeat].name);

	for (i = 0; i + 1 < a->n; i += 2)
		if (!strncmp(a->pairs[i], f->items[repeat].name, len) && a->pairs[i][len] == '@' &&
		    a->pairs[i + 1] != TEST_NONE && strcmp(a->pairs[i + 1], "removed"))
			n++;
	return n;
}

/* indexed-repeat() for the tests: the k-th pair "vehicles@<uuid>" not removed. */
static int nth_pair(void *ctx, const struct form *f, size_t repeat, size_t k, char *uuid)
{
	const struct test_answers *a = ctx;
	size_t i, len = strlen(f->items[repeat].name);

	for (i = 0; i + 1 < a->n; i += 2)
		if (!strncmp(a->pairs[i], f->items[repeat].name, len) && a->pairs[i][len] == '@' &&
		    strcmp(a->pairs[i + 1], "removed") && --k == 0) {
			strcpy(uuid, a->pairs[i] + len + 1);
			return 0;
		}
	return -1;
}

static void parses_repeats(void **state)
{
	struct form *f = test_form(survey, choices, NULL);
	int rep = form_item_index(f, "vehicles"), tv = form_item_index(f, "tank_valid");
	(void)state;
	assert_int_equal(f->items[rep].type, FT_BEGIN_REPEAT);
	assert_int_equal(f->items[rep].repeat, -1);
	assert_non_null(f->items[rep].repeat_count);
	assert_int_equal(f->items[form_item_index(f, "plate")].repeat, rep);
	assert_int_equal(f->items[tv].repeat, rep);  /* through the group inside */
	assert_int_equal(f->items[tv].group, form_item_index(f, "tank"));
	assert_int_equal(f->items[8].type, FT_END_REPEAT);
	assert_int_equal(f->items[form_item_index(f, "how_many")].repeat, -1);
	assert_int_equal(form_item_answerable(&f->items[rep]), 0);
	assert_int_equal(form_count_questions(f), 4);
	form_free(f);
}

static void refuses_what_pyxform_refuses(void **state)
{
	static const struct { const char *survey, *want; } cases[] = {
		{ "type,name,label\nbegin_repeat,r,R\ntext,a,A\n",
		  "survey.csv:2:1: repeat 'r' is never closed (no end_repeat)" },
		{ "type,name,label\ntext,a,A\nend_repeat,,\n",
		  "survey.csv:3:1: end_repeat without a begin_repeat" },
		{ "type,name,label\nbegin_repeat,r,R\nbegin_group,g,G\ntext,a,A\nend_repeat,,\n"
		  "end_group,,\n",
		  "survey.csv:5:1: end_repeat closes group 'g' (line 3), which needs an end_group "
		  "first" },
		{ "type,name,label\nbegin_group,g,G\nbegin_repeat,r,R\ntext,a,A\nend_group,,\n"
		  "end_repeat,,\n",
		  "survey.csv:5:1: end_group closes repeat 'r' (line 3), which needs an "
		  "end_repeat first" },
		{ "type,name,label\nbegin_repeat,r1,R\nbegin_repeat,r2,R\nbegin_repeat,r3,R\n"
		  "begin_repeat,r4,R\nbegin_repeat,r5,R\ntext,a,A\nend_repeat,,\nend_repeat,,\n"
		  "end_repeat,,\nend_repeat,,\nend_repeat,,\n",
		  "survey.csv:6:1: repeat 'r5' is inside 4 repeats: fieldcheck takes repeats "
		  "inside repeats 4 deep at most" },
		{ "type,name,label\nbegin_group,g,G\nbegin_repeat,r,R\ntext,a,A\nend_repeat,,\n"
		  "end_group,,\nbegin_repeat,r,R\ntext,a,A\nend_repeat,,\n",
		  "survey.csv:7:2: repeat 'r' has the name of the repeat on line 3" },
		{ "type,name,label,repeat_count\ntext,a,A,3\n",
		  "survey.csv:2:4: repeat_count does not apply to items of type text" },
		{ "type,name,label,repeat_count\nbegin_repeat,r,R,${nope}\ntext,a,A,\nend_repeat,,,\n",
		  "survey.csv:2:4: repeat_count: character 1: ${nope} is not an item" },
		{ "type,name,label,relevant\ntext,a,A,count(${a}) > 1\n",
		  "count() counts a repeat's instances" },
		{ "type,name,label,relevant\ntext,a,A,position(${a}) > 1\n",
		  "position() takes '..'" },
		{ "type,name,label,relevant\nbegin_repeat,r,R,\ntext,a,A,\nend_repeat,,,\n"
		  "text,b,B,\"indexed-repeat(${b}, ${r}, 1) = 'x'\"\n",
		  "indexed-repeat() reads the answer of an item inside a repeat" },
		{ "type,name,label,relevant\nbegin_repeat,r,R,\ntext,a,A,\nend_repeat,,,\n"
		  "begin_repeat,s,S,\ntext,c,C,\nend_repeat,,,\n"
		  "text,b,B,\"indexed-repeat(${a}, ${s}, 1) = 'x'\"\n",
		  "second argument is the repeat ${a} is inside: ${r}" },
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		test_form_refused(i, cases[i].survey, cases[i].want);
}

static void each_instance_reads_its_own(void **state)
{
	struct form *f = test_form(survey, choices, NULL);
	size_t tv = (size_t)form_item_index(f, "tank_valid"), nth = (size_t)form_item_index(f, "nth");
	struct test_answers a;
	struct fc_err err;
	char *v;
	(void)state;
	test_answers(&a, "2026-12-02", "vehicles@" V1, "", "vehicles@" V2, "",
		     "tanker@" V1, "yes", "tanker@" V2, "no", "tanker", "yes", NULL);
	a.fa.count = count_pairs;
	a.fa.instance = V1;
	a.fa.position = "1";
	assert_int_equal(form_relevant(f, tv, &a.fa, &err), 1);
	assert_int_equal(form_value(f, nth, &a.fa, &v, &err), 0);
	assert_string_equal(v, "1");
	free(v);
	a.fa.instance = V2;
	a.fa.position = "2";
	assert_int_equal(form_relevant(f, tv, &a.fa, &err), 0);
	assert_int_equal(form_value(f, nth, &a.fa, &v, &err), 0);
	assert_string_equal(v, "2");
	free(v);
	a.fa.instance = NULL; /* outside any instance the item has no answer */
	assert_int_equal(form_relevant(f, tv, &a.fa, &err), 0);
	form_free(f);
}

static void count_counts_live_instances(void **state)
{
	struct form *f = test_form(survey, choices, NULL);
	size_t hm = (size_t)form_item_index(f, "how_many");
	struct test_answers a;
	struct fc_err err;
	char *v, *filled;
	(void)state;
	test_answers(&a, "2026-12-02", "vehicles@" V1, "", "vehicles@" V2, "removed", NULL);
	a.fa.count = count_pairs;
	assert_int_equal(form_value(f, hm, &a.fa, &v, &err), 0);
	assert_string_equal(v, "1");
	free(v);
	filled = form_fill(f, "Checked ${how_many} vehicles", &a.fa);
	assert_string_equal(filled, "Checked 1 vehicles");
	free(filled);
	form_free(f);
}

static void indexed_repeat_reads_the_nth(void **state)
{
	struct form *f = test_form(survey, choices, NULL);
	size_t sp = (size_t)form_item_index(f, "second_plate");
	struct test_answers a;
	struct fc_err err;
	char *v;
	(void)state;
	test_answers(&a, "2026-12-02", "vehicles@" V1, "1", "vehicles@" V2, "2",
		     "plate@" V1, "浙A11111", "plate@" V2, "浙B22222", NULL);
	a.fa.instance_at = nth_pair;
	assert_int_equal(form_value(f, sp, &a.fa, &v, &err), 0);
	assert_string_equal(v, "浙B22222");
	free(v);
	test_answers(&a, "2026-12-02", "vehicles@" V1, "1", "vehicles@" V2, "removed",
		     "plate@" V1, "浙A11111", "plate@" V2, "浙B22222", NULL);
	a.fa.instance_at = nth_pair;
	assert_int_equal(form_value(f, sp, &a.fa, &v, &err), 0);
	assert_null(v); /* no second live instance: '' */
	form_free(f);
}

#define C1 "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03"

/* form_answers.instance_of for the tests: C1 is inside V1, V1 inside none. */
static int c1_in_v1(void *ctx, const struct form *f, size_t repeat, char *uuid)
{
	const struct test_answers *a = ctx;
	int inner = f->items[repeat].repeat >= 0;

	if (!a->fa.instance || (!strcmp(a->fa.instance, V1) && inner))
		return -1;
	strcpy(uuid, inner ? C1 : strcmp(a->fa.instance, C1) ? a->fa.instance : V1);
	return 0;
}

/* A repeat inside a repeat: an item of the inner one reads the outer
 * one's items in the instance its own is inside. */
static void nested_reads_the_outer_instance(void **state)
{
	static const char nested[] =
		"type,name,label,relevant\n"
		"begin_repeat,vehicle,Vehicle,\n"
		"text,plate,Plate,\n"
		"begin_repeat,compartment,Compartment,${plate} != ''\n"
		"text,seal,Seal,${plate} != ''\n"
		"end_repeat,,,\n"
		"end_repeat,,,\n";
	struct form *f = test_form(nested, NULL, NULL);
	int v = form_item_index(f, "vehicle"), c = form_item_index(f, "compartment");
	size_t seal = (size_t)form_item_index(f, "seal");
	struct test_answers a;
	struct fc_err err;
	(void)state;
	assert_non_null(f);
	assert_int_equal(f->items[c].repeat, v);
	assert_int_equal(f->items[seal].repeat, c);
	test_answers(&a, "2026-12-02", "plate@" V1, "浙A11111", NULL);
	a.fa.instance_of = c1_in_v1;
	a.fa.instance = C1;
	assert_int_equal(form_relevant(f, seal, &a.fa, &err), 1);
	test_answers(&a, "2026-12-02", "plate@" V2, "浙A11111", NULL);
	a.fa.instance_of = c1_in_v1;
	a.fa.instance = C1; /* V1's plate is not answered */
	assert_int_equal(form_relevant(f, seal, &a.fa, &err), 0);
	form_free(f);
}

static void repeat_count_says_how_many(void **state)
{
	struct form *f = test_form(survey, choices, NULL);
	size_t rep = (size_t)form_item_index(f, "vehicles"), n = 99;
	struct test_answers a;
	struct fc_err err;
	(void)state;
	test_answers(&a, "2026-12-02", "n_vehicles", "3", NULL);
	assert_int_equal(form_repeat_count(f, rep, &a.fa, &n, &err), 1);
	assert_int_equal(n, 3);
	test_answers(&a, "2026-12-02", "n_vehicles", "100000", NULL);
	assert_int_equal(form_repeat_count(f, rep, &a.fa, &n, &err), -1);
	assert_non_null(strstr(err.msg, "not a whole number from 0 to"));
	form_free(f);
	f = test_form("type,name,label\nbegin repeat,r,R\ntext,a,A\nend repeat,,\n", NULL, NULL);
	assert_int_equal(form_repeat_count(f, 0, &a.fa, &n, &err), 0);
	form_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_repeats),
		cmocka_unit_test(refuses_what_pyxform_refuses),
		cmocka_unit_test(each_instance_reads_its_own),
		cmocka_unit_test(count_counts_live_instances),
		cmocka_unit_test(indexed_repeat_reads_the_nth),
		cmocka_unit_test(repeat_count_says_how_many),
		cmocka_unit_test(nested_reads_the_outer_instance),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
