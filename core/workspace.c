/* workspace.c - finding, creating and opening a workspace. */
#include "workspace.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "sshkey.h"
#include "store_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

#define STORE_FILE WORKSPACE_STORE

static char *path_join(const char *a, const char *b)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_adds(&sb, a);
	if (sb.len && sb.buf[sb.len - 1] != '/')
		strbuf_addc(&sb, '/');
	strbuf_adds(&sb, b);
	return strbuf_detach(&sb);
}

int workspace_locate(const char *opt, char **out, struct fc_err *err)
{
	const char *env = getenv("FIELDCHECK_HOME"), *xdg = getenv("XDG_DATA_HOME"),
		   *home = getenv("HOME");
	char *base;

	if (opt && *opt)
		*out = xstrdup(opt);
	else if (env && *env)
		*out = xstrdup(env);
	else if (xdg && *xdg)
		*out = path_join(xdg, "fieldcheck");
	else if (home && *home) {
		base = path_join(home, ".local/share");
		*out = path_join(base, "fieldcheck");
		free(base);
	} else
		return fc_failk(err, FC_EUSAGE, _("no workspace: give -C DIR or set FIELDCHECK_HOME"));
	return 0;
}

static int mkdirs(const char *dir, struct fc_err *err)
{
	char *p = xstrdup(dir), *q;

	for (q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0755) && errno != EEXIST)
			goto fail;
		*q = '/';
	}
	if (mkdir(p, 0700) && errno != EEXIST)
		goto fail;
	free(p);
	return 0;
fail:
	fc_failk(err, FC_EIO, _("cannot create folder %s: %s"), p, strerror(errno));
	free(p);
	return -1;
}

int workspace_write_identity(struct fc_store *s, const struct fc_person *me, int supervisor,
			     struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	sqlite3_stmt *st;

	if (clock_now(now, err) || store_begin(s, err))
		return -1;
	if (store_meta_set(s, "name", me->name, err) || store_meta_set(s, "badge", me->badge, err) ||
	    store_meta_set(s, "dept", me->dept, err) ||
	    store_meta_set(s, "role", supervisor ? "supervisor" : "inspector", err) ||
	    store_meta_set(s, "created_at", now, err) ||
	    store_prepare(s, "INSERT INTO people(badge, name, dept) VALUES (?1, ?2, ?3)", &st, err))
		goto fail;
	store_bind(st, 1, me->badge);
	store_bind(st, 2, me->name);
	store_bind(st, 3, me->dept);
	if (store_run(s, st, "saving the identity", err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

void workspace_remove_store_files(const char *tmp)
{
	char side[4096];
	unlink(tmp);
	snprintf(side, sizeof side, "%s-wal", tmp);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", tmp);
	unlink(side);
}

/* The store is built under a temporary name and linked into place only when
 * complete, so an interrupted init leaves no half-made workspace. */
int workspace_init(const char *dir, const struct fc_person *me, int supervisor,
		   struct fc_err *err)
{
	char *path = path_join(dir, STORE_FILE), *tmp = path_join(dir, STORE_FILE ".new"),
	     *forms = path_join(dir, "forms");
	struct fc_store *s = NULL;
	struct stat st;
	int rc = -1, made = 0;

	if (person_check(me, err))
		goto out;
	if (lstat(path, &st) == 0) {
		fc_fail(err, _("a workspace already exists in %s; nothing was changed (use -C DIR "
			"or FIELDCHECK_HOME for another one)"), dir);
		goto out;
	}
	if (mkdirs(dir, err) || mkdirs(forms, err))
		goto out;
	workspace_remove_store_files(tmp);
	made = 1;
	if (store_create(tmp, &s, err) || workspace_write_identity(s, me, supervisor, err))
		goto out;
	store_close(s);
	s = NULL;
	if (link(tmp, path) != 0) {
		fc_failk(err, errno == EEXIST ? FC_EFAIL : FC_EIO,
			 errno == EEXIST ? _("a workspace was created in %s at the same time; "
					     "nothing was changed%s") :
			 _("cannot create the store in %s: %s"), dir,
			 errno == EEXIST ? "" : strerror(errno));
		goto out;
	}
	file_fsync_dir(dir);
	rc = 0;
out:
	store_close(s);
	if (made)
		workspace_remove_store_files(tmp); /* after success, only a second name of the store */
	free(path);
	free(tmp);
	free(forms);
	return rc;
}

/* The first prefix of dir (a/, a/b/, ...) that does not exist; NULL when
 * dir itself does. */
static char *first_missing(const char *dir)
{
	char *p = xstrdup(dir), *q;
	struct stat st;

	for (q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;
			*q = '\0';
			if (stat(p, &st) != 0)
				return p;
			if (c == '\0')
				break;
			*q = c;
		}
	}
	free(p);
	return NULL;
}

int workspace_undo_note(const char *dir, struct workspace_undo *u, struct fc_err *err)
{
	struct dirent *e;
	size_t n = 0, alloc = 0;
	DIR *d;

	memset(u, 0, sizeof *u);
	u->dir = xstrdup(dir);
	if ((u->top = first_missing(dir)) != NULL)
		return 0;
	if ((d = opendir(dir)) == NULL)
		return fc_failk(err, FC_EIO, _("cannot read folder %s: %s"), dir, strerror(errno));
	ALLOC_GROW(u->had, 1, alloc);
	u->had[0] = NULL;
	while ((e = readdir(d)) != NULL) {
		ALLOC_GROW(u->had, n + 2, alloc);
		u->had[n++] = xstrdup(e->d_name);
		u->had[n] = NULL;
	}
	closedir(d);
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Removes path and what it holds, never following a link out of it. */
static void remove_tree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int had(const struct workspace_undo *u, const char *name)
{
	size_t i;

	for (i = 0; u->had[i]; i++)
		if (!strcmp(u->had[i], name))
			return 1;
	return 0;
}

void workspace_undo_run(const struct workspace_undo *u)
{
	struct dirent *e;
	DIR *d;

	if (u->top) {
		remove_tree(u->top);
		return;
	}
	if (!u->had || (d = opendir(u->dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (!had(u, e->d_name)) {
			char *p = path_join(u->dir, e->d_name);
			remove_tree(p);
			free(p);
		}
	}
	closedir(d);
}

void workspace_undo_release(struct workspace_undo *u)
{
	size_t i;

	for (i = 0; u->had && u->had[i]; i++)
		free(u->had[i]);
	free(u->had);
	free(u->top);
	free(u->dir);
	memset(u, 0, sizeof *u);
}

int workspace_read_identity(struct fc_workspace *ws, struct fc_err *err)
{
	char *name = NULL, *badge = NULL, *dept = NULL, *role = NULL;
	int rc = -1;

	if (store_meta_get(ws->store, "sign.key", &ws->sign_key, err) ||
	    store_meta_get(ws->store, "name", &name, err) ||
	    store_meta_get(ws->store, "badge", &badge, err) ||
	    store_meta_get(ws->store, "dept", &dept, err) ||
	    store_meta_get(ws->store, "role", &role, err))
		goto out;
	if (!name || !badge || !dept) {
		fc_failk(err, FC_EIO, _("the workspace in %s has no identity; it was not made by "
			 "'fieldcheck init'"), ws->dir);
		goto out;
	}
	snprintf(ws->me.name, sizeof ws->me.name, "%s", name);
	snprintf(ws->me.badge, sizeof ws->me.badge, "%s", badge);
	snprintf(ws->me.dept, sizeof ws->me.dept, "%s", dept);
	ws->supervisor = role && !strcmp(role, "supervisor");
	rc = 0;
out:
	free(name);
	free(badge);
	free(dept);
	free(role);
	return rc;
}

static int open_ws(const char *dir, int readonly, struct fc_workspace **out, struct fc_err *err)
{
	struct fc_workspace *ws;
	char *path = path_join(dir, STORE_FILE);
	struct stat st;

	if (stat(path, &st) != 0) {
		free(path);
		return fc_failk(err, FC_ENOTFOUND, _("no workspace in %s; create one with 'fieldcheck "
				"init --name NAME --badge BADGE --dept DEPT' (or give -C DIR)"), dir);
	}
	ws = xcalloc(1, sizeof *ws);
	ws->dir = xstrdup(dir);
	if ((readonly ? store_open_readonly(path, &ws->store, err)
		      : store_open(path, &ws->store, err)) || workspace_read_identity(ws, err)) {
		free(path);
		workspace_close(ws);
		return -1;
	}
	free(path);
	*out = ws;
	return 0;
}

int workspace_open(const char *dir, struct fc_workspace **out, struct fc_err *err)
{
	return open_ws(dir, 0, out, err);
}

int workspace_open_readonly(const char *dir, struct fc_workspace **out, struct fc_err *err)
{
	return open_ws(dir, 1, out, err);
}

void workspace_close(struct fc_workspace *ws)
{
	if (!ws)
		return;
	store_close(ws->store);
	free(ws->sign_key);
	free(ws->dir);
	free(ws);
}

int workspace_set_sign_key(struct fc_workspace *ws, const char *path, struct fc_err *err)
{
	struct sshkey k;
	char *abs = realpath(path, NULL);

	if (!abs)
		return fc_failk(err, errno == ENOENT ? FC_ENOTFOUND : FC_EIO, _("cannot use the key "
				"%s: %s"), path, strerror(errno));
	if (sshkey_load_public(abs, &k, err) || store_meta_set(ws->store, "sign.key", abs, err)) {
		free(abs);
		return -1;
	}
	free(ws->sign_key);
	ws->sign_key = abs;
	return 0;
}

char *workspace_file(const struct fc_workspace *ws, const char *name)
{
	return path_join(ws->dir, name);
}
