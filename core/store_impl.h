/* store_impl.h - what core/ files share about the store's insides.
 * Nothing outside core/ includes this: only core talks SQL to the store. */
#ifndef FC_STORE_IMPL_H
#define FC_STORE_IMPL_H

#include <sqlite3.h>
#include "store.h"

/* Prepared statements kept for the connection's life (store_cached):
 * preparing costs more than running for the one-row statements an import
 * runs per record, answer and event, since each preparation also compiles
 * the tables' triggers.  Bounded: the least recently used idle one goes. */
#define STORE_CACHE_SIZE 48

struct store_cached_stmt {
	const char *sql;        /* the caller's literal: its address is the key */
	sqlite3_stmt *st;
	unsigned long used;     /* when it was last handed out (s->tick) */
	int busy;               /* handed out and not yet given back */
};

struct fc_store {
	sqlite3 *db;
	char *path;
	int depth;      /* nesting of store_begin: the outermost is a transaction,
			 * inner ones savepoints, so operations compose */
	int importing;  /* the depth outbox_pause ran at, 0 outside an import:
			 * what the `importing` table says, without a query */
	struct store_cached_stmt cache[STORE_CACHE_SIZE];
	size_t n_cached;
	unsigned long tick;
};

/* Fills err with "CONTEXT: sqlite's message" and a hint when the disk is
 * full or failing; returns -1. */
int store_sqlerr(struct fc_store *s, struct fc_err *err, const char *context);
/* Prepares sql or reports why not. */
int store_prepare(struct fc_store *s, const char *sql, sqlite3_stmt **st, struct fc_err *err);
/* Hands out the connection's prepared statement for sql, preparing it the
 * first time.  sql must be a string literal (or otherwise live and unchanged
 * as long as the store is open): its address is the key, its text the
 * fallback.  A statement still handed out is not shared: a nested use of the
 * same sql gets a statement of its own.  Give it back with store_release. */
int store_cached(struct fc_store *s, const char *sql, sqlite3_stmt **st, struct fc_err *err);
/* Gives back a statement of this connection: a cached one is reset and its
 * bindings cleared for the next use, any other finalized.  So it replaces
 * sqlite3_finalize for statements from store_prepare as well.  Read the
 * error (store_sqlerr) before: a reset may change it. */
void store_release(struct fc_store *s, sqlite3_stmt *st);
/* Binds text (NULL binds ''), 1-based. */
int store_bind(sqlite3_stmt *st, int i, const char *v);
/* store_bind without SQLite's copy of v, for a statement run at once:
 * v must stay as it is until the statement is released. */
int store_bind_kept(sqlite3_stmt *st, int i, const char *v);
/* Runs a statement that returns no rows and gives it back (store_release). */
int store_run(struct fc_store *s, sqlite3_stmt *st, const char *context, struct fc_err *err);
/* Steps st (bound already) once and releases it: 1 when it gives a row, 0
 * when none, -1 with err (context says what was being read). */
int store_has_row(struct fc_store *s, sqlite3_stmt *st, const char *context, struct fc_err *err);
/* Column text as a fresh string (never NULL). */
char *store_col_dup(sqlite3_stmt *st, int col);
/* Copies column text into a fixed buffer (cut to fit, always terminated). */
void store_col_copy(sqlite3_stmt *st, int col, char *dst, size_t size);

/* The migrations (schema.c): migration k brings version k to k+1. */
int schema_migrate(struct fc_store *s, int target, struct fc_err *err);
int schema_latest(void);

#endif
