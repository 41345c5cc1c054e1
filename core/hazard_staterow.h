/* hazard_staterow.h - a hazard's row of hazard_state (core/schema.c, migration
 * 10) worked out from its record, as hazard_view works it out from the
 * store: for an import, which puts a new hazard with all of its events at
 * once (core/recordio.c), so the row costs one INSERT instead of the
 * view's sub-queries over the events just written. */
#ifndef FC_HAZARD_STATEROW_H
#define FC_HAZARD_STATEROW_H

#include "model.h"

struct hazard_staterow {
	int major;          /* severity 'major' */
	int open;           /* not yet rectified: state open or notified */
	const char *state;  /* "closed", "rectified", "notified" or "open" */
	const char *due;    /* the deadline in force (points into h) */
	int supervised;     /* a 'supervise' event */
	int notified;       /* a 'notice' event */
};

/* The row of h, whose events are all it has in the store. */
void hazard_staterow_of(const struct fc_hazard *h, struct hazard_staterow *out);

#endif
