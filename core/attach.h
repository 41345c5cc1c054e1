/* attach.h - attaching a kept evidence file to an inspection (or one of its
 * items) or to a hazard (or one of its events): the line the record gains,
 * docs/FORMAT.md.  The file is kept first (evidence_add); this writes the
 * record's side, in one transaction, checked as the whole record. */
#ifndef FC_ATTACH_H
#define FC_ATTACH_H

#include "evidence_store.h"
#include "model.h"
#include "store.h"

/* to: "" for the inspection itself, or an item key.  A file attached to
 * the same thing already is refused, nothing written. */
int attach_to_inspection(struct fc_store *s, const struct fc_person *me, const char *id,
			 const char *to, const struct evidence_info *info, struct fc_err *err);
/* event: 0 for the hazard itself, else the event's number (1 is the
 * finding) as `hazard show` lists them. */
int attach_to_hazard(struct fc_store *s, const struct fc_person *me, const char *id,
		     size_t event, const struct evidence_info *info, struct fc_err *err);

#endif
