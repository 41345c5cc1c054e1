/* export.h - writing the store's changed records into the replica as one
 * commit authored by the inspector. */
#ifndef FC_EXPORT_H
#define FC_EXPORT_H

#include "replica.h"

struct export_result {
	int committed;                /* a commit was made */
	git_oid commit;               /* the branch's head afterwards (if any) */
	size_t enterprises, inspections, hazards, removed;
};

/* Commits every record in the outbox (and the forms they were filled with)
 * on top of the branch, then forgets those outbox entries. */
int export_outbox(struct replica *r, struct export_result *res, struct fc_err *err);
/* The signature commits carry: the inspector (name, badge) at the time now. */
int sync_signature(struct replica *r, git_signature **sig, struct fc_err *err);

#endif
