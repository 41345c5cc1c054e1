/* signcommit.h - the commits a workspace makes: authored by its officer
 * (name and badge) and, when the workspace has a signing key, signed with
 * it in git's own SSH format (the gpgsig header that `git commit -S` writes
 * with gpg.format=ssh), so plain git can check who made every change.
 */
#ifndef FC_SIGNCOMMIT_H
#define FC_SIGNCOMMIT_H

#include <git2.h>
#include "replica.h"

/* Writes a commit of tree with n parents and message msg; its id in out. */
int replica_commit(struct replica *r, const char *msg, git_tree *tree, size_t n,
		   const git_commit **parents, git_oid *out, struct fc_err *err);

#endif
