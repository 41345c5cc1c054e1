/* instances.h - repeat instances of an inspection, as the form engine
 * defines them in the record (docs/FORMAT.md, "The records").
 *
 * An instance is the answer "<repeat>@<uuid>".  While it is live its value
 * is its number as the device that added it saw it: one more than the
 * highest of the live ones then ("1", "2", ...); an instance of a repeat
 * inside another repeat also says which instance of that one it is in,
 * "<number>@<uuid of that instance>" ("2@0d9c...": the second cartoon of
 * that child).  Once withdrawn, "removed" (a removal is an answer like any
 * other, so it merges as one and nothing comes back).  Instances are shown
 * in the order of that number, then of the answer's `at`, then uuid: two
 * officers who each added a third vehicle offline see both, in the same
 * order on every device.  The answers inside it are "<item>@<uuid>", the
 * uuid of the innermost instance.  A removed instance's answers, and those
 * of every instance inside it, stay in the record but no longer count:
 * not shown, not required, not evaluated.
 */
#ifndef FC_INSPECT_INSTANCES_H
#define FC_INSPECT_INSTANCES_H

#include "core/model.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

#define INSPECT_INSTANCE_REMOVED "removed"

struct inspect_instance {
	char uuid[FC_UUID_LEN + 1];
	char parent[FC_UUID_LEN + 1]; /* the instance it is in, "" for a repeat in none */
	unsigned long number;       /* the number it was added as (0: not one) */
	const char *at;             /* the marker's time, in the inspection */
	int removed;
};

/* The instances of begin_repeat r of f in `in`, in their order, inside
 * instance `parent` of the repeat r is in (NULL: inside any; ignored for
 * a repeat inside none); only the live ones unless `all` (live: neither
 * it nor an instance it is in removed).  *out is a new array (free() it). */
size_t inspect_instances(const struct form *f, const struct fc_inspection *in, size_t r,
			 const char *parent, int all, struct inspect_instance **out);
/* Whether uuid is a live instance of begin_repeat r. */
int inspect_instance_live(const struct form *f, const struct fc_inspection *in, size_t r,
			  const char *uuid);
/* The 1-based position of instance `uuid` among the live instances of r
 * inside the same instance; 0 when it is not a live instance of r. */
size_t inspect_instance_position(const struct form *f, const struct fc_inspection *in,
				 size_t r, const char *uuid);
/* The instance of begin_repeat `to` that instance uuid of r is, or is
 * inside (r nested in `to`), into out.  0, or -1 when there is none. */
int inspect_instance_up(const struct form *f, const struct fc_inspection *in, size_t r,
			const char *uuid, size_t to, char *out);
/* The live instance `which` names, of begin_repeat item `repeat`, into
 * uuid: its uuid, its number ("2": the second live one), or for a repeat
 * inside others its number in each from the outermost ("2/1": the first
 * of the second).  0, or -1 with err. */
int inspect_instance_which(const struct form *f, const struct fc_inspection *in, size_t repeat,
			   const char *which, char *uuid, struct form_lang lang,
			   struct fc_err *err);
/* Splits an answer's key ("plate" or "plate@<uuid>") into the item it
 * answers and the instance ("" outside repeats), and checks they go
 * together: an item inside a repeat needs a live instance of its
 * innermost repeat, one outside takes none.  0, or -1 with err. */
int inspect_key(const struct form *f, const struct fc_inspection *in, const char *key,
		size_t *idx, char *instance, struct form_lang lang, struct fc_err *err);

/* Adds an instance to repeat `repeat` of draft `id`, inside the instance
 * `parent` names (inspect_instance_which) of the repeat it is in (NULL
 * for a repeat in none); refused when the repeat does not apply there, or
 * has as many there as its repeat_count asks: its uuid into uuid_out and
 * its position into *pos. */
int inspect_repeat_add(struct fc_workspace *ws, const struct form *f, const char *id,
		       const char *repeat, const char *parent, char *uuid_out, size_t *pos,
		       struct form_lang lang, struct fc_err *err);
/* Removes instance `which` (inspect_instance_which) of repeat `repeat`;
 * the hazards its failed checks made, and those of the instances inside
 * it, are withdrawn. */
int inspect_repeat_remove(struct fc_workspace *ws, const struct form *f, const char *id,
			  const char *repeat, const char *which, struct form_lang lang,
			  struct fc_err *err);

#endif
