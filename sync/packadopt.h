/* packadopt.h - a central's pack made one of the replica's only after it
 * has been read whole.
 *
 * A pack copied as it is carries whatever damage it has: one flipped byte
 * in a central on a USB stick, copied into every laptop's replica, made
 * every later sync, verify and reindex fail there, and repairing the
 * central did not help (the damaged copy kept its name).  So the .pack is
 * fed to libgit2's indexer, which inflates and hashes every object,
 * resolves every delta and checks the pack's trailing checksum, and writes
 * an .idx of its own: the central's .idx is never read.  Only a pack that
 * passes lands in the replica, under the name its content gives it.
 */
#ifndef FC_PACKADOPT_H
#define FC_PACKADOPT_H

#include <git2.h>
#include <stddef.h>
#include "core/err.h"

/* Progress over all the packs: objects indexed so far, the objects the
 * packs seen so far declare, and bytes read. */
typedef void (*packadopt_progress)(void *ctx, size_t done, size_t total, size_t bytes);

/* Adopts from_dir/NAME.pack for each of names[0..n) ("pack-HEX") into
 * to_dir.  A damaged pack is refused, with err naming its path in from_dir
 * and what is wrong, and nothing of it is left in to_dir (packs adopted
 * before it stay: each was whole).  *objects (may be NULL) gets how many
 * objects were adopted. */
int packadopt(const char *from_dir, const char *to_dir, char *const *names, size_t n,
	      packadopt_progress fn, void *ctx, size_t *objects, struct fc_err *err);

#endif
