/* evloose.c - a loose object inflated through one buffer (see evloose.h). */
#include "evloose.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/i18n.h"
#include "core/strbuf.h"

#define CHUNK (64u << 10)
#define HEADER_MAX 32  /* "blob 18446744073709551615\0" */

struct inflating {
	z_stream z;
	char head[HEADER_MAX];
	size_t n_head;          /* header bytes gathered, until its '\0' */
	int in_body;
	size_t size, got;
	uint64_t max;
	evloose_sink sink;
	void *ctx;
	const char *hex;
	struct fc_err *err;
};

static int bad(struct inflating *x, const char *why)
{
	return fc_fail(x->err, _("object %s: %s"), x->hex, why);
}

/* The header "blob SIZE\0" of the first bytes out. */
static int header(struct inflating *x)
{
	char *end;
	unsigned long long n;

	if (strncmp(x->head, "blob ", 5))
		return bad(x, _("not a file"));
	errno = 0;
	n = strtoull(x->head + 5, &end, 10);
	if (errno || *end || end == x->head + 5)
		return bad(x, _("its header is damaged"));
	if (n > x->max)
		return fc_fail(x->err, _("object %s is %llu bytes, more than a file may be here (at "
			       "most %llu, the setting %s)"), x->hex, n,
			       (unsigned long long)x->max, "evidence.max_bytes");
	x->size = (size_t)n;
	x->in_body = 1;
	return 0;
}

/* What inflate wrote: header bytes first, then the content. */
static int take(struct inflating *x, const char *p, size_t n)
{
	while (n && !x->in_body) {
		if (x->n_head == HEADER_MAX - 1)
			return bad(x, _("its header is damaged"));
		x->head[x->n_head++] = *p++, n--;
		if (x->head[x->n_head - 1] == '\0' && header(x))
			return -1;
	}
	if (!n)
		return 0;
	if ((x->got += n) > x->size)
		return bad(x, _("longer than its header says"));
	return x->sink(x->ctx, p, n);
}

static int inflate_all(struct inflating *x, int fd)
{
	char *in = xmalloc(CHUNK), *out = xmalloc(CHUNK);
	int rc = 0, zr = Z_OK;
	ssize_t n;

	while (rc == 0 && zr != Z_STREAM_END && (n = read(fd, in, CHUNK)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = fc_failk(x->err, FC_EIO, _("reading object %s: %s"), x->hex, strerror(errno));
			break;
		}
		x->z.next_in = (Bytef *)in;
		x->z.avail_in = (uInt)n;
		do {
			x->z.next_out = (Bytef *)out;
			x->z.avail_out = CHUNK;
			zr = inflate(&x->z, Z_NO_FLUSH);
			if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
				rc = bad(x, _("it does not inflate"));
			else
				rc = take(x, out, CHUNK - x->z.avail_out);
		} while (rc == 0 && zr != Z_STREAM_END && x->z.avail_out == 0);
	}
	if (rc == 0 && (zr != Z_STREAM_END || !x->in_body || x->got != x->size))
		rc = bad(x, _("it is cut short"));
	free(in);
	free(out);
	return rc;
}

int evloose_read(const char *objects, const git_oid *id, uint64_t max, size_t *size,
		 evloose_sink sink, void *ctx, struct fc_err *err)
{
	char hex[GIT_OID_HEXSZ + 1];
	struct inflating x;
	char *path;
	int fd, rc;

	git_oid_tostr(hex, sizeof hex, id);
	path = xstrfmt("%s/%.2s/%s", objects, hex, hex + 2);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return errno == ENOENT ? 1 : fc_failk(err, FC_EIO, _("reading object %s: %s"), hex,
						      strerror(errno));
	memset(&x, 0, sizeof x);
	x.max = max, x.sink = sink, x.ctx = ctx, x.hex = hex, x.err = err;
	if (inflateInit(&x.z) != Z_OK) {
		close(fd);
		return fc_failk(err, FC_EIO, _("reading object %s: %s"), hex, "zlib");
	}
	rc = inflate_all(&x, fd);
	inflateEnd(&x.z);
	close(fd);
	*size = x.size;
	return rc;
}
