/* zip.c - reading a zip archive's members from memory (see zip.h).
 *
 * Only the central directory at the end of the archive is trusted to list
 * the members (the local headers before each member's bytes may disagree,
 * and only their name and extra lengths are read from them); the end record
 * is searched for backwards through the largest comment a zip may carry.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/zip.h"

#define SIG_END    0x06054b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_LOCAL  0x04034b50u
#define END_SIZE   22u
#define CENTRAL_SIZE 46u
#define LOCAL_SIZE 30u

static uint16_t rd16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* The offset of the end-of-central-directory record, or -1. */
static long find_end(const unsigned char *b, size_t len)
{
	size_t i, lowest;

	if (len < END_SIZE)
		return -1;
	lowest = len > END_SIZE + 65535 ? len - END_SIZE - 65535 : 0;
	for (i = len - END_SIZE + 1; i-- > lowest;)
		if (rd32(b + i) == SIG_END && i + END_SIZE + rd16(b + i + 20) == len)
			return (long)i;
	return -1;
}

/* Whether a member's name is text that can be printed in a message as it is. */
static int name_ok(const unsigned char *s, size_t len)
{
	size_t i = 0, n;

	if (!len || len > ZIP_NAME_MAX)
		return 0;
	while (i < len) {
		n = utf8_seq_len(s + i, len - i);
		if (!n || text_is_hidden(utf8_decode(s + i, n)))
			return 0;
		i += n;
	}
	return 1;
}

static int cmp_member(const void *a, const void *b)
{
	return strcmp(((const struct zip_member *)a)->name,
		      ((const struct zip_member *)b)->name);
}

/* Where member m's compressed bytes start, from its local header. */
static int locate_data(struct zip *z, struct zip_member *m, uint32_t local, struct fc_err *err)
{
	const unsigned char *l;
	size_t start;

	if (local > z->len || z->len - local < LOCAL_SIZE || rd32(z->buf + local) != SIG_LOCAL)
		return fc_fail(err, _("member %s: no local header where the directory says"), m->name);
	l = z->buf + local;
	start = (size_t)local + LOCAL_SIZE + rd16(l + 26) + rd16(l + 28);
	if (start > z->len || z->len - start < m->csize)
		return fc_fail(err, _("member %s: its data runs past the end of the file"), m->name);
	m->data = start;
	return 0;
}

/* Reads the directory entry at *off into m and moves *off past it. */
static int read_entry(struct zip *z, size_t *off, size_t end, struct zip_member *m,
		      struct fc_err *err)
{
	const unsigned char *c = z->buf + *off;
	uint16_t flags, nlen;

	if (end - *off < CENTRAL_SIZE || rd32(c) != SIG_CENTRAL)
		return fc_fail(err, _("the central directory is damaged at byte %zu"), *off);
	flags = rd16(c + 8);
	m->method = rd16(c + 10);
	m->crc = rd32(c + 16);
	m->csize = rd32(c + 20);
	m->usize = rd32(c + 24);
	nlen = rd16(c + 28);
	if (end - *off - CENTRAL_SIZE < (size_t)nlen + rd16(c + 30) + rd16(c + 32))
		return fc_fail(err, _("the central directory is damaged at byte %zu"), *off);
	if (!name_ok(c + CENTRAL_SIZE, nlen))
		return fc_fail(err, _("a member's name is empty, too long or not printable text"));
	m->name = xstrndup((const char *)c + CENTRAL_SIZE, nlen);
	if (flags & 1)
		return fc_fail(err, _("member %s is encrypted"), m->name);
	if (m->method != 0 && m->method != 8)
		return fc_fail(err, _("member %s is compressed with method %u (only stored "
			       "and deflated are read)"), m->name, m->method);
	if (m->csize == 0xffffffffu || m->usize == 0xffffffffu || rd32(c + 42) == 0xffffffffu)
		return fc_fail(err, _("member %s needs zip64, which a workbook never does"), m->name);
	if (m->method == 0 && m->csize != m->usize)
		return fc_fail(err, _("member %s is stored but its two sizes differ"), m->name);
	*off += CENTRAL_SIZE + nlen + rd16(c + 30) + rd16(c + 32);
	return locate_data(z, m, rd32(c + 42), err);
}

static int read_directory(struct zip *z, uint16_t count, size_t off, size_t end,
			  struct fc_err *err)
{
	size_t i;

	z->m = xcalloc(count ? count : 1, sizeof *z->m);
	for (i = 0; i < count; i++) {
		z->n = i + 1;
		if (read_entry(z, &off, end, &z->m[i], err))
			return -1;
	}
	qsort(z->m, z->n, sizeof *z->m, cmp_member);
	for (i = 1; i < z->n; i++)
		if (!strcmp(z->m[i - 1].name, z->m[i].name))
			return fc_fail(err, _("two members are called %s"), z->m[i].name);
	return 0;
}

int zip_open(struct zip *z, const void *buf, size_t len, struct fc_err *err)
{
	const unsigned char *e;
	uint32_t cd_size, cd_off;
	uint16_t count;
	long at;

	memset(z, 0, sizeof *z);
	z->buf = buf;
	z->len = len;
	at = find_end(z->buf, len);
	if (at < 0)
		return fc_fail(err, _("not a zip archive (no end of central directory)"));
	e = z->buf + at;
	count = rd16(e + 10);
	cd_size = rd32(e + 12);
	cd_off = rd32(e + 16);
	if (rd16(e + 4) || rd16(e + 6) || rd16(e + 8) != count)
		return fc_fail(err, _("a zip archive split across several files"));
	if (count == 0xffff || cd_off == 0xffffffffu)
		return fc_fail(err, _("a zip64 archive, which a workbook never is"));
	if (count > ZIP_MEMBERS_MAX)
		return fc_fail(err, _("too many members (%u; at most %d)"), count, ZIP_MEMBERS_MAX);
	if (cd_off > (size_t)at || (size_t)at - cd_off < cd_size)
		return fc_fail(err, _("the central directory lies outside the file"));
	if (read_directory(z, count, cd_off, (size_t)cd_off + cd_size, err)) {
		zip_release(z);
		return -1;
	}
	return 0;
}

const struct zip_member *zip_find(const struct zip *z, const char *name)
{
	struct zip_member key;

	key.name = (char *)name;
	return z->n ? bsearch(&key, z->m, z->n, sizeof *z->m, cmp_member) : NULL;
}

/* Inflates m's raw deflate stream into out (m->usize + 1 bytes of room), which
 * must yield exactly m->usize bytes. */
static int inflate_member(const struct zip *z, const struct zip_member *m, unsigned char *out,
			  struct fc_err *err)
{
	z_stream s;
	int rc;

	memset(&s, 0, sizeof s);
	if (inflateInit2(&s, -MAX_WBITS) != Z_OK)
		return fc_fail(err, _("member %s: zlib cannot start"), m->name);
	s.next_in = (Bytef *)(z->buf + m->data);
	s.avail_in = m->csize;
	s.next_out = out;
	s.avail_out = m->usize + 1; /* one byte more, to see a stream that runs on */
	rc = inflate(&s, Z_FINISH);
	if (rc == Z_STREAM_END && s.total_out == m->usize) {
		inflateEnd(&s);
		return 0;
	}
	inflateEnd(&s);
	if (s.total_out > m->usize)
		return fc_fail(err, _("member %s inflates to more than the %u bytes it claims"),
			       m->name, m->usize);
	return fc_fail(err, _("member %s is damaged (%s)"), m->name,
		       s.msg ? s.msg : rc == Z_STREAM_END ? "too short" : "truncated");
}

int zip_read(const struct zip *z, const struct zip_member *m, size_t max, char **out,
	     size_t *out_len, struct fc_err *err)
{
	unsigned char *buf;

	*out = NULL;
	*out_len = 0;
	if (m->usize > max)
		return fc_fail(err, _("member %s is too large (%u bytes; at most %zu)"), m->name,
			       m->usize, max);
	buf = xmalloc((size_t)m->usize + 1);
	if (m->method == 0)
		memcpy(buf, z->buf + m->data, m->usize);
	else if (inflate_member(z, m, buf, err)) {
		free(buf);
		return -1;
	}
	if (crc32(0L, buf, m->usize) != m->crc) {
		free(buf);
		return fc_fail(err, _("member %s does not match its checksum"), m->name);
	}
	buf[m->usize] = '\0';
	*out = (char *)buf;
	*out_len = m->usize;
	return 0;
}

void zip_release(struct zip *z)
{
	size_t i;

	for (i = 0; i < z->n; i++)
		free(z->m[i].name);
	free(z->m);
	z->m = NULL;
	z->n = 0;
}
