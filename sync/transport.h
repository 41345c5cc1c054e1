/* transport.h - fetching from and pushing to a remote, over any transport.
 *
 * Over ssh:// and git:// a push sends the objects sync/sendset.c computes,
 * speaking receive-pack over libgit2's connection (sync/rppush.h): a ref
 * that is not the commit we fetched counts as "pushed first" before
 * anything is sent, and git-receive-pack checks the old value again under
 * its lock; its rejection comes back through the push_update_reference
 * callback, which is watched here, as for git_remote_push, still used for
 * http(s).  For a repository on a path or file:// URL, libgit2's local push
 * would move the ref without checking it, so that case is ours: copy the
 * missing objects as a pack, then compare-and-swap the ref under git's own
 * lock file.
 */
#ifndef FC_TRANSPORT_H
#define FC_TRANSPORT_H

#include <stdint.h>

#include "progress.h"
#include "replica.h"

/* Fetches the remote's main into refs/remotes/NAME/main.  *exists is 0 when
 * the remote has no main yet (a new central repository). */
int transport_fetch(struct replica *r, const char *remote, struct sync_progress *prog,
		    git_oid *their_head, int *exists, struct fc_err *err);
/* Pushes our main; `expected` is what the remote's main was at the fetch
 * (NULL: none).  *rejected is set, with no error, when someone else pushed
 * first. */
int transport_push(struct replica *r, const char *remote, const git_oid *head,
		   const git_oid *expected, struct sync_progress *prog, int *rejected,
		   struct fc_err *err);
/* Pushes `head` to the remote's ref `refname` (refs/heads/main, or an
 * officer's refs/evidence/<badge>, whose objects go one by one, files
 * streamed), with the same compare-and-swap. */
int transport_push_ref(struct replica *r, const char *remote, const char *refname,
		       const git_oid *head, const git_oid *expected, struct sync_progress *prog,
		       int *rejected, struct fc_err *err);
/* Fetches the remote's `ref` (an evidence ref) into its tracking ref
 * (transport_tracking_ref); from a central on a path, only the objects
 * that ref brings, none larger than max. *exists 0: the remote has none. */
int transport_fetch_evidence(struct replica *r, const char *remote, const char *ref,
			     uint64_t max, struct sync_progress *prog, git_oid *their_head,
			     int *exists, struct fc_err *err);
/* refs/remotes/REMOTE/main for main, refs/remotes/REMOTE/evidence/B for
 * refs/evidence/B. */
int transport_tracking_ref(const char *remote, const char *ref, char *out, size_t size);
/* The URL of a configured remote (free() it). */
int transport_url(struct replica *r, const char *remote, char **url, struct fc_err *err);

#endif
