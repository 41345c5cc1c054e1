/* formstore.h - form definitions kept in the store.
 *
 * When an inspection is started, the three CSV texts of its form, and the
 * CSV files its selects read, are kept under (id, version).  A form version never changes once kept: the same id
 * and version arriving with other bytes is refused, because it would change
 * what existing records mean.
 */
#ifndef FC_FORMSTORE_H
#define FC_FORMSTORE_H

#include <stddef.h>
#include "store.h"

/* A CSV file the form's selects read their choices from (forms/engine's
 * form_csv_file), by name. */
struct formstore_file {
	char *name, *text;
};

struct formstore_texts {
	char *survey, *choices, *settings;
	struct formstore_file *files; /* sorted by name */
	size_t n_files;
};

/* Keeps the texts (t->files in any order); no-op when the same bytes are
 * there already. */
int formstore_put(struct fc_store *s, const char *id, int version,
		  const struct formstore_texts *t, struct fc_err *err);
/* Reads them (free with formstore_texts_clear); FC_ENOTFOUND if absent. */
int formstore_get(struct fc_store *s, const char *id, int version,
		  struct formstore_texts *out, struct fc_err *err);
void formstore_texts_clear(struct formstore_texts *t);

#endif
