/* sendset.c - the objects a push to a local repository must send (see
 * sendset.h).
 *
 * libgit2's git_packbuilder_insert_walk marks every tree and blob under the
 * commits the remote has as uninteresting, then walks every tree of the new
 * commits: both cost the size of the whole record tree, on every sync.  Here
 * each new commit's tree is compared with its parents' trees path by path,
 * descending only where ids differ, so the cost follows what changed.  An
 * object equal to a parent's at the same path is in the remote already
 * (the parent is either sent too or reachable from what the remote has).
 */
#include "sendset.h"

#include "gitutil.h"
#include "treecheck.h"
#include "core/i18n.h"

#define MAX_PARENTS 8  /* our merges have two; octopus merges are refused */

struct visit {
	git_repository *repo;
	sendset_fn fn;
	void *ctx;
};

/* Visits tree `t` and whatever under it differs from the parent trees
 * `pt` (which may hold NULLs) at the same paths.  `depth` folders below the
 * root: the walk runs on a central's commits before they are checked, so a
 * tree nested deeper than any we make fails it instead of the C stack. */
static int add_tree(struct visit *v, const git_tree *t, git_tree *const *pt, size_t np,
		    unsigned depth)
{
	size_t i, j, n = git_tree_entrycount(t);
	int rc = v->fn(git_tree_id(t), NULL, v->ctx);

	if (rc == 0 && depth > TREE_MAX_DEPTH) {
		git_error_set_str(GIT_ERROR_INVALID, "folders nested deeper than fieldcheck ever "
				  "makes them");
		return -1;
	}

	for (i = 0; rc == 0 && i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);
		const git_tree_entry *pe[MAX_PARENTS];
		git_tree *sub = NULL, *psub[MAX_PARENTS] = { NULL };
		int same = 0;

		for (j = 0; j < np; j++) {
			pe[j] = pt[j] ? git_tree_entry_byname(pt[j], git_tree_entry_name(e)) : NULL;
			if (pe[j] && git_oid_equal(git_tree_entry_id(pe[j]), git_tree_entry_id(e)))
				same = 1;
		}
		if (same)
			continue;
		if (git_tree_entry_type(e) != GIT_OBJECT_TREE) {
			rc = v->fn(git_tree_entry_id(e), git_tree_entry_name(e), v->ctx);
			continue;
		}
		rc = git_tree_lookup(&sub, v->repo, git_tree_entry_id(e));
		for (j = 0; rc == 0 && j < np; j++)
			if (pe[j] && git_tree_entry_type(pe[j]) == GIT_OBJECT_TREE)
				rc = git_tree_lookup(&psub[j], v->repo, git_tree_entry_id(pe[j]));
		if (rc == 0)
			rc = add_tree(v, sub, psub, np, depth + 1);
		git_tree_free(sub);
		for (j = 0; j < np; j++)
			git_tree_free(psub[j]);
	}
	return rc;
}

static int add_commit(struct visit *v, const git_oid *id)
{
	git_commit *c = NULL, *p = NULL;
	git_tree *t = NULL, *pt[MAX_PARENTS] = { NULL };
	size_t j, np = 0;
	int rc = git_commit_lookup(&c, v->repo, id);

	if (rc == 0 && (np = git_commit_parentcount(c)) > MAX_PARENTS) {
		git_error_set_str(GIT_ERROR_INVALID, "a merge of more than 8 parents");
		rc = -1;
	}
	if (rc == 0)
		rc = v->fn(id, NULL, v->ctx);
	if (rc == 0)
		rc = git_commit_tree(&t, c);
	for (j = 0; rc == 0 && j < np; j++) {
		rc = git_commit_parent(&p, c, (unsigned)j);
		if (rc == 0)
			rc = git_commit_tree(&pt[j], p);
		git_commit_free(p);
		p = NULL;
	}
	if (rc == 0)
		rc = add_tree(v, t, pt, np, 0);
	for (j = 0; j < np; j++)
		git_tree_free(pt[j]);
	git_tree_free(t);
	git_commit_free(c);
	return rc;
}

int sendset_each(git_repository *repo, const git_oid *head, const git_oid *have,
		 sendset_fn fn, void *ctx, struct fc_err *err)
{
	struct visit v = { repo, fn, ctx };
	git_revwalk *walk = NULL;
	git_oid id;
	int rc;

	rc = git_revwalk_new(&walk, repo);
	if (rc == 0)
		rc = git_revwalk_push(walk, head);
	/* `have` is the remote's main as our last fetch saw it, so we have it. */
	if (rc == 0 && have)
		rc = git_revwalk_hide(walk, have);
	while (rc == 0 && (rc = git_revwalk_next(&id, walk)) == 0)
		rc = add_commit(&v, &id);
	git_revwalk_free(walk);
	if (rc == GIT_ITEROVER)
		return 0;
	return rc == GIT_EUSER ? -1 : git_fail(err, _("finding what to send"));
}

static int insert(const git_oid *id, const char *name, void *pb)
{
	return git_packbuilder_insert(pb, id, name);
}

int sendset_copy(git_repository *src, git_repository *dst, const git_oid *head,
		 const git_oid *have, git_indexer_progress *sent, struct fc_err *err)
{
	git_packbuilder *pb = NULL;
	git_buf buf = GIT_BUF_INIT;
	int rc = -1;

	if (git_packbuilder_new(&pb, src) < 0) {
		git_fail(err, _("packing what to send"));
		goto out;
	}
	git_packbuilder_set_threads(pb, 0); /* the delta search on every core */
	if (sendset_each(src, head, have, insert, pb, err))
		goto out;
	if (git_packbuilder_write_buf(&buf, pb) < 0) {
		git_fail(err, _("packing what to send"));
		goto out;
	}
	/* Indexed and fsynced before anything points at it. */
	if (gitutil_add_pack(dst, &buf, sent, NULL) < 0) {
		git_fail(err, _("writing the objects sent"));
		goto out;
	}
	rc = 0;
out:
	git_buf_dispose(&buf);
	git_packbuilder_free(pb);
	return rc;
}
