/* format.c - a tree's format and the migration to format 2 (see format.h). */
#include "format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "blobread.h"
#include "gitutil.h"
#include "layout.h"
#include "signcommit.h"
#include "treeupdates.h"

int format_of_entry(git_repository *repo, const git_oid *id, git_filemode_t mode,
		    const char *whose, int *format, struct fc_err *err)
{
	struct strbuf shown;
	git_blob *b = NULL;
	int n;

	if (mode == GIT_FILEMODE_TREE)
		return fc_fail(err, _("%s's %s is a folder, not the format marker"), whose,
			       LAYOUT_FORMAT_PATH);
	if (mode != GIT_FILEMODE_BLOB)
		return fc_fail(err, _("%s's %s is not a plain file"), whose, LAYOUT_FORMAT_PATH);
	if (blob_read(repo, id, LAYOUT_FORMAT_PATH, FORMAT_MAX_BYTES, "the format marker", &b,
		      err))
		return -1;
	n = layout_format_number(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b));
	if (n > LAYOUT_FORMAT) {
		git_blob_free(b);
		return fc_fail(err, _("%s is in format %d; this fieldcheck reads formats 1 and 2: "
			       "upgrade it"), whose, n);
	}
	if (n != LAYOUT_FORMAT) {
		strbuf_init(&shown);
		text_visible(&shown, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b));
		fc_fail(err, _("%s's %s holds '%.80s', not a format marker (\"fieldcheck 2\")"),
			whose, LAYOUT_FORMAT_PATH, shown.buf);
		strbuf_release(&shown);
		git_blob_free(b);
		return -1;
	}
	git_blob_free(b);
	*format = n;
	return 0;
}

int format_of_tree(git_repository *repo, git_tree *tree, const char *whose, int *format,
		   struct fc_err *err)
{
	const git_tree_entry *e = tree ? git_tree_entry_byname(tree, LAYOUT_FORMAT_PATH) : NULL;

	*format = tree ? LAYOUT_FORMAT_OLD : LAYOUT_FORMAT;
	if (!e)
		return 0;
	return format_of_entry(repo, git_tree_entry_id(e), git_tree_entry_filemode(e), whose,
			       format, err);
}

int format_marker(git_repository *repo, git_oid *out, struct fc_err *err)
{
	const char *text = LAYOUT_FORMAT_TEXT;

	if (git_blob_create_from_buffer(out, repo, text, strlen(text)) < 0)
		return git_fail(err, _("writing the format marker"));
	return 0;
}

void format_memo_init(struct format_memo *m)
{
	oidmap_init(&m->months);
}

void format_memo_release(struct format_memo *m)
{
	oidmap_release(&m->months);
}

/* The memo's key: the blob at that path (the same bytes elsewhere may be
 * refused there). */
static void memo_key(const git_tree_entry *e, const char *from, git_oid *key)
{
	char buf[GIT_OID_RAWSZ + 128];
	size_t n = strlen(from) < 128 ? strlen(from) : 128;

	memcpy(buf, git_tree_entry_id(e)->id, GIT_OID_RAWSZ);
	memcpy(buf + GIT_OID_RAWSZ, from, n);
	if (git_odb_hash(key, buf, GIT_OID_RAWSZ + n, GIT_OBJECT_BLOB) < 0)
		memset(key, 0, sizeof *key);
}

/* The month path of the hazard blob e at `from` (its hex path), from the
 * memo or else its bytes; 0 when it does not decode as the hazard its
 * name says. */
static int month_of(git_repository *repo, struct format_memo *memo, const char *from,
		    const git_tree_entry *e, char *to, size_t size)
{
	const git_oid *known = NULL;
	struct layout_path lp;
	struct fc_record rec;
	struct fc_err ignore;
	git_blob *b = NULL;
	git_oid month, key;
	int ok;

	if (layout_parse(from, &lp, &ignore) || lp.kind != LAY_RECORD || lp.rec != REC_HAZARD ||
	    lp.format != LAYOUT_FORMAT_OLD)
		return 0;
	if (memo) {
		memo_key(e, from, &key);
		known = oidmap_get(&memo->months, &key);
	}
	if (known) {
		snprintf(to, size, "hazards/%.7s/%s.json", (const char *)known->id, lp.id);
		return 1;
	}
	if (blob_read(repo, git_tree_entry_id(e), from, MAX_RECORD_BYTES, "a record", &b, &ignore))
		return 0;
	ok = record_decode(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), from, &rec,
			   &ignore) == 0;
	git_blob_free(b);
	if (!ok)
		return 0;
	ok = layout_matches(&lp, &rec, from, LAYOUT_FORMAT_OLD, &ignore) == 0;
	if (ok)
		layout_record_path(&rec, LAYOUT_FORMAT, to, size);
	record_clear(&rec);
	if (ok && memo) { /* "hazards/YYYY/MM/": the month at 8 */
		memset(&month, 0, sizeof month);
		memcpy(month.id, to + 8, 7);
		oidmap_put(&memo->months, &key, &month);
	}
	return ok;
}

/* Every hazard of the hex shards under `hazards`, moved. */
static int move_hazards(git_repository *repo, git_tree *hazards, struct format_memo *memo,
			struct tree_updates *up, size_t *moved, struct fc_err *err)
{
	char from[128], to[128];
	size_t i, k;

	for (i = 0; i < git_tree_entrycount(hazards); i++) {
		const git_tree_entry *se = git_tree_entry_byindex(hazards, i);
		git_tree *shard = NULL;
		if (git_tree_entry_type(se) != GIT_OBJECT_TREE ||
		    strlen(git_tree_entry_name(se)) != 2)
			continue;
		if (git_tree_lookup(&shard, repo, git_tree_entry_id(se)) < 0)
			return git_fail(err, _("reading the replica's hazards"));
		for (k = 0; k < git_tree_entrycount(shard); k++) {
			const git_tree_entry *e = git_tree_entry_byindex(shard, k);
			snprintf(from, sizeof from, "hazards/%s/%s", git_tree_entry_name(se),
				 git_tree_entry_name(e));
			if (git_tree_entry_filemode(e) != GIT_FILEMODE_BLOB ||
			    !month_of(repo, memo, from, e, to, sizeof to))
				continue;
			tree_updates_add(up, GIT_TREE_UPDATE_REMOVE, NULL, from);
			tree_updates_add(up, GIT_TREE_UPDATE_UPSERT, git_tree_entry_id(e), to);
			++*moved;
		}
		git_tree_free(shard);
	}
	return 0;
}

int format_normalise(git_repository *repo, git_tree *tree, struct format_memo *memo,
		     git_tree **out, size_t *moved, struct fc_err *err)
{
	struct tree_updates up = { 0 };
	const git_tree_entry *he;
	git_tree *hazards = NULL;
	git_oid marker, id;
	size_t n = 0;
	int format, rc = -1;

	*out = NULL;
	if (moved)
		*moved = 0;
	if (!tree)
		return 0;
	if (format_of_tree(repo, tree, _("the tree"), &format, err))
		return -1;
	if (format == LAYOUT_FORMAT)
		return git_object_dup((git_object **)out, (git_object *)tree) < 0 ?
		       git_fail(err, _("reading a tree")) : 0;
	he = git_tree_entry_byname(tree, "hazards");
	if (he && git_tree_entry_type(he) == GIT_OBJECT_TREE &&
	    git_tree_lookup(&hazards, repo, git_tree_entry_id(he)) < 0) {
		git_fail(err, _("reading the replica's hazards"));
		goto out;
	}
	if ((hazards && move_hazards(repo, hazards, memo, &up, &n, err)) ||
	    format_marker(repo, &marker, err))
		goto out;
	tree_updates_add(&up, GIT_TREE_UPDATE_UPSERT, &marker, LAYOUT_FORMAT_PATH);
	if (git_tree_create_updated(&id, repo, tree, up.n, up.u) < 0 ||
	    git_tree_lookup(out, repo, &id) < 0) {
		git_fail(err, _("building the tree in format 2"));
		goto out;
	}
	if (moved)
		*moved = n;
	rc = 0;
out:
	git_tree_free(hazards);
	tree_updates_release(&up);
	return rc;
}

static int has_blob(git_tree *tree, const char *path)
{
	git_tree_entry *e = NULL;
	int ok = git_tree_entry_bypath(&e, tree, path) == 0 &&
		 git_tree_entry_type(e) == GIT_OBJECT_BLOB;

	git_tree_entry_free(e);
	return ok;
}

int format_find_hazard(git_repository *repo, git_tree *tree, const char *id, char *out,
		       size_t size)
{
	git_tree_entry *he = NULL;
	git_tree *years = NULL;
	size_t i, k;
	int found = 0;

	if (!tree)
		return 0;
	layout_hazard_path(id, "", LAYOUT_FORMAT_OLD, out, size);
	if (has_blob(tree, out))
		return 1;
	if (git_tree_entry_bypath(&he, tree, "hazards") ||
	    git_tree_entry_type(he) != GIT_OBJECT_TREE ||
	    git_tree_lookup(&years, repo, git_tree_entry_id(he)) < 0)
		goto out;
	for (i = 0; i < git_tree_entrycount(years) && !found; i++) {
		const git_tree_entry *ye = git_tree_entry_byindex(years, i);
		git_tree *months = NULL;
		if (git_tree_entry_type(ye) != GIT_OBJECT_TREE ||
		    git_tree_lookup(&months, repo, git_tree_entry_id(ye)) < 0)
			continue;
		for (k = 0; k < git_tree_entrycount(months) && !found; k++) {
			const char *y = git_tree_entry_name(ye);
			const char *mo = git_tree_entry_name(git_tree_entry_byindex(months, k));
			snprintf(out, size, "hazards/%s/%s/%s.json", y, mo, id);
			found = strlen(y) == 4 && strlen(mo) == 2 && has_blob(tree, out);
		}
		git_tree_free(months);
	}
out:
	git_tree_free(years);
	git_tree_entry_free(he);
	return found;
}

/* The store stood at the old tree: it stands at the new one, which holds
 * the same records. */
static int follow_import(struct replica *r, git_tree *from, git_tree *to, struct fc_err *err)
{
	git_oid done;

	if (replica_imported_tree(r, &done, err))
		return -1;
	if (!git_oid_equal(&done, git_tree_id(from)))
		return 0;
	return replica_set_imported_tree(r, git_tree_id(to), err);
}

int format_migrate(struct replica *r, struct sync_log *rep, struct fc_err *err)
{
	git_tree *tree = NULL, *moved_tree = NULL;
	git_commit *parent = NULL;
	git_oid head, id;
	char msg[160];
	size_t moved = 0;
	int has, format, rc = -1;

	if (replica_head(r, &head, &has, err))
		return -1;
	if (!has)
		return 0;
	if (replica_commit_tree(r, &head, &tree, err) ||
	    format_of_tree(r->repo, tree, _("the replica"), &format, err))
		goto out;
	if (format == LAYOUT_FORMAT) {
		rc = 0;
		goto out;
	}
	if (format_normalise(r->repo, tree, NULL, &moved_tree, &moved, err))
		goto out;
	if (git_commit_lookup(&parent, r->repo, &head) < 0) {
		git_fail(err, _("reading the replica's branch"));
		goto out;
	}
	snprintf(msg, sizeof msg, "format 2: hazards kept by the month they were found "
		 "(%zu moved)\n", moved);
	if (replica_commit(r, msg, moved_tree, 1, (const git_commit **)&parent, &id, err) ||
	    replica_flush(r, err) ||
	    replica_set_head(r, &id, &head, "fieldcheck: format 2", err) ||
	    follow_import(r, tree, moved_tree, err))
		goto out;
	sync_log_note(rep, _("the replica moved to format 2: %zu hazards are kept by the month "
		      "they were found"), moved);
	rc = 0;
out:
	git_commit_free(parent);
	git_tree_free(moved_tree);
	git_tree_free(tree);
	return rc;
}
