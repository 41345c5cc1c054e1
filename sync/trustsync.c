/* trustsync.c - judging fetched history and pinning rosters (see
 * trustsync.h). */
#include "trustsync.h"
#include "sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/sshsig.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "gitutil.h"

static int meta_key(struct replica *r, const char *what, const char *remote, char **out,
		    struct fc_err *err)
{
	char key[300];

	snprintf(key, sizeof key, "roster.%s.%s", what, remote);
	return store_meta_get(r->ws->store, key, out, err);
}

/* The pinned founder of remote's roster; 0 when none is pinned. */
static int pinned(struct replica *r, const char *remote, struct sshkey *k, struct fc_err *err)
{
	char *line = NULL;
	int rc;

	if (meta_key(r, "founder", remote, &line, err))
		return -1;
	if (!line)
		return 0;
	rc = sshkey_parse(line, strlen(line), k, NULL, "the pinned roster key", err) ? -1 : 1;
	free(line);
	return rc;
}

static void report_refusals(const struct trust_result *tw, struct sync_log *rep)
{
	char id[16];
	size_t i;

	for (i = 0; i < tw->n_refused && i < TRUST_MAX_REASONS; i++)
		sync_log_note(rep, _("commit %s refused: %s"),
				 oid_short(&tw->refusals[i].commit, id, sizeof id),
				 tw->refusals[i].why);
	if (tw->n_refused > TRUST_MAX_REASONS)
		sync_log_note(rep, _("and %zu more commits refused"),
				 tw->n_refused - TRUST_MAX_REASONS);
}

/* A founder other than the fingerprint given beforehand: -1 with why. */
static int founder_unexpected(struct replica *r, const char *remote, const struct sshkey *k,
			      struct fc_err *err)
{
	char fp[SSHKEY_FP_LEN], *expect = NULL;
	int rc = 0;

	if (meta_key(r, "expect", remote, &expect, err))
		return -1;
	sshkey_fingerprint(k, fp);
	if (expect && strcmp(expect, fp))
		rc = fc_fail(err, _("the roster of %s was founded by key %s, not by %s as expected; "
			     "nothing was merged"), remote, fp, expect);
	free(expect);
	return rc;
}

int trust_fetched(struct replica *r, const char *remote, const git_oid *ours,
		  const git_oid *theirs, struct trust_result *tw, struct sync_log *rep,
		  struct fc_err *err)
{
	struct trust_options o;
	struct sshkey founder;
	char fp[SSHKEY_FP_LEN];
	int has = pinned(r, remote, &founder, err);

	memset(&o, 0, sizeof o);
	if (has < 0 || trust_known_roster(r->ws, remote, &o.known_roster, err))
		return -1;
	if (has)
		o.founders = &founder, o.n_founders = 1;
	trust_result_init(tw);
	if (trust_walk(r->repo, theirs, ours, &o, tw, err))
		return fc_err_prefix(err, _("checking the commits of %s"), remote);
	report_refusals(tw, rep);
	rep->refused_commits += tw->n_refused;
	if (!has && tw->founded && founder_unexpected(r, remote, &tw->founder, err))
		return -1;
	if (has && git_oid_is_zero(&tw->tip_roster)) {
		sshkey_fingerprint(&founder, fp);
		return fc_fail(err, _("%s/main has no roster founded by the key this device trusts "
			       "(%s); nothing was merged.  Ask the supervisor who keeps the central"),
			       remote, fp);
	}
	return 0;
}

int trust_known_roster(struct fc_workspace *ws, const char *remote, git_oid *out,
		       struct fc_err *err)
{
	char key[300], *hex = NULL;
	int rc = 0;

	memset(out, 0, sizeof *out);
	snprintf(key, sizeof key, "roster.trusted.%s", remote);
	if (store_meta_get(ws->store, key, &hex, err))
		return -1;
	if (hex && git_oid_fromstr(out, hex) < 0)
		rc = fc_failk(err, FC_EIO, _("the store's %s is damaged"), key);
	free(hex);
	return rc;
}

int trust_merged(struct replica *r, const char *remote, const struct trust_result *tw,
		 struct fc_err *err)
{
	char fp[SSHKEY_FP_LEN], key[300], hex[GIT_OID_HEXSZ + 1];
	struct sshkey k;
	struct strbuf line;
	int has = pinned(r, remote, &k, err), rc;

	if (has < 0)
		return -1;
	/* where the next walk starts from: the roster in force at their tip */
	git_oid_tostr(hex, sizeof hex, &tw->tip_roster);
	snprintf(key, sizeof key, "roster.trusted.%s", remote);
	if (store_meta_set(r->ws->store, key, hex, err))
		return -1;
	if (has || !tw->founded)
		return 0;
	sshkey_fingerprint(&tw->founder, fp);
	strbuf_init(&line);
	sshkey_format(&tw->founder, &line);
	snprintf(key, sizeof key, "roster.founder.%s", remote);
	rc = store_meta_set(r->ws->store, key, line.buf, err);
	strbuf_release(&line);
	if (rc == 0) {
		free(r->notice);
		r->notice = xstrfmt("the roster of %s is founded by key %s: pinned; a roster founded "
				    "by another key will be refused", remote, fp);
	}
	return rc;
}

int trust_expect_founder(struct fc_workspace *ws, const char *remote, const char *fingerprint,
			 struct fc_err *err)
{
	char key[300];

	if (strncmp(fingerprint, "SHA256:", 7) || strlen(fingerprint) != SSHKEY_FP_LEN - 1)
		return fc_failk(err, FC_EUSAGE, _("'%.60s' is not a key fingerprint (SHA256:… as "
				"ssh-keygen -l prints it)"), fingerprint);
	snprintf(key, sizeof key, "roster.expect.%s", remote);
	return store_meta_set(ws->store, key, fingerprint, err);
}

int trust_may_commit(struct replica *r, struct fc_err *err)
{
	struct roster ro;
	struct sshkey k;
	git_oid head, id;
	long long now;
	int has, exists, off, rc = 0;
	char ts[FC_TIMESTAMP_LEN + 1];

	if (replica_head(r, &head, &has, err) || !has)
		return has ? -1 : 0;
	trust_roster_at(r->repo, &head, &id);
	if (git_oid_is_zero(&id))
		return 0; /* no roster: commits need no signature yet */
	if (!r->ws->sign_key)
		return fc_fail(err, _("this repository has a roster: commits must be signed.  Set "
			       "your key with 'fieldcheck whoami --sign-key ~/.ssh/id_ed25519' and "
			       "ask a supervisor to put it on the roster; your records wait here"));
	if (sshkey_load_public(r->ws->sign_key, &k, err) || clock_now(ts, err) ||
	    timestamp_epoch(ts, &now, &off, err) ||
	    trust_roster_read(r->repo, &id, &ro, &exists, err))
		return -1;
	if (!roster_signer(&ro, &k, now, err)) {
		fc_err_prefix(err, _("your signing key is not on the roster now: ask a supervisor "
			      "to add it ('fieldcheck roster add'); your records wait here"));
		rc = -1;
	}
	roster_release(&ro);
	return rc;
}
