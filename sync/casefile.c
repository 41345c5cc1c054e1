/* casefile.c - gathering an inspection's evidence package and writing it
 * (see casefile.h).
 *
 * The records come from the replica's branch, byte for byte; each is checked
 * against the store's copy (its outbox clear, its canonical text the same),
 * so the notice, built from the store, speaks of exactly those records.  The
 * hazards are those of the branch's tree that name the inspection, together
 * with those the store has: one side lacking one is a sync not finished.
 */
#include "casefile_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/formstore.h"
#include "core/hazard.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/recordio.h"
#include "core/roster.h"
#include "core/tarball.h"
#include "blobread.h"
#include "format.h"
#include "gitutil.h"
#include "layout.h"

/* What to run first: every workspace, a supervisor's too, sends with sync. */
#define SYNC_FIRST _("sync first ('fieldcheck sync')")

void cf_add_file(struct casefile *cf, const char *path, const char *git_path, char *data,
		 size_t len)
{
	struct cf_file *f;
	struct strbuf sb;

	ALLOC_GROW(cf->files, cf->n_files + 1, cf->alloc_files);
	f = &cf->files[cf->n_files++];
	memset(f, 0, sizeof *f);
	strbuf_init(&sb);
	if (path)
		strbuf_adds(&sb, path);
	else
		strbuf_addf(&sb, "records/%s", git_path);
	f->path = strbuf_detach(&sb);
	f->git_path = git_path ? xstrdup(git_path) : NULL;
	f->data = data;
	f->len = len;
	git_odb_hash(&f->blob, data, len, GIT_OBJECT_BLOB);
}

/* The blob at `path` of the branch's tree: 1 with a copy of its bytes, 0
 * when the tree has none there. */
static int tree_file(struct casefile *cf, const char *path, char **data, size_t *len,
		     struct fc_err *err)
{
	git_tree_entry *e = NULL;
	git_blob *b = NULL;
	struct fc_err why;

	if (git_tree_entry_bypath(&e, cf->tree, path) != 0)
		return 0;
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB ||
	    blob_read(cf->r->repo, git_tree_entry_id(e), path, MAX_FORM_FILE, "a file of the "
		      "branch", &b, &why)) {
		git_tree_entry_free(e);
		return fc_failk(err, FC_EIO, _("%s: cannot read it from the replica"), path);
	}
	*len = (size_t)git_blob_rawsize(b);
	*data = xmalloc(*len + 1);
	memcpy(*data, git_blob_rawcontent(b), *len);
	(*data)[*len] = '\0';
	git_blob_free(b);
	git_tree_entry_free(e);
	return 1;
}

/* The store's copy of a record, refused unless it is synced. */
static int load_synced(struct casefile *cf, enum record_kind kind, const char *id,
		       struct fc_record *rec, struct fc_err *err)
{
	int pending = outbox_pending(cf->ws->store, kind, id, err);

	if (pending < 0)
		return -1;
	if (pending)
		return fc_fail(err, _("%s %s has changes not yet synced: %s"), record_kind_name(kind),
			       id, SYNC_FIRST);
	if (record_load(cf->ws->store, kind, id, rec, err) == 0)
		return 0;
	if (err->kind == FC_ENOTFOUND)
		fc_fail(err, _("%s %s is in the replica but not in the store: %s"),
			record_kind_name(kind), id, SYNC_FIRST);
	return -1;
}

/* A record of the package: the replica's bytes, which must be the store's. */
static int take_record(struct casefile *cf, enum record_kind kind, const char *id,
		       struct fc_err *err)
{
	struct fc_record rec;
	struct strbuf mine;
	char path[256], *data = NULL;
	size_t len;
	int rc;

	if (load_synced(cf, kind, id, &rec, err))
		return -1;
	layout_record_path(&rec, cf->format, path, sizeof path);
	cf_note_lines(cf, &rec, path);
	strbuf_init(&mine);
	record_encode(&rec, &mine);
	record_clear(&rec);
	rc = tree_file(cf, path, &data, &len, err);
	if (rc == 0) {
		rc = fc_fail(err, _("%s %s is not in the replica (%s): %s"), record_kind_name(kind),
			     id, path, SYNC_FIRST);
	} else if (rc > 0 && (len != mine.len || memcmp(data, mine.buf, len))) {
		rc = fc_fail(err, _("%s %s differs between the store and the replica (%s): %s"),
			     record_kind_name(kind), id, path, SYNC_FIRST);
	} else if (rc > 0) {
		cf_add_file(cf, NULL, path, data, len);
		data = NULL;
		rc = 0;
	}
	strbuf_release(&mine);
	free(data);
	return rc;
}

/* ---- the hazards ---- */

struct ids {
	char **v;
	size_t n, alloc;
};

static void ids_add(struct ids *ids, const char *id)
{
	ALLOC_GROW(ids->v, ids->n + 1, ids->alloc);
	ids->v[ids->n++] = xstrdup(id);
}

static void ids_release(struct ids *ids)
{
	size_t i;
	for (i = 0; i < ids->n; i++)
		free(ids->v[i]);
	free(ids->v);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int contains(const void *hay, size_t n, const struct strbuf *needle)
{
	const char *p = hay, *end = p + n;

	while ((size_t)(end - p) >= needle->len) {
		const char *c = memchr(p, needle->buf[0], (size_t)(end - p) - needle->len + 1);
		if (!c)
			return 0;
		if (!memcmp(c, needle->buf, needle->len))
			return 1;
		p = c + 1;
	}
	return 0;
}

/* The hazards of one folder of the tree naming the inspection; a folder
 * within is a shard or a month (format 2: hazards/YYYY/MM/) and is read
 * too.  What cannot be read is not ours to judge: verify names it. */
static void scan_hazards(struct casefile *cf, git_tree *dir, const struct strbuf *needle,
			 struct ids *ids, int depth)
{
	size_t k;

	for (k = 0; k < git_tree_entrycount(dir); k++) {
		const git_tree_entry *he = git_tree_entry_byindex(dir, k);
		const char *name = git_tree_entry_name(he);
		size_t nl = strlen(name);
		struct fc_err ignore;
		git_tree *sub;
		git_blob *b;
		if (git_tree_entry_type(he) == GIT_OBJECT_TREE && depth < 2 &&
		    git_tree_lookup(&sub, cf->r->repo, git_tree_entry_id(he)) == 0) {
			scan_hazards(cf, sub, needle, ids, depth + 1);
			git_tree_free(sub);
			continue;
		}
		if (depth == 0 || nl <= 5 || strcmp(name + nl - 5, ".json") ||
		    git_tree_entry_type(he) != GIT_OBJECT_BLOB ||
		    blob_read(cf->r->repo, git_tree_entry_id(he), name, MAX_RECORD_BYTES,
			      "a record", &b, &ignore))
			continue;
		if (contains(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), needle)) {
			char *id = xstrndup(name, nl - 5);
			ids_add(ids, id);
			free(id);
		}
		git_blob_free(b);
	}
}

/* Hazards of the branch's tree naming the inspection, in either format's
 * layout: the canonical text has the line below, which no escaped string
 * value can contain. */
static int tree_hazards(struct casefile *cf, struct ids *ids, struct fc_err *err)
{
	git_tree_entry *e = NULL;
	git_tree *top = NULL;
	struct strbuf needle;

	if (git_tree_entry_bypath(&e, cf->tree, "hazards") != 0)
		return 0;
	if (git_tree_lookup(&top, cf->r->repo, git_tree_entry_id(e)) < 0) {
		git_tree_entry_free(e);
		return git_fail(err, _("reading the replica's hazards"));
	}
	git_tree_entry_free(e);
	strbuf_init(&needle);
	strbuf_addf(&needle, "\n  \"inspection\": \"%s\",\n", cf->id);
	scan_hazards(cf, top, &needle, ids, 0);
	strbuf_release(&needle);
	git_tree_free(top);
	return 0;
}

static int store_hazard(const struct hazard_row *r, void *ctx)
{
	ids_add(ctx, r->id);
	return 0;
}

static int take_hazards(struct casefile *cf, struct casefile_result *res, struct fc_err *err)
{
	struct hazard_filter hf = { 0 };
	char today[FC_DATE_LEN + 1];
	struct ids ids = { 0 };
	size_t i;
	int rc = -1;

	hf.inspection = cf->id;
	hf.enterprise = "";
	hf.today = today;
	if (clock_today(today, err) || tree_hazards(cf, &ids, err) ||
	    hazard_list(cf->ws->store, &hf, store_hazard, &ids, err))
		goto out;
	if (ids.n)
		qsort(ids.v, ids.n, sizeof *ids.v, cmp_str);
	for (i = 0; i < ids.n; i++) {
		if (i && !strcmp(ids.v[i], ids.v[i - 1]))
			continue;
		if (take_record(cf, REC_HAZARD, ids.v[i], err))
			goto out;
		res->hazards++;
	}
	rc = 0;
out:
	ids_release(&ids);
	return rc;
}

/* ---- the form, the notice ---- */

/* One of the form's files: the replica's copy, else the store's (which git
 * cannot vouch for, so it goes under records/). */
static int take_form_file(struct casefile *cf, struct casefile_result *res, const char *path,
			  const char *kept_text, struct fc_err *err)
{
	char kept[320], *data;
	size_t len;
	int rc;

	if ((rc = tree_file(cf, path, &data, &len, err)) < 0)
		return -1;
	if (rc > 0) {
		cf_add_file(cf, NULL, path, data, len);
		return 0;
	}
	snprintf(kept, sizeof kept, "records/%s", path);
	cf_add_file(cf, kept, NULL, xstrdup(kept_text), strlen(kept_text));
	res->form_from_store = 1;
	return 0;
}

static int take_form(struct casefile *cf, struct casefile_result *res, struct fc_err *err)
{
	static const char *const names[] = { "survey.csv", "choices.csv", "settings.csv" };
	const struct fc_inspection *in = &cf->insp.u.inspection;
	struct formstore_texts t = { NULL, NULL, NULL, NULL, 0 };
	char path[300];
	const char *text;
	size_t k;
	int rc = 0;

	/* the store knows which files the form has; git has the bytes synced */
	if (formstore_get(cf->ws->store, in->form_id, in->form_version, &t, err) &&
	    err->kind != FC_ENOTFOUND)
		return fc_err_prefix(err, _("form %s version %d of inspection %s"),
				     in->form_id, in->form_version, cf->id);
	for (k = 0; rc == 0 && k < 3 + t.n_files; k++) {
		if (k < 3) {
			layout_form_path(in->form_id, in->form_version, names[k], path, sizeof path);
			text = !t.survey ? NULL : k == 0 ? t.survey : k == 1 ? t.choices : t.settings;
		} else if (form_kept_file_name_ok(t.files[k - 3].name)) {
			layout_form_path(in->form_id, in->form_version, t.files[k - 3].name, path,
					 sizeof path);
			text = t.files[k - 3].text;
		} else {
			continue;
		}
		if (!text) { /* neither the store nor, then, the replica must lack it */
			char *data;
			size_t len;
			if ((rc = tree_file(cf, path, &data, &len, err)) > 0) {
				cf_add_file(cf, NULL, path, data, len);
				rc = 0;
				continue;
			}
			if (rc == 0)
				rc = fc_failk(err, FC_ENOTFOUND, _("form %s version %d of inspection "
					      "%s is not in the store"), in->form_id,
					      in->form_version, cf->id);
			continue;
		}
		rc = take_form_file(cf, res, path, text, err);
	}
	formstore_texts_clear(&t);
	return rc < 0 ? -1 : 0;
}

static int take_notice(struct casefile *cf, const struct casefile_options *o,
		       struct casefile_result *res, struct fc_err *err)
{
	struct cf_file f;
	struct strbuf sb;
	size_t len;

	if (!res->hazards)
		return 0; /* nothing to order rectified */
	strbuf_init(&sb);
	if (notice_text(cf->ws->store, cf->id, NOTICE_ZH, o->forms, &sb, err)) {
		strbuf_release(&sb);
		return fc_err_prefix(err, _("the rectification notice"));
	}
	len = sb.len;
	cf_add_file(cf, "notice.txt", NULL, strbuf_detach(&sb), len);
	res->notice = 1;
	/* It goes first, before the records. */
	f = cf->files[cf->n_files - 1];
	memmove(cf->files + 1, cf->files, (cf->n_files - 1) * sizeof *cf->files);
	cf->files[0] = f;
	return 0;
}

/* ---- what reached the central repository ---- */

static int check_sent(struct casefile *cf, struct fc_err *err)
{
	git_oid *tips = xcalloc(cf->n_remotes + 1, sizeof *tips), unsent;
	const char *which = NULL;
	size_t i, n_tips = 0;
	char hex[16];
	int rc = -1;

	cf->carried = xcalloc(cf->n_files + cf->n_lines, sizeof *cf->carried);
	for (i = 0; i < cf->n_files; i++)
		if (cf->files[i].git_path) {
			struct carried *c = &cf->carried[cf->n_carried++];
			c->path = cf->files[i].git_path;
			git_oid_cpy(&c->blob, &cf->files[i].blob);
			cf->files[i].carried = c;
		}
	for (i = 0; i < cf->n_lines; i++) {   /* the lines naming files */
		struct carried *c = &cf->carried[cf->n_carried++];
		c->path = cf->lines[i].git_path;
		c->needle = cf->lines[i].needle;
		cf->lines[i].carried = c;
	}
	for (i = 0; i < cf->n_remotes; i++)
		if (cf->remotes[i].has_tip)
			git_oid_cpy(&tips[n_tips++], &cf->remotes[i].tip);
	if (!n_tips) {
		fc_fail(err, _("no remote has received this workspace's records yet: %s"), SYNC_FIRST);
		goto out;
	}
	if (carried_find(cf->r, &cf->head, cf->carried, cf->n_carried, err) ||
	    (rc = carried_unsent(cf->r, cf->carried, cf->n_carried, tips, n_tips, &unsent,
				 &which, err)) < 0)
		goto out;
	if (rc > 0)
		rc = fc_fail(err, _("%s was committed in %s, which has not reached a remote yet: %s"),
			     which, oid_short(&unsent, hex, sizeof hex), SYNC_FIRST);
out:
	free(tips);
	return rc;
}

/* The roster, when the repository has one: who signed the commits. */
static int take_roster(struct casefile *cf, struct fc_err *err)
{
	char *data = NULL;
	size_t len;
	int rc = tree_file(cf, ROSTER_PATH, &data, &len, err);

	if (rc > 0)
		cf_add_file(cf, ROSTER_PATH, ROSTER_PATH, data, len);
	return rc < 0 ? -1 : 0;
}

/* ---- the whole ---- */

static int gather(struct casefile *cf, const struct casefile_options *o,
		  struct casefile_result *res, struct fc_err *err)
{
	int has, offset;

	if (clock_now(cf->now, err) || timestamp_epoch(cf->now, &cf->epoch, &offset, err) ||
	    replica_head(cf->r, &cf->head, &has, err))
		return -1;
	if (!has)
		return fc_fail(err, _("the replica holds no records yet: %s"), SYNC_FIRST);
	if (replica_commit_tree(cf->r, &cf->head, &cf->tree, err) ||
	    format_of_tree(cf->r->repo, cf->tree, _("the replica"), &cf->format, err) ||
	    load_synced(cf, REC_INSPECTION, cf->id, &cf->insp, err) ||
	    take_record(cf, REC_INSPECTION, cf->id, err) ||
	    take_record(cf, REC_ENTERPRISE, cf->insp.u.inspection.enterprise, err) ||
	    take_hazards(cf, res, err) || take_form(cf, res, err) ||
	    cf_check_lines(cf, o->force, res, err) || cf_remotes(cf, err))
		return -1;
	if (!cf->n_remotes)
		return fc_fail(err, _("this workspace has no remote, so no central repository to "
			       "check the package against; add one with 'fieldcheck remote add "
			       "origin URL' and sync"));
	return take_roster(cf, err) || check_sent(cf, err) || cf_commits(cf, err) ||
	       take_notice(cf, o, res, err) || cf_take_documents(cf, res, err) ? -1 : 0;
}

/* manifest.json, then the files in the order of cf->files. */
static int write_archive(struct casefile *cf, const struct casefile_options *o,
			 struct casefile_result *res, struct fc_err *err)
{
	struct tarball *t;
	struct strbuf m;
	size_t i;
	int rc;

	strbuf_init(&m);
	cf_manifest(cf, &m);
	rc = tarball_create(o->out, cf->epoch, &t, err);
	if (rc == 0)
		rc = tarball_add(t, "manifest.json", m.buf, m.len, err);
	for (i = 0; rc == 0 && i < cf->n_files; i++)
		rc = tarball_add(t, cf->files[i].path, cf->files[i].data, cf->files[i].len, err);
	if (rc == 0)
		rc = cf_write_lines(cf, t, err);
	if (rc && t)
		tarball_abort(t);
	else if (t)
		rc = tarball_finish(t, o->force, err);
	strbuf_release(&m);
	res->files = cf->n_files + 1 + res->evidence;
	return rc;
}

static void casefile_release(struct casefile *cf)
{
	size_t i;

	for (i = 0; i < cf->n_files; i++) {
		free(cf->files[i].path);
		free(cf->files[i].git_path);
		free(cf->files[i].data);
	}
	free(cf->files);
	carried_release(cf->carried, cf->n_carried);
	free(cf->commits);
	free(cf->carried);
	cf_lines_release(cf);
	cf_remotes_release(cf);
	record_clear(&cf->insp);
	git_tree_free(cf->tree);
	replica_close(cf->r);
}

int casefile_export(struct fc_workspace *ws, const char *id, const struct casefile_options *o,
		    struct casefile_result *res, struct fc_err *err)
{
	struct casefile cf;
	struct stat st;
	int rc;

	memset(&cf, 0, sizeof cf);
	memset(res, 0, sizeof *res);
	cf.ws = ws;
	cf.insp.kind = REC_INSPECTION;
	if (store_expand_id(ws->store, "inspections", id, cf.id, err))
		return -1;
	/* Said before the work; tarball_finish holds to it at the end. */
	if (!o->force && lstat(o->out, &st) == 0)
		return fc_fail(err, _("%s already exists; give --force to replace it"), o->out);
	memcpy(res->inspection, cf.id, sizeof cf.id);
	rc = casefile_fetch_missing(ws, cf.id, &res->fetched, err) ||
	     replica_open(ws, 0, &cf.r, err) || gather(&cf, o, res, err) ||
	     write_archive(&cf, o, res, err) ? -1 : 0;
	if (rc)
		fc_err_prefix(err, _("cannot export inspection %.8s"), cf.id);
	casefile_release(&cf);
	return rc;
}
