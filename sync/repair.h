/* repair.h - `fieldcheck repair`: the store from the replica, the replica
 * from the central; nothing is thrown away.
 *
 * A damaged store (pages overwritten, a truncated file) is set aside and
 * rebuilt from the replica, with what can still be read of it salvaged:
 * the drafts and changes not yet synced.  A damaged replica (a pack with
 * flipped bytes, a missing object) is set aside and fetched again from the
 * remotes, and what the store has that the central lacks is committed
 * again on top of where the store last agreed with the central, so the
 * next sync sends it.  What was damaged stays beside the new files under a
 * .damaged-STAMP name; what could not be saved is said.
 */
#ifndef FC_REPAIR_H
#define FC_REPAIR_H

#include "core/salvage.h"
#include "core/workspace.h"
#include "synclog.h"

struct repair_options {
	const struct fc_person *who;  /* the identity, if the store lost it; or NULL */
	int supervisor;
};

struct repair_result {
	char *store_damage, *replica_damage;   /* what was wrong, or NULL */
	char *store_aside, *replica_aside;     /* where it was set aside */
	struct salvage salvage;                /* what the damaged store gave */
	size_t remotes_fetched, reexported;
	int based;                             /* the re-export found where the
						* store last agreed with a remote */
	struct sync_log rep;                /* the reindex, and notes */
};
void repair_result_release(struct repair_result *res);

/* Checks the store and the replica of the workspace in `dir` and rebuilds
 * what is damaged.  0 when done (res says what); -1 with err when the
 * repair could not be made (what was set aside stays set aside). */
int sync_repair(const char *dir, const struct repair_options *o, struct repair_result *res,
		struct fc_err *err);

#endif
