/* test_forms_calc.c - a calculation on an ordinary question (ODK's
 * calculate bind on it, or its setvalue with a trigger) and lookups of
 * values in a form's lists (instance('list')/root/item[...]/column), with
 * the values ODK's documentation gives. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"


static size_t ix(const struct form *f, const char *name)
{
	int i = form_item_index(f, name);

	if (i < 0)
		fail_msg("no item %s", name);
	return (size_t)i;
}

/* Without a trigger the question's value is its calculation's, whatever
 * was stored for it; it takes no answer.  With one, it is answered as any
 * question (its trigger sets it to form_calculate's value, kept.c), and
 * form_offer gives only its default. */
static void calculated_questions(void **state)
{
	static const char survey[] =
		"type,name,label,calculation,trigger,default\n"
		"decimal,bill,Bill,,,\n"
		"decimal,tip,Tip,\"round(${bill} * 0.18, 2)\",,\n"
		"select_one yn,big,Big?,\"if(${bill} > 50, 'yes', 'no')\",,\n"
		"integer,age,Age,,,\n"
		"integer,diag_age,Age at diagnosis,${age},${age},\n"
		"text,plain,Plain,,,hello\n";
	static const char lists[] = "list_name,name,label\nyn,yes,Yes\nyn,no,No\n";
	struct fc_err err = { 0 };
	struct test_answers a;
	struct form *f = test_form(survey, lists, NULL);
	char *v;
	(void)state;

	test_answers(&a, "2024-03-20", "bill", "55.88", "tip", "1", "age", "7",
		     "diag_age", "5", NULL);
	test_value_is(f, "tip", &a, "10.06");   /* the docs' tip on 55.88; the stored 1 is not read */
	test_value_is(f, "big", &a, "yes");
	test_value_is(f, "diag_age", &a, "5");  /* triggered: the answer given */
	assert_false(form_item_answerable(&f->items[ix(f, "tip")]));
	assert_true(form_item_answerable(&f->items[ix(f, "diag_age")]));
	assert_int_equal(form_check_value(f, ix(f, "tip"), "3", &a.fa, form_lang_of("en"), &err),
			 -1);
	assert_non_null(strstr(err.msg, "its value is computed (round(${bill} * 0.18, 2))"));
	assert_int_equal(form_check_value(f, ix(f, "diag_age"), "6", &a.fa, form_lang_of("en"),
					  &err), 0);
	assert_int_equal(form_calculate(f, ix(f, "diag_age"), &a.fa, &v, &err), 0);
	assert_string_equal(v, "7");       /* what ODK sets when age changes */
	free(v);
	assert_int_equal(form_offer(f, ix(f, "diag_age"), &a.fa, &v, &err), 0);
	assert_null(v);                    /* no default: the trigger sets it */
	assert_int_equal(form_offer(f, ix(f, "plain"), &a.fa, &v, &err), 0);
	assert_string_equal(v, "hello");   /* else the default */
	free(v);
	assert_int_equal(form_offer(f, ix(f, "bill"), &a.fa, &v, &err), 0);
	assert_null(v);
	assert_int_equal(form_count_questions(f), 4);
	form_free(f);
}

/* A computed question in a cycle is refused as a calculate item is; a
 * triggered one reads its answer, so two that trigger each other load. */
static void calculated_cycles(void **state)
{
	char *p = test_form_problems("type,name,label,calculation\n"
				     "integer,a,A,${b} + 1\ninteger,b,B,${a} + 1\n", NULL, NULL);
	struct form *f;
	(void)state;

	assert_non_null(strstr(p, "calculation is circular"));
	free(p);
	f = test_form("type,name,label,calculation,trigger\n"
		      "integer,a,A,${b},${b}\ninteger,b,B,${a},${a}\n", NULL, NULL);
	form_free(f);
}

/* The lookups of ODK's "Looking up values in datasets": a phone number by
 * the participant chosen, a label by another column, by position, the
 * first item without a predicate, '' when no item matches. */
static void lookups(void **state)
{
	static const char survey[] =
		"type,name,label,calculation,trigger,choice_filter\n"
		"select_one participants,participant,Participant,,,true()\n"
		"text,phone_number,Phone number,"
		"instance('participants')/root/item[name=${participant}]/phone_number,"
		"${participant},\n"
		"integer,visits,Visits,,,\n"
		"calculate,phone,,instance('participants')/root/item[name = ${participant}]/phone_number,,\n"
		"calculate,by_visits,,instance(\u2018participants\u2019)/root/item[visits > ${visits} and "
		"name != 'x']/label,,\n"
		"calculate,second,,instance('participants')/root/item[position() = 2]/name,,\n"
		"calculate,second_n,,instance('participants')/root/item[2]/label,,\n"
		"calculate,first,,instance('participants')/root/item/name,,\n"
		"calculate,none,,instance('participants')/root/item[name = 'nobody']/label,,\n"
		"calculate,nested,,\"instance('participants')/root/item[name = "
		"instance('participants')/root/item[2]/name]/visits\",,\n";
	static const char lists[] =
		"list_name,name,label,phone_number,visits\n"
		"participants,kwame_onwuachi,Kwame Onwuachi,+1-850-555-0168,1\n"
		"participants,sophia_roe,Sophia Roe,+36 55 562 079,3\n";
	struct fc_err err = { 0 };
	struct test_answers a, none;
	struct form *f;
	char *v;
	(void)state;

	/* a spreadsheet's typographic quotes around the list's name, too */
	f = test_form(survey, lists, NULL);
	test_answers(&a, NULL, "participant", "sophia_roe", "visits", "2", NULL);
	test_answers(&none, NULL, NULL);
	test_value_is(f, "phone", &a, "+36 55 562 079");
	test_value_is(f, "by_visits", &a, "Sophia Roe");  /* visits compare as numbers */
	test_value_is(f, "second", &a, "sophia_roe");
	test_value_is(f, "second_n", &a, "Sophia Roe");
	test_value_is(f, "first", &a, "kwame_onwuachi");
	test_value_is(f, "none", &a, NULL);
	test_value_is(f, "nested", &a, "3");
	test_value_is(f, "phone", &none, NULL);
	assert_int_equal(form_calculate(f, ix(f, "phone_number"), &a.fa, &v, &err), 0);
	assert_string_equal(v, "+36 55 562 079"); /* what choosing the participant sets */
	free(v);
	form_free(f);
}

/* ODK's "Calculating counts, sums ... from dataset values": the states
 * above a threshold, counted, and their population added up; a column
 * that is not a number makes the sum NaN (''), an empty match 0. */
static void lookup_aggregates(void **state)
{
	static const char survey[] =
		"type,name,label,calculation\n"
		"integer,pop_threshold,Threshold,\n"
		"calculate,n_big,,count(instance('states')/root/item[population > ${pop_threshold}])\n"
		"calculate,pop_big,,sum(instance('states')/root/item[population > ${pop_threshold}]"
		"/population)\n"
		"calculate,n_all,,count(instance('states')/root/item)\n"
		"calculate,bad_sum,,sum(instance('states')/root/item/label)\n"
		"calculate,twice,,count(instance('states')/root/item[population > 3000000]) * 2\n";
	static const char lists[] =
		"list_name,name,label,population\n"
		"states,abia,Abia,4112230\nstates,ebonyi,Ebonyi,2176947\nstates,lagos,Lagos,9113605\n";
	struct test_answers a, high;
	struct form *f = test_form(survey, lists, NULL);
	(void)state;

	test_answers(&a, NULL, "pop_threshold", "3000000", NULL);
	test_answers(&high, NULL, "pop_threshold", "99999999", NULL);
	test_value_is(f, "n_big", &a, "2");
	test_value_is(f, "pop_big", &a, "13225835");
	test_value_is(f, "n_all", &a, "3");
	test_value_is(f, "bad_sum", &a, NULL);
	test_value_is(f, "twice", &a, "4");
	test_value_is(f, "n_big", &high, "0");
	test_value_is(f, "pop_big", &high, "0");
	form_free(f);
}

/* What a lookup cannot be: refused when the form loads, saying why. */
static void lookups_refused(void **state)
{
	static const struct { const char *calc, *want; } cases[] = {
		{ "instance('nope')/root/item[name = 'a']/label",
		  "instance('nope'): the form has no list or select's file called so" },
		{ "instance('yn')/root/item[name = 'a']/colour", "'colour' is no column of list 'yn'" },
		{ "instance('yn')/root/item[colour = 'a']/label", "'colour' is no column of list 'yn'" },
		{ "instance('yn')/root/item[name = 'a']", "expected '/COLUMN'" },
		{ "instance('yn')/root/item[name = 'a'][1]/label", "one [predicate] only" },
		{ "instance('yn')/data/item/label", "expected 'root'" },
		{ "instance(${q})/root/item/label", "instance() takes a list's name in quotes" },
		{ "/data/nope", "character 7: the path names nothing: 'nope' is no item there" },
		{ "${q} / 2", "unexpected character '/'" },
		{ "count(instance('yn')/root/item, 2)", "count() takes one lookup: expected ')'" },
		{ "sum(instance('yn')/root/item)", "expected '/COLUMN'" },
	};
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *survey = xstrfmt("type,name,label,calculation\nselect_one yn,q,Q,\n"
				       "calculate,c,,\"%s\"\n", cases[i].calc);
		char *got = test_form_problems(survey, "list_name,name,label\nyn,yes,Yes\n", NULL);
		if (!strstr(got, cases[i].want))
			fail_msg("%s: wanted '%s' in '%s'", cases[i].calc, cases[i].want, got);
		free(got);
		free(survey);
	}
}

/* A lookup into a select's file that is not there: the form loads, the
 * missing file is the one warning (not every lookup into it again), and
 * the lookup reads as empty. */
static void lookup_missing_file(void **state)
{
	struct form *f = test_form("type,name,label,calculation\n"
				   "select_one_from_file gone.geojson,p,P,\n"
				   "calculate,t,,instance('gone')/root/item[id=${p}]/title\n",
				   NULL, NULL);
	struct test_answers a;
	(void)state;

	assert_int_equal(f->warnings.n, 1);
	assert_non_null(strstr(f->warnings.msgs[0], "gone.geojson is not beside the form"));
	test_answers(&a, "2024-03-20", NULL);
	test_value_is(f, "t", &a, NULL);
	form_free(f);
}

/* A lookup writes one branch per item: into a list too long for that, it
 * is refused rather than made into a huge expression. */
static void lookup_bounded(void **state)
{
	struct strbuf sb;
	char *got;
	size_t k;
	(void)state;

	strbuf_init(&sb);
	strbuf_adds(&sb, "list_name,name,label\n");
	for (k = 0; k < 20000; k++)
		strbuf_addf(&sb, "big,n%zu,Label %zu\n", k, k);
	got = test_form_problems("type,name,label,calculation\ntext,q,Q,\ncalculate,c,,"
				 "instance('big')/root/item[name = ${q} or label = ${q}]/label\n",
				 sb.buf, NULL);
	assert_non_null(strstr(got, "the lookup in list 'big' is too large to write out "
				    "(20000 items"));
	free(got);
	strbuf_release(&sb);
}

/* ODK's example of selects from CSV files (form-datasets): each file's own
 * columns filter its choices (state=${state}) and are looked up, as the
 * choices sheet's are. */
static void file_columns(void **state)
{
	const char *top = getenv("FIELDCHECK_TOP");
	char *dir = test_path(top && *top ? top : ".", "tests/forms/good/lookup-file");
	struct form_problems p = { 0 };
	struct form *f = form_load_dir(dir, &p);
	struct test_answers a;
	struct fc_err err = { 0 };
	size_t lga, wards, c, n = 0;
	(void)state;

	if (!f)
		fail_msg("%s: %s", dir, p.n ? p.msgs[0] : "?");
	assert_int_equal(p.n, 0);
	/* a column the file lacks reads as '' (ODK's empty node-set), warned */
	assert_int_equal(f->warnings.n, 1);
	assert_non_null(strstr(f->warnings.msgs[0], "survey.csv:7:5: warning: calculation: "
			       "'population' is no column of lgas.csv (yet): it reads as ''"));
	lga = ix(f, "local_gov_area");
	wards = ix(f, "wards");
	test_answers(&a, NULL, "state", "abia", "local_gov_area", "afikpo_n", NULL);
	for (c = 0; c < f->items[lga].list->n; c++)
		n += form_choice_allowed(f, lga, c, &a.fa, &err) == 1;
	assert_int_equal(n, 2);  /* Aba North and Aba South */
	assert_int_equal(form_check_value(f, wards, "ezeke_amasiri poperi_amasiri", &a.fa,
					  form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, wards, "eziama", &a.fa, form_lang_of("en"), &err),
			 -1);
	test_value_is(f, "population", &a, "4112230");
	test_value_is(f, "lga_label", &a, "Afikpo North");
	test_value_is(f, "lga_pop", &a, NULL);
	form_free(f);
	form_problems_release(&p);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(calculated_questions),
		cmocka_unit_test(calculated_cycles),
		cmocka_unit_test(lookups),
		cmocka_unit_test(lookup_aggregates),
		cmocka_unit_test(lookups_refused),
		cmocka_unit_test(lookup_missing_file),
		cmocka_unit_test(lookup_bounded),
		cmocka_unit_test(file_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
