/* test_forms_names.c - names as pyxform takes them (forms/engine/names.c):
 * unique among siblings only; a name other items in other groups carry
 * too is recorded by its nearest groups' names, as few as tell it apart;
 * a unique name stays as it is; ${name} naming several items is refused. */
#include "support.h"
#include "support_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void scoped_by_the_fewest_groups(void **state)
{
	static const char survey[] =
		"type,name,label\n"
		"text,notes,Notes\n"
		"begin_group,a,A\n"
		"begin_group,x,X\n"
		"text,notes,Notes\n"
		"end_group,,\n"
		"end_group,,\n"
		"begin_group,b,B\n"
		"begin_group,x,X\n"
		"text,notes,Notes\n"
		"end_group,,\n"
		"text,only,Only\n"
		"end_group,,\n";
	struct form *f = test_form(survey, NULL, NULL);
	(void)state;
	assert_non_null(f);
	assert_string_equal(f->items[0].name, "notes"); /* at the top: its own */
	assert_null(f->items[0].xls_name);
	/* the two x groups differ only by theirs: a-x-notes, b-x-notes */
	assert_string_equal(f->items[3].name, "a-x-notes");
	assert_string_equal(f->items[3].xls_name, "notes");
	assert_string_equal(f->items[8].name, "b-x-notes");
	assert_string_equal(f->items[2].name, "a-x");   /* groups too */
	assert_string_equal(f->items[7].name, "b-x");
	assert_string_equal(f->items[10].name, "only");
	assert_int_equal(form_item_index(f, "b-x-notes"), 8);
	assert_int_equal(form_item_index(f, "notes"), 0);
	assert_int_equal(form_xls_name_shared(f, "notes"), 1);
	assert_int_equal(form_xls_name_shared(f, "only"), 0);
	form_free(f);
}

static void refused_as_pyxform_refuses(void **state)
{
	static const struct { const char *survey, *want; } cases[] = {
		{ "type,name,label\nbegin_group,g,G\ntext,a,A\ntext,a,B\nend_group,,\n",
		  "survey.csv:4:2: duplicate name 'a' (also on line 3)" },
		{ "type,name,label,relevant\nbegin_group,g,G,\ninteger,n,N,\nend_group,,,\n"
		  "integer,n,N,\ntext,t,T,${n} > 1\n",
		  "${n} names more than one item" },
		{ "type,name,label\nbegin_group,g,G\ntext,a,A\nend_group,,\ntext,a,A\n"
		  "text,g-a,GA\n",
		  "item 'a' is recorded as 'g-a' (its name is used in other groups too), which "
		  "is also the name on line 6" },
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		test_form_refused(i, cases[i].survey, cases[i].want);
}

/* A scoped name longer than a record's item may be is refused, not cut. */
static void too_long_once_scoped(void **state)
{
	char survey[1024];
	char *got;
	(void)state;
	snprintf(survey, sizeof survey, "type,name,label\nbegin_group,%s,G\ntext,a,A\n"
		 "end_group,,\ntext,a,A\n", "g12345678901234567890123456789012345678901234567890123456789012");
	got = test_form_problems(survey, NULL, NULL);
	assert_non_null(strstr(got, "survey.csv:3:2: name 'a' is used in other groups too, and "
			       "with its groups' names"));
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scoped_by_the_fewest_groups),
		cmocka_unit_test(refused_as_pyxform_refuses),
		cmocka_unit_test(too_long_once_scoped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
