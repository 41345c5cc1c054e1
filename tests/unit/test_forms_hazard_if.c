/* test_forms_hazard_if.c - a select_one that raises a hazard: the
 * `hazard_if` column names the choices that mean one, with the severity of
 * the `hazard` column; what is wrong in them is refused at the cell. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

static const char choices[] = "list_name,name,label\n"
			      "yn,yes,Yes\nyn,no,No\nyn,unsure,Not sure\n";

static void choices_that_raise_a_hazard(void **state)
{
	struct form *f = test_form("type,name,label,hazard,hazard_if,rectify_days\n"
				   "select_one yn,guard,Guard rail in place?,major,no unsure,3\n"
				   "select_one yn,sign,Sign posted?,,,\n"
				   "check,ext,Extinguisher,general,,\n",
				   choices, NULL);
	const struct form_item *guard, *sign, *ext;
	(void)state;

	guard = &f->items[form_item_index(f, "guard")];
	sign = &f->items[form_item_index(f, "sign")];
	ext = &f->items[form_item_index(f, "ext")];
	assert_true(form_item_raises(guard));
	assert_int_equal(guard->hazard, SEV_MAJOR);
	assert_int_equal(guard->rectify_days, 3);
	assert_true(form_item_hazard_on(guard, "no"));
	assert_true(form_item_hazard_on(guard, "unsure"));
	assert_false(form_item_hazard_on(guard, "yes"));
	assert_false(form_item_hazard_on(guard, ""));
	assert_false(form_item_hazard_on(guard, "n")); /* a word, not a prefix */
	assert_false(form_item_raises(sign));
	assert_false(form_item_hazard_on(sign, "no"));
	assert_true(form_item_raises(ext));
	assert_true(form_item_hazard_on(ext, "fail"));
	assert_false(form_item_hazard_on(ext, "pass"));
	form_free(f);
}

static void refused_where_wrong(void **state)
{
	static const struct {
		const char *survey, *want;
	} cases[] = {
		{ "type,name,label,hazard,hazard_if\nselect_one yn,q,Q,major,no maybe\n",
		  "survey.csv:2:5: hazard_if: 'maybe' is no choice of list 'yn'" },
		{ "type,name,label,hazard,hazard_if\nselect_one yn,q,Q,,no\n",
		  "survey.csv:2:4: 'q' has hazard_if but no hazard severity" },
		{ "type,name,label,hazard,hazard_if\nselect_one yn,q,Q,general,\n",
		  "survey.csv:2:5: hazard on select_one 'q' needs hazard_if" },
		{ "type,name,label,hazard,hazard_if\ntext,q,Q,,no\n",
		  "survey.csv:2:5: hazard_if does not apply to items of type text" },
		{ "type,name,label,hazard,hazard_if\nselect_multiple yn,q,Q,major,no\n",
		  "survey.csv:2:4: hazard does not apply to items of type select_multiple" },
		{ "type,name,label,hazard,hazard_if\ncheck,q,Q,major,fail\n",
		  "survey.csv:2:5: hazard_if does not apply to items of type check" },
	};
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *got = test_form_problems(cases[i].survey, choices, NULL);
		if (!strstr(got, cases[i].want))
			fail_msg("case %zu: got\n%s\nwanted %s", i, got, cases[i].want);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(choices_that_raise_a_hazard),
		cmocka_unit_test(refused_where_wrong),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
