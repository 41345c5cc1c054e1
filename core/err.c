/* err.c - building error messages (see err.h). */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "text.h"

/* Copies s into dst (size bytes) made visible: messages name paths, ids,
 * URLs and arguments from outside, and whoever prints or logs one must not
 * send a terminal an escape sequence or a bidi override.  Cut at a
 * character boundary when it does not fit. */
static void set_visible(char *dst, size_t size, const char *s)
{
	struct strbuf sb;
	size_t n;

	strbuf_init(&sb);
	text_visible(&sb, s, strlen(s));
	n = sb.len < size - 1 ? sb.len : size - 1;
	while (n > 0 && n < sb.len && ((unsigned char)sb.buf[n] & 0xc0) == 0x80)
		n--;
	memcpy(dst, sb.buf, n);
	dst[n] = '\0';
	strbuf_release(&sb);
}

static int vfail(struct fc_err *e, enum fc_errkind k, const char *fmt, va_list ap)
	FC_PRINTF(3, 0);

static int vfail(struct fc_err *e, enum fc_errkind k, const char *fmt, va_list ap)
{
	char raw[sizeof e->msg];

	if (!e)
		return -1;
	e->kind = k;
	vsnprintf(raw, sizeof raw, fmt, ap);
	set_visible(e->msg, sizeof e->msg, raw);
	return -1;
}

int fc_fail(struct fc_err *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(e, FC_EFAIL, fmt, ap);
	va_end(ap);
	return -1;
}

int fc_failk(struct fc_err *e, enum fc_errkind k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(e, k, fmt, ap);
	va_end(ap);
	return -1;
}

int fc_err_prefix(struct fc_err *e, const char *fmt, ...)
{
	/* TRANSLATORS: between a message's context and the message itself */
	const char *sep = _(": ");
	char raw[512], head[512], old[sizeof e->msg];
	size_t hl, sl, ol;
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	set_visible(head, sizeof head, raw);
	/* Built by hand: the message is cut, not lost, when it does not fit. */
	memcpy(old, e->msg, sizeof old);
	hl = strlen(head);
	sl = strlen(sep) < 8 ? strlen(sep) : 8;
	if (hl > sizeof e->msg - sl - 1)
		hl = sizeof e->msg - sl - 1;
	memcpy(e->msg, head, hl);
	memcpy(e->msg + hl, sep, sl);
	ol = strnlen(old, sizeof old - 1);
	if (ol > sizeof e->msg - hl - sl - 1)
		ol = sizeof e->msg - hl - sl - 1;
	memcpy(e->msg + hl + sl, old, ol);
	e->msg[hl + sl + ol] = '\0';
	if (e->kind == FC_EOK)
		e->kind = FC_EFAIL;
	return -1;
}

void fc_err_clear(struct fc_err *e)
{
	if (e) {
		e->kind = FC_EOK;
		e->msg[0] = '\0';
	}
}
