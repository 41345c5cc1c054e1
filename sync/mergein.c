/* mergein.c - a fetched main brought into ours (see mergein.h): their
 * tree checked, who wrote it judged, the trees put in one format, merged
 * record by record, then a fast-forward or a merge commit. */
#include "mergein.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "format.h"
#include "gitutil.h"
#include "layout.h"
#include "quarantine.h"
#include "signcommit.h"
#include "treecheck.h"
#include "treemerge.h"
#include "trustsync.h"

static void note_authors(struct replica *r, const git_oid *from, const git_oid *to,
			 struct sync_log *rep)
{
	git_revwalk *w = NULL;
	git_oid id;
	int n = 0;

	if (git_revwalk_new(&w, r->repo) < 0 || git_revwalk_push(w, to) < 0 ||
	    (from && git_revwalk_hide(w, from) < 0)) {
		git_revwalk_free(w);
		return;
	}
	while (n++ < 10000 && git_revwalk_next(&id, w) == 0) {
		git_commit *c;
		if (git_commit_lookup(&c, r->repo, &id) == 0) {
			const git_signature *a = git_commit_author(c);
			struct strbuf sb;
			strbuf_init(&sb);
			strbuf_addf(&sb, "%s (%s)", a->name, a->email);
			sync_log_author(rep, sb.buf);
			strbuf_release(&sb);
			git_commit_free(c);
		}
	}
	git_revwalk_free(w);
}

static int merge_commit(struct replica *r, const git_oid *ours, const git_oid *theirs,
			const git_oid *tree_id, const char *remote, git_oid *out, struct fc_err *err)
{
	git_commit *p[2] = { NULL, NULL };
	git_tree *tree = NULL;
	char msg[256];
	int rc = -1;

	/* ours NULL: one parent, theirs (a first fetch with records refused) */
	snprintf(msg, sizeof msg, ours ? "merge %s/main\n" : "%s/main without refused records\n",
		 remote);
	if ((ours && git_commit_lookup(&p[0], r->repo, ours) < 0) ||
	    git_commit_lookup(&p[ours ? 1 : 0], r->repo, theirs) < 0 ||
	    git_tree_lookup(&tree, r->repo, tree_id) < 0)
		git_fail(err, _("reading commits to merge"));
	else
		rc = replica_commit(r, msg, tree, ours ? 2 : 1, (const git_commit **)p, out, err);
	git_tree_free(tree);
	git_commit_free(p[0]);
	git_commit_free(p[1]);
	return rc;
}

/* Their tree, checked against ours (which was checked when it arrived)
 * before anything else walks it: a bad folder anywhere, folders nested
 * too deep, or a format this fieldcheck does not read (format.h) refuse
 * their commit whole, before the merge's walk joins names into paths.  A
 * refused format marker is quarantined.  *format: their tree's. */
static int check_theirs(struct replica *r, const char *remote, const git_oid *ours,
			const git_oid *theirs, int *format, struct sync_log *rep,
			struct fc_err *err)
{
	const git_tree_entry *fe;
	git_tree *to = NULL, *tt = NULL;
	char hex[16];
	int rc = -1;

	if (replica_commit_tree(r, ours, &to, err) == 0 &&
	    replica_commit_tree(r, theirs, &tt, err) == 0 &&
	    (rc = treecheck(r->repo, git_tree_id(tt), to, err)) == 0 &&
	    (rc = format_of_tree(r->repo, tt, _("the central"), format, err))) {
		fe = git_tree_entry_byname(tt, LAYOUT_FORMAT_PATH);
		quarantine_blob(r, rep, theirs, LAYOUT_FORMAT_PATH,
				fe && git_tree_entry_type(fe) == GIT_OBJECT_BLOB ?
				git_tree_entry_id(fe) : NULL, err->msg);
	}
	if (rc && err->kind == FC_EFAIL)
		fc_err_prefix(err, _("%s's main (commit %s) is refused, nothing of it is merged or "
			      "sent"), remote, oid_short(theirs, hex, sizeof hex));
	git_tree_free(to);
	git_tree_free(tt);
	return rc;
}

/* The trees to merge, in one format: ours as it is (migrated already when
 * it meets format 2, see merge_in); base and theirs normalised to ours'
 * format 2 (format.h), so the record merge compares like with like.  A
 * new device (ours empty) takes theirs as they are. */
static int trees_to_merge(struct replica *r, const git_oid *base, const git_oid *ours,
			  const git_oid *theirs, int their_format, struct merge_trees *t,
			  struct fc_err *err)
{
	git_tree *tb = NULL, *tt = NULL;
	struct format_memo memo;
	int base_format, rc = -1;

	memset(t, 0, sizeof *t);
	if (replica_commit_tree(r, base, &tb, err) || replica_commit_tree(r, ours, &t->ours, err) ||
	    replica_commit_tree(r, theirs, &tt, err) ||
	    format_of_tree(r->repo, tb, _("the replica"), &base_format, err))
		goto out;
	if (tb && base_format > their_format) { /* a format never goes back */
		fc_fail(err, _("it went back to format %d from format %d (written by a fieldcheck "
			"that reads format %d only?); upgrade every device"), their_format,
			base_format, their_format);
		goto out;
	}
	t->format = their_format;
	if (!t->ours) { /* nothing of ours yet: merge into an empty tree, which
			 * libgit2 knows without it being stored */
		git_oid empty;
		if (git_oid_fromstr(&empty, "4b825dc642cb6eb9a060e54bf8d69288fbee4904") < 0 ||
		    git_tree_lookup(&t->ours, r->repo, &empty) < 0) {
			git_fail(err, _("making an empty tree"));
			goto out;
		}
		t->base = tb, t->theirs = tt, tb = tt = NULL;
		rc = 0;
		goto out;
	}
	if (format_of_tree(r->repo, t->ours, _("the replica"), &t->format, err))
		goto out;
	if (t->format == LAYOUT_FORMAT_OLD) { /* a pull-only device, both in format 1 */
		t->base = tb, t->theirs = tt, tb = tt = NULL;
		rc = 0;
		goto out;
	}
	t->theirs_moved = their_format == LAYOUT_FORMAT_OLD;
	format_memo_init(&memo); /* base and theirs share most hazards */
	rc = format_normalise(r->repo, tb, &memo, &t->base, NULL, err) ||
	     format_normalise(r->repo, tt, &memo, &t->theirs, NULL, err) ? -1 : 0;
	format_memo_release(&memo);
out:
	git_tree_free(tb);
	git_tree_free(tt);
	return rc;
}

static void merge_trees_release(struct merge_trees *t)
{
	git_tree_free(t->base);
	git_tree_free(t->ours);
	git_tree_free(t->theirs);
}

int merge_in(struct replica *r, const char *remote, const git_oid *theirs, int migrates,
	     struct sync_log *rep, struct fc_err *err)
{
	struct merge_trees mt = { 0 };
	git_oid ours, base, tree_id, head;
	char hex[16];
	struct trust_result tw;
	int has_ours, has_base, their_format, rc = -1;

	if (replica_head(r, &ours, &has_ours, err))
		return -1;
	if (has_ours && (git_oid_equal(&ours, theirs) || git_graph_descendant_of(r->repo, &ours, theirs) == 1))
		return 0; /* we have it all */
	if (check_theirs(r, remote, has_ours ? &ours : NULL, theirs, &their_format, rep, err))
		return -1;
	if (has_ours && (migrates || their_format == LAYOUT_FORMAT) &&
	    (format_migrate(r, rep, err) || replica_head(r, &ours, &has_ours, err)))
		return -1;
	/* who made each commit we lack, and whether they could */
	if (trust_fetched(r, remote, has_ours ? &ours : NULL, theirs, &tw, rep, err)) {
		trust_result_release(&tw);
		return -1;
	}
	has_base = has_ours && git_merge_base(&base, r->repo, &ours, theirs) == 0;
	if (trees_to_merge(r, has_base ? &base : NULL, has_ours ? &ours : NULL, theirs,
			   their_format, &mt, err)) {
		if (err->kind == FC_EFAIL)
			fc_err_prefix(err, _("%s's main (commit %s) is refused, nothing of it is "
				      "merged or sent"), remote, oid_short(theirs, hex, sizeof hex));
		goto out;
	}
	note_authors(r, has_ours ? &ours : NULL, theirs, rep);
	if (tree_merge(r, &mt, theirs, &tw, &tree_id, rep, err))
		goto out;
	if (!mt.theirs_moved && git_oid_equal(&tree_id, git_tree_id(mt.theirs)))
		git_oid_cpy(&head, theirs); /* all of theirs accepted: fast-forward */
	else if (!has_ours)
		goto commit_on_theirs;
	else if (merge_commit(r, &ours, theirs, &tree_id, remote, &head, err))
		goto out;
	if (replica_flush(r, err) ||
	    replica_set_head(r, &head, has_ours ? &ours : NULL, "fieldcheck: merge", err))
		goto out;
	rc = 0;
	goto out;
commit_on_theirs:
	/* A new device whose first fetch brought refused records: its branch
	 * starts from theirs with the refused paths left out. */
	if (merge_commit(r, NULL, theirs, &tree_id, remote, &head, err) == 0 &&
	    replica_flush(r, err) == 0 && replica_set_head(r, &head, NULL, "fieldcheck: merge", err) == 0)
		rc = 0;
out:
	if (rc == 0)
		rc = trust_merged(r, remote, &tw, err);
	trust_result_release(&tw);
	merge_trees_release(&mt);
	return rc;
}
