/* replica_check.c - a replica checked whole; where it last agreed (see
 * replica_check.h). */
#include "replica_check.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "gitutil.h"

/* Bounds the search for the commit the store imported: a central's
 * history is walked no further back than this. */
#define BASE_SEARCH_MAX 200000

struct reading {
	git_odb *odb;
	struct fc_err *err;
};

/* Each object read whole: inflated, and (libgit2's strict hash check,
 * on by default) hashed against its name. */
static int read_one(const git_oid *id, void *payload)
{
	struct reading *rd = payload;
	git_odb_object *o;

	if (git_odb_read(&o, rd->odb, id) < 0) {
		fc_failk(rd->err, FC_EIO, _("object %s cannot be read: %s"), git_oid_tostr_s(id),
			 git_error_last() ? git_error_last()->message : "?");
		return GIT_EUSER;
	}
	git_odb_object_free(o);
	return 0;
}

static int entry_there(const char *root, const git_tree_entry *e, void *payload)
{
	struct reading *rd = payload;

	(void)root;
	if (git_odb_exists(rd->odb, git_tree_entry_id(e)))
		return 0;
	fc_failk(rd->err, FC_EIO, _("%s%s is missing (object %s)"), root, git_tree_entry_name(e),
		 git_oid_tostr_s(git_tree_entry_id(e)));
	return GIT_EUSER;
}

/* Every commit of main and its tree, and every path of main's tree. */
static int history_there(struct replica *r, struct reading *rd)
{
	git_revwalk *w = NULL;
	git_tree *tree = NULL;
	git_oid id, head;
	int rc, has;

	if (replica_head(r, &head, &has, rd->err))
		return -1;
	if (!has)
		return 0;
	rc = git_revwalk_new(&w, r->repo);
	if (rc == 0)
		rc = git_revwalk_push(w, &head);
	while (rc == 0 && (rc = git_revwalk_next(&id, w)) == 0) {
		git_commit *c;
		if ((rc = git_commit_lookup(&c, r->repo, &id)) == 0) {
			rc = git_commit_tree(&tree, c);
			git_commit_free(c);
			git_tree_free(tree);
			tree = NULL;
		}
	}
	git_revwalk_free(w);
	if (rc != GIT_ITEROVER)
		return git_fail(rd->err, _("the replica's history is broken"));
	if (replica_commit_tree(r, &head, &tree, rd->err))
		return -1;
	rc = git_tree_walk(tree, GIT_TREEWALK_PRE, entry_there, rd);
	git_tree_free(tree);
	if (rc == GIT_EUSER)
		return -1;
	return rc < 0 ? git_fail(rd->err, _("the replica's records cannot be listed")) : 0;
}

int replica_check(struct replica *r, struct fc_err *err)
{
	struct reading rd = { NULL, err };
	git_repository *plain = NULL;
	int rc;

	/* Listed through a second opening of the replica: the backend that
	 * gathers new objects in memory cannot list them, and has none now. */
	if (git_repository_open_bare(&plain, r->path) < 0 ||
	    git_repository_odb(&rd.odb, plain) < 0) {
		git_repository_free(plain);
		return git_fail(err, _("opening the replica's objects"));
	}
	rc = git_odb_foreach(rd.odb, read_one, &rd);
	if (rc < 0 && rc != GIT_EUSER)
		git_fail(err, _("listing the replica's objects"));
	git_odb_free(rd.odb);
	rd.odb = NULL; /* freed twice below once damage was found (t_repair's flake) */
	git_repository_free(plain);
	if (rc == 0 && (git_repository_odb(&rd.odb, r->repo) < 0 ||
			(rc = history_there(r, &rd)) < 0))
		rc = rd.odb ? -1 : git_fail(err, _("opening the replica's objects"));
	git_odb_free(rd.odb);
	return rc < 0 ? -1 : 0;
}

/* What the damaged replica last fetched from one of the remotes, if the
 * new replica has it. */
static int last_fetched(struct replica *r, const char *aside, const git_strarray *remotes,
			git_oid *base)
{
	git_repository *old = NULL;
	git_odb *odb = NULL;
	size_t i;
	int found = 0;

	if (git_repository_open_bare(&old, aside) < 0 || git_repository_odb(&odb, r->repo) < 0) {
		git_repository_free(old);
		return 0;
	}
	for (i = 0; i < remotes->count && !found; i++) {
		char *ref = xstrfmt("refs/remotes/%s/main", remotes->strings[i]);
		found = git_reference_name_to_id(base, old, ref) == 0 && git_odb_exists(odb, base);
		free(ref);
	}
	git_odb_free(odb);
	git_repository_free(old);
	return found;
}

/* The newest commit of a remote's main whose tree is the one the store
 * last imported. */
static int imported_commit(struct replica *r, const git_strarray *remotes, git_oid *base,
			   struct fc_err *err)
{
	git_revwalk *w = NULL;
	git_oid tree, id;
	size_t i, n = 0;
	int found = 0;

	if (replica_imported_tree(r, &tree, err))
		return -1;
	if (git_oid_is_zero(&tree) || git_revwalk_new(&w, r->repo) < 0)
		return 0;
	for (i = 0; i < remotes->count; i++) {
		char *ref = xstrfmt("refs/remotes/%s/main", remotes->strings[i]);
		git_revwalk_push_ref(w, ref);
		free(ref);
	}
	while (!found && n++ < BASE_SEARCH_MAX && git_revwalk_next(&id, w) == 0) {
		git_commit *c;
		if (git_commit_lookup(&c, r->repo, &id) == 0) {
			found = git_oid_equal(git_commit_tree_id(c), &tree);
			git_commit_free(c);
		}
	}
	if (found)
		git_oid_cpy(base, &id);
	git_revwalk_free(w);
	return found;
}

int replica_find_base(struct replica *r, const char *aside, const git_strarray *remotes,
		      git_oid *base, int *found, struct fc_err *err)
{
	*found = last_fetched(r, aside, remotes, base);
	if (!*found && (*found = imported_commit(r, remotes, base, err)) < 0)
		return -1;
	return 0;
}

static int copy_entry(const git_config_entry *e, void *payload)
{
	return git_config_set_multivar(payload, e->name, "^$", e->value);
}

int replica_copy_remotes(struct replica *r, const char *aside, struct fc_err *err)
{
	git_config *from = NULL, *to = NULL;
	char *path = xstrfmt("%s/config", aside);
	int rc;

	rc = git_config_open_ondisk(&from, path);
	if (rc == 0)
		rc = git_repository_config(&to, r->repo);
	if (rc == 0)
		rc = git_config_foreach_match(from, "^remote\\.", copy_entry, to);
	git_config_free(from);
	git_config_free(to);
	free(path);
	return rc < 0 ? git_fail(err, _("copying the remotes of the old replica")) : 0;
}
