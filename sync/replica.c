/* replica.c - opening the replica and moving its branch (see replica.h). */
#include "replica.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "gitutil.h"
#include "decoded.h"
#include "judged.h"
#include "newobjs.h"
#include "quarantine.h"


/* Removes *.lock files under dir (recursively, one level of refs deep is
 * enough in practice; we walk all). Only called with the sync lock held. */
static void clear_stale_locks(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		struct strbuf p;
		struct stat st;
		size_t n = strlen(e->d_name);
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, "objects"))
			continue;
		strbuf_init(&p);
		strbuf_addf(&p, "%s/%s", dir, e->d_name);
		if (lstat(p.buf, &st) == 0 && S_ISDIR(st.st_mode))
			clear_stale_locks(p.buf);
		else if (n > 5 && !strcmp(e->d_name + n - 5, ".lock"))
			unlink(p.buf);
		strbuf_release(&p);
	}
	closedir(d);
}

/* libgit2's indexer writes pack_git2_* temporaries in objects/pack and
 * renames them when done; a killed process leaves them behind.  Removes
 * those older than max_age seconds (0: all, when no one else can write). */
void clear_pack_temporaries(const char *repo_path, long max_age)
{
	struct strbuf dir;
	struct dirent *e;
	time_t now = time(NULL);
	DIR *d;

	strbuf_init(&dir);
	strbuf_addf(&dir, "%s/objects/pack", repo_path);
	if ((d = opendir(dir.buf)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			struct strbuf p;
			struct stat st;
			if (strncmp(e->d_name, "pack_git2_", 10) && strncmp(e->d_name, "tmp_", 4))
				continue;
			strbuf_init(&p);
			strbuf_addf(&p, "%s/%s", dir.buf, e->d_name);
			if (lstat(p.buf, &st) == 0 && S_ISREG(st.st_mode) &&
			    now - st.st_mtime >= max_age)
				unlink(p.buf);
			strbuf_release(&p);
		}
		closedir(d);
	}
	strbuf_release(&dir);
}

/* A reader (REPLICA_READONLY) shares the lock, opened for reading, so it
 * waits for a sync but never needs to write; with no lock file there is no
 * sync to wait for (none ran, or it cannot run where nothing is writable). */
static int take_lock(struct fc_workspace *ws, int shared, int *fd, struct fc_err *err)
{
	char *path = workspace_file(ws, "sync.lock");

	*fd = shared ? open(path, O_RDONLY | O_CLOEXEC) : open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (*fd < 0 && shared && errno == ENOENT) {
		free(path);
		return 0;
	}
	if (*fd < 0) {
		fc_failk(err, FC_EIO, _("cannot open %s: %s"), path, strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	/* Blocks while another sync of this workspace runs; the kernel drops
	 * the lock of a killed process, so it can never be stale. */
	while (flock(*fd, shared ? LOCK_SH : LOCK_EX) != 0)
		if (errno != EINTR) {
			close(*fd);
			*fd = -1;
			return fc_failk(err, FC_EIO, _("cannot lock the workspace: %s"), strerror(errno));
		}
	return 0;
}

static int create_repo(const char *path, git_repository **repo, struct fc_err *err)
{
	git_reference *head = NULL;

	if (git_repository_init(repo, path, 1) < 0)
		return git_fail(err, _("creating the replica"));
	if (git_reference_symbolic_create(&head, *repo, "HEAD", REPLICA_BRANCH, 1, NULL) < 0)
		return git_fail(err, _("setting up the replica"));
	git_reference_free(head);
	return 0;
}

int replica_open(struct fc_workspace *ws, int flags, struct replica **out, struct fc_err *err)
{
	struct replica *r = xcalloc(1, sizeof *r);
	struct stat st;

	r->ws = ws;
	r->lock_fd = -1;
	r->path = workspace_file(ws, REPLICA_DIR);
	if (gitutil_init(err)) {
		free(r->path);
		free(r);
		return -1;
	}
	if (!(flags & REPLICA_NOLOCK) &&
	    take_lock(ws, !!(flags & REPLICA_READONLY), &r->lock_fd, err))
		goto fail;
	if (stat(r->path, &st) != 0) {
		if (!(flags & REPLICA_CREATE)) {
			fc_failk(err, FC_ENOTFOUND, _("this workspace has no replica yet; add a "
				 "remote with 'fieldcheck remote add origin URL' and sync"));
			goto fail;
		}
		if (create_repo(r->path, &r->repo, err))
			goto fail;
	} else {
		if (r->lock_fd >= 0 && !(flags & REPLICA_READONLY)) {
			clear_stale_locks(r->path);
			clear_pack_temporaries(r->path, 0);
		}
		if (git_repository_open_bare(&r->repo, r->path) < 0) {
			git_fail(err, _("opening the replica"));
			goto fail;
		}
	}
	if (!(flags & (REPLICA_NOLOCK | REPLICA_READONLY)) && gitutil_pack_window(r->repo, err))
		goto fail;
	if (newobjs_attach(r->repo, &r->newobjs, err))
		goto fail;
	*out = r;
	return 0;
fail:
	replica_close(r);
	return -1;
}

int replica_renew(struct replica *r, const char *aside, struct fc_err *err)
{
	git_repository_free(r->repo); /* and the new objects' backend with it */
	r->repo = NULL;
	r->newobjs = NULL;
	if (rename(r->path, aside) != 0)
		return fc_failk(err, FC_EIO, _("cannot set the replica aside as %s: %s"), aside,
				strerror(errno));
	if (create_repo(r->path, &r->repo, err) || gitutil_pack_window(r->repo, err))
		return -1;
	return newobjs_attach(r->repo, &r->newobjs, err);
}

int replica_flush(struct replica *r, struct fc_err *err)
{
	return newobjs_flush(r->newobjs, r->repo, err);
}

void replica_close(struct replica *r)
{
	if (!r)
		return;
	quarantine_close(r);
	judged_free(r->judged);
	decoded_free(r->decoded);
	git_repository_free(r->repo);
	free(r->notice);
	if (r->lock_fd >= 0)
		close(r->lock_fd);
	free(r->path);
	free(r);
	gitutil_done();
}

int replica_head(struct replica *r, git_oid *out, int *exists, struct fc_err *err)
{
	int rc = git_reference_name_to_id(out, r->repo, REPLICA_BRANCH);

	*exists = rc == 0;
	if (rc == GIT_ENOTFOUND) {
		memset(out, 0, sizeof *out);
		return 0;
	}
	return rc < 0 ? git_fail(err, _("reading the replica's branch")) : 0;
}

int replica_set_head(struct replica *r, const git_oid *new_id, const git_oid *old,
		     const char *why, struct fc_err *err)
{
	git_reference *ref = NULL;
	int rc;

	if (old)
		rc = git_reference_create_matching(&ref, r->repo, REPLICA_BRANCH, new_id, 1, old, why);
	else
		rc = git_reference_create(&ref, r->repo, REPLICA_BRANCH, new_id, 0, why);
	git_reference_free(ref);
	if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS)
		return fc_fail(err, _("the replica's branch moved while syncing; sync again"));
	return rc < 0 ? git_fail(err, _("moving the replica's branch")) : 0;
}

int replica_commit_tree(struct replica *r, const git_oid *commit, git_tree **tree,
			struct fc_err *err)
{
	git_commit *c;

	*tree = NULL;
	if (!commit)
		return 0;
	if (git_commit_lookup(&c, r->repo, commit) < 0)
		return git_fail(err, _("reading a commit of the replica"));
	if (git_commit_tree(tree, c) < 0) {
		git_commit_free(c);
		return git_fail(err, _("reading a tree of the replica"));
	}
	git_commit_free(c);
	return 0;
}

int replica_imported_tree(struct replica *r, git_oid *out, struct fc_err *err)
{
	char *v = NULL;

	memset(out, 0, sizeof *out);
	if (store_meta_get(r->ws->store, "sync.imported_tree", &v, err))
		return -1;
	if (v && git_oid_fromstr(out, v) < 0)
		memset(out, 0, sizeof *out);
	free(v);
	return 0;
}

int replica_set_imported_tree(struct replica *r, const git_oid *tree, struct fc_err *err)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_oid_tostr(hex, sizeof hex, tree);
	return store_meta_set(r->ws->store, "sync.imported_tree", hex, err);
}
