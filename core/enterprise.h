/* enterprise.h - the enterprises inspectors visit, keyed by credit code. */
#ifndef FC_ENTERPRISE_H
#define FC_ENTERPRISE_H

#include "model.h"
#include "store.h"

/* Adds a new enterprise (validated); an existing code is refused. */
int enterprise_add(struct fc_store *s, const struct fc_enterprise *e, struct fc_err *err);
/* Inserts or replaces (records arriving from a sync). */
int enterprise_put(struct fc_store *s, const struct fc_enterprise *e, struct fc_err *err);
/* Reads one; FC_ENOTFOUND if there is none. */
int enterprise_get(struct fc_store *s, const char *code, struct fc_enterprise *out,
		   struct fc_err *err);

typedef int (*enterprise_cb)(const struct fc_enterprise *e, void *ctx);
/* Every enterprise whose name contains `query` or whose code starts with
 * it (all when query is NULL or ""), by name; at most `limit` (0: all).
 * A callback returning non-zero stops the walk. */
int enterprise_list(struct fc_store *s, const char *query, int limit, enterprise_cb cb,
		    void *ctx, struct fc_err *err);

#endif
