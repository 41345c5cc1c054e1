/* test_expr.c - form expressions: core/expr (SQLite and its application
 * functions) and the XLSForm semantics the translation (forms/engine/xpath*.c)
 * gives them, probed through a form's relevant column. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/strbuf.h"

/* --- core/expr directly ---------------------------------------------- */

static char *sql_text(const char *sql, const char *const *params, size_t n)
{
	struct fc_err err = { 0 };
	struct expr_db *db;
	struct expr *e;
	char out[256];

	assert_int_equal(expr_db_open(&db, &err), 0);
	if (expr_compile(db, sql, &e, &err))
		fail_msg("%s: %s", sql, err.msg);
	assert_int_equal(expr_eval_text(e, params, n, out, sizeof out, &err), 0);
	expr_free(e);
	expr_db_close(db);
	return strdup(out);
}

static void text_is(const char *sql, const char *want)
{
	char *got = sql_text(sql, NULL, 0);
	if (strcmp(got, want))
		fail_msg("%s gave '%s', not '%s'", sql, got, want);
	free(got);
}

static void app_functions(void **state)
{
	(void)state;
	text_is("typeof(fc_num('12'))", "integer");
	text_is("fc_num(' 3.5 ')", "3.5");
	text_is("fc_num('-0.25') * 4", "-1.0");
	text_is("fc_num('') IS NULL", "1");
	text_is("fc_num('abc') IS NULL", "1");
	text_is("fc_num('1e5') IS NULL", "1");
	text_is("fc_num('0x10') IS NULL", "1");
	text_is("fc_num('.') IS NULL", "1");
	text_is("selected('a b c', 'b')", "1");
	text_is("selected('a  b', 'c')", "0");
	text_is("selected('ab', 'a')", "0");
	text_is("selected('', '')", "0");
	text_is("count_selected(' a  b c ')", "3");
	text_is("count_selected('')", "0");
	text_is("regexp('^\\d{3}$', '123')", "1");
	text_is("regexp('^\\d{3}$', '12a')", "0");
	text_is("regexp('[[:digit:]]x', 'a1x')", "1");
	text_is("regexp('车', '浙B车')", "1");
	/* Java's escapes inside a bracket, as ODK's regex reads them */
	text_is("regexp('^[\\w-\\.]+@([\\w-]+\\.)+[\\w-]{2,}$', 'a.b-c@x-y.org')", "1");
	text_is("regexp('^[\\w-\\.]+@([\\w-]+\\.)+[\\w-]{2,}$', 'a b@x.org')", "0");
	text_is("regexp('^[\\d\\s]+$', '12 3')", "1");
	text_is("regexp('^[\\d\\s]+$', '12a')", "0");
	text_is("regexp('^[a\\-z]+$', '-az')", "1");
	text_is("regexp('^[a\\-z]+$', 'b')", "0");
	text_is("regexp('^[]x]+$', ']x')", "1");
	text_is("regexp('^[\\^]$', '^')", "1");
}

static void params_bind_as_text(void **state)
{
	const char *p[] = { "10", NULL };
	char *got;
	(void)state;
	got = sql_text("typeof(?1) || typeof(?2) || ?2", p, 2);
	assert_string_equal(got, "texttext"); /* NULL binds '' */
	free(got);
}

static void compile_fails(const char *sql, const char *want_part)
{
	struct fc_err err = { 0 };
	struct expr_db *db;
	struct expr *e = NULL;

	assert_int_equal(expr_db_open(&db, &err), 0);
	assert_int_equal(expr_compile(db, sql, &e, &err), -1);
	assert_null(e);
	if (!strstr(err.msg, want_part))
		fail_msg("%s: '%s' does not say '%s'", sql, err.msg, want_part);
	expr_db_close(db);
}

static void connection_is_locked_down(void **state)
{
	(void)state;
	compile_fails("load_extension('x')", "not authorized");
	compile_fails("randomblob(1000000000)", "not authorized");
	compile_fails("readfile('/etc/passwd')", "no such function");
	compile_fails("1; DROP TABLE x", "not a single expression");
	compile_fails("(SELECT name FROM sqlite_master)", "prohibited");
	compile_fails("1, 2", "not a single expression");
	compile_fails("1 + * 2", "syntax error");
}

static void regex_checks(void **state)
{
	struct fc_err err = { 0 };
	(void)state;
	assert_int_equal(expr_regex_check("^[A-Z]{2}\\d{4}$", &err), 0);
	assert_int_equal(expr_regex_check("[ab", &err), -1); /* never closed */
	assert_non_null(strstr(err.msg, "bad regular expression"));
	assert_int_equal(expr_regex_check("(ab", &err), -1);
	assert_non_null(strstr(err.msg, "bad regular expression"));
	assert_int_equal(expr_regex_check("(a)\\1", &err), -1);
	assert_non_null(strstr(err.msg, "back-reference"));
	assert_int_equal(expr_regex_check("((a{100}){100})", &err), -1);
	assert_non_null(strstr(err.msg, "repeats too much"));
}

/* --- XLSForm semantics, through a probe item's relevant --------------- */

static const char base[] =
	"type,name,label,relevant,hazard\n"
	"integer,age,Age,,\n"
	"integer,a,A,,\n"
	"integer,b,B,,\n"
	"decimal,dec,Dec,,\n"
	"text,t,Text,,\n"
	"text,u,U,,\n"
	"date,d,Date,,\n"
	"select_multiple colors,colors,Colors,,\n"
	"select_one yn,yn,YN,,\n"
	"check,c1,Check,,general\n";
static const char choices[] =
	"list_name,name,label\n"
	"colors,red,Red\ncolors,blue,Blue\ncolors,green,Green\n"
	"yn,yes,Yes\nyn,no,No\n";

/* Evaluates expr as the relevant of a note, with answers a. */
static int eval(const char *expr, const struct test_answers *a)
{
	struct fc_err err = { 0 };
	struct strbuf sb;
	struct form *f;
	size_t i;
	int r;

	strbuf_init(&sb);
	strbuf_addf(&sb, "%snote,probe,Probe,\"", base);
	for (i = 0; expr[i]; i++)
		strbuf_add(&sb, expr[i] == '"' ? "\"\"" : expr + i, 1 + (expr[i] == '"'));
	strbuf_adds(&sb, "\",\n");
	f = test_form(sb.buf, choices, NULL);
	strbuf_release(&sb);
	r = form_relevant(f, (size_t)form_item_index(f, "probe"), &a->fa, &err);
	if (r < 0)
		fail_msg("%s: %s", expr, err.msg);
	form_free(f);
	return r;
}

#define TRUE_(e, a) do { if (eval(e, a) != 1) fail_msg("should be true: %s", e); } while (0)
#define FALSE_(e, a) do { if (eval(e, a) != 0) fail_msg("should be false: %s", e); } while (0)

static void absent_empty_present(void **state)
{
	struct test_answers none, empty, given;
	(void)state;
	test_answers(&none, "2024-03-20", NULL);
	test_answers(&empty, "2024-03-20", "t", "", "age", "", NULL);
	test_answers(&given, "2024-03-20", "t", "x", "age", "7", NULL);
	TRUE_("${t} = ''", &none);
	TRUE_("${t} = ''", &empty);
	FALSE_("${t} = ''", &given);
	FALSE_("${t} != ''", &none);
	TRUE_("${t} != ''", &given);
	TRUE_("${age} = ''", &none);
	TRUE_("${age} = ''", &empty);
	FALSE_("${age} = ''", &given);
	FALSE_("${age} > 5", &none);   /* NaN compares false ... */
	FALSE_("${age} < 5", &empty);
	TRUE_("${age} != 5", &none);   /* ... except != */
	TRUE_("${age} > 5", &given);
	FALSE_("${t}", &none);         /* a string is true when non-empty */
	TRUE_("${t}", &given);
	TRUE_("not(${t})", &empty);
	TRUE_("string-length(${t}) = 0", &none);
}

static void numbers_compare_as_numbers(void **state)
{
	struct test_answers a;
	(void)state;
	test_answers(&a, "2024-03-20", "age", "10", "a", "10", "b", "9", "t", "10",
		     "u", "9", "dec", "2.50", NULL);
	TRUE_("${age} > 9", &a);       /* as text '10' < '9' */
	FALSE_("${age} < 9", &a);
	TRUE_("${age} = 10", &a);
	TRUE_("${age} = 10.0", &a);
	TRUE_("${age} = '10'", &a);
	TRUE_("${age} > '9'", &a);
	TRUE_("${a} > ${b}", &a);      /* two integer answers */
	TRUE_("${a} = ${age}", &a);
	TRUE_("${t} > 9", &a);         /* text that looks numeric, against a number */
	TRUE_("${t} = 10", &a);
	TRUE_("${dec} = 2.5", &a);
	TRUE_("${dec} * 2 = 5", &a);
	TRUE_("${t} < ${u}", &a);      /* two texts compare as text */
	FALSE_("${t} = 'x'", &a);
	TRUE_("${t} = '10'", &a);
}

static void arithmetic(void **state)
{
	struct test_answers a;
	(void)state;
	test_answers(&a, "2024-03-20", "age", "10", "t", "abc", NULL);
	TRUE_("5 div 2 = 2.5", &a);
	TRUE_("7 mod 3 = 1", &a);
	TRUE_("2 + 3 * 4 = 14", &a);
	TRUE_("(2 + 3) * 4 = 20", &a);
	TRUE_("-${age} = -10", &a);
	TRUE_("- - 3 = 3", &a);
	TRUE_("10 - 2 - 3 = 5", &a);
	TRUE_("${age} div 4 = 2.5", &a);
	FALSE_("${t} + 1 = 1", &a);    /* NaN */
	FALSE_("1 div 0 = 1", &a);
	TRUE_(".5 + 0.5 = 1", &a);
	TRUE_("int(7 div 2) = 3", &a);
	TRUE_("number('4') + 1 = 5", &a);
}

static void logic(void **state)
{
	struct test_answers a;
	(void)state;
	test_answers(&a, "2024-03-20", "yn", "yes", NULL);
	TRUE_("1 = 1 or 1 = 2 and 1 = 2", &a);   /* and binds tighter */
	FALSE_("(1 = 1 or 1 = 2) and 1 = 2", &a);
	TRUE_("not(${yn} = 'no')", &a);
	TRUE_("true() and not(false())", &a);
	TRUE_("${yn} = \"yes\"", &a);
	TRUE_("\"it's\" = concat('it', \"'s\")", &a); /* XPath has no escapes */
	TRUE_("(${yn} = 'yes') = true()", &a);
	TRUE_("boolean('x') and not(boolean(''))", &a);
	TRUE_("1 < 2 = true()", &a);
}

static void dates(void **state)
{
	struct test_answers a;
	(void)state;
	test_answers(&a, "2024-03-20", "d", "2024-03-01", NULL);
	TRUE_("${d} < '2024-12-01'", &a);
	TRUE_("${d} >= '2024-03-01'", &a);
	TRUE_("${d} < today()", &a);
	TRUE_("today() = '2024-03-20'", &a);
	TRUE_("today() - ${d} = 19", &a);
	TRUE_("today() - ${d} > 10", &a);
	FALSE_("${d} > today()", &a);
}

static void selects(void **state)
{
	struct test_answers a, none;
	(void)state;
	test_answers(&a, "2024-03-20", "colors", "red blue", "yn", "no", NULL);
	test_answers(&none, "2024-03-20", NULL);
	TRUE_("selected(${colors}, 'red')", &a);
	TRUE_("selected(${colors}, 'blue')", &a);
	FALSE_("selected(${colors}, 'green')", &a);
	FALSE_("selected(${colors}, 're')", &a);
	TRUE_("count-selected(${colors}) = 2", &a);
	TRUE_("count-selected(${colors}) > 1", &a);
	TRUE_("count-selected(${colors}) = 0", &none);
	FALSE_("selected(${colors}, 'red')", &none);
	TRUE_("selected(${yn}, 'no')", &a);
	TRUE_("not(selected(${colors}, 'red')) or ${yn} = 'no'", &a);
}

static void functions(void **state)
{
	struct test_answers a;
	(void)state;
	test_answers(&a, "2024-03-20", "age", "20", "t", "AB1234", "u", "", NULL);
	TRUE_("if(${age} > 17, 'adult', 'minor') = 'adult'", &a);
	TRUE_("if(${age} < 17, 1, 2) = 2", &a);
	TRUE_("concat(${t}, '-', ${age}) = 'AB1234-20'", &a);
	TRUE_("concat() = ''", &a);
	TRUE_("concat(1 + 1) = '2'", &a);
	TRUE_("regex(${t}, '^[A-Z]{2}\\d{4}$')", &a);
	FALSE_("regex(${t}, '^\\d+$')", &a);
	TRUE_("regex(${t}, '12')", &a);               /* a search, as in ODK */
	TRUE_("contains(${t}, 'B12') and starts-with(${t}, 'AB')", &a);
	TRUE_("coalesce(${u}, 'none') = 'none'", &a);
	TRUE_("string(${age}) = '20'", &a);
	TRUE_("string-length('车辆') = 2", &a);
}

/* The ODK function library beyond XPath 1.0, with the values ODK's
 * documentation gives (round half away from zero at places, substr 0-based
 * with an exclusive end, selected-at 0-based, format-date's codes). */
static void odk_functions(void **state)
{
	struct test_answers a;
	(void)state;
	test_answers(&a, "2024-03-20", "age", "10", "t", "abc", "d", "2024-03-01",
		     "colors", "red blue", "yn", "no", NULL);
	TRUE_("round(2.5) = 3 and round(-2.5) = -2", &a);        /* XPath: floor(x + 0.5) */
	TRUE_("round(2.125, 2) = 2.13 and round(-2.125, 2) = -2.13", &a);
	TRUE_("round(1234.5, -2) = 1200", &a);
	TRUE_("pow(2, 10) = 1024 and sqrt(16) = 4", &a);
	FALSE_("sqrt(-1) = sqrt(-1)", &a);                       /* NaN */
	TRUE_("floor(-1.5) = -2 and ceiling(1.2) = 2 and abs(-3) = 3", &a);
	TRUE_("max(1, ${age}, 3) = 10 and min(4, 2.5, 3) = 2.5 and max(7) = 7", &a);
	FALSE_("max(1, ${t}) = 1", &a);                          /* NaN wins */
	TRUE_("substr('Hello', 1, 3) = 'el'", &a);
	TRUE_("substr('浙B12345', 0, 1) = '浙' and substr(${t}, 1) = 'bc'", &a);
	TRUE_("substr('abc', 5) = '' and substr('abcdef', -2) = 'ef'", &a);
	TRUE_("ends-with(${t}, 'bc') and not(ends-with(${t}, 'b')) and ends-with(${t}, '')", &a);
	TRUE_("selected-at('a b c', 1) = 'b' and selected-at(${colors}, 0) = 'red'", &a);
	TRUE_("selected-at('a', 3) = ''", &a);
	TRUE_("format-date('2024-03-20', '%Y/%n/%e %a %b') = '2024/3/20 Wed Mar'", &a);
	TRUE_("format-date(${d}, '%d.%m.%y') = '01.03.24'", &a);
	TRUE_("format-date('2024-02-30', '%Y') = ''", &a);
	TRUE_("format-date-time('2024-03-20T07:05:09.123+08:00', '%H:%M:%S.%3 %h') = "
	      "'07:05:09.123 7'", &a);
	TRUE_("string-length(now()) = 25 and substr(now(), 0, 10) >= '2024-01-01'", &a);
	TRUE_("jr:choice-name(${yn}, '${yn}') = 'No'", &a);
	TRUE_("jr:choice-name('purple', '${colors}') = ''", &a);
	/* numbers as text, as XPath's string() writes them */
	TRUE_("string(6 div 2) = '3' and string(2.50) = '2.5' and string(-0.0) = '0'", &a);
	TRUE_("string(0.1 + 0.2) = '0.30000000000000004'", &a);
	TRUE_("string(${t} + 1) = 'NaN'", &a);
}

/* Spreadsheets turn typed quotes into typographic ones; they read as ASCII
 * quotes (as pyxform reads them), and a quote of the other kind is text. */
static void typographic_quotes(void **state)
{
	struct test_answers a;
	(void)state;
	test_answers(&a, "2024-03-20", "yn", "no", "t", "it's", NULL);
	TRUE_("${yn} = \u201cno\u201d", &a);
	TRUE_("${yn} = \u2018no\u2019", &a);
	TRUE_("${t} = \u201cit's\u201d", &a);
	TRUE_("concat(\u2018it\u2019, \"'s\") = ${t}", &a);
}

/* What cannot be had is refused when the form loads, saying why. */
static void functions_refused(void **state)
{
	static const struct { const char *expr, *want; } cases[] = {
		{ "once(1) = 1", "once() keeps a calculation's value: it must be the whole" },
		{ "jr:choice-name(${yn}, 'yn') = ''", "wants a select's name in quotes" },
		{ "jr:choice-name(${yn}, '${age}') = ''", "wants a select's name in quotes" },
		{ "round() = 1", "round() takes at least 1 argument, not 0" },
		{ "substr('a', 1, 2, 3) = ''", "substr() takes at most 3 arguments, not 4" },
		{ "${yn} = \u201ano\u201d", "full-width punctuation" },
	};
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *survey = xstrfmt("%snote,probe,Probe,\"%s\",\n", base, cases[i].expr);
		char *got = test_form_problems(survey, choices, NULL);
		if (!strstr(got, cases[i].want))
			fail_msg("%s: wanted '%s' in '%s'", cases[i].expr, cases[i].want, got);
		free(got);
		free(survey);
	}
}

#define VALUE_IS test_value_is

/* calculate items: their value is their calculation's, read by other
 * expressions like an answer, empty when they do not apply; they take no
 * answer and are not counted as questions. */
static void calculations(void **state)
{
	static const char survey[] =
		"type,name,label,relevant,calculation\n"
		"integer,a,A,,\n"
		"integer,b,B,,\n"
		"select_one yn,yn,YN,,\n"
		"calculate,total,,,${a} + ${b}\n"
		"calculate,big,,,\"if(${total} > 10, 'big', 'small')\"\n"
		"calculate,half,,${a} != '',round(${a} div 2)\n"
		"calculate,word,,,\"jr:choice-name(${yn}, '${yn}')\"\n"
		"note,warn,Total over 10,${total} > 10,\n";
	static const char lists[] = "list_name,name,label::zh,label::en\nyn,yes,是,Yes\nyn,no,否,No\n";
	struct fc_err err = { 0 };
	struct test_answers a, none;
	struct form *f = test_form(survey, lists, NULL);
	(void)state;

	test_answers(&a, "2024-03-20", "a", "5", "b", "10", "yn", "no", NULL);
	test_answers(&none, "2024-03-20", NULL);
	VALUE_IS(f, "total", &a, "15");
	VALUE_IS(f, "big", &a, "big");
	VALUE_IS(f, "half", &a, "3");
	VALUE_IS(f, "word", &a, "否");
	a.fa.lang = form_lang_of("en");
	VALUE_IS(f, "word", &a, "No");
	VALUE_IS(f, "a", &a, "5");
	assert_int_equal(form_relevant(f, (size_t)form_item_index(f, "warn"), &a.fa, &err), 1);
	VALUE_IS(f, "half", &none, NULL);              /* does not apply */
	VALUE_IS(f, "total", &none, NULL);             /* NaN reads as '' */
	VALUE_IS(f, "big", &none, "small");
	assert_int_equal(form_relevant(f, (size_t)form_item_index(f, "warn"), &none.fa, &err), 0);
	assert_false(form_item_answerable(&f->items[form_item_index(f, "total")]));
	assert_int_equal(form_count_questions(f), 3);
	{ /* a label shows the values it names */
		char *s = form_fill(f, "Total ${total} of ${a}; ${nope} ${word}", &a.fa);
		assert_string_equal(s, "Total 15 of 5;  No");
		free(s);
		s = form_fill(f, "${total} and ${", &none.fa);
		assert_string_equal(s, " and ${");
		free(s);
	}
	form_free(f);
}

/* Metadata types are filled from what the caller says of the inspection;
 * older type spellings pyxform takes load as today's. */
static void metadata_and_old_spellings(void **state)
{
	static const char survey[] =
		"type,name,label,calculation\n"
		"start,s,,\n"
		"today,d,,\n"
		"username,u,,\n"
		"phonenumber,p,,\n"
		"audit,audit,,\n"
		"string,t,T,\n"
		"int,n,N,\n"
		"select one from yn,q,Q,\n"
		"select all that apply yn,m,M,\n"
		"calculate,age,,today() - ${d}\n";
	static const char lists[] = "list_name,name,label\nyn,yes,Yes\nyn,no,No\n";
	struct form *f = test_form(survey, lists, NULL);
	struct test_answers a;
	(void)state;

	test_answers(&a, "2024-03-20", NULL);
	a.fa.meta.start = "2024-03-18T09:30:00+08:00";
	a.fa.meta.today = "2024-03-18";
	a.fa.meta.username = "ZJ-0001";
	VALUE_IS(f, "s", &a, "2024-03-18T09:30:00+08:00");
	VALUE_IS(f, "u", &a, "ZJ-0001");
	VALUE_IS(f, "p", &a, NULL);
	VALUE_IS(f, "age", &a, "2");
	assert_int_equal(f->items[form_item_index(f, "t")].type, FT_TEXT);
	assert_int_equal(f->items[form_item_index(f, "n")].type, FT_INTEGER);
	assert_int_equal(f->items[form_item_index(f, "q")].type, FT_SELECT_ONE);
	assert_int_equal(f->items[form_item_index(f, "m")].type, FT_SELECT_MULTIPLE);
	assert_int_equal(form_count_questions(f), 4);
	form_free(f);
}

/* choice_filter: cascading selects.  A choice is offered when the filter,
 * reading the choice's own columns by name and answers as ${name}, holds;
 * an answer outside what is offered is refused. */
static void cascading_selects(void **state)
{
	static const char survey[] =
		"type,name,label,choice_filter\n"
		"select_one state,state,State,\n"
		"select_one county,county,County,state=${state}\n"
		"select_multiple county,counties,Counties,\"state=${state} or big='yes'\"\n";
	static const char lists[] =
		"list_name,name,label,state,big\n"
		"state,texas,Texas,,\nstate,washington,Washington,,\n"
		"county,harris,Harris,texas,yes\ncounty,travis,Travis,texas,\n"
		"county,king,King,washington,\ncounty,pierce,Pierce,washington,\n";
	struct form *f = test_form(survey, lists, NULL);
	size_t county = (size_t)form_item_index(f, "county");
	size_t counties = (size_t)form_item_index(f, "counties");
	struct fc_err err = { 0 };
	struct test_answers a;
	(void)state;

	assert_int_equal(f->n_choice_cols, 2);
	test_answers(&a, "2024-03-20", "state", "texas", NULL);
	assert_int_equal(form_choice_allowed(f, county, 0, &a.fa, &err), 1);  /* harris */
	assert_int_equal(form_choice_allowed(f, county, 2, &a.fa, &err), 0);  /* king */
	assert_int_equal(form_check_value(f, county, "travis", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, county, "king", &a.fa, form_lang_of("en"), &err), -1);
	assert_non_null(strstr(err.msg, "King"));
	test_answers(&a, "2024-03-20", "state", "washington", NULL);
	assert_int_equal(form_check_value(f, counties, "king harris", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, counties, "king travis", &a.fa, form_lang_of("en"), &err), -1);
	form_free(f);

	{ /* a filter that names no column reads it empty (a warning), as ODK
	   * reads a child the choice does not have; a bare name anywhere else
	   * is refused */
		struct form *t = test_form("type,name,label,choice_filter\n"
					   "select_one county,c,C,statex=1\n",
					   lists, NULL);
		char *got;
		assert_int_equal(t->warnings.n, 1);
		assert_non_null(strstr(t->warnings.msgs[0], "'statex' is no column of the "
				       "choices: it reads as empty"));
		test_answers(&a, "2024-03-20", NULL);
		assert_int_equal(form_choice_allowed(t, 0, 0, &a.fa, &err), 0);
		form_free(t);
		got = test_form_problems("type,name,label,relevant\ntext,t,T,state = 1\n",
					 lists, NULL);
		assert_non_null(strstr(got, "'state' is not a value"));
		free(got);
	}
	{ /* pyxform ignores a choice_filter on what is no select: a warning */
		struct form *t = test_form("type,name,label,choice_filter\ntext,t,T,1 = 1\n",
					   NULL, NULL);
		assert_int_equal(t->warnings.n, 1);
		assert_non_null(strstr(t->warnings.msgs[0], "choice_filter is not used for items "
				       "of type text"));
		form_free(t);
	}
}

/* A calculation that reads itself, a calculate without one, a calculation
 * on a note (a question's is test_forms_calc's): refused when the form
 * loads. */
static void calculations_refused(void **state)
{
	char *got;
	(void)state;

	got = test_form_problems("type,name,label,calculation\ncalculate,c,,${d} + 1\n"
				 "calculate,d,,${c}\n", NULL, NULL);
	assert_non_null(strstr(got, "calculation is circular: 'c' -> 'd' -> 'c'"));
	free(got);
	got = test_form_problems("type,name,label,calculation\ncalculate,c,,\n", NULL, NULL);
	assert_non_null(strstr(got, "calculate item 'c' has no calculation"));
	free(got);
	got = test_form_problems("type,name,label,calculation\nnote,t,T,1 + 1\n", NULL, NULL);
	assert_non_null(strstr(got, "calculation does not apply to items of type note"));
	free(got);
	got = test_form_problems("type,name,label,calculation\ncalculate,c,,1 +\n", NULL, NULL);
	assert_non_null(strstr(got, "calculation: character"));
	free(got);
	got = test_form_problems("type,name,label,hint::en\ntext,t,Is ${nope}?,See ${g}\n"
				 "begin_group,g,G,\nend_group,,,\n", NULL, NULL);
	assert_non_null(strstr(got, "survey.csv:2:3: label: ${nope} is not an item with a value"));
	assert_non_null(strstr(got, "survey.csv:2:4: hint::en: ${g} is not an item with a value"));
	free(got);
}

/* `.` is the item's own value: the value being checked in a constraint. */
static void dot_is_the_value(void **state)
{
	static const char survey[] =
		"type,name,label,constraint,constraint_message::en,constraint_message::zh\n"
		"integer,age,Age,. >= 18 and . < 150,Must be 18 to 149,须在18至149之间\n"
		"text,plate,Plate,\"regex(., '^[A-Z]{2}[0-9]{4}$')\",,\n"
		"date,d,Date,. <= today(),,\n"
		"select_multiple colors,colors,Colors,count-selected(.) <= 2,,\n"
		"integer,n,N,${n} > 0,,\n";
	struct fc_err err = { 0 };
	struct test_answers a;
	struct form *f = test_form(survey, choices, NULL);
	(void)state;
	test_answers(&a, "2024-03-20", NULL);
	assert_int_equal(form_check_value(f, 0, "20", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 0, "17", &a.fa, form_lang_of("en"), &err), -1);
	assert_string_equal(err.msg, "Must be 18 to 149");
	assert_int_equal(form_check_value(f, 0, "150", &a.fa, form_lang_of("zh"), &err), -1);
	assert_string_equal(err.msg, "须在18至149之间");
	assert_int_equal(form_check_value(f, 0, "", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 1, "AB1234", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 1, "ab1234", &a.fa, form_lang_of("en"), &err), -1);
	assert_string_equal(err.msg, "the answer does not meet the item's constraint: "
			    "regex(., '^[A-Z]{2}[0-9]{4}$')");
	assert_int_equal(form_check_value(f, 2, "2024-03-20", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 2, "2024-03-21", &a.fa, form_lang_of("en"), &err), -1);
	assert_int_equal(form_check_value(f, 3, "red blue", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 3, "red blue green", &a.fa, form_lang_of("en"), &err), -1);
	test_answers(&a, "2024-03-20", "n", "5", NULL); /* ${n} in n's constraint is . */
	assert_int_equal(form_check_value(f, 4, "-1", &a.fa, form_lang_of("en"), &err), -1);
	test_answers(&a, "2024-03-20", "n", "-5", NULL);
	assert_int_equal(form_check_value(f, 4, "1", &a.fa, form_lang_of("en"), &err), 0);
	form_free(f);
}

static void required_expressions(void **state)
{
	static const char survey[] =
		"type,name,label,required\n"
		"select_one yn,yn,YN,yes\n"
		"text,why,Why,${yn} = 'no'\n"
		"text,free,Free,\n"
		"note,n,Note,\n"
		"integer,count,Count,true()\n";
	struct fc_err err = { 0 };
	struct test_answers no, yes, none;
	struct form *f = test_form(survey, choices, NULL);
	(void)state;
	test_answers(&no, NULL, "yn", "no", NULL);
	test_answers(&yes, NULL, "yn", "yes", NULL);
	test_answers(&none, NULL, NULL);
	assert_int_equal(form_required(f, 0, &none.fa, &err), 1);
	assert_int_equal(form_required(f, 1, &no.fa, &err), 1);
	assert_int_equal(form_required(f, 1, &yes.fa, &err), 0);
	assert_int_equal(form_required(f, 1, &none.fa, &err), 0);
	assert_int_equal(form_required(f, 2, &none.fa, &err), 0);
	assert_int_equal(form_required(f, 3, &none.fa, &err), 0);
	assert_int_equal(form_required(f, 4, &none.fa, &err), 1);
	form_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(app_functions),
		cmocka_unit_test(params_bind_as_text),
		cmocka_unit_test(connection_is_locked_down),
		cmocka_unit_test(regex_checks),
		cmocka_unit_test(absent_empty_present),
		cmocka_unit_test(numbers_compare_as_numbers),
		cmocka_unit_test(arithmetic),
		cmocka_unit_test(logic),
		cmocka_unit_test(dates),
		cmocka_unit_test(selects),
		cmocka_unit_test(functions),
		cmocka_unit_test(odk_functions),
		cmocka_unit_test(typographic_quotes),
		cmocka_unit_test(functions_refused),
		cmocka_unit_test(calculations),
		cmocka_unit_test(calculations_refused),
		cmocka_unit_test(metadata_and_old_spellings),
		cmocka_unit_test(cascading_selects),
		cmocka_unit_test(dot_is_the_value),
		cmocka_unit_test(required_expressions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
