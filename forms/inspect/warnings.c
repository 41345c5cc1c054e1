/* warnings.c - the warnings a form raises from the answers (see
 * warnings.h).  One pass over the form's items: bounded by the form. */
#include <stdlib.h>

#include "inspect.h"
#include "warnings.h"
#include "core/strbuf.h"

int form_item_warns(const struct form_item *it)
{
	return it->type == FT_NOTE && it->relevant != NULL;
}

size_t *inspect_warnings(const struct form *f, const struct fc_inspection *in, size_t *n)
{
	size_t *out = xcalloc(f->n_items + 1, sizeof *out), i;
	struct inspect_answers a;
	struct fc_err ignored;

	*n = 0;
	inspect_answers_init(&a, in);
	for (i = 0; i < f->n_items; i++)
		if (form_item_warns(&f->items[i]) && form_relevant(f, i, &a.fa, &ignored) != 0)
			out[(*n)++] = i;
	return out;
}
