/* replica_check.h - is the replica whole, and where did it last agree
 * with the central: what `fieldcheck repair` needs to rebuild a replica.
 */
#ifndef FC_REPLICA_CHECK_H
#define FC_REPLICA_CHECK_H

#include "replica.h"

/* 0 when every object of the replica reads back whole and main's history
 * and tree are all there; else -1 with err saying the first thing wrong. */
int replica_check(struct replica *r, struct fc_err *err);

/* The commit of the new replica (after a fetch) the store last agreed with,
 * which a re-export goes on top of: what the damaged replica (at `aside`)
 * had last fetched from one of the remotes, else the central's commit whose
 * tree the store last imported.  0 with *found set (0: none known). */
int replica_find_base(struct replica *r, const char *aside, const git_strarray *remotes,
		      git_oid *base, int *found, struct fc_err *err);

/* Copies the remotes (URL, fetch rules, key) of the replica at `aside`
 * into r's configuration. */
int replica_copy_remotes(struct replica *r, const char *aside, struct fc_err *err);

#endif
