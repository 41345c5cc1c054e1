/* treemerge.c - the merge of two git trees, path by path (see treemerge.h).
 *
 * It decides per path: taken from their side, kept from ours, quarantined,
 * or both changed; only in that last case does it read the three blobs and
 * hand the decoded records to core/merge.c, the merge of one record, which
 * knows nothing of git. */
#include "treemerge.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/merge.h"
#include "core/model.h"
#include "core/roster.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect.h"
#include "blobread.h"
#include "decoded.h"
#include "format.h"
#include "gitutil.h"
#include "judged.h"
#include "claims.h"
#include "layout.h"
#include "quarantine.h"
#include "treediff.h"
#include "treeupdates.h"

/* This sync's verdicts on objects (judged.h), made at first use. */
static struct judged *judged_of(struct replica *r)
{
	if (!r->judged)
		r->judged = judged_new();
	return r->judged;
}

/* A hazard's paths in the two formats: its bytes belong at both, each in
 * a tree of its format (a migration moves them unchanged). */
static int other_format_path(const char *a, const char *b)
{
	struct layout_path la, lb;

	return layout_parse(a, &la, NULL) == 0 && layout_parse(b, &lb, NULL) == 0 &&
	       la.kind == LAY_RECORD && lb.kind == LAY_RECORD && la.rec == REC_HAZARD &&
	       lb.rec == REC_HAZARD && la.format != lb.format && !strcmp(la.id, lb.id);
}

/* An object judged before in this sync, judged again without a read. */
static int judged_before(struct replica *r, const git_oid *id, const char *path,
			 struct fc_err *err)
{
	const char *said;

	switch (judged_get(judged_of(r), id, JUDGED_AS_RECORD, &said)) {
	case JUDGED_REFUSED:
		return fc_fail(err, _("%s: the same bytes were refused before: %s"), path, said);
	case JUDGED_SOUND: /* said is the path of the record these bytes are */
		return strcmp(said, path) && !other_format_path(said, path) ?
		       fc_fail(err, _("%s: the same bytes as %s, the record that belongs there"),
			       path, said) : 0;
	default:
		return 0;
	}
}

/* The header first: an oversized blob is refused without inflating it. */
static int decode_blob(struct replica *r, const git_oid *id, const char *path,
		       const struct layout_path *lp, int format, struct fc_record *out,
		       size_t *bytes, struct fc_err *err)
{
	git_blob *b;
	int rc;

	if (blob_read(r->repo, id, path, MAX_RECORD_BYTES, "a record", &b, err))
		return -1;
	*bytes = (size_t)git_blob_rawsize(b);
	rc = record_decode(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), path, out, err);
	git_blob_free(b);
	if (rc == 0 && layout_matches(lp, out, path, format, err)) {
		record_clear(out);
		return -1;
	}
	return rc;
}

/* read_record's, with the size of the record file in *bytes. */
static int read_record_sized(struct replica *r, const git_oid *id, const char *path, int format,
			     struct fc_record *out, size_t *bytes, struct fc_err *err)
{
	struct layout_path lp;

	memset(out, 0, sizeof *out);
	if (layout_parse(path, &lp, err))
		return -1;
	if (lp.kind != LAY_RECORD)
		return fc_fail(err, _("%s is not a record"), path);
	if (judged_before(r, id, path, err))
		return -1;
	if (r->decoded && decoded_take(r->decoded, id, path, format, out, bytes))
		return 0; /* decoded by this sync's merge, with the same checks */
	if (decode_blob(r, id, path, &lp, format, out, bytes, err)) {
		judged_put(judged_of(r), id, JUDGED_AS_RECORD, JUDGED_REFUSED, err->msg);
		return -1;
	}
	judged_put(judged_of(r), id, JUDGED_AS_RECORD, JUDGED_SOUND, path);
	return 0;
}

int read_record(struct replica *r, const git_oid *id, const char *path, int format,
		struct fc_record *out, struct fc_err *err)
{
	size_t bytes;

	return read_record_sized(r, id, path, format, out, &bytes, err);
}

/* read_record, the record kept for the import (decoded.h) rather than
 * cleared: what the merge takes the import puts in the store next. */
static int judge_record(struct replica *r, const git_oid *id, const char *path, int format,
			struct fc_err *err)
{
	struct fc_record rec;
	size_t bytes;

	if (read_record_sized(r, id, path, format, &rec, &bytes, err))
		return -1;
	if (!r->decoded)
		r->decoded = decoded_new();
	if (!decoded_keep(r->decoded, id, path, format, &rec, bytes))
		record_clear(&rec);
	return 0;
}

/* Our tree, looked up path by path in the diff's order, keeping the
 * directory of the last path: libgit2 caches no tree over 4 KiB, and a
 * month of inspections or a hazards folder is far larger, so walking from
 * the root for each path inflated it again (a tenth of a pull of 100). */
struct our_tree {
	git_tree *root;
	struct strbuf dir_path;     /* the directory kept, without the last '/' */
	git_tree *dir;              /* NULL when our tree has no such directory */
	int have_dir;               /* dir_path and dir are set */
};

static void our_tree_init(struct our_tree *t, git_tree *root)
{
	memset(t, 0, sizeof *t);
	t->root = root;
	strbuf_init(&t->dir_path);
}

static void our_tree_release(struct our_tree *t)
{
	git_tree_free(t->dir);
	strbuf_release(&t->dir_path);
}

/* Keeps the directory `dir` (len bytes) of our tree. */
static void our_tree_cd(struct our_tree *t, const char *dir, size_t len)
{
	git_tree_entry *e = NULL;

	if (t->have_dir && t->dir_path.len == len && !memcmp(t->dir_path.buf, dir, len))
		return;
	git_tree_free(t->dir);
	t->dir = NULL;
	strbuf_reset(&t->dir_path);
	strbuf_add(&t->dir_path, dir, len);
	t->have_dir = 1;
	if (git_tree_entry_bypath(&e, t->root, t->dir_path.buf) == 0) {
		if (git_tree_entry_type(e) == GIT_OBJECT_TREE &&
		    git_tree_lookup(&t->dir, git_tree_owner(t->root), git_tree_entry_id(e)) < 0)
			t->dir = NULL;
		git_tree_entry_free(e);
	}
}

/* The blob at path in our tree, or a zero oid. */
static void entry_id(struct our_tree *t, const char *path, git_oid *out)
{
	const char *slash = strrchr(path, '/');
	const git_tree_entry *e;
	git_tree *dir = t->root;

	memset(out, 0, sizeof *out);
	if (!dir)
		return;
	if (slash) {
		our_tree_cd(t, path, (size_t)(slash - path));
		dir = t->dir;
	}
	e = dir ? git_tree_entry_byname(dir, slash ? slash + 1 : path) : NULL;
	if (e && git_tree_entry_type(e) == GIT_OBJECT_BLOB)
		git_oid_cpy(out, git_tree_entry_id(e));
}

/* One merge: what it compares, and what it decides. */
struct merging {
	struct replica *r;
	struct our_tree ours;
	const git_oid *commit;       /* theirs, named in reports */
	const struct trust_result *trust; /* what refused commits wrote, or NULL */
	struct tree_updates p;       /* changes to the tree the result starts from */
	struct sync_log *rep;
	struct fc_err *err;
	int from_theirs;             /* the result starts from their tree: only
				      * what differs from theirs is pending */
	int quiet;                   /* a second pass: decided and reported once */
	int format;                  /* of the trees merged (format.h) */
	int theirs_moved;            /* their tree was normalised to format 2 */
	size_t departures;           /* paths whose result is not theirs */
};

static void keep_aside(struct merging *m, const char *path, const git_oid *blob, const char *why)
{
	if (!m->quiet)
		quarantine_blob(m->r, m->rep, m->commit, path, blob, why);
}

/* The outcome for one path: theirs, ours, or a merged blob. */
enum outcome { TAKE_THEIRS, KEEP_OURS, USE_MERGED };

/* Pends what the outcome changes in the tree the result starts from. */
static void decide(struct merging *m, const char *path, enum outcome o, const git_oid *our_id,
		   const git_oid *their_id, const git_oid *merged)
{
	const git_oid *want = o == TAKE_THEIRS ? their_id : o == KEEP_OURS ? our_id : merged;
	const git_oid *start = m->from_theirs ? their_id : our_id;

	if (!git_oid_equal(want, their_id))
		m->departures++;
	if (git_oid_equal(want, start))
		return;
	if (git_oid_is_zero(want))
		tree_updates_add(&m->p, GIT_TREE_UPDATE_REMOVE, NULL, path);
	else
		tree_updates_add(&m->p, GIT_TREE_UPDATE_UPSERT, want, path);
}

/* The merge's notes in the log; where a note names an inspection's item,
 * by its label in the form the inspection was filled with (the store's
 * copy; the name stays when the store lacks it). */
static void log_notes(struct merging *m, const struct fc_record *rec,
		      const struct merge_report *mr)
{
	const struct fc_inspection *in = &rec->u.inspection;
	struct fc_err err = { 0 };
	struct form *f = NULL;
	size_t i;

	for (i = 0; i < mr->n; i++) {
		const struct merge_note *n = &mr->notes[i];
		const char *at = n->item ? strstr(n->msg, n->item) : NULL;
		int idx;
		if (at && !f && rec->kind == REC_INSPECTION)
			f = inspect_form(m->r->ws, in->form_id, in->form_version, &err);
		idx = at && f ? form_item_index(f, n->item) : -1;
		if (idx < 0) {
			sync_log_note(m->rep, "%s: %s", n->path_or_id, n->msg);
			continue;
		}
		sync_log_note(m->rep, "%s: %.*s%s%s", n->path_or_id, (int)(at - n->msg), n->msg,
			      form_item_label(f, &f->items[idx], form_lang_locale()), at + strlen(n->item));
	}
	form_free(f);
}

/* Both sides changed one record: the record merge decides.  Ours is often
 * the base itself (a supervisor, who seldom writes): it is read once. */
static int merge_both(struct merging *m, const char *path, const git_oid *base_id,
		      const git_oid *our_id, const git_oid *their_id)
{
	struct fc_record base, ours, theirs, out;
	struct merge_report mr = { 0 };
	struct fc_err why = { 0 };
	struct replica *r = m->r;
	int have_base = !git_oid_is_zero(base_id) &&
			read_record(r, base_id, path, m->format, &base, &why) == 0;
	int ours_is_base = have_base && git_oid_equal(our_id, base_id);
	struct strbuf sb;
	git_oid id;
	int rc = -1;

	if (read_record(r, their_id, path, m->format, &theirs, &why)) {
		keep_aside(m, path, their_id, why.msg);
		decide(m, path, KEEP_OURS, our_id, their_id, NULL);
		rc = 0;
		goto out_base;
	}
	if (!ours_is_base && read_record(r, our_id, path, m->format, &ours, m->err))
		goto out_theirs;
	if (record_merge(have_base ? &base : NULL, ours_is_base ? &base : &ours, &theirs, &out, &mr,
			 &why)) {
		keep_aside(m, path, their_id, why.msg);
		decide(m, path, KEEP_OURS, our_id, their_id, NULL);
		rc = 0;
		goto out_ours;
	}
	if (!m->quiet)
		log_notes(m, &out, &mr);
	if (!m->quiet)
		m->rep->conflicted += mr.conflicted != 0;
	if (mr.refused && !m->quiet) {
		m->rep->refused++;
		keep_aside(m, path, their_id, _("a finalized inspection arrived changed; "
			   "the local record stands"));
	}
	strbuf_init(&sb);
	record_encode(&out, &sb);
	if (git_blob_create_from_buffer(&id, r->repo, sb.buf, sb.len) < 0) {
		git_fail(m->err, _("writing a merged record"));
	} else {
		decide(m, path, USE_MERGED, our_id, their_id, &id);
		rc = 0;
	}
	strbuf_release(&sb);
	record_clear(&out);
	merge_report_release(&mr);
out_ours:
	if (!ours_is_base)
		record_clear(&ours);
out_theirs:
	record_clear(&theirs);
out_base:
	if (have_base)
		record_clear(&base);
	return rc;
}

/* Their roster parses (its size read from the header first); else it is
 * set aside.  Who may write it the trust walk has judged already. */
static int roster_sound(struct merging *m, const char *path, const git_oid *id)
{
	struct fc_err why = { 0 };
	struct roster ro;
	git_blob *b = NULL;
	int ok = 0;

	if (blob_read(m->r->repo, id, path, ROSTER_MAX_BYTES, "a roster", &b, &why) == 0 &&
	    roster_parse(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), path, &ro,
			 &why) == 0)
		ok = 1, roster_release(&ro);
	if (!ok)
		keep_aside(m, path, id, why.msg);
	git_blob_free(b);
	return ok;
}

/* Their format marker, in a merge of trees in the format it says. */
static int marker_sound(struct merging *m, const git_oid *id)
{
	struct fc_err why = { 0 };
	int format = 0;

	if (format_of_entry(m->r->repo, id, GIT_FILEMODE_BLOB, _("their tree"), &format, &why) ==
	    0 && format != m->format)
		fc_fail(&why, _("a format marker in a merge of trees in format %d"), m->format);
	if (why.msg[0])
		keep_aside(m, LAYOUT_FORMAT_PATH, id, why.msg);
	return why.msg[0] == '\0';
}

/* A form file is text of at most MAX_FORM_FILE bytes (the form store
 * checks the rest); judged once, whatever paths hold it. */
static int judge_form_file(struct replica *r, const git_oid *id, const char *path,
			   struct fc_err *err)
{
	const char *said;
	git_blob *b;
	int rc;

	switch (judged_get(judged_of(r), id, JUDGED_AS_FORM_FILE, &said)) {
	case JUDGED_SOUND:
		return 0;
	case JUDGED_REFUSED:
		return fc_fail(err, _("%s: the same bytes were refused before: %s"), path, said);
	default:
		break;
	}
	rc = blob_read(r->repo, id, path, MAX_FORM_FILE, "a form file", &b, err);
	if (rc == 0) {
		if (memchr(git_blob_rawcontent(b), 0, (size_t)git_blob_rawsize(b)))
			rc = fc_fail(err, _("the form file is not text"));
		git_blob_free(b);
	}
	judged_put(judged_of(r), id, JUDGED_AS_FORM_FILE, rc ? JUDGED_REFUSED : JUDGED_SOUND,
		   rc ? err->msg : "");
	return rc;
}

/* Only their side changed the path: theirs if it is sound, else ours. */
static enum outcome judge_theirs(struct merging *m, const char *path, const git_oid *their_id)
{
	struct layout_path lp;
	struct fc_err why = { 0 };

	if (layout_parse(path, &lp, &why)) {
		keep_aside(m, path, their_id, why.msg);
		return KEEP_OURS;
	}
	if (lp.kind == LAY_ROSTER)
		return roster_sound(m, path, their_id) ? TAKE_THEIRS : KEEP_OURS;
	if (lp.kind == LAY_FORMAT) /* their marker comes with their layout */
		return marker_sound(m, their_id) ? TAKE_THEIRS : KEEP_OURS;
	if (lp.kind == LAY_CLAIM) {
		struct docnum_claim c;
		if (claim_read(m->r->repo, path, their_id, &c, &why)) {
			keep_aside(m, path, their_id, why.msg);
			return KEEP_OURS;
		}
		return TAKE_THEIRS;
	}
	if (lp.kind == LAY_FORM_FILE) {
		if (judge_form_file(m->r, their_id, path, &why)) {
			keep_aside(m, path, their_id, why.msg);
			return KEEP_OURS;
		}
		return TAKE_THEIRS;
	}
	if (judge_record(m->r, their_id, path, m->format, &why)) {
		keep_aside(m, path, their_id, why.msg);
		return KEEP_OURS;
	}
	return TAKE_THEIRS;
}

/* Their change of one path (from the base), weighed against ours. */
static int one_change(const struct treediff_file *f, void *ctx)
{
	static const git_oid none;
	struct merging *m = ctx;
	const char *path = f->path;
	const git_oid *base_id = f->old_id ? f->old_id : &none;
	const git_oid *their_id = f->new_id ? f->new_id : &none;
	struct layout_path lp;
	git_oid our_id;

	entry_id(&m->ours, path, &our_id);
	if (f->new_id && f->new_mode != GIT_FILEMODE_BLOB) {
		keep_aside(m, path, NULL, _("not a plain file (a link, a program or a submodule)"));
		decide(m, path, KEEP_OURS, &our_id, their_id, NULL);
		m->departures++; /* their entry's mode, whatever its id */
		return 0;
	}
	if (git_oid_equal(&our_id, their_id))
		return 0;                        /* both sides agree already */
	if (!strcmp(path, ROSTER_PATH) && f->new_id) {
		int mine_is_base = git_oid_equal(&our_id, base_id);
		if (!mine_is_base)
			keep_aside(m, path, their_id, _("the roster changed here and there; ours "
				   "stands"));
		decide(m, path, mine_is_base && roster_sound(m, path, their_id) ? TAKE_THEIRS :
		       KEEP_OURS, &our_id, their_id, NULL);
		return 0;
	}
	if (!f->new_id) {
		int hazard = layout_parse(path, &lp, NULL) == 0 && lp.kind == LAY_RECORD &&
			     lp.rec == REC_HAZARD;
		if (!hazard)
			keep_aside(m, path, NULL, _("records are never deleted"));
		/* a withdrawn hazard goes unless we changed it; else ours stands */
		decide(m, path, hazard && git_oid_equal(&our_id, base_id) ? TAKE_THEIRS : KEEP_OURS,
		       &our_id, their_id, NULL);
		return 0;
	}
	if (git_oid_is_zero(&our_id)) {
		decide(m, path, judge_theirs(m, path, their_id), &our_id, their_id, NULL);
		return 0;
	}
	/* We hold a copy: even when we did not change it, the record merge
	 * judges theirs (a finalized inspection must not be rewritten). */
	if (layout_parse(path, &lp, NULL) == 0 && lp.kind == LAY_CLAIM) {
		keep_aside(m, path, their_id, _("a claim of numbers never changes; ours stands"));
		decide(m, path, KEEP_OURS, &our_id, their_id, NULL);
		return 0;
	}
	if (layout_parse(path, &lp, NULL) == 0 && lp.kind == LAY_FORM_FILE) {
		keep_aside(m, path, their_id, _("this form version differs from the copy here; a "
			   "changed form needs a new version number"));
		decide(m, path, KEEP_OURS, &our_id, their_id, NULL);
		return 0;
	}
	return merge_both(m, path, base_id, &our_id, their_id) ? GIT_EUSER : 0;
}

/* Their change, unless a commit the roster does not vouch for made it:
 * then its bytes are set aside and the version before it (if an accepted
 * commit wrote one) is what they hold, as far as this merge goes. */
static int one_trusted_change(const struct treediff_file *f, void *ctx)
{
	struct merging *m = ctx;
	const struct trust_write *tw;
	const git_oid *alt;
	struct treediff_file g;
	const char *at = f->path;
	char hex[128];
	char *why;
	git_oid our_id;

	if (!m->trust)
		return one_change(f, ctx);
	if (!(tw = trust_refused_write(m->trust, at, f->new_id)) && m->theirs_moved &&
	    layout_format1_path(f->path, hex, sizeof hex))
		tw = trust_refused_write(m->trust, at = hex, f->new_id);
	if (!tw)
		return one_change(f, ctx);
	why = trust_write_reason(m->trust, tw);
	keep_aside(m, f->path, f->new_id, why);
	free(why);
	m->departures++; /* the result is not their tree here */
	alt = trust_fallback(m->trust, at, f->new_id);
	/* Back at the base (a refused commit built on one refused before,
	 * which we merged past): they changed nothing we take.  Merging the
	 * base as theirs would union its refused lines back in (events,
	 * files), since a union cannot tell them from new ones. */
	if (!alt || (f->old_id && git_oid_equal(alt, f->old_id))) {
		entry_id(&m->ours, f->path, &our_id);
		decide(m, f->path, KEEP_OURS, &our_id, f->new_id ? f->new_id : &our_id, NULL);
		return 0;
	}
	g = *f;
	g.new_id = alt;
	g.new_mode = GIT_FILEMODE_BLOB;
	return one_change(&g, ctx);
}

static int build(struct merging *m, git_tree *start, git_oid *out_tree)
{
	if (git_tree_create_updated(out_tree, m->r->repo, start, m->p.n, m->p.u) < 0)
		return git_fail(m->err, _("building the merged tree"));
	return 0;
}

static void merging_init(struct merging *m, struct replica *r, const struct merge_trees *t,
			 const git_oid *commit, const struct trust_result *trust,
			 struct sync_log *rep, struct fc_err *err)
{
	memset(m, 0, sizeof *m);
	m->r = r;
	m->trust = trust;
	m->format = t->format;
	m->theirs_moved = t->theirs_moved;
	our_tree_init(&m->ours, t->ours);
	m->commit = commit;
	m->rep = rep;
	m->err = err;
}

static void merging_release(struct merging *m)
{
	our_tree_release(&m->ours);
	tree_updates_release(&m->p);
}

int tree_merge(struct replica *r, const struct merge_trees *t, const git_oid *their_commit,
	       const struct trust_result *trust, git_oid *out_tree, struct sync_log *rep,
	       struct fc_err *err)
{
	git_tree *base = t->base, *ours = t->ours, *theirs = t->theirs;
	struct merging m;
	int ours_is_base = base ? git_oid_equal(git_tree_id(base), git_tree_id(ours))
				: git_tree_entrycount(ours) == 0;
	int rc;

	/* When we changed nothing since the base (often a supervisor, a new device),
	 * the result is their tree wherever we accept their change: built on
	 * theirs, only what we refuse is pending, not every record of a first
	 * pull.  Should anything be refused, a quiet second pass builds the
	 * result on ours, as any other merge does: a record turned into a
	 * folder and refused is then simply not there. */
	merging_init(&m, r, t, their_commit, trust, rep, err);
	m.from_theirs = ours_is_base;
	rc = treediff_each(r->repo, base, theirs, NULL, one_trusted_change, &m, err) ? -1 : 0;
	if (rc == 0 && m.from_theirs && m.departures) {
		merging_release(&m);
		merging_init(&m, r, t, their_commit, trust, rep, err);
		m.quiet = 1;
		rc = treediff_each(r->repo, base, theirs, NULL, one_trusted_change, &m, err) ? -1 : 0;
	}
	if (rc == 0)
		rc = build(&m, m.from_theirs && !m.quiet ? theirs : ours, out_tree);
	merging_release(&m);
	return rc;
}
