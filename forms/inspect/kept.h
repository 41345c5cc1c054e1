/* kept.h - answers fieldcheck stores on the inspector's behalf: a once()
 * calculation's first value, and what a trigger sets (pyxform's setvalue).
 * Each runs inside the caller's transaction, after the change that calls
 * for it (inspect.c, instances.c), so the CLI and the TUI store the same.
 */
#ifndef FC_INSPECT_KEPT_H
#define FC_INSPECT_KEPT_H

#include "forms/inspect/inspect.h"

/* Stores the value of every once() item (in every live instance) that is
 * relevant, has none stored and now computes to one; one that computes
 * to nothing is tried again after the next change, as JavaRosa does.
 * 0, or -1 with err. */
int inspect_keep_once(struct fc_workspace *ws, const struct form *f, const char *id,
		      struct fc_err *err);

/* Item t's answer changed in instance inst ("" or NULL outside repeats):
 * answers every item whose trigger names t with its calculation's value,
 * evaluated now (cleared when empty, or when a question cannot take it;
 * an item that does not apply, or a once() that has a value, is left
 * alone).  What it sets triggers nothing further, so triggers that name
 * each other cannot loop.  0, or -1 with err. */
int inspect_run_triggers(struct fc_workspace *ws, const struct form *f, const char *id,
			 size_t t, const char *inst, struct form_lang lang, struct fc_err *err);

#endif
