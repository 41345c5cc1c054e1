/* packcopy.h - copying a pack (its .pack and .idx) from one repository's
 * objects/pack to another's as it is: no inflating, no delta search.  Used
 * for a first fetch from a central on a path and for pushing there the
 * packs a sync has just written.
 */
#ifndef FC_PACKCOPY_H
#define FC_PACKCOPY_H

#include <stddef.h>
#include "core/err.h"

/* Called with the bytes copied so far, now and then. */
typedef void (*packcopy_progress)(void *ctx, size_t bytes);

/* Copies from_dir/BASE.pack then from_dir/BASE.idx into to_dir, each
 * through a temporary (tmp_*, which a replica's clean-up removes), fsynced
 * and renamed: libgit2 and git find packs by their .idx, so a pack is never
 * seen half-copied.  Nothing to do when to_dir has BASE.idx already. */
int packcopy(const char *from_dir, const char *to_dir, const char *base,
	     packcopy_progress fn, void *ctx, struct fc_err *err);

/* fsyncs a directory, so the renames into it are on the disk. */
int packcopy_sync_dir(const char *dir, struct fc_err *err);

/* 1 when dir/BASE.idx exists. */
int packcopy_has(const char *dir, const char *base);

#endif
