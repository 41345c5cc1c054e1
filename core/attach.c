/* attach.c - the record's side of attaching a kept file (attach.h). */
#include "attach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attachment.h"
#include "attachment_store.h"
#include "clock.h"
#include "hazard.h"
#include "i18n.h"
#include "inspection.h"
#include "strbuf.h"

/* The line for a kept file, by me, now. */
static int line_of(const struct evidence_info *info, const struct fc_person *me, const char *to,
		   struct fc_attachment *a, struct fc_err *err)
{
	memset(a, 0, sizeof *a);
	if (clock_now(a->at, err))
		return -1;
	a->to = xstrdup(to);
	a->name = xstrdup(info->name);
	memcpy(a->sha256, info->sha256, sizeof a->sha256);
	memcpy(a->blob, info->blob, sizeof a->blob);
	a->size = (long long)info->size;
	snprintf(a->type, sizeof a->type, "%s", media_type_name(info->type));
	memcpy(a->taken, info->taken, sizeof a->taken);
	if (info->has_location)
		snprintf(a->geo, sizeof a->geo, "%.7f %.7f 0 %.0f", info->lat, info->lon,
			 info->error_m < 0 ? 0 : info->error_m);
	memcpy(a->by, me->badge, sizeof a->by);
	return 0;
}

static int twice(const struct fc_attachment *list, size_t n, const struct fc_attachment *a,
		 struct fc_err *err)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!strcmp(list[i].to, a->to) && !strcmp(list[i].sha256, a->sha256))
			return fc_fail(err, _("%.80s is attached already (%.12s)"), a->name,
				       a->sha256);
	return 0;
}

/* Adds a to the list (kept in record order) for the whole record's check. */
static void append(struct fc_attachment **list, size_t *n, const struct fc_attachment *a)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	attachment_copy(&(*list)[(*n)++], a);
	qsort(*list, *n, sizeof **list, attachment_cmp);
}

int attach_to_inspection(struct fc_store *s, const struct fc_person *me, const char *id,
			 const char *to, const struct evidence_info *info, struct fc_err *err)
{
	struct fc_inspection in;
	struct fc_attachment a;
	int rc = -1;

	if (line_of(info, me, to, &a, err))
		return -1;
	if (store_begin(s, err))
		goto out;
	if (inspection_get(s, id, &in, err))
		goto rollback;
	if (twice(in.attachments, in.n_attachments, &a, err))
		goto clear;
	append(&in.attachments, &in.n_attachments, &a);
	if (inspection_check(&in, err) || attachments_put(s, "inspection", id, &a, 1, err))
		goto clear;
	inspection_clear(&in);
	rc = store_commit(s, err);
	goto out;
clear:
	inspection_clear(&in);
rollback:
	store_rollback(s);
out:
	attachment_clear(&a);
	return rc;
}

int attach_to_hazard(struct fc_store *s, const struct fc_person *me, const char *id,
		     size_t event, const struct evidence_info *info, struct fc_err *err)
{
	char to[64] = "";
	struct fc_hazard h;
	struct fc_attachment a;
	int rc = -1;

	if (store_begin(s, err))
		return -1;
	if (hazard_get(s, id, &h, err)) {
		store_rollback(s);
		return -1;
	}
	if (event > h.n_events) {
		fc_fail(err, _("hazard %.8s has %zu events; there is no event %zu"), id, h.n_events,
			event);
		goto clear;
	}
	if (event)
		hazard_event_ref(&h.events[event - 1], to, sizeof to);
	if (line_of(info, me, to, &a, err))
		goto clear;
	if (twice(h.attachments, h.n_attachments, &a, err))
		goto line;
	append(&h.attachments, &h.n_attachments, &a);
	if (hazard_check(&h, err) || attachments_put(s, "hazard", id, &a, 1, err))
		goto line;
	attachment_clear(&a);
	hazard_clear(&h);
	return store_commit(s, err);
line:
	attachment_clear(&a);
clear:
	hazard_clear(&h);
	store_rollback(s);
	return rc;
}
