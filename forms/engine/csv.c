/* csv.c - an RFC 4180 reader for form files (see csv.h).
 *
 * One pass over the bytes.  Field bytes are copied into one buffer and
 * cells hold offsets until the end, when they become pointers (the buffer
 * moves while it grows).
 */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"

struct cellpos {
	size_t off, len;
	int line;
};

struct rowpos {
	size_t first, n;
	int line;
};

struct parser {
	const unsigned char *p;
	size_t len, i;
	const char *where;
	int line, col;          /* current line, current field number */
	int err_line, err_col;  /* where the error is, once there is one */
	struct strbuf data;
	struct cellpos *cells;
	size_t n_cells, alloc_cells;
	struct rowpos *rows;
	size_t n_rows, alloc_rows;
	struct fc_err *err;
};

static int perr(struct parser *ps, int line, const char *what)
{
	ps->err_line = line;
	ps->err_col = ps->col;
	if (!ps->where)
		return fc_fail(ps->err, "%s", what);
	return fc_fail(ps->err, "%s:%d:%d: %s", ps->where, line, ps->col, what);
}

/* Copies one character of field content at ps->i, checking it. */
static int take_char(struct parser *ps, size_t field_start)
{
	const unsigned char *c = ps->p + ps->i;
	size_t n;

	if (*c == 0)
		return perr(ps, ps->line, "NUL byte");
	n = *c < 0x80 ? 1 : utf8_seq_len(c, ps->len - ps->i);
	if (n == 0) {
		char what[64];
		snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02x)", *c);
		return perr(ps, ps->line, what);
	}
	if (ps->data.len - field_start + n > CSV_FIELD_MAX) {
		char what[64];
		snprintf(what, sizeof what, "field is longer than %u KiB",
			 CSV_FIELD_MAX >> 10);
		return perr(ps, ps->line, what);
	}
	strbuf_add(&ps->data, c, n);
	ps->i += n;
	return 0;
}

/* At a line end (LF, CRLF or a lone CR)?  Returns its length or 0. */
static size_t line_end(const struct parser *ps)
{
	if (ps->i >= ps->len)
		return 0;
	if (ps->p[ps->i] == '\n')
		return 1;
	if (ps->p[ps->i] == '\r')
		return ps->i + 1 < ps->len && ps->p[ps->i + 1] == '\n' ? 2 : 1;
	return 0;
}

static int quoted_field(struct parser *ps, size_t start)
{
	int open_line = ps->line;
	size_t n;

	ps->i++; /* the opening quote */
	for (;;) {
		if (ps->i >= ps->len)
			return perr(ps, open_line, "quoted field is never closed");
		if (ps->p[ps->i] == '"') {
			if (ps->i + 1 < ps->len && ps->p[ps->i + 1] == '"') {
				strbuf_addc(&ps->data, '"');
				ps->i += 2;
				continue;
			}
			ps->i++;
			break;
		}
		if ((n = line_end(ps)) != 0) {
			strbuf_addc(&ps->data, '\n');
			ps->i += n;
			ps->line++;
			continue;
		}
		if (take_char(ps, start))
			return -1;
	}
	if (ps->i < ps->len && ps->p[ps->i] != ',' && !line_end(ps))
		return perr(ps, ps->line, "text after the closing quote of a quoted field");
	return 0;
}

static int plain_field(struct parser *ps, size_t start)
{
	while (ps->i < ps->len && ps->p[ps->i] != ',' && !line_end(ps)) {
		if (ps->p[ps->i] == '"')
			return perr(ps, ps->line, "stray quote: a field holding '\"' "
				    "must be quoted and the quote doubled");
		if (take_char(ps, start))
			return -1;
	}
	return 0;
}

static void push_cell(struct parser *ps, size_t start, int line)
{
	ALLOC_GROW(ps->cells, ps->n_cells + 1, ps->alloc_cells);
	ps->cells[ps->n_cells].off = start;
	ps->cells[ps->n_cells].len = ps->data.len - start;
	ps->cells[ps->n_cells].line = line;
	ps->n_cells++;
	strbuf_addc(&ps->data, '\0');
}

static void push_row(struct parser *ps, size_t first, int line)
{
	ALLOC_GROW(ps->rows, ps->n_rows + 1, ps->alloc_rows);
	ps->rows[ps->n_rows].first = first;
	ps->rows[ps->n_rows].n = ps->n_cells - first;
	ps->rows[ps->n_rows].line = line;
	ps->n_rows++;
}

/* Reads one record; at its end ps->i is past its line end. */
static int record(struct parser *ps)
{
	size_t first = ps->n_cells, n;
	int row_line = ps->line;

	if (ps->n_rows >= CSV_ROWS_MAX) {
		char what[64];
		snprintf(what, sizeof what, "more than %d rows", CSV_ROWS_MAX);
		ps->col = 1;
		return perr(ps, ps->line, what);
	}
	for (ps->col = 1;; ps->col++) {
		size_t start = ps->data.len;
		int field_line = ps->line;

		if (ps->col > CSV_COLS_MAX) {
			char what[64];
			snprintf(what, sizeof what, "more than %d fields in a row", CSV_COLS_MAX);
			return perr(ps, ps->line, what);
		}
		if (ps->i < ps->len && ps->p[ps->i] == '"') {
			if (quoted_field(ps, start))
				return -1;
		} else if (plain_field(ps, start)) {
			return -1;
		}
		push_cell(ps, start, field_line);
		if (ps->i < ps->len && ps->p[ps->i] == ',') {
			ps->i++;
			continue;
		}
		n = line_end(ps);
		ps->i += n;
		if (n)
			ps->line++;
		break;
	}
	push_row(ps, first, row_line);
	return 0;
}

/* Turns offsets into pointers, now that the data no longer moves. */
static void finish(struct parser *ps, struct csv *out)
{
	size_t r, k;

	out->data = strbuf_detach(&ps->data);
	out->cells = xcalloc(ps->n_cells ? ps->n_cells : 1, sizeof *out->cells);
	for (k = 0; k < ps->n_cells; k++) {
		out->cells[k].s = out->data + ps->cells[k].off;
		out->cells[k].len = ps->cells[k].len;
		out->cells[k].line = ps->cells[k].line;
	}
	out->rows = xcalloc(ps->n_rows ? ps->n_rows : 1, sizeof *out->rows);
	for (r = 0; r < ps->n_rows; r++) {
		out->rows[r].cells = out->cells + ps->rows[r].first;
		out->rows[r].n = ps->rows[r].n;
		out->rows[r].line = ps->rows[r].line;
	}
	out->n = ps->n_rows;
}

int csv_parse(const char *buf, size_t len, const char *where, struct csv *out,
	      struct fc_err *err)
{
	struct parser ps;
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (len > CSV_FILE_MAX)
		return fc_fail(err, _("%s%sfile is too large (%zu bytes; at most %u MiB)"),
			       where ? where : "", where ? ": " : "", len, CSV_FILE_MAX >> 20);
	memset(&ps, 0, sizeof ps);
	ps.p = (const unsigned char *)buf;
	ps.len = len;
	ps.where = where;
	ps.line = 1;
	ps.err = err;
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		ps.i = 3;
	strbuf_init(&ps.data);
	while (ps.i < ps.len && rc == 0)
		rc = record(&ps);
	if (rc == 0)
		finish(&ps, out);
	out->err_line = ps.err_line;
	out->err_col = ps.err_col;
	strbuf_release(&ps.data);
	free(ps.cells);
	free(ps.rows);
	return rc;
}

void csv_release(struct csv *c)
{
	if (!c)
		return;
	free(c->rows);
	free(c->cells);
	free(c->data);
	memset(c, 0, sizeof *c);
}

void csv_add_field(struct strbuf *sb, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		strbuf_adds(sb, s);
		return;
	}
	strbuf_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		if (*s == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, *s);
	}
	strbuf_addc(sb, '"');
}
