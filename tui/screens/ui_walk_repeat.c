/* ui_walk_repeat.c - + and - in the walk: adding an instance of a repeat
 * (another vehicle at the loading bay) and removing the one shown, through
 * forms/inspect/instances.h like the command line; the walk then shows the
 * instance added, or the one after the one removed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_walk_repeat.h"
#include "core/strbuf.h"
#include "forms/inspect/instances.h"

/* The repeat the cursor is in, or -1 after saying what + and - need. */
static long repeat_here(struct walk *w)
{
	long rep = walk_repeat(w);

	if (rep < 0)
		ui_error(w->ui, "%s", _("+ and - add and remove a repeat's instances: move to "
					"a repeat (“… 1 of 2”) first."));
	return rep;
}

void walk_add_instance(struct walk *w)
{
	char uuid[FC_UUID_LEN + 1];
	struct fc_err err = { 0 };
	long rep = repeat_here(w);
	size_t pos = 0;

	if (rep < 0)
		return;
	if (inspect_repeat_add(w->ui->ws, w->f, w->id, w->f->items[rep].name,
			       w->f->items[rep].repeat >= 0 ? walk_parent(w, (size_t)rep) : NULL,
			       uuid, &pos, w->ui->lang, &err)) {
		ui_error_err(w->ui, &err);
		return;
	}
	memcpy(w->inst[rep], uuid, sizeof uuid);
	walk_reload(w);
	w->l.cur = walk_row_of(w, (size_t)rep);
	/* TRANSLATORS: after + in the walk: "Vehicle 3 added." */
	ui_info(w->ui, _("%s %zu added."), form_item_label(w->f, &w->f->items[rep], w->ui->lang),
		pos);
}

void walk_remove_instance(struct walk *w)
{
	struct inspect_instance *v;
	struct fc_err err = { 0 };
	long rep = repeat_here(w);
	size_t n, pos;
	char *q;
	int yes;

	if (rep < 0)
		return;
	if (!*w->inst[rep]) {
		ui_error(w->ui, "%s", _("This repeat has no instance to remove."));
		return;
	}
	q = xstrfmt(_("Remove %s? Its answers stay in the record but are no longer shown "
		      "or required, and the hazards its failed checks made are withdrawn."),
		    w->filled[rep] ? w->filled[rep] : w->f->items[rep].name);
	yes = ui_confirm(w->ui, _("Remove an instance"), q, 0);
	free(q);
	if (yes != 1)
		return;
	pos = inspect_instance_position(w->f, &w->in, (size_t)rep, w->inst[rep]);
	if (inspect_repeat_remove(w->ui->ws, w->f, w->id, w->f->items[rep].name, w->inst[rep],
				  w->ui->lang, &err)) {
		ui_error_err(w->ui, &err);
		return;
	}
	walk_reload(w);
	n = inspect_instances(w->f, &w->in, (size_t)rep, walk_parent(w, (size_t)rep), 0, &v);
	snprintf(w->inst[rep], sizeof w->inst[rep], "%s", !n ? "" : v[pos <= n ? pos - 1 : n - 1].uuid);
	free(v);
	walk_reload(w);
	w->l.cur = walk_row_of(w, (size_t)rep);
	ui_info(w->ui, "%s", _("Removed."));
}
