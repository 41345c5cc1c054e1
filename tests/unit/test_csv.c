/* test_csv.c - the RFC 4180 reader behind form files (forms/engine/csv.c). */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "forms/engine/csv.h"

/* Parses s; asserts it parses. */
static void parse_ok(const char *s, struct csv *c)
{
	struct fc_err err = { 0 };
	int rc = csv_parse(s, strlen(s), "t.csv", c, &err);

	if (rc)
		fail_msg("csv_parse failed: %s", err.msg);
}

/* Parses s (n bytes); asserts it fails with exactly `msg`. */
static void parse_fails(const char *s, size_t n, const char *msg)
{
	struct fc_err err = { 0 };
	struct csv c;

	assert_int_equal(csv_parse(s, n, "t.csv", &c, &err), -1);
	assert_string_equal(err.msg, msg);
	assert_int_equal(c.n, 0);
	csv_release(&c);
}

static void cell_is(const struct csv *c, size_t r, size_t k, const char *want)
{
	assert_true(r < c->n);
	assert_true(k < c->rows[r].n);
	assert_string_equal(c->rows[r].cells[k].s, want);
	assert_int_equal(c->rows[r].cells[k].len, strlen(want));
}

static void plain_rows(void **state)
{
	struct csv c;
	(void)state;
	parse_ok("a,b,c\n1,2,3\n", &c);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.rows[0].n, 3);
	cell_is(&c, 0, 0, "a");
	cell_is(&c, 1, 2, "3");
	assert_int_equal(c.rows[1].line, 2);
	csv_release(&c);
}

static void quoted_fields(void **state)
{
	struct csv c;
	(void)state;
	parse_ok("\"a,b\",\"say \"\"hi\"\"\",\"\"\n", &c);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.rows[0].n, 3);
	cell_is(&c, 0, 0, "a,b");
	cell_is(&c, 0, 1, "say \"hi\"");
	cell_is(&c, 0, 2, "");
	csv_release(&c);
}

static void embedded_newlines(void **state)
{
	struct csv c;
	(void)state;
	parse_ok("x,\"line one\r\nline two\nthree\"\ny,z\n", &c);
	assert_int_equal(c.n, 2);
	cell_is(&c, 0, 1, "line one\nline two\nthree"); /* CRLF inside becomes LF */
	assert_int_equal(c.rows[0].cells[1].line, 1);
	assert_int_equal(c.rows[1].line, 4);        /* physical lines counted */
	csv_release(&c);
}

static void crlf_and_bom(void **state)
{
	struct csv c;
	(void)state;
	parse_ok("\xef\xbb\xbftype,name\r\ntext,q1\r\n", &c);
	assert_int_equal(c.n, 2);
	cell_is(&c, 0, 0, "type");
	cell_is(&c, 1, 1, "q1");
	csv_release(&c);
}

static void no_final_newline(void **state)
{
	struct csv c;
	(void)state;
	parse_ok("a,b\n1,2", &c);
	assert_int_equal(c.n, 2);
	cell_is(&c, 1, 1, "2");
	csv_release(&c);
	parse_ok("a,\"b\"", &c);
	assert_int_equal(c.n, 1);
	cell_is(&c, 0, 1, "b");
	csv_release(&c);
}

static void empty_fields(void **state)
{
	struct csv c;
	(void)state;
	parse_ok(",,\n\n,x,\n", &c);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.rows[0].n, 3);
	cell_is(&c, 0, 0, "");
	cell_is(&c, 0, 2, "");
	assert_int_equal(c.rows[1].n, 1); /* an empty line is a row of one empty field */
	cell_is(&c, 2, 1, "x");
	assert_int_equal(c.rows[2].n, 3);
	csv_release(&c);
	parse_ok("", &c);
	assert_int_equal(c.n, 0);
	csv_release(&c);
	parse_ok("\xef\xbb\xbf", &c);
	assert_int_equal(c.n, 0);
	csv_release(&c);
}

static void utf8_text(void **state)
{
	struct csv c;
	(void)state;
	parse_ok("label::zh\n车辆是否具有有效行驶证\n", &c);
	cell_is(&c, 1, 0, "车辆是否具有有效行驶证");
	csv_release(&c);
}

static void lone_cr_ends_a_line(void **state)
{
	struct csv c;
	(void)state;
	parse_ok("a,b\rc,d\r", &c);
	assert_int_equal(c.n, 2);
	cell_is(&c, 1, 0, "c");
	csv_release(&c);
}

static void stray_quote(void **state)
{
	const char *s = "a,b\nx,ab\"c\n";
	(void)state;
	parse_fails(s, strlen(s), "t.csv:2:2: stray quote: a field holding '\"' must be "
		    "quoted and the quote doubled");
}

static void text_after_closing_quote(void **state)
{
	const char *s = "a,b\n\"x\"y,z\n";
	(void)state;
	parse_fails(s, strlen(s), "t.csv:2:1: text after the closing quote of a quoted field");
}

static void unclosed_quote(void **state)
{
	const char *s = "a,b\nc,\"never\nclosed\n";
	(void)state;
	parse_fails(s, strlen(s), "t.csv:2:2: quoted field is never closed");
}

static void invalid_utf8(void **state)
{
	const char *s = "a,b\nc,d\xff\n";
	const char *over = "a,\xc0\xaf\n";
	const char *cut = "a,\xe8\xbd\n";
	(void)state;
	parse_fails(s, strlen(s), "t.csv:2:2: invalid UTF-8 (byte 0xff)");
	parse_fails(over, strlen(over), "t.csv:1:2: invalid UTF-8 (byte 0xc0)");
	parse_fails(cut, strlen(cut), "t.csv:1:2: invalid UTF-8 (byte 0xe8)");
}

static void nul_byte(void **state)
{
	static const char s[] = "a,b\nc,\"d\0e\"\n";
	(void)state;
	parse_fails(s, sizeof s - 1, "t.csv:2:2: NUL byte");
}

static void field_too_long(void **state)
{
	size_t n = CSV_FIELD_MAX + 10;
	char *s = malloc(n + 8);
	(void)state;
	memcpy(s, "a,", 2);
	memset(s + 2, 'x', n);
	parse_fails(s, n + 2, "t.csv:1:2: field is longer than 64 KiB");
	free(s);
}

static void file_too_large(void **state)
{
	size_t n = CSV_FILE_MAX + 1;
	char *s = calloc(1, n);
	(void)state;
	memset(s, 'x', n);
	parse_fails(s, n, "t.csv: file is too large (4194305 bytes; at most 4 MiB)");
	free(s);
}

static void too_many_fields(void **state)
{
	char s[CSV_COLS_MAX + 8];
	(void)state;
	memset(s, ',', sizeof s - 1);
	s[sizeof s - 1] = '\0';
	parse_fails(s, strlen(s), "t.csv:1:257: more than 256 fields in a row");
}

static void no_where_gives_bare_message(void **state)
{
	struct fc_err err = { 0 };
	struct csv c;
	(void)state;
	assert_int_equal(csv_parse("a\n\"b", 4, NULL, &c, &err), -1);
	assert_string_equal(err.msg, "quoted field is never closed");
	assert_int_equal(c.err_line, 2);
	assert_int_equal(c.err_col, 1);
	csv_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_rows),
		cmocka_unit_test(quoted_fields),
		cmocka_unit_test(embedded_newlines),
		cmocka_unit_test(crlf_and_bom),
		cmocka_unit_test(no_final_newline),
		cmocka_unit_test(empty_fields),
		cmocka_unit_test(utf8_text),
		cmocka_unit_test(lone_cr_ends_a_line),
		cmocka_unit_test(stray_quote),
		cmocka_unit_test(text_after_closing_quote),
		cmocka_unit_test(unclosed_quote),
		cmocka_unit_test(invalid_utf8),
		cmocka_unit_test(nul_byte),
		cmocka_unit_test(field_too_long),
		cmocka_unit_test(file_too_large),
		cmocka_unit_test(too_many_fields),
		cmocka_unit_test(no_where_gives_bare_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
