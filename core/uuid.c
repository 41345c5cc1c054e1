/* uuid.c - version 4 UUIDs from the kernel's random source. */
#include "uuid.h"
#include "core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

/* size random bytes into b, from the kernel. */
static int random_bytes(unsigned char *b, size_t size, struct fc_err *err)
{
	size_t got = 0;

	while (got < size) {
		ssize_t n = getrandom(b + got, size - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return fc_failk(err, FC_EIO, _("cannot read random bytes: %s"), strerror(errno));
		}
		got += (size_t)n;
	}
	return 0;
}

int uuid_short(char *out, size_t len, struct fc_err *err)
{
	static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	unsigned char b[64];
	size_t i = 0, k;

	while (i < len) {
		if (random_bytes(b, sizeof b, err))
			return -1;
		/* 252 = 7 x 36: the bytes above it are dropped, so every
		 * character is as likely as every other */
		for (k = 0; k < sizeof b && i < len; k++)
			if (b[k] < 252)
				out[i++] = digits[b[k] % 36];
	}
	out[len] = '\0';
	return 0;
}

int uuid_new(char *out, struct fc_err *err)
{
	unsigned char b[16];

	if (random_bytes(b, sizeof b, err))
		return -1;
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, FC_UUID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
	return 0;
}

int uuid_check(const char *s, const char *what, struct fc_err *err)
{
	size_t i;

	if (strlen(s) != FC_UUID_LEN)
		goto bad;
	for (i = 0; i < FC_UUID_LEN; i++) {
		int dash = (i == 8 || i == 13 || i == 18 || i == 23);
		if (dash ? s[i] != '-' : !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			goto bad;
	}
	return 0;
bad:
	return fc_fail(err, _("%s '%.40s' is not an id (36 characters, like "
		       "5f3a0c1e-8d2b-4c7a-9e10-2b4f6a8c0d1e)"), what, s);
}
