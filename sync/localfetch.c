/* localfetch.c - fetching from a repository on a path (see localfetch.h). */
#include "localfetch.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "evskip.h"
#include "gitutil.h"
#include "layout.h"
#include "packadopt.h"
#include "packcopy.h"
#include "sendset.h"

struct copying {
	const char *remote;
	struct sync_progress *prog;
	size_t objects;              /* in the packs adopted */
	size_t n_packs, total;       /* how many, and their bytes */
	size_t all;                  /* the bytes of all the central's packs */
	size_t loose, loose_bytes;   /* loose objects copied */
	struct fc_err *err;
	struct evskip skip;          /* everyone's evidence: left behind */
};

static void progress(void *ctx, size_t done, size_t total, size_t bytes)
{
	struct copying *cx = ctx;

	if (cx->prog && cx->prog->fn)
		cx->prog->fn(cx->prog->ctx, "receiving", done, total, bytes);
}

/* What came, said once more when it is all here (a fetch of loose objects
 * or of a pack made here reports nothing on the way). */
static void done(struct copying *cx, size_t objects, size_t bytes)
{
	if (objects && cx->prog && cx->prog->fn)
		cx->prog->fn(cx->prog->ctx, "receiving", objects, objects, bytes);
}

static int pack_size(const char *dir, const char *base, off_t *size)
{
	struct strbuf p;
	struct stat st;
	int ok;

	strbuf_init(&p);
	strbuf_addf(&p, "%s/%s.pack", dir, base);
	ok = stat(p.buf, &st) == 0 && S_ISREG(st.st_mode);
	*size = ok ? st.st_size : 0;
	strbuf_release(&p);
	return ok;
}

/* The packs of src/objects/pack that dst/objects/pack lacks (by name, which
 * is their content's hash): their base names, NULL-terminated; how many and
 * their size in cx->n_packs and cx->total, the size of all in cx->all. */
static char **missing_packs(const char *from, const char *to, struct copying *cx)
{
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *e;
	DIR *d = opendir(from);

	if (!d)
		return xcalloc(1, sizeof *names);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char base[256];
		off_t size;

		if (len < 10 || len >= sizeof base || strncmp(e->d_name, "pack-", 5) ||
		    strcmp(e->d_name + len - 4, ".idx"))
			continue;
		memcpy(base, e->d_name, len - 4);
		base[len - 4] = '\0';
		if (!pack_size(from, base, &size))
			continue;
		cx->all += (size_t)size;
		if (packcopy_has(to, base))
			continue;
		ALLOC_GROW(names, n + 2, alloc);
		names[n++] = xstrdup(base);
		cx->total += (size_t)size;
	}
	closedir(d);
	if (!names)
		names = xcalloc(1, sizeof *names);
	names[n] = NULL;
	cx->n_packs = n;
	return names;
}

static void free_names(char **names)
{
	size_t i;
	for (i = 0; names[i]; i++)
		free(names[i]);
	free(names);
}

static int is_hex(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!strchr("0123456789abcdef", s[i]) || !s[i])
			return 0;
	return s[n] == '\0';
}

/* An object is named by the hash of its content: one that is not has been
 * damaged (or forged), and is refused before anything of it is written. */
static int hashes_to(git_odb_object *o, const git_oid *id)
{
	git_oid h;

	return git_odb_hash(&h, git_odb_object_data(o), git_odb_object_size(o),
			    git_odb_object_type(o)) == 0 && git_oid_equal(&h, id);
}

static int loose_refused(struct copying *cx, git_repository *src, const char *hex,
			 const char *why)
{
	return fc_failk(cx->err, FC_EFAIL, _("the central's object %sobjects/%.2s/%s is damaged "
			"(%s): it was refused and nothing of it was copied; repair the central "
			"from a sound copy (see 'When something is damaged' in the README)"),
			git_repository_path(src), hex, hex + 2, why);
}

/* A loose object is read whole to be checked and copied: one larger than
 * any file fieldcheck keeps (or, not a file, than any tree of its layout)
 * is left behind, its size read from its header, and the merge refuses the
 * path that names it.  What is copied goes out as a pack every LOOSE_BATCH
 * bytes, so a central of many large loose objects costs one batch of
 * memory. */
#define LOOSE_MAX_OTHER (16u << 20)
#define LOOSE_BATCH (8u << 20)

/* Checks object `hex` against its name and, when `write`, copies it; one
 * too large is left alone.  *batch counts the bytes copied. */
static int copy_one(struct copying *cx, git_repository *src, git_odb *sodb, git_odb *dodb,
		    const char *hex, const git_oid *id, int write, size_t *batch)
{
	git_odb_object *o;
	git_object_t type;
	git_oid written;
	size_t size;
	int rc = 0;

	if (git_odb_read_header(&size, &type, sodb, id) < 0)
		return loose_refused(cx, src, hex, git_error_last() ?
				     git_error_last()->message : "unreadable");
	if (size > (type == GIT_OBJECT_BLOB ? MAX_FORM_FILE : LOOSE_MAX_OTHER))
		return 0;
	if (git_odb_read(&o, sodb, id) < 0)
		return loose_refused(cx, src, hex, git_error_last() ?
				     git_error_last()->message : "unreadable");
	if (!hashes_to(o, id))
		rc = loose_refused(cx, src, hex, "its content does not hash to its name");
	else if (write && git_odb_write(&written, dodb, git_odb_object_data(o),
					git_odb_object_size(o), git_odb_object_type(o)) < 0)
		rc = git_fail(cx->err, _("copying an object"));
	cx->loose += write;
	cx->loose_bytes += write ? git_odb_object_size(o) : 0;
	*batch += write ? git_odb_object_size(o) : 0;
	git_odb_object_free(o);
	return rc;
}

/* Loose objects (a git push of a few objects leaves them so) go through
 * the object stores: into the replica's in-memory backend, then its pack.
 * Called twice: to check every one (`write` 0), then to copy them, so a
 * damaged one leaves nothing of the others behind either (a commit kept
 * in memory without its tree would pass for fetched). */
static int copy_loose(struct copying *cx, git_repository *src, struct replica *r, int write)
{
	git_odb *sodb = NULL, *dodb = NULL;
	struct strbuf dir;
	size_t batch = 0;
	int rc = 0, i;

	if (git_repository_odb(&sodb, src) < 0 || git_repository_odb(&dodb, r->repo) < 0)
		rc = git_fail(cx->err, _("opening the object stores"));
	strbuf_init(&dir);
	for (i = 0; rc == 0 && i < 256; i++) {
		struct dirent *e;
		DIR *d;
		strbuf_reset(&dir);
		strbuf_addf(&dir, "%s/objects/%02x", git_repository_path(src), i);
		if ((d = opendir(dir.buf)) == NULL)
			continue;
		while (rc == 0 && (e = readdir(d)) != NULL) {
			char hex[GIT_OID_HEXSZ + 1];
			git_oid id;
			if (!is_hex(e->d_name, GIT_OID_HEXSZ - 2))
				continue;
			snprintf(hex, 3, "%02x", i);
			memcpy(hex + 2, e->d_name, GIT_OID_HEXSZ - 2 + 1);
			if (git_oid_fromstr(&id, hex) < 0 || git_odb_exists(dodb, &id) ||
			    evskip_has(&cx->skip, &id))
				continue;
			rc = copy_one(cx, src, sodb, dodb, hex, &id, write, &batch);
			if (rc == 0 && batch >= LOOSE_BATCH) {
				rc = replica_flush(r, cx->err);
				batch = 0;
			}
		}
		closedir(d);
	}
	strbuf_release(&dir);
	git_odb_free(sodb);
	git_odb_free(dodb);
	return rc;
}

/* The packs we lack, each read whole before it is adopted, and the loose
 * objects we lack, each checked against its name. */
static int copy_all(struct copying *cx, struct replica *r, git_repository *src,
		    const char *from, const char *to, char **names)
{
	git_odb *odb = NULL;
	int rc;

	rc = packadopt(from, to, names, cx->n_packs, progress, cx, &cx->objects, cx->err);
	if (rc == 0 && (git_repository_odb(&odb, r->repo) < 0 || git_odb_refresh(odb) < 0))
		rc = git_fail(cx->err, _("reading the copied packs"));
	git_odb_free(odb);
	if (rc == 0)
		rc = copy_loose(cx, src, r, 0);
	if (rc == 0)
		rc = copy_loose(cx, src, r, 1);
	if (rc == 0)
		rc = replica_flush(r, cx->err);
	return rc;
}

/* A commit of ours the central has too, from which only the newer part
 * needs to come: what we last fetched, else our own main. */
static int common_commit(struct replica *r, git_repository *src, const char *track, git_oid *out)
{
	const char *refs[2] = { track, REPLICA_BRANCH };
	git_odb *sodb = NULL;
	int i, found = 0;

	if (git_repository_odb(&sodb, src) < 0)
		return 0;
	for (i = 0; i < 2 && !found; i++)
		found = git_reference_name_to_id(out, r->repo, refs[i]) == 0 && git_odb_exists(sodb, out);
	git_odb_free(sodb);
	return found;
}

/* Each push to a central on a path leaves a pack there (ours copy the pack
 * they wrote; git's leave one, or loose objects), so the packs a device
 * lacks are what others pushed since it last fetched: copied as they are,
 * the cost follows what is new, not the central's size.  When they are
 * most of the central (repacked by git gc), only what the new commits
 * changed is packed instead. */
static int fetch_objects(struct copying *cx, struct replica *r, git_repository *src,
			 const char *track, const git_oid *their_head)
{
	struct strbuf from, to;
	char **names;
	git_oid have;
	int rc = 0, sent_by_changes, has_have;
	size_t left, mixed;

	strbuf_init(&from);
	strbuf_init(&to);
	strbuf_addf(&from, "%sobjects/pack", git_repository_path(src));
	strbuf_addf(&to, "%sobjects/pack", git_repository_path(r->repo));
	names = missing_packs(from.buf, to.buf, cx);
	left = evskip_packs(&cx->skip, from.buf, names, &mixed);
	cx->n_packs -= left;
	has_have = common_commit(r, src, track, &have);
	sent_by_changes = has_have && cx->total > cx->all / 2;
	if (sent_by_changes) {
		git_indexer_progress st = { 0 };
		rc = sendset_copy(src, r->repo, their_head, &have, &st, cx->err);
		if (rc == 0)
			done(cx, st.total_objects, st.received_bytes);
	}
	/* When what changed cannot be read from the central (a damaged pack),
	 * the packs are taken whole instead, each read before it is adopted:
	 * a damaged one is then refused by its name. */
	if (!sent_by_changes || rc != 0) {
		rc = copy_all(cx, r, src, from.buf, to.buf, names);
		if (rc == 0)
			done(cx, cx->objects + cx->loose, cx->total + cx->loose_bytes);
		/* main's objects in a pack left behind for the evidence it holds
		 * (a pack of evidence alone holds none: a first pull does not
		 * grow with the photos pushed apart from the records) */
		if (rc == 0 && mixed)
			rc = sendset_copy(src, r->repo, their_head, has_have ? &have : NULL, NULL,
					  cx->err);
	}
	free_names(names);
	strbuf_release(&from);
	strbuf_release(&to);
	return rc;
}

static int borrows_objects(git_repository *src)
{
	struct strbuf p;
	struct stat st;
	int yes;

	strbuf_init(&p);
	strbuf_addf(&p, "%s/objects/info/alternates", git_repository_path(src));
	yes = stat(p.buf, &st) == 0;
	strbuf_release(&p);
	return yes;
}

int localfetch(struct replica *r, const char *remote, const char *path, const char *track,
	       struct sync_progress *prog, git_oid *their_head, int *exists, struct fc_err *err)
{
	struct copying cx = { remote, prog, 0, 0, 0, 0, 0, 0, err, { { NULL, 0, 0 } } };
	git_repository *src = NULL;
	git_reference *ref = NULL;
	git_commit *c = NULL;
	git_odb *odb = NULL;
	int rc;

	*exists = 0;
	if (git_repository_open_ext(&src, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		return fc_failk(err, FC_EIO, _("cannot fetch from %s (%s): %s"), remote, path,
				git_error_last() ? git_error_last()->message : "not a repository");
	rc = git_reference_name_to_id(their_head, src, REPLICA_BRANCH);
	if (rc == GIT_ENOTFOUND || borrows_objects(src)) {
		git_repository_free(src);
		return rc == GIT_ENOTFOUND ? 0 : 1; /* an empty central; or not ours to copy */
	}
	if (rc < 0) {
		rc = git_fail(err, _("reading the central repository's main"));
		goto out;
	}
	*exists = 1;
	if (git_repository_odb(&odb, r->repo) < 0) {
		rc = git_fail(err, _("opening the replica's objects"));
		goto out;
	}
	if (!git_odb_exists(odb, their_head))
		rc = evskip_load(src, &cx.skip, err) ? -1 : fetch_objects(&cx, r, src, track, their_head);
	/* The commit must now be readable here; its tree is read next. */
	if (rc == 0 && git_commit_lookup(&c, r->repo, their_head) < 0)
		rc = git_fail(err, _("reading what was fetched"));
	if (rc == 0 && git_reference_create(&ref, r->repo, track, their_head, 1,
					    "fieldcheck: fetch") < 0)
		rc = git_fail(err, _("recording the fetch"));
out:
	evskip_release(&cx.skip);
	git_commit_free(c);
	git_reference_free(ref);
	git_odb_free(odb);
	git_repository_free(src);
	return rc;
}
