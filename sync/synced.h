/* synced.h - the last commit this device synced with each remote, and the
 * check that the remote's history still holds it.
 *
 * A central whose main no longer contains what this device last merged
 * from it or pushed to it has had its history rewritten (a force-push, a
 * repository replaced): the new history may carry anything, and merged
 * without a common base it would be taken on trust.  So nothing of it is
 * merged and nothing is pushed until a person has looked and accepts it
 * (`fieldcheck remote accept-history NAME COMMIT`).  The commit is kept in
 * refs/fieldcheck/synced/<remote>, which only this device moves: the
 * remote-tracking ref is no record of it, every fetch moves that.
 */
#ifndef FC_SYNCED_H
#define FC_SYNCED_H

#include "replica.h"

/* The commit last synced with `remote`; *has 0 when never.  A replica
 * synced before the ref existed starts from its remote-tracking ref (what
 * the last fetch found) when its branch holds it, which is recorded then. */
int synced_get(struct replica *r, const char *remote, git_oid *out, int *has,
	       struct fc_err *err);
int synced_set(struct replica *r, const char *remote, const git_oid *id, struct fc_err *err);

/* 0 when `theirs` (the remote's main just fetched) is `last` or descends
 * from it, or the remote has no main (nothing is merged then, and a push
 * gives it ours again); else -1 naming both commits and the command that
 * accepts the new history. */
int synced_check(struct replica *r, const char *remote, const git_oid *last,
		 const git_oid *theirs, int has_theirs, struct fc_err *err);

/* synced_accept, the person's decision, which the front ends call, is in
 * sync.h. */

#endif
