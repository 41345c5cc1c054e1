/* test_xlsx.c - XLSForm workbooks read as CSV sheets (forms/engine/xlsx*.c, zip*.c):
 * the cells spreadsheet programs write, the shipped forms through a workbook
 * and back, problems named by cell, and archives built to mislead. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "forms/engine/xlsx.h"
#include "forms/engine/zip.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RELNS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* A workbook as Excel lays it out: sheets survey (sheet1) and settings
 * (sheet2) and a sheet of XLSForm's that fieldcheck does not read, shared strings, the workbook part
 * found through _rels/.rels.  `strings` and the sheets are XML bodies. */
static void excel_book(struct strbuf *out, const char *strings, const char *survey,
		       const char *settings)
{
	struct zip_writer w;
	char *sst = xstrfmt(HEAD "<sst " MAIN ">%s</sst>", strings);
	char *s1 = xstrfmt(HEAD "<worksheet " MAIN "><sheetData>%s</sheetData></worksheet>", survey);
	char *s2 = xstrfmt(HEAD "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
			   "spreadsheetml/2006/main\"><x:sheetData>%s</x:sheetData></x:worksheet>",
			   settings);
	static const char book[] = HEAD "<workbook " MAIN " xmlns:r=\"" RELNS "\"><sheets>"
		"<sheet name=\"Survey\" sheetId=\"1\" r:id=\"rId1\"/>"
		"<sheet name=\"Entities\" sheetId=\"3\" r:id=\"rId3\"/>"
		"<sheet name=\" settings \" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
	static const char rels[] = HEAD "<Relationships xmlns=\"http://schemas.openxmlformats."
		"org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"" RELNS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"" RELNS "/worksheet\" Target=\"/xl/worksheets/./sheet2.xml\"/>"
		"<Relationship Id=\"rId3\" Type=\"" RELNS "/worksheet\" Target=\"worksheets/sheet3.xml\"/>"
		"<Relationship Id=\"rId4\" Type=\"" RELNS "/sharedStrings\" Target=\"../xl/sharedStrings.xml\"/>"
		"</Relationships>";
	static const char root[] = HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" RELNS
		"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

	strbuf_init(out);
	zip_write_init(&w, out);
	zip_write_add(&w, "_rels/.rels", root, strlen(root));
	zip_write_add(&w, "xl/workbook.xml", book, strlen(book));
	zip_write_add(&w, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
	zip_write_add(&w, "xl/sharedStrings.xml", sst, strlen(sst));
	zip_write_add(&w, "xl/worksheets/sheet1.xml", s1, strlen(s1));
	zip_write_add(&w, "xl/worksheets/sheet2.xml", s2, strlen(s2));
	zip_write_add(&w, "xl/worksheets/sheet3.xml", "<oops", 5); /* never read */
	zip_write_finish(&w);
	free(sst);
	free(s1);
	free(s2);
}

#define SETTINGS "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>form_id</t></is></c>" \
	"<c r=\"B1\" t=\"inlineStr\"><is><t>version</t></is></c></row>" \
	"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>book</t></is></c><c r=\"B2\"><v>2024032701</v></c></row>"

static void read_ok(const struct strbuf *b, struct xlsx_sheets *x)
{
	struct fc_err err = { 0 };

	if (xlsx_read(b->buf, b->len, x, &err))
		fail_msg("xlsx_read: %s", err.msg);
}

static void read_fails(const void *buf, size_t len, const char *want)
{
	struct fc_err err = { 0 };
	struct xlsx_sheets x;

	assert_int_equal(xlsx_read(buf, len, &x, &err), -1);
	if (!strstr(err.msg, want))
		fail_msg("wanted \"%s\" in \"%s\"", want, err.msg);
	assert_null(x.csv[XS_SURVEY]);
}

/* Shared strings with rich-text runs and phonetic guides, cells without
 * references, booleans, numbers, Excel's _x000D_, a comma to quote, and
 * empty strings where a sheet's used range reaches past its text. */
static void cells_as_excel_writes_them(void **state)
{
	struct strbuf b;
	struct xlsx_sheets x;
	(void)state;

	excel_book(&b,
		   "<si><t>type</t></si><si><t>name</t></si>"
		   "<si><r><rPr><b/></rPr><t>label</t></r><r><t>::zh</t></r></si>"
		   "<si><t>检查</t><rPh sb=\"0\" eb=\"2\"><t>ケンサ</t></rPh></si>"
		   "<si><t xml:space=\"preserve\">two_x000D_\nlines, \"quoted\"</t></si>"
		   "<si><t>required</t></si><si><t></t></si>",
		   "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c>"
		   "<c t=\"s\"><v>2</v></c><c r=\"E1\" t=\"s\"><v>5</v></c></row>"
		   "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>text</t></is></c>"
		   "<c r=\"B3\" t=\"str\"><f>LOWER(\"Q1\")</f><v>q1</v></c>"
		   "<c r=\"C3\" t=\"s\"><v>4</v></c><c r=\"D3\" s=\"1\"/>"
		   "<c r=\"E3\" t=\"b\"><v>1</v></c></row>"
		   "<row><c t=\"s\"><v>3</v></c><c><v>7.5</v></c></row>"
		   /* whole numbers some tools write "1.0": read "1", as pyxform */
		   "<row><c t=\"n\"><v>1.0</v></c><c><v>-20.000</v></c><c><v>1.05</v></c>"
		   "<c><v>100</v></c><c t=\"str\"><v>2.0</v></c></row>"
		   /* empty strings far out are no values: no row, no column */
		   "<row r=\"900\"><c r=\"IV900\" t=\"s\"><v>6</v></c>"
		   "<c r=\"IW900\" t=\"inlineStr\"><is><t></t></is></c></row>",
		   SETTINGS);
	read_ok(&b, &x);
	assert_string_equal(x.csv[XS_SURVEY],
			    "type,name,label::zh,,required\n"
			    ",,,,\n"
			    "text,q1,\"two\nlines, \"\"quoted\"\"\",,TRUE\n"
			    "检查,7.5,,,\n"
			    "1,-20,1.05,100,2.0\n");
	assert_null(x.csv[XS_CHOICES]);
	assert_string_equal(x.csv[XS_SETTINGS], "form_id,version\nbook,2024032701\n");
	assert_string_equal(x.unused, "entities"); /* said, not read */
	/* CSV lines back to the sheet's rows: the quoted line break is row 3 */
	assert_int_equal(xlsx_row(&x, XS_SURVEY, 1), 1);
	assert_int_equal(xlsx_row(&x, XS_SURVEY, 2), 2);
	assert_int_equal(xlsx_row(&x, XS_SURVEY, 3), 3);
	assert_int_equal(xlsx_row(&x, XS_SURVEY, 4), 3);
	assert_int_equal(xlsx_row(&x, XS_SURVEY, 5), 4);
	xlsx_sheets_release(&x);
	strbuf_release(&b);
}

static char *write_temp(const struct strbuf *b, const char *name, char **dir)
{
	char *path;

	*dir = test_tmpdir();
	path = test_path(*dir, name);
	assert_int_equal(test_write_file(path, b->buf, b->len), 0);
	return path;
}

/* A problem in a workbook is named by its sheet and cell, the row counted
 * as the spreadsheet does even after a cell with a line break. */
static void problems_name_the_cell(void **state)
{
	struct form_problems probs = { 0 };
	struct strbuf b;
	char *dir, *path, *want;
	(void)state;

	excel_book(&b, "<si><t>a\nb</t></si>",
		   "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c>"
		   "<c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c>"
		   "<c r=\"C1\" t=\"inlineStr\"><is><t>label</t></is></c></row>"
		   "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>text</t></is></c>"
		   "<c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"C2\" t=\"s\"><v>0</v></c></row>"
		   "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>chek</t></is></c>"
		   "<c r=\"B4\" t=\"inlineStr\"><is><t>y</t></is></c></row>",
		   SETTINGS);
	path = write_temp(&b, "book.xlsx", &dir);
	assert_null(form_load_xlsx(path, &probs));
	assert_true(probs.n >= 1);
	want = xstrfmt("%s:survey!A4: ", path);
	if (strncmp(probs.msgs[0], want, strlen(want)))
		fail_msg("wanted \"%s...\", got \"%s\"", want, probs.msgs[0]);
	free(want);
	form_problems_release(&probs);
	test_rmrf(dir);
	free(dir);
	free(path);
	strbuf_release(&b);
}

/* A workbook without a settings sheet (or an empty one) is the form its
 * file names, version 1, as pyxform takes it, the name read as an id can
 * hold it; a file name that gives no id says what is missing, as a sheet. */
static void missing_settings_sheet(void **state)
{
	struct form_problems probs = { 0 };
	const char *csv[XS_COUNT] = { "type,name,label\ntext,x,X\n", NULL, NULL };
	struct fc_err err = { 0 };
	struct strbuf b;
	struct form *f;
	char *dir, *path, *want;
	(void)state;

	strbuf_init(&b);
	assert_int_equal(xlsx_write(csv, &b, &err), 0);
	path = write_temp(&b, "site_visit.xlsx", &dir);
	f = form_load_xlsx(path, &probs);
	assert_non_null(f);
	assert_string_equal(f->id, "site_visit");
	assert_int_equal(f->version, 1);
	form_free(f);
	free(path);
	path = test_path(dir, "my form .xlsx"); /* read as an id can hold it */
	assert_int_equal(test_write_file(path, b.buf, b.len), 0);
	f = form_load_xlsx(path, &probs);
	assert_non_null(f);
	assert_string_equal(f->id, "my_form");
	assert_int_equal(f->warnings.n, 1);
	assert_non_null(strstr(f->warnings.msgs[0], "the form has no form_id: it is "
			       "'my_form', the workbook's name as an id can hold it"));
	form_free(f);
	free(path);
	path = test_path(dir, "-.xlsx"); /* nothing an id can be made of */
	assert_int_equal(test_write_file(path, b.buf, b.len), 0);
	assert_null(form_load_xlsx(path, &probs));
	assert_int_equal(probs.n, 1);
	want = xstrfmt("%s: the workbook has no sheet called settings", path);
	assert_string_equal(probs.msgs[0], want);
	free(want);
	form_problems_release(&probs);
	test_rmrf(dir);
	free(dir);
	free(path);
	strbuf_release(&b);
	{ /* an empty settings sheet is none, as pyxform reads it */
		const char *empty[XS_COUNT] = { "type,name,label\ntext,x,X\n", NULL, "" };
		strbuf_init(&b);
		assert_int_equal(xlsx_write(empty, &b, &err), 0);
		path = write_temp(&b, "site_visit.xlsx", &dir);
		f = form_load_xlsx(path, &probs);
		assert_non_null(f);
		assert_string_equal(f->id, "site_visit");
		form_free(f);
		test_rmrf(dir);
		free(dir);
		free(path);
		strbuf_release(&b);
	}
}

/* Every shipped form through a workbook and back gives the very bytes it
 * came from (as a spreadsheet's CSV export would: rows padded to the
 * sheet's width), so `forms add` of an exported form is the same form. */
static void shipped_forms_round_trip(void **state)
{
	struct form_catalog cat;
	char *dir = test_shipped_forms_dir();
	size_t i, k;
	(void)state;

	setenv("FIELDCHECK_FORMS", dir, 1);
	free(dir);
	form_catalog_load(&cat, NULL);
	assert_true(cat.n >= 5);
	for (i = 0; i < cat.n; i++) {
		const struct form *f = cat.forms[i];
		const char *csv[XS_COUNT] = { f->survey_csv, f->choices_csv, f->settings_csv };
		struct form_files files;
		struct xlsx_sheets x, y;
		struct fc_err err = { 0 };
		struct strbuf b1, b2;
		struct form *g;

		strbuf_init(&b1);
		strbuf_init(&b2);
		assert_int_equal(xlsx_write(csv, &b1, &err), 0);
		read_ok(&b1, &x);
		for (k = 0; k < XS_COUNT; k++)
			if (csv[k])
				assert_string_equal(x.csv[k], csv[k]);
		files = (struct form_files){ x.csv[0], x.csv[1], x.csv[2], x.len[0], x.len[1], x.len[2],
					     NULL, NULL, NULL };
		g = test_form(files.survey, files.choices, files.settings);
		assert_string_equal(g->id, f->id);
		assert_int_equal(g->version, f->version);
		assert_int_equal(g->n_items, f->n_items);
		for (k = 0; k < f->n_items; k++) {
			assert_int_equal(g->items[k].type, f->items[k].type);
			assert_string_equal(form_text(g, &g->items[k].label, form_lang_of("zh")),
					    form_text(f, &f->items[k].label, form_lang_of("zh")));
			assert_string_equal(form_text(g, &g->items[k].hint, form_lang_of("en")),
					    form_text(f, &f->items[k].hint, form_lang_of("en")));
		}
		assert_int_equal(xlsx_write((const char *const *)x.csv, &b2, &err), 0);
		read_ok(&b2, &y);
		for (k = 0; k < XS_COUNT; k++)
			if (x.csv[k])
				assert_string_equal(x.csv[k], y.csv[k]);
		form_free(g);
		xlsx_sheets_release(&x);
		xlsx_sheets_release(&y);
		strbuf_release(&b1);
		strbuf_release(&b2);
	}
	form_catalog_release(&cat);
}

/* A workbook whose survey sheet is `sheet` (a whole part) and nothing else
 * odd; settings as usual. */
static void book_with_sheet(struct strbuf *out, const char *sheet)
{
	struct strbuf tmp;
	struct xlsx_sheets x;
	struct zip z;
	struct zip_writer w;
	struct fc_err err = { 0 };
	const char *csv[XS_COUNT] = { "a\n", NULL, "form_id,version\nt,1\n" };
	size_t i;

	strbuf_init(&tmp);
	assert_int_equal(xlsx_write(csv, &tmp, &err), 0);
	read_ok(&tmp, &x);
	xlsx_sheets_release(&x);
	assert_int_equal(zip_open(&z, tmp.buf, tmp.len, &err), 0);
	strbuf_init(out);
	zip_write_init(&w, out);
	for (i = 0; i < z.n; i++) {
		char *data;
		size_t len;
		assert_int_equal(zip_read(&z, &z.m[i], 1u << 20, &data, &len, &err), 0);
		if (!strcmp(z.m[i].name, "xl/worksheets/sheet1.xml"))
			zip_write_add(&w, z.m[i].name, sheet, strlen(sheet));
		else
			zip_write_add(&w, z.m[i].name, data, len);
		free(data);
	}
	zip_write_finish(&w);
	zip_release(&z);
	strbuf_release(&tmp);
}

static void sheet_fails(const char *body, const char *want)
{
	struct strbuf b;
	char *sheet = xstrfmt(HEAD "<worksheet " MAIN "><sheetData>%s</sheetData></worksheet>", body);

	book_with_sheet(&b, sheet);
	read_fails(b.buf, b.len, want);
	strbuf_release(&b);
	free(sheet);
}

#define ISTR(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

/* As pyxform reads a sheet: its header ends after a run of 20 empty cells
 * and its rows after a run of 60 empty rows; what lies past is not read,
 * and the first place it held is kept to be said.  A run of exactly 60
 * empty rows, or a header gap of 20, is still read through. */
static void sheet_read_as_pyxform_reads_it(void **state)
{
	struct strbuf b;
	struct xlsx_sheets x;
	char *sheet = xstrfmt(HEAD "<worksheet " MAIN "><sheetData>"
			      "<row r=\"1\">" ISTR("A1", "type") ISTR("B1", "name")
			      ISTR("W1", "label") ISTR("AS1", "far") "</row>"
			      "<row r=\"2\">" ISTR("A2", "text") ISTR("B2", "a")
			      ISTR("W2", "A") ISTR("AS2", "x") "</row>"
			      "<row r=\"63\">" ISTR("A63", "text") ISTR("B63", "b") "</row>"
			      "<row r=\"125\">" ISTR("A125", "party") "</row>"
			      "</sheetData></worksheet>");
	(void)state;

	book_with_sheet(&b, sheet);
	read_ok(&b, &x);
	assert_int_equal(x.cut_col[XS_SURVEY], 45); /* AS: after 21 empty cells X..AR */
	assert_int_equal(x.cut_row[XS_SURVEY], 125); /* after 61 empty rows 64..124 */
	assert_non_null(strstr(x.csv[XS_SURVEY], "type,name,"));
	assert_null(strstr(x.csv[XS_SURVEY], "far"));
	assert_null(strstr(x.csv[XS_SURVEY], "party"));
	assert_non_null(strstr(x.csv[XS_SURVEY], "text,b"));
	assert_int_equal(xlsx_row(&x, XS_SURVEY, 63), 63);
	xlsx_sheets_release(&x);
	strbuf_release(&b);
	free(sheet);
}

/* Sheets built to mislead or to cost: each refused, naming what. */
static void hostile_sheets(void **state)
{
	struct strbuf b, deep;
	int i;
	(void)state;

	book_with_sheet(&b, HEAD "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet " MAIN
			"><sheetData/></worksheet>");
	read_fails(b.buf, b.len, "a DOCTYPE");
	strbuf_release(&b);
	sheet_fails("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row>",
		    "cell A1 names shared string 9, which does not exist");
	sheet_fails("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c>"
		    "<c r=\"A1\" t=\"inlineStr\"><is><t>y</t></is></c></row>", "cell A1 is given twice");
	sheet_fails("<row r=\"1\"><c r=\"KZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
		    "cell KZ1: past the 256 columns");
	sheet_fails("<row r=\"60000\"><c r=\"A60000\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
		    "a value in row 60000, past the 50000 rows");
	sheet_fails("<row r=\"1\"><c r=\"A1\" t=\"e\"><v>#N/A</v></c></row>",
		    "cell A1 holds the spreadsheet error #N/A");
	sheet_fails("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", "a cell reference \"1A\"");
	sheet_fails("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", "not well-formed XML");
	strbuf_init(&deep);
	for (i = 0; i < 70; i++)
		strbuf_adds(&deep, "<g>");
	for (i = 0; i < 70; i++)
		strbuf_adds(&deep, "</g>");
	sheet_fails(deep.buf, "nested more than 64 deep");
	strbuf_release(&deep);
}

/* Damaged or misleading archives: refused before anything is parsed. */
static void hostile_archives(void **state)
{
	static const unsigned char xls[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0 };
	const char *csv[XS_COUNT] = { "type,name,label\ntext,x,X\n", NULL, "form_id,version\nt,1\n" };
	struct fc_err err = { 0 };
	struct strbuf b, big;
	struct zip_writer w;
	struct zip z;
	char *p;
	(void)state;

	read_fails(xls, sizeof xls, "an old binary .xls workbook");
	read_fails("PK\3\4 not really", 16, "not a zip archive");
	strbuf_init(&b);
	assert_int_equal(xlsx_write(csv, &b, &err), 0);
	read_fails(b.buf, b.len - 30, "not a zip archive");       /* cut short */
	/* a member whose bytes no longer match its checksum: flip a bit of the
	 * workbook's deflated data */
	assert_int_equal(zip_open(&z, b.buf, b.len, &err), 0);
	b.buf[zip_find(&z, "xl/workbook.xml")->data + 20] ^= 0x08;
	zip_release(&z);
	read_fails(b.buf, b.len, "member xl/workbook.xml");
	strbuf_release(&b);

	/* a member claims 100 bytes but inflates to a megabyte */
	strbuf_init(&big);
	strbuf_grow(&big, 1u << 20);
	memset(big.buf, 'a', 1u << 20);
	big.len = 1u << 20;
	strbuf_init(&b);
	zip_write_init(&w, &b);
	zip_write_add(&w, "_rels/.rels", big.buf, big.len);
	zip_write_finish(&w);
	p = b.buf + b.len - 22 - (46 + strlen("_rels/.rels")); /* its directory entry */
	assert_int_equal(memcmp(p, "PK\1\2", 4), 0);
	p[24] = 100, p[25] = 0, p[26] = 0, p[27] = 0;
	read_fails(b.buf, b.len, "inflates to more than the 100 bytes it claims");
	strbuf_release(&b);

	/* two members of one name */
	strbuf_init(&b);
	zip_write_init(&w, &b);
	zip_write_add(&w, "_rels/.rels", "a", 1);
	zip_write_add(&w, "_rels/.rels", "b", 1);
	zip_write_finish(&w);
	read_fails(b.buf, b.len, "two members are called _rels/.rels");
	strbuf_release(&b);
	strbuf_release(&big);
}

/* A zip bomb: a part larger than XLSX_PART_MAX is refused by its size,
 * before anything is inflated. */
static void part_too_large(void **state)
{
	struct strbuf b;
	struct zip_writer w;
	char *p;
	(void)state;

	strbuf_init(&b);
	zip_write_init(&w, &b);
	zip_write_add(&w, "_rels/.rels", "x", 1);
	zip_write_finish(&w);
	p = b.buf + b.len - 22 - (46 + strlen("_rels/.rels"));
	p[24] = 0, p[25] = 0, p[26] = 0, p[27] = 0x7f; /* 2 GiB */
	read_fails(b.buf, b.len, "member _rels/.rels is too large");
	strbuf_release(&b);
}

/* `forms add` writes the workspace's copy; the same form again is nothing
 * to do, a lower or another same version is refused, a higher replaces. */
static void install_into_workspace(void **state)
{
	char *ws = test_tmpdir(), *p;
	struct fc_err err = { 0 };
	struct form *v1 = test_form("type,name,label\ntext,x,X\n", NULL, "form_id,version\nw,1\n");
	struct form *v1b = test_form("type,name,label\ntext,x,Y\n", NULL, "form_id,version\nw,1\n");
	struct form *v2 = test_form("type,name,label\ntext,x,Z\n", NULL, "form_id,version\nw,2\n");
	struct form_problems probs = { 0 };
	struct form *back;
	int already, version;
	(void)state;

	assert_int_equal(form_install(v1, ws, &already, &version, &err), 0);
	assert_int_equal(already, 0);
	assert_int_equal(form_install(v1, ws, &already, &version, &err), 0);
	assert_int_equal(already, 1);
	assert_int_equal(form_install(v1b, ws, &already, &version, &err), -1);
	assert_non_null(strstr(err.msg, "another version 1 of form w"));
	assert_int_equal(form_install(v2, ws, &already, &version, &err), 0);
	assert_int_equal(form_install(v1, ws, &already, &version, &err), -1);
	assert_non_null(strstr(err.msg, "has version 2 of form w; this is version 1"));
	p = xstrfmt("%s/forms/w", ws);
	back = form_load_dir(p, &probs);
	assert_non_null(back);
	assert_int_equal(back->version, 2);
	assert_string_equal(form_text(back, &back->items[0].label, form_lang_of("en")), "Z");
	form_free(back);
	free(p);
	p = xstrfmt("%s/forms/.w.new-%ld", ws, (long)getpid());
	assert_int_not_equal(access(p, F_OK), 0);
	free(p);
	form_free(v1);
	form_free(v1b);
	form_free(v2);
	test_rmrf(ws);
	free(ws);
}

/* An XLSForm version that is text ("2.2", KoBo's "vTEm...") loads
 * unnumbered; `forms add` numbers it after the workspace's copy, keeps the
 * text in odk_version, and takes the same workbook again as nothing to do. */
static void install_numbers_text_versions(void **state)
{
	char *ws = test_tmpdir(), *p;
	struct fc_err err = { 0 };
	struct form *v1 = test_form("type,name,label\ntext,x,X\n", NULL, "form_id,version\nw,1\n");
	struct form *a = test_form("type,name,label\ntext,x,Y\n", NULL, "form_id,version\nw,2.2\n");
	struct form *a2 = test_form("type,name,label\ntext,x,Q\n", NULL, "form_id,version\nw,2.2\n");
	struct form *b = test_form("type,name,label\ntext,x,Z\n", NULL,
				   "form_id,version,odk_version\nw,vTEmiygu,\n");
	struct form_problems probs = { 0 };
	struct form *back;
	int already, version;
	(void)state;

	assert_int_equal(a->version, 0);
	assert_string_equal(a->odk_version, "2.2");
	assert_int_equal(a->warnings.n, 1);
	assert_non_null(strstr(a->warnings.msgs[0], "version '2.2' is not a whole number"));
	assert_int_equal(form_install(v1, ws, &already, &version, &err), 0);
	assert_int_equal(form_install(a, ws, &already, &version, &err), 0);
	assert_int_equal(already, 0);
	assert_int_equal(version, 2);
	assert_int_equal(form_install(a, ws, &already, &version, &err), 0);
	assert_int_equal(already, 1);
	assert_int_equal(version, 2);
	/* the same text with other contents: refused, as a number would be */
	assert_int_equal(form_install(a2, ws, &already, &version, &err), -1);
	assert_non_null(strstr(err.msg, "another version 2 of form w"));
	p = xstrfmt("%s/forms/w", ws);
	back = form_load_dir(p, &probs);
	assert_non_null(back);
	assert_int_equal(back->version, 2);
	assert_string_equal(back->odk_version, "2.2");
	assert_int_equal(back->warnings.n, 0);
	form_free(back);
	assert_int_equal(form_install(b, ws, &already, &version, &err), 0);
	assert_int_equal(version, 3);
	back = form_load_dir(p, &probs);
	assert_non_null(back);
	assert_int_equal(back->version, 3);
	assert_string_equal(back->odk_version, "vTEmiygu");
	form_free(back);
	free(p);
	form_free(v1);
	form_free(a);
	form_free(a2);
	form_free(b);
	test_rmrf(ws);
	free(ws);
}

/* A workbook of one sheet, whatever it is called, is its survey, as pyxform
 * reads it; it loads with a warning, and a problem names the sheet. */
static void one_sheet_is_the_survey(void **state)
{
	static const char book[] = HEAD "<workbook " MAIN " xmlns:r=\"" RELNS "\"><sheets>"
		"<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	static const char rels[] = HEAD "<Relationships xmlns=\"http://schemas.openxmlformats."
		"org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" RELNS
		"/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
	static const char root[] = HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" RELNS
		"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
	static const char *const types[] = { "text", "chek" };
	struct form_problems probs = { 0 };
	struct zip_writer w;
	struct strbuf b;
	struct form *f;
	char *dir, *path, *sheet, *want;
	size_t k;
	(void)state;

	for (k = 0; k < 2; k++) {
		sheet = xstrfmt(HEAD "<worksheet " MAIN "><sheetData><row r=\"1\">"
				"<c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c>"
				"<c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c>"
				"<c r=\"C1\" t=\"inlineStr\"><is><t>label</t></is></c></row>"
				"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>%s</t></is></c>"
				"<c r=\"B2\" t=\"inlineStr\"><is><t>state</t></is></c>"
				"<c r=\"C2\" t=\"inlineStr\"><is><t>State</t></is></c></row>"
				"</sheetData></worksheet>", types[k]);
		strbuf_init(&b);
		zip_write_init(&w, &b);
		zip_write_add(&w, "_rels/.rels", root, strlen(root));
		zip_write_add(&w, "xl/workbook.xml", book, strlen(book));
		zip_write_add(&w, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
		zip_write_add(&w, "xl/worksheets/sheet1.xml", sheet, strlen(sheet));
		zip_write_finish(&w);
		path = write_temp(&b, "no_name.xlsx", &dir);
		f = form_load_xlsx(path, &probs);
		if (k == 0) {
			assert_non_null(f);
			assert_string_equal(f->id, "no_name");
			assert_int_equal(f->warnings.n, 1);
			want = xstrfmt("%s: warning: the workbook's one sheet 'Sheet1' is read as "
				       "its survey, as pyxform reads it", path);
			assert_string_equal(f->warnings.msgs[0], want);
			form_free(f);
		} else {
			assert_null(f);
			want = xstrfmt("%s:Sheet1!A2: unknown type 'chek'", path);
			assert_true(probs.n >= 1);
			assert_string_equal(probs.msgs[0], want);
			form_problems_release(&probs);
		}
		free(want);
		test_rmrf(dir);
		free(dir);
		free(path);
		free(sheet);
		strbuf_release(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_as_excel_writes_them),
		cmocka_unit_test(problems_name_the_cell),
		cmocka_unit_test(missing_settings_sheet),
		cmocka_unit_test(one_sheet_is_the_survey),
		cmocka_unit_test(shipped_forms_round_trip),
		cmocka_unit_test(sheet_read_as_pyxform_reads_it),
		cmocka_unit_test(hostile_sheets),
		cmocka_unit_test(hostile_archives),
		cmocka_unit_test(part_too_large),
		cmocka_unit_test(install_into_workspace),
		cmocka_unit_test(install_numbers_text_versions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
