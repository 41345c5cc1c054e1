/* sync.h - what the command line and the TUI call to sync (see
 * docs/ARCHITECTURE.md, "Sync").
 *
 * sync: commit what changed locally, then for each remote fetch, merge
 * record by record, import what others changed, and push; a push refused
 * because another device pushed first is retried (fetch, merge, push) with
 * backoff, a bounded number of times.  pull: the same without pushing.
 * Offline, the commit stays local and the result says how many wait.
 * Files: an inspector's sync brings only the officer's own; a
 * supervisor's (pull or sync) also every file the records name, unless
 * records_only (docs/ARCHITECTURE.md, "How evidence travels").
 */
#ifndef FC_SYNC_H
#define FC_SYNC_H

#include "core/workspace.h"
#include "progress.h"
#include "synclog.h"

#define SYNC_MAX_ATTEMPTS 24     /* pushes refused because others pushed first */
#define SYNC_MAX_NET_ERRORS 3    /* fetches or pushes that failed on the network */

struct sync_options {
	const char *remote;           /* NULL: every remote */
	int push;                     /* 0 for pull */
	struct sync_progress *prog;
	int records_only;             /* a supervisor's: records and own files only */
};

struct sync_result {
	size_t exported;              /* records written to the replica */
	int committed;
	size_t remotes, reached, pushed;
	size_t waiting;               /* commits not yet on every remote */
	size_t records_waiting;       /* changed records not yet committed (the
				       * export failed: a full disk...) */
	size_t attempts;              /* pushes tried (retries included) */
	size_t files_sent;            /* own evidence files sent (sync/evsync.h) */
	size_t files_restored;        /* own evidence files put back into the store */
	size_t files_fetched;         /* others' files a supervisor's pull kept */
	size_t files_refused;         /* others' files refused and quarantined */
	size_t files_missing;         /* others' files named but on no remote */
	char *offline;                /* why a remote could not be reached, or NULL */
	struct sync_log rep;
};
void sync_result_release(struct sync_result *res);

/* Returns 0 when every remote was reached (and, for sync, pushed); -1 with
 * err otherwise — res still says what was done (commits waiting). */
int sync_run(struct fc_workspace *ws, const struct sync_options *o, struct sync_result *res,
	     struct fc_err *err);

/* Remotes. */
/* The SSH key file a remote names, as a malloc'd absolute path (a sync
 * may run from any directory), or NULL and err when it cannot be read. */
char *sync_key_path(const char *sshkey, struct fc_err *err);
int sync_remote_add(struct fc_workspace *ws, const char *name, const char *url,
		    const char *sshkey, struct fc_err *err);
struct sync_remote { char *name, *url; };
int sync_remote_list(struct fc_workspace *ws, struct sync_remote **out, size_t *n,
		     struct fc_err *err);
void sync_remote_list_free(struct sync_remote *l, size_t n);
/* Sets the fingerprint the founder of remote's roster must have
 * (init --from URL --roster-key FP; sync/trustsync.c). */
int trust_expect_founder(struct fc_workspace *ws, const char *remote, const char *fingerprint,
			 struct fc_err *err);
/* The person's decision after a rewritten history: `commit` (hex, at least
 * 7 digits), which must be the remote's main as the last fetch found it,
 * becomes the commit synced with `remote`; the next sync merges it (a
 * finalized record held here still stands: see core/merge.h;
 * sync/synced.c). */
int synced_accept(struct fc_workspace *ws, const char *remote, const char *commit,
		  struct fc_err *err);

/* For a status line: when the last sync was ("" if never) and how many
 * changes wait to be sent (records not yet committed plus commits not yet
 * pushed).  Never blocks on a running sync. */
struct sync_status { char last[40]; size_t records_waiting, commits_waiting; int has_replica; };
int sync_status(struct fc_workspace *ws, struct sync_status *st, struct fc_err *err);

/* verify: the store's integrity, the replica's objects, every record valid.
 * Problems are appended to rep->notes; returns -1 if there was any. */
int sync_verify(struct fc_workspace *ws, struct sync_log *rep, struct fc_err *err);
/* reindex: import every record of the replica's branch again. */
int sync_reindex(struct fc_workspace *ws, struct sync_log *rep, struct fc_err *err);

#endif
