/* uscc.h - the unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * 18 characters from the 31-letter alphabet 0-9 A-Y without I O S V Z; the
 * last is a check character computed from the first 17 with fixed weights.
 */
#ifndef FC_USCC_H
#define FC_USCC_H

#include "err.h"

#define USCC_LEN 18

/* 0 if `code` is a well-formed code with a correct check character, else -1
 * with a message naming the position that is wrong. Lower case is refused:
 * the code is printed upper case on every licence. */
int uscc_check(const char *code, struct fc_err *err);

/* The check character for the first 17 characters of `code17`, or '\0' if
 * one of them is outside the alphabet. */
char uscc_check_char(const char *code17);

#endif
