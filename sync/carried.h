/* carried.h - which commits of the replica's branch carried a file.
 *
 * A commit carried blob B at path P when its tree has B at P and none of its
 * parents' trees does: the commit that wrote those bytes there, or a merge
 * that made them.  Every commit reachable from the head counts, not only the
 * first parents, so a record written on another device and merged in is
 * found on its own side of the merge.  `git log --full-history -- P` lists
 * each of them (plain `git log -- P` may simplify away a side of a merge
 * whose result both sides reached).  A hazard's bytes at its format-1 path
 * count as at its path: the move to format 2 (docs/ARCHITECTURE.md,
 * "Format 2") carried nothing new, the commit that wrote them did (`git log
 * --follow` finds it too).  With a needle, a commit carried it when its
 * file at P holds those bytes and none of its parents' does: the commit
 * that added a line to a record.
 */
#ifndef FC_CARRIED_H
#define FC_CARRIED_H

#include "replica.h"

struct carried {
	const char *path;         /* in the tree (not owned) */
	git_oid blob;
	const char *needle;       /* NULL: blob; else what the record at path
				   * holds (an attachment's line, not owned):
				   * the commits that carried that line */
	char alt[128];            /* a hazard's format-1 path, or "" (carried_find) */
	git_oid *commits;         /* newest first (topological, then by time) */
	size_t n, alloc;
};

/* Fills each p[i].commits by walking the history of `head` once. */
int carried_find(struct replica *r, const git_oid *head, struct carried *p, size_t n,
		 struct fc_err *err);
void carried_release(struct carried *p, size_t n);

/* Finds a commit of p[0..n) that none of tips[0..n_tips) reaches (the
 * remotes' branches as last fetched or pushed): 1 with it in *out and its
 * path in *which when there is one (not sent yet), 0 when there is none. */
int carried_unsent(struct replica *r, const struct carried *p, size_t n, const git_oid *tips,
		   size_t n_tips, git_oid *out, const char **which, struct fc_err *err);

#endif
