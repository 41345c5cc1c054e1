/* workspace_rebuild.c - a damaged store replaced (see workspace_rebuild.h). */
#include "workspace_rebuild.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

int workspace_store_damaged(const char *dir, struct fc_err *why, struct fc_err *err)
{
	char *path = xstrfmt("%s/%s", dir, WORKSPACE_STORE);
	struct fc_store *s = NULL;
	int rc;

	/* Opening migrates, and reads the schema: a damaged one fails here. */
	if (store_open(path, &s, why) == 0)
		rc = store_integrity(s, why) ? 1 : 0;
	else if (strstr(why->msg, _("is damaged"))) /* store_sqlerr's words, in the
						     * user's language like the message */
		rc = 1;
	else if (why->kind == FC_ENOTFOUND) { /* no workspace: say it as open does */
		struct fc_workspace *ws = NULL;
		if (workspace_open(dir, &ws, err) == 0)
			fc_fail(err, "%s", why->msg);
		workspace_close(ws);
		rc = -1;
	} else {
		*err = *why;
		rc = -1;
	}
	store_close(s);
	free(path);
	return rc;
}

static int identity(struct fc_workspace *ws, const struct fc_person *who, int supervisor,
		    struct fc_err *err)
{
	struct fc_err why = { 0 };

	if (workspace_read_identity(ws, &why) == 0)
		return 0;
	if (!who)
		return fc_fail(err, _("the damaged store's identity could not be read (%s): give it "
			       "with 'fieldcheck repair --name NAME --badge BADGE --dept DEPT'"),
			       why.msg);
	if (workspace_write_identity(ws->store, who, supervisor, err))
		return -1;
	return workspace_read_identity(ws, err);
}

/* A repair that could not start: the damaged store is still in its place,
 * so its second name (a hard link, the same file) goes. */
static void drop_aside(struct workspace_rebuild *rb)
{
	char *wal = xstrfmt("%s-wal", rb->aside), *shm = xstrfmt("%s-shm", rb->aside);

	unlink(wal);
	unlink(shm); /* the index SQLite made when it read the file */
	unlink(rb->aside);
	free(wal);
	free(shm);
	free(rb->aside);
	rb->aside = NULL;
}

int workspace_rebuild_begin(const char *dir, const struct fc_person *who, int supervisor,
			    struct fc_workspace **out, struct workspace_rebuild *rb,
			    struct fc_err *err)
{
	char *path = xstrfmt("%s/%s", dir, WORKSPACE_STORE);
	struct fc_workspace *ws = xcalloc(1, sizeof *ws);
	int rc = -1;

	memset(rb, 0, sizeof *rb);
	ws->dir = xstrdup(dir);
	rb->new_path = xstrfmt("%s.new", path);
	workspace_remove_store_files(rb->new_path); /* left by a repair cut short */
	if (salvage_set_aside(path, &rb->aside, err) ||
	    store_create(rb->new_path, &ws->store, err) ||
	    salvage_read(ws->store, rb->aside, &rb->sv, err) ||
	    identity(ws, who, supervisor, err))
		goto out;
	*out = ws;
	ws = NULL;
	rc = 0;
out:
	if (rc && rb->aside)
		drop_aside(rb);
	workspace_close(ws);
	free(path);
	return rc;
}

int workspace_rebuild_finish(struct fc_workspace *ws, struct workspace_rebuild *rb,
			     struct fc_err *err)
{
	char *path = xstrfmt("%s/%s", ws->dir, WORKSPACE_STORE);
	int rc;

	store_close(ws->store);
	ws->store = NULL;
	rc = salvage_swap(path, rb->new_path, err);
	if (rc == 0)
		rc = store_open(path, &ws->store, err);
	free(path);
	return rc;
}

void workspace_rebuild_release(struct workspace_rebuild *rb)
{
	if (rb->new_path)
		workspace_remove_store_files(rb->new_path); /* gone already when put in place */
	free(rb->aside);
	free(rb->new_path);
	salvage_release(&rb->sv);
	memset(rb, 0, sizeof *rb);
}
