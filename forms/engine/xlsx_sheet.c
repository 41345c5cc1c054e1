/* xlsx_sheet.c - one worksheet of a workbook turned into CSV.
 *
 * Cells are gathered first (a sheet need not list them in order, and may
 * omit their references), sorted by row and column, then written as the
 * CSV a spreadsheet's "save as CSV" gives: every row from the first to the
 * last that holds a value, each as wide as its last value, fields quoted
 * only when they must be.  Empty rows stay as empty lines so that a
 * problem's line leads back to the sheet's row (row_of_line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/engine/csv.h"
#include "forms/engine/xlsx_impl.h"
#include "core/i18n.h"

#define ROW_MAX 1048576  /* the last row a sheet can have */

struct cell {
	int row, col;
	char *text;
};

struct sheet_read {
	char *const *strings;
	size_t n_strings;
	const struct xlsx_styles *styles;
	struct cell *cells;
	size_t n, alloc;
	size_t bytes;            /* of all cell text, bounded by CSV_FILE_MAX */
	int row, col;            /* the current cell's place */
	int next_row, next_col;  /* where a cell without a reference goes */
	char type[12];           /* its t attribute */
	enum xlsx_num kind;      /* what its style s makes of a number */
	int in_cell;
};

/* Reads a reference such as "AB12"; 0, or -1 if it is not one. */
static int parse_ref(const char *r, int *row, int *col)
{
	long c = 0, n = 0;
	const char *p = r;

	while (*p >= 'A' && *p <= 'Z' && c <= 16384)
		c = c * 26 + (*p++ - 'A' + 1);
	if (p == r || c > 16384 || *p < '1' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9' && n <= ROW_MAX)
		n = n * 10 + (*p++ - '0');
	if (*p || n > ROW_MAX)
		return -1;
	*row = (int)n;
	*col = (int)c;
	return 0;
}

static void start(struct xml_walk *w, const char *name, const char **atts)
{
	struct sheet_read *s = w->ctx;
	const char *v;

	if (!strcmp(name, "row")) {
		v = xml_attr(atts, "r", 0);
		s->next_row = v ? atoi(v) : s->next_row + 1;
		if (s->next_row < 1 || s->next_row > ROW_MAX)
			xml_walk_fail(w, "a row numbered %s", v ? v : "past the last");
		s->next_col = 1;
	} else if (!strcmp(name, "c") && xml_inside(w, "row")) {
		v = xml_attr(atts, "r", 0);
		if (v && parse_ref(v, &s->row, &s->col))
			xml_walk_fail(w, "a cell reference \"%.20s\" that is not one", v);
		if (!v) {
			s->row = s->next_row;
			s->col = s->next_col;
		}
		s->next_col = s->col + 1;
		v = xml_attr(atts, "t", 0);
		snprintf(s->type, sizeof s->type, "%s", v ? v : "n");
		s->kind = xlsx_style_kind(s->styles, xml_attr(atts, "s", 0));
		s->in_cell = 1;
		strbuf_reset(&w->text);
	} else if (s->in_cell && (!strcmp(name, "v") ||
				  (!strcmp(name, "t") && !xml_inside(w, "rPh")))) {
		w->collect = 1;
	}
}

/* A number cell written "1.0" (as some tools save whole numbers) is read
 * as "1", the way pyxform reads it (a float that is whole becomes an int):
 * a choice named 1 is "1", whatever wrote the workbook. */
static void whole_number(char *v)
{
	char *dot = v + (*v == '-');
	size_t digits = strspn(dot, "0123456789");

	dot += digits;
	if (digits && *dot == '.' && dot[1] && strspn(dot + 1, "0") == strlen(dot + 1))
		*dot = '\0';
}

/* A number in a date or time format: the text pyxform reads (xlsx_date.c). */
static char *date_text(struct xml_walk *w, struct sheet_read *s)
{
	struct strbuf sb;
	char ref[8];

	strbuf_init(&sb);
	if (xlsx_serial_text(w->text.buf, s->kind, s->styles->date1904, &sb)) {
		strbuf_release(&sb);
		xml_walk_fail(w, "cell %s%d is formatted as a date but holds %.20s, which is "
			      "no date (years 1 to 9999)", xlsx_column_name(s->col, ref), s->row,
			      w->text.buf);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* The text a finished cell shows, or NULL (with w failed) if it cannot. */
static char *cell_text(struct xml_walk *w, struct sheet_read *s)
{
	const char *t = s->type, *v = w->text.buf;
	char ref[8];

	if (!strcmp(t, "s")) {
		char *end;
		unsigned long k = strtoul(v, &end, 10);
		if (end == v || *end || k >= s->n_strings) {
			xml_walk_fail(w, "cell %s%d names shared string %.20s, which does not "
				      "exist", xlsx_column_name(s->col, ref), s->row, v);
			return NULL;
		}
		return xstrdup(s->strings[k]);
	}
	if (!strcmp(t, "b"))
		return xstrdup(!strcmp(v, "1") ? "TRUE" : "FALSE");
	if (!strcmp(t, "e")) {
		xml_walk_fail(w, "cell %s%d holds the spreadsheet error %.20s",
			      xlsx_column_name(s->col, ref), s->row, v);
		return NULL;
	}
	xlsx_unescape(&w->text);
	if ((!*t || !strcmp(t, "n")) && s->kind != XN_NUMBER)
		return date_text(w, s);
	if (!*t || !strcmp(t, "n"))
		whole_number(w->text.buf);
	return xstrdup(w->text.buf);
}

static void end(struct xml_walk *w, const char *name)
{
	struct sheet_read *s = w->ctx;
	char *text;

	if (!strcmp(name, "v") || !strcmp(name, "t")) {
		w->collect = 0;
		return;
	}
	if (strcmp(name, "c") || !s->in_cell)
		return;
	s->in_cell = 0;
	if (!w->text.len && strcmp(s->type, "s"))
		return; /* a formatted cell with no value */
	if (!(text = cell_text(w, s)))
		return;
	if (!*text) { /* an empty string is no value: a sheet "used" far past
		       * its text (pyxform's extra_columns) stays as small */
		free(text);
		return;
	}
	s->bytes += strlen(text) + 1;
	if (s->bytes > CSV_FILE_MAX || s->n >= CSV_ROWS_MAX * 16u) {
		free(text);
		xml_walk_fail(w, "more text than a form sheet may hold (%u MiB)", CSV_FILE_MAX >> 20);
		return;
	}
	ALLOC_GROW(s->cells, s->n + 1, s->alloc);
	s->cells[s->n].row = s->row;
	s->cells[s->n].col = s->col;
	s->cells[s->n++].text = text;
}

static int cmp_cell(const void *a, const void *b)
{
	const struct cell *p = a, *q = b;

	if (p->row != q->row)
		return p->row < q->row ? -1 : 1;
	return (p->col > q->col) - (p->col < q->col);
}

static size_t count_lf(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void add_line(int **map, size_t *lines, size_t *alloc, int row)
{
	ALLOC_GROW(*map, *lines + 2, *alloc);
	(*map)[++*lines] = row;
}

/* pyxform stops reading a sheet's header row after 20 empty cells in a
 * row, and its rows after 60 empty rows in a row (an empty row: no value
 * under a header); what lies past either is no part of the form there, so
 * it is not read here either: the cells are dropped, and the first row and
 * column they held are kept for load.c to say.  Cells are sorted. */
#define PYXFORM_EMPTY_COLS 20
#define PYXFORM_EMPTY_ROWS 60

static void cut_as_pyxform(struct sheet_read *s, int *cut_row, int *cut_col)
{
	unsigned char header[CSV_COLS_MAX + 2] = { 0 };
	size_t i, kept = 0;
	int last = 0, row = 1, empty = 0, has;

	*cut_row = *cut_col = 0;
	for (i = 0; i < s->n && s->cells[i].row == 1 && !*cut_col; i++) {
		if (s->cells[i].col - last - 1 > PYXFORM_EMPTY_COLS)
			*cut_col = last + PYXFORM_EMPTY_COLS + 1;
		else if (s->cells[i].col <= CSV_COLS_MAX)
			header[last = s->cells[i].col] = 1;
	}
	if (!*cut_col && s->n && s->cells[0].row == 1)
		*cut_col = last + PYXFORM_EMPTY_COLS + 1; /* nothing is read past it */
	for (i = 0; i < s->n && !*cut_row; row++) {
		for (has = 0; i < s->n && s->cells[i].row == row; i++)
			has |= s->cells[i].col <= CSV_COLS_MAX && header[s->cells[i].col];
		if (row > 1 && !has && empty++ == PYXFORM_EMPTY_ROWS)
			*cut_row = row;
		else if (has)
			empty = 0;
	}
	row = *cut_row, last = *cut_col;
	*cut_row = *cut_col = 0;
	for (i = 0; i < s->n; i++) { /* said by the first value dropped */
		const struct cell *c = &s->cells[i];
		if (row && c->row >= row) {
			*cut_row = *cut_row ? *cut_row : c->row;
			free(c->text);
		} else if (last && c->col >= last) {
			*cut_col = *cut_col && *cut_col < c->col ? *cut_col : c->col;
			free(c->text);
		} else {
			s->cells[kept++] = *c;
		}
	}
	s->n = kept;
}

/* The width rows are padded to: the widest row's, as spreadsheets export
 * a sheet's used range, unless the commas alone would make the sheet more
 * than a form sheet may hold (a header far to the right above thousands
 * of rows, as pyxform's extra_columns): then each row ends at its last
 * value (0), which the CSV reader reads the same. */
static int pad_width(const struct sheet_read *s, int width)
{
	size_t rows = s->n ? (size_t)s->cells[s->n - 1].row : 0;

	return rows * (size_t)width + s->bytes > CSV_FILE_MAX ? 0 : width;
}

/* Writes the sorted cells as CSV into out's slot `which`. */
static void write_csv(struct sheet_read *s, struct xlsx_sheets *out, enum xlsx_sheet which)
{
	struct strbuf sb;
	size_t i, alloc = 0, lines = 0, k;
	int *map = NULL, row, col, width = 0, pad;

	for (i = 0; i < s->n; i++)
		if (s->cells[i].col > width)
			width = s->cells[i].col;
	pad = pad_width(s, width);
	strbuf_init(&sb);
	for (row = 1, i = 0; i < s->n; row++) {
		add_line(&map, &lines, &alloc, row);
		for (col = 1; col <= width; col++) {
			const struct cell *c = &s->cells[i];
			if (col > pad && (i == s->n || c->row != row))
				break; /* the row's last value is written */
			if (col > 1)
				strbuf_addc(&sb, ',');
			if (i == s->n || c->row != row || c->col != col)
				continue;
			csv_add_field(&sb, c->text);
			/* a field's line breaks are lines of the same row */
			for (k = count_lf(c->text); k; k--)
				add_line(&map, &lines, &alloc, row);
			i++;
		}
		strbuf_addc(&sb, '\n');
	}
	out->csv[which] = strbuf_detach(&sb);
	out->len[which] = strlen(out->csv[which]);
	out->row_of_line[which] = map;
	out->n_lines[which] = lines;
}

int xlsx_sheet_csv(const char *part, const char *xml, size_t len, char **const strings,
		   size_t n_strings, const struct xlsx_styles *st, struct xlsx_sheets *out,
		   enum xlsx_sheet which, struct fc_err *err)
{
	struct sheet_read s;
	struct xml_walk w;
	size_t i;
	int rc;
	char ref[8];

	memset(&s, 0, sizeof s);
	memset(&w, 0, sizeof w);
	s.strings = strings;
	s.n_strings = n_strings;
	s.styles = st;
	w.part = part;
	w.ctx = &s;
	w.start = start;
	w.end = end;
	rc = xml_walk_run(&w, xml, len, err);
	if (!rc) {
		if (s.n) /* qsort wants a real array, even of none */
			qsort(s.cells, s.n, sizeof *s.cells, cmp_cell);
		for (i = 1; i < s.n && !rc; i++)
			if (s.cells[i].row == s.cells[i - 1].row && s.cells[i].col == s.cells[i - 1].col)
				rc = fc_fail(err, _("%s: cell %s%d is given twice"), part,
					     xlsx_column_name(s.cells[i].col, ref), s.cells[i].row);
	}
	if (!rc && s.n && s.cells[s.n - 1].row > (int)CSV_ROWS_MAX)
		rc = fc_fail(err, _("%s: a value in row %d, past the %u rows a form sheet may have"),
			     part, s.cells[s.n - 1].row, CSV_ROWS_MAX);
	for (i = 0; !rc && i < s.n; i++)
		if (s.cells[i].col > CSV_COLS_MAX)
			rc = fc_fail(err, _("%s, cell %s%d: past the %d columns a form sheet may "
					    "have"), part, xlsx_column_name(s.cells[i].col, ref),
				     s.cells[i].row, CSV_COLS_MAX);
	if (!rc) /* bounded first: a hostile sheet is refused, not cut */
		cut_as_pyxform(&s, &out->cut_row[which], &out->cut_col[which]);
	if (!rc)
		write_csv(&s, out, which);
	for (i = 0; i < s.n; i++)
		free(s.cells[i].text);
	free(s.cells);
	return rc;
}
