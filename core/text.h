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
 * LF and TAB for TEXT_MULTILINE), no bidi controls (text_is_bidi) or
 * invisible separators, at most max bytes.  `what` names the field
 * for the message ("enterprise name").  Returns 0 or -1. */
int text_check(const char *s, size_t len, enum text_kind kind, size_t max,
	       const char *what, struct fc_err *err);

/* Length in bytes of the valid UTF-8 sequence at s (1..4), or 0 if the bytes
 * at s (n available) are not one.  Rejects overlongs and surrogates. */
size_t utf8_seq_len(const unsigned char *s, size_t n);
/* Decodes the sequence (already validated by utf8_seq_len). */
unsigned utf8_decode(const unsigned char *s, size_t len);

/* Bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 * U+2066-U+2069): they reorder what follows them on screen, so a name can
 * show one thing and say another. */
int text_is_bidi(unsigned cp);
/* Characters a terminal would act on or not show: C0/C1 controls and DEL,
 * the bidi controls above and the other invisible format characters
 * (zero-width spaces and joiners, marks, separators, tags...). */
int text_is_hidden(unsigned cp);

/* Appends s (len bytes) to out as it may safely be printed or logged:
 * controls as ^X (ESC as "^[", DEL as "^?"), other hidden characters as
 * \uXXXX, bytes that are not UTF-8 as '?'.  The result is printable and
 * stays the same when shown again.  Everything from outside (a remote, a
 * file, the command line) goes through here before it is printed. */
struct strbuf;
void text_visible(struct strbuf *out, const char *s, size_t len);
/* A new string: s made visible as above (free() it). */
char *text_shown(const char *s);

/* Trims ASCII white space at both ends, in place; returns s. */
char *text_trim(char *s);

#endif
