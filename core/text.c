/* text.c - UTF-8 and control-character checks (see text.h). */
#include "text.h"

#include <string.h>

#include "strbuf.h"
#include "core/i18n.h"

size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (n >= 2 && (s[1] & 0xc0) == 0x80) ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)
			return 0; /* overlong */
		if (c == 0xed && s[1] >= 0xa0)
			return 0; /* UTF-16 surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)
			return 0; /* overlong */
		if (c == 0xf4 && s[1] >= 0x90)
			return 0; /* above U+10FFFF */
		return 4;
	}
	return 0;
}

unsigned utf8_decode(const unsigned char *s, size_t len)
{
	switch (len) {
	case 1: return s[0];
	case 2: return ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
	case 3: return ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
	default:
		return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3fu) << 12) |
		       ((s[2] & 0x3fu) << 6) | (s[3] & 0x3fu);
	}
}

int text_check(const char *s, size_t len, enum text_kind kind, size_t max,
	       const char *what, struct fc_err *err)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, chars = 0;

	if (len > max)
		return fc_fail(err, _("%s is too long: %zu bytes, at most %zu"), what, len, max);
	while (i < len) {
		size_t n = utf8_seq_len(u + i, len - i);
		unsigned cp;

		chars++;
		if (n == 0)
			return fc_fail(err, _("%s is not valid UTF-8 (byte %zu)"), what, i + 1);
		cp = utf8_decode(u + i, n);
		if (cp == '\n' || cp == '\t') {
			if (kind != TEXT_MULTILINE)
				return fc_fail(err, _("%s holds a %s at character %zu; it must be one line"),
					       what, cp == '\n' ? _("line break") : _("tab"), chars);
		} else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
			return fc_fail(err, _("%s holds control character U+%04X at character %zu"),
				       what, cp, chars);
		} else if (text_is_bidi(cp)) {
			return fc_fail(err, _("%s holds bidirectional control U+%04X at character %zu "
				       "(it would reorder the text around it on screen)"), what, cp, chars);
		} else if (cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
			return fc_fail(err, _("%s holds invisible separator U+%04X at character %zu"),
				       what, cp, chars);
		}
		i += n;
	}
	return 0;
}

int text_is_bidi(unsigned cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The format characters (Unicode category Cf) and separators a terminal
 * draws as nothing, or acts on. */
static const struct { unsigned lo, hi; } hidden_ranges[] = {
	{ 0x00ad, 0x00ad }, { 0x0600, 0x0605 }, { 0x061c, 0x061c }, { 0x06dd, 0x06dd },
	{ 0x070f, 0x070f }, { 0x08e2, 0x08e2 }, { 0x180e, 0x180e }, { 0x200b, 0x200f },
	{ 0x2028, 0x202e }, { 0x2060, 0x2064 }, { 0x2066, 0x206f }, { 0xfeff, 0xfeff },
	{ 0xfff9, 0xfffb }, { 0x110bd, 0x110bd }, { 0x110cd, 0x110cd },
	{ 0x13430, 0x1343f }, { 0x1bca0, 0x1bca3 }, { 0x1d173, 0x1d17a },
	{ 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f },
};

int text_is_hidden(unsigned cp)
{
	size_t i;

	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return 1;
	for (i = 0; i < ARRAY_SIZE(hidden_ranges); i++)
		if (cp >= hidden_ranges[i].lo && cp <= hidden_ranges[i].hi)
			return 1;
	return 0;
}

void text_visible(struct strbuf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		size_t k = utf8_seq_len(u + i, len - i);
		unsigned cp;

		if (k == 0 || (k == 1 && u[i] == 0)) {
			strbuf_addc(out, '?');
			i++;
			continue;
		}
		cp = utf8_decode(u + i, k);
		if (cp < 0x20 || cp == 0x7f) {
			strbuf_addc(out, '^');
			strbuf_addc(out, cp == 0x7f ? '?' : (char)(cp + '@'));
		} else if (text_is_hidden(cp)) {
			strbuf_addf(out, "\\u%04x", cp);
		} else {
			strbuf_add(out, u + i, k);
		}
		i += k;
	}
}

char *text_shown(const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb);
	text_visible(&sb, s, strlen(s));
	return strbuf_detach(&sb);
}

char *text_trim(char *s)
{
	size_t n = strlen(s), b = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	while (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')
		b++;
	if (b)
		memmove(s, s + b, n - b + 1);
	return s;
}
