/* store.c - opening the SQLite store and the small helpers every query uses. */
#include "store_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"
#include "core/i18n.h"

#define BUSY_TIMEOUT_MS 10000

int store_sqlerr(struct fc_store *s, struct fc_err *err, const char *context)
{
	int ext = s && s->db ? sqlite3_extended_errcode(s->db) : SQLITE_ERROR;
	int code = ext & 0xff;
	const char *msg = s && s->db ? sqlite3_errmsg(s->db) : "no store";
	const char *where = s && s->path ? s->path : "store";

	if (code == SQLITE_FULL || ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
	    code == SQLITE_IOERR)
		return fc_failk(err, FC_EIO, _("%s: cannot write %s: %s (is the disk full or "
				"failing? nothing was changed)"), context, where, msg);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return fc_failk(err, FC_EIO, _("%s: %s is busy (another fieldcheck is writing); "
				"try again"), context, where);
	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		return fc_failk(err, FC_EIO, _("%s: %s is damaged: %s ('fieldcheck repair' rebuilds "
				"it from the replica and keeps what it can read of it)"), context,
				where, msg);
	return fc_fail(err, "%s: %s", context, msg);
}

int store_prepare(struct fc_store *s, const char *sql, sqlite3_stmt **st, struct fc_err *err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return store_sqlerr(s, err, "preparing a query");
	}
	return 0;
}

/* The cached entry for sql: the address first (every caller passes a
 * literal), then the text, for the same statement written in two places. */
static struct store_cached_stmt *cache_find(struct fc_store *s, const char *sql)
{
	size_t i;

	for (i = 0; i < s->n_cached; i++)
		if (s->cache[i].sql == sql && !s->cache[i].busy)
			return &s->cache[i];
	for (i = 0; i < s->n_cached; i++)
		if (!s->cache[i].busy && !strcmp(sqlite3_sql(s->cache[i].st), sql))
			return &s->cache[i];
	return NULL;
}

/* A free entry: a new one, else the least recently used idle one
 * (finalized); NULL when every one is handed out. */
static struct store_cached_stmt *cache_slot(struct fc_store *s)
{
	struct store_cached_stmt *old = NULL;
	size_t i;

	if (s->n_cached < STORE_CACHE_SIZE)
		return &s->cache[s->n_cached++];
	for (i = 0; i < s->n_cached; i++)
		if (!s->cache[i].busy && (!old || s->cache[i].used < old->used))
			old = &s->cache[i];
	if (old) {
		sqlite3_finalize(old->st);
		memset(old, 0, sizeof *old);
	}
	return old;
}

int store_cached(struct fc_store *s, const char *sql, sqlite3_stmt **st, struct fc_err *err)
{
	struct store_cached_stmt *c = cache_find(s, sql);

	if (!c) {
		if (store_prepare(s, sql, st, err))
			return -1;
		if (!(c = cache_slot(s)))
			return 0; /* all in use: this one is finalized on release */
		c->st = *st;
	}
	c->sql = sql;
	c->busy = 1;
	c->used = ++s->tick;
	*st = c->st;
	return 0;
}

void store_release(struct fc_store *s, sqlite3_stmt *st)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < s->n_cached; i++)
		if (s->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			s->cache[i].busy = 0;
			return;
		}
	sqlite3_finalize(st);
}

int store_bind(sqlite3_stmt *st, int i, const char *v)
{
	return sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : -1;
}

int store_run(struct fc_store *s, sqlite3_stmt *st, const char *context, struct fc_err *err)
{
	int rc = sqlite3_step(st), fail = 0;

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		fail = store_sqlerr(s, err, context);
	store_release(s, st);
	return fail;
}

int store_has_row(struct fc_store *s, sqlite3_stmt *st, const char *context, struct fc_err *err)
{
	int rc = sqlite3_step(st);

	rc = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, context);
	store_release(s, st);
	return rc;
}

int store_bind_kept(sqlite3_stmt *st, int i, const char *v)
{
	return sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC) == SQLITE_OK ? 0 : -1;
}

char *store_col_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return xstrdup(t ? (const char *)t : "");
}

void store_col_copy(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, size, "%s", t ? (const char *)t : "");
}

static int exec(struct fc_store *s, const char *sql, const char *context, struct fc_err *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(s, err, context);
	return 0;
}

/* Durability first (an answer whose call returned survives a power cut):
 * WAL, synchronous=FULL, foreign keys.
 * The WAL and its index file persist between runs: on a full disk the
 * store can still be opened and read, and a write fails cleanly at the WAL
 * instead of at opening (where the index file would need new space).
 * Temporaries stay in memory: an import wraps each record in a savepoint
 * (so a refused record rolls back alone), and the savepoint's journal of
 * every page it touched went to a file in /var/tmp, 2.6 GB of writes for a
 * first pull of 10 000 inspections; in memory it is one record's pages. */
static int configure(struct fc_store *s, int readonly, struct fc_err *err)
{
	char mode[16];
	int persist = 1;

	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	if (exec(s, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"
		 " PRAGMA journal_size_limit=4194304; PRAGMA temp_store=MEMORY;",
		 "configuring the store", err))
		return -1;
	if (readonly) /* switching the journal mode is a write */
		return 0;
	if (store_pragma(s, "journal_mode=WAL", mode, sizeof mode, err))
		return -1;
	if (strcmp(mode, "wal"))
		return fc_failk(err, FC_EIO, _("%s: cannot switch to WAL mode (got '%s'); is it on a "
				"file system without shared memory?"), s->path, mode);
	return 0;
}

void store_single_thread(void)
{
	/* Refused (SQLITE_MISUSE) once SQLite is in use: it then keeps its
	 * defaults, which are as correct, only slower. */
	(void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Opens path (through `uri` when given: flags hold SQLITE_OPEN_URI). */
static int open_db_as(const char *path, const char *uri, int flags, struct fc_store **out,
		      struct fc_err *err)
{
	struct fc_store *s = xcalloc(1, sizeof *s);

	s->path = xstrdup(path);
	/* One connection is never shared between threads: no mutex needed. */
	if (sqlite3_open_v2(uri ? uri : path, &s->db,
			    flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_sqlerr(s, err, "opening the store");
		store_close(s);
		return -1;
	}
	if (configure(s, !!(flags & SQLITE_OPEN_READONLY), err)) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

static int open_db(const char *path, int flags, struct fc_store **out, struct fc_err *err)
{
	return open_db_as(path, NULL, flags, out, err);
}

/* Reading a WAL store needs its index file (-shm), made on demand: in a
 * folder nobody may write, with the index gone and no WAL left (everything
 * is in the main file), the store is opened as immutable, which needs
 * neither.  Opened for reading only, it stays a plain read-only open. */
static int open_readonly(const char *path, struct fc_store **out, int *v, struct fc_err *err)
{
	struct strbuf uri;
	struct stat st;
	const char *p;
	char *wal;
	int wal_left, rc;

	if (open_db(path, SQLITE_OPEN_READONLY, out, err) == 0) {
		if (store_user_version(*out, v, err) == 0)
			return 0;
		store_close(*out);
	}
	wal = xstrfmt("%s-wal", path);
	wal_left = stat(wal, &st) == 0 && st.st_size > 0;
	free(wal);
	if (wal_left)
		return fc_err_prefix(err, _("reading %s without write access (its WAL holds changes "
				     "its missing index file would find)"), path);
	strbuf_init(&uri);
	strbuf_adds(&uri, "file:");
	for (p = path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_addf(&uri, "%%%02x", (unsigned char)*p);
		else
			strbuf_addc(&uri, *p);
	strbuf_adds(&uri, "?immutable=1");
	rc = open_db_as(path, uri.buf, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, out, err);
	strbuf_release(&uri);
	if (rc == 0 && store_user_version(*out, v, err)) {
		store_close(*out);
		return -1;
	}
	return rc;
}

int store_schema_latest(void)
{
	return schema_latest();
}

int store_open_version(const char *path, int version, struct fc_store **out, struct fc_err *err)
{
	struct fc_store *s;

	if (open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &s, err))
		return -1;
	if (schema_migrate(s, version, err)) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

int store_open(const char *path, struct fc_store **out, struct fc_err *err)
{
	struct stat st;
	struct fc_store *s;

	if (stat(path, &st) != 0)
		return fc_failk(err, FC_ENOTFOUND, _("no store at %s: %s"), path, strerror(errno));
	if (open_db(path, SQLITE_OPEN_READWRITE, &s, err))
		return -1;
	if (schema_migrate(s, schema_latest(), err)) {
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

int store_open_readonly(const char *path, struct fc_store **out, struct fc_err *err)
{
	struct stat st;
	struct fc_store *s;
	int v = 0;

	if (stat(path, &st) != 0)
		return fc_failk(err, FC_ENOTFOUND, _("no store at %s: %s"), path, strerror(errno));
	if (open_readonly(path, &s, &v, err))
		return -1;
	if (v != schema_latest()) {
		fc_fail(err, _("%s is at schema %d and this fieldcheck reads %d: open it once with "
			"write access (any command but verify) to bring it up to date"), path, v,
			schema_latest());
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

int store_create(const char *path, struct fc_store **out, struct fc_err *err)
{
	struct stat st;

	if (lstat(path, &st) == 0)
		return fc_fail(err, _("%s already exists"), path);
	return store_open_version(path, schema_latest(), out, err);
}

void store_close(struct fc_store *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n_cached; i++)
		sqlite3_finalize(s->cache[i].st);
	if (s->db)
		sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

const char *store_path(const struct fc_store *s)
{
	return s->path;
}

/* Runs a cached statement that returns nothing: the savepoints an import
 * opens and releases for each record cost a preparation each otherwise. */
static int run_cached(struct fc_store *s, const char *sql, const char *context,
		      struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, sql, &st, err))
		return -1;
	return store_run(s, st, context, err);
}

int store_begin(struct fc_store *s, struct fc_err *err)
{
	if (run_cached(s, s->depth ? "SAVEPOINT fc" : "BEGIN IMMEDIATE", "starting a change", err))
		return -1;
	s->depth++;
	return 0;
}

int store_commit(struct fc_store *s, struct fc_err *err)
{
	if (s->depth == 0)
		return fc_fail(err, _("internal error: commit without a change"));
	if (run_cached(s, s->depth > 1 ? "RELEASE fc" : "COMMIT", "saving the change", err)) {
		store_rollback(s);
		return -1;
	}
	s->depth--;
	return 0;
}

void store_rollback(struct fc_store *s)
{
	if (s->depth == 0)
		return;
	if (s->depth > 1)
		sqlite3_exec(s->db, "ROLLBACK TO fc; RELEASE fc", NULL, NULL, NULL);
	else if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (s->importing >= s->depth) /* the row outbox_pause wrote is gone */
		s->importing = 0;
	s->depth--;
}

int store_pragma(struct fc_store *s, const char *name, char *out, size_t size, struct fc_err *err)
{
	char sql[128];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof sql, "PRAGMA %s", name);
	if (store_prepare(s, sql, &st, err))
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_sqlerr(s, err, "reading a setting");
	}
	if (rc == SQLITE_ROW)
		store_col_copy(st, 0, out, size);
	else
		snprintf(out, size, "%s", "");
	sqlite3_finalize(st);
	return 0;
}

int store_user_version(struct fc_store *s, int *out, struct fc_err *err)
{
	char v[32];
	if (store_pragma(s, "user_version", v, sizeof v, err))
		return -1;
	*out = atoi(v);
	return 0;
}

int store_integrity(struct fc_store *s, struct fc_err *err)
{
	char res[512];
	if (store_pragma(s, "integrity_check", res, sizeof res, err))
		return -1;
	if (strcmp(res, "ok"))
		return fc_failk(err, FC_EIO, _("%s fails its integrity check: %s"), s->path, res);
	return 0;
}

int store_meta_get(struct fc_store *s, const char *key, char **out, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc, fail;

	*out = NULL;
	if (store_cached(s, "SELECT value FROM meta WHERE key = ?1", &st, err))
		return -1;
	store_bind(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = store_col_dup(st, 0);
	fail = rc != SQLITE_ROW && rc != SQLITE_DONE ?
	       store_sqlerr(s, err, "reading the workspace settings") : 0;
	store_release(s, st);
	return fail;
}

int store_meta_set(struct fc_store *s, const char *key, const char *value, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, "INSERT INTO meta(key, value) VALUES (?1, ?2) "
			 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st, err))
		return -1;
	store_bind(st, 1, key);
	store_bind(st, 2, value);
	return store_run(s, st, "saving a workspace setting", err);
}
