/* merge.h - the record-aware three-way merge of one record (step 6 of
 * docs/ARCHITECTURE.md, "Sync").
 *
 * When two devices changed the same record, sync calls record_merge with the
 * common ancestor (base) and the two copies.  The merge is a pure function
 * and deterministic: whichever device runs it, with the two sides in either
 * order, the result encodes to the same bytes (the one exception is a
 * finalized inspection that arrives changed: ours stands, see below).
 *
 * Enterprise and hazard headers merge field by field; a field both sides
 * changed to different values takes the greater value in byte order, with a
 * note.  A hazard's events are the union of both logs.  Inspections:
 *
 *   - base final, or both copies final (with a base or without): the two
 *     copies may differ only by amendments, which are unioned, so a
 *     finalized record we hold only ever grows by amendments; any other
 *     difference is refused, ours stands, `refused` is set (a finalized
 *     inspection is evidence and no merge replaces it);
 *   - one side final, the other a draft: the final record stands and every
 *     answer the other side changed becomes an amendment;
 *   - otherwise header fields 3-way, team by union, answers item by item;
 *     two different new answers to one item keep the later as the answer
 *     and the other in `conflicts` (the record is then "conflicted").
 *
 * Nothing is dropped silently: every choice a person should know about is a
 * note in the report.
 */
#ifndef FC_MERGE_H
#define FC_MERGE_H

#include <stddef.h>
#include "err.h"
#include "record.h"

struct merge_note {
	char *path_or_id;   /* the record's id (an enterprise's credit code) */
	char *msg;          /* what a person should know */
	char *item;         /* the item it is about, named first in msg, or NULL:
			     * a reader with the form may show its label there */
};

struct merge_report {
	struct merge_note *notes;
	size_t n, alloc;
	int conflicted;     /* an answer clash was kept as a conflict */
	int refused;        /* a finalized inspection arrived changed; ours stands */
};

void merge_report_release(struct merge_report *r);

/* Merges ours and theirs (the same kind and id) against base, which may be
 * NULL when both sides added the record: everything present on either side
 * then counts as added.  Fills *out, which the caller releases with
 * record_clear; the inputs are not modified and out shares no memory with
 * them (it must not be one of them).
 *
 * rep may be NULL.  Notes are appended to it and its flags only ever set, so
 * one report can collect a whole sync; start from { 0 } for one record.
 *
 * Returns 0, or -1 with a message if the inputs are not valid records of the
 * same kind and id, or if the merged record would not be valid (a team or a
 * log past its limit, a record past MAX_RECORD_BYTES): then *out is empty
 * and rep is as it was. */
int record_merge(const struct fc_record *base, const struct fc_record *ours,
		 const struct fc_record *theirs, struct fc_record *out,
		 struct merge_report *rep, struct fc_err *err);

#endif
