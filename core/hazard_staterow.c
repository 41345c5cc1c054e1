/* hazard_staterow.c - hazard_view's row of a hazard from its record (see
 * hazard_staterow.h).  Each rule below is the view's (core/schema.c, migration
 * 3); test_listing checks the rows an import writes against the view. */
#include "hazard_staterow.h"

#include <string.h>

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* Whether event a comes after b in the view's order for the deadline in
 * force: time, then any kind before a notice, author, date, note, each
 * compared as SQLite compares text (bytes), the greatest first. */
static int later(const struct fc_hazard_event *a, const struct fc_hazard_event *b)
{
	int c = strcmp(a->at, b->at);

	if (!c)
		c = (a->kind != HEV_NOTICE) - (b->kind != HEV_NOTICE);
	if (!c)
		c = strcmp(a->by, b->by);
	if (!c)
		c = strcmp(a->date, b->date);
	if (!c)
		c = strcmp(or_empty(a->note), or_empty(b->note));
	return c > 0;
}

void hazard_staterow_of(const struct fc_hazard *h, struct hazard_staterow *out)
{
	const struct fc_hazard_event *last = NULL;
	int verified = 0, rectified = 0;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < h->n_events; i++) {
		const struct fc_hazard_event *e = &h->events[i];
		verified |= e->kind == HEV_VERIFIED;
		rectified |= e->kind == HEV_RECTIFIED;
		out->notified |= e->kind == HEV_NOTICE;
		out->supervised |= e->kind == HEV_SUPERVISE;
		if (e->date[0] && (!last || later(e, last)))
			last = e;
	}
	out->major = h->severity == HAZ_MAJOR;
	out->state = verified ? "closed" : rectified ? "rectified" : out->notified ? "notified"
		     : "open";
	out->open = !verified && !rectified;
	out->due = last ? last->date : h->deadline;
}
