/* evskip.h - what a fetch of main from a central on a path leaves behind:
 * the objects of everyone's evidence refs (refs/evidence/BADGE).
 *
 * localfetch.c copies a central's packs and loose objects as they are,
 * which is fast but takes everything the central holds; an inspector's
 * laptop must fetch everyone's records and only its own files.  So the
 * objects the evidence refs brought (found from what each of their commits
 * changed, sync/sendset.c: the cost follows the evidence, not the records)
 * are not copied loose, and a pack holding any of them is not adopted
 * whole: when it holds other objects too, main's objects then come by
 * sendset_copy instead.  An object both main and an evidence ref hold (a
 * record byte for byte the same as a file attached, pushed after it) is
 * then left behind with the evidence, as a loose one is: not worth a walk
 * of main's whole history on every first pull.
 */
#ifndef FC_EVSKIP_H
#define FC_EVSKIP_H

#include <git2.h>
#include "core/err.h"
#include "oidmap.h"

struct evskip {
	struct oidmap set;
};

/* The objects of src's evidence refs. */
int evskip_load(git_repository *src, struct evskip *s, struct fc_err *err);
int evskip_has(const struct evskip *s, const git_oid *id);
/* Removes from names (pack base names in dir, NULL-terminated) those
 * holding an evidence object, freeing them; returns how many.  *mixed:
 * how many of those hold other objects too (a central repacked by git gc),
 * whose main objects must come another way; a pack of evidence alone (a
 * push of files) holds none of main's. */
size_t evskip_packs(const struct evskip *s, const char *dir, char **names, size_t *mixed);
void evskip_release(struct evskip *s);

#endif
