/* strbuf.h - a growable, always NUL-terminated byte buffer.
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
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A new string formatted as printf would (free() it). */
char *xstrfmt(const char *fmt, ...) FC_PRINTF(1, 2);
char *xstrvfmt(const char *fmt, va_list ap) FC_PRINTF(1, 0);

#endif
