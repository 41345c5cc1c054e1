/* oidmap.h - a map from object id to object id, open addressing.  The
 * trust walk keeps, for every commit it checked, the roster in force
 * there: a first pull checks thousands of commits, each looking up its
 * parents. */
#ifndef FC_OIDMAP_H
#define FC_OIDMAP_H

#include <git2.h>

struct oidmap {
	struct oidmap_slot { git_oid key, value; int used; } *s;
	size_t n, cap;
};

void oidmap_init(struct oidmap *m);
void oidmap_release(struct oidmap *m);
void oidmap_put(struct oidmap *m, const git_oid *key, const git_oid *value);
/* The value of key, or NULL. */
const git_oid *oidmap_get(const struct oidmap *m, const git_oid *key);

#endif
