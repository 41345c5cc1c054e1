/* test_forms_choices.c - what pyxform lets through with a warning, or with
 * a setting, loads here the same way (forms/engine/choices.c, sheet.c,
 * settings.c, survey.c, load.c): a choice without a label, a choice named
 * twice under allow_choice_duplicates, a value in a column without a
 * header, comment rows, an empty choices sheet. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

static const char survey[] = "type,name,label\nselect_one st,state,State\n"
			     "select_one co,county,County\n";

/* A choice with no label in any language is shown by its name, and said. */
static void choice_without_label(void **state)
{
	struct form *f = test_form(survey, "list_name,name,label\nst,tx,Texas\nst,wa,\n"
				   "co,king,King\n", NULL);
	const struct form_list *l = f->items[form_item_index(f, "state")].list;
	(void)state;

	assert_string_equal(form_text(f, &l->choices[1].label, form_lang_of("en")), "wa");
	assert_int_equal(f->warnings.n, 1);
	assert_string_equal(f->warnings.msgs[0], "mem/choices.csv:3:3: warning: choice 'wa' "
			    "of list 'st' has no label: its name is shown");
	form_free(f);
}

/* Cascading lists may name a county twice (Washington County in two
 * states) when the settings say so; otherwise it is refused, as pyxform
 * refuses it. */
static void duplicates_when_allowed(void **state)
{
	static const char ch[] = "list_name,name,label,st\nst,tx,Texas,\nst,or,Oregon,\n"
				 "co,washington,Washington,tx\nco,washington,Washington,or\n";
	struct form *f;
	char *got;
	(void)state;

	got = test_form_problems(survey, ch, NULL);
	assert_string_equal(got, "mem/choices.csv:5:2: choice 'washington' appears twice "
			    "in list 'co' (also line 4)");
	free(got);
	f = test_form(survey, ch, "form_id,version,allow_choice_duplicates\nt,1,yes\n");
	assert_int_equal(f->items[form_item_index(f, "county")].list->n, 2);
	form_free(f);
	got = test_form_problems(survey, ch, "form_id,version,allow_choice_duplicates\nt,1,maybe\n");
	assert_non_null(strstr(got, "allow_choice_duplicates 'maybe' is neither yes nor no"));
	free(got);
}

/* A value under no header is not read, and the warning says where. */
static void value_without_header(void **state)
{
	struct form *f = test_form("type,name,label,,\ntext,q1,Q,,stray\n", NULL, NULL);
	(void)state;

	assert_int_equal(f->warnings.n, 1);
	assert_string_equal(f->warnings.msgs[0], "mem/survey.csv:2:5: warning: value in "
			    "column 5, which has no header, is not read");
	form_free(f);
}

static int has_warning(const struct form *f, const char *msg)
{
	size_t i;

	for (i = 0; i < f->warnings.n; i++)
		if (!strcmp(f->warnings.msgs[i], msg))
			return 1;
	return 0;
}

/* Rows that hold only an author's remark are not read, each said; an
 * empty choices sheet is no choices. */
static void comment_rows_and_empty_sheets(void **state)
{
	struct form *f = test_form("type,name,label,remarks\ntext,a,A,\n,,,checked by QA\n",
				   "list_name,name,label\nyn,yes,Yes\n,,No\n", NULL);
	struct form *g = test_form("type,name,label\ntext,a,A\n", "", NULL);
	char *got;
	(void)state;

	assert_int_equal(f->n_items, 1);
	assert_int_equal(f->lists[0].n, 1);
	assert_int_equal(f->warnings.n, 3); /* the remarks column, both rows */
	assert_true(has_warning(f, "mem/choices.csv:3:1: warning: a row without list_name or "
				"name is not read"));
	assert_true(has_warning(f, "mem/survey.csv:3:1: warning: a row without type, name or "
				"label is not read"));
	assert_int_equal(g->n_lists, 0);
	form_free(f);
	form_free(g);
	got = test_form_problems("type,name,label\n,b,B\n", NULL, NULL);
	assert_string_equal(got, "mem/survey.csv:2:1: missing type");
	free(got);
}

/* A select_one's choice may hold a space, as in ODK; a list a
 * select_multiple uses may not (its answer joins names with spaces). */
static void spaces_in_choice_names(void **state)
{
	static const char ch[] = "list_name,name,label\nkind,hot work,Hot work\nkind,cold,Cold\n";
	struct form *f = test_form("type,name,label\nselect_one kind,k,K\n", ch, NULL);
	struct fc_err err = { 0 };
	char *got;
	(void)state;

	assert_int_equal(form_check_value(f, 0, "hot work", NULL, form_lang_of("en"), &err), 0);
	form_free(f);
	got = test_form_problems("type,name,label\nselect_one kind,k,K\nselect_multiple kind,m,M\n",
				 ch, NULL);
	assert_string_equal(got, "mem/survey.csv:3:1: choice 'hot work' of list 'kind' holds a "
			    "space, which a select_multiple cannot take (its answer separates "
			    "choices with spaces)");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(choice_without_label),
		cmocka_unit_test(duplicates_when_allowed),
		cmocka_unit_test(value_without_header),
		cmocka_unit_test(comment_rows_and_empty_sheets),
		cmocka_unit_test(spaces_in_choice_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
