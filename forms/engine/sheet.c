/* sheet.c - a form CSV file's header and cells (see sheet.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/sheet.h"

/* The language a suffix names: "zh", "zh-CN", "Chinese (zh)", "English". */
static int parse_lang(const char *suffix, enum sheet_slot *slot)
{
	char code[32];
	const char *open = strrchr(suffix, '(');
	size_t n;

	if (open && suffix[strlen(suffix) - 1] == ')') {
		open++;
		n = strlen(open) - 1;
	} else {
		open = suffix;
		n = strlen(suffix);
	}
	while (n && *open == ' ')
		open++, n--;
	while (n && open[n - 1] == ' ')
		n--;
	if (n == 0 || n >= sizeof code)
		return -1;
	memcpy(code, open, n);
	code[n] = '\0';
	if (!strcasecmp(code, "chinese") || ((code[0] | 0x20) == 'z' &&
	    (code[1] | 0x20) == 'h' && (!code[2] || code[2] == '-' || code[2] == '_'))) {
		*slot = SLOT_ZH;
		return 0;
	}
	if (!strcasecmp(code, "english") || ((code[0] | 0x20) == 'e' &&
	    (code[1] | 0x20) == 'n' && (!code[2] || code[2] == '-' || code[2] == '_'))) {
		*slot = SLOT_EN;
		return 0;
	}
	return -1;
}

/* Matches a header cell to a known column: the name before "::" compared
 * without case, spaces read as '_' ("list name" is XLSForm's alias). */
static int header_key(const struct sheet *sh, const char *cell, enum sheet_slot *slot)
{
	char base[64];
	const char *sep = strstr(cell, "::");
	size_t n = sep ? (size_t)(sep - cell) : strlen(cell), i;

	if (n == 0 || n >= sizeof base)
		return -1;
	for (i = 0; i < n; i++) {
		char c = cell[i];
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
		if (!(sh->cols[i].flags & SHEET_LANG) || parse_lang(sep + 2, slot))
			return -1; /* another language, or not translatable: not ours */
		return (int)i;
	}
	return -1;
}

const char *sheet_col_name(const struct sheet *sh, int key, enum sheet_slot slot,
			   char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", sh->cols[key].name,
		 slot == SLOT_ZH ? "::zh" : slot == SLOT_EN ? "::en" : "");
	return buf;
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
		if ((key = header_key(sh, h->cells[k].s, &slot)) < 0) {
			/* choices.csv's other columns are its choices' attributes,
			 * which a choice_filter reads (choices.c) */
			if (h->cells[k].len && (sh->file != FF_CHOICES ||
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
 * and values beyond the header, which would be silently lost. */
static void check_cells(struct loader *ld, struct sheet *sh)
{
	struct fc_err err;
	char name[80];
	size_t r, k;
	int key, s;

	for (r = 1; r < sh->csv.n; r++) {
		const struct csv_row *row = &sh->csv.rows[r];
		for (k = 0; k < row->n; k++)
			if (row->cells[k].len && (k >= sh->width ||
						  !sh->csv.rows[0].cells[k].len))
				load_problem(ld, sh->file, row->cells[k].line, (int)k + 1,
					     "value in column %zu, which has no header", k + 1);
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

void sheet_problem(struct loader *ld, const struct sheet *sh, const struct csv_row *row,
		   int key, enum sheet_slot slot, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	int line, col;

	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	sheet_pos(sh, row, key, slot, &line, &col);
	load_problem(ld, sh->file, line, col, "%s", sb.buf);
	strbuf_release(&sb);
}

void sheet_text(const struct sheet *sh, const struct csv_row *row, int key,
		enum form_lang lang, struct form_text *out)
{
	const char *zh = sheet_get(sh, row, key, SLOT_ZH);
	const char *en = sheet_get(sh, row, key, SLOT_EN);
	const char *plain = sheet_get(sh, row, key, SLOT_PLAIN);

	if (!*zh && lang == LANG_ZH)
		zh = plain;
	if (!*en && lang == LANG_EN)
		en = plain;
	out->s[LANG_ZH] = *zh ? xstrdup(zh) : NULL;
	out->s[LANG_EN] = *en ? xstrdup(en) : NULL;
}

int sheet_row_blank(const struct csv_row *row)
{
	size_t k;

	for (k = 0; k < row->n; k++)
		if (row->cells[k].len)
			return 0;
	return 1;
}
