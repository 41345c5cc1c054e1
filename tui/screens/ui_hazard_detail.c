/* ui_hazard_detail.c - one hazard: what, where, how severe, the deadline in force,
 * its state and the event log; and recording what happened next (notice,
 * rectified, verified and closed, extension, listed supervision, comment)
 * through hazard_event_add, whose closed-loop refusals are shown as they
 * come.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_labels.h"
#include "ui_list.h"
#include "ui_names.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/text.h"

struct hview {
	struct ui *ui;
	char id[FC_UUID_LEN + 1];
	struct fc_hazard h;
	int have;
	char ent[MAX_NAME + USCC_LEN + 8];
	char form_id[MAX_FORM_ID + 1];  /* of the inspection that found it */
	int form_version;
	struct ui_names names;      /* the item's label */
	struct ui_list l;           /* over the events */
	int y0, h_rows;
};

enum { REQ_RECORD = UI_REQ_SCREEN, REQ_NOTICE };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { 'a', UI_FN(KEY_F(2)), '\n', UI_FN(KEY_ENTER) }, REQ_RECORD, "a", N_("Record event"),
	  "a  F2  Enter", N_("record what happened: notice, rectified, verified, extension, "
			     "listed supervision, comment"), 3, 0 },
	{ { 'w', UI_FN(KEY_F(7)) }, REQ_NOTICE, "w", N_("Notice"), "w  F7",
	  N_("write the rectification notice of the inspection that found it"), 2, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down", N_("scroll the events"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back"), 9, 0 },
};

static void load(struct hview *v)
{
	struct fc_inspection in;
	struct fc_enterprise e;
	struct fc_err err = { 0 };

	if (v->have)
		hazard_clear(&v->h);
	v->have = hazard_get(v->ui->ws->store, v->id, &v->h, &err) == 0;
	if (!v->have) {
		ui_error_err(v->ui, &err);
		return;
	}
	v->l.n = v->h.n_events;
	v->ent[0] = '\0';
	if (inspection_get(v->ui->ws->store, v->h.inspection, &in, &err))
		return;
	snprintf(v->ent, sizeof v->ent, "%s", in.enterprise);
	snprintf(v->form_id, sizeof v->form_id, "%s", in.form_id);
	v->form_version = in.form_version;
	if (enterprise_get(v->ui->ws->store, in.enterprise, &e, &err) == 0) {
		snprintf(v->ent, sizeof v->ent, "%s (%s)", e.name, in.enterprise);
		enterprise_clear(&e);
	}
	inspection_clear(&in);
}

static int paint_head(struct ui *ui, struct hview *v)
{
	const struct fc_hazard *h = &v->h;
	char buf[600];
	int y = 2;

	snprintf(buf, sizeof buf, "%s %.8s · %s%s%s", _("Hazard"), h->id,
		 model_word(hazard_state_name(hazard_state_of(h))),
		 hazard_overdue(h, ui->today) ? _(", OVERDUE") : "",
		 hazard_supervised(h) ? _(", listed supervision") : "");
	ui_title(ui, buf, NULL);
	snprintf(buf, sizeof buf, "%s: ", _("Enterprise"));
	ui_put(y, 1, buf, COLS - 2, ui->attr[R_DIM]);
	ui_put(y++, 1 + ui_width(buf), v->ent, COLS - 2 - ui_width(buf), ui->attr[R_NORMAL]);
	snprintf(buf, sizeof buf, "%s: %s   %s: %s   %s: %s", _("Severity"),
		 model_word(hazard_sev_name(h->severity)), _("Deadline"), h->deadline, _("Due"),
		 hazard_due(h));
	ui_put(y++, 1, buf, COLS - 2, ui->attr[h->severity == HAZ_MAJOR ? R_FAIL : R_NORMAL]);
	snprintf(buf, sizeof buf, "%s: %.8s   %s: %s", _("Inspection"), h->inspection,
		 _("Item"), !h->item[0] ? "-" : !v->form_id[0] ? h->item :
		 ui_item_name(ui, &v->names, v->form_id, v->form_version, h->item));
	ui_put(y++, 1, buf, COLS - 2, ui->attr[R_DIM]);
	y += ui_put_wrapped(y, 1, COLS - 2, LINES > 16 ? 3 : 1, h->description,
			    ui->attr[R_SECTION]);
	return y + 1;
}

static void paint(struct ui *ui, void *ctx)
{
	char when[32];
	struct hview *v = ctx;
	char buf[200];
	int y, r;

	if (!v->have) {
		ui_title(ui, _("Hazard"), NULL);
		return;
	}
	y = paint_head(ui, v);
	ui_put(y - 1, 1, _("Events"), COLS - 2, ui->attr[R_SECTION]);
	v->y0 = y;
	v->h_rows = LINES - 2 - y;
	ui_list_clamp(&v->l, v->h_rows);
	for (r = 0; r < v->h_rows && v->l.top + (size_t)r < v->l.n; r++) {
		const struct fc_hazard_event *ev = &v->h.events[v->l.top + (size_t)r];
		int x = 1;
		snprintf(buf, sizeof buf, "%s ", ui_when(ev->at, when, sizeof when));
		x += ui_put(y + r, x, buf, COLS - x, ui->attr[R_DIM]);
		x += ui_put(y + r, x, hazard_event_label(ev->kind), 20, ui->attr[R_NORMAL]) + 1;
		if (ev->date[0]) {
			snprintf(buf, sizeof buf, _("due %s "), ev->date);
			x += ui_put(y + r, x, buf, COLS - x, ui->attr[R_WARN]);
		}
		x += ui_put(y + r, x, ev->by_name, 16, ui->attr[R_DIM]) + 1;
		ui_put(y + r, x, ev->note, COLS - x - 1, ui->attr[R_NORMAL]);
	}
}

struct event {
	struct hview *v;
	enum hazard_event_kind kind;
	int has_date;
};

static int event_submit(struct ui_form *d, void *ctx)
{
	struct event *e = ctx;
	struct fc_err err = { 0 };
	char *date = e->has_date ? text_trim(ui_field_value(d, 0)) : NULL;
	char *note = text_trim(ui_field_value(d, e->has_date ? 1 : 0));
	int rc = hazard_event_add(e->v->ui->ws->store, &e->v->ui->ws->me, e->v->id, e->kind,
				  date && *date ? date : NULL, note, &err);

	if (rc) {
		snprintf(d->msg, sizeof d->msg, "%s", err.msg);
		d->msg_err = 1;
	}
	free(date);
	free(note);
	return rc;
}

static void record(struct ui *ui, struct hview *v)
{
	static const enum hazard_event_kind kinds[] = {
		HEV_NOTICE, HEV_RECTIFIED, HEV_VERIFIED, HEV_EXTEND, HEV_SUPERVISE, HEV_COMMENT,
	};
	const char *labels[6];
	struct ui_field f[2];
	struct event e = { v, HEV_COMMENT, 0 };
	struct ui_form d;
	size_t i, n = 0;
	int k;

	for (i = 0; i < 6; i++)
		labels[i] = hazard_event_label(kinds[i]);
	k = ui_choose(ui, _("What happened?"), labels, 6, 0);
	if (k < 0)
		return;
	e.kind = kinds[k];
	e.has_date = e.kind == HEV_NOTICE || e.kind == HEV_EXTEND;
	memset(&d, 0, sizeof d);
	if (e.has_date)
		ui_field_text(&f[n++], e.kind == HEV_EXTEND ? _("New deadline") :
			      _("Deadline (optional)"), "", FC_DATE_LEN);
	ui_field_text(&f[n++], _("Note"), "", MAX_NOTE);
	if (e.has_date)
		snprintf(f[0].note, sizeof f[0].note, "%s", _("YYYY-MM-DD"));
	d.title = labels[k];
	d.f = f;
	d.n = n;
	d.submit = event_submit;
	d.ctx = &e;
	if (ui_form_run(ui, &d) == 0) {
		ui_info(ui, _("Recorded: %s."), labels[k]);
		load(v);
		v->l.cur = v->l.n ? v->l.n - 1 : 0;
	}
	ui_fields_free(f, n);
}

/* Leaves when the hazard can no longer be read. */
static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct hview *v = ctx;

	if (req == REQ_RECORD)
		record(ui, v);
	else if (req == REQ_NOTICE)
		ui_notice(ui, v->h.inspection);
	else
		ui_list_key(&v->l, key, v->h_rows);
	return !v->have;
}

static const struct ui_screen screen = {
	N_("Hazard: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

void ui_hazard(struct ui *ui, const char *id)
{
	struct hview v;

	memset(&v, 0, sizeof v);
	v.ui = ui;
	v.h_rows = 1;
	snprintf(v.id, sizeof v.id, "%s", id);
	load(&v);
	v.l.cur = v.l.n ? v.l.n - 1 : 0;
	if (v.have)
		ui_run(ui, &screen, &v);
	if (v.have)
		hazard_clear(&v.h);
	ui_list_release(&v.l);
	ui_names_release(&v.names);
}
