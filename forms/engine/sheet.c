/* sheet.c - a form CSV file's header and cells (see sheet.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/sheet.h"

/* The language column `cell` (header column k) names after its base's
 * separator: its slot, or -1 with a problem (an empty, over-long or
 * control-character suffix; one language too many). */
static int lang_slot(struct loader *ld, struct sheet *sh, const struct csv_cell *cell,
		     size_t k, const char *suffix)
{
	char name[FORM_LANG_NAME_MAX + 1], q[QUOTE_SIZE];
	const char *s = suffix;
	size_t n = strlen(s);
	struct fc_err err;
	int lang;

	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > FORM_LANG_NAME_MAX ||
	    text_check(s, n, TEXT_LINE, FORM_LANG_NAME_MAX, "language", &err)) {
		load_problem(ld, sh->file, cell->line, (int)k + 1, "column '%s' names no "
			     "language fieldcheck can use (a language is 1 to %d bytes of "
			     "text after '::')", load_quote(cell->s, q, sizeof q),
			     FORM_LANG_NAME_MAX);
		return -1;
	}
	memcpy(name, s, n);
	name[n] = '\0';
	if ((lang = lang_add(ld->f, name)) < 0) {
		load_problem(ld, sh->file, cell->line, (int)k + 1, "column '%s' is one "
			     "language too many: a form has at most %d",
			     load_quote(cell->s, q, sizeof q), FORM_MAX_LANGS);
		return -1;
	}
	return SLOT_LANG(lang);
}

/* Matches header cell k to a known column: the name before "::" (or a
 * single ':' for a translatable one, as pyxform takes "label:English")
 * compared without case, spaces read as '_' ("list name" is XLSForm's
 * alias).  -1: not ours; -2: ours but unusable (reported). */
/* pyxform's other names of columns (aliases.py: survey_header,
 * settings_header, list_header), and the XForm names it takes with a
 * "bind:" or "control:" before them ("bind:relevant", "control:appearance",
 * "bind:jr:constraintMsg"): header written as the column it names, into
 * buf; header itself when it is none of them. */
static const char *dealias(const char *header, char *buf, size_t size)
{
	static const struct { const char *old, *now; } names[] = {
		{ "relevance", "relevant" }, { "calculate", "calculation" },
		{ "constraining_message", "constraint_message" },
		{ "jr:constraintmsg", "constraint_message" },
		{ "requiredmsg", "required_message" }, { "jr:requiredmsg", "required_message" },
		{ "caption", "label" }, { "count", "repeat_count" }, { "jr:count", "repeat_count" },
		{ "id_string", "form_id" }, { "set_form_id", "form_id" },
		{ "title", "form_title" }, { "set_form_title", "form_title" },
	};
	const char *h = header, *sep;
	size_t k, n;

	if (!strncasecmp(h, "bind:", 5) && h[5] != ':')
		h += 5;
	else if (!strncasecmp(h, "control:", 8) && h[8] != ':')
		h += 8;
	sep = strstr(h, "::");
	n = sep ? (size_t)(sep - h) : strlen(h);
	for (k = 0; k < ARRAY_SIZE(names); k++)
		if (strlen(names[k].old) == n && !strncasecmp(h, names[k].old, n))
			return (size_t)snprintf(buf, size, "%s%s", names[k].now, sep ? sep : "") <
			       size ? buf : header;
	return h == header || (size_t)snprintf(buf, size, "%s", h) >= size ? header : buf;
}

static int header_key(struct loader *ld, struct sheet *sh, size_t k, enum sheet_slot *slot)
{
	const struct csv_cell *cell = &sh->csv.rows[0].cells[k];
	char base[64], alias[FORM_LANG_NAME_MAX + 64];
	const char *text = dealias(cell->s, alias, sizeof alias);
	const char *sep = strstr(text, "::"), *suffix = NULL;
	size_t n, i;
	int lang;

	if (sep)
		suffix = sep + 2;
	else if ((sep = strchr(text, ':')))
		suffix = sep + 1;
	n = sep ? (size_t)(sep - text) : strlen(text);
	if (n == 0 || n >= sizeof base)
		return -1;
	for (i = 0; i < n; i++) {
		char c = text[i];
		base[i] = c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	while (n && base[n - 1] == '_')
		n--;
	base[n] = '\0';
	*slot = SLOT_PLAIN;
	for (i = 0; i < sh->n_cols; i++) {
		if (strcmp(base, sh->cols[i].name))
			continue;
		if (!sep)
			return (int)i;
		if (!(sh->cols[i].flags & SHEET_LANG))
			return -1; /* not translatable: not ours */
		if ((lang = lang_slot(ld, sh, cell, k, suffix)) < 0)
			return -2;
		*slot = (enum sheet_slot)lang;
		return (int)i;
	}
	return -1;
}

const char *sheet_col_name(const struct sheet *sh, int key, enum sheet_slot slot,
			   char *buf, size_t size)
{
	int i = sh->idx[key][slot];

	if (i >= 0 && sh->csv.n && (size_t)i < sh->csv.rows[0].n)
		snprintf(buf, size, "%s", sh->csv.rows[0].cells[i].s);
	else if (slot != SLOT_PLAIN && sh->f && (size_t)slot - 1 < sh->f->n_langs)
		snprintf(buf, size, "%s::%s", sh->cols[key].name, sh->f->langs[slot - 1].name);
	else
		snprintf(buf, size, "%s", sh->cols[key].name);
	return buf;
}

/* Whether the sheet is a list of choices: choices.csv, itemsets.csv or a
 * select's file (whose other columns are its own, fromfile.c). */
static int attr_sheet(const struct loader *ld, const struct sheet *sh)
{
	size_t k = (size_t)sh->file - FF_FILE;

	return sh->file == FF_CHOICES || (sh->file >= FF_FILE && k < ld->f->n_files);
}

static void read_header(struct loader *ld, struct sheet *sh)
{
	const struct csv_row *h = &sh->csv.rows[0];
	enum sheet_slot slot;
	char name[QUOTE_SIZE];
	size_t k;
	int key;

	sh->width = h->n;
	for (k = 0; k < h->n; k++) {
		if ((key = header_key(ld, sh, k, &slot)) == -2)
			continue;
		if (key < 0) {
			/* choices.csv's (and itemsets.csv's, a select's file's)
			 * other columns are their choices' attributes, which a
			 * choice_filter and a lookup read (choices.c, fromfile.c) */
			if (h->cells[k].len && (!attr_sheet(ld, sh) ||
						!load_name_ok(h->cells[k].s)))
				load_warning(ld, sh->file, h->cells[k].line, (int)k + 1,
					     "column '%s' is not used by fieldcheck: its values "
					     "are ignored", load_quote(h->cells[k].s, name,
									sizeof name));
			continue;
		}
		if (sh->idx[key][slot] >= 0) {
			load_problem(ld, sh->file, h->cells[k].line, (int)k + 1,
				     "column '%s' appears twice (also column %d)",
				     sheet_col_name(sh, key, slot, name, sizeof name),
				     sh->idx[key][slot] + 1);
			continue;
		}
		sh->idx[key][slot] = (int)k;
	}
}

static int check_required(struct loader *ld, struct sheet *sh)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < sh->n_cols; i++) {
		if (!(sh->cols[i].flags & SHEET_REQUIRED) || sh->idx[i][SLOT_PLAIN] >= 0)
			continue;
		load_problem(ld, sh->file, sh->csv.rows[0].line, 1,
			     "missing column '%s'", sh->cols[i].name);
		rc = -1;
	}
	return rc;
}

/* Checks free-text cells for control characters (they reach the terminal)
 * and values beyond the header, which are not read: a warning (pyxform
 * drops them too), never lost in silence. */
static void check_cells(struct loader *ld, struct sheet *sh)
{
	struct fc_err err;
	char name[QUOTE_SIZE];
	size_t r, k;
	int key, s;

	for (r = 1; r < sh->csv.n; r++) {
		const struct csv_row *row = &sh->csv.rows[r];
		for (k = 0; k < row->n; k++)
			if (row->cells[k].len && (k >= sh->width ||
						  !sh->csv.rows[0].cells[k].len))
				load_warning(ld, sh->file, row->cells[k].line, (int)k + 1,
					     "value in column %zu, which has no header, is not "
					     "read", k + 1);
		for (key = 0; (size_t)key < sh->n_cols; key++) {
			unsigned fl = sh->cols[key].flags;
			if (!(fl & (SHEET_TEXT | SHEET_MULTI)))
				continue;
			for (s = 0; s < SLOT_COUNT; s++) {
				const char *v = sheet_get(sh, row, key, (enum sheet_slot)s);
				sheet_col_name(sh, key, (enum sheet_slot)s, name, sizeof name);
				if (*v && text_check(v, strlen(v), (fl & SHEET_MULTI) ?
						     TEXT_MULTILINE : TEXT_LINE, CSV_FIELD_MAX,
						     name, &err))
					sheet_problem(ld, sh, row, key, (enum sheet_slot)s,
						      "%s", err.msg);
			}
		}
	}
}

int sheet_load(struct loader *ld, struct sheet *sh, enum form_file file,
	       const char *buf, size_t len, const struct sheet_col *cols, size_t n_cols)
{
	struct fc_err err;
	size_t r, k;

	memset(sh, 0, sizeof *sh);
	memset(sh->idx, -1, sizeof sh->idx);
	sh->file = file;
	sh->f = ld->f;
	sh->cols = cols;
	sh->n_cols = n_cols < SHEET_MAX_COLS ? n_cols : SHEET_MAX_COLS;
	if (csv_parse(buf, len, NULL, &sh->csv, &err)) {
		load_problem(ld, file, sh->csv.err_line, sh->csv.err_col, "%s", err.msg);
		return -1;
	}
	if (sh->csv.n == 0) {
		load_problem(ld, file, 1, 1, "the file is empty (the first row must name "
			     "the columns)");
		return -1;
	}
	for (r = 0; r < sh->csv.n; r++)
		for (k = 0; k < sh->csv.rows[r].n; k++) {
			struct csv_cell *c = &sh->csv.rows[r].cells[k];
			text_trim(c->s);
			c->len = strlen(c->s);
		}
	read_header(ld, sh);
	if (check_required(ld, sh))
		return -1;
	check_cells(ld, sh);
	return 0;
}

void sheet_release(struct sheet *sh)
{
	csv_release(&sh->csv);
}

const char *sheet_get(const struct sheet *sh, const struct csv_row *row, int key,
		      enum sheet_slot slot)
{
	int i = sh->idx[key][slot];

	if (i < 0 || (size_t)i >= row->n)
		return "";
	return row->cells[i].s;
}

void sheet_pos(const struct sheet *sh, const struct csv_row *row, int key,
	       enum sheet_slot slot, int *line, int *col)
{
	int i = sh->idx[key][slot];

	*line = row->line;
	*col = i >= 0 ? i + 1 : 1;
	if (i >= 0 && (size_t)i < row->n)
		*line = row->cells[i].line;
}

/* A problem or a warning about a row's cell, at its line and column. */
static void FC_PRINTF(7, 0) sheet_say(struct loader *ld, const struct sheet *sh,
				      const struct csv_row *row, int key, enum sheet_slot slot,
				      int warning, const char *fmt, va_list ap)
{
	struct strbuf sb;
	int line, col;

	strbuf_init(&sb);
	strbuf_vaddf(&sb, fmt, ap);
	sheet_pos(sh, row, key, slot, &line, &col);
	if (warning)
		load_warning(ld, sh->file, line, col, "%s", sb.buf);
	else
		load_problem(ld, sh->file, line, col, "%s", sb.buf);
	strbuf_release(&sb);
}

void sheet_problem(struct loader *ld, const struct sheet *sh, const struct csv_row *row,
		   int key, enum sheet_slot slot, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sheet_say(ld, sh, row, key, slot, 0, fmt, ap);
	va_end(ap);
}

void sheet_warning(struct loader *ld, const struct sheet *sh, const struct csv_row *row,
		   int key, enum sheet_slot slot, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sheet_say(ld, sh, row, key, slot, 1, fmt, ap);
	va_end(ap);
}

void sheet_text(const struct sheet *sh, const struct csv_row *row, int key,
		struct form_text *out)
{
	size_t s, n = 0;

	memset(out, 0, sizeof *out);
	for (s = 0; s < SLOT_COUNT; s++)
		n += *sheet_get(sh, row, key, (enum sheet_slot)s) != '\0';
	if (!n)
		return;
	out->tr = xcalloc(n, sizeof *out->tr);
	for (s = 0; s < SLOT_COUNT; s++) {
		const char *v = sheet_get(sh, row, key, (enum sheet_slot)s);
		if (!*v)
			continue;
		out->tr[out->n].lang = (int)s - 1; /* SLOT_PLAIN is FORM_LANG_PLAIN */
		out->tr[out->n++].s = xstrdup(v);
	}
}

int sheet_row_blank(const struct csv_row *row)
{
	size_t k;

	for (k = 0; k < row->n; k++)
		if (row->cells[k].len)
			return 0;
	return 1;
}
