/* conflict_items.h - which items of an inspection are in conflict, and the
 * choices a person has for one.
 *
 * A merge of two devices' answers keeps the other side of each clash in
 * in->conflicts (sorted by item) until someone chooses.  The walk, the
 * review and the drafts picker ask these questions; they live here, below
 * the screens, so the unit tests and the command line reach the same rule.
 */
#ifndef FC_CONFLICT_ITEMS_H
#define FC_CONFLICT_ITEMS_H

#include <stddef.h>
#include "core/model.h"
#include "forms/engine/form.h"

/* The items with conflicting answers, as indexes into f->items, one per
 * item, in the order of in->conflicts; an item the form does not know is
 * left out.  *n is their count.  free() the array. */
size_t *conflict_items(const struct form *f, const struct fc_inspection *in, size_t *n);

/* How many other values item `item` holds (0: no conflict, and for a
 * NULL item: an end of group has no name). */
size_t conflict_count(const struct fc_inspection *in, const char *item);

/* The choices for item `item`: the answer standing now (when there is one)
 * first, then the other values in stored order.  Fills out[] with at most
 * 1 + conflict_count() pointers into `in` and returns their count.
 * free() *out. */
size_t conflict_choices(const struct fc_inspection *in, const char *item,
			const struct fc_answer ***out);

#endif
