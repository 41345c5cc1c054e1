/* attachment.h - the files a record refers to as evidence (struct
 * fc_attachment in model.h, docs/FORMAT.md): their checks, their one order,
 * and the union two devices' lists merge to.  The files themselves are the
 * evidence store's business; these are the lines in a record. */
#ifndef FC_ATTACHMENT_H
#define FC_ATTACHMENT_H

#include "model.h"

/* One attachment's fields, whatever it documents: a message naming the
 * field.  Checking `to` against the record is the record's check. */
int attachment_check(const struct fc_attachment *a, struct fc_err *err);
/* A list in record order, each (to, sha256) once, at most MAX_ATTACHMENTS. */
int attachments_check(const struct fc_attachment *list, size_t n, struct fc_err *err);
/* "LAT LON ALT ACCURACY" in decimal degrees and metres, as ODK writes a
 * geopoint; "" is no position. */
int geo_check(const char *geo, const char *what, struct fc_err *err);

/* Record order: by to, then at, then sha256. */
int attachment_cmp(const void *a, const void *b);

void attachment_copy(struct fc_attachment *dst, const struct fc_attachment *src);
void attachment_clear(struct fc_attachment *a);
void attachments_free(struct fc_attachment *list, size_t n);

/* The union of two lists in record order (each in record order): one line
 * per (to, sha256); where both hold it, the earlier `at` wins and the
 * earlier non-empty `withdrawn` is kept, so every device merging the same
 * lists reaches the same bytes.  *out is new, released with
 * attachments_free. */
void attachments_union(const struct fc_attachment *a, size_t na,
		       const struct fc_attachment *b, size_t nb,
		       struct fc_attachment **out, size_t *n_out);

#endif
