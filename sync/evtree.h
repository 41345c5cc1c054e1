/* evtree.h - an officer's evidence ref (docs/FORMAT.md, format 2).
 *
 * refs/evidence/<badge> is a chain of commits whose trees hold only files,
 * each at <first 2 hex of its sha256>/<sha256>: nothing else, no deeper
 * folder, no link, no submodule.  A tree of any other shape, or holding an
 * object larger than the workspace's limit per file, is refused whole,
 * judged from tree entries and object headers only, before any file's
 * bytes are read.
 */
#ifndef FC_EVTREE_H
#define FC_EVTREE_H

#include <stdint.h>
#include <git2.h>
#include "core/err.h"

#define EVIDENCE_REF_PREFIX "refs/evidence/"

/* refs/evidence/<badge>; -1 with a message when the badge cannot name a
 * git ref. */
int evtree_ref(const char *badge, char *out, size_t size, struct fc_err *err);

/* Checks the shape above, every blob at most max bytes.  0 when sound;
 * -1 FC_EFAIL naming the entry and what is wrong; FC_EIO when unreadable.
 * A blob not in repo passes: in a replica, a file kept in the store whose
 * bytes left it (sync/evblob.h, evblob_drop), judged by its header again
 * if it is ever fetched (sync/evkeep.h); a central's receive-pack has
 * checked that a push brings every object before the guard runs. */
int evtree_check(git_repository *repo, const git_oid *tree, uint64_t max, struct fc_err *err);

/* The blob the (checked) tree holds for sha256: 0 with *blob, or
 * GIT_ENOTFOUND. */
int evtree_find(git_tree *tree, const char *sha256, git_oid *blob);

#endif
