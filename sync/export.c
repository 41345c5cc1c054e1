/* export.c - the outbox becomes a commit (see export.h).
 *
 * Each changed record is encoded to its canonical text and written as a blob;
 * one git_tree_create_updated call applies every change to the branch's tree;
 * the commit is authored by the workspace's inspector.  Objects gather in
 * memory and are written as one pack before the branch moves, so a crash
 * leaves the branch where it was and the outbox untouched: the next sync
 * does the same work again and ends with the same tree.
 */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formstore.h"
#include "core/i18n.h"
#include "core/recordio.h"
#include "core/strbuf.h"
#include "format.h"
#include "gitutil.h"
#include "layout.h"
#include "newobjs.h"
#include "signcommit.h"
#include "treeupdates.h"

struct updates {
	struct tree_updates t;       /* each path once: the outbox holds a
				      * record once, a form is added once */
	git_tree *base;              /* the branch's tree, or NULL */
	int format;                  /* its format: where records go */
	char **forms;                /* "ID/VERSION" of the forms added */
	size_t n_forms, alloc_forms;
};

static void updates_release(struct updates *up)
{
	size_t i;

	tree_updates_release(&up->t);
	for (i = 0; i < up->n_forms; i++)
		free(up->forms[i]);
	free(up->forms);
}

/* 1 when the form was added already (many inspections share one form);
 * else remembers it and returns 0. */
static int form_added(struct updates *up, const char *id, int version)
{
	char key[128];
	size_t i;

	snprintf(key, sizeof key, "%s/%d", id, version);
	for (i = 0; i < up->n_forms; i++)
		if (!strcmp(up->forms[i], key))
			return 1;
	ALLOC_GROW(up->forms, up->n_forms + 1, up->alloc_forms);
	up->forms[up->n_forms++] = xstrdup(key);
	return 0;
}

/* Writes a blob at path; `kin` names it for the pack's delta search, so
 * records of one kind (an inspection's form) are tried against each other
 * (sync/newobjs.h). */
static int add_blob(struct replica *r, struct updates *up, const char *path, const char *kin,
		    const char *data, size_t len, struct fc_err *err)
{
	git_oid id;
	if (git_blob_create_from_buffer(&id, r->repo, data, len) < 0)
		return git_fail(err, _("writing a record"));
	newobjs_name(r->newobjs, &id, kin);
	tree_updates_add(&up->t, GIT_TREE_UPDATE_UPSERT, &id, path);
	return 0;
}

/* The form an inspection was filled with travels beside it. */
static int add_form(struct replica *r, struct updates *up, const char *id, int version,
		    struct fc_err *err)
{
	static const char *const files[] = { "survey.csv", "choices.csv", "settings.csv" };
	struct formstore_texts t;
	const char *texts[3];
	char path[256];
	size_t j;
	int k;

	if (form_added(up, id, version))
		return 0;
	if (formstore_get(r->ws->store, id, version, &t, err))
		return err->kind == FC_ENOTFOUND ? 0 : -1; /* imported without its form */
	texts[0] = t.survey, texts[1] = t.choices, texts[2] = t.settings;
	for (k = 0; k < 3; k++) {
		layout_form_path(id, version, files[k], path, sizeof path);
		if (add_blob(r, up, path, files[k], texts[k], strlen(texts[k]), err)) {
			formstore_texts_clear(&t);
			return -1;
		}
	}
	for (j = 0; j < t.n_files; j++) { /* its selects' files travel with it */
		if (!form_kept_file_name_ok(t.files[j].name))
			continue; /* not one the layout takes */
		layout_form_path(id, version, t.files[j].name, path, sizeof path);
		if (add_blob(r, up, path, t.files[j].name, t.files[j].text, strlen(t.files[j].text),
			     err)) {
			formstore_texts_clear(&t);
			return -1;
		}
	}
	formstore_texts_clear(&t);
	return 0;
}

static int add_entry(struct replica *r, struct updates *up, const struct outbox_entry *e,
		     struct export_result *res, struct fc_err *err)
{
	struct fc_record rec;
	struct strbuf sb;
	char path[256];
	int rc;

	if (record_load(r->ws->store, e->kind, e->id, &rec, err)) {
		if (err->kind != FC_ENOTFOUND || e->kind != REC_HAZARD)
			return -1;
		/* A withdrawn hazard leaves the tree too, from where it is. */
		fc_err_clear(err);
		if (format_find_hazard(r->repo, up->base, e->id, path, sizeof path)) {
			tree_updates_add(&up->t, GIT_TREE_UPDATE_REMOVE, NULL, path);
			res->removed++;
		}
		return 0;
	}
	strbuf_init(&sb);
	record_encode(&rec, &sb);
	layout_record_path(&rec, up->format, path, sizeof path);
	rc = add_blob(r, up, path, rec.kind == REC_INSPECTION ? rec.u.inspection.form_id :
		      record_kind_name(rec.kind), sb.buf, sb.len, err);
	if (rc == 0 && rec.kind == REC_INSPECTION)
		rc = add_form(r, up, rec.u.inspection.form_id, rec.u.inspection.form_version, err);
	res->enterprises += rec.kind == REC_ENTERPRISE;
	res->inspections += rec.kind == REC_INSPECTION;
	res->hazards += rec.kind == REC_HAZARD;
	strbuf_release(&sb);
	record_clear(&rec);
	return rc;
}

/* The first commit of a replica carries the format marker. */
static int start_in_format(struct replica *r, struct updates *up, struct fc_err *err)
{
	git_oid marker;

	if (format_marker(r->repo, &marker, err))
		return -1;
	tree_updates_add(&up->t, GIT_TREE_UPDATE_UPSERT, &marker, LAYOUT_FORMAT_PATH);
	return 0;
}

/* Drops removals of paths the baseline does not have (never synced). */
static void keep_real_removals(git_tree *base, struct updates *up)
{
	size_t i, k = 0;

	for (i = 0; i < up->t.n; i++) {
		git_tree_entry *e = NULL;
		if (up->t.u[i].action == GIT_TREE_UPDATE_REMOVE &&
		    (!base || git_tree_entry_bypath(&e, base, up->t.paths[i]) != 0)) {
			free(up->t.paths[i]);
			continue;
		}
		git_tree_entry_free(e);
		up->t.u[k] = up->t.u[i];
		up->t.paths[k] = up->t.paths[i];
		up->t.u[k].path = up->t.paths[k];
		k++;
	}
	up->t.n = k;
}

int sync_signature(struct replica *r, git_signature **sig, struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	long long when;
	int off;

	if (clock_now(now, err) || timestamp_epoch(now, &when, &off, err))
		return -1;
	/* The inspector is the author: name and enforcement badge. */
	if (git_signature_new(sig, r->ws->me.name, r->ws->me.badge, (git_time_t)when, off) < 0)
		return git_fail(err, _("making the commit's author"));
	return 0;
}

static void message(const struct export_result *res, const struct outbox_entry *e, size_t n,
		    struct strbuf *msg)
{
	size_t i;

	strbuf_addf(msg, "%s: %zu inspection%s, %zu hazard%s, %zu enterprise%s\n\n",
		    n == 1 ? record_kind_name(e[0].kind) : "records", res->inspections,
		    res->inspections == 1 ? "" : "s", res->hazards, res->hazards == 1 ? "" : "s",
		    res->enterprises, res->enterprises == 1 ? "" : "s");
	for (i = 0; i < n && i < 200; i++)
		strbuf_addf(msg, "%s %s\n", record_kind_name(e[i].kind), e[i].id);
	if (n > 200)
		strbuf_addf(msg, "and %zu more\n", n - 200);
}

/* The store held the base tree's records plus its own changes, which the new
 * tree now holds too: it stands at the new tree, so a sync does not count the
 * records it just wrote as arrivals. */
static int advance_imported(struct replica *r, git_tree *base, const git_oid *tree,
			    struct fc_err *err)
{
	git_oid done;

	if (replica_imported_tree(r, &done, err))
		return -1;
	if (base ? !git_oid_equal(&done, git_tree_id(base)) : !git_oid_is_zero(&done))
		return 0; /* behind already: the next import catches up */
	return replica_set_imported_tree(r, tree, err);
}

static int commit(struct replica *r, git_tree *base, const git_oid *parent, int has_parent,
		  struct updates *up, const struct outbox_entry *e, size_t n,
		  struct export_result *res, struct fc_err *err)
{
	git_tree *tree = NULL;
	git_commit *pc = NULL;
	git_oid tree_id;
	struct strbuf msg;
	int rc = -1;

	strbuf_init(&msg);
	if (git_tree_create_updated(&tree_id, r->repo, base, up->t.n, up->t.u) < 0) {
		git_fail(err, _("building the tree"));
		goto out;
	}
	if (base && git_oid_equal(&tree_id, git_tree_id(base))) {
		rc = 0; /* nothing new: the records were there already */
		goto out;
	}
	message(res, e, n, &msg);
	if (git_tree_lookup(&tree, r->repo, &tree_id) < 0 ||
	    (has_parent && git_commit_lookup(&pc, r->repo, parent) < 0)) {
		git_fail(err, _("reading the tree"));
		goto out;
	}
	if (replica_commit(r, msg.buf, tree, has_parent ? 1 : 0, (const git_commit **)&pc,
			   &res->commit, err))
		goto out;
	if (replica_flush(r, err) ||
	    replica_set_head(r, &res->commit, has_parent ? parent : NULL, "fieldcheck: export", err) ||
	    advance_imported(r, base, &tree_id, err))
		goto out;
	res->committed = 1;
	rc = 0;
out:
	git_tree_free(tree);
	git_commit_free(pc);
	strbuf_release(&msg);
	return rc;
}

int export_outbox(struct replica *r, struct export_result *res, struct fc_err *err)
{
	struct outbox_entry *e = NULL;
	struct updates up = { 0 };
	git_tree *base = NULL;
	git_oid head;
	size_t n = 0, i;
	int has_head, rc = -1;

	memset(res, 0, sizeof *res);
	if (replica_head(r, &head, &has_head, err) || outbox_list(r->ws->store, &e, &n, err))
		return -1;
	res->commit = head;
	if (n == 0)
		return 0;
	if (replica_commit_tree(r, has_head ? &head : NULL, &base, err) ||
	    format_of_tree(r->repo, base, _("the replica"), &up.format, err))
		goto out;
	up.base = base;
	if (!base && start_in_format(r, &up, err)) /* a new replica starts in format 2 */
		goto out;
	for (i = 0; i < n; i++)
		if (add_entry(r, &up, &e[i], res, err))
			goto out;
	keep_real_removals(base, &up);
	if (up.t.n && commit(r, base, &head, has_head, &up, e, n, res, err))
		goto out;
	rc = outbox_clear(r->ws->store, e, n, err);
out:
	git_tree_free(base);
	updates_release(&up);
	free(e);
	return rc;
}
