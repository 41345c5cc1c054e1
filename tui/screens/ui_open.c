/* ui_open.c - opening an inspection from a list: a finalized one (or any,
 * in a supervisor's workspace) as its record, a draft in its walk.  A
 * draft whose team does not hold the officer signed in (one started on
 * another laptop and synced here) is not edited silently: the officer is
 * told who started it and chooses to join its team or to read it only.
 */
#include <stdio.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_screens.h"
#include "core/inspection.h"

static int on_team(const struct fc_inspection *in, const char *badge)
{
	size_t i;

	for (i = 0; i < in->n_team; i++)
		if (!strcmp(in->team[i].badge, badge))
			return 1;
	return 0;
}

/* The team does not hold us: 1 to walk it (after joining), 0 to read it,
 * -1 to do neither. */
static int not_on_team(struct ui *ui, const struct fc_inspection *in)
{
	struct fc_err err = { 0 };
	const char *by = in->created_by;
	const char *labels[2];
	char title[400];
	size_t i;

	for (i = 0; i < in->n_team; i++)
		if (!strcmp(in->team[i].badge, in->created_by))
			by = in->team[i].name;
	snprintf(title, sizeof title, _("You are not on the team of this draft (started by %s)"),
		 by);
	labels[0] = _("Join its team and continue it");
	labels[1] = _("Read it only");
	switch (ui_choose(ui, title, labels, 2, 1)) {
	case 0:
		if (inspection_add_member(ui->ws->store, in->id, &ui->ws->me, &err)) {
			ui_error_err(ui, &err);
			return -1;
		}
		ui_info(ui, "%s", _("You joined the team of this inspection."));
		return 1;
	case 1: return 0;
	default: return -1;
	}
}

void ui_open_inspection(struct ui *ui, const char *id)
{
	struct fc_inspection in;
	struct fc_err err = { 0 };
	int walk;

	if (inspection_get(ui->ws->store, id, &in, &err)) {
		ui_error_err(ui, &err);
		return;
	}
	if (in.status == INSP_FINAL || ui->ws->supervisor)
		walk = 0;
	else if (on_team(&in, ui->ws->me.badge))
		walk = 1;
	else
		walk = not_on_team(ui, &in);
	inspection_clear(&in);
	if (walk > 0)
		ui_walk(ui, id);
	else if (walk == 0)
		ui_record(ui, id);
}
