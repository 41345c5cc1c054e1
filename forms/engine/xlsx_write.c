/* xlsx_write.c - a form's CSV sheets written as an .xlsx workbook.
 *
 * The smallest workbook Excel, WPS, LibreOffice and pyxform open: the
 * package's content types and relationships, a workbook listing the sheets,
 * and one worksheet each whose cells are inline strings (a form's cells are
 * text to XLSForm, numbers included).  No styles, no shared strings.
 */
#include <stdio.h>
#include <string.h>

#include "core/fileio.h"
#include "core/strbuf.h"
#include "forms/engine/csv.h"
#include "forms/engine/xlsx.h"
#include "forms/engine/zip.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Appends s as XML character data; controls, which XML cannot carry, as
 * OOXML's _xHHHH_ (and a literal "_x" escaped so it reads back as itself). */
static void add_xml_text(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '&')
			strbuf_adds(sb, "&amp;");
		else if (c == '<')
			strbuf_adds(sb, "&lt;");
		else if (c == '>')
			strbuf_adds(sb, "&gt;");
		else if (c == '"')
			strbuf_adds(sb, "&quot;");
		else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			strbuf_addf(sb, "_x%04X_", c);
		else if (c == '_' && s[1] == 'x')
			strbuf_adds(sb, "_x005F_");
		else
			strbuf_addc(sb, (char)c);
	}
}

static int sheet_xml(const char *csv_text, struct strbuf *sb, struct fc_err *err)
{
	struct csv c;
	size_t r, k;
	char col[8];

	if (csv_parse(csv_text, strlen(csv_text), NULL, &c, err))
		return -1;
	strbuf_adds(sb, XML_HEAD "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
	for (r = 0; r < c.n; r++) {
		strbuf_addf(sb, "<row r=\"%zu\">", r + 1);
		for (k = 0; k < c.rows[r].n; k++) {
			if (!c.rows[r].cells[k].len)
				continue;
			strbuf_addf(sb, "<c r=\"%s%zu\" t=\"inlineStr\"><is><t xml:space=\"preserve\">",
				    xlsx_column_name((int)k + 1, col), r + 1);
			add_xml_text(sb, c.rows[r].cells[k].s);
			strbuf_adds(sb, "</t></is></c>");
		}
		strbuf_adds(sb, "</row>");
	}
	strbuf_adds(sb, "</sheetData></worksheet>");
	csv_release(&c);
	return 0;
}

/* The package's parts other than the sheets, for the sheets present. */
static void add_package(struct zip_writer *w, const char *const csv[XS_COUNT])
{
	static const char root_rels[] = XML_HEAD "<Relationships xmlns=\"" NS_PKG "\">"
		"<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" "
		"Target=\"xl/workbook.xml\"/></Relationships>";
	struct strbuf types, book, rels;
	int k;

	strbuf_init(&types);
	strbuf_init(&book);
	strbuf_init(&rels);
	strbuf_adds(&types, XML_HEAD "<Types xmlns=\"http://schemas.openxmlformats.org/package/"
		    "2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
		    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
		    "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
		    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
		    "sheet.main+xml\"/>");
	strbuf_adds(&book, XML_HEAD "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL
		    "\"><sheets>");
	strbuf_adds(&rels, XML_HEAD "<Relationships xmlns=\"" NS_PKG "\">");
	for (k = 0; k < XS_COUNT; k++) {
		if (!csv[k])
			continue;
		strbuf_addf(&types, "<Override PartName=\"/xl/worksheets/sheet%d.xml\" ContentType="
			    "\"application/vnd.openxmlformats-officedocument.spreadsheetml."
			    "worksheet+xml\"/>", k + 1);
		strbuf_addf(&book, "<sheet name=\"%s\" sheetId=\"%d\" r:id=\"rId%d\"/>",
			    xlsx_sheet_name((enum xlsx_sheet)k), k + 1, k + 1);
		strbuf_addf(&rels, "<Relationship Id=\"rId%d\" Type=\"" NS_REL "/worksheet\" "
			    "Target=\"worksheets/sheet%d.xml\"/>", k + 1, k + 1);
	}
	strbuf_adds(&types, "</Types>");
	strbuf_adds(&book, "</sheets></workbook>");
	strbuf_adds(&rels, "</Relationships>");
	zip_write_add(w, "[Content_Types].xml", types.buf, types.len);
	zip_write_add(w, "_rels/.rels", root_rels, sizeof root_rels - 1);
	zip_write_add(w, "xl/workbook.xml", book.buf, book.len);
	zip_write_add(w, "xl/_rels/workbook.xml.rels", rels.buf, rels.len);
	strbuf_release(&types);
	strbuf_release(&book);
	strbuf_release(&rels);
}

int xlsx_write(const char *const csv[XS_COUNT], struct strbuf *out, struct fc_err *err)
{
	struct zip_writer w;
	struct strbuf sheet;
	char name[32];
	int k, rc = 0;

	zip_write_init(&w, out);
	add_package(&w, csv);
	strbuf_init(&sheet);
	for (k = 0; k < XS_COUNT && !rc; k++) {
		if (!csv[k])
			continue;
		strbuf_reset(&sheet);
		rc = sheet_xml(csv[k], &sheet, err);
		if (rc)
			fc_err_prefix(err, "%s", xlsx_sheet_name((enum xlsx_sheet)k));
		snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", k + 1);
		if (!rc)
			zip_write_add(&w, name, sheet.buf, sheet.len);
	}
	strbuf_release(&sheet);
	zip_write_finish(&w);
	return rc;
}

int xlsx_write_file(const char *const csv[XS_COUNT], const char *path, struct fc_err *err)
{
	struct strbuf sb;
	int rc;

	strbuf_init(&sb);
	rc = xlsx_write(csv, &sb, err);
	if (!rc)
		rc = file_write_new(path, sb.buf, sb.len, 0644, err);
	strbuf_release(&sb);
	return rc;
}
