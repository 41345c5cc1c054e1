/* xpath_lex.c - cutting an XLSForm expression into tokens.
 *
 * Authors type these in a spreadsheet, often with a Chinese input method
 * switched on: the messages point at the character and say when it is
 * full-width punctuation, or another language's operator (==, &&).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

int xp_fail_at(struct xp *x, size_t pos, const char *fmt, ...)
{
	struct strbuf sb;
	size_t i, chars = 1;
	va_list ap;

	for (i = 0; i < pos && i < x->len; i++)
		if (((unsigned char)x->src[i] & 0xc0) != 0x80)
			chars++;
	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	fc_fail(x->err, _("character %zu: %s"), chars, sb.buf);
	strbuf_release(&sb);
	return -1;
}

const char *xp_tok_desc(const struct xp *x, char *buf, size_t size)
{
	char raw[64], q[QUOTE_SIZE];
	size_t n = x->t.len < sizeof raw - 1 ? x->t.len : sizeof raw - 1;

	if (x->t.kind == TK_END) {
		snprintf(buf, size, "the end");
		return buf;
	}
	while (n > 0 && n < x->t.len && ((unsigned char)x->src[x->t.pos + n] & 0xc0) == 0x80)
		n--; /* do not cut a character in two */
	memcpy(raw, x->src + x->t.pos, n);
	raw[n] = '\0';
	snprintf(buf, size, "'%s%s'", load_quote(raw, q, sizeof q), n < x->t.len ? "..." : "");
	return buf;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_word(char c, int first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       (!first && (is_digit(c) || c == '-' || c == ':'));
}

static int set(struct xp *x, enum tk kind, size_t len)
{
	x->t.kind = kind;
	x->t.len = len;
	x->i = x->t.pos + len;
	return 0;
}

static int lex_number(struct xp *x)
{
	size_t i = x->t.pos;

	while (i < x->len && is_digit(x->src[i]))
		i++;
	if (i < x->len && x->src[i] == '.')
		for (i++; i < x->len && is_digit(x->src[i]); i++)
			;
	if (i < x->len && (is_word(x->src[i], 1) || x->src[i] == '.'))
		return xp_fail_at(x, x->t.pos, "malformed number");
	return set(x, TK_NUM, i - x->t.pos);
}

/* The quote at s (n bytes left): 1 for ' and ‘ ’ (U+2018, U+2019), 2 for "
 * and “ ” (U+201C, U+201D), 0 for none; *len its bytes.  Spreadsheets turn
 * typed quotes into typographic ones, and pyxform reads those as ASCII. */
static int quote_at(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	*len = 1;
	if (n && (s[0] == '\'' || s[0] == '"'))
		return s[0] == '\'' ? 1 : 2;
	if (n < 3 || u[0] != 0xe2 || u[1] != 0x80)
		return 0;
	*len = 3;
	if (u[2] == 0x98 || u[2] == 0x99)
		return 1;
	if (u[2] == 0x9c || u[2] == 0x9d)
		return 2;
	return 0;
}

/* A string runs to the next quote of its own kind (an apostrophe inside
 * "..." is text). */
static int lex_string(struct xp *x)
{
	size_t open, close, i;
	int kind = quote_at(x->src + x->t.pos, x->len - x->t.pos, &open);

	for (i = x->t.pos + open; i < x->len; i++)
		if (quote_at(x->src + i, x->len - i, &close) == kind) {
			x->t.qopen = (unsigned char)open;
			x->t.qclose = (unsigned char)close;
			return set(x, TK_STR, i + close - x->t.pos);
		}
	return xp_fail_at(x, x->t.pos, "text in quotes is never closed");
}

static int lex_ref(struct xp *x)
{
	const char *name = x->src + x->t.pos + 2;
	const char *end = memchr(name, '}', x->len - x->t.pos - 2);
	char buf[NAME_MAX_LEN + sizeof XP_LAST_SAVED], q[QUOTE_SIZE];
	size_t n;

	if (!end)
		return xp_fail_at(x, x->t.pos, "'${' without its closing '}'");
	n = (size_t)(end - name);
	if (n > NAME_MAX_LEN + strlen(XP_LAST_SAVED) ||
	    (n > NAME_MAX_LEN && strncmp(name, XP_LAST_SAVED, strlen(XP_LAST_SAVED))))
		return xp_fail_at(x, x->t.pos, "name in ${...} is longer than %d bytes",
				  NAME_MAX_LEN);
	memcpy(buf, name, n);
	buf[n] = '\0';
	if (n > strlen(XP_LAST_SAVED) && !strncmp(buf, XP_LAST_SAVED, strlen(XP_LAST_SAVED)) &&
	    load_name_ok(buf + strlen(XP_LAST_SAVED)))
		return set(x, TK_REF, n + 3); /* ${last-saved#x}: xpath.c reference() */
	if (!load_name_ok(buf))
		return xp_fail_at(x, x->t.pos, "'${%s}' does not hold a valid name",
				  load_quote(buf, q, sizeof q));
	return set(x, TK_REF, n + 3);
}

static int lex_word(struct xp *x)
{
	static const struct { const char *w; enum tk kind; } kw[] = {
		{ "and", TK_AND }, { "or", TK_OR }, { "div", TK_DIV }, { "mod", TK_MOD },
	};
	size_t i = x->t.pos + 1, k;

	while (i < x->len && is_word(x->src[i], 0))
		i++;
	for (k = 0; k < ARRAY_SIZE(kw); k++)
		if (strlen(kw[k].w) == i - x->t.pos &&
		    !memcmp(kw[k].w, x->src + x->t.pos, i - x->t.pos))
			return set(x, kw[k].kind, i - x->t.pos);
	return set(x, TK_WORD, i - x->t.pos);
}

/* A character no token starts with: say which, and what was likely meant. */
static int lex_bad(struct xp *x)
{
	const unsigned char *u = (const unsigned char *)x->src + x->t.pos;
	size_t n = utf8_seq_len(u, x->len - x->t.pos);
	unsigned cp = n ? utf8_decode(u, n) : 0;
	char ch[8], q[QUOTE_SIZE];
	const char *hint = "";

	if (!n)
		n = 1;
	memcpy(ch, u, n);
	ch[n] = '\0';
	if ((cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x3000 && cp <= 0x303f) ||
	    cp == 0x201a || cp == 0x201b) /* low quotes: the others open strings */
		hint = " (full-width punctuation: write the ASCII character)";
	else if (cp == '&' || cp == '|')
		hint = " (write and / or)";
	else if (cp == '!')
		hint = " (not equal is !=, negation is not(...))";
	return xp_fail_at(x, x->t.pos, "unexpected character '%s'%s",
			  load_quote(ch, q, sizeof q), hint);
}

static int lex_op(struct xp *x)
{
	const char *s = x->src + x->t.pos;
	char c1 = x->t.pos + 1 < x->len ? s[1] : '\0';

	switch (s[0]) {
	case '(': return set(x, TK_LPAREN, 1);
	case ')': return set(x, TK_RPAREN, 1);
	case ',': return set(x, TK_COMMA, 1);
	case '+': return set(x, TK_PLUS, 1);
	case '-': return set(x, TK_MINUS, 1);
	case '*': return set(x, TK_STAR, 1);
	case '/': return set(x, TK_SLASH, 1);
	case '[': return set(x, TK_LBRACK, 1);
	case ']': return set(x, TK_RBRACK, 1);
	case '=':
		if (c1 == '=')
			return xp_fail_at(x, x->t.pos, "'==' is not an operator (equal is =)");
		return set(x, TK_EQ, 1);
	case '!':
		if (c1 == '=')
			return set(x, TK_NE, 2);
		break;
	case '<': return c1 == '=' ? set(x, TK_LE, 2) : set(x, TK_LT, 1);
	case '>': return c1 == '=' ? set(x, TK_GE, 2) : set(x, TK_GT, 1);
	}
	return lex_bad(x);
}

int xp_next(struct xp *x)
{
	const char *s = x->src;
	size_t i = x->i, n;

	while (i < x->len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	x->t.pos = i;
	if (i >= x->len)
		return set(x, TK_END, 0);
	if (is_digit(s[i]) || (s[i] == '.' && i + 1 < x->len && is_digit(s[i + 1])))
		return lex_number(x);
	if (s[i] == '.') {
		if (i + 1 < x->len && s[i + 1] == '.')
			return set(x, TK_DOTDOT, 2); /* position(..) only */
		return set(x, TK_DOT, 1);
	}
	if (quote_at(s + i, x->len - i, &n))
		return lex_string(x);
	if (s[i] == '$' && i + 1 < x->len && s[i + 1] == '{')
		return lex_ref(x);
	if (is_word(s[i], 1))
		return lex_word(x);
	return lex_op(x);
}
