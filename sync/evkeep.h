/* evkeep.h - a file fetched on an evidence ref, kept in the workspace's
 * store only when it is what the record's line says: its size (from the
 * object's header, before a byte is read), its git blob id, its sha256 and
 * its type judged from the content.  The bytes go through a temporary file
 * beside the replica into the store (core/evidence_store.c: a temporary,
 * fsync, rename), never whole in memory when the object is loose.  Once
 * kept, a loose blob leaves the replica (the store keeps the file once). */
#ifndef FC_EVKEEP_H
#define FC_EVKEEP_H

#include "core/evidence_store.h"
#include "replica.h"

/* 0 kept; -1 FC_EFAIL saying what differs (nothing kept); FC_ENOTFOUND
 * when the replica no longer has the blob (dropped once kept: the caller
 * fetches the ref again, evtree_forget); else FC_EIO. */
int evkeep_blob(struct replica *r, const struct evidence_store *es,
		const struct fc_attachment *line, const git_oid *blob, struct fc_err *err);

/* After FC_ENOTFOUND: forgets what was fetched of `ref` from `remote`
 * (its tracking ref, and our own ref of that name), so the next fetch of
 * it brings its objects again rather than only what is newer. */
void evkeep_forget(struct replica *r, const char *remote, const char *ref);

#endif
