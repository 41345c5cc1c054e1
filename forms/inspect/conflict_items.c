/* conflict_items.c - the items in conflict and the choices for one (see
 * conflict_items.h).  Everything here reads the inspection as decoded and
 * allocates at most one entry per stored value, so a hostile record costs
 * no more than its own size. */
#include <string.h>

#include "conflict_items.h"
#include "core/strbuf.h"

size_t *conflict_items(const struct form *f, const struct fc_inspection *in, size_t *n)
{
	size_t *out = xcalloc(in->n_conflicts + 1, sizeof *out), i;
	int idx;

	*n = 0;
	for (i = 0; i < in->n_conflicts; i++) {
		/* sorted by item: one entry per item */
		if (i && !strcmp(in->conflicts[i - 1].item, in->conflicts[i].item))
			continue;
		if ((idx = form_item_index(f, in->conflicts[i].item)) >= 0)
			out[(*n)++] = (size_t)idx;
	}
	return out;
}

size_t conflict_count(const struct fc_inspection *in, const char *item)
{
	size_t i, n = 0;

	for (i = 0; item && i < in->n_conflicts; i++)
		n += !strcmp(in->conflicts[i].item, item);
	return n;
}

size_t conflict_choices(const struct fc_inspection *in, const char *item,
			const struct fc_answer ***out)
{
	size_t i, n = 0;

	*out = xcalloc(conflict_count(in, item) + 1, sizeof **out);
	for (i = 0; i < in->n_answers; i++)
		if (!strcmp(in->answers[i].item, item)) {
			(*out)[n++] = &in->answers[i];
			break;
		}
	for (i = 0; i < in->n_conflicts; i++)
		if (!strcmp(in->conflicts[i].item, item))
			(*out)[n++] = &in->conflicts[i];
	return n;
}
