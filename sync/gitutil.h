/* gitutil.h - the few things every sync/ file needs from libgit2: its
 * error as our message, and the library set up once per process. */
#ifndef FC_GITUTIL_H
#define FC_GITUTIL_H

#include <git2.h>
#include "core/err.h"

/* "CONTEXT: libgit2's last message"; returns -1. */
int git_fail(struct fc_err *err, const char *context);
/* git_libgit2_init with fsync of the git dir on: a commit whose call has
 * returned survives a power cut, as the store's changes do.  Pair with
 * gitutil_done.  Safe to call more than once (libgit2 counts). */
int gitutil_init(struct fc_err *err);
void gitutil_done(void);
/* Makes the pack in `pack` one of repo's packs through libgit2's indexer,
 * in one piece (fed object by object, the indexer maps and unmaps the file
 * for each): written to a temporary, fsynced, renamed, then the odb told
 * of it, so a killed process leaves only a temporary the next open removes.
 * *stats (may be NULL) gets the indexer's counts, name (may be NULL) the
 * pack's name "HEX" (GIT_OID_HEXSZ + 1 bytes).  libgit2 errors: -1. */
int gitutil_add_pack(git_repository *repo, const git_buf *pack, git_indexer_progress *stats,
		     char *name);
/* Sets the replica's pack.windowMemory (the delta search of the packs it
 * builds, see gitutil.c) unless its config has one already. */
int gitutil_pack_window(git_repository *repo, struct fc_err *err);
/* Short hex of an oid (12 characters), for messages. */
const char *oid_short(const git_oid *id, char *buf, size_t size);

#endif
