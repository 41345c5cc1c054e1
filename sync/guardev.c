/* guardev.c - the guard over evidence refs (see guardev.h). */
#include "guardev.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/roster.h"
#include "core/sshkey.h"
#include "evtree.h"
#include "gitutil.h"
#include "trust.h"

#define MAX_REASONS 10

static void say(struct strbuf *msgs, int *refused, const char *ref, const char *why)
{
	strbuf_addf(msgs, "%.200s: %s\n", ref, why);
	*refused = 1;
}

/* Signed by the badge's key in force at the commit's time. */
static int signed_by(git_repository *repo, const git_oid *id, const struct roster *roster,
		     const char *badge, struct fc_err *why)
{
	const struct roster_entry *e;
	struct sshkey key;
	git_commit *c = NULL;
	long long when = 0;
	int rc = trust_commit_signer(repo, id, &key, why);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return fc_fail(why, _("not signed, and this central has a roster"));
	if (git_commit_lookup(&c, repo, id) == 0)
		when = (long long)git_commit_time(c);
	git_commit_free(c);
	if (!(e = roster_signer(roster, &key, when, why)))
		return -1;
	if (strcmp(e->who.badge, badge))
		return fc_fail(why, _("signed by %s, not by %s whose evidence this is"), e->who.badge,
			       badge);
	return 0;
}

static int judge_commit(git_repository *repo, const git_oid *id, const struct roster *roster,
			int has_roster, const char *badge, struct fc_err *why)
{
	git_commit *c = NULL;
	int rc;

	if (git_commit_lookup(&c, repo, id) < 0)
		return fc_fail(why, _("not a commit"));
	rc = evtree_check(repo, git_commit_tree_id(c), EVIDENCE_LIMIT_MAX, why);
	git_commit_free(c);
	if (rc == 0 && has_roster)
		rc = signed_by(repo, id, roster, badge, why);
	return rc;
}

static int walk(git_repository *repo, const git_oid *old, const git_oid *new, const char *ref,
		const struct roster *roster, int has_roster, struct strbuf *msgs, int *refused,
		struct fc_err *err)
{
	const char *badge = ref + strlen(EVIDENCE_REF_PREFIX);
	git_revwalk *w = NULL;
	git_oid id;
	size_t said = 0;
	int rc;

	if (git_revwalk_new(&w, repo) < 0 || git_revwalk_push(w, new) < 0 ||
	    (!git_oid_is_zero(old) && git_revwalk_hide(w, old) < 0)) {
		git_revwalk_free(w);
		return git_fail(err, _("walking the pushed evidence"));
	}
	while ((rc = git_revwalk_next(&id, w)) == 0) {
		struct fc_err why = { 0 };
		char line[1200], hex[16];
		if (judge_commit(repo, &id, roster, has_roster, badge, &why) == 0)
			continue;
		snprintf(line, sizeof line, _("commit %s refused: %s"), oid_short(&id, hex, sizeof hex),
			 why.msg);
		if (said++ < MAX_REASONS)
			say(msgs, refused, ref, line);
		*refused = 1;
	}
	git_revwalk_free(w);
	return rc == GIT_ITEROVER ? 0 : git_fail(err, _("walking the pushed evidence"));
}

int guard_evidence(git_repository *repo, const git_oid *old, const git_oid *new,
		   const char *ref, struct strbuf *msgs, int *refused, struct fc_err *err)
{
	char name[300];
	struct fc_err bad = { 0 };
	struct roster roster;
	git_oid main_tip, blob;
	int has_roster = 0, rc;

	if (evtree_ref(ref + strlen(EVIDENCE_REF_PREFIX), name, sizeof name, &bad)) {
		say(msgs, refused, ref, bad.msg);
		return 0;
	}
	if (git_oid_is_zero(new)) {
		say(msgs, refused, ref, _("evidence cannot be deleted"));
		return 0;
	}
	if (!git_oid_is_zero(old) && !git_oid_equal(old, new) &&
	    git_graph_descendant_of(repo, new, old) != 1) {
		say(msgs, refused, ref, _("evidence cannot be rewritten: the push does not contain "
		    "what is there (fetch, sync, then push)"));
		return 0;
	}
	roster_init(&roster);
	memset(&blob, 0, sizeof blob);
	if (git_reference_name_to_id(&main_tip, repo, "refs/heads/main") == 0)
		trust_roster_at(repo, &main_tip, &blob);
	git_error_clear();
	rc = trust_roster_read(repo, &blob, &roster, &has_roster, err);
	if (rc == 0)
		rc = walk(repo, old, new, ref, &roster, has_roster, msgs, refused, err);
	roster_release(&roster);
	return rc;
}
