/* xlsx.h - an XLSForm workbook (.xlsx) read as the CSV sheets a form is.
 *
 * Form authors keep checklists in Excel or WPS; fieldcheck's forms and its
 * sync format are the three sheets as CSV (docs/ARCHITECTURE.md, "Forms").
 * Reading a workbook therefore means turning its survey, choices and
 * settings sheets into exactly the CSV a spreadsheet would export, so a
 * form loads, is stored and travels the same whichever way it came in.
 * The workbook is a zip of XML parts (forms/zip.h) read with expat; it is
 * hostile until checked (sizes, counts, references between parts), and a
 * DOCTYPE is refused so no entity can expand.
 */
#ifndef FC_FORMS_XLSX_H
#define FC_FORMS_XLSX_H

#include <stddef.h>
#include "core/err.h"

#define XLSX_FILE_MAX (16u << 20)  /* bytes in a workbook file */
#define XLSX_PART_MAX (64u << 20)  /* bytes of XML in one part, inflated */

/* In the order of enum form_file (forms/load_impl.h), which indexes them;
 * then external_choices, the lists of select_one_external, which pyxform
 * turns into the form's file itemsets.csv (and so does form_load_xlsx). */
enum xlsx_sheet { XS_SURVEY, XS_CHOICES, XS_SETTINGS, XS_EXTERNAL, XS_COUNT };

struct xlsx_sheets {
	char *csv[XS_COUNT];        /* the sheet as CSV, or NULL if the workbook has none */
	size_t len[XS_COUNT];
	char *name[XS_COUNT];       /* the sheet's name as the workbook spells it */
	int *row_of_line[XS_COUNT]; /* [CSV line] = the sheet's row (lines from 1) */
	size_t n_lines[XS_COUNT];
	int cut_row[XS_COUNT];      /* the first row (cut_col: column) holding a
				     * value not read, past a run of empty ones
				     * where pyxform stops (xlsx_sheet.c), or 0 */
	int cut_col[XS_COUNT];
	char *unused;               /* XLSForm's sheets it has that are not read
				     * ("entities, osm"), or NULL */
};

/* Reads a workbook held in memory.  0, or -1 with err saying what and where
 * ("sheet survey, cell C12: ..."). */
int xlsx_read(const void *buf, size_t len, struct xlsx_sheets *out, struct fc_err *err);
/* Reads the workbook file at path (at most XLSX_FILE_MAX bytes). */
int xlsx_read_file(const char *path, struct xlsx_sheets *out, struct fc_err *err);
void xlsx_sheets_release(struct xlsx_sheets *x);

/* The sheet row a CSV line came from (the line itself if unknown). */
int xlsx_row(const struct xlsx_sheets *x, enum xlsx_sheet s, int line);
/* Writes a workbook whose sheets hold the CSV texts csv[XS_*] (NULL: no such
 * sheet), every cell an inline string, into out (xlsx_write.c); reading it
 * back gives the same cells.  0, or -1 with err if a text is not CSV. */
struct strbuf;
int xlsx_write(const char *const csv[XS_COUNT], struct strbuf *out, struct fc_err *err);

/* xlsx_write into the new file `path` (never over an existing one: O_EXCL),
 * fsynced.  0, or -1 with err. */
int xlsx_write_file(const char *const csv[XS_COUNT], const char *path, struct fc_err *err);

/* "survey", "choices" or "settings". */
const char *xlsx_sheet_name(enum xlsx_sheet s);
/* "A" for 1, "Z" for 26, "AA" for 27...; buf of at least 8 bytes. */
const char *xlsx_column_name(int col, char *buf);

#endif
