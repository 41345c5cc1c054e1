/* trustsync.h - the trust walk (sync/trust.h) as a sync uses it: each
 * fetched history judged before it is merged, the roster's founder pinned
 * per remote the first time it is seen (shown to the user, as host keys
 * are), and no commit made that the roster would refuse.
 *
 * Pins live in the store's meta table: roster.founder.<remote> holds the
 * founder's key, roster.expect.<remote> a fingerprint given beforehand
 * (init --from URL --roster-key FP) that the founder must match.
 */
#ifndef FC_TRUSTSYNC_H
#define FC_TRUSTSYNC_H

#include "replica.h"
#include "synclog.h"
#include "trust.h"

/* Judges the commits of theirs that ours lacks (ours NULL: none).
 * Refusals go into rep; -1 when nothing may be merged (the central lost
 * its pinned roster, or was founded by another key). */
int trust_fetched(struct replica *r, const char *remote, const git_oid *ours,
		  const git_oid *theirs, struct trust_result *tw, struct sync_log *rep,
		  struct fc_err *err);
/* After the merge: keeps the roster in force at their tip for the next
 * walk (store meta roster.trusted.<remote>), and pins the founder the walk
 * met if none was pinned. */
int trust_merged(struct replica *r, const char *remote, const struct trust_result *tw,
		 struct fc_err *err);
/* The roster in force at remote's tip when this workspace last merged it. */
int trust_known_roster(struct fc_workspace *ws, const char *remote, git_oid *out,
		       struct fc_err *err);
/* Whether this workspace may commit on top of its branch: where the branch
 * has a roster, the workspace's signing key must be on it now. */
int trust_may_commit(struct replica *r, struct fc_err *err);
/* trust_expect_founder, which the front ends call, is in sync.h. */

#endif
