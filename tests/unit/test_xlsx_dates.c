/* test_xlsx_dates.c - numbers in date and time formats read as pyxform
 * reads them (forms/engine/xlsx_styles.c, xlsx_date.c): which format codes
 * are dates, serials written as openpyxl and Python's str() write them in
 * both date systems, hostile styles refused, and a date default loading.
 * Expected texts are worked out from the serial rules: days from
 * 1899-12-30 (1904-01-01 with date1904), serials below 60 a day on for
 * Excel's 1900-02-29, fractions of a day rounded to the millisecond. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/form.h"
#include "forms/engine/xlsx.h"
#include "forms/engine/xlsx_impl.h"
#include "forms/engine/zip.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RELNS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* A workbook of one sheet, survey, whose rows are `rows`; styles.xml holds
 * `styles` (no part if NULL), found through the workbook's relationship
 * (or, `by_rel` 0, only at xl/styles.xml as openpyxl looks);
 * workbookPr says date1904="`d1904`" unless NULL. */
static void dated_book(struct strbuf *out, const char *styles, int by_rel, const char *d1904,
		       const char *rows)
{
	struct zip_writer w;
	char *sheet = xstrfmt(HEAD "<worksheet " MAIN "><sheetData>%s</sheetData></worksheet>",
			      rows);
	char *book = xstrfmt(HEAD "<workbook " MAIN " xmlns:r=\"" RELNS "\">%s%s%s<sheets>"
			     "<sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
			     "</workbook>", d1904 ? "<workbookPr date1904=\"" : "",
			     d1904 ? d1904 : "", d1904 ? "\"/>" : "");
	char *rels = xstrfmt(HEAD "<Relationships xmlns=\"http://schemas.openxmlformats."
			     "org/package/2006/relationships\">"
			     "<Relationship Id=\"rId1\" Type=\"" RELNS "/worksheet\" "
			     "Target=\"worksheets/sheet1.xml\"/>%s</Relationships>",
			     by_rel ? "<Relationship Id=\"rId2\" Type=\"" RELNS "/styles\" "
			     "Target=\"theme/st.xml\"/>" : "");
	static const char root[] = HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" RELNS
		"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

	strbuf_init(out);
	zip_write_init(&w, out);
	zip_write_add(&w, "_rels/.rels", root, strlen(root));
	zip_write_add(&w, "xl/workbook.xml", book, strlen(book));
	zip_write_add(&w, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
	if (styles)
		zip_write_add(&w, by_rel ? "xl/theme/st.xml" : "xl/styles.xml", styles,
			      strlen(styles));
	zip_write_add(&w, "xl/worksheets/sheet1.xml", sheet, strlen(sheet));
	zip_write_finish(&w);
	free(sheet);
	free(book);
	free(rels);
}

/* Styles 0..11: General; 14 (mm-dd-yy); custom yyyy-mm-dd; a locale's
 * date; 21 (h:mm:ss); 46 ([h]:mm:ss); quoted "day"; [Red]; 2 (0.00); an
 * escaped \d; MM/DD/YY; 14 given a custom code 0.00, which wins. */
#define STYLES HEAD "<styleSheet " MAIN "><numFmts count=\"6\">" \
	"<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>" \
	"<numFmt numFmtId=\"165\" formatCode=\"[$-409]d-mmm-yy;@\"/>" \
	"<numFmt numFmtId=\"166\" formatCode=\"&quot;day&quot; 0\"/>" \
	"<numFmt numFmtId=\"167\" formatCode=\"[Red]0.00\"/>" \
	"<numFmt numFmtId=\"168\" formatCode=\"\\d0\"/>" \
	"<numFmt numFmtId=\"169\" formatCode=\"MM/DD/YY\"/></numFmts>" \
	"<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>" \
	"<cellXfs count=\"12\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>" \
	"<xf numFmtId=\"165\"/><xf numFmtId=\"21\"/><xf numFmtId=\"46\"/><xf numFmtId=\"166\"/>" \
	"<xf numFmtId=\"167\"/><xf numFmtId=\"2\"/><xf numFmtId=\"168\"/><xf numFmtId=\"169\"/>" \
	"<xf numFmtId=\"170\"/></cellXfs></styleSheet>"
/* the same with 170 = 14's slot given a number code (custom ids win) */
#define STYLES_OVERRIDE HEAD "<styleSheet " MAIN "><numFmts><numFmt numFmtId=\"14\" " \
	"formatCode=\"0.00\"/></numFmts><cellXfs><xf numFmtId=\"14\"/><xf/></cellXfs></styleSheet>"

/* a header wide enough that pyxform reads every value under it */
#define HEADER "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>" \
	"<c r=\"T1\" t=\"inlineStr\"><is><t>t</t></is></c>" \
	"<c r=\"Z1\" t=\"inlineStr\"><is><t>z</t></is></c></row>"
#define N(ref, s, v) "<c r=\"" ref "\" s=\"" s "\"><v>" v "</v></c>"

static char *survey_of(const char *styles, int by_rel, const char *d1904, const char *row2)
{
	struct strbuf b;
	struct xlsx_sheets x;
	struct fc_err err = { 0 };
	char *rows = xstrfmt(HEADER "<row r=\"2\">%s</row>", row2), *csv, *nl;
	size_t len;

	dated_book(&b, styles, by_rel, d1904, rows);
	if (xlsx_read(b.buf, b.len, &x, &err))
		fail_msg("xlsx_read: %s", err.msg);
	nl = strchr(x.csv[XS_SURVEY], '\n');
	assert_non_null(nl);
	csv = xstrdup(nl + 1);
	len = strlen(csv); /* without the commas padding it to the header's width */
	while (len > 1 && csv[len - 2] == ',') {
		csv[len - 2] = '\n';
		csv[--len] = '\0';
	}
	xlsx_sheets_release(&x);
	strbuf_release(&b);
	free(rows);
	return csv;
}

static void row_reads(const char *styles, const char *d1904, const char *row2, const char *want)
{
	char *got = survey_of(styles, 1, d1904, row2);

	assert_string_equal(got, want);
	free(got);
}

/* Which codes openpyxl's is_date_format takes for dates, and which of
 * those its is_timedelta_format for durations. */
static void format_codes(void **state)
{
	static const struct { const char *code; enum xlsx_num kind; } cases[] = {
		{ "yyyy-mm-dd", XN_DATE }, { "[$-409]d-mmm-yy;@", XN_DATE },
		{ "General", XN_NUMBER }, { "0.00", XN_NUMBER }, { "\"day\" 0", XN_NUMBER },
		{ "[Red]0", XN_NUMBER }, { "\\d0", XN_NUMBER },
		{ "d", XN_NUMBER },        /* no character before the letter */
		{ "hh:mm", XN_DATE }, { "[h]:mm:ss", XN_DURATION }, { "[H]:mm", XN_DURATION },
		{ "[hh]", XN_DURATION }, { "[mm]:ss", XN_DURATION }, { "[s]", XN_DURATION },
		{ "0;yyyy", XN_NUMBER }, { "\"yyyy\"", XN_NUMBER },
		{ "\"unclosed yy", XN_DATE }, { "#,##0 \"ms\"", XN_NUMBER }, { "@", XN_NUMBER },
		{ "[$\xe2\x82\xac-2] #,##0.00", XN_NUMBER }, { "mmss.0", XN_DATE },
		{ "0.0E+00", XN_NUMBER }, { "MM/DD/YY", XN_DATE }, { "[hhh]:mm", XN_DATE },
		{ "[h", XN_DATE }, { "x[Red]d", XN_DATE }, { "\\hh", XN_DATE }, { "", XN_NUMBER },
		{ "0[", XN_NUMBER }, { "[", XN_NUMBER }, { "0;", XN_NUMBER },
	};
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		if (xlsx_format_kind(cases[i].code) != cases[i].kind)
			fail_msg("%s: wanted kind %d", cases[i].code, (int)cases[i].kind);
}

/* Each style of STYLES over serials whose dates are known: 45378 is
 * 2024-03-27; 1 is 1900-01-01; 60, Excel's 1900-02-29, is 1900-02-28 as
 * openpyxl has it (so is 59), 61 1900-03-01; 0.4375 is 10:30. */
static void serials_as_pyxform_writes_them(void **state)
{
	(void)state;
	row_reads(STYLES, NULL,
		  N("A2", "1", "45378") N("B2", "2", "1") N("C2", "3", "60") N("D2", "4", "0.4375")
		  N("E2", "5", "1.0833333333") N("F2", "6", "5") N("G2", "7", "2.0")
		  N("H2", "9", "45378") N("I2", "10", "61") N("J2", "0", "45378")
		  N("K2", "99", "45378") N("L2", "x", "45378")
		  "<c r=\"M2\" s=\"1\" t=\"str\"><v>45378</v></c>"
		  N("N2", "1", "-0.5") N("O2", "1", "1.00001") N("P2", "4", "0")
		  N("Q2", "2", "45378.4375") N("R2", "1", "2958465") N("S2", "5", "-1.5")
		  N("T2", "1", "59") N("U2", "8", "45378.0") N("V2", "1", "0.999999999")
		  N("W2", "4", "0.1234567") N("X2", "5", "2") N("Y2", "11", "7")
		  N("Z2", "1", "-693593"),
		  "2024-03-27 00:00:00,1900-01-01 00:00:00,1900-02-28 00:00:00,10:30:00,"
		  "\"1 day, 2:00:00\",5,2,45378,1900-03-01 00:00:00,45378,45378,45378,45378,"
		  "1899-12-29 12:00:00,1900-01-01 00:00:00.864000,00:00:00,"
		  "2024-03-27 10:30:00,9999-12-31 00:00:00,\"-2 days, 12:00:00\","
		  "1900-02-28 00:00:00,45378,1900-01-01 00:00:00,02:57:46.659000,"
		  "\"2 days, 0:00:00\",7,0001-01-01 00:00:00\n");
}

/* A workbook counting from 1904: no leap-year bug; 0.5 is still noon. */
static void date1904_books(void **state)
{
	static const char row[] = N("A2", "1", "45378") N("B2", "1", "1") N("C2", "1", "60")
		N("D2", "1", "0.5") N("E2", "1", "-1");
	(void)state;

	row_reads(STYLES, "1", row, "2028-03-28 00:00:00,1904-01-02 00:00:00,"
		  "1904-03-01 00:00:00,12:00:00,1903-12-31 00:00:00\n");
	row_reads(STYLES, "true", row, "2028-03-28 00:00:00,1904-01-02 00:00:00,"
		  "1904-03-01 00:00:00,12:00:00,1903-12-31 00:00:00\n");
	row_reads(STYLES, "false", row, "2024-03-27 00:00:00,1900-01-01 00:00:00,"
		  "1900-02-28 00:00:00,12:00:00,1899-12-29 00:00:00\n");
}

/* A custom code for a built-in id wins; styles.xml found where openpyxl
 * looks when no relationship names it; a workbook without one has none. */
static void where_styles_come_from(void **state)
{
	char *got;
	(void)state;

	row_reads(STYLES_OVERRIDE, NULL, N("A2", "0", "45378") N("B2", "1", "45378"),
		  "45378,45378\n");
	got = survey_of(STYLES, 0, NULL, N("A2", "1", "45378"));
	assert_string_equal(got, "2024-03-27 00:00:00\n");
	free(got);
	got = survey_of(NULL, 0, NULL, N("A2", "1", "45378"));
	assert_string_equal(got, "45378\n");
	free(got);
}

static void book_fails(const char *styles, const char *row2, const char *want)
{
	struct strbuf b;
	struct xlsx_sheets x;
	struct fc_err err = { 0 };
	char *rows = xstrfmt(HEADER "<row r=\"2\">%s</row>", row2);

	dated_book(&b, styles, 1, NULL, rows);
	assert_int_equal(xlsx_read(b.buf, b.len, &x, &err), -1);
	if (!strstr(err.msg, want))
		fail_msg("wanted \"%s\" in \"%s\"", want, err.msg);
	strbuf_release(&b);
	free(rows);
}

#define ST(body) HEAD "<styleSheet " MAIN ">" body "</styleSheet>"

/* Styles built to mislead are refused, saying why; so is a date cell
 * holding what is no number or no date. */
static void hostile_styles(void **state)
{
	struct strbuf many, code;
	char *big;
	int i;
	(void)state;

	book_fails(ST("<cellXfs><xf numFmtId=\"abc\"/></cellXfs>"), "", "numFmtId \"abc\" is not");
	book_fails(ST("<cellXfs><xf numFmtId=\"-1\"/></cellXfs>"), "", "is not one");
	book_fails(ST("<cellXfs><xf numFmtId=\"99999999999999999999\"/></cellXfs>"), "",
		   "is not one");
	book_fails(ST("<numFmts><numFmt numFmtId=\"164\"/></numFmts>"), "", "without a formatCode");
	book_fails(ST("<numFmts><numFmt formatCode=\"d\"/></numFmts>"), "", "without a formatCode");
	book_fails(HEAD "<!DOCTYPE x [<!ENTITY e \"yyyy\">]><styleSheet/>", "", "DOCTYPE");
	book_fails(ST("<cellXfs><xf>"), "", "not well-formed");
	strbuf_init(&code);
	for (i = 0; i < 1025; i++)
		strbuf_addc(&code, 'y');
	big = xstrfmt(ST("<numFmts><numFmt numFmtId=\"164\" formatCode=\"%s\"/></numFmts>"),
		      code.buf);
	book_fails(big, "", "longer format code");
	free(big);
	strbuf_init(&many);
	strbuf_adds(&many, HEAD "<styleSheet " MAIN "><cellXfs>");
	for (i = 0; i <= 65536; i++)
		strbuf_adds(&many, "<xf/>");
	strbuf_adds(&many, "</cellXfs></styleSheet>");
	book_fails(many.buf, "", "more than 65536 cell styles");
	strbuf_reset(&many);
	strbuf_adds(&many, HEAD "<styleSheet " MAIN "><numFmts>");
	for (i = 0; i <= 4096; i++)
		strbuf_adds(&many, "<numFmt numFmtId=\"164\" formatCode=\"0\"/>");
	strbuf_adds(&many, "</numFmts></styleSheet>");
	book_fails(many.buf, "", "more number formats");
	book_fails(STYLES, N("A2", "1", "2958466"), "cell A2 is formatted as a date but holds 2958466");
	book_fails(STYLES, N("A2", "1", "-693595"), "which is no date");
	book_fails(STYLES, N("A2", "1", "abc"), "which is no date");
	book_fails(STYLES, N("A2", "1", "1e400"), "which is no date");
	book_fails(STYLES, N("A2", "1", "nan"), "which is no date");
	book_fails(STYLES, N("A2", "5", "1e9"), "which is no date");
	strbuf_release(&many);
	strbuf_release(&code);
}

static struct form *load_book(const struct strbuf *b, struct form_problems *probs, char **dir)
{
	char *path;
	struct form *f;

	*dir = test_tmpdir();
	path = test_path(*dir, "dates.xlsx");
	assert_int_equal(test_write_file(path, b->buf, b->len), 0);
	f = form_load_xlsx(path, probs);
	free(path);
	return f;
}

#define IS(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

/* An Excel date cell as a date question's default is its date (ODK reads
 * the date part), a time other than midnight said not to be used; as a
 * dateTime's, the same date and time with ODK's T. */
static void date_defaults_load(void **state)
{
	struct form_problems probs = { 0 };
	struct strbuf b;
	struct form *f;
	char *dir;
	int i;
	(void)state;

	dated_book(&b, STYLES, 1, NULL,
		   "<row r=\"1\">" IS("A1", "type") IS("B1", "name") IS("C1", "label")
		   IS("D1", "default") "</row>"
		   "<row r=\"2\">" IS("A2", "date") IS("B2", "d") IS("C2", "D") N("D2", "1", "1")
		   "</row><row r=\"3\">" IS("A3", "date") IS("B3", "e") IS("C3", "E")
		   N("D3", "1", "45378.4375") "</row><row r=\"4\">" IS("A4", "dateTime")
		   IS("B4", "t") IS("C4", "T") N("D4", "1", "45378.4375") "</row>"
		   "<row r=\"5\">" IS("A5", "time") IS("B5", "h") IS("C5", "H")
		   N("D5", "4", "0.4375") "</row>");
	f = load_book(&b, &probs, &dir);
	if (!f)
		fail_msg("did not load: %s", probs.n ? probs.msgs[0] : "");
	i = form_item_index(f, "d");
	assert_string_equal(f->items[i].default_value, "1900-01-01");
	i = form_item_index(f, "e");
	assert_string_equal(f->items[i].default_value, "2024-03-27");
	i = form_item_index(f, "t");
	assert_string_equal(f->items[i].default_value, "2024-03-27T10:30:00");
	i = form_item_index(f, "h");
	assert_string_equal(f->items[i].default_value, "10:30:00");
	assert_int_equal(f->warnings.n, 1);
	assert_non_null(strstr(f->warnings.msgs[0], "survey!D3: warning: default: '2024-03-27 10:30:00' "
			       "is a date and a time: the date question takes 2024-03-27"));
	form_free(f);
	form_problems_release(&probs);
	test_rmrf(dir);
	free(dir);
	strbuf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_codes),
		cmocka_unit_test(serials_as_pyxform_writes_them),
		cmocka_unit_test(date1904_books),
		cmocka_unit_test(where_styles_come_from),
		cmocka_unit_test(hostile_styles),
		cmocka_unit_test(date_defaults_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
