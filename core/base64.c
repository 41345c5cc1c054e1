/* base64.c - RFC 4648 base64 (see base64.h). */
#include "base64.h"

static const char alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64_encode(const unsigned char *in, size_t n, int pad, struct strbuf *out)
{
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		strbuf_addc(out, alphabet[v >> 18 & 63]);
		strbuf_addc(out, alphabet[v >> 12 & 63]);
		strbuf_addc(out, alphabet[v >> 6 & 63]);
		strbuf_addc(out, alphabet[v & 63]);
	}
	if (i < n) {
		unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0);
		strbuf_addc(out, alphabet[v >> 18 & 63]);
		strbuf_addc(out, alphabet[v >> 12 & 63]);
		if (i + 1 < n)
			strbuf_addc(out, alphabet[v >> 6 & 63]);
		else if (pad)
			strbuf_addc(out, '=');
		if (pad)
			strbuf_addc(out, '=');
	}
}

static int value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

int base64_decode(const char *s, size_t len, struct strbuf *out)
{
	unsigned acc = 0;
	int bits = 0, padding = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		int v;

		if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
			continue;
		if (c == '=') {
			padding++;
			continue;
		}
		if (padding || (v = value(c)) < 0)
			return -1; /* a byte after padding, or not base64 at all */
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			strbuf_addc(out, (char)(acc >> bits & 0xff));
		}
	}
	/* leftover bits must be zero padding bits, as an encoder leaves them */
	return padding > 2 || bits >= 6 || (acc & ((1u << bits) - 1)) ? -1 : 0;
}
