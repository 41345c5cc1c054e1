/* rosteredit.c - changing a central's roster (see rosteredit.h). */
#include "rosteredit.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "format.h"
#include "gitutil.h"
#include "layout.h"
#include "signcommit.h"
#include "sync.h"
#include "transport.h"
#include "trust.h"
#include "trustsync.h"

#define EDIT_ATTEMPTS 8

/* The roster in blob id (zero: none). */
static void describe(const struct roster_edit *ed, struct strbuf *msg)
{
	if (ed->kind == ROSTER_FOUND)
		strbuf_addf(msg, "roster: founded by %s\n", ed->e.who.badge);
	else if (ed->kind == ROSTER_ADD)
		strbuf_addf(msg, "roster: %s added as %s\n", ed->e.who.badge,
			    roster_role_name(ed->e.role));
	else
		strbuf_addf(msg, "roster: the keys of %s ended\n", ed->badge);
}

/* The edit applied to ro, checked against who we are. */
static int apply(struct fc_workspace *ws, struct roster *ro, int exists,
		 const struct roster_edit *ed, const struct sshkey *mine, long long now,
		 const char *remote, struct fc_err *err)
{
	const struct roster_entry *me = exists ? roster_signer(ro, mine, now, NULL) : NULL;

	if (ed->kind == ROSTER_FOUND) {
		if (exists)
			return fc_fail(err, _("%s has a roster already; add to it with 'fieldcheck "
				       "roster add'"), remote);
		return roster_add(ro, &ed->e, err);
	}
	if (!exists)
		return fc_fail(err, _("%s has no roster yet; a supervisor founds it with "
			       "'fieldcheck roster found'"), remote);
	if (!me || me->role != ROLE_SUPERVISOR)
		return fc_fail(err, _("only a supervisor on the roster of %s changes it, and your "
			       "key (%s) is not one now"), remote, ws->me.badge);
	if (ed->kind == ROSTER_ADD)
		return roster_add(ro, &ed->e, err);
	return roster_revoke(ro, ed->badge, ed->at, err) > 0 ? 0 : -1;
}

/* One attempt on remote's tip `theirs`: the edited roster committed on it. */
static int edit_on(struct replica *r, const git_oid *theirs, int has_theirs,
		   const git_oid *trusted, const struct roster_edit *ed,
		   const struct sshkey *mine, long long now, const char *remote, git_oid *out,
		   struct fc_err *err)
{
	git_tree_update up[2];
	git_commit *parent = NULL;
	git_tree *tree = NULL, *newtree = NULL;
	struct strbuf text, msg;
	struct roster ro;
	git_oid blob, tree_id;
	int exists = 0, rc = -1;

	strbuf_init(&text);
	strbuf_init(&msg);
	roster_init(&ro);
	if (has_theirs && (git_commit_lookup(&parent, r->repo, theirs) < 0 ||
			   git_commit_tree(&tree, parent) < 0)) {
		git_fail(err, _("reading the central's main"));
		goto out;
	}
	if (trust_roster_read(r->repo, trusted, &ro, &exists, err) ||
	    apply(r->ws, &ro, exists, ed, mine, now, remote, err))
		goto out;
	roster_encode(&ro, &text);
	describe(ed, &msg);
	memset(up, 0, sizeof up);
	up[0].action = up[1].action = GIT_TREE_UPDATE_UPSERT;
	up[0].filemode = up[1].filemode = GIT_FILEMODE_BLOB;
	up[0].path = ROSTER_PATH;
	up[1].path = LAYOUT_FORMAT_PATH; /* a new central starts in format 2 */
	if (!has_theirs && format_marker(r->repo, &up[1].id, err))
		goto out;
	if (git_blob_create_from_buffer(&blob, r->repo, text.buf, text.len) < 0 ||
	    (up[0].id = blob, git_tree_create_updated(&tree_id, r->repo, tree,
						      has_theirs ? 1 : 2, up)) < 0 ||
	    git_tree_lookup(&newtree, r->repo, &tree_id) < 0) {
		git_fail(err, _("writing the roster"));
		goto out;
	}
	rc = replica_commit(r, msg.buf, newtree, has_theirs ? 1 : 0,
			    (const git_commit **)&parent, out, err);
	if (rc == 0)
		rc = replica_flush(r, err);
out:
	roster_release(&ro);
	strbuf_release(&text);
	strbuf_release(&msg);
	git_tree_free(newtree);
	git_tree_free(tree);
	git_commit_free(parent);
	return rc;
}

/* The roster in force at remote's tip, as the trust walk judges it: a
 * roster written there by a refused commit (or removed) is not what the
 * edit starts from.  Zero when the central has none. */
static int trusted_roster(struct replica *r, const char *remote, const git_oid *theirs,
			  git_oid *out, struct fc_err *err)
{
	struct trust_options o;
	struct trust_result tw;
	git_oid ours;
	int has_ours = 0, rc = 0;

	memset(&o, 0, sizeof o);
	trust_result_init(&tw);
	if (trust_known_roster(r->ws, remote, &o.known_roster, err) ||
	    replica_head(r, &ours, &has_ours, err) ||
	    trust_walk(r->repo, theirs, has_ours ? &ours : NULL, &o, &tw, err))
		rc = -1;
	else
		*out = tw.tip_roster;
	trust_result_release(&tw);
	return rc;
}

static int now_epoch(long long *out, struct fc_err *err)
{
	char ts[FC_TIMESTAMP_LEN + 1];
	int off;

	return clock_now(ts, err) || timestamp_epoch(ts, out, &off, err) ? -1 : 0;
}

int roster_edit_push(struct fc_workspace *ws, const char *remote, const struct roster_edit *ed,
		     char *commit_hex, struct sync_log *rep, struct fc_err *err)
{
	struct sync_options pull = { remote, 0, NULL, 1 }; /* the roster, not the files */
	struct sync_result res;
	struct replica *r;
	struct sshkey mine;
	long long now;
	int attempt, rc = -1;

	if (!ws->sign_key)
		return fc_fail(err, _("the roster is changed by signed commits only: set your key "
			       "first with 'fieldcheck whoami --sign-key KEY'"));
	if (sshkey_load_public(ws->sign_key, &mine, err) || now_epoch(&now, err) ||
	    replica_open(ws, REPLICA_CREATE, &r, err))
		return -1;
	for (attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
		git_oid theirs, commit, trusted;
		int has_theirs, rejected = 0;
		memset(&trusted, 0, sizeof trusted);
		if (transport_fetch(r, remote, NULL, &theirs, &has_theirs, err) ||
		    (has_theirs && trusted_roster(r, remote, &theirs, &trusted, err)) ||
		    edit_on(r, &theirs, has_theirs, &trusted, ed, &mine, now, remote, &commit,
			    err) ||
		    transport_push(r, remote, &commit, has_theirs ? &theirs : NULL, NULL, &rejected,
				   err))
			break;
		if (!rejected) {
			git_oid_tostr(commit_hex, GIT_OID_HEXSZ + 1, &commit);
			rc = 0;
			break;
		}
	}
	if (attempt == EDIT_ATTEMPTS)
		fc_fail(err, _("%s kept refusing the roster change (others pushing); try again"),
			remote);
	replica_close(r);
	if (rc)
		return -1;
	/* and take it home, as any pull would */
	rc = sync_run(ws, &pull, &res, err);
	*rep = res.rep; /* what the pull found, for the caller to show */
	memset(&res.rep, 0, sizeof res.rep);
	sync_result_release(&res);
	return rc;
}

int roster_read_head(struct fc_workspace *ws, struct roster *out, struct fc_err *err)
{
	struct replica *r;
	git_tree *tree = NULL;
	git_oid head, id;
	int has = 0, exists, rc = 0;

	roster_init(out);
	if (replica_open(ws, REPLICA_NOLOCK, &r, err))
		return err->kind == FC_ENOTFOUND ? 0 : -1;
	if (replica_head(r, &head, &has, err) ||
	    (has && replica_commit_tree(r, &head, &tree, err)))
		rc = -1;
	else if (has)
		trust_roster_blob(tree, &id);
	if (rc == 0 && has && trust_roster_read(r->repo, &id, out, &exists, err))
		rc = -1;
	git_tree_free(tree);
	replica_close(r);
	return rc;
}
