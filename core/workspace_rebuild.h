/* workspace_rebuild.h - a damaged store replaced by a new one, the damaged
 * file kept beside it (repair: the store from the replica).
 *
 * The new store is built under a temporary name while the damaged one is
 * read; only when it is complete does it take the store's name, in one
 * rename.  The damaged file (and its WAL) stays as store.db.damaged-STAMP:
 * nothing is ever deleted.
 */
#ifndef FC_WORKSPACE_REBUILD_H
#define FC_WORKSPACE_REBUILD_H

#include "salvage.h"
#include "workspace.h"

/* 1 when the store at dir is damaged (it cannot be read, or fails its
 * integrity check), with why; 0 when it is sound; -1 when that cannot be
 * told (no store there, busy), with err. */
int workspace_store_damaged(const char *dir, struct fc_err *why, struct fc_err *err);

struct workspace_rebuild {
	char *aside;                 /* where the damaged store was set aside */
	char *new_path;              /* the store being built */
	struct salvage sv;
};

/* Sets the damaged store aside, starts a new one and reads into it what can
 * be read of the damaged one (salvage_read).  The identity comes from the
 * damaged store, else from `who` (NULL: none given, an error that asks for
 * it).  *ws is a workspace over the new store. */
int workspace_rebuild_begin(const char *dir, const struct fc_person *who, int supervisor,
			    struct fc_workspace **ws, struct workspace_rebuild *rb,
			    struct fc_err *err);
/* Puts the new store in place and reopens ws on it. */
int workspace_rebuild_finish(struct fc_workspace *ws, struct workspace_rebuild *rb,
			     struct fc_err *err);
void workspace_rebuild_release(struct workspace_rebuild *rb);

#endif
