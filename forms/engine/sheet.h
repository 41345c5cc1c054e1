/* sheet.h - one CSV file of a form, read as an XLSForm sheet.
 *
 * The first row names the columns.  XLSForm tools add columns of their own
 * (media::image, a third language), so unknown columns are ignored; the
 * columns a sheet cannot do without are required.  A translatable column
 * comes plain ("label", which belongs to the form's default language) or
 * per language ("label::zh", or XLSForm's "label::Chinese (zh)").
 */
#ifndef FC_FORMS_SHEET_H
#define FC_FORMS_SHEET_H

#include "forms/engine/csv.h"
#include "forms/engine/load_impl.h"

enum sheet_slot { SLOT_PLAIN, SLOT_ZH, SLOT_EN, SLOT_COUNT };

enum {
	SHEET_REQUIRED = 1, /* the sheet is unusable without the column */
	SHEET_LANG = 2,     /* comes per language */
	SHEET_TEXT = 4,     /* free text on one line: checked for controls */
	SHEET_MULTI = 8,    /* free text, line breaks allowed: checked */
};

struct sheet_col {
	const char *name;
	unsigned flags;
};

#define SHEET_MAX_COLS 32

struct sheet {
	enum form_file file;
	const struct sheet_col *cols;
	size_t n_cols;
	struct csv csv;
	int idx[SHEET_MAX_COLS][SLOT_COUNT]; /* 0-based field, or -1 */
	size_t width;                        /* fields in the header row */
};

/* Parses the file and its header, reporting what is wrong.  Returns 0 if
 * the rows can be read (csv.rows[0] is the header), -1 if not. */
int sheet_load(struct loader *ld, struct sheet *sh, enum form_file file,
	       const char *buf, size_t len, const struct sheet_col *cols, size_t n_cols);
void sheet_release(struct sheet *sh);

/* The trimmed value of column `key` (an index into cols) in `row`, or "". */
const char *sheet_get(const struct sheet *sh, const struct csv_row *row, int key,
		      enum sheet_slot slot);
/* Where a value is for messages: its line, and its field number (1 when
 * the column is absent). */
void sheet_pos(const struct sheet *sh, const struct csv_row *row, int key,
	       enum sheet_slot slot, int *line, int *col);
/* Records a problem at the cell of column `key`. */
void sheet_problem(struct loader *ld, const struct sheet *sh, const struct csv_row *row,
		   int key, enum sheet_slot slot, const char *fmt, ...) FC_PRINTF(6, 7);
/* Fills `out` from a translatable column: ::zh and ::en as given, the plain
 * column for `lang` where that one is empty.  Empty texts stay NULL. */
void sheet_text(const struct sheet *sh, const struct csv_row *row, int key,
		enum form_lang lang, struct form_text *out);
/* Whether every field of the row is empty. */
int sheet_row_blank(const struct csv_row *row);
/* The column's name as messages print it ("label::zh"). */
const char *sheet_col_name(const struct sheet *sh, int key, enum sheet_slot slot,
			   char *buf, size_t size);

#endif
