/* table.h - listings printed as text, CSV or JSON.
 *
 * Every listing (enterprises, hazards, inspections, forms, reports) is built
 * as a table of strings and printed in the format the user asked for, so the
 * three formats can never disagree.  Text output measures cells by display
 * width (Chinese characters take two columns).
 */
#ifndef FC_TABLE_H
#define FC_TABLE_H

#include <stdio.h>
#include <stddef.h>

enum table_format { FMT_TEXT, FMT_CSV, FMT_JSON };

struct table_col {
	const char *key;    /* JSON key and CSV header */
	const char *title;  /* text header (may be translated) */
	int numeric;        /* JSON: emit as a number; text: align right */
	size_t text_max;    /* text: cut cells to this display width (0: never) */
	int kind;           /* text: how a cell is shown, enum table_kind */
};

/* How a column's cells read in text (CSV and JSON carry them as they are). */
enum table_kind {
	COL_TEXT,           /* as it is, cut to text_max with a "~" mark */
	COL_PREFIX,         /* cut to text_max without the mark (ids, shown by
			     * their first characters as git does) */
	COL_WORD,           /* a model's name ("open", "major", "yes") in the
			     * user's language (core/words.h) */
};

struct table {
	const struct table_col *cols;
	size_t n_cols;
	char **cells;       /* row-major, n_rows * n_cols, owned */
	size_t n_rows;
	size_t alloc;       /* cells (not rows) that cells has room for */
};

void table_init(struct table *t, const struct table_col *cols, size_t n_cols);
void table_release(struct table *t);
/* Appends a row; `vals` has n_cols strings (NULL means empty). Copied. */
void table_add(struct table *t, const char *const *vals);
/* Prints; returns 0, or -1 if the stream failed (disk full, closed pipe). */
int table_print(const struct table *t, enum table_format fmt, FILE *out);

/* A listing printed as its rows come, for a listing read a page at a
 * time: CSV and JSON print the rows the table holds at each flush and drop
 * them, so memory holds a page, and print the same bytes as table_print;
 * text keeps every row to the end (its columns are as wide as the widest
 * cell).  Each returns -1 if the stream failed. */
struct table_stream {
	struct table *t;
	enum table_format fmt;
	FILE *out;
	size_t printed;     /* rows printed so far */
};
int table_stream_start(struct table_stream *ts, struct table *t, enum table_format fmt,
		       FILE *out);
int table_stream_flush(struct table_stream *ts);
int table_stream_end(struct table_stream *ts);

/* Appends s to out as a JSON string literal (quotes included), escaping
 * quote, backslash and every control character. */
struct strbuf;
void json_quote(struct strbuf *out, const char *s);
/* Writes s to fp made visible (text_visible: ESC as "^[", U+202E as \u202e),
 * for text from outside (a record, a remote, an argument) going to a terminal. */
void fputs_safe(const char *s, FILE *fp);
/* Display width of a UTF-8 string (wcwidth per character; 1 for unknown). */
size_t text_width(const char *s);
/* Bytes of s that fit in `width` columns, never splitting a character. */
size_t text_fit(const char *s, size_t width);

#endif
