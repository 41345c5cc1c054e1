/* localfetch.h - fetching from a central repository on a path (a shared
 * folder, a USB stick) without libgit2's local transport.
 *
 * That transport repacks the central's whole history for every fetch it
 * cannot answer from refs alone (inflating every object and searching deltas
 * again: a first pull of 100 000 inspections had not finished after 15
 * minutes).  Here a first fetch copies the central's packs as they are, like
 * `git clone` of a local path, and a later fetch packs only what the new
 * commits changed (sync/sendset.c).
 */
#ifndef FC_LOCALFETCH_H
#define FC_LOCALFETCH_H

#include "progress.h"
#include "replica.h"

/* Fetches main of the repository at `path` into the ref `track`.
 * Returns 0 with *their_head / *exists set, -1 on error, or 1 when this
 * repository is not one we copy from (it borrows objects through
 * objects/info/alternates): the caller fetches through libgit2 instead. */
int localfetch(struct replica *r, const char *remote, const char *path, const char *track,
	       struct sync_progress *prog, git_oid *their_head, int *exists, struct fc_err *err);

#endif
