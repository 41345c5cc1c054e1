/* store.h - the local SQLite store: one file per workspace.
 *
 * Opened in WAL mode with synchronous=FULL, foreign keys on and a busy
 * timeout: a laptop may lose power at any moment, and every change whose
 * call has returned must survive it.  The schema is brought up to date on
 * open by the migrations in schema.c, keyed on PRAGMA user_version.
 */
#ifndef FC_STORE_H
#define FC_STORE_H

#include "err.h"

struct fc_store;

/* The schema version this build writes. */
int store_schema_latest(void);

/* For a program of one thread, before it opens a store: SQLite without
 * its mutexes and its count of memory in use (a lock and a barrier around
 * every one of its allocations, a twentieth of a first pull's import).
 * Tests and tools that do not call it keep SQLite's defaults. */
void store_single_thread(void);

/* Opens the store at path, which must exist, and migrates it to the latest
 * schema.  A store from a newer fieldcheck is refused. */
int store_open(const char *path, struct fc_store **out, struct fc_err *err);
/* Opens the store at path for reading only: nothing is written, not even
 * the WAL set-up, so a workspace on a read-only disk or folder can be
 * checked.  A store that would need a migration is refused. */
int store_open_readonly(const char *path, struct fc_store **out, struct fc_err *err);
/* Creates a new store at path (which must not exist) at the latest schema. */
int store_create(const char *path, struct fc_store **out, struct fc_err *err);
/* Tests: creates or opens a store and migrates it only up to `version`. */
int store_open_version(const char *path, int version, struct fc_store **out, struct fc_err *err);
void store_close(struct fc_store *s);
const char *store_path(const struct fc_store *s);

/* Transactions: the outermost is BEGIN IMMEDIATE, so a writer waits for the
 * lock up front instead of failing half-way; nested ones are savepoints, so
 * an operation built of others is still all or nothing.  Every begin is
 * matched by one commit or one rollback. */
int store_begin(struct fc_store *s, struct fc_err *err);
int store_commit(struct fc_store *s, struct fc_err *err);
void store_rollback(struct fc_store *s);

int store_user_version(struct fc_store *s, int *out, struct fc_err *err);
/* Reads a PRAGMA that returns one value, as text (tests, `verify`). */
int store_pragma(struct fc_store *s, const char *name, char *out, size_t size, struct fc_err *err);
/* PRAGMA integrity_check; 0 if "ok", else -1 with the first problem. */
int store_integrity(struct fc_store *s, struct fc_err *err);

/* Key-value settings of the workspace (identity, role, language). */
int store_meta_get(struct fc_store *s, const char *key, char **out, struct fc_err *err);
int store_meta_set(struct fc_store *s, const char *key, const char *value, struct fc_err *err);

#endif
