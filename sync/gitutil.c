/* gitutil.c - libgit2 errors, set-up and packs added whole (see gitutil.h). */
#include "gitutil.h"
#include "core/i18n.h"

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#define MWINDOW_SIZE (4u << 20)
#define MWINDOW_MAPPED_LIMIT (24u << 20)
#define OBJECT_CACHE_MAX (16 << 20)
#define TREE_CACHE_LIMIT (256u << 10)

int git_fail(struct fc_err *err, const char *context)
{
	const git_error *e = git_error_last();
	return fc_failk(err, FC_EIO, "%s: %s", context, e && e->message ? e->message : "git failed");
}

int gitutil_init(struct fc_err *err)
{
	if (git_libgit2_init() < 0)
		return git_fail(err, _("starting libgit2"));
	/* Objects and refs reach the disk before a ref points at them. */
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
	/* Our records are small and many; strict object creation checks that
	 * every tree entry points at a real object, which we want. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
	/* Packs are read through mmap windows, whose pages count as the
	 * process's memory: by default one window covers 1 GiB and 8 GiB may
	 * stay mapped, so reading every record of a large central once kept
	 * all of it resident.  Small windows, few kept: a rugged laptop's
	 * memory stays free while a supervisor's first pull reads 100 000
	 * records. */
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)MWINDOW_SIZE);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)MWINDOW_MAPPED_LIMIT);
	/* Decoded trees and commits kept for reuse, the month and hazard
	 * trees too: by default only objects under 4 KiB are kept, so every
	 * path looked up in a big month re-read and re-inflated its tree. */
	git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)OBJECT_CACHE_MAX);
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, (size_t)TREE_CACHE_LIMIT);
	return 0;
}

/* libgit2's packbuilder tries each new object against the ten before it
 * (in its order, see sync/newobjs.c), whatever their size: nearly a third
 * of the CPU of a sync of 1000 inspections went to that search.  A window
 * of PACK_WINDOW_MEMORY bytes (objects and their delta indexes) keeps the
 * two or three nearest, which the records' names make the likeliest
 * bases: the pack stays the size it was (+0.7 %), for a fifth less CPU. */
#define PACK_WINDOW_MEMORY (16 << 10)

int gitutil_pack_window(git_repository *repo, struct fc_err *err)
{
	git_config *cfg = NULL;
	int64_t v;
	int rc = 0;

	if (git_repository_config(&cfg, repo) < 0)
		return git_fail(err, _("opening the replica"));
	/* Set once; one set by hand (git config pack.windowMemory) stands. */
	if (git_config_get_int64(&v, cfg, "pack.windowMemory") == GIT_ENOTFOUND &&
	    git_config_set_int64(cfg, "pack.windowMemory", PACK_WINDOW_MEMORY) < 0)
		rc = git_fail(err, _("opening the replica"));
	git_error_clear();
	git_config_free(cfg);
	return rc;
}

void gitutil_done(void)
{
	git_libgit2_shutdown();
}

int gitutil_add_pack(git_repository *repo, const git_buf *pack, git_indexer_progress *stats,
		     char *name)
{
	git_indexer_options opts;
	git_indexer_progress st;
	git_indexer *ix = NULL;
	git_odb *odb = NULL;
	char dir[4096];
	int rc;

	if ((size_t)snprintf(dir, sizeof dir, "%sobjects/pack", git_repository_path(repo)) >=
	    sizeof dir) {
		git_error_set_str(GIT_ERROR_OS, "the repository's path is too long");
		return -1;
	}
	rc = git_indexer_options_init(&opts, GIT_INDEXER_OPTIONS_VERSION);
	if (rc == 0)
		rc = git_repository_odb(&odb, repo);
	if (rc == 0)
		rc = git_indexer_new(&ix, dir, 0, odb, &opts);
	if (rc == 0)
		rc = git_indexer_append(ix, pack->ptr, pack->size, &st);
	if (rc == 0)
		rc = git_indexer_commit(ix, &st);
	if (rc == 0 && name)
		snprintf(name, GIT_OID_HEXSZ + 1, "%s", git_indexer_name(ix));
	if (rc == 0 && stats)
		*stats = st;
	if (rc == 0)
		rc = git_odb_refresh(odb);
	git_indexer_free(ix);
	git_odb_free(odb);
	return rc < 0 ? -1 : 0;
}

const char *oid_short(const git_oid *id, char *buf, size_t size)
{
	git_oid_tostr(buf, size < 13 ? size : 13, id);
	return buf;
}
