/* test_forms_eval.c - a loaded form: what it holds, relevance through
 * groups and through items that stopped being relevant, answers checked
 * by type. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

static const char choices[] =
	"list_name,name,label::zh,label::en\n"
	"yn,yes,是,Yes\nyn,no,否,No\n"
	"colors,red,红,Red\ncolors,blue,蓝,Blue\n";

static void loads_what_the_files_say(void **state)
{
	static const char survey[] =
		"\xef\xbb\xbftype,name,label,label::English (en),hint::zh,required,hazard,"
		"legal_basis::zh,rectify_days,dept,local,media::image,appearance\r\n"
		"begin group,g,分组,Group,,,,,,,,,\r\n"
		"check,c1,车辆是否具有有效行驶证,Valid registration,提示,yes,major,"
		"第二十九号令,7,transport,yes,pic.png,quick\r\n"
		"select_one yn,q,问,Q,,,,,,,,,\r\n"
		"end group,,,,,,,,,,,,\r\n"
		",,,,,,,,,,,,\r\n"
		"note,n,说明,,,,,,,,,,\r\n";
	static const char settings[] =
		"form_id,version,form_title::zh,form_title::en,default_language,note::en\n"
		"t,12,标题,Title,zh,local practice\n";
	struct form *f = test_form(survey, choices, settings);
	const struct form_item *c1;
	(void)state;
	assert_string_equal(f->id, "t");
	assert_int_equal(f->version, 12);
	assert_string_equal(form_text(f, &f->title, form_lang_of("en")), "Title");
	assert_string_equal(form_text(f, &f->note, form_lang_of("zh")), "local practice"); /* fallback */
	assert_int_equal(f->n_items, 5);
	assert_int_equal(form_count_checks(f), 1);
	assert_int_equal(form_count_questions(f), 2);
	c1 = &f->items[1];
	assert_int_equal(c1->type, FT_CHECK);
	assert_string_equal(test_text(f, &c1->label, "zh"), "车辆是否具有有效行驶证");
	assert_string_equal(test_text(f, &c1->label, "en"), "Valid registration");
	assert_null(test_text_in(f, &c1->hint, "en"));
	assert_string_equal(test_text(f, &c1->hint, "en"), "提示");
	assert_int_equal(c1->hazard, SEV_MAJOR);
	assert_int_equal(c1->rectify_days, 7);
	assert_string_equal(c1->dept, "transport");
	assert_int_equal(c1->local, 1);
	assert_int_equal(c1->required_always, 1);
	assert_string_equal(c1->appearance, "quick");
	assert_int_equal(c1->group, 0);
	assert_int_equal(c1->line, 3);
	assert_int_equal(f->items[0].type, FT_BEGIN_GROUP);
	assert_int_equal(f->items[3].type, FT_END_GROUP);
	assert_int_equal(f->items[3].group, 0);
	assert_int_equal(f->items[4].group, -1);
	assert_int_equal(f->items[4].line, 7);  /* the blank row is skipped */
	assert_string_equal(f->items[2].list->name, "yn");
	assert_string_equal(form_text(f, &f->items[2].list->choices[1].label, form_lang_of("en")), "No");
	assert_int_equal(form_item_index(f, "q"), 2);
	assert_int_equal(form_item_index(f, "nope"), -1);
	assert_non_null(strstr(f->survey_csv, "车辆"));
	assert_string_equal(f->origin, "mem");
	form_free(f);
}

static void plain_label_is_the_default_language(void **state)
{
	static const char survey[] = "type,name,label,label::zh\ntext,a,Plain,中文\n"
				     "text,b,Only plain,\n";
	static const char en[] = "form_id,version,default_language\nt,1,English (en)\n";
	struct form *f = test_form(survey, NULL, en);
	(void)state;
	assert_string_equal(f->default_language, "English (en)");
	assert_string_equal(test_text(f, &f->items[0].label, "en"), "Plain");
	assert_string_equal(test_text(f, &f->items[0].label, "zh"), "中文");
	assert_string_equal(test_text(f, &f->items[1].label, "en"), "Only plain");
	assert_null(test_text_in(f, &f->items[1].label, "zh"));
	assert_string_equal(test_text(f, &f->items[1].label, "zh"), "Only plain");
	assert_string_equal(form_text(f, &f->title, form_lang_of("zh")), "t"); /* no title: the id */
	form_free(f);
}

static void groups_carry_relevance(void **state)
{
	static const char survey[] =
		"type,name,label,relevant\n"
		"select_one yn,tank,Tank vehicle?,\n"
		"begin_group,tankg,Tank,${tank} = 'yes'\n"
		"begin_group,inner,Inner,\n"
		"text,x,X,\n"
		"end_group,inner,,\n"
		"end_group,,,\n"
		"text,after,After,\n";
	struct fc_err err = { 0 };
	struct test_answers yes, no, none;
	struct form *f = test_form(survey, choices, NULL);
	size_t x = (size_t)form_item_index(f, "x");
	(void)state;
	test_answers(&yes, NULL, "tank", "yes", NULL);
	test_answers(&no, NULL, "tank", "no", NULL);
	test_answers(&none, NULL, NULL);
	assert_int_equal(form_relevant(f, x, &yes.fa, &err), 1);
	assert_int_equal(form_relevant(f, x, &no.fa, &err), 0);
	assert_int_equal(form_relevant(f, x, &none.fa, &err), 0);
	assert_int_equal(form_relevant(f, 1, &no.fa, &err), 0);
	assert_int_equal(form_relevant(f, 6, &no.fa, &err), 1);
	assert_int_equal(form_relevant(f, 99, &no.fa, &err), -1);
	form_free(f);
}

/* An answer typed into an item that then stopped being relevant reads as
 * unanswered, as in XLSForm. */
static void irrelevant_answers_read_empty(void **state)
{
	static const char survey[] =
		"type,name,label,relevant,required\n"
		"select_one yn,work,Work in progress?,,\n"
		"select_one yn,permit,Permit shown?,${work} = 'yes',\n"
		"text,permit_no,Permit number,${permit} = 'yes',\n"
		"text,reason,Reason,,${permit} = 'no'\n";
	struct fc_err err = { 0 };
	struct test_answers on, off;
	struct form *f = test_form(survey, choices, NULL);
	(void)state;
	test_answers(&on, NULL, "work", "yes", "permit", "yes", NULL);
	test_answers(&off, NULL, "work", "no", "permit", "yes", NULL);
	assert_int_equal(form_relevant(f, 2, &on.fa, &err), 1);
	assert_int_equal(form_relevant(f, 2, &off.fa, &err), 0);
	test_answers(&off, NULL, "work", "no", "permit", "no", NULL);
	assert_int_equal(form_required(f, 3, &off.fa, &err), 0);
	test_answers(&on, NULL, "work", "yes", "permit", "no", NULL);
	assert_int_equal(form_required(f, 3, &on.fa, &err), 1);
	form_free(f);
}

static void check_fails(const struct form *f, const char *item, const char *value,
			const char *msg)
{
	struct fc_err err = { 0 };
	struct test_answers a;

	test_answers(&a, "2024-03-20", NULL);
	assert_int_equal(form_check_value(f, (size_t)form_item_index(f, item), value, &a.fa,
					  form_lang_of("en"), &err), -1);
	assert_string_equal(err.msg, msg);
}

static void check_ok(const struct form *f, const char *item, const char *value)
{
	struct fc_err err = { 0 };
	struct test_answers a;

	test_answers(&a, "2024-03-20", NULL);
	if (form_check_value(f, (size_t)form_item_index(f, item), value, &a.fa, form_lang_of("en"), &err))
		fail_msg("%s = '%s': %s", item, value, err.msg);
}

static void answers_checked_by_type(void **state)
{
	static const char survey[] =
		"type,name,label,hazard\n"
		"integer,n,N,\ndecimal,x,X,\ndate,d,D,\ntext,t,T,\n"
		"select_one yn,one,One,\nselect_multiple colors,many,Many,\n"
		"check,c,C,general\nnote,note,Note,\n";
	struct form *f = test_form(survey, choices, NULL);
	(void)state;
	check_ok(f, "n", "-12");
	check_fails(f, "n", "1.5", "'1.5' is not a whole number");
	check_fails(f, "n", "12a", "'12a' is not a whole number");
	check_fails(f, "n", "1\xe2\x80\xae" "2", "'1\\u202e2' is not a whole number");
	check_ok(f, "x", "3.25");
	check_ok(f, "x", "-.5");
	check_fails(f, "x", "1e3", "'1e3' is not a number");
	check_ok(f, "d", "2024-02-29");
	check_fails(f, "d", "2023-02-29", "date '2023-02-29': month 2 has no day 29");
	check_fails(f, "d", "\x1b[2J", "'\\x1b[2J' is not a date (YYYY-MM-DD)");
	check_ok(f, "t", "多行\n文字");
	check_fails(f, "t", "a\x1b", "text holds control character U+001B "
		    "at character 2");
	check_ok(f, "one", "yes");
	check_fails(f, "one", "maybe", "'maybe' is not one of the item's choices");
	check_ok(f, "many", "red blue");
	check_ok(f, "many", " blue ");
	check_fails(f, "many", "red pink", "'pink' is not one of the "
		    "item's choices");
	check_fails(f, "many", "red blue red", "'red' is chosen twice");
	check_ok(f, "c", "pass");
	check_ok(f, "c", "fail");
	check_ok(f, "c", "na");
	check_fails(f, "c", "PASS", "'PASS' is not pass, fail or na");
	check_fails(f, "note", "x", "item “Note” takes no answer");
	check_ok(f, "n", ""); /* clearing an answer is always possible */
	form_free(f);
}

static void canonical_is(const struct form *f, const char *item, const char *value,
			 const char *want)
{
	char *c = form_canonical_value(f, (size_t)form_item_index(f, item), value);
	assert_string_equal(c, want);
	free(c);
}

static void numbers_have_one_spelling(void **state)
{
	static const char survey[] = "type,name,label\ninteger,n,N\ndecimal,x,X\ntext,t,T\n";
	struct form *f = test_form(survey, NULL, NULL);
	(void)state;
	canonical_is(f, "n", "-0", "0");
	canonical_is(f, "n", "-000", "0");
	canonical_is(f, "n", "0", "0");
	canonical_is(f, "n", "007", "7");
	canonical_is(f, "n", "-007", "-7");
	canonical_is(f, "n", "-12", "-12");
	canonical_is(f, "x", "-0", "0");
	canonical_is(f, "x", "-0.00", "0.00");
	canonical_is(f, "x", "-.0", ".0");
	canonical_is(f, "x", "-0.5", "-0.5");
	canonical_is(f, "t", "-0", "-0");
	form_free(f);
}

static void language_spellings(void **state)
{
	static const char survey[] =
		"Type,Name,Label::Chinese (zh),label::English (en),label::fr,Constraint Message::zh-CN\n"
		"integer,n,数,Number,Nombre,太大\n";
	struct form *f = test_form(survey, NULL, NULL);
	(void)state;
	assert_string_equal(test_text(f, &f->items[0].label, "zh"), "数");
	assert_string_equal(test_text(f, &f->items[0].label, "en"), "Number");
	assert_string_equal(test_text(f, &f->items[0].label, "fr"), "Nombre");
	assert_string_equal(test_text(f, &f->items[0].constraint_message, "zh"), "太大");
	assert_int_equal(f->n_langs, 4);
	assert_string_equal(f->langs[0].name, "Chinese (zh)");
	assert_string_equal(f->langs[3].code, "zh"); /* zh-CN */
	form_free(f);
}

/* or_other as pyxform has it: the list gains "other", labelled Other in the
 * reader's language, and NAME_other asks for the text when it is chosen. */
static void or_other_adds_a_choice_and_a_question(void **state)
{
	static const char survey[] =
		"type,name,label::zh,label::en\n"
		"select_one yn or_other,q,问,Q\n"
		"select_multiple   yn   or_other,m,多,M\n"
		"select_one yn,plain,普通,Plain\n";
	struct form *f = test_form(survey, choices, NULL);
	struct test_answers a, other;
	struct fc_err err = { 0 };
	int q = form_item_index(f, "q"), qo = form_item_index(f, "q_other");
	(void)state;
	assert_int_equal(f->n_items, 5);
	assert_int_equal(qo, q + 1);                /* right after its select */
	assert_int_equal(f->items[qo].type, FT_TEXT);
	assert_int_equal(f->items[qo].other_of, q + 1);
	assert_string_equal(test_text(f, &f->items[qo].label, "en"), "Specify other.");
	assert_int_equal(f->items[q].list->n, 3);
	assert_string_equal(f->items[q].list->choices[2].name, "other");
	assert_string_equal(test_text(f, &f->items[q].list->choices[2].label, "en"), "Other");
	assert_string_equal(test_text(f, &f->items[q].list->choices[0].label, "zh"), "是");
	/* the list is one: pyxform adds "other" to it for its every select */
	assert_ptr_equal(f->items[form_item_index(f, "plain")].list, f->items[q].list);
	assert_true(form_item_index(f, "m_other") > 0);
	test_answers(&a, "2024-03-20", "q", "yes", NULL);
	test_answers(&other, "2024-03-20", "q", "other", "m", "no other", NULL);
	assert_int_equal(form_check_value(f, (size_t)q, "other", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_relevant(f, (size_t)qo, &a.fa, &err), 0);
	assert_int_equal(form_relevant(f, (size_t)qo, &other.fa, &err), 1);
	assert_int_equal(form_relevant(f, (size_t)form_item_index(f, "m_other"), &other.fa,
				       &err), 1);
	assert_int_equal(form_required(f, (size_t)qo, &other.fa, &err), 0);
	form_free(f);
}

/* A list with its own "other" keeps it (its label too), as pyxform does. */
static void or_other_keeps_the_lists_other(void **state)
{
	struct form *f = test_form("type,name,label\nselect_one yn or_other,q,Q\n",
				   "list_name,name,label\nyn,yes,Yes\nyn,other,Something else\n",
				   NULL);
	(void)state;
	assert_int_equal(f->items[0].list->n, 2);
	assert_string_equal(test_text(f, &f->items[0].list->choices[1].label, "en"),
			    "Something else");
	assert_int_equal(form_item_index(f, "q_other"), 1);
	form_free(f);
}

static void or_other_refused(void **state)
{
	static const struct {
		const char *survey, *choices, *want;
	} cases[] = {
		{ "type,name,label,choice_filter\nselect_one yn or_other,q,Q,name != 'no'\n",
		  choices, "mem/survey.csv:2:4: or_other with a choice_filter is not supported" },
		{ "type,name,label\nselect_one yn or_other,q,Q\ntext,q_other,Mine\n", choices,
		  "mem/survey.csv:3:2: duplicate name 'q_other'" },
		{ "type,name,label\nselect_one yn or_other,"
		  "a123456789a123456789a123456789a123456789a123456789a1234567890,Q\n", choices,
		  "mem/survey.csv:2:2: name 'a123456789a123456789a123456789a123456789a123456789"
		  "a1234567890' is too long for or_other" },
	};
	size_t i;
	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *got = test_form_problems(cases[i].survey, cases[i].choices, NULL);
		if (!strstr(got, cases[i].want))
			fail_msg("case %zu: got\n%s\nwanted %s", i, got, cases[i].want);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_what_the_files_say),
		cmocka_unit_test(plain_label_is_the_default_language),
		cmocka_unit_test(groups_carry_relevance),
		cmocka_unit_test(irrelevant_answers_read_empty),
		cmocka_unit_test(answers_checked_by_type),
		cmocka_unit_test(numbers_have_one_spelling),
		cmocka_unit_test(language_spellings),
		cmocka_unit_test(or_other_adds_a_choice_and_a_question),
		cmocka_unit_test(or_other_keeps_the_lists_other),
		cmocka_unit_test(or_other_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
