/* transport.c - fetch and push with bounded credentials, pinned host keys
 * and a real compare-and-swap for local repositories (see transport.h). */
#include "transport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/evidence_store.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "evblob.h"
#include "gitutil.h"
#include "centralhead.h"
#include "hostkey.h"
#include "localfetch.h"
#include "newobjs.h"
#include "packcopy.h"
#include "rppush.h"
#include "sendset.h"
#include "url.h"

#define MAX_CRED_ATTEMPTS 3

struct cb_ctx {
	struct replica *r;
	const char *remote;
	char *url;
	int cred_attempts;
	struct sync_progress *prog;
	struct fc_err *err;        /* a callback's refusal, said in our words */
	int failed;
	char rejected[200];        /* push: the server's reason */
	char said[2048];           /* push: what the server's hooks said */
	size_t n_said;
};

static int credentials(git_credential **out, const char *url, const char *user_from_url,
		       unsigned int allowed, void *payload)
{
	struct cb_ctx *c = payload;
	const char *user = user_from_url && *user_from_url ? user_from_url : "git";
	char key[256], *path = NULL, pub[512];
	git_config *cfg = NULL;
	git_buf buf = GIT_BUF_INIT;
	struct stat st;
	int rc;

	(void)url;
	if (++c->cred_attempts > MAX_CRED_ATTEMPTS) {
		c->failed = 1;
		fc_failk(c->err, FC_EFAIL, _("%s refused our SSH key (%d attempts); check the key "
			 "(remote.%s.sshkey) or the ssh-agent"), c->remote, MAX_CRED_ATTEMPTS, c->remote);
		return GIT_EUSER;
	}
	if (!(allowed & GIT_CREDENTIAL_SSH_KEY))
		return allowed & GIT_CREDENTIAL_USERNAME ? git_credential_username_new(out, user)
							 : GIT_PASSTHROUGH;
	snprintf(key, sizeof key, "remote.%s.sshkey", c->remote);
	if (git_repository_config_snapshot(&cfg, c->r->repo) == 0 &&
	    git_config_get_string_buf(&buf, cfg, key) == 0)
		path = buf.ptr;
	/* The key named in the remote's config first, then the agent. */
	if (path && c->cred_attempts == 1) {
		snprintf(pub, sizeof pub, "%s.pub", path);
		rc = git_credential_ssh_key_new(out, user, stat(pub, &st) == 0 ? pub : NULL, path,
						getenv("FIELDCHECK_SSH_PASSPHRASE"));
	} else {
		rc = git_credential_ssh_key_from_agent(out, user);
	}
	git_buf_dispose(&buf);
	git_config_free(cfg);
	return rc;
}

static int certificate(git_cert *cert, int valid, const char *host, void *payload)
{
	struct cb_ctx *c = payload;

	if (cert->cert_type != GIT_CERT_HOSTKEY_LIBSSH2)
		return valid ? 0 : GIT_PASSTHROUGH;
	if (hostkey_check(c->r, c->url, host, (const git_cert_hostkey *)cert, c->err)) {
		c->failed = 1;
		return GIT_EUSER;
	}
	return 0;
}

static int fetch_progress(const git_indexer_progress *s, void *payload)
{
	struct cb_ctx *c = payload;
	if (c->prog && c->prog->fn)
		c->prog->fn(c->prog->ctx, "receiving", s->received_objects, s->total_objects,
			    s->received_bytes);
	return 0;
}

static int push_progress(unsigned int cur, unsigned int total, size_t bytes, void *payload)
{
	struct cb_ctx *c = payload;
	if (c->prog && c->prog->fn)
		c->prog->fn(c->prog->ctx, "sending", cur, total, bytes);
	return 0;
}

static int push_update(const char *refname, const char *status, void *payload)
{
	struct cb_ctx *c = payload;
	(void)refname;
	if (status)
		snprintf(c->rejected, sizeof c->rejected, "%s", status);
	return 0;
}

/* What the remote prints while receiving ("remote: ..."): a hook's reason
 * for refusing the push, kept (bounded) for the message. */
static int sideband(const char *str, int len, void *payload)
{
	struct cb_ctx *c = payload;
	size_t room = sizeof c->said - 1 - c->n_said, n = len > 0 ? (size_t)len : 0;

	if (n > room)
		n = room;
	memcpy(c->said + c->n_said, str, n);
	c->n_said += n;
	c->said[c->n_said] = '\0';
	return 0;
}

static void callbacks(git_remote_callbacks *cb, struct cb_ctx *c)
{
	git_remote_init_callbacks(cb, GIT_REMOTE_CALLBACKS_VERSION);
	cb->credentials = credentials;
	cb->certificate_check = certificate;
	cb->transfer_progress = fetch_progress;
	cb->push_transfer_progress = push_progress;
	cb->push_update_reference = push_update;
	cb->sideband_progress = sideband;
	cb->payload = c;
}

/* Our message when a callback refused, else libgit2's, naming the remote
 * (its URL without the password a config edited by hand may hold). */
static int remote_fail(struct cb_ctx *c, const char *what)
{
	const git_error *e = git_error_last();
	char *shown;

	if (c->failed)
		return -1;
	shown = url_public(c->url);
	fc_failk(c->err, FC_EIO, _("cannot %s %s (%s): %s"), what, c->remote, shown,
		 e && e->message ? e->message : "failed");
	free(shown);
	return -1;
}

int transport_url(struct replica *r, const char *remote, char **url, struct fc_err *err)
{
	git_remote *rm;

	if (git_remote_lookup(&rm, r->repo, remote) < 0)
		return fc_failk(err, FC_ENOTFOUND, _("no remote called '%s' (add one with 'fieldcheck "
				"remote add %s URL')"), remote, remote);
	*url = xstrdup(git_remote_url(rm));
	git_remote_free(rm);
	return 0;
}

/* The path of a repository named by a path or file:// URL; NULL for a
 * network URL.  As for git, anything with no scheme and no ':' before its
 * first '/' (scp's host:path) is a path, relative ones too: they went to
 * libgit2's local transport before, whose push moves the ref unchecked and
 * whose fetch packs every tree recursively. */
static const char *local_path(const char *url)
{
	const char *colon = strchr(url, ':'), *slash = strchr(url, '/');

	if (!strncmp(url, "file://", 7))
		return url + 7;
	if (strstr(url, "://") || (colon && (!slash || colon < slash)))
		return NULL;
	return *url ? url : NULL;
}

int transport_tracking_ref(const char *remote, const char *ref, char *out, size_t size)
{
	const char *tail = !strcmp(ref, REPLICA_BRANCH) ? "main" : ref + strlen("refs/");

	return snprintf(out, size, "refs/remotes/%s/%s", remote, tail) >= (int)size ? -1 : 0;
}

static int tracking_ref(const char *remote, char *out, size_t size)
{
	return transport_tracking_ref(remote, REPLICA_BRANCH, out, size);
}

/* Fetches `ref` of the remote over libgit2 into `track`; *exists 0 when
 * the remote has no such ref. */
static int fetch_remote(struct cb_ctx *c, const char *ref, const char *track,
			git_oid *their_head, int *exists)
{
	git_fetch_options fo;
	git_remote *rm = NULL;
	char spec[600];
	char *specs[1] = { spec };
	git_strarray refspecs = { specs, 1 };
	int rc = -1;

	snprintf(spec, sizeof spec, "+%s:%s", ref, track);
	git_fetch_options_init(&fo, GIT_FETCH_OPTIONS_VERSION);
	callbacks(&fo.callbacks, c);
	fo.prune = GIT_FETCH_NO_PRUNE;
	fo.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
	if (git_remote_lookup(&rm, c->r->repo, c->remote) < 0 ||
	    git_remote_fetch(rm, &refspecs, &fo, "fieldcheck: fetch") < 0) {
		remote_fail(c, "fetch from");
		goto out;
	}
	if (!strcmp(ref, REPLICA_BRANCH) && !local_path(c->url))
		central_head_check(c->r, c->remote, rm);
	rc = git_reference_name_to_id(their_head, c->r->repo, track);
	if (rc == GIT_ENOTFOUND) {
		rc = 0; /* an empty central repository, or no such ref */
	} else if (rc < 0) {
		git_fail(c->err, _("reading what was fetched"));
	} else {
		*exists = 1;
	}
out:
	git_remote_free(rm);
	return rc;
}

int transport_fetch(struct replica *r, const char *remote, struct sync_progress *prog,
		    git_oid *their_head, int *exists, struct fc_err *err)
{
	struct cb_ctx c = { r, remote, NULL, 0, prog, err, 0, "", "", 0 };
	char ref[256];
	int rc = -1;

	*exists = 0;
	if (transport_url(r, remote, &c.url, err) || tracking_ref(remote, ref, sizeof ref))
		goto out;
	if (local_path(c.url)) {
		central_head_fix_path(r, remote, local_path(c.url));
		rc = localfetch(r, remote, local_path(c.url), ref, prog, their_head, exists, err);
		if (rc <= 0)
			goto out;
		rc = -1; /* not one to copy from: libgit2's local transport */
	}
	rc = fetch_remote(&c, REPLICA_BRANCH, ref, their_head, exists);
out:
	free(c.url);
	return rc;
}

/* An evidence ref of a central on a path: its new objects copied one by
 * one, large files as streams (sync/evblob.c), never the central's packs
 * whole, which may hold everyone's files. */
static int fetch_local_evidence(struct cb_ctx *c, const char *path, const char *ref,
				const char *track, uint64_t max, git_oid *their_head, int *exists)
{
	git_repository *src = NULL;
	git_reference *tr = NULL;
	git_oid have;
	int rc, has_have;

	if (git_repository_open_ext(&src, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		return remote_fail(c, "fetch from");
	rc = git_reference_name_to_id(their_head, src, ref);
	if (rc == GIT_ENOTFOUND) {
		git_repository_free(src);
		return 0;
	}
	if (rc < 0) {
		git_repository_free(src);
		return remote_fail(c, "fetch from");
	}
	*exists = 1;
	has_have = git_reference_name_to_id(&have, c->r->repo, track) == 0;
	if (has_have) { /* what we fetched before, unless the central lost it */
		git_odb *sodb = NULL;
		has_have = git_repository_odb(&sodb, src) == 0 && git_odb_exists(sodb, &have);
		git_odb_free(sodb);
	}
	rc = evblob_copy_set(src, c->r->repo, their_head, has_have ? &have : NULL, max, c->err);
	if (rc == 0 && git_reference_create(&tr, c->r->repo, track, their_head, 1,
					    "fieldcheck: fetch") < 0)
		rc = git_fail(c->err, _("recording the fetch"));
	git_reference_free(tr);
	git_repository_free(src);
	return rc;
}

int transport_fetch_evidence(struct replica *r, const char *remote, const char *ref,
			     uint64_t max, struct sync_progress *prog, git_oid *their_head,
			     int *exists, struct fc_err *err)
{
	struct cb_ctx c = { r, remote, NULL, 0, prog, err, 0, "", "", 0 };
	char track[600];
	int rc = -1;

	*exists = 0;
	if (transport_url(r, remote, &c.url, err))
		return -1;
	if (transport_tracking_ref(remote, ref, track, sizeof track))
		rc = fc_fail(err, _("the ref name %.100s is too long"), ref);
	else if (local_path(c.url))
		rc = fetch_local_evidence(&c, local_path(c.url), ref, track, max, their_head, exists);
	else
		rc = fetch_remote(&c, ref, track, their_head, exists);
	free(c.url);
	return rc;
}

/* A ref lock older than this in a shared repository was left by a killed
 * process: a real one lives for the milliseconds of a rename and an fsync,
 * even on a slow USB stick.  Pushes meanwhile count as refused and retry. */
#define STALE_LOCK_SECONDS 10

static void clear_stale_ref_lock(const char *repo_path, const char *ref)
{
	struct strbuf p;
	struct stat st;

	strbuf_init(&p);
	strbuf_addf(&p, "%s/%s.lock", repo_path, ref);
	if (stat(p.buf, &st) == 0 && time(NULL) - st.st_mtime > STALE_LOCK_SECONDS)
		unlink(p.buf);
	strbuf_release(&p);
}

struct in_flushed {
	const struct newobjs *n;
	int missing;
};

static int check_flushed(const git_oid *id, const char *name, void *ctx)
{
	struct in_flushed *f = ctx;

	(void)name;
	if (newobjs_flushed_has(f->n, id))
		return 0;
	f->missing = 1;
	return GIT_EUSER;
}

/* When the packs this sync wrote hold everything the remote lacks (the
 * usual case: our export, perhaps a merge), they are copied as they are,
 * with no second delta search.  *sent 0: packing is needed after all. */
static int send_written_packs(struct replica *r, git_repository *dst, const git_oid *head,
			      const git_oid *have, int *sent, struct fc_err *err)
{
	struct in_flushed f = { r->newobjs, 0 };
	struct strbuf from, to;
	char *const *packs;
	size_t n = newobjs_packs(r->newobjs, &packs);
	int rc = 0;

	*sent = 0;
	if (n == 0)
		return 0;
	if (sendset_each(r->repo, head, have, check_flushed, &f, err))
		return f.missing ? 0 : -1;
	strbuf_init(&from);
	strbuf_init(&to);
	strbuf_addf(&from, "%sobjects/pack", git_repository_path(r->repo));
	strbuf_addf(&to, "%sobjects/pack", git_repository_path(dst));
	rc = packcopy(from.buf, to.buf, packs, n, NULL, NULL, err);
	*sent = rc == 0;
	strbuf_release(&from);
	strbuf_release(&to);
	return rc;
}

static int send_objects(struct replica *r, git_repository *dst, const git_oid *head,
			const git_oid *have, struct fc_err *err)
{
	int sent;

	if (send_written_packs(r, dst, head, have, &sent, err))
		return -1;
	return sent ? 0 : sendset_copy(r->repo, dst, head, have, NULL, err);
}

/* Evidence: its objects one by one, files streamed (sync/evblob.c), not
 * packed in memory. */
static int send_evidence(struct replica *r, git_repository *dst, const git_oid *head,
			 const git_oid *have, struct fc_err *err)
{
	uint64_t max;

	if (evidence_limit_get(r->ws->store, &max, err))
		return -1;
	return evblob_copy_set(r->repo, dst, head, have, max, err);
}

static int push_local(struct cb_ctx *c, const char *refname, const git_oid *head,
		      const git_oid *expected, int *rejected)
{
	int is_main = !strcmp(refname, REPLICA_BRANCH);
	const char *path = local_path(c->url);
	git_repository *dst = NULL;
	git_reference *ref = NULL;
	git_oid now;
	int rc, has;

	if (git_repository_open_ext(&dst, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		return remote_fail(c, "open");
	clear_stale_ref_lock(git_repository_path(dst), refname);
	/* Another device may be writing a pack right now: only old ones go. */
	clear_pack_temporaries(git_repository_path(dst), 600);
	rc = git_reference_name_to_id(&now, dst, refname);
	has = rc == 0;
	if ((has && (!expected || !git_oid_equal(&now, expected))) || (!has && expected)) {
		*rejected = 1; /* someone pushed since our fetch */
		git_repository_free(dst);
		return 0;
	}
	if ((is_main ? send_objects : send_evidence)(c->r, dst, head, has ? &now : NULL, c->err)) {
		git_repository_free(dst);
		return -1;
	}
	/* The compare-and-swap: under the ref's lock, only if it is still `now`. */
	rc = has ? git_reference_create_matching(&ref, dst, refname, head, 1, &now,
						 "fieldcheck: push")
		 : git_reference_create(&ref, dst, refname, head, 0, "fieldcheck: push");
	git_reference_free(ref);
	if (rc == 0 && is_main)
		central_head_fix(c->r, c->remote, dst);
	git_repository_free(dst);
	if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS || rc == GIT_ELOCKED) {
		*rejected = 1;
		return 0;
	}
	return rc < 0 ? remote_fail(c, "update") : 0;
}

/* Whether receive-pack's reason for refusing our ref says that the ref
 * moved under us: anything else (a hook, a full disk, permissions) will
 * not change by retrying. */
static int pushed_first(const char *status)
{
	static const char *const moved[] = { "non-fast-forward", "fetch first", "failed to update",
					     "failed to lock", "cannot lock", "stale info", NULL };
	size_t i;

	for (i = 0; moved[i]; i++)
		if (strstr(status, moved[i]))
			return 1;
	return 0;
}

/* The central refused the push for good, not because someone pushed
 * first (its guard, or the disk): its reason and what it said. */
static int hook_refused(struct cb_ctx *c)
{
	struct strbuf why;
	char *line, *next;

	strbuf_init(&why);
	for (line = c->said; line && *line; line = next) {
		size_t n = strcspn(line, "\r\n");
		next = line[n] ? line + n + 1 : NULL;
		while (n && line[n - 1] == ' ')
			n--;
		if (n)
			strbuf_addf(&why, "%s%.*s", why.len ? "; " : "", (int)n, line);
	}
	fc_failk(c->err, FC_EFAIL, _("%s refused the push (%s): %s"), c->remote, c->rejected,
		 why.len ? why.buf : "no reason given");
	strbuf_release(&why);
	return -1;
}

/* The ref a push sends from: the commit asked for, which is our main for
 * a sync but not for a roster edit made on the remote's own tip. */
#define PUSH_REF "refs/fieldcheck/push"

/* libgit2's push, for what sync/rppush.c leaves to it (http(s), a server
 * without report-status): PUSH_REF to the remote's `refname`. */
static int push_libgit2(struct cb_ctx *c, git_remote *rm, const char *refname,
			const git_oid *head, const git_push_options *po)
{
	char spec[600];
	char *specs[1] = { spec };
	git_strarray refspecs = { specs, 1 };
	git_reference *ref = NULL;
	char why[512] = "push failed";
	int rc, klass = GIT_ERROR_NET;

	snprintf(spec, sizeof spec, "%s:%s", PUSH_REF, refname);
	if (git_reference_create(&ref, c->r->repo, PUSH_REF, head, 1, "fieldcheck: push") < 0)
		return git_fail(c->err, _("marking what to push"));
	rc = git_remote_push(rm, &refspecs, po);
	if (rc < 0) { /* its message, kept while the ref goes */
		const git_error *e = git_error_last();
		if (e && e->message) {
			snprintf(why, sizeof why, "%s", e->message);
			klass = e->klass;
		}
	}
	git_reference_delete(ref);
	git_reference_free(ref);
	if (rc < 0)
		git_error_set_str(klass, why);
	return rc;
}

/* Pushes head to the remote's `refname` and says how it went: over git://
 * and ssh:// the sendset only (sync/rppush.c), else through libgit2. */
static int push_remote(struct cb_ctx *c, const char *refname, const git_oid *head,
		       const git_oid *expected, int *rejected)
{
	git_push_options po;
	git_remote *rm = NULL;
	int rc;

	git_push_options_init(&po, GIT_PUSH_OPTIONS_VERSION);
	callbacks(&po.callbacks, c);
	if (git_remote_lookup(&rm, c->r->repo, c->remote) < 0)
		return git_fail(c->err, _("reading the remote"));
	rc = rppush(c->r->repo, rm, refname, head, expected, &po.callbacks);
	if (rc == RPPUSH_UNUSABLE)
		rc = push_libgit2(c, rm, refname, head, &po);
	git_remote_free(rm);
	if (rc == RPPUSH_MOVED) {
		*rejected = 1; /* someone pushed since our fetch: nothing was sent */
		return 0;
	}
	if (rc < 0) {
		/* Some servers refuse a non-fast-forward before the callback. */
		const git_error *e = git_error_last();
		/* libgit2 itself refuses when the remote's ref moved to a
		 * commit we lack (someone pushed since our fetch): its code
		 * says so, its message is not always still there. */
		if (!c->failed && (rc == GIT_ENONFASTFORWARD ||
		    (e && e->message && (strstr(e->message, "non-fast-forward") ||
		     strstr(e->message, "fetch first") ||
		     strstr(e->message, "not present locally"))))) {
			*rejected = 1;
			return 0;
		}
		return remote_fail(c, "push to");
	}
	if (c->rejected[0] && !pushed_first(c->rejected))
		return hook_refused(c);
	if (c->rejected[0])
		*rejected = 1; /* someone pushed first: fetch, merge, push again */
	return 0;
}

int transport_push(struct replica *r, const char *remote, const git_oid *head,
		   const git_oid *expected, struct sync_progress *prog, int *rejected,
		   struct fc_err *err)
{
	return transport_push_ref(r, remote, REPLICA_BRANCH, head, expected, prog, rejected, err);
}

int transport_push_ref(struct replica *r, const char *remote, const char *refname,
		       const git_oid *head, const git_oid *expected, struct sync_progress *prog,
		       int *rejected, struct fc_err *err)
{
	struct cb_ctx c = { r, remote, NULL, 0, prog, err, 0, "", "", 0 };
	git_reference *ref = NULL;
	char track[600];
	int rc;

	*rejected = 0;
	if (transport_url(r, remote, &c.url, err))
		return -1;
	rc = local_path(c.url) ? push_local(&c, refname, head, expected, rejected) :
				 push_remote(&c, refname, head, expected, rejected);
	/* What the remote now holds, as a fetch would have recorded it. */
	if (rc == 0 && !*rejected &&
	    transport_tracking_ref(remote, refname, track, sizeof track) == 0 &&
	    git_reference_create(&ref, r->repo, track, head, 1, "fieldcheck: push") < 0)
		rc = git_fail(err, _("recording the push"));
	git_reference_free(ref);
	free(c.url);
	return rc;
}
