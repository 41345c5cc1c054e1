/* store_impl.h - what core/ files share about the store's insides.
 * Nothing outside core/ includes this: only core talks SQL to the store. */
#ifndef FC_STORE_IMPL_H
#define FC_STORE_IMPL_H

#include <sqlite3.h>
#include "store.h"

struct fc_store {
	sqlite3 *db;
	char *path;
	int depth;      /* nesting of store_begin: the outermost is a transaction,
			 * inner ones savepoints, so operations compose */
};

/* Fills err with "CONTEXT: sqlite's message" and a hint when the disk is
 * full or failing; returns -1. */
int store_sqlerr(struct fc_store *s, struct fc_err *err, const char *context);
/* Prepares sql or reports why not. */
int store_prepare(struct fc_store *s, const char *sql, sqlite3_stmt **st, struct fc_err *err);
/* Binds text (NULL binds ''), 1-based. */
int store_bind(sqlite3_stmt *st, int i, const char *v);
/* Runs a statement that returns no rows, finalizes it. */
int store_run(struct fc_store *s, sqlite3_stmt *st, const char *context, struct fc_err *err);
/* Column text as a fresh string (never NULL). */
char *store_col_dup(sqlite3_stmt *st, int col);
/* Copies column text into a fixed buffer (cut to fit, always terminated). */
void store_col_copy(sqlite3_stmt *st, int col, char *dst, size_t size);

/* The migrations (schema.c): migration k brings version k to k+1. */
int schema_migrate(struct fc_store *s, int target, struct fc_err *err);
int schema_latest(void);

#endif
