/* treediff.h - the files that differ between two trees, streamed.
 *
 * git_diff_tree_to_tree builds every delta before returning: for a first
 * pull of 100 000 inspections, some 250 000 deltas held twice over (the
 * merge and the import) were most of the memory the pull needed.  This walk
 * compares the trees entry by entry, descends only where ids differ, and
 * hands each differing file to a callback: memory is the depth of the tree.
 * Folders deeper than TREE_MAX_DEPTH (sync/treecheck.h) fail the walk, so
 * no tree decides how deep the C stack goes.
 */
#ifndef FC_TREEDIFF_H
#define FC_TREEDIFF_H

#include <git2.h>
#include "core/err.h"

struct treediff_file {
	const char *path;            /* from the root, '/'-separated */
	const git_oid *old_id;       /* NULL: added */
	const git_oid *new_id;       /* NULL: deleted */
	git_filemode_t old_mode, new_mode;
};

/* Calls fn for each non-tree entry that is added, deleted or changed (id
 * or mode) from `from` to `to` (either may be NULL: empty), in path order.
 * A path that is a file on one side and a folder on the other is a
 * deletion and additions.  `prefix` (NULL: none) limits the walk to that
 * top-level folder.  A non-zero return from fn stops the walk and is
 * returned; errors of git are reported into err. */
typedef int (*treediff_fn)(const struct treediff_file *f, void *ctx);
int treediff_each(git_repository *repo, git_tree *from, git_tree *to, const char *prefix,
		  treediff_fn fn, void *ctx, struct fc_err *err);
/* The same over everything but the top-level folders named in `skip`
 * (NULL-terminated): what lies outside a known layout. */
int treediff_each_except(git_repository *repo, git_tree *from, git_tree *to,
			 const char *const *skip, treediff_fn fn, void *ctx, struct fc_err *err);

#endif
