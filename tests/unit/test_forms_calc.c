/* test_forms_calc.c - a calculation on an ordinary question (ODK's
 * calculate bind on it, or its setvalue with a trigger) and lookups of
 * values in a form's lists (instance('list')/root/item[...]/column), with
 * the values ODK's documentation gives. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

static char *value(const struct form *f, const char *item, const struct test_answers *a)
{
	struct fc_err err = { 0 };
	char *v;

	if (form_value(f, (size_t)form_item_index(f, item), &a->fa, &v, &err))
		fail_msg("form_value(%s): %s", item, err.msg);
	return v;
}

static void value_is(const struct form *f, const char *item, const struct test_answers *a,
		     const char *want)
{
	char *v = value(f, item, a);

	if (want ? !v || strcmp(v, want) : v != NULL)
		fail_msg("%s is '%s', not '%s'", item, v ? v : "(none)", want ? want : "(none)");
	free(v);
}

static size_t ix(const struct form *f, const char *name)
{
	int i = form_item_index(f, name);

	if (i < 0)
		fail_msg("no item %s", name);
	return (size_t)i;
}

/* Without a trigger the question's value is its calculation's, whatever
 * was stored for it; it takes no answer.  With one, it is answered as any
 * question and its calculation is what form_offer gives. */
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
	value_is(f, "tip", &a, "10.06");   /* the docs' tip on 55.88; the stored 1 is not read */
	value_is(f, "big", &a, "yes");
	value_is(f, "diag_age", &a, "5");  /* triggered: the answer given */
	assert_false(form_item_answerable(&f->items[ix(f, "tip")]));
	assert_true(form_item_answerable(&f->items[ix(f, "diag_age")]));
	assert_int_equal(form_check_value(f, ix(f, "tip"), "3", &a.fa, form_lang_of("en"), &err),
			 -1);
	assert_non_null(strstr(err.msg, "its value is computed (round(${bill} * 0.18, 2))"));
	assert_int_equal(form_check_value(f, ix(f, "diag_age"), "6", &a.fa, form_lang_of("en"),
					  &err), 0);
	assert_int_equal(form_offer(f, ix(f, "diag_age"), &a.fa, &v, &err), 0);
	assert_string_equal(v, "7");       /* what ODK sets when age changes */
	free(v);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(calculated_questions),
		cmocka_unit_test(calculated_cycles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
