/* inspect_impl.h - the answers view inspect.c and finalize.c share
 * (private to forms/inspect/). */
#ifndef FC_INSPECT_IMPL_H
#define FC_INSPECT_IMPL_H

#include "inspect.h"

/* form_answers.get over l's inspection: binary search in its sorted
 * answers, with l's override (the value being given, not yet stored). */
const char *inspect_lookup_get(void *ctx, const char *key);
/* form_answers.file over l's inspection: a media item's attached file. */
const char *inspect_lookup_file(void *ctx, const char *key);
/* form_answers.last_saved over l->last. */
const char *inspect_lookup_last(void *ctx, const char *key);
/* The answers of l's inspection as the form reads them, with its metadata
 * (see inspect.c). */
void inspect_view(struct form_answers *fa, struct inspect_lookup *l, const char *today);
/* Points fa at instance `instance` ("" or NULL: none) of the repeat `item`
 * is inside (or heads). */
void inspect_view_in(struct form_answers *fa, struct inspect_lookup *l, const struct form *f,
		     size_t item, const char *instance);

/* Opens a transaction and reads inspection `id` into *in: 0 with both, or
 * -1 with the transaction rolled back and nothing to release. */
int inspect_begin_read(struct fc_workspace *ws, const char *id, struct fc_inspection *in,
		       struct fc_err *err);

/* Every select_one ${q}'s answer that applies is still among its choices
 * (stale_choices.c): 0, or -1 with err naming the first that is not. */
int inspect_stale_choices(const struct form *f, const struct fc_inspection *in,
			  struct form_lang lang, struct fc_err *err);

#endif
