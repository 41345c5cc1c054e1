/* rosteredit.h - a supervisor changes a central's roster.
 *
 * The change is made on top of that central's main as it is fetched, not
 * on this workspace's branch: a supervisor's branch may hold several
 * departments' centrals merged, and a roster belongs to one.  The commit
 * (signed) is pushed at once with the same compare-and-swap as a sync and
 * made again on the new tip when someone pushed first, so two supervisors
 * never edit one roster on two branches.  The workspace then pulls it.
 */
#ifndef FC_ROSTEREDIT_H
#define FC_ROSTEREDIT_H

#include "core/roster.h"
#include "core/workspace.h"
#include "synclog.h"

enum roster_edit_kind {
	ROSTER_FOUND,                /* a first roster: this supervisor alone */
	ROSTER_ADD,                  /* add entry e */
	ROSTER_REVOKE,               /* end badge's keys at `at` */
};

struct roster_edit {
	enum roster_edit_kind kind;
	struct roster_entry e;       /* ROSTER_ADD */
	char badge[MAX_BADGE + 1];   /* ROSTER_REVOKE */
	long long at;                /* ROSTER_REVOKE; ROSTER_FOUND: start */
};

/* Applies the edit to remote's roster, pushes it and pulls.  Returns 0
 * with the commit in commit_hex (41 bytes); rep gets what the pull found. */
int roster_edit_push(struct fc_workspace *ws, const char *remote, const struct roster_edit *ed,
		     char *commit_hex, struct sync_log *rep, struct fc_err *err);

/* The roster of the workspace's branch (empty when it has none). */
int roster_read_head(struct fc_workspace *ws, struct roster *out, struct fc_err *err);

#endif
