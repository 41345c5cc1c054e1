/* err.c - building error messages (see err.h). */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int vfail(struct fc_err *e, enum fc_errkind k, const char *fmt, va_list ap)
	FC_PRINTF(3, 0);

static int vfail(struct fc_err *e, enum fc_errkind k, const char *fmt, va_list ap)
{
	if (!e)
		return -1;
	e->kind = k;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
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
	char head[512], old[sizeof e->msg];
	size_t hl, ol;
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	/* Built by hand: the message is cut, not lost, when it does not fit. */
	memcpy(old, e->msg, sizeof old);
	hl = strlen(head);
	if (hl > sizeof e->msg - 3)
		hl = sizeof e->msg - 3;
	memcpy(e->msg, head, hl);
	memcpy(e->msg + hl, ": ", 2);
	ol = strnlen(old, sizeof old - 1);
	if (ol > sizeof e->msg - hl - 3)
		ol = sizeof e->msg - hl - 3;
	memcpy(e->msg + hl + 2, old, ol);
	e->msg[hl + 2 + ol] = '\0';
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
