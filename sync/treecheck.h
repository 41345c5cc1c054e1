/* treecheck.h - a fetched tree judged the way git's own fsck judges trees,
 * before anything of it is used.
 *
 * The merge and the import walk trees by joining entry names into paths: an
 * entry named "11/<uuid>.json" inside inspections/2026, or two entries of
 * one name, would put a second, forged record at a path that already holds
 * the genuine one.  So a fetched commit's tree is refused whole when any of
 * its trees has an entry git's fsck calls bad: a name that is empty, ".",
 * "..", ".git" in any case, or holds '/'; two entries of one name (a file
 * and a folder included); entries out of git's order; a mode git never
 * writes.  Folders nested deeper than TREE_MAX_DEPTH are refused too, so no
 * walk of a checked tree goes deeper than that.
 *
 * Only what differs from a tree known to be sound (our branch's, which was
 * checked when it arrived) is read, so the cost follows what changed.
 */
#ifndef FC_TREECHECK_H
#define FC_TREECHECK_H

#include <git2.h>
#include "core/err.h"

/* Folders below the root: our layout uses three (forms/<id>/<version>/). */
#define TREE_MAX_DEPTH 8
/* A tree object larger than this is refused unread: a month of 100 000
 * inspections is a tree of 7 MB. */
#define TREE_MAX_BYTES (32u << 20)

/* Checks the tree `tree` of repo, skipping every subtree (or the whole)
 * whose id equals the one at the same path in `known` (NULL: nothing is
 * known, everything is read).  Returns 0 when sound; -1 with a message that
 * names the folder, the entry (made visible) and what is wrong, kind
 * FC_EFAIL; or -1 kind FC_EIO when the objects cannot be read. */
int treecheck(git_repository *repo, const git_oid *tree, git_tree *known, struct fc_err *err);

/* name, made visible for a message: quoted, every byte outside printable
 * ASCII as \xNN. */
struct strbuf;
void treecheck_show(struct strbuf *out, const char *name, size_t len);

#endif
