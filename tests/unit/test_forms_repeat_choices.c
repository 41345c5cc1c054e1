/* test_forms_repeat_choices.c - select_one ${q} / select_multiple ${q}: the
 * choices are q's answers in its repeat's live instances (each once, empty
 * ones left out), a choice_filter tried in each (pyxform's
 * test_repeat.py forms), answers checked against them; and paths in
 * expressions (../x, ./x, /data/g/x, current()/../x) resolved at load. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#define W1 "0b9c5e8e-1f0a-4c55-9d1e-7a3f2b6c4d01"
#define W2 "5d2a9f10-3b4c-4e6d-8f7a-1b2c3d4e5f02"
#define W3 "7e3b0a21-4c5d-4f7e-9a8b-2c3d4e5f6a03"

static const char survey[] =
	"type,name,label,choice_filter,calculation\n"
	"begin_repeat,worker,Worker,,\n"
	"text,wname,Name,,\n"
	"integer,age,Age,,\n"
	"end_repeat,,,,\n"
	"integer,min_age,Minimum age,,\n"
	"select_one ${wname},officer,Officer,${age} >= ${min_age},\n"
	"select_multiple ${wname},trained,Trained,,\n"
	"select one ${wname},anyone,Anyone,,\n"
	"calculate,officer_name,,,\"jr:choice-name(${officer}, '${officer}')\"\n";

/* The instances of a repeat for the tests: the pairs "<repeat>@<uuid>". */
static size_t count_pairs(void *ctx, const struct form *f, size_t repeat)
{
	const struct test_answers *a = ctx;
	size_t i, n = 0, len = strlen(f->items[repeat].name);

	for (i = 0; i + 1 < a->n; i += 2)
		if (!strncmp(a->pairs[i], f->items[repeat].name, len) && a->pairs[i][len] == '@')
			n++;
	return n;
}

static int nth_pair(void *ctx, const struct form *f, size_t repeat, size_t k, char *uuid)
{
	const struct test_answers *a = ctx;
	size_t i, len = strlen(f->items[repeat].name);

	for (i = 0; i + 1 < a->n; i += 2)
		if (!strncmp(a->pairs[i], f->items[repeat].name, len) && a->pairs[i][len] == '@' &&
		    --k == 0) {
			strcpy(uuid, a->pairs[i] + len + 1);
			return 0;
		}
	return -1;
}

static void workers(struct test_answers *a, const char *min_age)
{
	test_answers(a, "2026-12-03", "worker@" W1, "", "worker@" W2, "", "worker@" W3, "",
		     "wname@" W1, "Li Si", "age@" W1, "40", "wname@" W2, "Wang", "age@" W2, "17",
		     "wname@" W3, "Li Si", "age@" W3, "19", "min_age", min_age, NULL);
	a->fa.count = count_pairs;
	a->fa.instance_at = nth_pair;
}

/* The choices as "a|b|c". */
static char *names(const struct form *f, const char *item, const struct test_answers *a)
{
	struct form_list l;
	struct fc_err err;
	char buf[256] = "";
	size_t k;

	assert_int_equal(form_dyn_choices(f, (size_t)form_item_index(f, item), &a->fa, &l,
					  &err), 0);
	for (k = 0; k < l.n; k++) {
		strcat(buf, k ? "|" : "");
		strcat(buf, l.choices[k].name);
		assert_string_equal(test_text(f, &l.choices[k].label, "en"), l.choices[k].name);
	}
	form_dyn_release(&l);
	return strdup(buf);
}

static void names_are(const struct form *f, const char *item, const struct test_answers *a,
		      const char *want)
{
	char *got = names(f, item, a);

	assert_string_equal(got, want);
	free(got);
}

static void offers_the_answers(void **state)
{
	struct form *f = test_form(survey, NULL, NULL);
	struct test_answers a;
	(void)state;
	assert_int_equal(f->items[form_item_index(f, "officer")].choices_of,
			 form_item_index(f, "wname") + 1);
	assert_null(f->items[form_item_index(f, "officer")].list);
	workers(&a, "18");
	names_are(f, "anyone", &a, "Li Si|Wang"); /* each once, in order */
	names_are(f, "officer", &a, "Li Si"); /* ${age} of the instance tried */
	workers(&a, "10");
	names_are(f, "officer", &a, "Li Si|Wang");
	names_are(f, "trained", &a, "Wang"); /* a space cannot be one of many */
	test_answers(&a, "2026-12-03", "worker@" W1, "", "wname@" W1, TEST_NONE, NULL);
	a.fa.count = count_pairs;
	a.fa.instance_at = nth_pair;
	names_are(f, "anyone", &a, ""); /* an empty answer is no choice */
	form_free(f);
}

static void checks_answers(void **state)
{
	struct form *f = test_form(survey, NULL, NULL);
	size_t officer = (size_t)form_item_index(f, "officer");
	size_t trained = (size_t)form_item_index(f, "trained");
	struct test_answers a;
	struct fc_err err;
	(void)state;
	workers(&a, "18");
	assert_int_equal(form_check_value(f, officer, "Li Si", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, officer, "Wang", &a.fa, form_lang_of("en"), &err), -1);
	assert_non_null(strstr(err.msg, "'Wang' is not among the choices of “Officer”"));
	assert_non_null(strstr(err.msg, "'Li Si'"));
	workers(&a, "10");
	assert_int_equal(form_check_value(f, trained, "Wang", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, trained, "Li Si", &a.fa, form_lang_of("en"), &err),
			 -1);
	assert_non_null(strstr(err.msg, "separates choices with spaces"));
	assert_int_equal(form_check_value(f, trained, "Wang Wang", &a.fa, form_lang_of("en"),
					  &err), -1);
	assert_non_null(strstr(err.msg, "chosen twice"));
	form_free(f);
}

static void choice_name_is_the_value(void **state)
{
	struct form *f = test_form(survey, NULL, NULL);
	struct test_answers a;
	(void)state;
	test_answers(&a, "2026-12-03", "officer", "Li Si", NULL);
	test_value_is(f, "officer_name", &a, "Li Si");
	form_free(f);
}

/* pyxform's tests/test_repeat.py forms: nested, current(), position(). */
static void pyxform_forms(void **state)
{
	static const char nested[] =
		"type,name,label,choice_filter\n"
		"text,enumerators_name,Enumerator,\n"
		"begin repeat,household_rep,Household,\n"
		"begin repeat,household_mem_rep,Member,\n"
		"text,name,Name,\n"
		"integer,age,Age,\n"
		"end repeat,household_mem_rep,,\n"
		"begin repeat,selected,Select a representative,\n"
		"integer,target_min_age,Minimum age,\n"
		"select one ${name},selected_name,Choose a name,${age} > ${target_min_age}\n"
		"end repeat,selected,,\n"
		"end repeat,household_rep,,\n";
	static const char pets[] =
		"type,name,label,choice_filter,relevant,calculation\n"
		"begin_repeat,pet,Pet,,,\n"
		"calculate,pos,,,,position(..)\n"
		"select_one ${animal_type},animal_select,Animal,"
		"position() != current()/../pos and animal_type != '',,\n"
		"text,animal_type,Animal type,,${animal_select} = '',\n"
		"end_repeat,pet,,,,\n";
	struct form *f = test_form(nested, NULL, NULL);
	struct test_answers a;
	(void)state;
	form_free(f);
	f = test_form(pets, NULL, NULL);
	test_answers(&a, "2026-12-03", "pet@" W1, "", "pet@" W2, "", "pet@" W3, "",
		     "animal_type@" W1, "cat", "animal_type@" W3, "dog", NULL);
	a.fa.count = count_pairs;
	a.fa.instance_at = nth_pair;
	a.fa.instance = W1;
	a.fa.position = "1";
	names_are(f, "animal_select", &a, "dog"); /* not its own, by position */
	a.fa.instance = W2;
	a.fa.position = "2";
	names_are(f, "animal_select", &a, "cat|dog");
	form_free(f);
}

static void refused(void **state)
{
	static const struct { const char *survey, *want; } cases[] = {
		{ "type,name,label\ntext,a,A\nselect_one ${a},b,B\n",
		  "survey.csv:3:1: ${a}: the item is not inside a repeat" },
		{ "type,name,label\nselect_one ${nope},b,B\n",
		  "survey.csv:2:1: ${nope}: no item of this form has that name" },
		{ "type,name,label\nbegin_repeat,r,R\ntext,a,A\nend_repeat,,\n"
		  "select_one ${r},b,B\n", "${r}: a group has no value to choose" },
		{ "type,name,label\nbegin_repeat,r,R\ntext,a,A\nend_repeat,,\n"
		  "select_one ${a} or_other,b,B\n", "or_other on a select of a repeat's values" },
		{ "type,name,label,choice_filter\nbegin_repeat,r,R,\ntext,a,A,\nend_repeat,,,\n"
		  "select_one ${a},b,B,nope = 'x'\n", "'nope' is no item of the repeat ${a} is in" },
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		test_form_refused(i, cases[i].survey, cases[i].want);
}

/* ../x, ./x, /t/g/x read the item they name; what names nothing is refused. */
static void paths(void **state)
{
	static const char s[] =
		"type,name,label,relevant,calculation,constraint\n"
		"integer,n,N,,,\n"
		"begin_group,g,G,/t/n > 0,,\n"
		"integer,x,X,,,. < ./../../n\n"
		"calculate,twice,,,../x * 2,\n"
		"calculate,from_top,,,/data/g/x + ../../n,\n"
		"end_group,,,,,\n"
		"begin_group,h,H,../n > 9,,\n"
		"text,y,Y,,,\n"
		"end_group,,,,,\n"
		"calculate,pos,,,position(..),\n";
	struct form *f = test_form(s, NULL, NULL);
	struct test_answers a;
	struct fc_err err;
	size_t x = (size_t)form_item_index(f, "x");
	(void)state;
	test_answers(&a, "2026-12-03", "n", "5", "x", "3", "y", "no", NULL);
	test_value_is(f, "twice", &a, "6");
	test_value_is(f, "from_top", &a, "8");
	assert_int_equal(form_relevant(f, x, &a.fa, &err), 1);
	assert_int_equal(form_relevant(f, (size_t)form_item_index(f, "y"), &a.fa, &err), 0);
	assert_int_equal(form_check_value(f, x, "7", &a.fa, form_lang_of("en"), &err), -1);
	form_free(f);
	test_form_refused(0, "type,name,label,calculation\ncalculate,c,,../nope\n",
			  "the path names nothing: 'nope' is no item there");
	test_form_refused(1, "type,name,label,calculation\ncalculate,c,,../../c\n",
			  "the path climbs above the form");
	test_form_refused(2, "type,name,label,calculation\ncalculate,c,,/other/c\n",
			  "a path from the root starts /t/");
	test_form_refused(3, "type,name,label,calculation\nbegin_group,g,G,\n"
			  "calculate,c,,..\nend_group,,,\n", "'..' alone is a group");
	test_form_refused(4, "type,name,label,calculation\nbegin_group,g,G,\n"
			  "calculate,c,,../../g\nend_group,,,\n",
			  "the path names a note or a group, which has no value");
}

/* pyxform's test_choice_filter_relative_path: name = current()/../crop,
 * `name` the choice's own name, current()/.. the select's group. */
static void relative_choice_filter(void **state)
{
	static const char s[] =
		"type,name,label,choice_filter\n"
		"text,crop,Crop,\n"
		"select_one crop_list,a,A,name = current()/../crop\n"
		"begin_group,g,G,\n"
		"select_one crop_list,b,B,name = current()/../../crop\n"
		"end_group,,,\n";
	struct form *f = test_form(s, "list_name,name,label\ncrop_list,maize,Maize\n"
				   "crop_list,beans,Beans\n", NULL);
	size_t a_ = (size_t)form_item_index(f, "a"), b = (size_t)form_item_index(f, "b");
	struct test_answers a;
	struct fc_err err;
	(void)state;
	test_answers(&a, "2026-12-03", "crop", "maize", NULL);
	assert_int_equal(form_choice_allowed(f, a_, 0, &a.fa, &err), 1);
	assert_int_equal(form_choice_allowed(f, a_, 1, &a.fa, &err), 0);
	assert_int_equal(form_choice_allowed(f, b, 0, &a.fa, &err), 1);
	assert_int_equal(form_choice_allowed(f, b, 1, &a.fa, &err), 0);
	form_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(offers_the_answers),
		cmocka_unit_test(checks_answers),
		cmocka_unit_test(choice_name_is_the_value),
		cmocka_unit_test(pyxform_forms),
		cmocka_unit_test(refused),
		cmocka_unit_test(paths),
		cmocka_unit_test(relative_choice_filter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
