/* transport.h - fetching from and pushing to a remote, over any transport.
 *
 * Over ssh:// and git:// the receiving git-receive-pack checks the ref's old
 * value; a rejection comes back only through the push_update_reference
 * callback (git_remote_push itself returns 0), which is watched here.  For a
 * repository on a path or file:// URL, libgit2's local push would move the
 * ref without checking it, so that case is ours: copy the missing objects as
 * a pack, then compare-and-swap the ref under git's own lock file.
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
