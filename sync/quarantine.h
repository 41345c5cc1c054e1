/* quarantine.h - where refused input from a remote is put aside.
 *
 * A file fetched from a remote that is not a valid record in a valid place
 * (a hostile path, an oversized file, invalid UTF-8, escape sequences, a
 * rewrite of a finalized inspection) is never imported: the refusal is
 * listed in the sync's report and in WORKSPACE/quarantine/log (the commit,
 * the path and why), its bytes are kept under quarantine/, and the rest of
 * the sync goes on.
 *
 * Bounded, whatever a central holds: the bytes of an object are kept once,
 * in a file named by its object id, however many paths hold it; an object
 * over QUARANTINE_MAX_OBJECT is not kept; the folder holds at most
 * QUARANTINE_MAX_BYTES in QUARANTINE_MAX_FILES files (for the workspace, not
 * per sync: syncing again against the same central must not fill the disk
 * again); a sync lists its first QUARANTINE_LISTED refusals and counts the
 * rest, and the report and the log say how many were not listed and whose
 * bytes were not kept; the log is moved to log.old past QUARANTINE_LOG_MAX.
 */
#ifndef FC_QUARANTINE_H
#define FC_QUARANTINE_H

#include <git2.h>
#include "layout.h"
#include "replica.h"
#include "synclog.h"

#define QUARANTINE_MAX_OBJECT MAX_FORM_FILE /* the largest file a sync reads */
#define QUARANTINE_MAX_BYTES (64u << 20)
#define QUARANTINE_MAX_FILES 1000
#define QUARANTINE_LISTED 100
#define QUARANTINE_LOG_MAX (1u << 20)

/* Records the refusal of `path`; `data` (len bytes, may be NULL) is kept
 * as the blob it is. */
void quarantine(struct replica *r, struct sync_log *rep, const git_oid *commit,
		const char *path, const void *data, size_t len, const char *why);
/* The same, keeping the bytes of the blob `blob` (may be NULL), read only
 * when they are kept. */
void quarantine_blob(struct replica *r, struct sync_log *rep, const git_oid *commit,
		     const char *path, const git_oid *blob, const char *why);
/* Ends the sync's quarantine: the log says what it did not list.  Called
 * by replica_close. */
void quarantine_close(struct replica *r);

#endif
