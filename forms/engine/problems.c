/* problems.c - collecting and printing what is wrong with a form.
 *
 * Form files can come from a remote, and their text reaches the terminal in
 * these messages: values are quoted through load_quote, which makes every
 * control, bidi and invisible format character visible (text_is_hidden).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/model.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xlsx.h"

void form_problems_release(struct form_problems *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->n; i++)
		free(p->msgs[i]);
	free(p->msgs);
	p->msgs = NULL;
	p->n = p->alloc = 0;
}

const char *load_file_name(const struct loader *ld, enum form_file file)
{
	switch (file) {
	case FF_SURVEY: return "survey.csv";
	case FF_CHOICES: return "choices.csv";
	case FF_SETTINGS: return "settings.csv";
	case FF_NONE: return "";
	default:
		return ld && ld->f && (size_t)(file - FF_FILE) < ld->f->n_files ?
		       ld->f->files[file - FF_FILE].name : "";
	}
}

static void add(struct problem **v, size_t *n, size_t *alloc, enum form_file file, int line,
		int col, const char *fmt, va_list ap)
{
	struct problem *p;

	ALLOC_GROW(*v, *n + 1, *alloc);
	p = &(*v)[*n];
	p->file = file;
	p->line = line;
	p->col = col;
	p->seq = (*n)++;
	p->msg = xstrvfmt(fmt, ap);
}

void load_problem(struct loader *ld, enum form_file file, int line, int col,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(&ld->probs, &ld->n_probs, &ld->alloc_probs, file, line, col, fmt, ap);
	va_end(ap);
}

void load_warning(struct loader *ld, enum form_file file, int line, int col,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(&ld->warns, &ld->n_warns, &ld->alloc_warns, file, line, col, fmt, ap);
	va_end(ap);
}

static int cmp_problem(const void *a, const void *b)
{
	const struct problem *p = a, *q = b;

	if (p->file != q->file)
		return p->file < q->file ? -1 : 1;
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	if (p->col != q->col)
		return p->col < q->col ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* "BOOK.xlsx:survey!C12: msg": a cell as the author's spreadsheet names it. */
static char *format_book_problem(const struct loader *ld, const struct problem *p)
{
	struct strbuf sb;
	char col[8];

	strbuf_init(&sb);
	if (p->file >= FF_FILE) { /* a CSV file beside the workbook */
		const char *slash = strrchr(ld->where, '/');
		if (slash)
			strbuf_add(&sb, ld->where, (size_t)(slash - ld->where + 1));
		strbuf_addf(&sb, "%s:%d:%d: %s", load_file_name(ld, p->file), p->line, p->col,
			    p->msg);
		return strbuf_detach(&sb);
	}
	strbuf_adds(&sb, ld->where);
	if (p->file != FF_NONE)
		strbuf_addf(&sb, ":%s", xlsx_sheet_name((enum xlsx_sheet)p->file));
	if (p->file != FF_NONE && p->line > 0)
		strbuf_addf(&sb, "!%s%d", xlsx_column_name(p->col > 0 ? p->col : 1, col),
			    xlsx_row(ld->book, (enum xlsx_sheet)p->file, p->line));
	strbuf_addf(&sb, ": %s", p->msg);
	return strbuf_detach(&sb);
}

static char *format_problem(const struct loader *ld, const struct problem *p)
{
	struct strbuf sb;

	if (ld->book)
		return format_book_problem(ld, p);
	strbuf_init(&sb);
	strbuf_adds(&sb, ld->where);
	if (p->file != FF_NONE) {
		if (*ld->where)
			strbuf_addc(&sb, '/');
		strbuf_adds(&sb, load_file_name(ld, p->file));
	}
	if (p->line > 0)
		strbuf_addf(&sb, ":%d:%d", p->line, p->col);
	strbuf_addf(&sb, ": %s", p->msg);
	return strbuf_detach(&sb);
}

void load_warnings_finish(struct loader *ld, struct form_problems *out)
{
	size_t i;

	if (ld->n_warns) /* qsort wants a real array, even of none */
		qsort(ld->warns, ld->n_warns, sizeof *ld->warns, cmp_problem);
	for (i = 0; i < ld->n_warns; i++) {
		if (out) {
			char *m = ld->warns[i].msg;
			ld->warns[i].msg = xstrfmt("warning: %s", m);
			free(m);
			ALLOC_GROW(out->msgs, out->n + 1, out->alloc);
			out->msgs[out->n++] = format_problem(ld, &ld->warns[i]);
		}
		free(ld->warns[i].msg);
	}
	free(ld->warns);
	ld->warns = NULL;
	ld->n_warns = ld->alloc_warns = 0;
}

void load_problems_finish(struct loader *ld, struct form_problems *out)
{
	size_t i;

	if (ld->n_probs)
		qsort(ld->probs, ld->n_probs, sizeof *ld->probs, cmp_problem);
	ALLOC_GROW(out->msgs, out->n + ld->n_probs, out->alloc);
	for (i = 0; i < ld->n_probs; i++) {
		out->msgs[out->n++] = format_problem(ld, &ld->probs[i]);
		free(ld->probs[i].msg);
	}
	free(ld->probs);
	ld->probs = NULL;
	ld->n_probs = ld->alloc_probs = 0;
}

const char *load_quote(const char *s, char *buf, size_t size)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, chars = 0, len = strlen(s);

	while (i < len && o + 8 < size) {
		size_t n = utf8_seq_len(u + i, len - i);
		unsigned cp = n ? utf8_decode(u + i, n) : 0xfffd;

		if (chars++ == 40) {
			o += (size_t)snprintf(buf + o, size - o, "...");
			break;
		}
		if (n == 0 || text_is_hidden(cp)) {
			if (n == 0 || cp < 0x80)
				o += (size_t)snprintf(buf + o, size - o, "\\x%02x", u[i]);
			else
				o += (size_t)snprintf(buf + o, size - o, "\\u%04x", cp);
			i += n ? n : 1;
			continue;
		}
		memcpy(buf + o, u + i, n);
		o += n;
		i += n;
	}
	buf[o < size ? o : size - 1] = '\0';
	return buf;
}

int load_name_ok(const char *s)
{
	return fc_name_ok(s); /* one rule for forms and records (core/model.c) */
}

/* pyxform takes a colon in a list's name (OpenStreetMap's tags as lists:
 * "building:material"); a list name is only ever a key, never a path. */
int load_list_name_ok(const char *s)
{
	char buf[NAME_MAX_LEN + 1];
	size_t i, n = strlen(s);

	if (n > NAME_MAX_LEN || s[0] == ':')
		return 0;
	for (i = 0; i <= n; i++)
		buf[i] = s[i] == ':' ? '_' : s[i];
	return load_name_ok(buf);
}

int load_yesno(const char *s)
{
	static const char *const yes[] = { "yes", "true", "true()", NULL };
	static const char *const no[] = { "no", "false", "false()", "", NULL };
	size_t i;

	for (i = 0; yes[i]; i++)
		if (!strcasecmp(s, yes[i]))
			return 1;
	for (i = 0; no[i]; i++)
		if (!strcasecmp(s, no[i]))
			return 0;
	return -1;
}
