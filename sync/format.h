/* format.h - which format a replica's tree is in, and the move to format 2
 * (see docs/ARCHITECTURE.md, "Format 2").
 *
 * A tree's format is the file FORMAT at its root (layout.h): absent, format
 * 1 (hazards sharded by hex); exactly "fieldcheck 2\n", format 2 (hazards
 * by the month they were found).  Anything else there (a folder, a link,
 * more bytes, another number) is refused: a newer fieldcheck's central is
 * not read by guesswork, and a hostile one not at all.
 *
 * The migration moves each hazard's blob, unchanged, from its hex path to
 * its month path and adds FORMAT.  It depends on the tree alone, so two
 * devices that migrate one tree make the same tree, and a merge of format-1
 * and format-2 histories compares trees normalised alike.
 */
#ifndef FC_FORMAT_H
#define FC_FORMAT_H

#include <git2.h>
#include "oidmap.h"
#include "replica.h"
#include "synclog.h"

#define FORMAT_MAX_BYTES 64


/* The format the FORMAT entry (blob id, mode) says; -1 with a message
 * naming `whose` ("the central") when it is no marker this fieldcheck
 * reads. */
int format_of_entry(git_repository *repo, const git_oid *id, git_filemode_t mode,
		    const char *whose, int *format, struct fc_err *err);
/* The format of a tree (NULL: none yet, LAYOUT_FORMAT). */
int format_of_tree(git_repository *repo, git_tree *tree, const char *whose, int *format,
		   struct fc_err *err);
/* The marker's blob, written. */
int format_marker(git_repository *repo, git_oid *out, struct fc_err *err);
/* The month of each hazard a normalisation read (keyed by its blob and
 * path), so that normalising a merge's base and theirs, which share most
 * hazards, reads each blob once (the value's first bytes hold "YYYY/MM"). */
struct format_memo {
	struct oidmap months;
};

void format_memo_init(struct format_memo *m);
void format_memo_release(struct format_memo *m);

/* *out is tree in format 2: itself (a new reference) when it is already,
 * else every hazard that decodes moved to its month path and FORMAT added
 * (*moved counts them; may be NULL); NULL stays NULL.  A hazard that does
 * not decode stays where it is, for the merge's checks to refuse.  memo
 * (may be NULL) keeps the months read for the next call. */
int format_normalise(git_repository *repo, git_tree *tree, struct format_memo *memo,
		     git_tree **out, size_t *moved, struct fc_err *err);
/* Where tree (may be NULL) holds hazard id, at its format-1 path or at
 * the month path of any month: 1 with the path in out, else 0.  For a
 * hazard known by its id alone (withdrawn: the store has it no more). */
int format_find_hazard(git_repository *repo, git_tree *tree, const char *id, char *out,
		       size_t size);
/* Moves the replica's branch to format 2 when it is in format 1: one
 * commit, authored and signed as the workspace's others, which the store's
 * imported tree follows.  Nothing to do (no branch yet, format 2): 0. */
int format_migrate(struct replica *r, struct sync_log *rep, struct fc_err *err);

#endif
