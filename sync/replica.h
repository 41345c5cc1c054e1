/* replica.h - the workspace's replica: a bare git repository beside the
 * store (WORKSPACE/replica.git) whose branch main holds every synced record
 * as one file each.  Remotes are ordinary git remotes in its config.
 */
#ifndef FC_REPLICA_H
#define FC_REPLICA_H

#include <git2.h>
#include "core/workspace.h"

struct newobjs;
struct judged;
struct decoded;
struct quarantine_state;

#define REPLICA_DIR "replica.git"
#define REPLICA_BRANCH "refs/heads/main"

struct replica {
	git_repository *repo;
	char *path;
	struct fc_workspace *ws;     /* not owned */
	int lock_fd;                 /* the workspace's sync lock, or -1 */
	struct newobjs *newobjs;     /* new objects gather here until flushed;
				      * owned by repo's odb */
	char *notice;                /* something to tell the user (a host key
				      * pinned on first use), or NULL */
	/* What this sync has judged and put aside (judged.h, quarantine.h):
	 * made at first use, gone with the replica. */
	struct judged *judged;
	struct quarantine_state *quarantine;
	/* Records the merge decoded for the import (decoded.h), or NULL. */
	struct decoded *decoded;
};

/* Opens the replica (creating it when `create`), after taking the
 * workspace's sync lock, so two syncs of one workspace never interleave;
 * with the lock held, lock files left in the replica by a killed process
 * are stale and removed. */
enum {
	REPLICA_CREATE = 1,
	REPLICA_NOLOCK = 2,   /* read-only look, e.g. for a status line */
	REPLICA_READONLY = 4, /* reads only (verify): waits for a sync, writes nothing */
};
int replica_open(struct fc_workspace *ws, int flags, struct replica **out, struct fc_err *err);
void replica_close(struct replica *r);

/* Repair: moves the replica's folder to `aside` (kept, never deleted) and
 * starts an empty replica in its place, the sync lock still held. */
int replica_renew(struct replica *r, const char *aside, struct fc_err *err);

/* Writes the objects gathered in memory as one pack (fsynced), so a bulk
 * commit of thousands of records leaves one file, not thousands of loose
 * objects.  Call before a ref points at the new objects. */
int replica_flush(struct replica *r, struct fc_err *err);

/* Removes the indexer's temporary files a killed process left in
 * repo_path/objects/pack, when older than max_age seconds. */
void clear_pack_temporaries(const char *repo_path, long max_age);

/* The commit refs/heads/main points at; *exists 0 when there is none yet. */
int replica_head(struct replica *r, git_oid *out, int *exists, struct fc_err *err);
/* Moves main from `old` (NULL: unborn) to `new`, atomically, refusing if it
 * moved meanwhile. */
int replica_set_head(struct replica *r, const git_oid *new_id, const git_oid *old,
		     const char *why, struct fc_err *err);
/* The tree of a commit; *tree NULL for a NULL commit. */
int replica_commit_tree(struct replica *r, const git_oid *commit, git_tree **tree,
			struct fc_err *err);

/* Where the store stands against the replica: the tree it has imported
 * (meta "sync.imported_tree"); zero oid when none. */
int replica_imported_tree(struct replica *r, git_oid *out, struct fc_err *err);
int replica_set_imported_tree(struct replica *r, const git_oid *tree, struct fc_err *err);

#endif
