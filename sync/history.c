/* history.c - the commits of the replica that changed one record's file
 * (see history.h).
 *
 * The walk starts at main and takes the newest commit first (a heap by
 * commit time).  For each commit it compares the file's blob id with its
 * parents' (a tree look-up by path each, no diff of whole trees): a commit
 * whose blob differs from every parent's changed the file.  Where some
 * parent has the same blob only the first such parent is followed (git's
 * default history simplification), and a commit without the file ends that
 * line of the walk, since records are never re-created.
 */
#include "history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blobread.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "gitutil.h"
#include "layout.h"
#include "replica.h"

/* A commit waiting in the heap, with its file's blob id (found when it was
 * met as a parent, so each is looked up once). */
struct pending {
	git_oid commit, blob;
	int has;
	git_time_t time;
};

struct walk {
	git_repository *repo;
	const char *path;
	char alt[128];              /* a hazard's format-1 path, or "" */
	struct pending *heap;
	size_t n, alloc;
	git_oid *seen;              /* open addressing; zero oid is empty */
	size_t seen_cap, n_seen;
	struct history *out;
};

static int oid_is_zero(const git_oid *id)
{
	static const git_oid zero;
	return git_oid_cmp(id, &zero) == 0;
}

static size_t seen_slot(const git_oid *const seen, size_t cap, const git_oid *id)
{
	size_t h, k;

	memcpy(&h, id->id, sizeof h);
	for (k = h % cap; !oid_is_zero(&seen[k]); k = (k + 1) % cap)
		if (git_oid_equal(&seen[k], id))
			break;
	return k;
}

/* Adds id to the seen set (grown to stay at most half full); 0 if it was
 * there already. */
static int mark_seen(struct walk *w, const git_oid *id)
{
	size_t k, i;

	if (2 * (w->n_seen + 1) > w->seen_cap) {
		size_t cap = w->seen_cap ? 2 * w->seen_cap : 1024;
		git_oid *v = xcalloc(cap, sizeof *v);
		for (i = 0; i < w->seen_cap; i++)
			if (!oid_is_zero(&w->seen[i]))
				git_oid_cpy(&v[seen_slot(v, cap, &w->seen[i])], &w->seen[i]);
		free(w->seen);
		w->seen = v;
		w->seen_cap = cap;
	}
	k = seen_slot(w->seen, w->seen_cap, id);
	if (!oid_is_zero(&w->seen[k]))
		return 0;
	git_oid_cpy(&w->seen[k], id);
	w->n_seen++;
	return 1;
}

static int newer(const struct pending *a, const struct pending *b)
{
	return a->time > b->time;
}

static void heap_push(struct walk *w, const struct pending *p)
{
	size_t i;

	ALLOC_GROW(w->heap, w->n + 1, w->alloc);
	for (i = w->n++; i > 0 && newer(p, &w->heap[(i - 1) / 2]); i = (i - 1) / 2)
		w->heap[i] = w->heap[(i - 1) / 2];
	w->heap[i] = *p;
}

static struct pending heap_pop(struct walk *w)
{
	struct pending top = w->heap[0], last = w->heap[--w->n];
	size_t i = 0, c;

	while ((c = 2 * i + 1) < w->n) {
		if (c + 1 < w->n && newer(&w->heap[c + 1], &w->heap[c]))
			c++;
		if (!newer(&w->heap[c], &last))
			break;
		w->heap[i] = w->heap[c];
		i = c;
	}
	if (w->n)
		w->heap[i] = last;
	return top;
}

/* The blob id of the file in commit c (has 0 when it is not there). */
static int blob_of(struct walk *w, const git_commit *c, git_oid *blob, int *has,
		   struct fc_err *err)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	int rc;

	*has = 0;
	if (git_commit_tree(&tree, c) < 0)
		return git_fail(err, _("reading a commit of the replica"));
	rc = git_tree_entry_bypath(&e, tree, w->path);
	if (rc == GIT_ENOTFOUND && w->alt[0]) /* before the move to format 2 */
		rc = git_tree_entry_bypath(&e, tree, w->alt);
	if (rc == 0 && git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
		git_oid_cpy(blob, git_tree_entry_id(e));
		*has = 1;
	}
	git_tree_entry_free(e);
	git_tree_free(tree);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		return git_fail(err, _("reading a tree of the replica"));
	return 0;
}

/* A commit met for the first time, with its blob, ready for the heap. */
static int pending_of(struct walk *w, const git_oid *id, struct pending *p, struct fc_err *err)
{
	git_commit *c;
	int rc;

	if (git_commit_lookup(&c, w->repo, id) < 0)
		return git_fail(err, _("reading a commit of the replica"));
	memset(p, 0, sizeof *p);
	git_oid_cpy(&p->commit, id);
	p->time = git_commit_time(c);
	rc = blob_of(w, c, &p->blob, &p->has, err);
	git_commit_free(c);
	return rc;
}

static int same(const struct pending *a, const struct pending *b)
{
	return a->has == b->has && (!a->has || git_oid_equal(&a->blob, &b->blob));
}

/* A version of the record, NULL (an empty text) when it cannot be one: the
 * history walks commits a merge refused too, so its size is known first. */
static char *blob_text(struct walk *w, const git_oid *id, size_t *len)
{
	struct fc_err ignore;
	git_blob *b;
	char *s;

	*len = 0;
	if (blob_read(w->repo, id, "a version", MAX_RECORD_BYTES, "a record", &b, &ignore))
		return NULL;
	*len = (size_t)git_blob_rawsize(b);
	s = xstrndup(git_blob_rawcontent(b), *len);
	git_blob_free(b);
	return s;
}

/* "2026-11-28T09:30:00+08:00" from the author's time and offset. */
static void author_time(const git_signature *sig, char *out, size_t size)
{
	time_t t = (time_t)(sig->when.time + (git_time_t)sig->when.offset * 60);
	int off = sig->when.offset < 0 ? -sig->when.offset : sig->when.offset;
	char buf[80];
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 sig->when.offset < 0 ? '-' : '+', off / 60 % 100, off % 60);
	snprintf(out, size, "%.*s", FC_TIMESTAMP_LEN, buf);
}

static void diff_against(struct walk *w, const struct pending *p, const struct pending *base,
			 struct history_entry *e)
{
	char *old = NULL, *cur;
	size_t old_len = 0, cur_len;

	if (base && base->has)
		old = blob_text(w, &base->blob, &old_len);
	cur = blob_text(w, &p->blob, &cur_len);
	history_diff(old, old_len, cur, cur_len, e);
	free(old);
	free(cur);
}

static int same_line(const struct history_line *a, const struct history_line *b)
{
	return a->sign == b->sign && !strcmp(a->section, b->section) && !strcmp(a->text, b->text);
}

/* A merge: keeps only the lines that differ from every parent (what the
 * merge itself wrote, as git's combined diff); the rest came from a parent
 * whose own commit is shown. */
static void merge_lines(struct walk *w, const struct pending *p, const struct pending *par,
			unsigned np, struct history_entry *e)
{
	struct history_entry o;
	size_t i, j, keep;
	unsigned k;

	for (k = 1; k < np; k++) {
		memset(&o, 0, sizeof o);
		diff_against(w, p, &par[k], &o);
		for (i = keep = 0; i < e->n_lines; i++) {
			for (j = 0; j < o.n_lines && !same_line(&e->lines[i], &o.lines[j]); j++)
				;
			if (j < o.n_lines)
				e->lines[keep++] = e->lines[i];
			else
				free(e->lines[i].text);
		}
		e->n_lines = keep;
		history_entry_clear(&o);
	}
}

/* Records commit p as a change of the file: its lines against the first
 * parent (none for a root commit); a merge that only combined what its
 * parents had is left out. */
static int add_change(struct walk *w, const struct pending *p, const struct pending *par,
		      unsigned np, struct fc_err *err)
{
	struct history_entry e;
	const git_signature *a;
	char hex[16];
	git_commit *c;

	memset(&e, 0, sizeof e);
	diff_against(w, p, np ? &par[0] : NULL, &e);
	if (np > 1)
		merge_lines(w, p, par, np, &e);
	if (np > 1 && e.n_lines == 0 && e.lines_left_out == 0) {
		history_entry_clear(&e);
		return 0;
	}
	if (git_commit_lookup(&c, w->repo, &p->commit) < 0) {
		history_entry_clear(&e);
		return git_fail(err, _("reading a commit of the replica"));
	}
	snprintf(e.commit, sizeof e.commit, "%s", oid_short(&p->commit, hex, sizeof hex));
	a = git_commit_author(c);
	e.name = xstrdup(a->name ? a->name : "");
	e.email = xstrdup(a->email ? a->email : "");
	author_time(a, e.when, sizeof e.when);
	e.summary = xstrdup(git_commit_summary(c) ? git_commit_summary(c) : "");
	e.created = !np || !par[0].has;
	git_commit_free(c);
	ALLOC_GROW(w->out->e, w->out->n + 1, w->out->alloc);
	w->out->e[w->out->n++] = e;
	return 0;
}

/* Queues a parent that still has the file (one without it ends this line
 * of the walk: the file was created after it). */
static void queue(struct walk *w, const struct pending *p)
{
	if (p->has && mark_seen(w, &p->commit))
		heap_push(w, p);
}

/* Looks at one commit: a parent with the same blob is the only one
 * followed; otherwise the commit changed the file and every parent that
 * had it is followed. */
static int step(struct walk *w, const struct pending *p, struct fc_err *err)
{
	struct pending *par;
	unsigned i, np;
	int rc = 0, follow = -1;
	git_commit *c;

	if (git_commit_lookup(&c, w->repo, &p->commit) < 0)
		return git_fail(err, _("reading a commit of the replica"));
	np = git_commit_parentcount(c);
	par = xcalloc(np ? np : 1, sizeof *par);
	for (i = 0; i < np && rc == 0 && follow < 0; i++) {
		rc = pending_of(w, git_commit_parent_id(c, i), &par[i], err);
		if (rc == 0 && same(p, &par[i]))
			follow = (int)i;
	}
	git_commit_free(c);
	if (rc == 0 && follow >= 0) {
		queue(w, &par[follow]);
	} else if (rc == 0) {
		rc = add_change(w, p, par, np, err);
		for (i = 0; i < np; i++)
			queue(w, &par[i]);
	}
	free(par);
	return rc;
}

static int walk_from(struct walk *w, const git_oid *head, struct fc_err *err)
{
	struct history *out = w->out;
	struct pending p;

	if (pending_of(w, head, &p, err))
		return -1;
	queue(w, &p);
	while (w->n) {
		if (out->n >= HISTORY_MAX_CHANGES || out->walked >= HISTORY_MAX_WALK) {
			out->more = 1;
			break;
		}
		p = heap_pop(w);
		out->walked++;
		if (step(w, &p, err))
			return -1;
	}
	return 0;
}

int history_read(struct fc_workspace *ws, const char *path, struct history *out,
		 struct fc_err *err)
{
	struct layout_path lp;
	struct replica *r;
	struct walk w;
	git_oid head;
	int exists = 0, rc;

	memset(out, 0, sizeof *out);
	if (replica_open(ws, REPLICA_NOLOCK, &r, err))
		return err->kind == FC_ENOTFOUND ? 0 : -1;
	out->has_replica = 1;
	memset(&w, 0, sizeof w);
	w.repo = r->repo;
	w.path = path;
	if (layout_parse(path, &lp, NULL) == 0 && lp.kind == LAY_RECORD && lp.rec == REC_HAZARD &&
	    lp.format == LAYOUT_FORMAT)
		layout_hazard_path(lp.id, "", LAYOUT_FORMAT_OLD, w.alt, sizeof w.alt);
	w.out = out;
	rc = replica_head(r, &head, &exists, err);
	if (rc == 0 && exists)
		rc = walk_from(&w, &head, err);
	free(w.heap);
	free(w.seen);
	replica_close(r);
	if (rc)
		history_release(out);
	return rc;
}

void history_release(struct history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		history_entry_clear(&h->e[i]);
	free(h->e);
	memset(h, 0, sizeof *h);
}

void history_path_inspection(const char *id, const char *created_at, char *out, size_t size)
{
	struct fc_record r;

	memset(&r, 0, sizeof r);
	r.kind = REC_INSPECTION;
	snprintf(r.u.inspection.id, sizeof r.u.inspection.id, "%s", id);
	snprintf(r.u.inspection.created_at, sizeof r.u.inspection.created_at, "%s", created_at);
	layout_record_path(&r, LAYOUT_FORMAT, out, size);
}

void history_path_hazard(const char *id, const char *found_at, char *out, size_t size)
{
	layout_hazard_path(id, found_at, LAYOUT_FORMAT, out, size);
}
