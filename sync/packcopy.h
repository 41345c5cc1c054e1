/* packcopy.h - copying a pack (its .pack and .idx) from one repository's
 * objects/pack to another's as it is: no inflating, no delta search.  Used
 * for a first fetch from a central on a path and for pushing there the
 * packs a sync has just written.
 */
#ifndef FC_PACKCOPY_H
#define FC_PACKCOPY_H

#include <stddef.h>
#include "core/err.h"

/* Called with the bytes copied so far (all files), now and then. */
typedef void (*packcopy_progress)(void *ctx, size_t bytes);

/* Copies the packs names[0..n) (base names, "pack-HEX") from from_dir to
 * to_dir: each BASE.pack then BASE.idx through a temporary (tmp_*, which a
 * replica's clean-up removes), fsynced and renamed, since libgit2 and git
 * find packs by their .idx, so a pack is never seen half-copied; then the
 * folder itself is fsynced, so the renames are on the disk before a ref
 * names what they hold.  A pack to_dir has already is left alone. */
int packcopy(const char *from_dir, const char *to_dir, char *const *names, size_t n,
	     packcopy_progress fn, void *ctx, struct fc_err *err);

/* 1 when dir/BASE.idx exists. */
int packcopy_has(const char *dir, const char *base);

#endif
