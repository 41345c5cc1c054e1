/* csv.h - reading the CSV files a form is made of (RFC 4180).
 *
 * Form authors keep checklists in a spreadsheet and export CSV, so the
 * parser takes what spreadsheets write (a UTF-8 byte-order mark, CRLF line
 * ends, quoted fields with commas, quotes and line breaks inside, a last
 * line with or without its line end) and refuses, with line and column,
 * what would otherwise turn into a silently wrong form: stray quotes,
 * invalid UTF-8, NUL bytes, absurd sizes.  Form files can arrive from a
 * remote, so nothing in them is trusted.
 */
#ifndef FC_CSV_H
#define FC_CSV_H

#include <stddef.h>
#include "core/err.h"

#define CSV_FILE_MAX  (4u << 20)  /* bytes in one file */
#define CSV_FIELD_MAX (64u << 10) /* bytes in one field */
#define CSV_COLS_MAX  256         /* fields in one row */
#define CSV_ROWS_MAX  50000       /* rows in one file */

struct csv_cell {
	char *s;        /* NUL-terminated; a CRLF inside a quoted field is LF */
	size_t len;
	int line;       /* line the field starts on (1-based) */
};

struct csv_row {
	struct csv_cell *cells;
	size_t n;
	int line;       /* line the row starts on */
};

struct csv {
	struct csv_row *rows;
	size_t n;
	char *data;         /* private: every field's bytes */
	struct csv_cell *cells; /* private: every row's cells */
	int err_line, err_col;  /* after a failure: where (0 if nowhere) */
};

/* Parses buf (len bytes, need not be NUL-terminated).  Errors read
 * "WHERE:LINE:COL: what", COL being the 1-based number of the field in its
 * row, or just "what" when `where` is NULL (the position is then only in
 * out->err_line and out->err_col).  On failure *out holds no rows
 * (csv_release is still safe). */
int csv_parse(const char *buf, size_t len, const char *where, struct csv *out,
	      struct fc_err *err);
void csv_release(struct csv *c);

struct strbuf;
/* Appends s as one CSV field, quoted only when it holds a comma, a quote
 * or a line break, as spreadsheets export it (a CRLF inside reads as LF,
 * as csv_parse reads it); the workbook reader and the ODK export write
 * their sheets with it, so a text read back is the same bytes. */
void csv_add_field(struct strbuf *sb, const char *s);

#endif
