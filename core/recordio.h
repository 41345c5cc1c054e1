/* recordio.h - records in and out of the store, whole: what the sync writes
 * to the replica (record_load, the outbox) and what it brings back
 * (record_put).  A finalized inspection in the store only ever takes new
 * amendments from outside; anything else that would change it is refused.
 */
#ifndef FC_RECORDIO_H
#define FC_RECORDIO_H

#include "record.h"
#include "store.h"

/* Reads the record `id` of `kind` (a credit code or a uuid); FC_ENOTFOUND
 * when the store no longer has it (a withdrawn hazard). */
int record_load(struct fc_store *s, enum record_kind kind, const char *id,
		struct fc_record *out, struct fc_err *err);
/* Writes a record arriving from the replica, replacing the draft state the
 * store holds.  The enterprise of an inspection and the inspection of a
 * hazard must be there first. */
int record_put(struct fc_store *s, const struct fc_record *r, struct fc_err *err);
/* Removes a hazard that its draft withdrew on another device. */
int record_remove(struct fc_store *s, enum record_kind kind, const char *id,
		  struct fc_err *err);

const char *record_kind_name(enum record_kind k);
int record_kind_parse(const char *s, enum record_kind *out);

/* The outbox: records changed since they were last written to the replica. */
struct outbox_entry {
	enum record_kind kind;
	char id[40];
	long long seq;
};
int outbox_list(struct fc_store *s, struct outbox_entry **out, size_t *n, struct fc_err *err);
/* Forgets the entries written, unless they changed again meanwhile. */
int outbox_clear(struct fc_store *s, const struct outbox_entry *e, size_t n, struct fc_err *err);
/* 1 when the record has a change waiting, 0 when not, -1 on error. */
int outbox_pending(struct fc_store *s, enum record_kind kind, const char *id, struct fc_err *err);
/* The change counter now; and forgetting what came after it (the records a
 * sync itself imported, which are in the replica already). */
int outbox_counter(struct fc_store *s, long long *out, struct fc_err *err);
/* How many records wait in the outbox. */
int outbox_count(struct fc_store *s, size_t *out, struct fc_err *err);
/* Notes every record as changed: a replica rebuilt from the central gets
 * all of them again, and only those it lacks make a change. */
int outbox_add_all(struct fc_store *s, struct fc_err *err);
int outbox_forget_after(struct fc_store *s, long long seq, struct fc_err *err);
/* An import's writes come from the replica: between outbox_pause and
 * outbox_resume, inside one transaction the caller holds (store_begin),
 * changes are not noted in the outbox.  The pause is a row the
 * transaction writes, so a rollback or a crash ends it too, and no other
 * connection ever sees it. */
int outbox_pause(struct fc_store *s, struct fc_err *err);
int outbox_resume(struct fc_store *s, struct fc_err *err);

#endif
