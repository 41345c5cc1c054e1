/* decoded.h - records the merge decoded, kept for the import to take.
 *
 * A pull judges every record it takes (treemerge.c decodes it: canonical
 * form, the model's checks, its place) and then imports the merged tree,
 * which decoded the same bytes again: on a first pull, a third of the CPU.
 * The merge hands each sound record here instead of clearing it; the
 * import takes it by (object id, path, format), the three things decoding
 * depends on, so what it takes is what it would have decoded.
 *
 * Bounded: the records kept take at most about DECODED_BUDGET bytes of
 * memory (each counted as its struct and twice its file, decoded.c); past
 * that a record is simply not kept and the import decodes it again.  What
 * the import does not take is dropped with decoded_clear.
 */
#ifndef FC_DECODED_H
#define FC_DECODED_H

#include <git2.h>
#include <stddef.h>

#include "core/record.h"

#define DECODED_BUDGET ((size_t)16 * 1024 * 1024)

struct decoded;

struct decoded *decoded_new(void);
void decoded_free(struct decoded *d);
/* Drops every record kept. */
void decoded_clear(struct decoded *d);

/* Keeps *rec (decoded from `bytes` bytes of id at path, in format): 1 when
 * kept (*rec is then the table's, and zeroed here), 0 when over budget or
 * kept already (*rec stays the caller's to clear). */
int decoded_keep(struct decoded *d, const git_oid *id, const char *path, int format,
		 struct fc_record *rec, size_t bytes);
/* Moves the record kept for (id, path, format) into *out, its size in
 * *bytes: 1, or 0 when none is kept. */
int decoded_take(struct decoded *d, const git_oid *id, const char *path, int format,
		 struct fc_record *out, size_t *bytes);

#endif
