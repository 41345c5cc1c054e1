/* newobjs.h - an object backend that keeps a sync's new objects in memory
 * and remembers which they are, so they can be written as one pack of just
 * those objects.  (libgit2 1.5's git_mempack_dump packs each commit's whole
 * tree: every record, on every sync.)
 */
#ifndef FC_NEWOBJS_H
#define FC_NEWOBJS_H

#include <git2.h>
#include "core/err.h"

struct newobjs;

/* Puts a new in-memory backend in front of repo's object store; the
 * repository's odb owns it and frees it with the repository. */
int newobjs_attach(git_repository *repo, struct newobjs **out, struct fc_err *err);

/* Names the object just written (id) for the delta search of the next
 * flush: objects whose names end alike are tried against each other first.
 * Does nothing when id was not the last object written (the store had it). */
void newobjs_name(struct newobjs *n, const git_oid *id, const char *name);

/* Number of objects written since the last flush. */
size_t newobjs_count(const struct newobjs *n);

/* Writes the objects gathered since the last flush as one pack into repo's
 * object store (fsynced when the library is set to), then forgets them. */
int newobjs_flush(struct newobjs *n, git_repository *repo, struct fc_err *err);

/* What the flushes of this process wrote: whether an object is among it,
 * and the packs (names "pack-HEX" in objects/pack), so a push to a local
 * central can copy those packs instead of packing the objects again. */
int newobjs_flushed_has(const struct newobjs *n, const git_oid *id);
size_t newobjs_packs(const struct newobjs *n, char *const **names);

#endif
