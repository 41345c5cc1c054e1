/* test_xpath_odkfn.c - ODK's functions beyond XPath 1.0 (forms/engine/
 * xpath_fn_odk.c, xpath_fn_nodeset.c; core/expr_text.c, expr_date.c,
 * expr_nodeset.c): each against the value ODK documents or JavaRosa's own
 * tests assert (XPathEvalTest, GeoAreaTest, GeoDistanceTest), not against
 * our output; a repeat's values as a nodeset; wrong argument counts named
 * at their character. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

#define U1 "0b9c5e8e-1f0a-4c55-9d1e-7a3f2b6c4d01"
#define U2 "5d2a9f10-3b4c-4e6d-8f7a-1b2c3d4e5f02"
#define U3 "7e4b1c2d-3f5a-4b6c-9d7e-8f9a0b1c2d03"

/* The value of `expr` as a calculation of a form with a text t, a date
 * d and a repeat of members (name, age, age12 = age * 12). */
static char *calc(const char *expr, const struct test_answers *a)
{
	struct strbuf sb;
	struct form *f;
	char *v;
	size_t i;

	strbuf_init(&sb);
	strbuf_adds(&sb, "type,name,label,calculation\n"
		    "text,t,T,\ndate,d,D,\n"
		    "begin_repeat,member,Member,\ntext,name,Name,\ninteger,age,Age,\n"
		    "calculate,age12,,${age} * 12\n"
		    "calculate,inside,,\"");
	for (i = 0; expr[i]; i++)
		strbuf_add(&sb, expr[i] == '"' ? "\"\"" : expr + i, 1 + (expr[i] == '"'));
	strbuf_adds(&sb, "\"\nend_repeat,,,\ncalculate,probe,,\"");
	for (i = 0; expr[i]; i++)
		strbuf_add(&sb, expr[i] == '"' ? "\"\"" : expr + i, 1 + (expr[i] == '"'));
	strbuf_adds(&sb, "\"\n");
	f = test_form(sb.buf, NULL, "form_id,version\nfx,2024.3\n");
	strbuf_release(&sb);
	v = test_value(f, a && a->fa.instance ? "inside" : "probe", a);
	form_free(f);
	return v ? v : strdup("");
}

static void is(const char *expr, const struct test_answers *a, const char *want)
{
	char *got = calc(expr, a);

	if (strcmp(got, want))
		fail_msg("%s gave '%s', not '%s'", expr, got, want);
	free(got);
}

static void none(struct test_answers *a)
{
	test_answers(a, "2026-12-02", "t", "浙B车", "d", "2024-01-01", NULL);
}

static void text_functions(void **state)
{
	struct test_answers a;
	(void)state;
	none(&a);
	is("substring-before('2024-03-01', '-')", &a, "2024");
	is("substring-after('2024-03-01', '-')", &a, "03-01");
	is("substring-before('abc', 'x')", &a, "");      /* not found: '' */
	is("substring-after('abc', 'x')", &a, "");
	is("substring-after('abc', '')", &a, "abc");
	is("substring-after(${t}, '浙')", &a, "B车");
	/* XPath 1.0's own examples */
	is("translate('bar', 'abc', 'ABC')", &a, "BAr");
	is("translate('--aaa--', 'abc-', 'ABC')", &a, "AAA");
	is("translate(${t}, '浙车', '沪')", &a, "沪B"); /* characters, not bytes */
	is("boolean-from-string('TRUE')", &a, "true");
	is("boolean-from-string('1')", &a, "true");
	is("boolean-from-string('yes')", &a, "false");
	is("digest('abc', 'MD5', 'hex')", &a, "900150983cd24fb0d6963f7d28e17f72");
	is("digest('abc', 'MD5')", &a, "kAFQmDzST7DWlj99KOF/cg=="); /* base64 by default */
	is("digest('abc', 'SHA-1', 'hex')", &a, "a9993e364706816aba3e25717850c26c9cd0d89d");
	is("digest('abc', 'SHA-256', 'base64')", &a,
	   "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
	is("substr(digest('abc', 'SHA-512', 'hex'), 0, 16)", &a, "ddaf35a193617aba");
	is("string-length(digest('abc', 'SHA-384', 'hex'))", &a, "96");
	is("base64-decode('SGVsbG8gV29ybGQh')", &a, "Hello World!");
	is("base64-decode('5rWZ')", &a, "浙");
	is("base64-decode('/w==')", &a, "\xef\xbf\xbd"); /* no UTF-8: U+FFFD, as Java */
	is("base64-decode('not base64!')", &a, "");
	is("version()", &a, "2024.3");
}

static void uuids(void **state)
{
	struct test_answers a;
	char *u1, *u2;
	(void)state;
	none(&a);
	u1 = calc("uuid()", &a);
	u2 = calc("uuid()", &a);
	if (!u1 || strlen(u1) != 36 || u1[14] != '4' || !strchr("89ab", u1[19]))
		fail_msg("uuid() gave '%s', not a version 4 UUID", u1);
	assert_string_not_equal(u1, u2);
	free(u1);
	free(u2);
	/* uuid(n): n characters of 0-9A-Z (JavaRosa's genGUID), bounded */
	u1 = calc("uuid(12)", &a);
	u2 = calc("uuid('12')", &a);
	assert_non_null(u1);
	assert_non_null(u2);
	assert_int_equal(strlen(u1), 12);
	assert_int_equal(strspn(u1, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), 12);
	assert_string_not_equal(u1, u2);
	free(u1);
	free(u2);
	is("uuid(0)", &a, "");
	is("uuid(-3)", &a, "");
	is("uuid('many')", &a, "");
	is("string-length(uuid(2.9))", &a, "2");
	is("string-length(uuid(1000000))", &a, "1024");
}

static void dates(void **state)
{
	struct test_answers a;
	(void)state;
	none(&a);
	is("date(0)", &a, "1970-01-01");
	is("date(19000)", &a, "2022-01-08");
	is("date(-1)", &a, "1969-12-31");
	is("date('2024-02-29')", &a, "2024-02-29");
	is("date('2023-02-29')", &a, "");
	is("date('2024-03-01T10:20:30.000+08:00')", &a, "2024-03-01");
	is("today() - date('2024-01-01')", &a, "1066"); /* days */
	is("date('2024-03-01') - ${d}", &a, "60");
	is("date(${d} + 31)", &a, "2024-02-01");
	is("date-time(0.5)", &a, "1970-01-01T12:00:00.000+00:00");
	/* JavaRosa's XPathEvalTest */
	is("abs(decimal-date-time('2000-01-01T10:20:30.000') - 10957.430902777778) "
	   "< 0.000000001", &a, "true");
	is("decimal-date-time('1970-01-02T00:00:00.000+12:00')", &a, "0.5");
	is("decimal-date-time(12.25)", &a, "12.25");
	is("decimal-time('18:00:00.000+08:00')", &a, "0.75"); /* its own clock */
	is("decimal-time('2024-01-01T06:00:00')", &a, "0.25");
	is("decimal-time(3.5)", &a, "0.5");
	is("decimal-time('noon')", &a, "");
}

static void geo(void **state)
{
	struct test_answers a;
	(void)state;
	none(&a);
	/* GeoAreaTest: 151452 m², to 0.5 */
	is("abs(area('38.253094215699576 21.756382658677467 0 0; 38.25021274773806 "
	   "21.756382658677467 0 0; 38.25007793942195 21.763892843919166 0 0; "
	   "38.25290886154963 21.763935759263404 0 0; 38.25146813817506 21.758421137528785 "
	   "0 0;') - 151452) < 0.5", &a, "true");
	/* GeoDistanceTest: 90° along the equator, 2π × 6378100 / 4 m */
	is("round(distance('0 1 0 0; 0 91 0 0'), 5)", &a, "10018696.05193");
	is("round(distance('0 1 0 0', '0 91 0 0'), 5)", &a, "10018696.05193");
	is("distance('0 1 0 0')", &a, "0");
	is("distance('0 1; nowhere')", &a, "");
	is("area('0 0 0 0; 0 1 0 0')", &a, "0"); /* under three points */
	/* XPathEvalTest's unit square */
	is("geofence('0.5 0.5 0 0', '0 0 0 0;0 1 0 0;1 1 0 0;1 0 0 0;0 0 0 0')", &a, "true");
	is("geofence('-1 0.5 0 0', '0 0 0 0;0 1 0 0;1 1 0 0;1 0 0 0;0 0 0 0')", &a, "false");
	is("geofence('0.5 2 0 0', '0 0 0 0;0 1 0 0;1 1 0 0;1 0 0 0;0 0 0 0')", &a, "false");
	is("geofence('0 -1 0 0', '0 0 0 0;0 1 0 0;1 1 0 0;1 0 0 0;0 0 0 0')", &a, "false");
}

static void checklists(void **state)
{
	struct test_answers a;
	(void)state;
	none(&a);
	is("checklist(2, 3, true(), true(), false())", &a, "true");
	is("checklist(-1, 1, true(), true())", &a, "false"); /* -1: no minimum */
	is("checklist(3, -1, 1, 'x', '')", &a, "false");     /* -1: no maximum */
	is("checklist(1, -1, ${t})", &a, "true");
	is("weighted-checklist(3, 5, true(), 2, true(), 2, false(), 10)", &a, "true");
	is("weighted-checklist(5, 10, true(), 2, true(), 2)", &a, "false");
	is("weighted-checklist(0, 1, true(), 'x')", &a, "false"); /* NaN weight */
}

/* The fakes of the record's instances: the pairs "member@<uuid>". */
static size_t count_members(void *ctx, const struct form *f, size_t repeat)
{
	const struct test_answers *a = ctx;
	size_t i, n = 0;

	(void)f, (void)repeat;
	for (i = 0; i + 1 < a->n; i += 2)
		n += !strncmp(a->pairs[i], "member@", 7);
	return n;
}

static int nth_member(void *ctx, const struct form *f, size_t repeat, size_t k, char *uuid)
{
	const struct test_answers *a = ctx;
	size_t i;

	(void)f, (void)repeat;
	for (i = 0; i + 1 < a->n; i += 2)
		if (!strncmp(a->pairs[i], "member@", 7) && --k == 0) {
			strcpy(uuid, a->pairs[i] + 7);
			return 0;
		}
	return -1;
}

static void members(struct test_answers *a)
{
	test_answers(a, "2026-12-02", "member@" U1, "", "member@" U2, "", "member@" U3, "",
		     "name@" U1, "王芳", "age@" U1, "34", "name@" U3, "Li", "age@" U3, "7",
		     "age@" U2, "x", NULL);
	a->fa.count = count_members;
	a->fa.instance_at = nth_member;
}

static void repeat_values(void **state)
{
	struct test_answers a;
	(void)state;
	members(&a);
	is("sum(${age})", &a, "41");               /* 'x' is NaN: skipped */
	is("sum(${age12})", &a, "492");            /* each member's calculation */
	is("max(${age})", &a, "34");
	is("min(${age})", &a, "7");
	is("max(${age}, 50)", &a, "50");
	is("join(', ', ${name})", &a, "王芳, , Li"); /* '' kept */
	is("join('-', 'a', ${name}, 'b')", &a, "a-王芳--Li-b");
	is("count-non-empty(${name})", &a, "2");
	is("count-non-empty('x')", &a, "1");
	is("join(${name}, 'a', 'b')", &a, "ab"); /* the separator is one value: '' here */
	is("sum(${age}) div count(${member})", &a, "13.666666666666666");
	/* inside an instance, ${age} is its own */
	a.fa.instance = U1;
	is("sum(${age})", &a, "34");
	is("join('+', ${name})", &a, "王芳");
	/* no instances: the empty nodeset */
	test_answers(&a, "2026-12-02", NULL);
	a.fa.count = count_members;
	a.fa.instance_at = nth_member;
	is("sum(${age})", &a, "0");
	is("max(${age})", &a, "");
	is("join(', ', ${name})", &a, "");
}

static void refused(void **state)
{
	static const struct { const char *expr, *want; } cases[] = {
		{ "substring-before('a')", "character 1: substring-before() takes 2 arguments, not 1" },
		{ "1 + translate('a', 'b')", "character 5: translate() takes 3 arguments, not 2" },
		{ "digest('a')", "character 1: digest() takes at least 2 arguments, not 1" },
		{ "digest('a', 'SHA-3')", "character 1: digest() knows the algorithms" },
		{ "digest('a', 'MD5', 'base32')", "digest() encodes as 'base64' or 'hex'" },
		{ "uuid(1, 2)", "character 1: uuid() takes at most 1 argument, not 2" },
		{ "date()", "character 1: date() takes 1 argument, not 0" },
		{ "sum(${age}, 1)", "character 1: sum() takes 1 argument, not 2" },
		{ "1 + count-non-empty()", "character 5: count-non-empty() takes 1 argument, not 0" },
		{ "geofence('0 0')", "character 1: geofence() takes 2 arguments, not 1" },
		{ "weighted-checklist(1, 2, true())", "an even number of arguments, not 3" },
		{ "checklist(1)", "character 1: checklist() takes at least 2 arguments, not 1" },
		{ "version(1)", "character 1: version() takes 0 arguments, not 1" },
		{ "sum(${nope})", "${nope} is not an item" },
	};
	struct strbuf sb;
	size_t i;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf_init(&sb);
		strbuf_addf(&sb, "type,name,label,calculation\nbegin_repeat,r,R,\n"
			    "integer,age,Age,\nend_repeat,,,\ncalculate,c,,\"%s\"\n", cases[i].expr);
		test_form_refused(i, sb.buf, cases[i].want);
		strbuf_release(&sb);
	}
	/* a calculation reading itself through a nodeset is a cycle */
	test_form_refused(99, "type,name,label,calculation\nbegin_repeat,r,R,\n"
			  "calculate,age,,sum(${age})\nend_repeat,,,\n", "age");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_functions),
		cmocka_unit_test(uuids),
		cmocka_unit_test(dates),
		cmocka_unit_test(geo),
		cmocka_unit_test(checklists),
		cmocka_unit_test(repeat_values),
		cmocka_unit_test(refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
