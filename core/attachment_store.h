/* attachment_store.h - the attachment lines of records in the store.
 * kind is "inspection" or "hazard" (record_kind_name), record its id. */
#ifndef FC_ATTACHMENT_STORE_H
#define FC_ATTACHMENT_STORE_H

#include "model.h"
#include "store.h"

/* The lines of one record, in record order; *list released with
 * attachments_free. */
int attachments_read(struct fc_store *s, const char *kind, const char *record,
		     struct fc_attachment **list, size_t *n, struct fc_err *err);
/* Adds the lines the store lacks and the withdrawals it lacks: a union,
 * as a merge makes, so a line once here stays. */
int attachments_put(struct fc_store *s, const char *kind, const char *record,
		    const struct fc_attachment *list, size_t n, struct fc_err *err);

/* Each file named by a line with `by` = badge, once per sha256 (the
 * first line by sha256, then record order): fn gets a line holding its
 * sha256, blob, size and type; a non-zero return stops and is returned.
 * The evidence an officer's sync sends (sync/evsend.c). */
typedef int (*attachment_file_fn)(const struct fc_attachment *a, void *ctx);
int attachments_files_by(struct fc_store *s, const char *badge, attachment_file_fn fn,
			 void *ctx, struct fc_err *err);

/* Every line of the record (kind, record), or of every record when record
 * is NULL: fn gets the record's kind and id and the line; a non-zero
 * return stops and is returned.  Read whole first, so fn may use the
 * store. */
typedef int (*attachment_line_fn)(const char *kind, const char *record,
				  const struct fc_attachment *a, void *ctx);
int attachments_each(struct fc_store *s, const char *kind, const char *record,
		     attachment_line_fn fn, void *ctx, struct fc_err *err);

#endif
