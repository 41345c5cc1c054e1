/* strbuf.h - a growable, always NUL-terminated byte buffer, and the
 * allocation helpers every file uses (xmalloc, ARRAY_SIZE, ALLOC_GROW): they
 * live here rather than in a header of their own because nearly every file
 * already includes this one.
 *
 * Allocation failure aborts: the program cannot do anything sensible without
 * memory, and checking every append would bury the logic (git does the same
 * with its xmalloc).
 */
#ifndef FC_STRBUF_H
#define FC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include "err.h"

struct strbuf {
	char *buf;   /* never NULL after strbuf_init */
	size_t len;
	size_t alloc;
};

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) FC_PRINTF(2, 3);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap) FC_PRINTF(2, 0);
/* Hands the buffer to the caller (free() it); sb is left empty. */
char *strbuf_detach(struct strbuf *sb);

/* Allocation helpers that abort on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* p resized to n elements of size bytes; aborts if n * size overflows. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A new string formatted as printf would (free() it). */
char *xstrfmt(const char *fmt, ...) FC_PRINTF(1, 2);
char *xstrvfmt(const char *fmt, va_list ap) FC_PRINTF(1, 0);

/* The number of elements of an array (not of a pointer). */
#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))

/* The capacity after alloc when an array must grow: by half, plus a little so
 * that small arrays do not grow one element at a time (git's alloc_nr). */
#define ALLOC_NR(alloc) (((alloc) + 16) * 3 / 2)

/* Makes room for nr elements in the array x, which holds alloc: grows x
 * geometrically and updates alloc, so that appending n elements one at a
 * time costs O(n) copies, not O(n^2).  alloc is a size_t the array's owner
 * keeps beside it (0 with x NULL when empty); nr is a count, usually n + 1.
 * Aborts, as xrealloc does, if the size overflows. */
#define ALLOC_GROW(x, nr, alloc) \
	do { \
		if ((nr) > (alloc)) { \
			if (ALLOC_NR(alloc) < (nr)) \
				(alloc) = (nr); \
			else \
				(alloc) = ALLOC_NR(alloc); \
			(x) = xreallocarray((x), (alloc), sizeof *(x)); \
		} \
	} while (0)

#endif
