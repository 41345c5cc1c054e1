/* xlsx_styles.c - which cell styles show a number as a date or a time.
 *
 * Excel keeps a date as a number (days since its epoch) and says it is a
 * date only through the cell's style: its `s` indexes styles.xml's
 * cellXfs, whose numFmtId is a built-in format or one of numFmts' codes.
 * pyxform reads workbooks through openpyxl, which turns a number whose
 * format is a date format into a datetime (openpyxl/styles/numbers.py,
 * is_date_format; stylesheet.py, _normalise_numbers), so a form author's
 * date cell reaches the form as "2024-03-27 00:00:00"; fieldcheck reads
 * the same styles the same way so the sheet's text is what pyxform sees.
 */
#include <stdlib.h>
#include <string.h>

#include "forms/engine/xlsx_impl.h"
#include "core/i18n.h"

#define STYLES_MAX    65536  /* cellXfs (Excel allows 64000) */
#define NUMFMTS_MAX   4096   /* custom number formats */
#define NUMFMT_ID_MAX 65535
#define CODE_MAX      1024   /* bytes of one format code (Excel: 255 characters) */

struct numfmt {
	long id;
	enum xlsx_num kind;
};

struct styles_read {
	struct numfmt *fmts;
	size_t n_fmts, alloc_fmts;
	long *xf_fmt;               /* cellXfs' numFmtId, by style index */
	size_t n_xf, alloc_xf;
};

/* Whether c is a letter of a date or time field (openpyxl: dmhys, either case). */
static int date_letter(char c)
{
	return c && strchr("dmhysDMHYS", c) != NULL;
}

/* Whether the text from `p` starts a bracket openpyxl keeps: [h], [hh],
 * [m], [mm], [s], [ss] (elapsed time), and how long it is. */
static size_t elapsed_bracket(const char *p)
{
	size_t n = 1;

	if (*p != '[' || !p[1] || !strchr("hms", p[1]))
		return 0;
	if (p[2] == p[1])
		n++;
	return p[n + 1] == ']' ? n + 2 : 0;
}

/* Where the first `c` from p lies within the format's first section (a
 * quote: on its line, as the regular expression's "." wants), or NULL. */
static const char *in_section(const char *p, char c)
{
	for (; *p && *p != ';'; p++)
		if (*p == c)
			return p;
		else if (c == '"' && *p == '\n')
			return NULL;
	return NULL;
}

/* Whether a format's first section, quoted text ("...") and other
 * brackets ([$-409], [Red]) taken out, has a date or time letter after
 * some character other than a backslash: openpyxl's is_date_format, whose
 * regular expression wants a character before the letter. */
static int is_date_code(const char *code)
{
	const char *p = code, *q;
	char prev = 0;
	int have_prev = 0;

	while (*p && *p != ';') {
		if (*p == '"' && (q = in_section(p + 1, '"')) != NULL) {
			p = q + 1;
			continue;
		}
		if (*p == '[' && !elapsed_bracket(p) && (q = in_section(p + 1, ']')) != NULL) {
			p = q + 1;
			continue;
		}
		if (have_prev && prev != '\\' && date_letter(*p))
			return 1;
		prev = *p++;
		have_prev = 1;
	}
	return 0;
}

/* openpyxl's is_timedelta_format: [h], [m] or [s] with what follows it. */
static int is_elapsed_code(const char *code)
{
	const char *p;

	for (p = code; *p && *p != ';'; p++)
		if (*p == '[' && p[1] && strchr("hHmMsS", p[1])) {
			size_t n = (p[2] == p[1] || p[2] == (p[1] ^ 0x20)) ? 3 : 2;
			if (p[n] == ']')
				return 1;
		}
	return 0;
}

enum xlsx_num xlsx_format_kind(const char *code)
{
	if (!is_date_code(code))
		return XN_NUMBER;
	return is_elapsed_code(code) ? XN_DURATION : XN_DATE;
}

/* The built-in formats openpyxl takes for dates (14-22, 45, 47) and
 * for a duration (46, [h]:mm:ss); every other id is a number. */
static enum xlsx_num builtin_kind(long id)
{
	if (id == 46)
		return XN_DURATION;
	return (id >= 14 && id <= 22) || id == 45 || id == 47 ? XN_DATE : XN_NUMBER;
}

/* A numFmtId: a whole number 0..NUMFMT_ID_MAX, or -1. */
static long fmt_id(const char *v)
{
	char *end;
	long n;

	if (!v || *v < '0' || *v > '9')
		return -1;
	n = strtol(v, &end, 10);
	return *end || n > NUMFMT_ID_MAX ? -1 : n;
}

static void styles_start(struct xml_walk *w, const char *name, const char **atts)
{
	struct styles_read *r = w->ctx;
	const char *v;
	long id;

	if (!strcmp(name, "numFmt") && xml_inside(w, "numFmts")) {
		const char *code = xml_attr(atts, "formatCode", 0);
		v = xml_attr(atts, "numFmtId", 0);
		if ((id = fmt_id(v)) < 0 || !code) {
			xml_walk_fail(w, "a number format whose numFmtId \"%.20s\" is not "
				      "one (0 to %d) or without a formatCode", v ? v : "",
				      NUMFMT_ID_MAX);
			return;
		}
		if (strlen(code) > CODE_MAX || r->n_fmts == NUMFMTS_MAX) {
			xml_walk_fail(w, "more number formats (%d) or a longer format code "
				      "(%d bytes) than a workbook holds", NUMFMTS_MAX, CODE_MAX);
			return;
		}
		ALLOC_GROW(r->fmts, r->n_fmts + 1, r->alloc_fmts);
		r->fmts[r->n_fmts].id = id;
		r->fmts[r->n_fmts++].kind = xlsx_format_kind(code);
	} else if (!strcmp(name, "xf") && xml_inside(w, "cellXfs")) {
		v = xml_attr(atts, "numFmtId", 0);
		id = v ? fmt_id(v) : 0; /* none: General */
		if (id < 0) {
			xml_walk_fail(w, "a cell style whose numFmtId \"%.20s\" is not one "
				      "(0 to %d)", v, NUMFMT_ID_MAX);
			return;
		}
		if (r->n_xf == STYLES_MAX) {
			xml_walk_fail(w, "more than %d cell styles", STYLES_MAX);
			return;
		}
		ALLOC_GROW(r->xf_fmt, r->n_xf + 1, r->alloc_xf);
		r->xf_fmt[r->n_xf++] = id;
	}
}

static void styles_end(struct xml_walk *w, const char *name)
{
	(void)w, (void)name;
}

/* A style's kind: its numFmtId's custom code if numFmts has one (the
 * last, as openpyxl's dict keeps), else the built-in format's. */
static enum xlsx_num style_kind(const struct styles_read *r, long id)
{
	size_t i = r->n_fmts;

	while (i--)
		if (r->fmts[i].id == id)
			return r->fmts[i].kind;
	return builtin_kind(id);
}

int xlsx_styles_read(const char *part, const char *xml, size_t len, struct xlsx_styles *st,
		     struct fc_err *err)
{
	struct styles_read r = { 0 };
	struct xml_walk w = { 0 };
	size_t i;
	int rc;

	w.part = part;
	w.ctx = &r;
	w.start = styles_start;
	w.end = styles_end;
	rc = xml_walk_run(&w, xml, len, err);
	if (!rc && r.n_xf) { /* numFmts and cellXfs in either order */
		st->kind = xmalloc(r.n_xf);
		for (i = 0; i < r.n_xf; i++)
			st->kind[i] = (unsigned char)style_kind(&r, r.xf_fmt[i]);
		st->n = r.n_xf;
	}
	free(r.fmts);
	free(r.xf_fmt);
	return rc;
}

enum xlsx_num xlsx_style_kind(const struct xlsx_styles *st, const char *s)
{
	char *end;
	unsigned long k;

	if (!st || !s || *s < '0' || *s > '9')
		return XN_NUMBER;
	k = strtoul(s, &end, 10);
	return *end || k >= st->n ? XN_NUMBER : (enum xlsx_num)st->kind[k];
}

void xlsx_styles_release(struct xlsx_styles *st)
{
	free(st->kind);
	st->kind = NULL;
	st->n = 0;
}
