/* import.c - replica records into the store (see import.h). */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "core/formstore.h"
#include "core/recordio.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "gitutil.h"
#include "layout.h"
#include "quarantine.h"
#include "treemerge.h"

/* Forms first, then enterprises, inspections, hazards: what each needs is in
 * the store before it (foreign keys). */
static int rank(const char *path)
{
	if (!strncmp(path, "forms/", 6))
		return 0;
	if (!strncmp(path, "enterprises/", 12))
		return 1;
	if (!strncmp(path, "inspections/", 12))
		return 2;
	return 3;
}

static int delta_cmp(const void *a, const void *b)
{
	const git_diff_delta *x = *(const git_diff_delta *const *)a, *y = *(const git_diff_delta *const *)b;
	const char *px = x->new_file.path ? x->new_file.path : x->old_file.path;
	const char *py = y->new_file.path ? y->new_file.path : y->old_file.path;
	int c = rank(px) - rank(py);
	return c ? c : strcmp(px, py);
}

static char *blob_text(struct replica *r, git_tree *tree, const char *path)
{
	git_tree_entry *e = NULL;
	git_blob *b = NULL;
	char *s = NULL;

	if (git_tree_entry_bypath(&e, tree, path) == 0 &&
	    git_blob_lookup(&b, r->repo, git_tree_entry_id(e)) == 0)
		s = xstrndup(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b));
	git_blob_free(b);
	git_tree_entry_free(e);
	return s;
}

/* A form arrives as three files; it is kept once its survey is seen. */
static void import_form(struct replica *r, git_tree *tree, const struct layout_path *lp,
			const git_oid *commit, const char *path, struct sync_report *rep)
{
	struct formstore_texts t = { 0 };
	struct fc_err why = { 0 };
	char p[256];

	if (strcmp(lp->file, "survey"))
		return;
	t.survey = blob_text(r, tree, path);
	layout_form_path(lp->id, lp->version, "choices", p, sizeof p);
	t.choices = blob_text(r, tree, p);
	layout_form_path(lp->id, lp->version, "settings", p, sizeof p);
	t.settings = blob_text(r, tree, p);
	if (!t.choices)
		t.choices = xstrdup("");
	if (!t.survey || !t.settings)
		quarantine(r, rep, commit, path, NULL, 0, "a form without its settings.csv");
	else if (formstore_put(r->ws->store, lp->id, lp->version, &t, &why))
		quarantine(r, rep, commit, path, NULL, 0, why.msg);
	else
		rep->imported_forms++;
	formstore_texts_clear(&t);
}

static void count(struct sync_report *rep, enum record_kind k)
{
	if (k == REC_ENTERPRISE)
		rep->imported_enterprises++;
	else if (k == REC_INSPECTION)
		rep->imported_inspections++;
	else
		rep->imported_hazards++;
}

static int import_delta(struct replica *r, git_tree *tree, const git_diff_delta *d,
			const git_oid *commit, struct sync_report *rep, struct fc_err *err)
{
	const char *path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
	struct layout_path lp;
	struct fc_record rec;
	struct fc_err why = { 0 };
	int pending;

	if (layout_parse(path, &lp, &why)) {
		quarantine(r, rep, commit, path, NULL, 0, why.msg);
		return 0;
	}
	if (lp.kind == LAY_FORM_FILE) {
		if (d->status != GIT_DELTA_DELETED)
			import_form(r, tree, &lp, commit, path, rep);
		return 0;
	}
	pending = outbox_pending(r->ws->store, lp.rec, lp.id, err);
	if (pending < 0)
		return -1;
	if (pending)
		return 0; /* changed here meanwhile: the next sync merges it */
	if (d->status == GIT_DELTA_DELETED) {
		if (record_remove(r->ws->store, lp.rec, lp.id, &why) == 0)
			rep->removed_hazards++;
		else if (why.kind != FC_ENOTFOUND)
			quarantine(r, rep, commit, path, NULL, 0, why.msg);
		return 0;
	}
	if (read_record(r, &d->new_file.id, path, &rec, &why)) {
		quarantine(r, rep, commit, path, NULL, 0, why.msg);
		return 0;
	}
	if (record_put(r->ws->store, &rec, &why)) {
		record_clear(&rec);
		if (why.kind == FC_EIO) { /* the disk, not the record: stop */
			*err = why;
			return -1;
		}
		quarantine(r, rep, commit, path, NULL, 0, why.msg);
		return 0;
	}
	count(rep, rec.kind);
	record_clear(&rec);
	return 0;
}

static int import_diff(struct replica *r, git_tree *from, git_tree *to, const git_oid *commit,
		       struct sync_report *rep, struct fc_err *err)
{
	git_diff_options opts;
	const git_diff_delta **ds = NULL;
	git_diff *diff = NULL;
	size_t i, n;
	int rc = -1;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags |= GIT_DIFF_SKIP_BINARY_CHECK;
	if (git_diff_tree_to_tree(&diff, r->repo, from, to, &opts) < 0)
		return git_fail(err, "comparing trees");
	n = git_diff_num_deltas(diff);
	ds = xcalloc(n ? n : 1, sizeof *ds);
	for (i = 0; i < n; i++)
		ds[i] = git_diff_get_delta(diff, i);
	qsort(ds, n, sizeof *ds, delta_cmp);
	/* What the import writes is in the replica already: not for the outbox. */
	if (store_begin(r->ws->store, err))
		goto out;
	if (outbox_pause(r->ws->store, err))
		goto rollback;
	for (i = 0; i < n; i++)
		if (import_delta(r, to, ds[i], commit, rep, err))
			goto rollback;
	if (outbox_resume(r->ws->store, err) ||
	    replica_set_imported_tree(r, git_tree_id(to), err))
		goto rollback;
	rc = store_commit(r->ws->store, err);
	goto out;
rollback:
	store_rollback(r->ws->store);
out:
	free(ds);
	git_diff_free(diff);
	return rc;
}

int import_tree(struct replica *r, git_tree *tree, const git_oid *commit,
		struct sync_report *rep, struct fc_err *err)
{
	git_tree *from = NULL;
	git_oid done;
	int rc;

	if (replica_imported_tree(r, &done, err))
		return -1;
	if (git_oid_equal(&done, git_tree_id(tree)))
		return 0;
	if (!git_oid_is_zero(&done) && git_tree_lookup(&from, r->repo, &done) < 0)
		from = NULL; /* unknown here (a replica rebuilt): compare with nothing */
	rc = import_diff(r, from, tree, commit, rep, err);
	git_tree_free(from);
	return rc;
}

int import_all(struct replica *r, git_tree *tree, const git_oid *commit,
	       struct sync_report *rep, struct fc_err *err)
{
	return import_diff(r, NULL, tree, commit, rep, err);
}
