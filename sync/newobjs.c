/* newobjs.c - new objects in memory, packed by list (see newobjs.h).
 *
 * A thin backend in front of libgit2's mempack: the mempack stores and
 * serves the objects, this layer records each id written, and a flush hands
 * exactly those ids to a packbuilder.  The packbuilder reads them back
 * through the repository's odb (where this backend sits first) and finds
 * deltas among them, so a sync's pack holds its own records and the trees
 * and commit above them, nothing else.
 *
 * The delta search tries each object against its neighbours in libgit2's
 * order: type, then the hash of a name's last sixteen characters, then
 * size.  Unnamed, a sync's records sort by size alone, inspections of one
 * form scattered among the others; named by their writer (export.c: the
 * form, "hazard", "enterprise"), the likely bases sit side by side, so the
 * replica's small delta window (gitutil_pack_window) finds them.
 */
#include "newobjs.h"

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "gitutil.h"

struct newobjs {
	git_odb_backend parent;      /* first: libgit2 sees this */
	git_odb_backend *inner;      /* the mempack holding the objects */
	git_oid *ids;                /* written since the last flush */
	char **names;                /* their names for the delta search, or NULL */
	size_t n, alloc, alloc_names;
	git_oid *flushed;            /* written to packs by this process, sorted */
	size_t n_flushed, alloc_flushed;
	char **packs;                /* those packs' names (pack-HEX) */
	size_t n_packs, alloc_packs;
};

#define INNER(b) (((struct newobjs *)(b))->inner)

static int no_read(void **data, size_t *len, git_object_t *type, git_odb_backend *b,
		   const git_oid *id)
{
	return INNER(b)->read(data, len, type, INNER(b), id);
}

static int no_read_prefix(git_oid *full, void **data, size_t *len, git_object_t *type,
			  git_odb_backend *b, const git_oid *id, size_t n)
{
	return INNER(b)->read_prefix(full, data, len, type, INNER(b), id, n);
}

static int no_read_header(size_t *len, git_object_t *type, git_odb_backend *b, const git_oid *id)
{
	return INNER(b)->read_header(len, type, INNER(b), id);
}

static int no_exists(git_odb_backend *b, const git_oid *id)
{
	return INNER(b)->exists(INNER(b), id);
}

static int no_write(git_odb_backend *b, const git_oid *id, const void *data, size_t len,
		    git_object_t type)
{
	struct newobjs *n = (struct newobjs *)b;

	/* The odb only writes what no backend has; the check keeps the list
	 * free of repeats even if that changes. */
	if (!n->inner->exists(n->inner, id)) {
		ALLOC_GROW(n->ids, n->n + 1, n->alloc);
		ALLOC_GROW(n->names, n->n + 1, n->alloc_names);
		n->names[n->n] = NULL;
		git_oid_cpy(&n->ids[n->n++], id);
	}
	return n->inner->write(n->inner, id, data, len, type);
}

static void forget_names(struct newobjs *n)
{
	size_t i;

	for (i = 0; i < n->n; i++) {
		free(n->names[i]);
		n->names[i] = NULL;
	}
}

static void no_free(git_odb_backend *b)
{
	struct newobjs *n = (struct newobjs *)b;

	size_t i;

	forget_names(n);
	free(n->names);
	n->inner->free(n->inner);
	for (i = 0; i < n->n_packs; i++)
		free(n->packs[i]);
	free(n->packs);
	free(n->flushed);
	free(n->ids);
	free(n);
}

int newobjs_attach(git_repository *repo, struct newobjs **out, struct fc_err *err)
{
	struct newobjs *n = xcalloc(1, sizeof *n);
	git_odb *odb = NULL;

	if (git_odb_init_backend(&n->parent, GIT_ODB_BACKEND_VERSION) < 0 ||
	    git_mempack_new(&n->inner) < 0) {
		free(n);
		return git_fail(err, _("preparing the replica's objects"));
	}
	n->parent.read = no_read;
	n->parent.read_prefix = no_read_prefix;
	n->parent.read_header = no_read_header;
	n->parent.exists = no_exists;
	n->parent.write = no_write;
	n->parent.free = no_free;
	/* Priority above the disk's backends: new objects are looked up here
	 * first, and written here, never loose on disk. */
	if (git_repository_odb(&odb, repo) < 0 || git_odb_add_backend(odb, &n->parent, 1000) < 0) {
		git_odb_free(odb);
		no_free(&n->parent);
		return git_fail(err, _("preparing the replica's objects"));
	}
	git_odb_free(odb);
	*out = n;
	return 0;
}

void newobjs_name(struct newobjs *n, const git_oid *id, const char *name)
{
	size_t last = n->n - 1;

	/* An object the store had already was not written: nothing to name. */
	if (n->n && git_oid_equal(&n->ids[last], id) && !n->names[last])
		n->names[last] = xstrdup(name);
}

size_t newobjs_count(const struct newobjs *n)
{
	return n->n;
}

static int oid_order(const void *a, const void *b)
{
	return git_oid_cmp(a, b);
}

/* Remembers what a flush wrote, for newobjs_flushed_has. */
static void remember(struct newobjs *n, const char *pack)
{
	ALLOC_GROW(n->flushed, n->n_flushed + n->n, n->alloc_flushed);
	memcpy(n->flushed + n->n_flushed, n->ids, n->n * sizeof *n->ids);
	n->n_flushed += n->n;
	qsort(n->flushed, n->n_flushed, sizeof *n->flushed, oid_order);
	ALLOC_GROW(n->packs, n->n_packs + 1, n->alloc_packs);
	n->packs[n->n_packs] = xmalloc(strlen(pack) + 6);
	sprintf(n->packs[n->n_packs++], "pack-%s", pack);
}

/* The listed objects as one pack in memory. */
static int build_pack(struct newobjs *n, git_repository *repo, git_buf *pack)
{
	git_packbuilder *pb = NULL;
	size_t i;
	int rc = git_packbuilder_new(&pb, repo);

	/* The delta search on every core (0: as many threads as there are). */
	if (rc == 0)
		git_packbuilder_set_threads(pb, 0);
	for (i = 0; rc == 0 && i < n->n; i++)
		rc = git_packbuilder_insert(pb, &n->ids[i], n->names[i]);
	if (rc == 0)
		rc = git_packbuilder_write_buf(pack, pb);
	git_packbuilder_free(pb);
	return rc;
}

int newobjs_flush(struct newobjs *n, git_repository *repo, struct fc_err *err)
{
	git_buf pack = GIT_BUF_INIT;
	char name[GIT_OID_HEXSZ + 1];
	int rc;

	if (n->n == 0)
		return 0;
	if (build_pack(n, repo, &pack) < 0)
		rc = git_fail(err, _("packing new objects"));
	else if (gitutil_add_pack(repo, &pack, NULL, name) < 0)
		rc = git_fail(err, _("writing new objects"));
	else {
		remember(n, name);
		forget_names(n);
		n->n = 0;
		rc = git_mempack_reset(n->inner) < 0 ? git_fail(err, _("packing new objects")) : 0;
	}
	git_buf_dispose(&pack);
	return rc;
}

int newobjs_flushed_has(const struct newobjs *n, const git_oid *id)
{
	return n->n_flushed && bsearch(id, n->flushed, n->n_flushed, sizeof *n->flushed, oid_order);
}

size_t newobjs_packs(const struct newobjs *n, char *const **names)
{
	*names = n->packs;
	return n->n_packs;
}
