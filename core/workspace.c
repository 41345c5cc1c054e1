/* workspace.c - finding, creating and opening a workspace. */
#include "workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sshkey.h"
#include "store_impl.h"
#include "strbuf.h"

#define STORE_FILE "store.db"

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

int workspace_resolve(const char *opt, char **out, struct fc_err *err)
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
		return fc_failk(err, FC_EUSAGE, "no workspace: give -C DIR or set FIELDCHECK_HOME");
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
	fc_failk(err, FC_EIO, "cannot create folder %s: %s", p, strerror(errno));
	free(p);
	return -1;
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY), rc;
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static int write_identity(struct fc_store *s, const struct fc_person *me, int supervisor,
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

static void remove_new(const char *tmp)
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
		fc_fail(err, "a workspace already exists in %s; nothing was changed (use -C DIR "
			"or FIELDCHECK_HOME for another one)", dir);
		goto out;
	}
	if (mkdirs(dir, err) || mkdirs(forms, err))
		goto out;
	remove_new(tmp);
	made = 1;
	if (store_create(tmp, &s, err) || write_identity(s, me, supervisor, err))
		goto out;
	store_close(s);
	s = NULL;
	if (link(tmp, path) != 0) {
		fc_failk(err, errno == EEXIST ? FC_EFAIL : FC_EIO,
			 errno == EEXIST ? "a workspace was created in %s at the same time; "
			 "nothing was changed%s" : "cannot create the store in %s: %s", dir,
			 errno == EEXIST ? "" : strerror(errno));
		goto out;
	}
	fsync_dir(dir);
	rc = 0;
out:
	store_close(s);
	if (made)
		remove_new(tmp); /* after success, only a second name of the store */
	free(path);
	free(tmp);
	free(forms);
	return rc;
}

static int read_identity(struct fc_workspace *ws, struct fc_err *err)
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
		fc_failk(err, FC_EIO, "the workspace in %s has no identity; it was not made by "
			 "'fieldcheck init'", ws->dir);
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
		return fc_failk(err, FC_ENOTFOUND, "no workspace in %s; create one with 'fieldcheck "
				"init --name NAME --badge BADGE --dept DEPT' (or give -C DIR)", dir);
	}
	ws = xcalloc(1, sizeof *ws);
	ws->dir = xstrdup(dir);
	if ((readonly ? store_open_readonly(path, &ws->store, err)
		      : store_open(path, &ws->store, err)) || read_identity(ws, err)) {
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
		return fc_failk(err, errno == ENOENT ? FC_ENOTFOUND : FC_EIO, "cannot use the key "
				"%s: %s", path, strerror(errno));
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
