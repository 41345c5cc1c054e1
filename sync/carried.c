/* carried.c - the commits that carried each file (see carried.h).
 *
 * One walk over the history; for each commit, each path is looked up in its
 * tree, and only where the blob is there in the parents' trees.  A commit
 * whose tree is its only parent's changes nothing and is skipped whole.
 */
#define _GNU_SOURCE /* memmem */
#include "carried.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "blobread.h"
#include "gitutil.h"
#include "layout.h"

#define MAX_PARENTS 16

/* Whether `tree` holds `blob` at `path`. */
static int has_blob(git_tree *tree, const char *path, const git_oid *blob)
{
	git_tree_entry *e = NULL;
	int yes;

	if (git_tree_entry_bypath(&e, tree, path) != 0)
		return 0;
	yes = git_tree_entry_type(e) == GIT_OBJECT_BLOB && git_oid_equal(git_tree_entry_id(e), blob);
	git_tree_entry_free(e);
	return yes;
}

/* Whether `tree` has a record at `path` holding `needle` (a record too big
 * to be one holds nothing). */
static int has_text(git_repository *repo, git_tree *tree, const char *path, const char *needle)
{
	git_tree_entry *e = NULL;
	git_blob *b = NULL;
	struct fc_err ignore;
	int yes = 0;

	if (git_tree_entry_bypath(&e, tree, path) != 0)
		return 0;
	if (git_tree_entry_type(e) == GIT_OBJECT_BLOB &&
	    blob_read(repo, git_tree_entry_id(e), path, MAX_RECORD_BYTES, "a record", &b,
		      &ignore) == 0) {
		yes = memmem(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), needle,
			     strlen(needle)) != NULL;
		git_blob_free(b);
	}
	git_tree_entry_free(e);
	return yes;
}

static int at_path(git_repository *repo, git_tree *tree, const struct carried *p,
		   const char *path)
{
	return p->needle ? has_text(repo, tree, path, p->needle) : has_blob(tree, path, &p->blob);
}

/* Whether `tree` holds the file's bytes (or the line), at its path or its
 * format-1 path. */
static int holds(git_repository *repo, git_tree *tree, const struct carried *p)
{
	return at_path(repo, tree, p, p->path) || (p->alt[0] && at_path(repo, tree, p, p->alt));
}

/* A hazard's path in format 2 has a format-1 path it came from. */
static void set_alt(struct carried *p)
{
	struct layout_path lp;

	p->alt[0] = '\0';
	if (layout_parse(p->path, &lp, NULL) == 0 && lp.kind == LAY_RECORD &&
	    lp.rec == REC_HAZARD && lp.format == LAYOUT_FORMAT)
		layout_hazard_path(lp.id, "", LAYOUT_FORMAT_OLD, p->alt, sizeof p->alt);
}

static void add(struct carried *p, const git_oid *commit)
{
	ALLOC_GROW(p->commits, p->n + 1, p->alloc);
	git_oid_cpy(&p->commits[p->n++], commit);
}

/* The trees of a commit's parents (at most MAX_PARENTS; an octopus beyond
 * that is not something fieldcheck makes). */
static int parent_trees(git_commit *c, git_tree **trees, size_t *n, struct fc_err *err)
{
	size_t i;

	*n = git_commit_parentcount(c);
	if (*n > MAX_PARENTS)
		*n = MAX_PARENTS;
	for (i = 0; i < *n; i++) {
		git_commit *pc;
		int rc = git_commit_parent(&pc, c, (unsigned)i);
		if (rc == 0) {
			rc = git_commit_tree(&trees[i], pc);
			git_commit_free(pc);
		}
		if (rc < 0) {
			while (i--)
				git_tree_free(trees[i]);
			return git_fail(err, _("reading the replica's history"));
		}
	}
	return 0;
}

static int visit(git_repository *repo, git_commit *c, struct carried *p, size_t n,
		 struct fc_err *err)
{
	git_tree *tree = NULL, *parents[MAX_PARENTS];
	size_t n_par = 0, i, k;

	if (git_commit_tree(&tree, c) < 0)
		return git_fail(err, _("reading a tree of the replica's history"));
	if (parent_trees(c, parents, &n_par, err)) {
		git_tree_free(tree);
		return -1;
	}
	if (!(n_par == 1 && git_oid_equal(git_tree_id(tree), git_tree_id(parents[0])))) {
		for (i = 0; i < n; i++) {
			if (!holds(repo, tree, &p[i]))
				continue;
			for (k = 0; k < n_par && !holds(repo, parents[k], &p[i]); k++)
				;
			if (k == n_par)
				add(&p[i], git_commit_id(c));
		}
	}
	for (k = 0; k < n_par; k++)
		git_tree_free(parents[k]);
	git_tree_free(tree);
	return 0;
}

int carried_find(struct replica *r, const git_oid *head, struct carried *p, size_t n,
		 struct fc_err *err)
{
	git_revwalk *w = NULL;
	git_oid id;
	int rc = 0, failed = 0;
	size_t i;

	for (i = 0; i < n; i++)
		set_alt(&p[i]);
	if (git_revwalk_new(&w, r->repo) < 0 ||
	    git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0 ||
	    git_revwalk_push(w, head) < 0) {
		git_fail(err, _("walking the replica's history"));
		git_revwalk_free(w);
		return -1;
	}
	while (!failed && (rc = git_revwalk_next(&id, w)) == 0) {
		git_commit *c;
		if (git_commit_lookup(&c, r->repo, &id) < 0) {
			failed = git_fail(err, _("reading a commit of the replica's history"));
			break;
		}
		failed = visit(r->repo, c, p, n, err);
		git_commit_free(c);
	}
	if (!failed && rc != GIT_ITEROVER)
		failed = git_fail(err, _("walking the replica's history"));
	git_revwalk_free(w);
	return failed ? -1 : 0;
}

void carried_release(struct carried *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(p[i].commits);
		p[i].commits = NULL;
		p[i].n = p[i].alloc = 0;
	}
}

int carried_unsent(struct replica *r, const struct carried *p, size_t n, const git_oid *tips,
		   size_t n_tips, git_oid *out, const char **which, struct fc_err *err)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < p[i].n; k++) {
			int rc = n_tips ? git_graph_reachable_from_any(r->repo, &p[i].commits[k],
								       tips, n_tips) : 0;
			if (rc < 0)
				return git_fail(err, _("comparing with the remotes' branches"));
			if (rc == 0) {
				git_oid_cpy(out, &p[i].commits[k]);
				*which = p[i].path;
				return 1;
			}
		}
	return 0;
}
