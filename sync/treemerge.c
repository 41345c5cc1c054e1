/* treemerge.c - the record-aware merge of two trees (see treemerge.h). */
#include "treemerge.h"

#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "gitutil.h"
#include "layout.h"
#include "quarantine.h"

#define MAX_FORM_FILE (4 * 1024 * 1024)

struct pending {
	git_tree_update *u;
	char **paths;
	size_t n;
};

static void pend(struct pending *p, git_tree_update_t action, const git_oid *id, const char *path)
{
	p->u = xrealloc(p->u, (p->n + 1) * sizeof *p->u);
	p->paths = xrealloc(p->paths, (p->n + 1) * sizeof *p->paths);
	p->paths[p->n] = xstrdup(path);
	memset(&p->u[p->n], 0, sizeof p->u[p->n]);
	p->u[p->n].action = action;
	if (id)
		git_oid_cpy(&p->u[p->n].id, id);
	p->u[p->n].filemode = GIT_FILEMODE_BLOB;
	p->u[p->n].path = p->paths[p->n];
	p->n++;
}

static void pending_free(struct pending *p)
{
	size_t i;
	for (i = 0; i < p->n; i++)
		free(p->paths[i]);
	free(p->paths);
	free(p->u);
}

int read_record(struct replica *r, const git_oid *id, const char *path, struct fc_record *out,
		struct fc_err *err)
{
	struct layout_path lp;
	git_blob *b;
	int rc;

	memset(out, 0, sizeof *out);
	if (layout_parse(path, &lp, err))
		return -1;
	if (lp.kind != LAY_RECORD)
		return fc_fail(err, "%s is not a record", path);
	if (git_blob_lookup(&b, r->repo, id) < 0)
		return git_fail(err, "reading a record");
	if (git_blob_rawsize(b) > MAX_RECORD_BYTES) {
		git_blob_free(b);
		return fc_fail(err, "%s is %lld bytes, more than a record may be", path,
			       (long long)git_blob_rawsize(b));
	}
	rc = record_decode(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), path, out, err);
	git_blob_free(b);
	if (rc == 0 && layout_matches(&lp, out, path, err)) {
		record_clear(out);
		return -1;
	}
	return rc;
}

/* Our tree, looked up path by path in the diff's order, keeping the
 * directory of the last path: libgit2 caches no tree over 4 KiB, and a
 * month of inspections or a hazards folder is far larger, so walking from
 * the root for each path inflated it again (a tenth of a pull of 100). */
struct our_tree {
	git_tree *root;
	struct strbuf dir_path;     /* the directory kept, without the last '/' */
	git_tree *dir;              /* NULL when our tree has no such directory */
	int have_dir;               /* dir_path and dir are set */
};

static void our_tree_init(struct our_tree *t, git_tree *root)
{
	memset(t, 0, sizeof *t);
	t->root = root;
	strbuf_init(&t->dir_path);
}

static void our_tree_free(struct our_tree *t)
{
	git_tree_free(t->dir);
	strbuf_release(&t->dir_path);
}

/* Keeps the directory `dir` (len bytes) of our tree. */
static void our_tree_cd(struct our_tree *t, const char *dir, size_t len)
{
	git_tree_entry *e = NULL;

	if (t->have_dir && t->dir_path.len == len && !memcmp(t->dir_path.buf, dir, len))
		return;
	git_tree_free(t->dir);
	t->dir = NULL;
	strbuf_reset(&t->dir_path);
	strbuf_add(&t->dir_path, dir, len);
	t->have_dir = 1;
	if (git_tree_entry_bypath(&e, t->root, t->dir_path.buf) == 0) {
		if (git_tree_entry_type(e) == GIT_OBJECT_TREE &&
		    git_tree_lookup(&t->dir, git_tree_owner(t->root), git_tree_entry_id(e)) < 0)
			t->dir = NULL;
		git_tree_entry_free(e);
	}
}

/* The blob at path in our tree, or a zero oid. */
static void entry_id(struct our_tree *t, const char *path, git_oid *out)
{
	const char *slash = strrchr(path, '/');
	const git_tree_entry *e;
	git_tree *dir = t->root;

	memset(out, 0, sizeof *out);
	if (!dir)
		return;
	if (slash) {
		our_tree_cd(t, path, (size_t)(slash - path));
		dir = t->dir;
	}
	e = dir ? git_tree_entry_byname(dir, slash ? slash + 1 : path) : NULL;
	if (e && git_tree_entry_type(e) == GIT_OBJECT_BLOB)
		git_oid_cpy(out, git_tree_entry_id(e));
}

static void keep_aside(struct replica *r, struct sync_report *rep, const git_oid *commit,
		       const char *path, const git_oid *blob, const char *why)
{
	git_blob *b = NULL;

	if (blob && !git_oid_is_zero(blob) && git_blob_lookup(&b, r->repo, blob) == 0 &&
	    git_blob_rawsize(b) <= MAX_FORM_FILE)
		quarantine(r, rep, commit, path, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), why);
	else
		quarantine(r, rep, commit, path, NULL, 0, why);
	git_blob_free(b);
}

/* Both sides changed one record: the record merge decides.  Ours is often
 * the base itself (a supervisor never changes records): it is read once. */
static int merge_both(struct replica *r, const char *path, const git_oid *base_id,
		      const git_oid *our_id, const git_oid *their_id, const git_oid *commit,
		      struct pending *p, struct sync_report *rep, struct fc_err *err)
{
	struct fc_record base, ours, theirs, out;
	struct merge_report mr = { 0 };
	struct fc_err why = { 0 };
	int have_base = !git_oid_is_zero(base_id) && read_record(r, base_id, path, &base, &why) == 0;
	int ours_is_base = have_base && git_oid_equal(our_id, base_id);
	struct strbuf sb;
	git_oid id;
	size_t i;
	int rc = -1;

	if (read_record(r, their_id, path, &theirs, &why)) {
		keep_aside(r, rep, commit, path, their_id, why.msg);
		rc = 0;
		goto out_base;
	}
	if (!ours_is_base && read_record(r, our_id, path, &ours, err))
		goto out_theirs;
	if (record_merge(have_base ? &base : NULL, ours_is_base ? &base : &ours, &theirs, &out, &mr,
			 &why)) {
		keep_aside(r, rep, commit, path, their_id, why.msg);
		rc = 0;
		goto out_ours;
	}
	for (i = 0; i < mr.n; i++)
		sync_report_note(rep, "%s: %s", mr.notes[i].path_or_id, mr.notes[i].msg);
	rep->conflicted += mr.conflicted != 0;
	if (mr.refused) {
		rep->refused++;
		keep_aside(r, rep, commit, path, their_id, "a finalized inspection arrived changed; "
			   "the local record stands");
	}
	strbuf_init(&sb);
	record_encode(&out, &sb);
	if (git_blob_create_from_buffer(&id, r->repo, sb.buf, sb.len) < 0)
		git_fail(err, "writing a merged record");
	else if (!git_oid_equal(&id, our_id))
		pend(p, GIT_TREE_UPDATE_UPSERT, &id, path), rc = 0;
	else
		rc = 0;
	strbuf_release(&sb);
	record_clear(&out);
	merge_report_free(&mr);
out_ours:
	if (!ours_is_base)
		record_clear(&ours);
out_theirs:
	record_clear(&theirs);
out_base:
	if (have_base)
		record_clear(&base);
	return rc;
}

/* Only their side changed the path: take it if it is sound. */
static void take_theirs(struct replica *r, const char *path, const git_oid *their_id,
			const git_oid *commit, struct pending *p, struct sync_report *rep)
{
	struct layout_path lp;
	struct fc_err why = { 0 };
	struct fc_record rec;
	git_blob *b;

	if (layout_parse(path, &lp, &why)) {
		keep_aside(r, rep, commit, path, their_id, why.msg);
		return;
	}
	if (lp.kind == LAY_FORM_FILE) {
		if (git_blob_lookup(&b, r->repo, their_id) < 0) {
			keep_aside(r, rep, commit, path, NULL, "the file cannot be read");
			return;
		}
		if (git_blob_rawsize(b) > MAX_FORM_FILE)
			keep_aside(r, rep, commit, path, NULL, "the form file is larger than 4 MiB");
		else if (memchr(git_blob_rawcontent(b), 0, (size_t)git_blob_rawsize(b)))
			keep_aside(r, rep, commit, path, their_id, "the form file is not text");
		else
			pend(p, GIT_TREE_UPDATE_UPSERT, their_id, path);
		git_blob_free(b);
		return;
	}
	if (read_record(r, their_id, path, &rec, &why)) {
		keep_aside(r, rep, commit, path, their_id, why.msg);
		return;
	}
	record_clear(&rec);
	pend(p, GIT_TREE_UPDATE_UPSERT, their_id, path);
}

static int one_delta(struct replica *r, const git_diff_delta *d, struct our_tree *ours,
		     const git_oid *commit, struct pending *p, struct sync_report *rep,
		     struct fc_err *err)
{
	const char *path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
	const git_oid *base_id = &d->old_file.id, *their_id = &d->new_file.id;
	struct layout_path lp;
	git_oid our_id;

	if (d->status != GIT_DELTA_DELETED && d->new_file.mode != GIT_FILEMODE_BLOB) {
		keep_aside(r, rep, commit, path, NULL, "not a plain file (a link, a program or a "
			   "submodule)");
		return 0;
	}
	entry_id(ours, path, &our_id);
	if (git_oid_equal(&our_id, their_id))
		return 0;                        /* both sides agree already */
	if (d->status == GIT_DELTA_DELETED) {
		if (layout_parse(path, &lp, NULL) || lp.kind != LAY_RECORD || lp.rec != REC_HAZARD)
			keep_aside(r, rep, commit, path, NULL, "records are never deleted");
		else if (git_oid_equal(&our_id, base_id))
			pend(p, GIT_TREE_UPDATE_REMOVE, NULL, path); /* a withdrawn hazard */
		return 0;                        /* else our change stands */
	}
	if (git_oid_is_zero(&our_id)) {
		take_theirs(r, path, their_id, commit, p, rep);
		return 0;
	}
	/* We hold a copy: even when we did not change it, the record merge
	 * judges theirs (a finalized inspection must not be rewritten). */
	if (layout_parse(path, &lp, NULL) == 0 && lp.kind == LAY_FORM_FILE) {
		keep_aside(r, rep, commit, path, their_id, "this form version differs from the copy "
			   "here; a changed form needs a new version number");
		return 0;
	}
	return merge_both(r, path, base_id, &our_id, their_id, commit, p, rep, err);
}

int tree_merge(struct replica *r, git_tree *base, git_tree *ours, git_tree *theirs,
	       const git_oid *their_commit, git_oid *out_tree, struct sync_report *rep,
	       struct fc_err *err)
{
	git_diff_options opts;
	struct pending p = { 0 };
	struct our_tree ot;
	git_diff *diff = NULL;
	size_t i, n;
	int rc = -1;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags |= GIT_DIFF_SKIP_BINARY_CHECK;
	if (git_diff_tree_to_tree(&diff, r->repo, base, theirs, &opts) < 0)
		return git_fail(err, "comparing trees");
	our_tree_init(&ot, ours);
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++)
		if (one_delta(r, git_diff_get_delta(diff, i), &ot, their_commit, &p, rep, err))
			goto out;
	if (git_tree_create_updated(out_tree, r->repo, ours, p.n, p.u) < 0) {
		git_fail(err, "building the merged tree");
		goto out;
	}
	rc = 0;
out:
	our_tree_free(&ot);
	git_diff_free(diff);
	pending_free(&p);
	return rc;
}
