/* ui_conflicts.c - the picker of the drafts with conflicting answers (from
 * the home and sync screens): choose one, and its walk opens at its first
 * conflicted item; and how many there are, for the home screen's badge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_data.h"
#include "ui_dialog.h"
#include "ui_labels.h"
#include "ui_names.h"
#include "ui_screens.h"
#include "core/inspection.h"
#include "core/listing.h"
#include "core/strbuf.h"

struct picked {
	struct ui *ui;
	struct ui_names names;      /* the forms' titles */
	char (*ids)[FC_UUID_LEN + 1];
	char **labels;
	size_t n, alloc_ids, alloc_labels;
};

static int add_row(const struct insp_row *r, void *ctx)
{
	char when[32];
	struct picked *p = ctx;
	char buf[600];

	if (p->n >= 1000)
		return 0;
	ALLOC_GROW(p->ids, p->n + 1, p->alloc_ids);
	ALLOC_GROW(p->labels, p->n + 1, p->alloc_labels);
	memcpy(p->ids[p->n], r->id, sizeof p->ids[p->n]);
	snprintf(buf, sizeof buf, "%s · %s · %s", r->enterprise_name[0] ? r->enterprise_name
		 : r->enterprise, ui_when(r->created_at, when, sizeof when),
		 ui_form_title(p->ui, &p->names, r->form_id, r->form_version));
	p->labels[p->n++] = xstrdup(buf);
	return 0;
}

/* Opens the walk of a draft at its first conflicted item. */
static void open_at_conflict(struct ui *ui, const char *id)
{
	struct fc_inspection in;
	struct fc_err err = { 0 };

	if (inspection_get(ui->ws->store, id, &in, &err) == 0) {
		if (in.n_conflicts)
			data_set_last_item(ui->ws, id, in.conflicts[0].item, &err);
		inspection_clear(&in);
	}
	ui_walk(ui, id);
}

long ui_conflicts_count(struct ui *ui)
{
	static const struct insp_filter conflicted = { "conflicted", NULL };
	struct fc_err err = { 0 };
	long n = 0;

	if (inspection_count(ui->ws->store, &conflicted, &n, &err))
		return 0;
	return n;
}

void ui_conflicts(struct ui *ui)
{
	struct picked p = { 0 };
	struct fc_err err = { 0 };
	size_t i;
	int c;

	p.ui = ui;

	if (inspection_list(ui->ws->store, "conflicted", add_row, &p, &err)) {
		ui_error_err(ui, &err);
	} else if (p.n == 0) {
		ui_info(ui, _("No inspection has conflicting answers."));
	} else {
		c = ui_choose(ui, _("Conflicting answers: open which inspection?"),
			      (const char *const *)p.labels, p.n, 0);
		if (c >= 0)
			open_at_conflict(ui, p.ids[c]);
	}
	for (i = 0; i < p.n; i++)
		free(p.labels[i]);
	free(p.labels);
	free(p.ids);
	ui_names_release(&p.names);
}
