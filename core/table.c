/* table.c - printing listings as aligned text, RFC 4180 CSV or JSON. */
#include "table.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "strbuf.h"
#include "text.h"
#include "words.h"

void table_init(struct table *t, const struct table_col *cols, size_t n_cols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->n_cols = n_cols;
}

void table_release(struct table *t)
{
	size_t i;
	for (i = 0; i < t->n_rows * t->n_cols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->n_rows = t->alloc = 0;
}

void table_add(struct table *t, const char *const *vals)
{
	size_t c;

	ALLOC_GROW(t->cells, (t->n_rows + 1) * t->n_cols, t->alloc);
	for (c = 0; c < t->n_cols; c++)
		t->cells[t->n_rows * t->n_cols + c] = xstrdup(vals[c] ? vals[c] : "");
	t->n_rows++;
}

static const char *cell(const struct table *t, size_t r, size_t c)
{
	return t->cells[r * t->n_cols + c];
}

/* One character's display width; control characters show as two ("^[") . */
static size_t char_width(unsigned cp)
{
	int w;
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return 2;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : (size_t)w;
}

size_t text_width(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = strlen(s), w = 0;

	while (i < n) {
		size_t k = utf8_seq_len(u + i, n - i);
		if (k == 0) { /* invalid byte: shown as '?' */
			w++, i++;
			continue;
		}
		w += char_width(utf8_decode(u + i, k));
		i += k;
	}
	return w;
}

size_t text_fit(const char *s, size_t width)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = strlen(s), w = 0;

	while (i < n) {
		size_t k = utf8_seq_len(u + i, n - i), cw;
		cw = k ? char_width(utf8_decode(u + i, k)) : 1;
		if (w + cw > width)
			break;
		w += cw;
		i += k ? k : 1;
	}
	return i;
}

void fputs_safe(const char *s, FILE *fp)
{
	struct strbuf sb;

	strbuf_init(&sb);
	text_visible(&sb, s, strlen(s));
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

void json_quote(struct strbuf *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s, *run;

	strbuf_addc(out, '"');
	for (;;) {
		/* The plain bytes up to the next one escaped, added at once:
		 * a record's text is mostly plain, and every record of a pull
		 * is re-encoded (the canonical check), byte by byte this was
		 * 3 % of a first pull. */
		for (run = u; *u >= 0x20 && *u != '"' && *u != '\\' && *u != 0x7f; u++)
			;
		strbuf_add(out, run, (size_t)(u - run));
		if (!*u)
			break;
		switch (*u) {
		case '"': strbuf_adds(out, "\\\""); break;
		case '\\': strbuf_adds(out, "\\\\"); break;
		case '\n': strbuf_adds(out, "\\n"); break;
		case '\t': strbuf_adds(out, "\\t"); break;
		case '\r': strbuf_adds(out, "\\r"); break;
		default: strbuf_addf(out, "\\u%04x", *u);
		}
		u++;
	}
	strbuf_addc(out, '"');
}

/* The cell as shown in text: a model's name in the user's language, cut
 * to the column's text_max, marked with "~" unless the column shows
 * prefixes. */
static char *shown(const struct table_col *col, const char *s)
{
	size_t cut;
	char *r;

	if (col->kind == COL_WORD)
		s = model_word(s);
	if (!col->text_max || text_width(s) <= col->text_max)
		return xstrdup(s);
	if (col->kind == COL_PREFIX)
		return xstrndup(s, text_fit(s, col->text_max));
	cut = text_fit(s, col->text_max - 1);
	r = xmalloc(cut + 2);
	memcpy(r, s, cut);
	r[cut] = '~';
	r[cut + 1] = '\0';
	return r;
}

static void print_padded(const char *s, size_t width, int right, FILE *out)
{
	size_t w = text_width(s), i;
	if (right)
		for (i = w; i < width; i++)
			fputc(' ', out);
	fputs_safe(s, out);
	if (!right)
		for (i = w; i < width; i++)
			fputc(' ', out);
}

/* A column's text header in the user's language (the CSV header and the
 * JSON key stay the key: scripts read them). */
static const char *title(const struct table_col *c)
{
	return c->title && *c->title ? _(c->title) : "";
}

static void print_text(const struct table *t, FILE *out)
{
	size_t n = t->n_rows * t->n_cols, r, c;
	size_t *w = xcalloc(t->n_cols, sizeof *w);
	char **cut = xcalloc(n ? n : 1, sizeof *cut);

	for (r = 0; r < t->n_rows; r++)
		for (c = 0; c < t->n_cols; c++)
			cut[r * t->n_cols + c] = shown(&t->cols[c], cell(t, r, c));
	for (c = 0; c < t->n_cols; c++) {
		w[c] = text_width(title(&t->cols[c]));
		for (r = 0; r < t->n_rows; r++)
			if (text_width(cut[r * t->n_cols + c]) > w[c])
				w[c] = text_width(cut[r * t->n_cols + c]);
	}
	for (c = 0; c < t->n_cols; c++) {
		print_padded(title(&t->cols[c]), c + 1 < t->n_cols ? w[c] : 0, t->cols[c].numeric, out);
		fputs(c + 1 < t->n_cols ? "  " : "\n", out);
	}
	for (r = 0; r < t->n_rows; r++)
		for (c = 0; c < t->n_cols; c++) {
			print_padded(cut[r * t->n_cols + c],
				     c + 1 < t->n_cols || t->cols[c].numeric ? w[c] : 0,
				     t->cols[c].numeric, out);
			fputs(c + 1 < t->n_cols ? "  " : "\n", out);
		}
	for (r = 0; r < n; r++)
		free(cut[r]);
	free(cut);
	free(w);
}

static void csv_field(const char *s, FILE *out)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void csv_header(const struct table *t, FILE *out)
{
	size_t c;
	for (c = 0; c < t->n_cols; c++) {
		csv_field(t->cols[c].key, out);
		fputs(c + 1 < t->n_cols ? "," : "\r\n", out);
	}
}

static void csv_rows(const struct table *t, FILE *out)
{
	size_t r, c;
	for (r = 0; r < t->n_rows; r++)
		for (c = 0; c < t->n_cols; c++) {
			csv_field(cell(t, r, c), out);
			fputs(c + 1 < t->n_cols ? "," : "\r\n", out);
		}
}

/* The rows of t as JSON objects; `before` rows were printed already (the
 * first one opens the array's lines). */
static void json_rows(const struct table *t, size_t before, FILE *out)
{
	struct strbuf sb;
	size_t r, c;

	strbuf_init(&sb);
	for (r = 0; r < t->n_rows; r++) {
		strbuf_adds(&sb, r + before ? ",\n  {" : "\n  {");
		for (c = 0; c < t->n_cols; c++) {
			const char *v = cell(t, r, c);
			if (c)
				strbuf_adds(&sb, ", ");
			json_quote(&sb, t->cols[c].key);
			strbuf_adds(&sb, ": ");
			if (t->cols[c].numeric && *v)
				strbuf_adds(&sb, v);
			else if (t->cols[c].numeric)
				strbuf_adds(&sb, "null");
			else
				json_quote(&sb, v);
		}
		strbuf_adds(&sb, "}");
	}
	fwrite(sb.buf, 1, sb.len, out);
	strbuf_release(&sb);
}

static void print_csv(const struct table *t, FILE *out)
{
	csv_header(t, out);
	csv_rows(t, out);
}

static void print_json(const struct table *t, FILE *out)
{
	fputs("[", out);
	json_rows(t, 0, out);
	fputs(t->n_rows ? "\n]\n" : "]\n", out);
}

static int stream_ok(FILE *out)
{
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

int table_stream_start(struct table_stream *ts, struct table *t, enum table_format fmt,
		       FILE *out)
{
	ts->t = t;
	ts->fmt = fmt;
	ts->out = out;
	ts->printed = 0;
	if (fmt == FMT_CSV)
		csv_header(t, out);
	else if (fmt == FMT_JSON)
		fputs("[", out);
	return fmt == FMT_TEXT ? 0 : stream_ok(out);
}

int table_stream_flush(struct table_stream *ts)
{
	struct table *t = ts->t;
	size_t i;

	if (ts->fmt == FMT_TEXT || t->n_rows == 0)
		return 0;
	if (ts->fmt == FMT_CSV)
		csv_rows(t, ts->out);
	else
		json_rows(t, ts->printed, ts->out);
	ts->printed += t->n_rows;
	for (i = 0; i < t->n_rows * t->n_cols; i++)
		free(t->cells[i]);
	t->n_rows = 0;
	return stream_ok(ts->out);
}

int table_stream_end(struct table_stream *ts)
{
	if (ts->fmt == FMT_TEXT)
		return table_print(ts->t, FMT_TEXT, ts->out);
	if (table_stream_flush(ts))
		return -1;
	if (ts->fmt == FMT_JSON)
		fputs(ts->printed ? "\n]\n" : "]\n", ts->out);
	return stream_ok(ts->out);
}

int table_print(const struct table *t, enum table_format fmt, FILE *out)
{
	switch (fmt) {
	case FMT_CSV: print_csv(t, out); break;
	case FMT_JSON: print_json(t, out); break;
	default: print_text(t, out); break;
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
