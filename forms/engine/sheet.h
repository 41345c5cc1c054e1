/* sheet.h - one CSV file of a form, read as an XLSForm sheet.
 *
 * The first row names the columns.  XLSForm tools add columns of their own
 * (media::image, bind::odk:length), so unknown columns are ignored; the
 * columns a sheet cannot do without are required.  A translatable column
 * comes plain ("label", which belongs to the form's default language) or
 * per language ("label::zh", XLSForm's "label::Chinese (zh)", pyxform's
 * "label:English"); each suffix is one of the form's languages (lang.c).
 */
#ifndef FC_FORMS_SHEET_H
#define FC_FORMS_SHEET_H

#include "forms/engine/csv.h"
#include "forms/engine/load_impl.h"

/* Where a translatable column's value is: the plain column, or the column of
 * the form's language k (SLOT_LANG(k)). */
enum sheet_slot { SLOT_PLAIN = 0, SLOT_COUNT = FORM_MAX_LANGS + 1 };
#define SLOT_LANG(k) ((enum sheet_slot)((k) + 1))

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
	const struct form *f;       /* whose languages the slots are */
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
/* Records a warning (it loads, but this is not used) at that cell. */
void sheet_warning(struct loader *ld, const struct sheet *sh, const struct csv_row *row,
		   int key, enum sheet_slot slot, const char *fmt, ...) FC_PRINTF(6, 7);
/* Fills `out` from a translatable column: the plain column's and each
 * language's text that is not empty. */
void sheet_text(const struct sheet *sh, const struct csv_row *row, int key,
		struct form_text *out);
/* Whether every field of the row is empty. */
int sheet_row_blank(const struct csv_row *row);
/* The column's name as messages print it: its header as written
 * ("label::Français (fr)"). */
const char *sheet_col_name(const struct sheet *sh, int key, enum sheet_slot slot,
			   char *buf, size_t size);

#endif
