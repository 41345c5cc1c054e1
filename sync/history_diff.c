/* history_diff.c - what changed between two versions of a record's canonical
 * text, line by line (see history.h).
 *
 * A record's canonical text keeps one field or array element per line, in a
 * fixed order, so a line that differs is a field, answer or event that
 * changed.  The lines both versions share at the start and at the end are
 * dropped; of the rest, a line found in both (as a multiset, matched after
 * sorting) did not change, the others were removed or added.  Linear after
 * the sort, with no quadratic table, for records of thousands of answers.
 */
#include "history.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

struct cline {
	const char *sec, *text;     /* slices of the record's text */
	size_t sec_len, text_len;
	size_t pos;                 /* index in its version, to restore the order */
	int matched;
};

struct clines {
	struct cline *v;
	size_t n, alloc;
};

/* `"answers": [` opens a section named answers; returns its name's length. */
static size_t section_open(const char *t, size_t n)
{
	const char *q;

	if (n < 5 || t[0] != '"' || t[n - 1] != '[')
		return 0;
	q = memchr(t + 1, '"', n - 1);
	return q && q + 3 == t + n - 1 && q[1] == ':' && q[2] == ' ' ? (size_t)(q - t - 1) : 0;
}

/* A structural line: a bracket alone or an empty array. */
static int structural(const char *t, size_t n)
{
	return n == 0 || (n == 1 && strchr("{}[]", t[0])) ||
	       (n >= 2 && t[n - 2] == '[' && t[n - 1] == ']');
}

static void add_line(struct clines *l, const char *sec, size_t sec_len, const char *t, size_t n)
{
	struct cline *c;

	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	c = &l->v[l->n];
	c->sec = sec;
	c->sec_len = sec_len;
	c->text = t;
	c->text_len = n;
	c->pos = l->n++;
	c->matched = 0;
}

/* The content lines of a record, each with the section it is in. */
static void split(const char *s, size_t len, struct clines *out)
{
	const char *end = s + len, *sec = "", *nl;
	size_t sec_len = 0, n, k;

	memset(out, 0, sizeof *out);
	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		n = (size_t)((nl ? nl : end) - s);
		while (n && *s == ' ')
			s++, n--;
		if (n && s[n - 1] == ',')
			n--;
		if ((k = section_open(s, n)) != 0) {
			sec = s + 1;
			sec_len = k;
		} else if (n == 1 && *s == ']') {
			sec = "";
			sec_len = 0;
		} else if (!structural(s, n)) {
			add_line(out, sec, sec_len, s, n);
		}
		s = nl ? nl + 1 : end;
	}
}

static int cline_cmp(const struct cline *a, const struct cline *b)
{
	size_t n = a->sec_len < b->sec_len ? a->sec_len : b->sec_len;
	int c = memcmp(a->sec, b->sec, n);

	if (c || a->sec_len != b->sec_len)
		return c ? c : a->sec_len < b->sec_len ? -1 : 1;
	n = a->text_len < b->text_len ? a->text_len : b->text_len;
	c = memcmp(a->text, b->text, n);
	if (c || a->text_len != b->text_len)
		return c ? c : a->text_len < b->text_len ? -1 : 1;
	return 0;
}

static int sort_cmp(const void *a, const void *b)
{
	const struct cline *x = *(struct cline *const *)a, *y = *(struct cline *const *)b;
	int c = cline_cmp(x, y);

	return c ? c : x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Marks the lines of a[0..na) and b[0..nb) found in both (as multisets). */
static void match(struct cline *a, size_t na, struct cline *b, size_t nb)
{
	struct cline **sa = xcalloc(na + 1, sizeof *sa), **sb = xcalloc(nb + 1, sizeof *sb);
	size_t i, j;
	int c;

	for (i = 0; i < na; i++)
		sa[i] = &a[i];
	for (j = 0; j < nb; j++)
		sb[j] = &b[j];
	qsort(sa, na, sizeof *sa, sort_cmp);
	qsort(sb, nb, sizeof *sb, sort_cmp);
	for (i = j = 0; i < na && j < nb;) {
		c = cline_cmp(sa[i], sb[j]);
		if (c == 0)
			sa[i++]->matched = sb[j++]->matched = 1;
		else if (c < 0)
			i++;
		else
			j++;
	}
	free(sa);
	free(sb);
}

static void emit(struct history_entry *e, char sign, const struct cline *c)
{
	struct history_line *l;
	size_t k;

	if (e->n_lines >= HISTORY_MAX_LINES) {
		e->lines_left_out++;
		return;
	}
	ALLOC_GROW(e->lines, e->n_lines + 1, e->alloc_lines);
	l = &e->lines[e->n_lines++];
	l->sign = sign;
	k = c->sec_len < sizeof l->section - 1 ? c->sec_len : sizeof l->section - 1;
	memcpy(l->section, c->sec, k);
	l->section[k] = '\0';
	l->text = xstrndup(c->text, c->text_len);
}

/* Walks both in order: the removed lines before the added ones they stand
 * beside, so a changed answer reads as its old line, then its new one. */
static void emit_all(struct history_entry *e, const struct cline *a, size_t na,
		     const struct cline *b, size_t nb)
{
	size_t i = 0, j = 0;

	while (i < na || j < nb) {
		while (i < na && !a[i].matched)
			emit(e, '-', &a[i++]);
		while (j < nb && !b[j].matched)
			emit(e, '+', &b[j++]);
		if (i < na)
			i++;
		if (j < nb)
			j++;
	}
}

void history_diff(const char *old, size_t old_len, const char *new_text, size_t new_len,
		  struct history_entry *e)
{
	struct clines a, b;
	size_t pre = 0, suf = 0;

	split(old ? old : "", old ? old_len : 0, &a);
	split(new_text ? new_text : "", new_text ? new_len : 0, &b);
	while (pre < a.n && pre < b.n && cline_cmp(&a.v[pre], &b.v[pre]) == 0)
		pre++;
	while (suf < a.n - pre && suf < b.n - pre &&
	       cline_cmp(&a.v[a.n - 1 - suf], &b.v[b.n - 1 - suf]) == 0)
		suf++;
	match(a.v + pre, a.n - pre - suf, b.v + pre, b.n - pre - suf);
	emit_all(e, a.v + pre, a.n - pre - suf, b.v + pre, b.n - pre - suf);
	free(a.v);
	free(b.v);
}

void history_entry_clear(struct history_entry *e)
{
	size_t i;

	for (i = 0; i < e->n_lines; i++)
		free(e->lines[i].text);
	free(e->lines);
	free(e->name);
	free(e->email);
	free(e->summary);
	memset(e, 0, sizeof *e);
}
