/* salvage.h - what can still be read of a damaged store, kept.
 *
 * A store whose pages were overwritten (a disk error, a file system that
 * lost power) makes every command fail.  `fieldcheck repair` rebuilds it
 * from the replica, and copies from the damaged file what the replica does
 * not have yet: the records in its outbox (changed since the last sync)
 * and any record the replica lacks (a draft never synced).  The damaged
 * file is read table by table with errors tolerated: the rows before a
 * damaged page are kept, and what could not be read is said.
 */
#ifndef FC_SALVAGE_H
#define FC_SALVAGE_H

#include <stddef.h>
#include "store.h"

#define SALVAGE_MAX_NOTES 64

struct salvage {
	size_t rows;                  /* rows read from the damaged file */
	size_t restored[3];           /* enterprises, inspections, hazards kept */
	char *notes[SALVAGE_MAX_NOTES]; /* what could not be read or kept */
	size_t n_notes, more_notes;   /* more_notes: left out of notes */
};
void salvage_release(struct salvage *sv);

/* Reads every table of the damaged store at `damaged` (opened read-only,
 * never written) into temporary tables of `to`'s connection, and copies
 * its settings (the identity) and form definitions into `to` where `to`
 * lacks them.  A file that cannot be read at all is a note, not an error:
 * the rebuild goes on with what the replica has. */
int salvage_read(struct fc_store *to, const char *damaged, struct salvage *sv,
		 struct fc_err *err);
/* After `to` was filled from the replica: writes back the records the
 * damaged store had changed or the replica lacks, each whole or not at all
 * (a finalized inspection of the replica only takes new amendments).  They
 * land in `to`'s outbox, so the next sync sends them. */
int salvage_restore(struct fc_store *to, struct salvage *sv, struct fc_err *err);

/* A name to set `path` aside under: path.damaged-STAMP (UTC), with -2,
 * -3... when taken; NULL with err when none is free. */
char *salvage_aside_name(const char *path, struct fc_err *err);
/* Sets the store file at `path` (and its WAL) aside under a new name,
 * path.damaged-STAMP, through hard links, so nothing is moved or deleted
 * before the new store is complete.  *aside: the name (free() it). */
int salvage_set_aside(const char *path, char **aside, struct fc_err *err);
/* Puts the complete store new_path in place of path: the old WAL's names
 * are dropped first (the aside names keep it: a WAL left beside the new
 * file would be applied to it), then one atomic rename. */
int salvage_swap(const char *path, const char *new_path, struct fc_err *err);

#endif
