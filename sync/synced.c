/* synced.c - the last commit synced with each remote (see synced.h). */
#include "synced.h"
#include "sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "gitutil.h"
#include "treecheck.h"

static char *ref_of(const char *prefix, const char *remote)
{
	return xstrfmt("%s%s%s", prefix, remote, strcmp(prefix, "refs/remotes/") ? "" : "/main");
}

static int read_ref(git_repository *repo, const char *name, git_oid *out, int *has,
		    struct fc_err *err)
{
	int rc = git_reference_name_to_id(out, repo, name);

	*has = rc == 0;
	if (rc < 0 && rc != GIT_ENOTFOUND)
		return git_fail(err, _("reading what was last synced"));
	return 0;
}

int synced_set(struct replica *r, const char *remote, const git_oid *id, struct fc_err *err)
{
	char *name = ref_of("refs/fieldcheck/synced/", remote);
	git_reference *ref = NULL;
	int rc = 0;

	if (git_reference_create(&ref, r->repo, name, id, 1, "fieldcheck: synced") < 0)
		rc = git_fail(err, _("recording what was synced"));
	git_reference_free(ref);
	free(name);
	return rc;
}

/* Whether our branch holds `id` (what a fetch found, once merged). */
static int in_main(struct replica *r, const git_oid *id)
{
	git_oid head;

	return git_reference_name_to_id(&head, r->repo, REPLICA_BRANCH) == 0 &&
	       (git_oid_equal(&head, id) || git_graph_descendant_of(r->repo, &head, id) == 1);
}

int synced_get(struct replica *r, const char *remote, git_oid *out, int *has,
	       struct fc_err *err)
{
	char *ours = ref_of("refs/fieldcheck/synced/", remote);
	char *tracking = ref_of("refs/remotes/", remote);
	int rc = read_ref(r->repo, ours, out, has, err);

	/* The tracking ref counts only once merged: a fetch that was refused
	 * moved it too. */
	if (rc == 0 && !*has && (rc = read_ref(r->repo, tracking, out, has, err)) == 0 && *has)
		rc = in_main(r, out) ? synced_set(r, remote, out, err) : (*has = 0);
	free(ours);
	free(tracking);
	return rc;
}

int synced_check(struct replica *r, const char *remote, const git_oid *last,
		 const git_oid *theirs, int has_theirs, struct fc_err *err)
{
	char old[16], new[GIT_OID_HEXSZ + 1];
	int rc;

	if (!has_theirs || git_oid_equal(theirs, last))
		return 0;
	rc = git_graph_descendant_of(r->repo, theirs, last);
	if (rc == 1)
		return 0;
	if (rc < 0)
		return git_fail(err, _("comparing the remote's history with ours"));
	oid_short(last, old, sizeof old);
	git_oid_tostr(new, sizeof new, theirs);
	return fc_fail(err, _("%s's history was rewritten: its main is now commit %.12s, which does "
		       "not contain commit %s, the last this device synced with it; nothing was "
		       "merged or sent.  If a person has checked the new history and decided it "
		       "is right: fieldcheck remote accept-history %s %s"), remote, new, old,
		       remote, new);
}

/* The commit `hex` names, which must be what the last fetch found. */
static int fetched_commit(struct replica *r, const char *remote, const char *hex, git_oid *out,
			  struct fc_err *err)
{
	char *tracking = ref_of("refs/remotes/", remote), found[16];
	size_t len = strlen(hex);
	git_oid prefix, head;
	int has = 0, rc;

	if (len < 7 || len > GIT_OID_HEXSZ || git_oid_fromstrn(&prefix, hex, len) < 0)
		rc = fc_failk(err, FC_EUSAGE, _("give the commit as the sync named it (at least 7 "
			      "hexadecimal digits)"));
	else
		rc = read_ref(r->repo, tracking, &head, &has, err);
	free(tracking);
	if (rc)
		return -1;
	if (!has)
		return fc_fail(err, _("nothing was fetched from %s yet; run 'fieldcheck sync %s' "
			       "first"), remote, remote);
	if (git_oid_ncmp(&prefix, &head, len))
		return fc_fail(err, _("the last fetch from %s found commit %s, not %s; run "
			       "'fieldcheck sync %s' and read what it says"), remote,
			       oid_short(&head, found, sizeof found), hex, remote);
	git_oid_cpy(out, &head);
	return 0;
}

int synced_accept(struct fc_workspace *ws, const char *remote, const char *commit,
		  struct fc_err *err)
{
	struct replica *r;
	git_remote *rm = NULL;
	git_oid id;
	int rc = -1;

	if (replica_open(ws, 0, &r, err))
		return -1;
	if (git_remote_lookup(&rm, r->repo, remote) < 0) {
		struct strbuf shown;
		strbuf_init(&shown);
		treecheck_show(&shown, remote, strlen(remote));
		fc_failk(err, FC_ENOTFOUND, _("no remote called %s (see 'fieldcheck remote list')"),
			 shown.buf);
		strbuf_release(&shown);
	} else if (fetched_commit(r, remote, commit, &id, err) == 0)
		rc = synced_set(r, remote, &id, err);
	git_remote_free(rm);
	replica_close(r);
	return rc;
}
