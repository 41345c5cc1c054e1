/* claims.c - claims of document numbers: read, judged, made (see
 * claims.h). */
#include "claims.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/docnum_store.h"
#include "core/i18n.h"
#include "blobread.h"
#include "gitutil.h"
#include "layout.h"
#include "signcommit.h"
#include "treeupdates.h"

int claim_read(git_repository *repo, const char *path, const git_oid *id,
	       struct docnum_claim *out, struct fc_err *err)
{
	char want[256];
	git_blob *b = NULL;
	int rc;

	if (blob_read(repo, id, path, DOCNUM_CLAIM_MAX_BYTES, "a claim of numbers", &b, err))
		return -1;
	rc = docnum_claim_decode(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), path, out,
				 err);
	git_blob_free(b);
	if (rc)
		return -1;
	docnum_claim_path(out, want, sizeof want);
	if (strcmp(want, path))
		return fc_fail(err, _("%.200s holds the claim of %s, not the one its name says"),
			       path, want);
	return 0;
}

/* "numbers/<authority>/<YYYY>/<kind>" of a claim. */
static void folder_of(const struct docnum_claim *c, char *out, size_t size)
{
	snprintf(out, size, LAYOUT_NUMBERS "/%s/%d/%s", c->authority, c->year,
		 docnum_kind_name(c->kind));
}

typedef int (*claim_cb)(const struct docnum_claim *c, const char *path, void *ctx,
			struct fc_err *err);

/* Every claim in the folder of `like` in tree (none: 0), each read
 * strictly; a bad one fails the walk. */
static int each_claim(git_repository *repo, git_tree *tree, const struct docnum_claim *like,
		      claim_cb cb, void *ctx, struct fc_err *err)
{
	char folder[200], path[256];
	git_tree_entry *e = NULL;
	git_tree *sub = NULL;
	size_t i, n;
	int rc = 0;

	folder_of(like, folder, sizeof folder);
	if (!tree || git_tree_entry_bypath(&e, tree, folder) != 0) {
		git_error_clear();
		return 0;
	}
	if (git_tree_entry_type(e) != GIT_OBJECT_TREE ||
	    git_tree_lookup(&sub, repo, git_tree_entry_id(e)) < 0) {
		git_tree_entry_free(e);
		return fc_fail(err, _("%s is not a folder of claims"), folder);
	}
	git_tree_entry_free(e);
	n = git_tree_entrycount(sub);
	if (n > CLAIMS_MAX_PER_FOLDER)
		rc = fc_fail(err, _("%s holds %zu claims, at most %d"), folder, n,
			     CLAIMS_MAX_PER_FOLDER);
	for (i = 0; rc == 0 && i < n; i++) {
		const git_tree_entry *c = git_tree_entry_byindex(sub, i);
		struct docnum_claim got;
		snprintf(path, sizeof path, "%s/%s", folder, git_tree_entry_name(c));
		if (git_tree_entry_filemode(c) != GIT_FILEMODE_BLOB)
			rc = fc_fail(err, _("%.200s is not a plain file"), path);
		else
			rc = claim_read(repo, path, git_tree_entry_id(c), &got, err) ||
			     cb(&got, path, ctx, err) ? -1 : 0;
	}
	git_tree_free(sub);
	return rc;
}

struct overlap {
	const struct docnum_claim *c;
	const char *path;
};

static int no_overlap(const struct docnum_claim *c, const char *path, void *ctx,
		      struct fc_err *err)
{
	const struct overlap *o = ctx;

	if (strcmp(path, o->path) && docnum_claims_overlap(c, o->c))
		return fc_fail(err, _("the claim of numbers %d to %d (%s) overlaps %.200s, %d to %d "
			       "of %s: a number would be given twice"), o->c->start,
			       o->c->start + o->c->count - 1, o->c->badge, path, c->start,
			       c->start + c->count - 1, c->badge);
	return 0;
}

int claim_judge(git_repository *repo, git_tree *tree, const char *path, const git_oid *now,
		const git_oid *const *before, size_t n, const struct roster_entry *signer,
		struct fc_err *why)
{
	struct docnum_claim c;
	struct overlap o = { &c, path };
	size_t i;

	if (!now || git_oid_is_zero(now))
		return fc_fail(why, _("%.200s is removed; a claim of numbers is never removed"),
			       path);
	for (i = 0; i < n; i++)
		if (before[i] && !git_oid_is_zero(before[i]) && !git_oid_equal(before[i], now))
			return fc_fail(why, _("%.200s is changed; a claim of numbers never changes"),
				       path);
	if (claim_read(repo, path, now, &c, why))
		return -1;
	if (signer && strcmp(c.badge, signer->who.badge))
		return fc_fail(why, _("%.200s claims numbers for %s, but %s signed the commit"), path,
			       c.badge, signer->who.badge);
	return each_claim(repo, tree, &c, no_overlap, &o, why);
}

/* ---- making claims ---- */

static int after_last(const struct docnum_claim *c, const char *path, void *ctx,
		      struct fc_err *err)
{
	int *next = ctx;

	(void)path, (void)err;
	if (c->start + c->count > *next)
		*next = c->start + c->count;
	return 0;
}

/* The claim of kind k due now, if any: *due 1 and c filled. */
static int due(struct replica *r, git_tree *tree, const char *auth, int year, int block,
	       enum docnum_kind k, const char *now, struct docnum_claim *c, int *is_due,
	       struct fc_err *err)
{
	int left, claimed, next = 1;

	*is_due = 0;
	if (docnum_left(r->ws->store, auth, k, year, r->ws->me.badge, &left, &claimed, err))
		return -1;
	if (left * 2 >= block)
		return 0;
	memset(c, 0, sizeof *c);
	snprintf(c->authority, sizeof c->authority, "%s", auth);
	c->kind = k;
	c->year = year;
	snprintf(c->badge, sizeof c->badge, "%s", r->ws->me.badge);
	snprintf(c->at, sizeof c->at, "%s", now);
	if (docnum_device_get(r->ws->store, c->device, err))
		return -1;
	if (each_claim(r->repo, tree, c, after_last, &next, err))
		return -1;
	c->start = next;
	c->count = block;
	if (next + block - 1 > DOCNUM_MAX_SERIAL)
		return 0; /* the year's serials are spent: nothing left to claim */
	*is_due = 1;
	return docnum_claim_check(c, err);
}

static int add_claim(struct replica *r, const struct docnum_claim *c, struct tree_updates *up,
		     struct strbuf *msg, struct fc_err *err)
{
	char path[256];
	struct strbuf sb;
	git_oid id;
	int rc;

	strbuf_init(&sb);
	docnum_claim_encode(c, &sb);
	rc = git_blob_create_from_buffer(&id, r->repo, sb.buf, sb.len);
	strbuf_release(&sb);
	if (rc < 0)
		return git_fail(err, _("writing a claim of numbers"));
	docnum_claim_path(c, path, sizeof path);
	tree_updates_add(up, GIT_TREE_UPDATE_UPSERT, &id, path);
	strbuf_addf(msg, "%s%s %d-%d", msg->len ? ", " : "numbers: ", docnum_kind_name(c->kind),
		    c->start, c->start + c->count - 1);
	return 0;
}

static int commit_claims(struct replica *r, git_tree *tree, const git_oid *head,
			 struct tree_updates *up, struct strbuf *msg, git_oid *out,
			 struct fc_err *err)
{
	git_commit *parent = NULL;
	git_tree *t = NULL;
	git_oid tid;
	int rc = -1;

	if (git_tree_create_updated(&tid, r->repo, tree, up->n, up->u) < 0 ||
	    git_tree_lookup(&t, r->repo, &tid) < 0 || git_commit_lookup(&parent, r->repo, head) < 0)
		git_fail(err, _("building the claim of numbers"));
	else if (replica_commit(r, msg->buf, t, 1, (const git_commit **)&parent, out, err) == 0)
		rc = replica_flush(r, err);
	git_commit_free(parent);
	git_tree_free(t);
	return rc;
}

int claims_make(struct replica *r, const git_oid *head, git_oid *out, int *made,
		struct strbuf *said, struct fc_err *err)
{
	char auth[MAX_AUTHORITY + 1], now[FC_TIMESTAMP_LEN + 1];
	struct tree_updates up = { 0 };
	struct docnum_claim c;
	git_tree *tree = NULL;
	struct strbuf msg;
	int block, k, is_due, rc = -1;

	*made = 0;
	if (r->ws->supervisor || docnum_authority_get(r->ws->store, auth, err))
		return r->ws->supervisor ? 0 : -1;
	if (!auth[0])
		return 0;
	if (docnum_block_get(r->ws->store, &block, err) || clock_now(now, err) ||
	    replica_commit_tree(r, head, &tree, err))
		return -1;
	strbuf_init(&msg);
	for (k = 0; k < DOCNUM_KIND_COUNT; k++) {
		if (due(r, tree, auth, atoi(now), block, (enum docnum_kind)k, now, &c, &is_due, err))
			goto out;
		if (is_due && add_claim(r, &c, &up, &msg, err))
			goto out;
	}
	if (up.n) {
		strbuf_addf(&msg, " (%s %.4s)", auth, now);
		strbuf_adds(said, msg.buf + strlen("numbers: "));
		strbuf_adds(&msg, "\n");
		if (commit_claims(r, tree, head, &up, &msg, out, err))
			goto out;
		*made = 1;
	}
	rc = 0;
out:
	strbuf_release(&msg);
	tree_updates_release(&up);
	git_tree_free(tree);
	return rc;
}
