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

/* The trees a merge compares (base NULL: none), all in one format
 * (format.h); theirs_moved: their tree was normalised to format 2, so a
 * refused commit may have written a hazard at its format-1 path. */
struct merge_trees {
	git_tree *base, *ours, *theirs;
	int format;
	int theirs_moved;
};

/* trust (NULL: none) names what refused commits wrote (sync/trust.h):
 * those paths keep our version and their bytes are quarantined. */
int tree_merge(struct replica *r, const struct merge_trees *t, const git_oid *their_commit,
	       const struct trust_result *trust, git_oid *out_tree, struct sync_log *rep,
	       struct fc_err *err);

/* Reads the blob `id` at `path` and decodes it strictly as a record that
 * belongs there in a tree of `format`.  Used by the merge, the import and
 * verify. */
int read_record(struct replica *r, const git_oid *id, const char *path, int format,
		struct fc_record *out, struct fc_err *err);

#endif
