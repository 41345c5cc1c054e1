/* err.h - how every layer reports a failure.
 *
 * Functions that can fail take a `struct fc_err *` as their last argument and
 * return 0 on success, -1 on failure with a message in it.  The message says
 * what went wrong and where (file, line, field, record id), in words a user
 * can act on; callers may prefix context with fc_err_prefix().
 */
#ifndef FC_ERR_H
#define FC_ERR_H

#include <stddef.h>

#if defined(__GNUC__)
#define FC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FC_PRINTF(a, b)
#endif

enum fc_errkind {
	FC_EOK = 0,
	FC_EFAIL,    /* something the user can act on: bad input, refused change */
	FC_ENOTFOUND,/* the thing named does not exist */
	FC_EUSAGE,   /* a usage error: wrong arguments */
	FC_EIO,      /* the disk or the system failed us */
};

struct fc_err {
	enum fc_errkind kind;
	char msg[1024];
};

/* Sets the message (printf-style) and kind FC_EFAIL; returns -1. */
int fc_fail(struct fc_err *e, const char *fmt, ...) FC_PRINTF(2, 3);
/* Same with an explicit kind. */
int fc_failk(struct fc_err *e, enum fc_errkind k, const char *fmt, ...) FC_PRINTF(3, 4);
/* Puts "prefix: " in front of the existing message; returns -1. */
int fc_err_prefix(struct fc_err *e, const char *fmt, ...) FC_PRINTF(2, 3);
void fc_err_clear(struct fc_err *e);

#endif
