/* zip_write.c - writing a zip archive into memory (see zip.h).
 *
 * What a workbook needs and no more: deflated members, no zip64, a fixed
 * timestamp (1980-01-01) so that the same form always gives the same bytes.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/strbuf.h"
#include "forms/engine/zip.h"

#define DOS_DATE 0x0021  /* 1980-01-01 */

static void put16(struct strbuf *sb, unsigned v)
{
	unsigned char b[2] = { (unsigned char)v, (unsigned char)(v >> 8) };

	strbuf_add(sb, b, 2);
}

static void put32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	strbuf_add(sb, b, 4);
}

void zip_write_init(struct zip_writer *w, struct strbuf *out)
{
	w->out = out;
	w->dir = xmalloc(sizeof *w->dir);
	strbuf_init(w->dir);
	w->n = 0;
}

/* The fields local and central headers share, from "version needed" on. */
static void put_common(struct strbuf *sb, uint32_t crc, uLong csize, size_t len, size_t nlen)
{
	put16(sb, 20);          /* version needed: 2.0, deflate */
	put16(sb, 0x0800);      /* flags: the name is UTF-8 */
	put16(sb, 8);           /* deflated */
	put16(sb, 0);           /* time */
	put16(sb, DOS_DATE);
	put32(sb, crc);
	put32(sb, (uint32_t)csize);
	put32(sb, (uint32_t)len);
	put16(sb, (unsigned)nlen);
	put16(sb, 0);           /* extra */
}

void zip_write_add(struct zip_writer *w, const char *name, const void *data, size_t len)
{
	uLong bound = compressBound((uLong)len), csize;
	unsigned char *buf = xmalloc(bound);
	uint32_t crc = (uint32_t)crc32(0L, data, (uInt)len), off = (uint32_t)w->out->len;
	size_t nlen = strlen(name);
	z_stream s;

	memset(&s, 0, sizeof s);
	deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	s.next_in = (Bytef *)data;
	s.avail_in = (uInt)len;
	s.next_out = buf;
	s.avail_out = (uInt)bound;
	deflate(&s, Z_FINISH);
	csize = s.total_out;
	deflateEnd(&s);

	put32(w->out, 0x04034b50u);
	put_common(w->out, crc, csize, len, nlen);
	strbuf_add(w->out, name, nlen);
	strbuf_add(w->out, buf, csize);
	free(buf);

	put32(w->dir, 0x02014b50u);
	put16(w->dir, 20);      /* made by: 2.0 */
	put_common(w->dir, crc, csize, len, nlen);
	put16(w->dir, 0);       /* comment */
	put16(w->dir, 0);       /* disk */
	put16(w->dir, 0);       /* internal attributes */
	put32(w->dir, 0);       /* external attributes */
	put32(w->dir, off);
	strbuf_add(w->dir, name, nlen);
	w->n++;
}

void zip_write_finish(struct zip_writer *w)
{
	uint32_t off = (uint32_t)w->out->len;

	strbuf_add(w->out, w->dir->buf, w->dir->len);
	put32(w->out, 0x06054b50u);
	put16(w->out, 0);
	put16(w->out, 0);
	put16(w->out, (unsigned)w->n);
	put16(w->out, (unsigned)w->n);
	put32(w->out, (uint32_t)w->dir->len);
	put32(w->out, off);
	put16(w->out, 0);
	strbuf_release(w->dir);
	free(w->dir);
	w->dir = NULL;
}
