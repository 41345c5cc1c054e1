/* sendset.h - which objects a push must send: those reachable from `head`
 * but not from `have`, found by comparing each new commit's tree with its
 * parents' (cost proportional to the change, not to the repository).
 */
#ifndef FC_SENDSET_H
#define FC_SENDSET_H

#include <git2.h>
#include "core/err.h"

/* Inserts into pb the commits between have (exclusive; NULL: none) and
 * head, and the trees and blobs they introduce. */
int sendset_add(git_packbuilder *pb, git_repository *repo, const git_oid *head,
		const git_oid *have, struct fc_err *err);

/* Copies those objects from src into dst's object store as one pack. */
int sendset_copy(git_repository *src, git_repository *dst, const git_oid *head,
		 const git_oid *have, struct fc_err *err);

#endif
