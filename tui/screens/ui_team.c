/* ui_team.c - the team of an inspection: while it is being started (the
 * signed-in officer first, always there, then members added with name,
 * badge and department: joint enforcement brings several departments), or
 * of a draft, from its walk or review (t), where a member added is stored
 * at once (inspection_add_member).  A started inspection's member is not
 * removed here: the store keeps no removal (an officer who took part
 * stays in the record). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_list.h"
#include "ui_pick.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/two_officers.h"

struct team {
	struct fc_person **p;
	size_t *n;
	const char *draft;          /* the draft's id, or NULL: being started */
	size_t need;                /* officers the department does its type with
				     * (core/two_officers.h) */
	struct ui_list l;
	int y0, h;
};

enum { REQ_ADD = UI_REQ_SCREEN, REQ_REMOVE };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { 'a', 'A', UI_FN(KEY_F(2)), UI_FN(KEY_IC) }, REQ_ADD, "a", N_("Add"),
	  "a  F2  Insert", N_("add a member: name, badge number, department"), 3, 0 },
	{ { 'd', 'D', UI_FN(KEY_DC) }, REQ_REMOVE, "d", N_("Remove"), "d  Delete",
	  N_("remove the member under the cursor (not yourself)"), 2, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, UI_REQ_BACK, "Enter", N_("Done"), "Enter  Esc",
	  N_("done: back"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Done"), NULL, NULL, 9, 0 },
};

static void paint(struct ui *ui, void *ctx)
{
	struct team *t = ctx;
	int r, nw = (COLS - 4) / 3 < 20 ? (COLS - 4) / 3 : 20;
	int bw = (COLS - 4) / 4 < 16 ? (COLS - 4) / 4 : 16;

	ui_title(ui, t->draft ? _("Team of the inspection") : _("New inspection: team"), NULL);
	ui_put_wrapped(2, 2, COLS - 4, 1,
		       _("Officers on this inspection (joint and unannounced inspections need two):"),
		       ui->attr[R_DIM]);
	if (*t->n < t->need)
		ui_put(3, 2, _("One officer more is needed (enforcement in pairs): a adds one."),
		       COLS - 4,
		       ui->attr[R_WARN]);
	t->y0 = 4;
	t->h = LINES - 2 - t->y0;
	t->l.n = *t->n;
	ui_list_clamp(&t->l, t->h);
	for (r = 0; r < t->h && t->l.top + (size_t)r < t->l.n; r++) {
		size_t i = t->l.top + (size_t)r;
		const struct fc_person *p = &(*t->p)[i];
		attr_t a = ui->attr[i == t->l.cur ? R_SELECT : R_NORMAL];
		int y = t->y0 + r, x = 2;
		ui_fill(y, 2, COLS - 4, a);
		/* columns of fixed display width, so they line up whatever the
		 * names hold (a Chinese character takes two columns) */
		x += ui_col(y, x, p->name, nw, a) + 1;
		x += ui_col(y, x, p->badge, bw, a) + 1;
		ui_put(y, x, p->dept, COLS - x - 2, a);
	}
}

static int member_submit(struct ui_form *d, void *ctx)
{
	struct fc_person *p = ctx;
	struct fc_err err = { 0 };
	char *v[3];
	int rc, i;

	for (i = 0; i < 3; i++)
		v[i] = text_trim(ui_field_value(d, (size_t)i));
	memset(p, 0, sizeof *p);
	rc = copy_field(p->name, sizeof p->name, v[0], "name", &err) ||
	     copy_field(p->badge, sizeof p->badge, v[1], "badge number", &err) ||
	     copy_field(p->dept, sizeof p->dept, v[2], "department", &err) ||
	     person_check(p, &err);
	for (i = 0; i < 3; i++)
		free(v[i]);
	if (rc) {
		snprintf(d->msg, sizeof d->msg, "%s", err.msg);
		d->msg_err = 1;
	}
	return rc ? -1 : 0;
}

static void add(struct ui *ui, struct team *t)
{
	struct ui_field f[3];
	struct fc_person p;
	struct ui_form d;
	struct fc_err err = { 0 };
	size_t i;

	if (*t->n >= MAX_TEAM) {
		ui_error(ui, _("A team has at most %d officers."), MAX_TEAM);
		return;
	}
	memset(&d, 0, sizeof d);
	ui_field_text(&f[0], _("Name"), "", MAX_NAME);
	ui_field_text(&f[1], _("Badge number"), "", MAX_BADGE);
	ui_field_text(&f[2], _("Department"), "", MAX_DEPT);
	d.title = _("Add a team member");
	d.f = f;
	d.n = 3;
	d.submit = member_submit;
	d.ctx = &p;
	if (ui_form_run(ui, &d) == 0) {
		for (i = 0; i < *t->n; i++)
			if (!strcmp((*t->p)[i].badge, p.badge))
				break;
		if (i < *t->n) {
			ui_error(ui, _("Badge %s is on the team already."), p.badge);
		} else if (t->draft && inspection_add_member(ui->ws->store, t->draft, &p, &err)) {
			ui_error_err(ui, &err);
		} else {
			*t->p = xrealloc(*t->p, (*t->n + 1) * sizeof **t->p);
			(*t->p)[(*t->n)++] = p;
			t->l.cur = *t->n - 1;
		}
	}
	ui_fields_free(f, 3);
}

static void removal(struct ui *ui, struct team *t)
{
	size_t i = t->l.cur;

	if (t->draft) {
		ui_error(ui, _("An officer of a started inspection stays in its record."));
		return;
	}
	if (i == 0 || i >= *t->n) {
		ui_error(ui, _("You lead this inspection: you stay on the team."));
		return;
	}
	memmove(&(*t->p)[i], &(*t->p)[i + 1], (*t->n - i - 1) * sizeof **t->p);
	(*t->n)--;
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct team *t = ctx;

	if (req == REQ_ADD)
		add(ui, t);
	else if (req == REQ_REMOVE)
		removal(ui, t);
	else if (!ui_list_key(&t->l, key, t->h) && key == UI_FN(KEY_MOUSE))
		ui_list_click(&t->l, ui, t->y0, t->h);
	return 0;
}

static const struct ui_screen screen = {
	N_("Team: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

static void run(struct ui *ui, struct fc_person **team, size_t *n, const char *draft,
		size_t need)
{
	struct team t;

	memset(&t, 0, sizeof t);
	t.p = team;
	t.n = n;
	t.draft = draft;
	t.need = need;
	t.h = 1;
	ui_run(ui, &screen, &t);
	ui_list_release(&t.l);
}

/* The officers type t is done with, by the department's setting; what the
 * type itself needs when the setting cannot be read (said). */
static size_t need_of(struct ui *ui, enum insp_type t)
{
	struct fc_err err = { 0 };
	unsigned mask;

	if (two_officers_get(ui->ws->store, &mask, &err)) {
		ui_error_err(ui, &err);
		return insp_type_min_team(t);
	}
	return two_officers_need(mask, t);
}

void ui_edit_team(struct ui *ui, struct fc_person **team, size_t *n, enum insp_type type)
{
	run(ui, team, n, NULL, need_of(ui, type));
}

void ui_draft_team(struct ui *ui, const char *id)
{
	struct fc_inspection in;
	struct fc_err err = { 0 };

	if (inspection_get(ui->ws->store, id, &in, &err)) {
		ui_error_err(ui, &err);
		return;
	}
	if (in.status != INSP_DRAFT)
		ui_error(ui, "%s", _("This inspection is finalized: its team no longer changes."));
	else
		run(ui, &in.team, &in.n_team, in.id, need_of(ui, in.type));
	inspection_clear(&in);
}
