/* workspace.h - a folder holding one inspector's (or supervisor's) data:
 * the store (store.db), the workspace's own forms (forms/) and, once synced,
 * the replica.  The identity recorded at init is the author of everything
 * the workspace writes.
 */
#ifndef FC_WORKSPACE_H
#define FC_WORKSPACE_H

#include "model.h"
#include "store.h"

#define WORKSPACE_STORE "store.db"

struct fc_workspace {
	char *dir;
	struct fc_store *store;
	struct fc_person me;
	int supervisor;
	char *sign_key;              /* the officer's SSH key that signs the
				      * workspace's commits, or NULL */
};

/* The folder in force: `opt` (-C), else $FIELDCHECK_HOME, else
 * $XDG_DATA_HOME/fieldcheck, else ~/.local/share/fieldcheck. */
int workspace_locate(const char *opt, char **out, struct fc_err *err);
/* Creates a workspace in dir (made if missing).  Refuses, changing nothing,
 * when one is there already. */
int workspace_init(const char *dir, const struct fc_person *me, int supervisor,
		   struct fc_err *err);
/* What workspace_init and a first pull may create in dir, noted before
 * they run, so that a failed `init --from` leaves no half-made workspace:
 * undo removes the highest folder that did not exist, or else every entry
 * of dir that was not there before, and never anything that was. */
struct workspace_undo {
	char *top;      /* the folder to remove whole, or NULL */
	char *dir;
	char **had;     /* dir's entries before (NULL-terminated) when top is NULL */
};
int workspace_undo_note(const char *dir, struct workspace_undo *u, struct fc_err *err);
void workspace_undo_run(const struct workspace_undo *u);
void workspace_undo_release(struct workspace_undo *u);
/* Opens an existing workspace; a missing one is FC_ENOTFOUND with a message
 * that says how to create it. */
int workspace_open(const char *dir, struct fc_workspace **out, struct fc_err *err);
/* The same for reading only (store_open_readonly): for verify, which must
 * work on a workspace it cannot write. */
int workspace_open_readonly(const char *dir, struct fc_workspace **out, struct fc_err *err);
void workspace_close(struct fc_workspace *ws);
/* Sets the SSH key (a private key, or the .pub of one in ssh-agent) that
 * signs this workspace's commits: an ed25519 key whose public half is
 * beside it.  Kept as an absolute path. */
int workspace_set_sign_key(struct fc_workspace *ws, const char *path, struct fc_err *err);
/* The identity in the store's settings into ws->me / ws->supervisor; and
 * written there (a new store, a rebuilt one). */
int workspace_read_identity(struct fc_workspace *ws, struct fc_err *err);
int workspace_write_identity(struct fc_store *s, const struct fc_person *me, int supervisor,
			     struct fc_err *err);
/* Removes a store file and its WAL and index (a temporary one). */
void workspace_remove_store_files(const char *path);
/* dir/name, freshly allocated. */
char *workspace_file(const struct fc_workspace *ws, const char *name);

#endif
