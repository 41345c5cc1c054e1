/* instances.h - repeat instances of an inspection, as the form engine
 * defines them in the record (docs/FORMAT.md, "The records").
 *
 * An instance is the answer "<repeat>@<uuid>".  While it is live its value
 * is its number as the device that added it saw it: one more than the
 * highest of the live ones then ("1", "2", ...); once withdrawn, "removed"
 * (a removal is an answer like any other, so it merges as one and nothing
 * comes back).  Instances are shown in the order of that number, then of
 * the answer's `at`, then uuid: two officers who each added a third
 * vehicle offline see both, in the same order on every device.  The
 * answers inside it are "<item>@<uuid>".  A removed instance's answers stay in the record but
 * no longer count: not shown, not required, not evaluated.
 */
#ifndef FC_INSPECT_INSTANCES_H
#define FC_INSPECT_INSTANCES_H

#include "core/model.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

#define INSPECT_INSTANCE_REMOVED "removed"

struct inspect_instance {
	char uuid[FC_UUID_LEN + 1];
	unsigned long number;       /* the number it was added as (0: not one) */
	const char *at;             /* the marker's time, in the inspection */
	int removed;
};

/* The instances of the repeat called `repeat` in `in`, in their order;
 * only the live ones unless `all`.  *out is a new array (free() it). */
size_t inspect_instances(const struct fc_inspection *in, const char *repeat, int all,
			 struct inspect_instance **out);
/* The 1-based position of instance `uuid` among the live ones; 0 when it
 * is not a live instance of `repeat`. */
size_t inspect_instance_position(const struct fc_inspection *in, const char *repeat,
				 const char *uuid);
/* The live instance `which` names ("2": the second live one; or its uuid)
 * of begin_repeat item `repeat`, into uuid.  0, or -1 with err. */
int inspect_instance_which(const struct form *f, const struct fc_inspection *in, size_t repeat,
			   const char *which, char *uuid, struct form_lang lang,
			   struct fc_err *err);
/* Splits an answer's key ("plate" or "plate@<uuid>") into the item it
 * answers and the instance ("" outside repeats), and checks they go
 * together: an item inside a repeat needs a live instance of it, one
 * outside takes none.  0, or -1 with err. */
int inspect_key(const struct form *f, const struct fc_inspection *in, const char *key,
		size_t *idx, char *instance, struct form_lang lang, struct fc_err *err);

/* Adds an instance to repeat `repeat` of draft `id` (refused when the
 * repeat does not apply, or has as many as its repeat_count asks):
 * its uuid into uuid_out and its position into *pos. */
int inspect_repeat_add(struct fc_workspace *ws, const struct form *f, const char *id,
		       const char *repeat, char *uuid_out, size_t *pos, struct form_lang lang,
		       struct fc_err *err);
/* Removes instance `which` (inspect_instance_which) of repeat `repeat`;
 * the hazards its failed checks made are withdrawn. */
int inspect_repeat_remove(struct fc_workspace *ws, const struct form *f, const char *id,
			  const char *repeat, const char *which, struct form_lang lang,
			  struct fc_err *err);

#endif
