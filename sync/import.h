/* import.h - bringing the replica's records into the store.
 *
 * Incremental: only the paths that differ between the tree the store has
 * imported and the new one are read.  Idempotent: importing the same tree
 * twice changes nothing.  A record the store has changed locally since the
 * last export is left for the next sync (its merge will include it).
 */
#ifndef FC_IMPORT_H
#define FC_IMPORT_H

#include "replica.h"
#include "synclog.h"

/* Imports the changes from the store's imported tree to `tree` (the
 * branch's tree) and records `tree` as imported.  `commit` names the
 * commit in reports. */
int import_tree(struct replica *r, git_tree *tree, const git_oid *commit,
		struct sync_log *rep, struct fc_err *err);
/* Imports every record of `tree`, whatever the store holds (reindex). */
int import_all(struct replica *r, git_tree *tree, const git_oid *commit,
	       struct sync_log *rep, struct fc_err *err);
/* The branch's tree, imported as import_tree does (all 0) or import_all;
 * nothing when the branch is unborn. */
int import_branch(struct replica *r, int all, struct sync_log *rep, struct fc_err *err);

#endif
