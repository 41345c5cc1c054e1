/* sendset.h - which objects a push must send: those reachable from `head`
 * but not from `have`, found by comparing each new commit's tree with its
 * parents' (cost proportional to the change, not to the repository).
 */
#ifndef FC_SENDSET_H
#define FC_SENDSET_H

#include <git2.h>
#include "core/err.h"

/* Calls fn for the commits between have (exclusive; NULL: none) and head,
 * and the trees and blobs they introduce (`name`: a blob's file name, a
 * hint for delta search; else NULL), an object possibly more than once.
 * A non-zero return from fn stops the walk and is returned (GIT_EUSER
 * means fn has set err). */
typedef int (*sendset_fn)(const git_oid *id, const char *name, void *ctx);
int sendset_each(git_repository *repo, const git_oid *head, const git_oid *have,
		 sendset_fn fn, void *ctx, struct fc_err *err);

/* Copies those objects from src into dst's object store as one pack;
 * *sent (may be NULL) gets the indexer's count of what was written. */
int sendset_copy(git_repository *src, git_repository *dst, const git_oid *head,
		 const git_oid *have, git_indexer_progress *sent, struct fc_err *err);

#endif
