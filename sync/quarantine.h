/* quarantine.h - where refused input from a remote is put aside.
 *
 * A file fetched from a remote that is not a valid record in a valid place
 * (a hostile path, an oversized file, invalid UTF-8, escape sequences, a
 * rewrite of a finalized inspection) is never imported: its bytes are kept
 * under WORKSPACE/quarantine/ with a log line naming the commit, the path
 * and why, and the rest of the sync goes on.
 */
#ifndef FC_QUARANTINE_H
#define FC_QUARANTINE_H

#include <git2.h>
#include "replica.h"
#include "report.h"

/* Records the refusal; `data` may be NULL (nothing to keep). */
void quarantine(struct replica *r, struct sync_report *rep, const git_oid *commit,
		const char *path, const void *data, size_t len, const char *why);

#endif
