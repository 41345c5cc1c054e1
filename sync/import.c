/* import.c - replica records into the store (see import.h). */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formstore.h"
#include "core/docnum_store.h"
#include "core/i18n.h"
#include "core/recordio.h"
#include "core/store.h"
#include "blobread.h"
#include "decoded.h"
#include "core/strbuf.h"
#include "format.h"
#include "gitutil.h"
#include "claims.h"
#include "layout.h"
#include "quarantine.h"
#include "treediff.h"
#include "treemerge.h"
#include "trust_rules.h"

/* A form file of the branch (judged by the merge already, read bounded all
 * the same); NULL when it is not there or cannot be a form file. */
static char *blob_text(struct replica *r, git_tree *tree, const char *path)
{
	git_tree_entry *e = NULL;
	struct fc_err ignore;
	git_blob *b = NULL;
	char *s = NULL;

	if (git_tree_entry_bypath(&e, tree, path) == 0 &&
	    blob_read(r->repo, git_tree_entry_id(e), path, MAX_FORM_FILE, "a form file", &b,
		      &ignore) == 0)
		s = xstrndup(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b));
	git_blob_free(b);
	git_tree_entry_free(e);
	return s;
}

static int tree_has(git_tree *tree, const char *path)
{
	git_tree_entry *e = NULL;
	int has = git_tree_entry_bypath(&e, tree, path) == 0;

	git_tree_entry_free(e);
	return has;
}

/* The CSV files beside the three in the form's folder of the tree
 * (select_one_from_file's), into t; 0, or -1 with why (too many, a name
 * the layout does not take, unreadable). */
static int read_form_files(struct replica *r, git_tree *tree, const struct layout_path *lp,
		      struct formstore_texts *t, struct fc_err *why)
{
	git_tree_entry *e = NULL;
	git_tree *dir = NULL;
	char p[256];
	size_t k, n;
	int rc = 0;

	snprintf(p, sizeof p, "forms/%s/%d", lp->id, lp->version);
	if (git_tree_entry_bypath(&e, tree, p) || git_tree_lookup(&dir, r->repo,
								  git_tree_entry_id(e))) {
		git_tree_entry_free(e);
		return fc_fail(why, _("%s cannot be read"), p);
	}
	n = git_tree_entrycount(dir);
	if (n > FORM_MAX_FILES + 3)
		rc = fc_fail(why, _("%s holds %zu files; a form has at most %d"), p, n,
			     FORM_MAX_FILES + 3);
	t->files = xcalloc(n + 1, sizeof *t->files);
	for (k = 0; rc == 0 && k < n; k++) {
		const char *name = git_tree_entry_name(git_tree_entry_byindex(dir, k));
		char *text;
		if (!strcmp(name, "survey.csv") || !strcmp(name, "choices.csv") ||
		    !strcmp(name, "settings.csv"))
			continue;
		snprintf(p, sizeof p, "forms/%s/%d/%s", lp->id, lp->version, name);
		if (!form_kept_file_name_ok(name) || !(text = blob_text(r, tree, p))) {
			rc = fc_fail(why, _("%.200s is not a file a form takes"), p);
			break;
		}
		t->files[t->n_files].name = xstrdup(name);
		t->files[t->n_files++].text = text;
	}
	git_tree_free(dir);
	git_tree_entry_free(e);
	return rc;
}

/* A form arrives as its files; it is kept once its survey is seen. */
static void import_form(struct replica *r, git_tree *tree, const struct layout_path *lp,
			const git_oid *commit, const char *path, struct sync_log *rep)
{
	struct formstore_texts t = { 0 };
	struct fc_err why = { 0 };
	char p[256];

	if (strcmp(lp->file, "survey.csv"))
		return;
	t.survey = blob_text(r, tree, path);
	layout_form_path(lp->id, lp->version, "choices.csv", p, sizeof p);
	t.choices = blob_text(r, tree, p);
	layout_form_path(lp->id, lp->version, "settings.csv", p, sizeof p);
	t.settings = blob_text(r, tree, p);
	if (!t.choices)
		t.choices = xstrdup("");
	if (!t.survey || !t.settings)
		quarantine(r, rep, commit, path, NULL, 0, _("a form without its settings.csv"));
	else if (read_form_files(r, tree, lp, &t, &why) ||
		 formstore_put(r->ws->store, lp->id, lp->version, &t, &why))
		quarantine(r, rep, commit, path, NULL, 0, why.msg);
	else
		rep->imported_forms++;
	formstore_texts_clear(&t);
}

static void count(struct sync_log *rep, enum record_kind k)
{
	if (k == REC_ENTERPRISE)
		rep->imported_enterprises++;
	else if (k == REC_INSPECTION)
		rep->imported_inspections++;
	else
		rep->imported_hazards++;
}

struct importing {
	struct replica *r;
	git_tree *tree;
	const git_oid *commit;
	struct sync_log *rep;
	struct fc_err *err;
	int format;                  /* the tree's (format.h) */
	git_tree *from;              /* the tree imported before, or NULL */
};

/* A hazard new at its month path whose bytes the tree imported before held
 * at its format-1 path: the store has it already. */
static int arrived_moved(struct importing *im, const struct treediff_file *f,
			 const struct layout_path *lp)
{
	git_tree_entry *e = NULL;
	char p[128];
	int same;

	if (f->old_id || !im->from || lp->rec != REC_HAZARD || lp->format != LAYOUT_FORMAT)
		return 0;
	layout_hazard_path(lp->id, "", LAYOUT_FORMAT_OLD, p, sizeof p);
	same = git_tree_entry_bypath(&e, im->from, p) == 0 &&
	       git_oid_equal(git_tree_entry_id(e), f->new_id);
	git_tree_entry_free(e);
	return same;
}

/* A hazard gone from `path` that the tree holds at its path in the other
 * format: moved by the migration to format 2, not withdrawn. */
static int moved_hazard(struct importing *im, const struct treediff_file *f)
{
	struct fc_record rec;
	char p[128];
	int moved;

	if (trust_read_record(im->r->repo, f->path, f->old_id, &rec) != 1)
		return 0;
	layout_record_path(&rec, im->format, p, sizeof p);
	moved = rec.kind == REC_HAZARD && strcmp(p, f->path) && tree_has(im->tree, p);
	record_clear(&rec);
	return moved;
}

/* A block of document numbers on the branch: the store knows it from now
 * on (a claim is on main only once it is on the central: sync/claims.h). */
static int import_claim(struct importing *im, const struct treediff_file *f)
{
	struct docnum_claim c;
	struct fc_err why = { 0 };

	if (claim_read(im->r->repo, f->path, f->new_id, &c, &why)) {
		quarantine(im->r, im->rep, im->commit, f->path, NULL, 0, why.msg);
		return 0;
	}
	if (docnum_block_put(im->r->ws->store, &c, im->err))
		return GIT_EUSER;
	return 0;
}

/* One changed file: a record put into or removed from the store, a form
 * kept; what cannot be is quarantined and the import goes on.  Returns -1
 * (GIT_EUSER to the walk) only for the store's own failures. */
static int import_file(const struct treediff_file *f, void *ctx)
{
	struct importing *im = ctx;
	struct replica *r = im->r;
	struct sync_log *rep = im->rep;
	const char *path = f->path;
	struct layout_path lp;
	struct fc_record rec;
	struct fc_err why = { 0 };
	int pending;

	if (layout_parse(path, &lp, &why)) {
		quarantine(r, rep, im->commit, path, NULL, 0, why.msg);
		return 0;
	}
	if (lp.kind == LAY_FORM_FILE) {
		if (f->new_id)
			import_form(r, im->tree, &lp, im->commit, path, rep);
		return 0;
	}
	if (lp.kind == LAY_ROSTER || lp.kind == LAY_FORMAT)
		return 0; /* read from the replica where needed, not kept in the store */
	if (lp.kind == LAY_CLAIM)
		return f->new_id ? import_claim(im, f) : 0;
	pending = outbox_pending(r->ws->store, lp.rec, lp.id, im->err);
	if (pending < 0)
		return GIT_EUSER;
	if (pending)
		return 0; /* changed here meanwhile: the next sync merges it */
	if (f->new_id && arrived_moved(im, f, &lp))
		return 0;
	if (!f->new_id) {
		if (moved_hazard(im, f))
			return 0;
		if (record_remove(r->ws->store, lp.rec, lp.id, &why) == 0)
			rep->removed_hazards++;
		else if (why.kind != FC_ENOTFOUND)
			quarantine(r, rep, im->commit, path, NULL, 0, why.msg);
		return 0;
	}
	if (read_record(r, f->new_id, path, im->format, &rec, &why)) {
		quarantine(r, rep, im->commit, path, NULL, 0, why.msg);
		return 0;
	}
	if (record_put(r->ws->store, &rec, &why)) {
		record_clear(&rec);
		if (why.kind == FC_EIO) { /* the disk, not the record: stop */
			*im->err = why;
			return GIT_EUSER;
		}
		quarantine(r, rep, im->commit, path, NULL, 0, why.msg);
		return 0;
	}
	count(rep, rec.kind);
	record_clear(&rec);
	return 0;
}

/* Forms first, then enterprises, inspections, hazards: what each needs is
 * in the store before it (foreign keys); then whatever lies outside those
 * folders, to be quarantined.  The trees are walked, not diffed whole, so
 * a first pull of 100 000 inspections holds one path at a time. */
static const char *const folders[] = { "forms", "enterprises", "inspections", "hazards", NULL };

static int import_changes(struct importing *im, git_tree *from, git_tree *to)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && folders[i]; i++)
		rc = treediff_each(im->r->repo, from, to, folders[i], import_file, im, im->err);
	if (rc == 0)
		rc = treediff_each_except(im->r->repo, from, to, folders, import_file, im, im->err);
	return rc;
}

/* A first pull writes a store of tens of megabytes in one transaction:
 * with SQLite's page cache at its default (2 MB) the changed pages spill
 * to the WAL midway and are read back from it (a seventh of the CPU of a
 * first pull of 10 000 inspections).  The import's cache is
 * IMPORT_CACHE_KIB, then set back. */
#define IMPORT_CACHE_KIB 16384

static int import_cache(struct fc_store *s, char *old, size_t size, struct fc_err *err)
{
	char set[64], ignore[8];

	if (store_pragma(s, "cache_size", old, size, err))
		return -1;
	snprintf(set, sizeof set, "cache_size=%d", -IMPORT_CACHE_KIB);
	return store_pragma(s, set, ignore, sizeof ignore, err);
}

static void import_cache_back(struct fc_store *s, const char *old)
{
	char set[64], ignore[8];
	struct fc_err err;

	snprintf(set, sizeof set, "cache_size=%.40s", old);
	/* Failing, the store keeps the larger cache until closed: memory, not
	 * data, and the import itself is done. */
	(void)store_pragma(s, set, ignore, sizeof ignore, &err);
}

/* The import, in one transaction of the store. */
static int import_diff_cached(struct importing *im, git_tree *from, git_tree *to)
{
	struct replica *r = im->r;
	struct fc_err *err = im->err;

	if (format_of_tree(r->repo, to, _("the replica"), &im->format, err))
		return -1;
	/* What the import writes is in the replica already: not for the outbox. */
	if (store_begin(r->ws->store, err))
		return -1;
	if (outbox_pause(r->ws->store, err) || import_changes(im, from, to) ||
	    outbox_resume(r->ws->store, err) || replica_set_imported_tree(r, git_tree_id(to), err)) {
		store_rollback(r->ws->store);
		return -1;
	}
	return store_commit(r->ws->store, err);
}

/* The import, in one transaction of the store, with a larger page cache. */
static int import_with_cache(struct importing *im, git_tree *from, git_tree *to)
{
	char old[32];
	int rc;

	if (import_cache(im->r->ws->store, old, sizeof old, im->err))
		return -1;
	rc = import_diff_cached(im, from, to);
	import_cache_back(im->r->ws->store, old);
	return rc;
}

static int import_diff(struct replica *r, git_tree *from, git_tree *to, const git_oid *commit,
		       struct sync_log *rep, struct fc_err *err)
{
	struct importing im = { r, to, commit, rep, err, LAYOUT_FORMAT, from };
	int rc = import_with_cache(&im, from, to);

	if (r->decoded) /* what the merge decoded and the import did not take */
		decoded_clear(r->decoded);
	return rc;
}

int import_tree(struct replica *r, git_tree *tree, const git_oid *commit,
		struct sync_log *rep, struct fc_err *err)
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
	       struct sync_log *rep, struct fc_err *err)
{
	return import_diff(r, NULL, tree, commit, rep, err);
}

int import_branch(struct replica *r, int all, struct sync_log *rep, struct fc_err *err)
{
	git_tree *tree = NULL;
	git_oid head;
	int has, rc;

	if (replica_head(r, &head, &has, err))
		return -1;
	if (!has)
		return 0;
	if (replica_commit_tree(r, &head, &tree, err))
		return -1;
	rc = all ? import_all(r, tree, &head, rep, err) : import_tree(r, tree, &head, rep, err);
	git_tree_free(tree);
	return rc;
}
