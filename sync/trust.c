/* trust.c - the walk that judges fetched commits (see trust.h). */
#include "trust.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/sshsig.h"
#include "core/strbuf.h"
#include "blobread.h"
#include "format.h"
#include "gitutil.h"
#include "claims.h"
#include "layout.h"
#include "treediff.h"
#include "trust_rules.h"

#define MAX_PARENTS 16
#define MAX_COMMIT_BYTES (1024 * 1024)
#define ROSTER_CACHE 16

/* Rosters parsed once per blob; a few distinct ones in any real walk. */
struct cached_roster {
	git_oid id;
	struct roster r;
	int ok;
	char why[300];
};

struct walk {
	git_repository *repo;
	const struct trust_options *o;
	struct trust_result *t;
	struct cached_roster cache[ROSTER_CACHE];
	size_t n_cache, next_evict;
	struct fc_err *err;
};

/* A path the commit wrote, with the blobs its parents held there. */
struct written {
	char *path;
	git_oid now;                     /* zero: deleted */
	git_filemode_t mode;
	git_oid before[MAX_PARENTS];
};

struct writes {
	struct written *w;
	size_t n, alloc;
	git_tree *tree;                  /* the commit's, not owned */
	int format, parent_format;       /* the tree's, and the highest of its parents' */
	int format_bad;                  /* the tree's marker is refused: why */
	struct fc_err format_why;
};

void trust_result_init(struct trust_result *t)
{
	memset(t, 0, sizeof *t);
	oidmap_init(&t->roster_at);
}

void trust_result_release(struct trust_result *t)
{
	size_t i;

	for (i = 0; i < t->n_writes; i++)
		free(t->writes[i].path);
	free(t->writes);
	oidmap_release(&t->roster_at);
	trust_result_init(t);
}

static const git_oid zero_oid;

void trust_roster_blob(git_tree *tree, git_oid *out)
{
	git_tree_entry *e = NULL;

	*out = zero_oid;
	if (tree && git_tree_entry_bypath(&e, tree, ROSTER_PATH) == 0) {
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
			*out = *git_tree_entry_id(e);
		git_tree_entry_free(e);
	}
}

void trust_roster_at(git_repository *repo, const git_oid *commit, git_oid *out)
{
	git_commit *c = NULL;
	git_tree *t = NULL;

	*out = zero_oid;
	if (git_oid_is_zero(commit))
		return;
	if (git_commit_lookup(&c, repo, commit) == 0 && git_commit_tree(&t, c) == 0)
		trust_roster_blob(t, out);
	git_tree_free(t);
	git_commit_free(c);
}

int trust_roster_read(git_repository *repo, const git_oid *id, struct roster *out, int *exists,
		      struct fc_err *err)
{
	git_blob *b = NULL;
	int rc;

	roster_init(out);
	*exists = 0;
	if (git_oid_is_zero(id))
		return 0;
	if (git_blob_lookup(&b, repo, id) < 0)
		rc = git_fail(err, _("reading the roster"));
	else
		rc = roster_parse(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), ROSTER_PATH,
				  out, err);
	*exists = rc == 0;
	git_blob_free(b);
	return rc;
}

static const struct cached_roster *roster_get(struct walk *w, const git_oid *id)
{
	struct cached_roster *c;
	struct fc_err why = { 0 };
	git_blob *b = NULL;
	size_t i;

	for (i = 0; i < w->n_cache; i++)
		if (git_oid_equal(&w->cache[i].id, id))
			return &w->cache[i];
	if (w->n_cache < ROSTER_CACHE) {
		c = &w->cache[w->n_cache++];
	} else {
		c = &w->cache[w->next_evict++ % ROSTER_CACHE];
		roster_release(&c->r);
	}
	memset(c, 0, sizeof *c);
	c->id = *id;
	if (blob_read(w->repo, id, ROSTER_PATH, ROSTER_MAX_BYTES, "a roster", &b, &why) == 0)
		c->ok = roster_parse(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b),
				     ROSTER_PATH, &c->r, &why) == 0;
	if (!c->ok)
		snprintf(c->why, sizeof c->why, "%.290s", why.msg);
	git_blob_free(b);
	return c;
}

int trust_commit_signer(git_repository *repo, const git_oid *id, struct sshkey *out,
			struct fc_err *why)
{
	git_buf sig = { 0 }, data = { 0 };
	int rc = git_commit_extract_signature(&sig, &data, repo, (git_oid *)id, NULL);

	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		return 0;
	}
	if (rc < 0)
		rc = git_fail(why, _("reading the commit's signature"));
	else
		rc = sshsig_verify(sig.ptr, sig.size, SSHSIG_NAMESPACE_GIT, data.ptr, data.size,
				   out, why) ? -1 : 1;
	git_buf_dispose(&sig);
	git_buf_dispose(&data);
	return rc;
}

struct diffing {
	struct writes *ws;
	git_tree **parents;
	size_t np;
	int overflow;
	int moves;                       /* the tree is in format 2: a hazard at
					  * its month path may come from its hex
					  * path in a parent */
};

/* The blob at path in tree, or zero. */
static void entry_at(git_tree *tree, const char *path, git_oid *out)
{
	git_tree_entry *e = NULL;

	*out = zero_oid;
	if (git_tree_entry_bypath(&e, tree, path) == 0) {
		*out = *git_tree_entry_id(e);
		git_tree_entry_free(e);
	}
}

/* One path that differs from the first parent: written by this commit
 * unless another parent holds the same blob there already. */
static int collect(const struct treediff_file *f, void *ctx)
{
	struct diffing *d = ctx;
	struct written one;
	char hexpath[128];
	size_t i;
	int hex;

	memset(&one, 0, sizeof one);
	if (f->new_id)
		one.now = *f->new_id;
	one.mode = f->new_mode;
	hex = d->moves && layout_format1_path(f->path, hexpath, sizeof hexpath);
	for (i = 0; i < d->np; i++) {
		if (i == 0 && f->old_id)
			one.before[0] = *f->old_id;
		else if (i > 0)
			entry_at(d->parents[i], f->path, &one.before[i]);
		/* a hazard at its month path, which the parent held at its hex
		 * path (format 1): the same record, moved */
		if (hex && git_oid_is_zero(&one.before[i]))
			entry_at(d->parents[i], hexpath, &one.before[i]);
		if (git_oid_equal(&one.before[i], &one.now))
			return 0; /* inherited from that parent */
	}
	if (d->ws->n >= TRUST_MAX_WRITES) {
		d->overflow = 1;
		return GIT_EUSER;
	}
	ALLOC_GROW(d->ws->w, d->ws->n + 1, d->ws->alloc);
	one.path = xstrdup(f->path);
	d->ws->w[d->ws->n++] = one;
	return 0;
}

static void writes_release(struct writes *ws)
{
	size_t i;

	for (i = 0; i < ws->n; i++)
		free(ws->w[i].path);
	free(ws->w);
	memset(ws, 0, sizeof *ws);
}

/* What commit c wrote, against its parents. */
static int changes(struct walk *w, git_commit *c, git_tree *tree, git_tree **parents, size_t np,
		   struct writes *ws)
{
	struct diffing d = { ws, parents, np, 0, 0 };
	struct fc_err ignore;
	size_t i;
	int rc;

	(void)c;
	ws->tree = tree;
	ws->format_bad = format_of_tree(w->repo, tree, _("the commit"), &ws->format,
					&ws->format_why) != 0;
	/* the highest of its parents': a merge in format 1 of a parent in
	 * format 2 goes back as surely as a commit removing FORMAT */
	ws->parent_format = np ? LAYOUT_FORMAT_OLD : ws->format;
	for (i = 0; i < np; i++) {
		int pf;
		if (format_of_tree(w->repo, parents[i], _("its parent"), &pf, &ignore))
			pf = LAYOUT_FORMAT; /* judged when it came */
		if (pf > ws->parent_format)
			ws->parent_format = pf;
	}
	d.moves = !ws->format_bad && ws->format == LAYOUT_FORMAT;
	rc = treediff_each(w->repo, np ? parents[0] : NULL, tree, NULL, collect, &d, w->err);
	if (d.overflow)
		return fc_fail(w->err, _("a commit writes more than %d paths; nothing of it is taken"),
			       TRUST_MAX_WRITES);
	return rc ? -1 : 0;
}

/* What the guard refuses whoever writes it: a path outside the layout, a
 * file that is not a plain one, a record that does not decode where it
 * lies, a record deleted (only a withdrawn hazard goes). */
static int content_refused(struct walk *w, const struct writes *ws, const struct written *x,
			   struct fc_err *why)
{
	struct layout_path lp;
	struct fc_record rec;
	struct fc_err ignore;

	if (layout_parse(x->path, &lp, why))
		return -1;
	if (git_oid_is_zero(&x->now)) {
		if (lp.kind == LAY_RECORD && lp.rec == REC_HAZARD)
			return 0;
		return fc_fail(why, _("%.200s is deleted; records are never deleted"), x->path);
	}
	if (x->mode != GIT_FILEMODE_BLOB && lp.kind != LAY_FORMAT)
		return fc_fail(why, _("%.200s is not a plain file"), x->path);
	if (lp.kind == LAY_RECORD) {
		if (trust_read_record(w->repo, x->path, &x->now, &rec) != 1)
			return fc_fail(why, _("%.200s is not a valid record"), x->path);
		if (layout_matches(&lp, &rec, x->path, ws->format, &ignore)) {
			record_clear(&rec);
			return fc_fail(why, _("%.200s holds another record than its name says, or "
				       "is not where its tree's format keeps it"), x->path);
		}
		record_clear(&rec);
	}
	return 0;
}

/* A hazard's removal from its hex path in a commit that moves the tree to
 * format 2: its bytes are at its month path in the commit's tree. */
static int moved_unchanged(struct walk *w, const struct writes *ws, const struct written *x)
{
	struct fc_record rec;
	git_oid there;
	char month[128];

	if (!git_oid_is_zero(&x->now) ||
	    trust_read_record(w->repo, x->path, &x->before[0], &rec) != 1)
		return 0;
	layout_record_path(&rec, LAYOUT_FORMAT, month, sizeof month);
	record_clear(&rec);
	entry_at(ws->tree, month, &there);
	return git_oid_equal(&there, &x->before[0]);
}

/* The format marker: its content was judged with the tree's; nobody
 * removes it, and the commit that adds it is a pure migration (FORMAT
 * added, hazards moved unchanged, nothing else), by anyone on the roster.
 * See docs/ARCHITECTURE.md, "Format 2". */
static int judge_format(struct walk *w, const struct writes *ws, struct fc_err *why)
{
	size_t i;

	if (ws->format_bad)
		return fc_fail(why, "%s", ws->format_why.msg);
	if (ws->format < ws->parent_format)
		return fc_fail(why, _("the commit removes the format marker"));
	if (ws->format == ws->parent_format)
		return 0;
	for (i = 0; i < ws->n; i++)
		if (strcmp(ws->w[i].path, LAYOUT_FORMAT_PATH) && !moved_unchanged(w, ws, &ws->w[i]))
			return fc_fail(why, _("the move to format 2 carries another change "
				       "(%.200s); it moves hazards and adds %s, nothing else"),
				       ws->w[i].path, LAYOUT_FORMAT_PATH);
	return 0;
}

static int is_claim(const char *path)
{
	struct layout_path lp;

	return layout_parse(path, &lp, NULL) == 0 && lp.kind == LAY_CLAIM;
}

/* Judges what the commit wrote, other than the roster; -1 with why.  With
 * no signer (before the roster) only the content is judged. */
static int judge_writes(struct walk *w, const struct writes *ws, size_t np,
			const struct roster_entry *e, struct fc_err *why)
{
	size_t i, j;

	if (judge_format(w, ws, why))
		return -1;
	for (i = 0; i < ws->n; i++) {
		const struct written *x = &ws->w[i];
		const git_oid *before[MAX_PARENTS];
		if (!strcmp(x->path, ROSTER_PATH))
			continue;
		if (ws->format == LAYOUT_FORMAT && moved_unchanged(w, ws, x))
			continue; /* moved by the migration, judged above */
		for (j = 0; j < np; j++)
			before[j] = &x->before[j];
		if (is_claim(x->path)) { /* sync/claims.h: content, owner, overlap */
			if (!git_oid_is_zero(&x->now) && x->mode != GIT_FILEMODE_BLOB)
				return fc_fail(why, _("%.200s is not a plain file"), x->path);
			if (claim_judge(w->repo, ws->tree, x->path, &x->now, before, np, e, why))
				return -1;
			continue;
		}
		if (w->o->strict_content && content_refused(w, ws, x, why))
			return -1;
		if (e && trust_rules_check(w->repo, x->path,
					   git_oid_is_zero(&x->now) ? NULL : &x->now, before, np, e,
					   why))
			return -1;
	}
	return 0;
}

/* Remembers a refusal and what the commit wrote, so the merge keeps ours. */
static int refuse(struct walk *w, const git_oid *id, const struct writes *ws, const char *why)
{
	struct trust_result *t = w->t;
	size_t slot = t->n_refused < TRUST_MAX_REASONS ? t->n_refused : TRUST_MAX_REASONS, i;

	if (slot < TRUST_MAX_REASONS) {
		t->refusals[slot].commit = *id;
		snprintf(t->refusals[slot].why, sizeof t->refusals[slot].why, "%.390s", why);
	}
	t->n_refused++;
	for (i = 0; i < ws->n; i++) {
		if (t->n_writes >= TRUST_MAX_WRITES)
			return fc_fail(w->err, _("refused commits write more than %d paths; nothing "
				       "is taken"), TRUST_MAX_WRITES);
		ALLOC_GROW(t->writes, t->n_writes + 1, t->alloc_writes);
		t->writes[t->n_writes].path = xstrdup(ws->w[i].path);
		t->writes[t->n_writes].blob = ws->w[i].now;
		t->writes[t->n_writes].prev = ws->w[i].before[0];
		t->writes[t->n_writes].refusal = slot;
		t->n_writes++;
	}
	return 0;
}

static int key_pinned(const struct trust_options *o, const struct sshkey *k)
{
	size_t i;

	for (i = 0; i < o->n_founders; i++)
		if (sshkey_equal(&o->founders[i], k))
			return 1;
	return 0;
}

/* The officer behind a commit: its signature verified, its key on one of
 * the rosters at the commit's time, its author's badge the key's. */
static const struct roster_entry *signer_of(struct walk *w, git_commit *c,
					    const git_oid *const *rosters, size_t n,
					    struct sshkey *key, struct roster_entry *out,
					    struct fc_err *why)
{
	const git_signature *author = git_commit_author(c);
	long long when = (long long)git_commit_committer(c)->when.time;
	const struct roster_entry *e = NULL;
	size_t i;
	int rc = trust_commit_signer(w->repo, git_commit_id(c), key, why);

	if (rc == 0)
		fc_fail(why, _("the commit is not signed, and this repository has a roster"));
	if (rc != 1)
		return NULL;
	for (i = 0; i < n && !e; i++) {
		const struct cached_roster *r = roster_get(w, rosters[i]);
		e = r->ok ? roster_signer(&r->r, key, when, why) : NULL;
	}
	if (e && strcmp(author->email, e->who.badge)) {
		fc_fail(why, _("the commit is signed by %s but claims %.40s as its author"),
			e->who.badge, author->email);
		return NULL;
	}
	if (!e)
		return NULL;
	*out = *e; /* the cache may drop the roster it points into */
	return out;
}

/* The commit that adds the roster to a history that had none. */
static int found(struct walk *w, git_commit *c, const git_oid *own, const struct writes *ws,
		 size_t np)
{
	const struct cached_roster *r = roster_get(w, own);
	const git_oid *rosters[1] = { own };
	const struct roster_entry *e;
	struct roster_entry me;
	struct fc_err why = { 0 };
	char fp[SSHKEY_FP_LEN];
	struct sshkey k;

	if (!r->ok)
		return refuse(w, git_commit_id(c), ws, r->why);
	if (!(e = signer_of(w, c, rosters, 1, &k, &me, &why)))
		return refuse(w, git_commit_id(c), ws, why.msg);
	sshkey_fingerprint(&k, fp);
	if (e->role != ROLE_SUPERVISOR)
		fc_fail(&why, _("the roster is founded by %s, who is not a supervisor on it"),
			e->who.badge);
	else if ((w->o->n_founders && !key_pinned(w->o, &k)) ||
		 (w->o->founder_fp && strcmp(w->o->founder_fp, fp)))
		fc_fail(&why, _("the roster is founded by key %s, not by the one this device "
			"trusts for this central"), fp);
	else if (w->t->founded && !sshkey_equal(&w->t->founder, &k))
		fc_fail(&why, _("a second roster founded by another key (%s)"), fp);
	else if (judge_writes(w, ws, np, e, &why) == 0)
		goto accept;
	return refuse(w, git_commit_id(c), ws, why.msg);
accept:
	w->t->founded = 1;
	w->t->founder = k;
	oidmap_put(&w->t->roster_at, git_commit_id(c), own);
	return 0;
}

/* A commit of the signed era: in[0..np) are the rosters in force in its
 * parents (zero where a parent had none), tree_r the rosters in their
 * trees. */
static int signed_commit(struct walk *w, git_commit *c, const git_oid *own, const git_oid *in,
			 const git_oid *tree_r, size_t np, const struct writes *ws)
{
	const git_oid *rosters[MAX_PARENTS], *next = NULL;
	const struct roster_entry *e;
	struct roster_entry me;
	struct fc_err why = { 0 };
	struct sshkey k;
	size_t i, n = 0;
	int writes_roster = 1;

	for (i = 0; i < np; i++) {
		if (!git_oid_is_zero(&in[i]))
			rosters[n++] = &in[i];
		if (git_oid_equal(own, &in[i]))
			next = &in[i];            /* one a parent trusts: in force */
		if (git_oid_equal(own, &tree_r[i]))
			writes_roster = 0;        /* inherited, not written */
	}
	if (!next)
		next = rosters[0];                /* a refused roster stays refused */
	if (!(e = signer_of(w, c, rosters, n, &k, &me, &why)))
		return refuse(w, git_commit_id(c), ws, why.msg);
	if (writes_roster) {
		if (git_oid_is_zero(own))
			fc_fail(&why, _("the commit removes the roster"));
		else if (e->role != ROLE_SUPERVISOR)
			fc_fail(&why, _("only a supervisor changes the roster, and %s is an inspector"),
				e->who.badge);
		else if (!roster_get(w, own)->ok)
			fc_fail(&why, "%s", roster_get(w, own)->why);
		else
			next = own;
		if (next != own)
			return refuse(w, git_commit_id(c), ws, why.msg);
	}
	if (judge_writes(w, ws, np, e, &why))
		return refuse(w, git_commit_id(c), ws, why.msg);
	oidmap_put(&w->t->roster_at, git_commit_id(c), next);
	return 0;
}

/* Refused writes sorted by path and blob, for the merge's look-ups. */
static int write_cmp(const void *a, const void *b)
{
	const struct trust_write *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : git_oid_cmp(&x->blob, &y->blob);
}

static int unsigned_content(struct walk *w, git_commit *c, git_tree *tree, git_tree **pt,
			    size_t np)
{
	struct fc_err why = { 0 };
	struct writes ws = { 0 };
	int rc = changes(w, c, tree, pt, np, &ws);

	if (rc == 0 && judge_writes(w, &ws, np, NULL, &why))
		rc = refuse(w, git_commit_id(c), &ws, why.msg);
	writes_release(&ws);
	return rc;
}

/* The roster in force in a parent: as judged in this walk, else (judged
 * before) the one known to be in force. */
static void roster_of_parent(struct walk *w, const git_oid *id, git_oid *out)
{
	const git_oid *judged = oidmap_get(&w->t->roster_at, id);

	*out = judged ? *judged : w->o->known_roster;
}

static int judge(struct walk *w, git_commit *c)
{
	git_tree *tree = NULL, *pt[MAX_PARENTS] = { NULL };
	git_oid own, in[MAX_PARENTS], tree_r[MAX_PARENTS];
	size_t np = git_commit_parentcount(c), i;
	struct writes ws = { 0 };
	const git_oid *first_in = NULL;
	int rc = -1;

	if (np > MAX_PARENTS)
		return refuse(w, git_commit_id(c), &ws, "a commit with more than 16 parents");
	if (git_commit_tree(&tree, c) < 0)
		return git_fail(w->err, _("reading a fetched commit's tree"));
	for (i = 0; i < np; i++) {
		git_commit *p = NULL;
		if (git_commit_parent(&p, c, (unsigned)i) < 0 || git_commit_tree(&pt[i], p) < 0) {
			git_commit_free(p);
			git_fail(w->err, _("reading a fetched commit's parent"));
			goto out;
		}
		trust_roster_blob(pt[i], &tree_r[i]);
		roster_of_parent(w, git_commit_id(p), &in[i]);
		if (!first_in && !git_oid_is_zero(&in[i]))
			first_in = &in[i];
		git_commit_free(p);
	}
	trust_roster_blob(tree, &own);
	if (!first_in && git_oid_is_zero(&own)) {
		w->t->unsigned_era++;             /* before the roster: as it comes */
		oidmap_put(&w->t->roster_at, git_commit_id(c), &zero_oid);
		rc = 0;
		if (w->o->strict_content)          /* but the guard checks its content */
			rc = unsigned_content(w, c, tree, pt, np);
		goto out;
	}
	w->t->checked++;
	if (changes(w, c, tree, pt, np, &ws))
		goto out;
	rc = first_in ? signed_commit(w, c, &own, in, tree_r, np, &ws) : found(w, c, &own, &ws, np);
out:
	writes_release(&ws);
	for (i = 0; i < np; i++)
		git_tree_free(pt[i]);
	git_tree_free(tree);
	return rc;
}

/* A commit object larger than any we make is refused before it is read. */
static int commit_size_ok(git_repository *repo, const git_oid *id)
{
	git_odb *odb = NULL;
	git_object_t type;
	size_t size = 0;
	int ok = git_repository_odb(&odb, repo) == 0 &&
		 git_odb_read_header(&size, &type, odb, id) == 0 && type == GIT_OBJECT_COMMIT &&
		 size <= MAX_COMMIT_BYTES;

	git_odb_free(odb);
	return ok;
}

int trust_walk(git_repository *repo, const git_oid *tip, const git_oid *hide,
	       const struct trust_options *o, struct trust_result *out, struct fc_err *err)
{
	struct walk w;
	git_revwalk *rw = NULL;
	git_oid id;
	const git_oid *at;
	int rc = 0, next;
	size_t i;

	memset(&w, 0, sizeof w);
	w.repo = repo, w.o = o, w.t = out, w.err = err;
	if (git_revwalk_new(&rw, repo) < 0 || git_revwalk_push(rw, tip) < 0 ||
	    (hide && git_revwalk_hide(rw, hide) < 0) ||
	    git_revwalk_sorting(rw, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE) < 0) {
		git_revwalk_free(rw);
		return git_fail(err, _("walking the fetched history"));
	}
	while (rc == 0 && (next = git_revwalk_next(&id, rw)) == 0) {
		git_commit *c = NULL;
		struct writes none = { 0 };
		if (!commit_size_ok(repo, &id))
			rc = refuse(&w, &id, &none, "a commit larger than 1 MiB");
		else if (git_commit_lookup(&c, repo, &id) < 0)
			rc = git_fail(err, _("reading a fetched commit"));
		else
			rc = judge(&w, c);
		git_commit_free(c);
	}
	if (rc == 0 && next != GIT_ITEROVER)
		rc = git_fail(err, _("walking the fetched history"));
	at = oidmap_get(&out->roster_at, tip);
	out->tip_roster = at ? *at : o->known_roster; /* else nothing new */
	if (out->n_writes) /* qsort of NULL is undefined, even for none */
		qsort(out->writes, out->n_writes, sizeof *out->writes, write_cmp);
	for (i = 0; i < w.n_cache; i++)
		roster_release(&w.cache[i].r);
	git_revwalk_free(rw);
	return rc;
}

const struct trust_write *trust_refused_write(const struct trust_result *t, const char *path,
					      const git_oid *blob)
{
	struct trust_write key;

	key.path = (char *)path;
	key.blob = blob ? *blob : zero_oid;
	return t->n_writes ? bsearch(&key, t->writes, t->n_writes, sizeof *t->writes, write_cmp)
			   : NULL;
}

char *trust_write_reason(const struct trust_result *t, const struct trust_write *w)
{
	char id[16];

	if (w->refusal >= TRUST_MAX_REASONS)
		return xstrdup("written by a refused commit");
	return xstrfmt("written by commit %s, refused: %s",
		       oid_short(&t->refusals[w->refusal].commit, id, sizeof id),
		       t->refusals[w->refusal].why);
}

const git_oid *trust_fallback(const struct trust_result *t, const char *path, const git_oid *blob)
{
	const struct trust_write *w = trust_refused_write(t, path, blob);
	size_t steps = 0;

	/* refused commits on top of each other: back to the first they built on */
	while (w && steps++ < t->n_writes) {
		if (git_oid_is_zero(&w->prev))
			return NULL;
		blob = &w->prev;
		w = trust_refused_write(t, path, blob);
	}
	return w ? NULL : blob;
}
