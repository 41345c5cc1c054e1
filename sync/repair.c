/* repair.c - the store from the replica, the replica from the central
 * (see repair.h). */
#include "repair.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/recordio.h"
#include "core/strbuf.h"
#include "core/workspace_rebuild.h"
#include "export.h"
#include "gitutil.h"
#include "import.h"
#include "replica_check.h"
#include "transport.h"
#include "trustsync.h"

void repair_result_release(struct repair_result *res)
{
	free(res->store_damage);
	free(res->replica_damage);
	free(res->store_aside);
	free(res->replica_aside);
	salvage_release(&res->salvage);
	sync_log_release(&res->rep);
	memset(res, 0, sizeof *res);
}

/* Fetches every remote into the new replica; one that cannot be reached is
 * a note (the next sync tries again). */
static void fetch_all(struct replica *r, const git_strarray *names, struct repair_result *res)
{
	size_t i;

	for (i = 0; i < names->count; i++) {
		struct fc_err why = { 0 };
		git_oid theirs;
		int exists;
		if (transport_fetch(r, names->strings[i], NULL, &theirs, &exists, &why) == 0)
			res->remotes_fetched++;
		else
			sync_log_note(&res->rep, _("could not fetch from %s: %s"),
					 names->strings[i], why.msg);
	}
}

/* Records that differ between two commits' trees (forms left out). */
static size_t records_changed(struct replica *r, const git_oid *from, const git_oid *to)
{
	git_tree *a = NULL, *b = NULL;
	git_diff *d = NULL;
	size_t i, n = 0;
	struct fc_err ignore;

	if (replica_commit_tree(r, from, &a, &ignore) == 0 &&
	    replica_commit_tree(r, to, &b, &ignore) == 0 &&
	    git_diff_tree_to_tree(&d, r->repo, a, b, NULL) == 0)
		for (i = 0; i < git_diff_num_deltas(d); i++)
			n += strncmp(git_diff_get_delta(d, i)->new_file.path, "forms/", 6) != 0;
	git_diff_free(d);
	git_tree_free(a);
	git_tree_free(b);
	return n;
}

/* What the store has that the central lacks, committed again: every
 * record noted as changed and exported on top of where the store last
 * agreed with the central; those the central has already make no change. */
static int reexport(struct replica *r, struct repair_result *res, struct fc_err *err)
{
	struct export_result ex;
	struct fc_err why = { 0 };
	git_oid base;
	int has;

	if (replica_head(r, &base, &has, err) || outbox_add_all(r->ws->store, err))
		return -1;
	/* A commit the roster would refuse is not made (as in a sync): the
	 * records wait in the outbox for the sync that may make it. */
	if (trust_may_commit(r, &why)) {
		sync_log_note(&res->rep, _("the records wait to be committed by the next sync: %s"),
				 why.msg);
		return 0;
	}
	if (export_outbox(r, &ex, err))
		return -1;
	if (ex.committed)
		res->reexported = records_changed(r, has ? &base : NULL, &ex.commit);
	return 0;
}

/* The replica set aside and fetched again; main put where the store last
 * agreed with a remote; the store's records exported again unless the
 * store itself is being rebuilt (then its salvage does that). */
static int refetch(struct replica *r, int store_rebuilt, struct repair_result *res,
		   struct fc_err *err)
{
	git_strarray names = { 0 };
	struct fc_err why = { 0 };
	git_oid base;
	int rc = -1;

	if (replica_copy_remotes(r, res->replica_aside, &why))
		sync_log_note(&res->rep, _("%s; add them again with 'fieldcheck remote add'"),
				 why.msg);
	if (git_remote_list(&names, r->repo) < 0)
		return git_fail(err, _("listing the remotes"));
	fetch_all(r, &names, res);
	if (replica_find_base(r, res->replica_aside, &names, &base, &res->based, err))
		goto out;
	if (res->based && replica_set_head(r, &base, NULL, "fieldcheck: repair", err))
		goto out;
	rc = store_rebuilt ? 0 : reexport(r, res, err);
out:
	git_strarray_dispose(&names);
	return rc;
}

static int has_replica(struct fc_workspace *ws)
{
	char *path = workspace_file(ws, REPLICA_DIR);
	struct stat st;
	int yes = stat(path, &st) == 0;

	free(path);
	return yes;
}

/* A replica git cannot even open (its HEAD or config gone): moved aside
 * as it is, and a new one opened in its place. */
static int open_in_its_place(struct fc_workspace *ws, struct replica **r,
			     struct repair_result *res, struct fc_err *err)
{
	char *path = workspace_file(ws, REPLICA_DIR);
	int rc = -1;

	if ((res->replica_aside = salvage_aside_name(path, err)) != NULL) {
		if (rename(path, res->replica_aside) != 0)
			fc_failk(err, FC_EIO, _("cannot set the replica aside as %s: %s"),
				 res->replica_aside, strerror(errno));
		else
			rc = replica_open(ws, REPLICA_CREATE, r, err);
	}
	free(path);
	return rc;
}

/* The replica checked, rebuilt if damaged, and imported into the store
 * when the store is new or the replica is. */
static int repair_replica(struct fc_workspace *ws, int store_rebuilt, struct repair_result *res,
			  struct fc_err *err)
{
	struct fc_err why = { 0 };
	struct replica *r;
	int rc = 0;

	if (!has_replica(ws))
		return 0;
	if (replica_open(ws, 0, &r, &why)) {
		if (!strstr(why.msg, _("opening the replica"))) { /* git_fail's context */
			*err = why; /* the lock, not the replica */
			return -1;
		}
		res->replica_damage = xstrdup(why.msg);
		if (open_in_its_place(ws, &r, res, err))
			return -1;
		rc = refetch(r, store_rebuilt, res, err);
	} else if (replica_check(r, &why)) {
		res->replica_damage = xstrdup(why.msg);
		if (!(res->replica_aside = salvage_aside_name(r->path, err)) ||
		    replica_renew(r, res->replica_aside, err))
			rc = -1;
		else
			rc = refetch(r, store_rebuilt, res, err);
	}
	if (rc == 0 && (store_rebuilt || res->replica_damage))
		rc = import_branch(r, 1, &res->rep, err); /* every record */
	replica_close(r);
	return rc;
}

int sync_repair(const char *dir, const struct repair_options *o, struct repair_result *res,
		struct fc_err *err)
{
	struct workspace_rebuild rb = { 0 };
	struct fc_workspace *ws = NULL;
	struct fc_err why = { 0 };
	int damaged, rc = -1;

	memset(res, 0, sizeof *res);
	if ((damaged = workspace_store_damaged(dir, &why, err)) < 0)
		return -1;
	if (damaged) {
		res->store_damage = xstrdup(why.msg);
		if (workspace_rebuild_begin(dir, o->who, o->supervisor, &ws, &rb, err))
			goto out;
		res->store_aside = xstrdup(rb.aside);
	} else if (workspace_open(dir, &ws, err)) {
		goto out;
	}
	if (repair_replica(ws, damaged, res, err))
		goto out;
	if (damaged && (salvage_restore(ws->store, &rb.sv, err) ||
			workspace_rebuild_finish(ws, &rb, err)))
		goto out;
	rc = 0;
out:
	if (damaged) {
		res->salvage = rb.sv;
		memset(&rb.sv, 0, sizeof rb.sv);
		if (!res->store_aside && rb.aside)
			res->store_aside = xstrdup(rb.aside);
	}
	workspace_rebuild_release(&rb);
	workspace_close(ws);
	return rc;
}
