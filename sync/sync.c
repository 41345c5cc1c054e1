/* sync.c - export, fetch, merge, import, push, retried (see sync.h). */
#include "sync.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/recordio.h"
#include "core/roster.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "claims.h"
#include "evfetch.h"
#include "evsync.h"
#include "export.h"
#include "format.h"
#include "gitutil.h"
#include "import.h"
#include "layout.h"
#include "mergein.h"
#include "replica.h"
#include "synced.h"
#include "transport.h"
#include "treecheck.h"
#include "treediff.h"
#include "treemerge.h"
#include "trustsync.h"
#include "url.h"

void sync_result_release(struct sync_result *res)
{
	free(res->offline);
	sync_log_release(&res->rep);
	memset(res, 0, sizeof *res);
}

/* Commits on our branch that the remote's tracking ref lacks. */
static size_t count_waiting(struct replica *r, const char *remote)
{
	git_revwalk *w = NULL;
	char ref[256];
	git_oid head, id;
	size_t n = 0;
	int has;
	struct fc_err ignore;

	snprintf(ref, sizeof ref, "refs/remotes/%s/main", remote);
	if (replica_head(r, &head, &has, &ignore) || !has || git_revwalk_new(&w, r->repo) < 0)
		return 0;
	git_revwalk_push(w, &head);
	git_revwalk_hide_ref(w, ref);
	while (git_revwalk_next(&id, w) == 0)
		n++;
	git_revwalk_free(w);
	return n;
}

/* Backoff between push attempts: 50 ms doubling, up to 2 s, with jitter so
 * twenty devices do not retry in step. */
static void backoff(size_t attempt, unsigned *seed)
{
	long ms = 50L << (attempt < 6 ? attempt : 6);
	struct timespec ts;

	if (ms > 2000)
		ms = 2000;
	*seed = *seed * 1103515245u + 12345u;
	ms = ms / 2 + (long)((*seed >> 8) % (unsigned long)(ms / 2 + 1));
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
}

/* Our evidence ref after main is merged (its records name our files):
 * fetched, our missing files put back.  Evidence that cannot be synced
 * does not stop the records: it is said, and left for the next sync. */
static void evidence_pull(struct replica *r, const char *remote, const struct sync_options *o,
			  struct evsync *ev, struct sync_result *res)
{
	struct fc_err why = { 0 };

	if (evsync_pull(r, remote, o->prog, ev, &res->rep, &why)) {
		sync_log_note(&res->rep, _("evidence files not synced with %s: %s"), remote, why.msg);
		ev->refused = 1;
	}
}

/* Our files the remote's evidence ref lacks, pushed before main, so the
 * files a record names are there when the record is.  A dropped
 * connection counts as a network error, a ref moved as a refused push;
 * anything else fails the sync as a refused main would. */
static int evidence_push(struct replica *r, const char *remote, const struct sync_options *o,
			 struct evsync *ev, int *rejected, size_t *net_errors, struct fc_err *err)
{
	if (evsync_push(r, remote, o->prog, ev, rejected, err) == 0)
		return 0;
	if (err->kind != FC_EIO || ++*net_errors >= SYNC_MAX_NET_ERRORS)
		return -1;
	*rejected = 1;
	return 0;
}

/* The central took our claim: main moves to it and the store learns it. */
static int claims_taken(struct replica *r, const git_oid *claim, const git_oid *head,
			const struct strbuf *said, struct sync_result *res, struct fc_err *err)
{
	if (replica_set_head(r, claim, head, "fieldcheck: numbers", err) ||
	    import_branch(r, 0, &res->rep, err))
		return -1;
	sync_log_note(&res->rep, _("document numbers claimed on the central: %s"), said->buf);
	return 0;
}

static int sync_attempts(struct replica *r, const char *remote, const struct sync_options *o,
			 int claims, struct sync_result *res, struct evsync *ev, unsigned *seed,
			 struct strbuf *said, struct fc_err *err)
{
	size_t attempt, net_errors = 0;
	int reached = 0, has_last;
	git_oid last;

	if (synced_get(r, remote, &last, &has_last, err))
		return -1;
	for (attempt = 0; attempt < SYNC_MAX_ATTEMPTS; attempt++) {
		git_oid theirs, head, push;
		int has_theirs, has_head, rejected = 0, main_idle, claimed = 0;

		if (transport_fetch(r, remote, o->prog, &theirs, &has_theirs, err)) {
			/* A dropped connection is worth another try; a refused key,
			 * a host key refused or not recorded, or a missing remote is
			 * not: those fail with FC_EFAIL (hostkey.c, transport.c), as
			 * the message is in the user's language and cannot be read. */
			if (err->kind != FC_EIO || ++net_errors >= SYNC_MAX_NET_ERRORS)
				return -1;
			backoff(attempt, seed);
			continue;
		}
		if (!reached++)
			res->reached++;
		/* A rewritten history stops here: nothing merged, nothing sent. */
		if (has_last && synced_check(r, remote, &last, &theirs, has_theirs, err))
			return -1;
		if (has_theirs && (merge_in(r, remote, &theirs, o->push, &res->rep, err) ||
				   synced_set(r, remote, &theirs, err)))
			return -1;
		/* a new device that took a central in format 1 moves it */
		if (o->push && format_migrate(r, &res->rep, err))
			return -1;
		if (has_theirs)
			git_oid_cpy(&last, &theirs), has_last = 1;
		if (import_branch(r, 0, &res->rep, err) || replica_head(r, &head, &has_head, err))
			return -1;
		evidence_pull(r, remote, o, ev, res);
		if (!o->push)
			return 0;
		main_idle = !has_head || (has_theirs && git_oid_equal(&head, &theirs));
		/* the roster we just merged may have ended our key */
		if (trust_may_commit(r, err))
			return main_idle ? 0 : -1;
		/* blocks of document numbers claimed before the push (sync/claims.h):
		 * what is pushed is then the claim on top of head; main takes it
		 * only once the central did */
		git_oid_cpy(&push, &head);
		strbuf_reset(said);
		if (claims && has_head && claims_make(r, &head, &push, &claimed, said, err))
			return -1;
		main_idle &= !claimed;
		if (evidence_push(r, remote, o, ev, &rejected, &net_errors, err))
			return -1;
		if (rejected) {
			backoff(attempt, seed);
			continue;
		}
		if (main_idle)
			return 0;
		res->attempts++;
		if (transport_push(r, remote, &push, has_theirs ? &theirs : NULL, o->prog,
				   &rejected, err)) {
			if (err->kind != FC_EIO || ++net_errors >= SYNC_MAX_NET_ERRORS)
				return -1;
			rejected = 1;
		}
		if (!rejected) {
			res->pushed++;
			if (claimed && claims_taken(r, &push, &head, said, res, err))
				return -1;
			return synced_set(r, remote, &push, err);
		}
		backoff(attempt, seed);
	}
	return fc_failk(err, FC_EIO, _("%s kept refusing our push (%d attempts: other devices "
			"pushing); sync again"), remote, SYNC_MAX_ATTEMPTS);
}

static int sync_one(struct replica *r, const char *remote, const struct sync_options *o,
		    int claims, struct sync_result *res, struct evsync *ev, unsigned *seed,
		    struct fc_err *err)
{
	struct strbuf said;
	int rc;

	strbuf_init(&said);
	rc = sync_attempts(r, remote, o, claims, res, ev, seed, &said, err);
	strbuf_release(&said);
	return rc;
}

static int remote_names(struct replica *r, const char *only, git_strarray *names,
			struct fc_err *err)
{
	memset(names, 0, sizeof *names);
	if (only) {
		git_remote *rm;
		if (git_remote_lookup(&rm, r->repo, only) < 0)
			return fc_failk(err, FC_ENOTFOUND, _("no remote called '%s' (see 'fieldcheck "
					"remote list')"), only);
		git_remote_free(rm);
		names->strings = xmalloc(sizeof *names->strings);
		names->strings[0] = xstrdup(only);
		names->count = 1;
		return 0;
	}
	if (git_remote_list(names, r->repo) < 0)
		return git_fail(err, _("listing remotes"));
	if (names->count == 0)
		return fc_failk(err, FC_ENOTFOUND, _("this workspace has no remote; add the central "
				"repository with 'fieldcheck remote add origin URL'"));
	return 0;
}

/* Each remote in turn: fetch, merge, import, push.  reached (names->count
 * slots) gets the names of those reached. */
static int sync_remotes(struct replica *r, const git_strarray *names,
			const struct sync_options *opt, struct sync_result *res, unsigned *seed,
			char **reached, struct fc_err *err)
{
	size_t i, n = 0;
	int rc = 0;

	for (i = 0; i < names->count; i++) {
		struct fc_err one = { 0 };
		struct evsync ev;
		size_t before = res->reached;
		int failed;
		memset(&ev, 0, sizeof ev);
		/* numbers are claimed on the first central only: one numbering */
		failed = sync_one(r, names->strings[i], opt, i == 0, res, &ev, seed, &one);
		if (res->reached > before)
			reached[n++] = names->strings[i];
		res->files_sent += ev.sent;
		res->files_restored += ev.restored;
		if (failed) {
			if (!res->offline)
				res->offline = xstrdup(one.msg);
			if (rc == 0)
				*err = one;
			rc = -1;
		}
		res->waiting += opt->push ? count_waiting(r, names->strings[i]) : 0;
	}
	return rc;
}

/* A supervisor's own writing (listed supervision, comments, events) is
 * sent like anyone's: the roster lets a supervisor write it, and it means
 * nothing while it stays on one laptop.  But a supervisor who pulls several
 * central repositories (one per department) holds them merged on one
 * branch: a push would copy each department's records into the others.
 * Such a workspace pulls only, and says why.  1: pull only. */
static int supervisor_pulls_only(struct replica *r, struct sync_log *rep)
{
	git_strarray all;
	size_t n;

	if (git_remote_list(&all, r->repo) < 0)
		return 1;
	n = all.count;
	git_strarray_dispose(&all);
	if (n <= 1)
		return 0;
	sync_log_note(rep, _("nothing was sent: this supervisor's workspace pulls %zu central "
		      "repositories into one, and sending would copy each one's records "
		      "into the others; make the change in a workspace that has that "
		      "central alone ('fieldcheck init --supervisor --from URL')"), n);
	return 1;
}

/* A supervisor reviews everyone's evidence: after the records, every file
 * they name and this workspace lacks is fetched, judged as `evidence
 * fetch` judges it (sync/evfetch.h), from the remotes synced.  Files that
 * cannot be fetched do not stop the records: it is said, and the next
 * pull tries again. */
static void supervisor_files(struct replica *r, char *const *reached,
			     const struct sync_options *o, struct sync_result *res)
{
	struct evfetch_result fr;
	struct fc_err why = { 0 };

	if (evfetch_in(r, reached, res->reached, o->prog, &fr, &res->rep, &why))
		sync_log_note(&res->rep, _("others' evidence files not fetched: %s"), why.msg);
	res->files_fetched = fr.kept;
	res->files_refused = fr.refused;
	res->files_missing = fr.missing;
	evfetch_result_release(&fr);
}

static void stamp(struct fc_workspace *ws)
{
	char now[FC_TIMESTAMP_LEN + 1];
	struct fc_err ignore;
	if (clock_now(now, &ignore) == 0)
		store_meta_set(ws->store, "sync.last", now, &ignore);
}

int sync_run(struct fc_workspace *ws, const struct sync_options *o, struct sync_result *res,
	     struct fc_err *err)
{
	struct sync_options opt = *o;
	struct export_result ex = { 0 };
	struct fc_err unsigned_why = { 0 }, ignore;
	struct replica *r;
	git_strarray names;
	char **reached;
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)(size_t)res;
	int rc = 0, may_commit, send = o->push;

	memset(res, 0, sizeof *res);
	if (replica_open(ws, REPLICA_CREATE, &r, err))
		return -1;
	if (remote_names(r, o->remote, &names, err)) {
		replica_close(r);
		return -1;
	}
	if (opt.push && ws->supervisor && supervisor_pulls_only(r, &res->rep))
		opt.push = send = 0;
	/* Where the branch has a roster, a commit this workspace cannot sign
	 * acceptably is not made: the records wait, and the pull goes on (it
	 * may bring the roster that lists our key; then a second round sends). */
	may_commit = trust_may_commit(r, &unsigned_why) == 0;
	/* A replica in format 1 moves to format 2 before it commits anything
	 * more, when it is to send (docs/ARCHITECTURE.md, "Format 2"). */
	if (may_commit && opt.push && format_migrate(r, &res->rep, err)) {
		git_strarray_dispose(&names);
		replica_close(r);
		return -1;
	}
	if (may_commit && export_outbox(r, &ex, err)) {
		/* Nothing was committed (a full disk...): every record still waits. */
		outbox_count(ws->store, &res->records_waiting, &ignore);
		git_strarray_dispose(&names);
		replica_close(r);
		return -1;
	}
	res->remotes = names.count;
	if (!may_commit)
		opt.push = 0;
	reached = xcalloc(names.count ? names.count : 1, sizeof *reached);
	rc = sync_remotes(r, &names, &opt, res, &seed, reached, err);
	if (rc == 0 && !may_commit && o->push && !ws->supervisor) {
		if (trust_may_commit(r, &unsigned_why) == 0 && export_outbox(r, &ex, err) == 0) {
			opt.push = 1;
			res->waiting = res->reached = res->pushed = 0;
			rc = sync_remotes(r, &names, &opt, res, &seed, reached, err);
		} else {
			*err = unsigned_why;
			rc = -1;
		}
	}
	if (ws->supervisor && !o->records_only && res->reached)
		supervisor_files(r, reached, &opt, res);
	free(reached);
	res->committed = ex.committed;
	res->exported = ex.enterprises + ex.inspections + ex.hazards + ex.removed;
	outbox_count(ws->store, &res->records_waiting, &ignore);
	if (r->notice)
		sync_log_note(&res->rep, "%s", r->notice);
	if (rc == 0)
		stamp(ws);
	git_strarray_dispose(&names);
	replica_close(r);
	return rc;
}

/* Said now, with the file's name, rather than as libssh2's "Unable to
 * open private key file" at the first sync (sync.h). */
char *sync_key_path(const char *sshkey, struct fc_err *err)
{
	char *abs = realpath(sshkey, NULL);
	int fd;

	if (!abs || (fd = open(abs, O_RDONLY)) < 0) {
		fc_failk(err, FC_EUSAGE, _("cannot read the SSH key %s: %s"), sshkey,
			 strerror(errno));
		free(abs);
		return NULL;
	}
	close(fd);
	return abs;
}

int sync_remote_add(struct fc_workspace *ws, const char *name, const char *url,
		    const char *sshkey, struct fc_err *err)
{
	struct replica *r;
	git_remote *rm = NULL;
	git_config *cfg = NULL;
	char key[256], *keyfile = NULL;
	int rc = -1;

	int valid = 0;
	struct remote_url u;

	/* Read and refused before anything is made or stored. */
	if (url_parse(url, &u, err) || url_refuse_password(url, err))
		return -1;
	if (sshkey && !(keyfile = sync_key_path(sshkey, err)))
		return -1;
	if (replica_open(ws, REPLICA_CREATE, &r, err)) {
		free(keyfile);
		return -1;
	}
	if (git_remote_name_is_valid(&valid, name) < 0 || !valid) {
		fc_failk(err, FC_EUSAGE, _("'%s' is not a valid remote name"), name);
		goto out;
	}
	if (git_remote_create(&rm, r->repo, name, url) < 0) {
		git_fail(err, _("adding the remote"));
		goto out;
	}
	snprintf(key, sizeof key, "remote.%s.sshkey", name);
	if (keyfile && (git_repository_config(&cfg, r->repo) < 0 ||
			git_config_set_string(cfg, key, keyfile) < 0)) {
		git_fail(err, _("saving the key's path"));
		goto out;
	}
	rc = 0;
out:
	free(keyfile);
	git_config_free(cfg);
	git_remote_free(rm);
	replica_close(r);
	return rc;
}

int sync_remote_list(struct fc_workspace *ws, struct sync_remote **out, size_t *n,
		     struct fc_err *err)
{
	struct replica *r;
	git_strarray names;
	size_t i;

	*out = NULL;
	*n = 0;
	if (replica_open(ws, REPLICA_NOLOCK, &r, err))
		return err->kind == FC_ENOTFOUND ? 0 : -1;
	if (git_remote_list(&names, r->repo) < 0) {
		replica_close(r);
		return git_fail(err, _("listing remotes"));
	}
	*out = xcalloc(names.count ? names.count : 1, sizeof **out);
	for (i = 0; i < names.count; i++) {
		char *url = NULL;
		(*out)[i].name = xstrdup(names.strings[i]);
		transport_url(r, names.strings[i], &url, err);
		(*out)[i].url = url_public(url ? url : ""); /* a config edited by hand */
		free(url);
	}
	*n = names.count;
	git_strarray_dispose(&names);
	replica_close(r);
	return 0;
}

void sync_remote_list_free(struct sync_remote *l, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(l[i].name);
		free(l[i].url);
	}
	free(l);
}

int sync_status(struct fc_workspace *ws, struct sync_status *st, struct fc_err *err)
{
	struct replica *r;
	git_strarray names;
	char *last = NULL;
	size_t i;

	memset(st, 0, sizeof *st);
	if (store_meta_get(ws->store, "sync.last", &last, err) ||
	    outbox_count(ws->store, &st->records_waiting, err))
		return -1;
	snprintf(st->last, sizeof st->last, "%s", last ? last : "");
	free(last);
	if (replica_open(ws, REPLICA_NOLOCK, &r, err))
		return err->kind == FC_ENOTFOUND ? 0 : -1;
	st->has_replica = 1;
	if (git_remote_list(&names, r->repo) == 0) {
		for (i = 0; i < names.count; i++) {
			size_t n = count_waiting(r, names.strings[i]);
			if (n > st->commits_waiting)
				st->commits_waiting = n;
		}
		git_strarray_dispose(&names);
	}
	replica_close(r);
	return 0;
}

struct verifying {
	struct replica *r;
	struct sync_log *rep;
	size_t records;
	int format;
};

static int verify_file(const struct treediff_file *f, void *ctx)
{
	struct verifying *v = ctx;
	struct fc_err why = { 0 };
	struct fc_record rec;

	if (!strncmp(f->path, "forms/", 6) || !strcmp(f->path, ROSTER_PATH) ||
	    !strcmp(f->path, LAYOUT_FORMAT_PATH))
		return 0;
	if (!strncmp(f->path, LAYOUT_NUMBERS "/", strlen(LAYOUT_NUMBERS) + 1)) {
		struct docnum_claim c;
		if (claim_read(v->r->repo, f->path, f->new_id, &c, &why))
			sync_log_note(v->rep, "%s", why.msg);
		return 0;
	}
	if (read_record(v->r, f->new_id, f->path, v->format, &rec, &why))
		sync_log_note(v->rep, "%s", why.msg);
	else
		record_clear(&rec), v->records++;
	return 0;
}

/* Every folder of the head tree is one git's fsck accepts, and every record
 * decodes and sits where it belongs. */
static void verify_tree(struct replica *r, git_tree *tree, struct sync_log *rep,
			size_t *records)
{
	struct verifying v = { r, rep, 0, LAYOUT_FORMAT };
	struct fc_err why = { 0 };

	if (treecheck(r->repo, git_tree_id(tree), NULL, &why))
		sync_log_note(rep, "%s", why.msg);
	if (format_of_tree(r->repo, tree, _("the replica"), &v.format, &why))
		sync_log_note(rep, "%s", why.msg);
	if (treediff_each(r->repo, NULL, tree, NULL, verify_file, &v, &why))
		sync_log_note(rep, "%s", why.msg);
	*records = v.records;
}

static void verify_history(struct replica *r, const git_oid *head, struct sync_log *rep)
{
	git_revwalk *w = NULL;
	git_oid id;

	if (git_revwalk_new(&w, r->repo) < 0 || git_revwalk_push(w, head) < 0) {
		sync_log_note(rep, _("the replica's history cannot be walked"));
	} else {
		int rc;
		while ((rc = git_revwalk_next(&id, w)) == 0) {
			git_commit *c;
			if (git_commit_lookup(&c, r->repo, &id) < 0)
				sync_log_note(rep, _("commit %s is missing"), git_oid_tostr_s(&id));
			else
				git_commit_free(c);
		}
		if (rc != GIT_ITEROVER)
			sync_log_note(rep, _("the replica's history is broken: %s"),
					 git_error_last() ? git_error_last()->message : "?");
	}
	git_revwalk_free(w);
}

int sync_verify(struct fc_workspace *ws, struct sync_log *rep, struct fc_err *err)
{
	struct fc_err why = { 0 };
	struct replica *r;
	git_tree *tree = NULL;
	git_oid head;
	size_t records = 0, before = rep->n_notes;
	int has;

	if (store_integrity(ws->store, &why))
		sync_log_note(rep, "%s", why.msg);
	if (replica_open(ws, REPLICA_READONLY, &r, &why) == 0) {
		if (replica_head(r, &head, &has, &why) == 0 && has) {
			verify_history(r, &head, rep);
			if (replica_commit_tree(r, &head, &tree, &why) == 0) {
				verify_tree(r, tree, rep, &records);
				git_tree_free(tree);
			} else {
				sync_log_note(rep, "%s", why.msg);
			}
		}
		replica_close(r);
	} else if (why.kind != FC_ENOTFOUND) {
		sync_log_note(rep, "%s", why.msg);
	}
	rep->imported_inspections = records; /* records checked, for the summary */
	if (rep->n_notes > before)
		return fc_fail(err, _("%zu problem%s found ('fieldcheck repair' rebuilds what is "
			       "damaged)"), rep->n_notes - before, rep->n_notes - before == 1 ? "" : "s");
	return 0;
}

int sync_reindex(struct fc_workspace *ws, struct sync_log *rep, struct fc_err *err)
{
	struct replica *r;
	int rc;

	if (replica_open(ws, 0, &r, err))
		return -1;
	rc = import_branch(r, 1, rep, err);
	replica_close(r);
	return rc;
}
