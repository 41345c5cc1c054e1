/* treediff.c - two trees compared entry by entry (see treediff.h). */
#include "treediff.h"

#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "gitutil.h"
#include "treecheck.h"

static int is_tree(const git_tree_entry *e)
{
	return git_tree_entry_type(e) == GIT_OBJECT_TREE;
}

struct walk {
	git_repository *repo;
	treediff_fn fn;
	void *ctx;
	struct strbuf path;
	struct fc_err *err;
	const char *const *skip;     /* top-level folders left out, or NULL */
	unsigned depth;              /* folders below the root */
};

/* A top-level folder the caller walks on its own. */
static int skipped(const struct walk *w, const git_tree_entry *e)
{
	size_t i;

	if (!w->skip || w->path.len || !is_tree(e))
		return 0;
	for (i = 0; w->skip[i]; i++)
		if (!strcmp(w->skip[i], git_tree_entry_name(e)))
			return 1;
	return 0;
}

/* git's order of tree entries: a folder's name sorts as if it ended in
 * '/', so a file and a folder of one name are two different entries. */
static int entry_cmp(const git_tree_entry *a, const git_tree_entry *b)
{
	const char *na = git_tree_entry_name(a), *nb = git_tree_entry_name(b);
	size_t la = strlen(na), lb = strlen(nb), n = la < lb ? la : lb;
	int c = memcmp(na, nb, n);
	unsigned char ca, cb;

	if (c)
		return c;
	ca = la > n ? (unsigned char)na[n] : is_tree(a) ? '/' : 0;
	cb = lb > n ? (unsigned char)nb[n] : is_tree(b) ? '/' : 0;
	return (int)ca - (int)cb;
}

static int walk_trees(struct walk *w, git_tree *a, git_tree *b);

static int too_deep(struct walk *w, const git_tree_entry *e)
{
	struct strbuf path, shown;

	strbuf_init(&path);
	strbuf_init(&shown);
	strbuf_addf(&path, "%s%s", w->path.buf, git_tree_entry_name(e));
	treecheck_show(&shown, path.buf, path.len);
	fc_fail(w->err, _("folder %s: folders nested deeper than fieldcheck ever makes them"),
		shown.buf);
	strbuf_release(&path);
	strbuf_release(&shown);
	return -1;
}

/* Into the folder `a`/`b` (either may be NULL) under its name. */
static int descend(struct walk *w, const git_tree_entry *a, const git_tree_entry *b)
{
	const git_tree_entry *e = a ? a : b;
	git_tree *ta = NULL, *tb = NULL;
	size_t len = w->path.len;
	int rc = 0;

	/* The C stack follows the folders: a tree nested 35 000 deep overflowed
	 * it.  Fetched trees are refused deeper than this (sync/treecheck.h). */
	if (w->depth >= TREE_MAX_DEPTH)
		return too_deep(w, e);
	if ((a && git_tree_lookup(&ta, w->repo, git_tree_entry_id(a)) < 0) ||
	    (b && git_tree_lookup(&tb, w->repo, git_tree_entry_id(b)) < 0))
		rc = git_fail(w->err, _("reading a tree of the replica"));
	if (rc == 0) {
		strbuf_adds(&w->path, git_tree_entry_name(e));
		strbuf_addc(&w->path, '/');
		w->depth++;
		rc = walk_trees(w, ta, tb);
		w->depth--;
		w->path.len = len;
		w->path.buf[len] = '\0';
	}
	git_tree_free(ta);
	git_tree_free(tb);
	return rc;
}

static int file(struct walk *w, const git_tree_entry *a, const git_tree_entry *b)
{
	struct treediff_file f;
	size_t len = w->path.len;
	int rc;

	strbuf_adds(&w->path, git_tree_entry_name(a ? a : b));
	f.path = w->path.buf;
	f.old_id = a ? git_tree_entry_id(a) : NULL;
	f.new_id = b ? git_tree_entry_id(b) : NULL;
	f.old_mode = a ? git_tree_entry_filemode(a) : 0;
	f.new_mode = b ? git_tree_entry_filemode(b) : 0;
	rc = w->fn(&f, w->ctx);
	w->path.len = len;
	w->path.buf[len] = '\0';
	return rc;
}

/* One entry, or a pair of the same name and kind. */
static int one(struct walk *w, const git_tree_entry *a, const git_tree_entry *b)
{
	if (skipped(w, a ? a : b))
		return 0;
	if (a && b && git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) &&
	    git_tree_entry_filemode(a) == git_tree_entry_filemode(b))
		return 0;
	return is_tree(a ? a : b) ? descend(w, a, b) : file(w, a, b);
}

static int walk_trees(struct walk *w, git_tree *a, git_tree *b)
{
	size_t i = 0, j = 0, na = a ? git_tree_entrycount(a) : 0, nb = b ? git_tree_entrycount(b) : 0;
	int rc = 0;

	while (rc == 0 && (i < na || j < nb)) {
		const git_tree_entry *ea = i < na ? git_tree_entry_byindex(a, i) : NULL;
		const git_tree_entry *eb = j < nb ? git_tree_entry_byindex(b, j) : NULL;
		int c = !ea ? 1 : !eb ? -1 : entry_cmp(ea, eb);

		/* c < 0: only in a; c > 0: only in b; 0: in both */
		rc = one(w, c <= 0 ? ea : NULL, c >= 0 ? eb : NULL);
		i += c <= 0;
		j += c >= 0;
	}
	return rc;
}

/* The folder `name` of a root tree, as an entry; NULL when absent or a
 * file. */
static const git_tree_entry *folder(git_tree *root, const char *name)
{
	const git_tree_entry *e = root ? git_tree_entry_byname(root, name) : NULL;
	return e && is_tree(e) ? e : NULL;
}

int treediff_each(git_repository *repo, git_tree *from, git_tree *to, const char *prefix,
		  treediff_fn fn, void *ctx, struct fc_err *err)
{
	struct walk w = { repo, fn, ctx, { 0 }, err, NULL, 0 };
	const git_tree_entry *a, *b;
	int rc = 0;

	strbuf_init(&w.path);
	if (!prefix) {
		rc = walk_trees(&w, from, to);
	} else {
		a = folder(from, prefix);
		b = folder(to, prefix);
		if (a || b)
			rc = one(&w, a, b);
	}
	strbuf_release(&w.path);
	return rc;
}

int treediff_each_except(git_repository *repo, git_tree *from, git_tree *to,
			 const char *const *skip, treediff_fn fn, void *ctx, struct fc_err *err)
{
	struct walk w = { repo, fn, ctx, { 0 }, err, skip, 0 };
	int rc;

	strbuf_init(&w.path);
	rc = walk_trees(&w, from, to);
	strbuf_release(&w.path);
	return rc;
}
