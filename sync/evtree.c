/* evtree.c - the shape of an evidence ref's tree (see evtree.h). */
#include "evtree.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "blobread.h"
#include "gitutil.h"
#include "treecheck.h"

int evtree_ref(const char *badge, char *out, size_t size, struct fc_err *err)
{
	int valid = 0;

	if (snprintf(out, size, "%s%s", EVIDENCE_REF_PREFIX, badge) >= (int)size ||
	    git_reference_name_is_valid(&valid, out) < 0 || !valid || strchr(badge, '/'))
		return fc_fail(err, _("the badge %.64s cannot name an evidence ref"), badge);
	return 0;
}

static int is_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!s[i] || !strchr("0123456789abcdef", s[i]))
			return 0;
	return s[n] == '\0';
}

static int refuse(struct fc_err *err, const char *folder, const char *name, const char *why)
{
	struct strbuf shown;

	strbuf_init(&shown);
	if (folder)
		strbuf_addf(&shown, "%s/", folder);
	treecheck_show(&shown, name, strlen(name));
	fc_failk(err, FC_EFAIL, _("evidence tree entry %s: %s"), shown.buf, why);
	strbuf_release(&shown);
	return -1;
}

/* A tree object, its size read from its header first. */
static int read_tree(git_repository *repo, const git_oid *id, git_tree **out, struct fc_err *err)
{
	git_object_t type;
	size_t size;

	if (blob_header(repo, id, &size, &type) < 0)
		return git_fail(err, _("reading an evidence tree"));
	if (type != GIT_OBJECT_TREE || size > TREE_MAX_BYTES)
		return fc_failk(err, FC_EFAIL, _("evidence tree %s is no tree of a size kept"),
				git_oid_tostr_s(id));
	return git_tree_lookup(out, repo, id) < 0 ? git_fail(err, _("reading an evidence tree")) : 0;
}

static int check_file(git_repository *repo, const char *folder, const git_tree_entry *e,
		      uint64_t max, struct fc_err *err)
{
	const char *name = git_tree_entry_name(e);
	git_object_t type;
	size_t size;
	int rc;

	if (!is_hex(name, 64) || strncmp(name, folder, 2))
		return refuse(err, folder, name, _("not the sha256 of a file in this folder"));
	if (git_tree_entry_filemode(e) != GIT_FILEMODE_BLOB)
		return refuse(err, folder, name, _("not a plain file"));
	if ((rc = blob_header(repo, git_tree_entry_id(e), &size, &type)) == GIT_ENOTFOUND) {
		git_error_clear();
		return 0; /* its bytes left the replica once kept (evblob_drop) */
	}
	if (rc < 0)
		return git_fail(err, _("reading an evidence file's header"));
	if (type != GIT_OBJECT_BLOB)
		return refuse(err, folder, name, _("not a file"));
	if (size > max)
		return refuse(err, folder, name, _("larger than the limit per file (the setting "
			      "evidence.max_bytes)"));
	return 0;
}

int evtree_check(git_repository *repo, const git_oid *tree, uint64_t max, struct fc_err *err)
{
	git_tree *root = NULL;
	size_t i, j;
	int rc;

	if ((rc = treecheck(repo, tree, NULL, err)) || (rc = read_tree(repo, tree, &root, err)))
		return rc;
	for (i = 0; rc == 0 && i < git_tree_entrycount(root); i++) {
		const git_tree_entry *e = git_tree_entry_byindex(root, i);
		const char *name = git_tree_entry_name(e);
		git_tree *sub = NULL;
		if (!is_hex(name, 2) || git_tree_entry_filemode(e) != GIT_FILEMODE_TREE) {
			rc = refuse(err, NULL, name, _("not a folder of two hex digits"));
			break;
		}
		if ((rc = read_tree(repo, git_tree_entry_id(e), &sub, err)))
			break;
		for (j = 0; rc == 0 && j < git_tree_entrycount(sub); j++)
			rc = check_file(repo, name, git_tree_entry_byindex(sub, j), max, err);
		git_tree_free(sub);
	}
	git_tree_free(root);
	return rc;
}

int evtree_find(git_tree *tree, const char *sha256, git_oid *blob)
{
	git_tree_entry *e = NULL;
	char path[2 + 1 + 64 + 1];
	int rc;

	if (strlen(sha256) != 64)
		return GIT_ENOTFOUND;
	snprintf(path, sizeof path, "%.2s/%s", sha256, sha256);
	rc = git_tree_entry_bypath(&e, tree, path);
	if (rc == 0 && git_tree_entry_type(e) == GIT_OBJECT_BLOB)
		git_oid_cpy(blob, git_tree_entry_id(e));
	else
		rc = GIT_ENOTFOUND;
	git_tree_entry_free(e);
	git_error_clear();
	return rc;
}
