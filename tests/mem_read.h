/* tests/mem_read.h - a server's bytes from memory, for the tests and fuzz
 * targets of the readers that take a read callback (sync/pktline.h's
 * pkt_reader).  Header only: a fuzz target is built from one file.
 */
#ifndef FC_TESTS_MEM_READ_H
#define FC_TESTS_MEM_READ_H

#include <string.h>

/* The bytes p[0..len), handed out from off, at most chunk per read (0:
 * as many as asked). */
struct mem {
	const void *p;
	size_t len, off, chunk;
};

static inline int mem_read(void *ctx, char *buf, size_t size, size_t *got)
{
	struct mem *m = ctx;
	size_t n = m->len - m->off;

	if (n > size)
		n = size;
	if (m->chunk && n > m->chunk)
		n = m->chunk;
	memcpy(buf, (const char *)m->p + m->off, n);
	m->off += n;
	*got = n;
	return 0;
}

#endif
