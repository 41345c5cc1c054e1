/* gitutil.h - the few things every sync/ file needs from libgit2: its
 * error as our message, and the library set up once per process. */
#ifndef FC_GITUTIL_H
#define FC_GITUTIL_H

#include <git2.h>
#include "core/err.h"

/* "CONTEXT: libgit2's last message"; returns -1. */
int git_fail(struct fc_err *err, const char *context);
/* git_libgit2_init with fsync of the git dir on (DESIGN §4); pair with
 * gitutil_done.  Safe to call more than once (libgit2 counts). */
int gitutil_init(struct fc_err *err);
void gitutil_done(void);
/* Short hex of an oid (12 characters), for messages. */
const char *oid_short(const git_oid *id, char *buf, size_t size);

#endif
