/* ui_record.c - an inspection read whole (ui_record_text.c lays it out):
 * the answers by section with their labels, notes, readings and items not
 * applicable, the team, the times, the hazards and the amendments, scrolled
 * by rows (ui_scroll.h) with a last row saying where.  A finalized
 * inspection is amended from here (a, see ui_record_amend.c); its history,
 * hazards and notice are a key away, and o opens one of its files.
 */
#include <stdlib.h>
#include <string.h>

#include "ui_labels.h"
#include "ui_record_impl.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/enterprise.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect.h"

enum { REQ_AMEND = UI_REQ_SCREEN, REQ_HISTORY, REQ_HAZARDS, REQ_NOTICE, REQ_OPEN };
enum { M_FINAL = 1, M_DRAFT = 2 };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 5, 0 },
	{ { 'a', 'A', UI_FN(KEY_F(8)) }, REQ_AMEND, "a", N_("Amend"), "a  F8",
	  N_("amend a finalized inspection: an item, its new value and why"), 8, M_FINAL },
	{ { UI_FN(KEY_DOWN) }, UI_REQ_NONE, "Down", N_("Scroll"), "Up Down PgUp PgDn",
	  N_("scroll"), 6, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Home End", N_("the top, the end"), 0, 0 },
	{ { 'h', 'H', UI_FN(KEY_F(4)) }, REQ_HAZARDS, "h", N_("Hazards"), "h  F4",
	  N_("the hazards of the inspection, with their events"), 3, 0 },
	{ { 'l', 'L', UI_FN(KEY_F(6)) }, REQ_HISTORY, "l", N_("History"), "l  F6",
	  N_("history: who changed the record, when and what (from the replica)"), 2, 0 },
	{ { 'w', 'W', UI_FN(KEY_F(7)) }, REQ_NOTICE, "w", N_("Notice"), "w  F7",
	  N_("write the rectification notice of the inspection"), 1, M_FINAL },
	{ { 'o', 'O' }, REQ_OPEN, "o", N_("Open"), "o",
	  N_("open a file with the desktop's viewer (fetched first when not on this laptop)"),
	  4, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back"), 9, 0 },
};

static void unload(struct rec *r)
{
	if (r->have_in)
		inspection_clear(&r->in);
	r->have_in = 0;
	form_free(r->f);
	r->f = NULL;
	data_haz_release(&r->hz);
	rec_lines_release(r);
}

/* Reads the inspection, its form, its enterprise and its hazards.  A form
 * that cannot be read leaves the answers shown by their items' names. */
int rec_load(struct rec *r)
{
	struct hazard_filter hf = { 0 };
	struct fc_enterprise e;
	struct fc_err err = { 0 };

	unload(r);
	if (inspection_get(r->ui->ws->store, r->id, &r->in, &err))
		goto fail;
	r->have_in = 1;
	r->f = inspect_form(r->ui->ws, r->in.form_id, r->in.form_version, &err);
	if (!r->f)
		ui_error_err(r->ui, &err);
	snprintf(r->ent_name, sizeof r->ent_name, "%s", "");
	if (enterprise_get(r->ui->ws->store, r->in.enterprise, &e, &err) == 0) {
		snprintf(r->ent_name, sizeof r->ent_name, "%s", e.name);
		enterprise_clear(&e);
	}
	hf.inspection = r->id;
	hf.today = r->ui->today;
	if (data_haz_more(r->ui->ws->store, &hf, &r->hz, 500, &err))
		ui_error_err(r->ui, &err);
	rec_lines_build(r);
	return 0;
fail:
	ui_error_err(r->ui, &err);
	return -1;
}

/* The columns line l wraps to. */
static int line_width(const struct rec_line *l)
{
	int w = COLS - 2 - l->indent;

	return w > 4 ? w : 4;
}

static void paint(struct ui *ui, void *ctx)
{
	struct rec *r = ctx;
	size_t i, row = 0, total = 0;
	int n;

	ui_title(ui, _("Inspection record"), model_word(insp_status_name(r->in.status)));
	for (i = 0; i < r->n_lines; i++)
		total += (size_t)((n = ui_text_rows(r->lines[i].text, line_width(&r->lines[i]))) > 0
				  ? n : 1);
	ui_scroll_begin(&r->sc, total, LINES - 4);
	for (i = 0; i < r->n_lines; i++)
		row = ui_scroll_text(&r->sc, 2, row, 1 + r->lines[i].indent,
				     line_width(&r->lines[i]), r->lines[i].text,
				     ui->attr[r->lines[i].role]);
	ui_scroll_note(ui, &r->sc, 2 + r->sc.rows);
}

/* The arrows, PgUp PgDn Home End (ui_scroll.h), and j k space as in less. */
static void rec_scroll(struct rec *r, int key)
{
	ui_scroll_key(&r->sc, key == 'k' ? UI_FN(KEY_UP) : key == 'j' ? UI_FN(KEY_DOWN) :
		      key == ' ' ? UI_FN(KEY_NPAGE) : key);
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct rec *r = ctx;

	switch (req) {
	case REQ_AMEND: rec_amend(r); break;
	case REQ_HISTORY: ui_history_inspection(ui, r->id, r->in.created_at); break;
	case REQ_HAZARDS: ui_hazards(ui, r->id); rec_load(r); break;
	case REQ_NOTICE: ui_notice(ui, r->id); break;
	case REQ_OPEN:
		ui_open_file(ui, r->in.attachments, r->in.n_attachments, "inspection", r->id);
		rec_load(r);   /* a file fetched is here now */
		break;
	default: rec_scroll(r, key);
	}
	return 0;
}

/* Amending is an inspector's: a supervisor's workspace reads the record
 * (what it may write is listed supervision and comments on hazards). */
static unsigned mode(void *ctx)
{
	const struct rec *r = ctx;

	return r->in.status == INSP_FINAL && !r->ui->ws->supervisor ? M_FINAL : M_DRAFT;
}

static const struct ui_screen screen = {
	N_("Inspection record: keys"), keys, ARRAY_SIZE(keys), paint, act, mode, NULL,
};

void ui_record(struct ui *ui, const char *id)
{
	struct rec *r = xcalloc(1, sizeof *r);

	r->ui = ui;
	snprintf(r->id, sizeof r->id, "%s", id);
	if (rec_load(r) == 0)
		ui_run(ui, &screen, r);
	unload(r);
	free(r);
}
