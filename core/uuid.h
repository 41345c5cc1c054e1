/* uuid.h - random (version 4) UUIDs for inspections and hazards, made on
 * devices that never talk to each other before they sync. */
#ifndef FC_UUID_H
#define FC_UUID_H

#include <stddef.h>

#include "err.h"

#define FC_UUID_LEN 36

/* out must hold FC_UUID_LEN + 1. */
int uuid_new(char *out, struct fc_err *err);
/* len random characters of 0-9A-Z into out (which holds len + 1), as
 * JavaRosa's uuid(n) gives them: a form's short random code. */
int uuid_short(char *out, size_t len, struct fc_err *err);
/* 0 if s is a lower-case 8-4-4-4-12 hex UUID. */
int uuid_check(const char *s, const char *what, struct fc_err *err);

#endif
