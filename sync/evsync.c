/* evsync.c - an officer's own evidence on a sync (see evsync.h). */
#include "evsync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/attachment_store.h"
#include "core/evidence_store.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "evblob.h"
#include "evkeep.h"
#include "evtree.h"
#include "gitutil.h"
#include "quarantine.h"
#include "signcommit.h"
#include "transport.h"

/* The remote's tree of our ref, checked; NULL when it has none. */
static int their_tree(struct replica *r, const struct evsync *st, uint64_t max, git_tree **out,
		      struct fc_err *err)
{
	git_commit *c = NULL;
	int rc;

	*out = NULL;
	if (!st->has_theirs)
		return 0;
	if (git_commit_lookup(&c, r->repo, &st->theirs) < 0)
		return git_fail(err, _("reading the evidence ref"));
	rc = evtree_check(r->repo, git_commit_tree_id(c), max, err);
	if (rc == 0 && git_commit_tree(out, c) < 0)
		rc = git_fail(err, _("reading the evidence ref"));
	git_commit_free(c);
	return rc;
}

struct restoring {
	struct replica *r;
	struct evidence_store es;
	git_tree *tree;
	struct evsync *st;
	struct sync_log *rep;
	int lost;             /* a blob left the replica once kept, then the file the store */
	struct fc_err *err;
};

/* One own file: put back when the store lacks it and the ref has it (a
 * bad copy is for verify to find: a sync does not read every file). */
static int restore_one(const struct fc_attachment *a, void *ctx)
{
	struct restoring *x = ctx;
	struct fc_err why = { 0 };
	git_oid blob;
	char path[2 + 1 + 64 + 1];

	if (evidence_has(&x->es, a->sha256) || evtree_find(x->tree, a->sha256, &blob))
		return 0;
	if (evkeep_blob(x->r, &x->es, a, &blob, &why) == 0) {
		x->st->restored++;
		return 0;
	}
	if (why.kind == FC_ENOTFOUND) {
		x->lost = 1;
		return 0;
	}
	if (why.kind != FC_EFAIL) {
		*x->err = why;
		return -1;
	}
	snprintf(path, sizeof path, "%.2s/%s", a->sha256, a->sha256);
	quarantine_blob(x->r, x->rep, &x->st->theirs, path, &blob, why.msg);
	return 0;
}

static int fetch_own(struct replica *r, const char *remote, struct sync_progress *prog,
		     uint64_t max, struct evsync *st, struct fc_err *err)
{
	if (!st->ref[0] && evtree_ref(r->ws->me.badge, st->ref, sizeof st->ref, err))
		return -1;
	st->refused = 0;
	return transport_fetch_evidence(r, remote, st->ref, max, prog, &st->theirs,
					&st->has_theirs, err);
}

static int pull_once(struct replica *r, const char *remote, struct sync_progress *prog,
		     struct evsync *st, struct sync_log *rep, int *lost, struct fc_err *err)
{
	struct restoring x = { r, { 0 }, NULL, st, rep, 0, err };
	struct fc_err why = { 0 };
	uint64_t max;
	int rc;

	if (evidence_limit_get(r->ws->store, &max, err) || fetch_own(r, remote, prog, max, st, err))
		return -1;
	if ((rc = their_tree(r, st, max, &x.tree, &why))) {
		if (why.kind != FC_EFAIL) {
			*err = why;
			return -1;
		}
		/* Nothing of it is used, and nothing is sent on top of it. */
		st->refused = 1;
		quarantine(r, rep, &st->theirs, st->ref, NULL, 0, why.msg);
		return 0;
	}
	if (!x.tree)
		return 0;
	rc = evidence_store_open(r->ws, &x.es, err);
	if (rc == 0)
		rc = attachments_files_by(r->ws->store, r->ws->me.badge, restore_one, &x, err);
	evidence_store_release(&x.es);
	git_tree_free(x.tree);
	*lost = x.lost;
	return rc;
}

int evsync_pull(struct replica *r, const char *remote, struct sync_progress *prog,
		struct evsync *st, struct sync_log *rep, struct fc_err *err)
{
	int lost = 0, rc = pull_once(r, remote, prog, st, rep, &lost, err);

	/* An own file the store lost, whose bytes left the replica once kept:
	 * our ref is fetched whole again, once. */
	if (rc == 0 && lost) {
		evkeep_forget(r, remote, st->ref);
		rc = pull_once(r, remote, prog, st, rep, &lost, err);
	}
	return rc;
}

/* The files a new commit adds: paths and blobs, for git_tree_create_updated. */
struct sending {
	struct replica *r;
	struct evidence_store es;
	git_odb *odb;
	git_tree *tree;
	struct sent_file { git_oid id; char path[2 + 1 + 64 + 1]; } *files;
	size_t n, alloc;
	struct fc_err *err;
};

/* One own file the ref lacks: written as a blob, streamed from the store,
 * whose id must be the line's. */
static int send_one(const struct fc_attachment *a, void *ctx)
{
	struct sending *s = ctx;
	struct evidence_info info;
	struct fc_err why = { 0 };
	git_oid id;
	char hex[GIT_OID_HEXSZ + 1];
	int fd, rc;

	if (s->tree && evtree_find(s->tree, a->sha256, &id) == 0)
		return 0;
	/* Not on this laptop (attached elsewhere) or a bad copy: not sent. */
	if (evidence_open(&s->es, a->sha256, &fd, &info, &why))
		return why.kind == FC_EIO ? (*s->err = why, -1) : 0;
	rc = evblob_from_fd(s->odb, fd, info.size, &id, s->err);
	close(fd);
	if (rc)
		return -1;
	if (strcmp(git_oid_tostr(hex, sizeof hex, &id), a->blob))
		return 0; /* the line is not this file's: a record's business, not sent */
	ALLOC_GROW(s->files, s->n + 1, s->alloc);
	snprintf(s->files[s->n].path, sizeof s->files[s->n].path, "%.2s/%s", a->sha256, a->sha256);
	git_oid_cpy(&s->files[s->n++].id, &id);
	return 0;
}

/* Our commit: the remote's tree plus the files it lacks. */
static int commit_files(struct replica *r, struct evsync *st, struct sending *s, git_oid *head,
			struct fc_err *err)
{
	git_commit *parent = NULL;
	git_tree *tree = NULL;
	git_reference *ref = NULL;
	git_tree_update *up = xcalloc(s->n, sizeof *up);
	git_oid tree_id;
	struct strbuf msg;
	size_t i;
	int rc = -1;

	for (i = 0; i < s->n; i++) {
		up[i].action = GIT_TREE_UPDATE_UPSERT;
		git_oid_cpy(&up[i].id, &s->files[i].id);
		up[i].filemode = GIT_FILEMODE_BLOB;
		up[i].path = s->files[i].path;
	}
	strbuf_init(&msg);
	strbuf_addf(&msg, "evidence: %zu file%s\n\n", s->n, s->n == 1 ? "" : "s");
	for (i = 0; i < s->n && i < 200; i++)
		strbuf_addf(&msg, "%s\n", s->files[i].path + 3);
	if (s->n > 200)
		strbuf_addf(&msg, "and %zu more\n", s->n - 200);
	if (git_tree_create_updated(&tree_id, r->repo, s->tree, s->n, up) < 0 ||
	    git_tree_lookup(&tree, r->repo, &tree_id) < 0 ||
	    (st->has_theirs && git_commit_lookup(&parent, r->repo, &st->theirs) < 0)) {
		git_fail(err, _("making the evidence commit"));
		goto out;
	}
	if (replica_commit(r, msg.buf, tree, parent ? 1 : 0, (const git_commit **)&parent, head,
			   err) || replica_flush(r, err))
		goto out;
	/* Ours, as plain git sees it in the replica. */
	if (git_reference_create(&ref, r->repo, st->ref, head, 1, "fieldcheck: evidence") < 0) {
		git_fail(err, _("recording the evidence commit"));
		goto out;
	}
	rc = 0;
out:
	strbuf_release(&msg);
	free(up);
	git_reference_free(ref);
	git_tree_free(tree);
	git_commit_free(parent);
	return rc;
}

int evsync_push(struct replica *r, const char *remote, struct sync_progress *prog,
		struct evsync *st, int *rejected, struct fc_err *err)
{
	struct sending s = { r, { 0 }, NULL, NULL, NULL, 0, 0, err };
	git_commit *c = NULL;
	git_oid head;
	int rc;

	*rejected = 0;
	if (st->refused || !st->ref[0])
		return 0;
	rc = evidence_store_open(r->ws, &s.es, err);
	if (rc == 0)
		rc = evblob_odb(r->repo, &s.odb, err);
	if (rc == 0 && st->has_theirs &&
	    (git_commit_lookup(&c, r->repo, &st->theirs) < 0 || git_commit_tree(&s.tree, c) < 0))
		rc = git_fail(err, _("reading the evidence ref"));
	if (rc == 0)
		rc = attachments_files_by(r->ws->store, r->ws->me.badge, send_one, &s, err);
	if (rc == 0 && s.n)
		rc = commit_files(r, st, &s, &head, err);
	if (rc == 0 && s.n)
		rc = transport_push_ref(r, remote, st->ref, &head, st->has_theirs ? &st->theirs : NULL,
					prog, rejected, err);
	if (rc == 0 && s.n && !*rejected) {
		size_t i;
		st->sent += s.n;
		git_oid_cpy(&st->theirs, &head);
		st->has_theirs = 1;
		/* On the central now, and in the store: not kept a third time.
		 * A push that fails keeps them; the next one writes them again. */
		for (i = 0; i < s.n; i++)
			evblob_drop(r->repo, &s.files[i].id);
	}
	git_commit_free(c);
	git_tree_free(s.tree);
	git_odb_free(s.odb);
	evidence_store_release(&s.es);
	free(s.files);
	return rc;
}
