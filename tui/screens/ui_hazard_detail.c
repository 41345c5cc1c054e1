/* ui_hazard_detail.c - one hazard: what, where, how severe, the deadline in force,
 * its state and the event log; and recording what happened next (notice,
 * rectified, verified and closed, extension, listed supervision, comment)
 * through hazard_event_add, whose closed-loop refusals are shown as they
 * come.  The files attached as evidence are listed under the event they
 * document (the repair photo under `rectified`) or under the hazard, each
 * with its type, size, when and where taken, who attached it and whether
 * its bytes are on this laptop; p attaches more, o opens one (fetching it
 * first when it is not here).  The
 * description is wrapped whole and the screen scrolls by rows when it, the
 * events and the files are longer than the window.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_hazard_rows.h"
#include "ui_labels.h"
#include "ui_names.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "ui_scroll.h"
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
	char item[600];             /* its item's label: "Plate (Vehicle 2)" */
	struct ui_names names;      /* the item's label */
	struct ui_scroll sc;        /* the rows below the title in view */
	struct haz_rows rows;       /* below the head: files, events */
};

enum { REQ_RECORD = UI_REQ_SCREEN, REQ_NOTICE, REQ_ATTACH, REQ_OPEN };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { 'a', UI_FN(KEY_F(2)), '\n', UI_FN(KEY_ENTER) }, REQ_RECORD, "a", N_("Record event"),
	  "a  F2  Enter", N_("record what happened: notice, rectified, verified, extension, "
			     "listed supervision, comment"), 3, 0 },
	{ { 'w', UI_FN(KEY_F(7)) }, REQ_NOTICE, "w", N_("Notice"), "w  F7",
	  N_("write the rectification notice of the inspection that found it"), 2, 0 },
	{ { 'p', 'P' }, REQ_ATTACH, "p", N_("Photos"), "p",
	  N_("attach photos and files to the hazard or to one of its events"), 5, 0 },
	{ { 'o', 'O' }, REQ_OPEN, "o", N_("Open"), "o",
	  N_("open a file with the desktop's viewer (fetched first when not on this laptop)"),
	  4, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down PgUp PgDn", N_("scroll the description and "
								     "the events"), 0, 0 },
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
	haz_rows_build(&v->rows, v->ui, &v->h);
	v->ent[0] = '\0';
	snprintf(v->item, sizeof v->item, "%s", v->h.item[0] ? v->h.item : "-");
	if (inspection_get(v->ui->ws->store, v->h.inspection, &in, &err))
		return;
	snprintf(v->ent, sizeof v->ent, "%s", in.enterprise);
	if (v->h.item[0]) {
		struct strbuf sb;
		strbuf_init(&sb);
		ui_item_name(v->ui, &v->names, in.form_id, in.form_version, &in, v->h.item, &sb);
		snprintf(v->item, sizeof v->item, "%s", sb.buf);
		strbuf_release(&sb);
	}
	if (enterprise_get(v->ui->ws->store, in.enterprise, &e, &err) == 0) {
		snprintf(v->ent, sizeof v->ent, "%s (%s)", e.name, in.enterprise);
		enterprise_clear(&e);
	}
	inspection_clear(&in);
}

/* The screen row of text row `row`, or -1 when it is out of view. */
static int at(const struct hview *v, size_t row)
{
	return row >= v->sc.top && row < v->sc.top + (size_t)v->sc.rows ?
		2 + (int)(row - v->sc.top) : -1;
}

/* Rows of the head: enterprise, severity, inspection and the description
 * whole. */
static size_t head_rows(const struct hview *v)
{
	int n = ui_text_rows(v->h.description, COLS - 2);

	return 3 + (size_t)(n > 0 ? n : 1);
}

/* The head from text row 0; returns the row after it. */
static size_t paint_head(struct ui *ui, struct hview *v)
{
	const struct fc_hazard *h = &v->h;
	char buf[800];
	size_t row = 0;
	int y, x;

	snprintf(buf, sizeof buf, "%s %.8s · %s%s%s", _("Hazard"), h->id,
		 model_word(hazard_state_name(hazard_state_of(h))),
		 hazard_overdue(h, ui->today) ? _(", OVERDUE") : "",
		 hazard_supervised(h) ? _(", listed supervision") : "");
	ui_title(ui, buf, NULL);
	if ((y = at(v, row++)) >= 0) {
		snprintf(buf, sizeof buf, "%s%s", _("Enterprise"), ui_colon());
		x = 1 + ui_put(y, 1, buf, COLS - 2, ui->attr[R_DIM]);
		ui_put(y, x, v->ent, COLS - 1 - x, ui->attr[R_NORMAL]);
	}
	snprintf(buf, sizeof buf, "%s%s%s   %s%s%s   %s%s%s", _("Severity"), ui_colon(),
		 model_word(hazard_sev_name(h->severity)), _("Deadline"), ui_colon(), h->deadline,
		 _("Due"), ui_colon(), hazard_due(h));
	if ((y = at(v, row++)) >= 0)
		ui_put(y, 1, buf, COLS - 2, ui->attr[h->severity == HAZ_MAJOR ? R_FAIL : R_NORMAL]);
	snprintf(buf, sizeof buf, "%s%s%.8s   %s%s%s", _("Inspection"), ui_colon(), h->inspection,
		 _("Item"), ui_colon(), v->item);
	if ((y = at(v, row++)) >= 0)
		ui_put(y, 1, buf, COLS - 2, ui->attr[R_DIM]);
	return ui_scroll_text(&v->sc, 2, row, 1, COLS - 2, h->description, ui->attr[R_SECTION]);
}

static void paint_event(struct ui *ui, const struct fc_hazard_event *ev, int y)
{
	char when[32], buf[200];
	int x = 1;

	snprintf(buf, sizeof buf, "%s ", ui_when(ev->at, when, sizeof when));
	x += ui_put(y, x, buf, COLS - x, ui->attr[R_DIM]);
	x += ui_put(y, x, hazard_event_label(ev->kind), 20, ui->attr[R_NORMAL]) + 1;
	if (ev->date[0]) {
		snprintf(buf, sizeof buf, _("due %s "), ev->date);
		x += ui_put(y, x, buf, COLS - x, ui->attr[R_WARN]);
	}
	x += ui_put(y, x, ev->by_name, 16, ui->attr[R_DIM]) + 1;
	ui_put(y, x, ev->note, COLS - x - 1, ui->attr[R_NORMAL]);
}

static void paint(struct ui *ui, void *ctx)
{
	struct hview *v = ctx;
	size_t row, i;
	int y;

	if (!v->have) {
		ui_title(ui, _("Hazard"), NULL);
		return;
	}
	ui_scroll_begin(&v->sc, head_rows(v) + v->rows.n, LINES - 4);
	row = paint_head(ui, v);
	for (i = 0; i < v->rows.n; i++) {
		const struct haz_row *r = &v->rows.v[i];
		if ((y = at(v, row + i)) < 0)
			continue;
		if (r->is_event)
			paint_event(ui, &v->h.events[r->ev], y);
		else
			ui_put(y, r->indent, r->text, COLS - r->indent - 1, ui->attr[r->role]);
	}
	ui_scroll_note(ui, &v->sc, 2 + v->sc.rows);
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

/* Attaches files to the hazard (event 0) or to its event number `event`
 * (1 is the finding), and shows them. */
static void attach(struct ui *ui, struct hview *v, size_t event)
{
	struct ui_attach_to to = { NULL, NULL, v->id, event };

	ui_attach_files(ui, &to);
	load(v);
}

/* After `rectified`: the repair's photo belongs with that event. */
static void offer_repair_photo(struct ui *ui, struct hview *v)
{
	if (ui_confirm(ui, hazard_event_label(HEV_RECTIFIED),
		       _("Attach a photo of the repair to this event?"), 1) == 1)
		attach(ui, v, v->h.n_events);
	v->sc.top = (size_t)-1;
}

/* p: the hazard itself, or which of its events, then the chooser. */
static void attach_where(struct ui *ui, struct hview *v)
{
	const char **labels = xcalloc(v->h.n_events + 1, sizeof *labels);
	char when[UI_WHEN_LEN];
	size_t i;
	int k;

	labels[0] = xstrdup(_("The hazard itself"));
	for (i = 0; i < v->h.n_events; i++)
		labels[i + 1] = xstrfmt("%s %s", hazard_event_label(v->h.events[i].kind),
					ui_when(v->h.events[i].at, when, sizeof when));
	k = ui_choose(ui, _("Attach files to"), labels, v->h.n_events + 1, 0);
	for (i = 0; i <= v->h.n_events; i++)
		free((char *)labels[i]);
	free(labels);
	if (k >= 0)
		attach(ui, v, (size_t)k);
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
		v->sc.top = (size_t)-1;   /* the new event, at the end */
		if (v->have && e.kind == HEV_RECTIFIED)
			offer_repair_photo(ui, v);
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
	else if (req == REQ_ATTACH)
		attach_where(ui, v);
	else if (req == REQ_OPEN)
		ui_open_file(ui, v->h.attachments, v->h.n_attachments, "hazard", v->id), load(v);
	else
		ui_scroll_key(&v->sc, key);
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
	snprintf(v.id, sizeof v.id, "%s", id);
	load(&v);
	if (v.have)
		ui_run(ui, &screen, &v);
	if (v.have)
		hazard_clear(&v.h);
	haz_rows_release(&v.rows);
	ui_names_release(&v.names);
}
