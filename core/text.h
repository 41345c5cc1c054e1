/* text.h - checks on text that enters a record.
 *
 * Every string stored or synced is valid UTF-8 with no terminal control
 * characters: a record pulled from a remote must never be able to move the
 * cursor, change colours or retitle the terminal of whoever reads it.
 */
#ifndef FC_TEXT_H
#define FC_TEXT_H

#include <stddef.h>
#include "err.h"

enum text_kind {
	TEXT_LINE,      /* one line: no control characters at all */
	TEXT_MULTILINE, /* free text: LF and TAB allowed, other controls not */
};

/* Validates s (len bytes): UTF-8, no NUL, no C0/C1 controls or DEL (except
 * LF and TAB for TEXT_MULTILINE), at most max bytes.  `what` names the field
 * for the message ("enterprise name").  Returns 0 or -1. */
int text_check(const char *s, size_t len, enum text_kind kind, size_t max,
	       const char *what, struct fc_err *err);

/* Length in bytes of the valid UTF-8 sequence at s (1..4), or 0 if the bytes
 * at s (n available) are not one.  Rejects overlongs and surrogates. */
size_t utf8_seq_len(const unsigned char *s, size_t n);
/* Decodes the sequence (already validated by utf8_seq_len). */
unsigned utf8_decode(const unsigned char *s, size_t len);

/* Trims ASCII white space at both ends, in place; returns s. */
char *text_trim(char *s);

#endif
