/* warnings.h - the warnings a form raises from the answers given.
 *
 * A form says "this reading is out of the safe range" the XLSForm way: a
 * note whose `relevant` expression holds only when the answers call for
 * it (confined-space's gas_alarm: O2 below 19.5 % or above 23.5 %, H2S
 * above 7 ppm ...).  Such a note is a warning: the front ends show it as an
 * alarm while it applies, beside the items of its group and at finalizing.
 * A note that always applies (no `relevant`) is plain text.  The rule lives
 * here, below the screens, so no item name is written into a screen.
 */
#ifndef FC_WARNINGS_H
#define FC_WARNINGS_H

#include <stddef.h>
#include "core/model.h"
#include "forms/engine/form.h"

/* Whether item `it` is a warning (a note shown only when answers call for
 * it). */
int form_item_warns(const struct form_item *it);

/* The warnings that apply to the inspection's answers, as indexes into
 * f->items in form order; *n their count.  A relevance that cannot be
 * evaluated counts as applying (better a warning too many).  free() it. */
size_t *inspect_warnings(const struct form *f, const struct fc_inspection *in, size_t *n);

#endif
