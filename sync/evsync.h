/* evsync.h - an officer's own evidence files on a sync (docs/FORMAT.md,
 * format 2; README "How evidence travels").
 *
 * Records travel on main; the files they name travel on one ref per
 * officer, refs/evidence/<badge>, in the same central.  A sync fetches
 * main and its own officer's evidence ref only (never others': those come
 * on demand, sync/evfetch.c), puts back into the workspace's store any own
 * file it lacks (a laptop reinstalled from the central), and sends the
 * own files the ref lacks as one new commit on it, signed as main's
 * commits are, pushed with main's compare-and-swap.
 */
#ifndef FC_EVSYNC_H
#define FC_EVSYNC_H

#include "progress.h"
#include "replica.h"
#include "synclog.h"

struct evsync {
	char ref[300];        /* refs/evidence/<our badge> */
	git_oid theirs;       /* the remote's, as fetched */
	int has_theirs;
	int refused;          /* the remote's ref is of a shape refused: left alone */
	size_t sent;          /* files sent, in all */
	size_t restored;      /* own files put back into the store */
};

/* Fetches our evidence ref from `remote` and puts back the own files the
 * store lacks.  A ref of a refused shape, or a file that is not what its
 * record says, is reported in rep (quarantined), not an error. */
int evsync_pull(struct replica *r, const char *remote, struct sync_progress *prog,
		struct evsync *st, struct sync_log *rep, struct fc_err *err);

/* Sends our files the remote's ref lacks, as fetched by evsync_pull: one
 * commit, pushed; *rejected when someone pushed to that ref first. */
int evsync_push(struct replica *r, const char *remote, struct sync_progress *prog,
		struct evsync *st, int *rejected, struct fc_err *err);

#endif
