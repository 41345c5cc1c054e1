/* casefile_commits.c - the commits behind a case export, with what proves
 * who made them.
 *
 * For every commit that carried one of the package's records the archive
 * holds commits/ID.commit (the commit object as git hashes it: `git
 * hash-object -t commit` gives ID back) and, when it is signed,
 * commits/ID.sig and commits/ID.payload (the signature and the bytes it
 * signs, so that `ssh-keygen -Y verify` checks it against the package's
 * roster/allowed_signers at the commit's time).  Commits from before the
 * repository had a roster are marked as such: nothing signs them.
 */
#include "casefile_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/roster.h"
#include "core/sshsig.h"
#include "gitutil.h"
#include "trust.h"

static int known(const struct casefile *cf, const git_oid *id)
{
	size_t i;

	for (i = 0; i < cf->n_commits; i++)
		if (git_oid_equal(&cf->commits[i].id, id))
			return 1;
	return 0;
}

static char *copy(const void *p, size_t n)
{
	char *s = xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* The roster the package carries, parsed (empty when none). */
static void package_roster(const struct casefile *cf, struct roster *ro)
{
	struct fc_err ignore;
	size_t i;

	roster_init(ro);
	for (i = 0; i < cf->n_files; i++)
		if (cf->files[i].git_path && !strcmp(cf->files[i].git_path, ROSTER_PATH))
			roster_parse(cf->files[i].data, cf->files[i].len, ROSTER_PATH, ro, &ignore);
}

static int one(struct casefile *cf, const git_oid *id, const struct roster *ro,
	       struct fc_err *err)
{
	git_odb *odb = NULL;
	git_odb_object *obj = NULL;
	git_commit *c = NULL;
	git_buf sig = { 0 }, data = { 0 };
	struct cf_commit *cc;
	struct sshkey key;
	struct fc_err why;
	git_oid roster;
	char hex[GIT_OID_HEXSZ + 1], path[96];
	int rc = -1;

	git_oid_tostr(hex, sizeof hex, id);
	if (git_repository_odb(&odb, cf->r->repo) < 0 || git_odb_read(&obj, odb, id) < 0 ||
	    git_commit_lookup(&c, cf->r->repo, id) < 0) {
		git_fail(err, _("reading a commit for the package"));
		goto out;
	}
	ALLOC_GROW(cf->commits, cf->n_commits + 1, cf->alloc_commits);
	cc = &cf->commits[cf->n_commits++];
	memset(cc, 0, sizeof *cc);
	cc->id = *id;
	roster_time_format((long long)git_commit_committer(c)->when.time, cc->time);
	trust_roster_at(cf->r->repo, id, &roster);
	cc->before_roster = git_oid_is_zero(&roster);
	snprintf(path, sizeof path, "commits/%s.commit", hex);
	cf_add_file(cf, path, NULL, copy(git_odb_object_data(obj), git_odb_object_size(obj)),
		    git_odb_object_size(obj));
	if (git_commit_extract_signature(&sig, &data, cf->r->repo, (git_oid *)id, NULL) == 0) {
		const struct roster_entry *e = NULL;
		cc->is_signed = 1;
		snprintf(path, sizeof path, "commits/%s.sig", hex);
		cf_add_file(cf, path, NULL, copy(sig.ptr, sig.size), sig.size);
		snprintf(path, sizeof path, "commits/%s.payload", hex);
		cf_add_file(cf, path, NULL, copy(data.ptr, data.size), data.size);
		if (sshsig_verify(sig.ptr, sig.size, SSHSIG_NAMESPACE_GIT, data.ptr, data.size, &key,
				  &why) == 0)
			e = roster_signer(ro, &key, (long long)git_commit_committer(c)->when.time,
					  NULL);
		if (e)
			snprintf(cc->signer, sizeof cc->signer, "%s", e->who.badge);
	}
	git_error_clear();
	rc = 0;
out:
	git_buf_dispose(&sig);
	git_buf_dispose(&data);
	git_commit_free(c);
	git_odb_object_free(obj);
	git_odb_free(odb);
	return rc;
}

int cf_commits(struct casefile *cf, struct fc_err *err)
{
	struct roster ro;
	size_t i, k;
	int rc = 0;

	package_roster(cf, &ro);
	for (i = 0; rc == 0 && i < cf->n_carried; i++)
		for (k = 0; rc == 0 && k < cf->carried[i].n; k++)
			if (!known(cf, &cf->carried[i].commits[k]))
				rc = one(cf, &cf->carried[i].commits[k], &ro, err);
	roster_release(&ro);
	return rc;
}
