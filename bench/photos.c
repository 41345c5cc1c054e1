/* photos.c - a central's photos, for the benchmarks.
 *
 *   photos --count N [--bytes B] [--seed S]
 *       writes a `git fast-import` stream of N small distinct JPEGs (SOI,
 *       a JFIF APP0, a comment segment of B bytes of seeded noise, EOI: no
 *       two alike, none compressible or a delta of another, as photos are)
 *       on refs/evidence/<badge> of the 20 generated devices' inspectors
 *       (bench/synth.h), each at <2 hex of sha256>/<sha256> as a sync
 *       sends them (docs/FORMAT.md), one commit per 100 photos of an
 *       officer.  No record names them: what is measured is that a pull of
 *       the records does not read them (bench/run.sh, evidence_pull_bench).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/synth.h"
#include "core/sha256.h"

#define PER_COMMIT 100

static unsigned long long number(const char *s)
{
	char *end;
	unsigned long long v = s ? strtoull(s, &end, 10) : 0;

	if (!s || !*s || *end) {
		fprintf(stderr, "photos: '%s' is not a number\n", s ? s : "");
		exit(2);
	}
	return v;
}

/* Photo i: a JPEG of about `bytes` bytes, its noise from (seed, i). */
static size_t photo(unsigned long long seed, size_t i, size_t bytes, unsigned char *p)
{
	static const unsigned char head[] = {
		0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
	};
	unsigned long long x = seed * 0x9e3779b97f4a7c15ULL + i + 1;
	size_t n = sizeof head, k, body = bytes < 64 ? 64 : bytes > 65000 ? 65000 : bytes;

	memcpy(p, head, n);
	p[n++] = 0xff, p[n++] = 0xfe; /* COM: length includes its two bytes */
	p[n++] = (unsigned char)((body + 2) >> 8), p[n++] = (unsigned char)((body + 2) & 0xff);
	for (k = 0; k < body; k++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		p[n++] = (unsigned char)(x >> 24);
	}
	p[n++] = 0xff, p[n++] = 0xd9;
	return n;
}

/* A commit on the officer's ref: fast-import continues the ref's tip. */
static void commit(FILE *out, const struct fc_person *who, long long t, size_t n)
{
	fprintf(out, "commit refs/evidence/%s\n", who->badge);
	fprintf(out, "author %s <%s> %lld +0800\n", who->name, who->badge, t);
	fprintf(out, "committer %s <%s> %lld +0800\n", who->name, who->badge, t);
	fprintf(out, "data <<EOF\nevidence: %zu files\nEOF\n", n);
}

int main(int argc, char **argv)
{
	static char buf[1 << 20];
	unsigned char *p;
	unsigned long long seed = 1;
	size_t count = 0, bytes = 4096, i, d;
	long long t = 1700000000LL;
	int a;

	for (a = 1; a + 1 < argc; a += 2) {
		if (!strcmp(argv[a], "--count"))
			count = number(argv[a + 1]);
		else if (!strcmp(argv[a], "--bytes"))
			bytes = number(argv[a + 1]);
		else if (!strcmp(argv[a], "--seed"))
			seed = number(argv[a + 1]);
		else
			break;
	}
	if (a != argc || !count) {
		fprintf(stderr, "usage: photos --count N [--bytes B] [--seed S]\n");
		return 2;
	}
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	p = malloc(65536 + 64);
	if (!p)
		return 1;
	/* Officer by officer, a commit per PER_COMMIT photos, round robin. */
	for (i = 0; i < count; t += 60) {
		for (d = 0; d < SYNTH_DEVICES && i < count; d++) {
			size_t k, n = count - i < PER_COMMIT ? count - i : PER_COMMIT;
			commit(stdout, synth_device(d), t, n);
			for (k = 0; k < n; k++, i++) {
				size_t len = photo(seed, i, bytes, p);
				char hex[SHA256_HEX_LEN + 1];
				sha256_hex(p, len, hex);
				printf("M 100644 inline %.2s/%s\ndata %zu\n", hex, hex, len);
				fwrite(p, 1, len, stdout);
				putchar('\n');
			}
		}
	}
	free(p);
	fprintf(stderr, "photos: %zu on %d refs\n", count, SYNTH_DEVICES);
	return fflush(stdout) ? 1 : 0;
}
