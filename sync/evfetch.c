/* evfetch.c - others' evidence files on demand (see evfetch.h). */
#include "evfetch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"
#include "core/attachment_store.h"
#include "core/evidence_store.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "evkeep.h"
#include "evtree.h"
#include "gitutil.h"
#include "quarantine.h"
#include "replica.h"
#include "transport.h"

struct wanted {
	char kind[16];
	char record[FC_UUID_LEN + 1];
	struct fc_attachment a;
	int done;             /* kept, or refused */
};

struct fetching {
	struct replica *r;
	struct evidence_store es;
	struct wanted *w;
	size_t n, alloc;
	struct evfetch_result *res;
	struct sync_log *rep;   /* res->rep, or a sync's */
	struct sync_progress *prog;
	struct fc_err *err;
};

void evfetch_result_release(struct evfetch_result *res)
{
	size_t i;

	for (i = 0; i < res->n_files; i++) {
		free(res->files[i].name);
		free(res->files[i].path);
	}
	free(res->files);
	free(res->dir);
	sync_log_release(&res->rep);
	memset(res, 0, sizeof *res);
}

/* A file kept, for the person: the first EVFETCH_LISTED by name. */
static void listed(struct fetching *f, const struct wanted *w)
{
	struct evfetch_result *res = f->res;
	struct evfetch_file *k;

	res->kept++;
	if (res->n_files >= EVFETCH_LISTED)
		return;
	ALLOC_GROW(res->files, res->n_files + 1, res->alloc_files);
	k = &res->files[res->n_files++];
	memset(k, 0, sizeof *k);
	snprintf(k->kind, sizeof k->kind, "%s", w->kind);
	snprintf(k->record, sizeof k->record, "%s", w->record);
	k->name = xstrdup(w->a.name ? w->a.name : "");
	snprintf(k->sha256, sizeof k->sha256, "%s", w->a.sha256);
	snprintf(k->by, sizeof k->by, "%s", w->a.by);
	k->size = w->a.size;
	k->path = evidence_path(&f->es, w->a.sha256);
	if (!k->path)
		k->path = xstrdup(f->es.dir);
}

/* A line whose file is not here (once per file: unique_files). */
static int want(const char *kind, const char *record, const struct fc_attachment *a, void *ctx)
{
	struct fetching *f = ctx;

	if (evidence_has(&f->es, a->sha256))
		return 0;
	ALLOC_GROW(f->w, f->n + 1, f->alloc);
	memset(&f->w[f->n], 0, sizeof f->w[f->n]);
	snprintf(f->w[f->n].kind, sizeof f->w[f->n].kind, "%s", kind);
	snprintf(f->w[f->n].record, sizeof f->w[f->n].record, "%s", record);
	attachment_copy(&f->w[f->n].a, a);
	f->n++;
	return 0;
}

/* "inspection 1a2b3c4d, file IMG_0412.JPG by ZJ-0001" */
static void naming(const struct wanted *w, struct strbuf *out)
{
	strbuf_addf(out, "%s %.8s, ", w->kind, w->record);
	strbuf_addf(out, _("file %s by %s"), w->a.name, w->a.by);
}

static void refuse(struct fetching *f, struct wanted *w, const git_oid *commit,
		   const git_oid *blob, const char *why)
{
	struct strbuf msg;
	char path[2 + 1 + 64 + 1];

	strbuf_init(&msg);
	naming(w, &msg);
	strbuf_addf(&msg, ": %s", why);
	snprintf(path, sizeof path, "%.2s/%s", w->a.sha256, w->a.sha256);
	quarantine_blob(f->r, f->rep, commit, path, blob, msg.buf);
	strbuf_release(&msg);
	w->done = 1;
	f->res->refused++;
}

/* The files of officer `by` from one remote's evidence ref (`again`: the
 * second time, after its tracking ref was forgotten). */
static int from_ref(struct fetching *f, const char *remote, const char *by, const char *ref,
		    int again)
{
	struct fc_err why = { 0 };
	git_commit *c = NULL;
	git_tree *tree = NULL;
	git_oid tip, blob;
	int exists, rc, lost = 0;
	size_t i;

	/* From a central on a path, an object over the limit or not what its
	 * name says refuses the fetch (FC_EFAIL) before it is copied. */
	if ((rc = transport_fetch_evidence(f->r, remote, ref, f->es.max_bytes, f->prog, &tip,
					   &exists, &why)) == 0 && exists) {
		if (git_commit_lookup(&c, f->r->repo, &tip) < 0)
			return git_fail(f->err, _("reading the evidence ref"));
		if ((rc = evtree_check(f->r->repo, git_commit_tree_id(c), f->es.max_bytes,
				       &why)) == 0 && git_commit_tree(&tree, c) < 0)
			rc = git_fail(&why, _("reading the evidence ref"));
		git_commit_free(c);
	}
	if (rc) {
		if (why.kind != FC_EFAIL)
			return *f->err = why, -1;
		sync_log_note(f->rep, _("%s's evidence on %s is refused, nothing of it is "
			      "kept: %s"), by, remote, why.msg);
		quarantine(f->r, f->rep, exists ? &tip : NULL, ref, NULL, 0, why.msg);
		return 0;
	}
	if (!exists)
		return 0;
	for (i = 0; rc == 0 && i < f->n; i++) {
		struct wanted *w = &f->w[i];
		if (w->done || strcmp(w->a.by, by) || evtree_find(tree, w->a.sha256, &blob))
			continue;
		memset(&why, 0, sizeof why);
		if (evkeep_blob(f->r, &f->es, &w->a, &blob, &why) == 0)
			w->done = 1, listed(f, w);
		else if (why.kind == FC_EFAIL)
			refuse(f, w, &tip, &blob, why.msg);
		else if (why.kind == FC_ENOTFOUND)
			lost = 1; /* kept before, then lost from the store */
		else
			*f->err = why, rc = -1;
	}
	git_tree_free(tree);
	/* Its bytes left the replica once kept: the ref is fetched whole again. */
	if (rc == 0 && lost && !again) {
		evkeep_forget(f->r, remote, ref);
		return from_ref(f, remote, by, ref, 1);
	}
	return rc;
}

static int pending(const struct fetching *f, const char *by)
{
	size_t i;
	for (i = 0; i < f->n; i++)
		if (!f->w[i].done && !strcmp(f->w[i].a.by, by))
			return 1;
	return 0;
}

/* Each officer whose files are wanted, from each remote until none of
 * theirs is left. */
static int fetch_all(struct fetching *f, char *const *remotes, size_t n_remotes)
{
	size_t i, k;
	int rc = 0;

	for (i = 0; rc == 0 && i < f->n; i++) {
		const char *by = f->w[i].a.by;
		char ref[300];
		struct fc_err bad = { 0 };
		if (f->w[i].done || (i && !strcmp(by, f->w[i - 1].a.by)))
			continue;
		if (evtree_ref(by, ref, sizeof ref, &bad)) {
			sync_log_note(f->rep, "%s", bad.msg);
			continue;
		}
		for (k = 0; rc == 0 && k < n_remotes && pending(f, by); k++)
			rc = from_ref(f, remotes[k], by, ref, 0);
	}
	return rc;
}

static int by_officer(const void *a, const void *b)
{
	const struct wanted *x = a, *y = b;
	int c = strcmp(x->a.by, y->a.by);

	return c ? c : strcmp(x->a.sha256, y->a.sha256);
}

static int by_file(const void *a, const void *b)
{
	const struct wanted *x = a, *y = b;
	int c = strcmp(x->a.sha256, y->a.sha256);

	return c ? c : strcmp(x->a.by, y->a.by);
}

/* Each file once (the first line naming it, by officer), grouped by
 * officer. */
static void unique_files(struct fetching *f)
{
	size_t i, j = 0;

	if (!f->n)
		return; /* nothing wanted (f->w NULL: qsort must not see it) */
	qsort(f->w, f->n, sizeof *f->w, by_file);
	for (i = 0; i < f->n; i++) {
		if (j && !strcmp(f->w[j - 1].a.sha256, f->w[i].a.sha256)) {
			attachment_clear(&f->w[i].a);
			continue;
		}
		f->w[j++] = f->w[i];
	}
	f->n = j;
	qsort(f->w, f->n, sizeof *f->w, by_officer);
}

static void count_missing(struct fetching *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		struct strbuf msg;
		if (f->w[i].done)
			continue;
		strbuf_init(&msg);
		naming(&f->w[i], &msg);
		sync_log_note(f->rep, _("%s: on no central this workspace syncs with"),
			      msg.buf);
		strbuf_release(&msg);
		f->res->missing++;
	}
}

/* The files the records asked name and this workspace lacks, each once. */
static int collect(struct fetching *f, struct fc_workspace *ws, const struct evfetch_target *t,
		   size_t n)
{
	size_t i;
	int rc;

	if (evidence_store_open(ws, &f->es, f->err))
		return -1;
	f->res->dir = xstrdup(f->es.dir);
	rc = n ? 0 : attachments_each(ws->store, NULL, NULL, want, f, f->err);
	for (i = 0; rc == 0 && i < n; i++)
		rc = attachments_each(ws->store, t[i].kind, t[i].id, want, f, f->err);
	unique_files(f);
	f->res->needed = f->n;
	return rc;
}

static int fetch_from(struct fetching *f, char *const *remotes, size_t n_remotes)
{
	int rc = fetch_all(f, remotes, n_remotes);

	if (rc == 0)
		count_missing(f);
	return rc;
}

static void fetching_release(struct fetching *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		attachment_clear(&f->w[i].a);
	free(f->w);
	evidence_store_release(&f->es);
}

int evfetch_run(struct fc_workspace *ws, const struct evfetch_target *t, size_t n,
		struct sync_progress *prog, struct evfetch_result *res, struct fc_err *err)
{
	struct fetching f = { NULL, { 0 }, NULL, 0, 0, res, &res->rep, prog, err };
	git_strarray remotes = { NULL, 0 };
	int rc;

	memset(res, 0, sizeof *res);
	rc = collect(&f, ws, t, n);
	if (rc == 0 && f.n) {
		rc = replica_open(ws, REPLICA_CREATE, &f.r, err);
		if (rc == 0 && git_remote_list(&remotes, f.r->repo) < 0)
			rc = git_fail(err, _("listing remotes"));
		if (rc == 0)
			rc = fetch_from(&f, remotes.strings, remotes.count);
		git_strarray_dispose(&remotes);
		if (f.r)
			replica_close(f.r);
	}
	fetching_release(&f);
	return rc;
}

int evfetch_in(struct replica *r, char *const *remotes, size_t n_remotes,
	       struct sync_progress *prog, struct evfetch_result *res, struct sync_log *rep,
	       struct fc_err *err)
{
	struct fetching f = { r, { 0 }, NULL, 0, 0, res, rep, prog, err };
	int rc;

	memset(res, 0, sizeof *res);
	rc = collect(&f, r->ws, NULL, 0);
	if (rc == 0 && f.n)
		rc = fetch_from(&f, remotes, n_remotes);
	fetching_release(&f);
	return rc;
}
