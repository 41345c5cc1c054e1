/* treemerge.h - merging another device's tree into ours, record by record.
 *
 * Paths only the other side changed are taken as they are, once checked
 * (layout, size, a strict decode); paths both sides changed go through the
 * record merge (core/merge.h), which is deterministic, so two devices that
 * merge the same histories end with the same tree.  Whatever fails the
 * checks is quarantined and our side stands.
 */
#ifndef FC_TREEMERGE_H
#define FC_TREEMERGE_H

#include "replica.h"
#include "synclog.h"
#include "core/record.h"
#include "trust.h"

/* trust (NULL: none) names what refused commits wrote (sync/trust.h):
 * those paths keep our version and their bytes are quarantined. */
int tree_merge(struct replica *r, git_tree *base, git_tree *ours, git_tree *theirs,
	       const git_oid *their_commit, const struct trust_result *trust, git_oid *out_tree,
	       struct sync_log *rep, struct fc_err *err);

/* Reads the blob `id` at `path` and decodes it strictly as a record that
 * belongs there.  Used by the merge and by the import. */
int read_record(struct replica *r, const git_oid *id, const char *path, struct fc_record *out,
		struct fc_err *err);

#endif
