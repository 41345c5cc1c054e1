/* evloose.h - a loose object read as a stream.
 *
 * libgit2 1.5's read stream of a loose object maps the whole file (a
 * 1 GiB video: 1 GiB resident).  This reads objects/xx/yyyy through one
 * buffer, inflating as it goes; the bytes are not hashed here: every
 * caller writes them where they are hashed again (a write stream that must
 * name the same id, the evidence store that checks sha256 and blob id).
 */
#ifndef FC_EVLOOSE_H
#define FC_EVLOOSE_H

#include <stdint.h>
#include <git2.h>
#include "core/err.h"

typedef int (*evloose_sink)(void *ctx, const char *data, size_t len);

/* Feeds the content of loose object id in the folder `objects` to sink,
 * after its header says a blob of at most max bytes (*size).  1 when there
 * is no such loose object (it is packed: read it another way); -1 with
 * err. */
int evloose_read(const char *objects, const git_oid *id, uint64_t max, size_t *size,
		 evloose_sink sink, void *ctx, struct fc_err *err);

#endif
