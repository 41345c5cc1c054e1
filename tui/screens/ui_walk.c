/* ui_walk.c - the walk: opening a draft where it was left, moving between
 * items, the keymap, and the dispatch of each key to the helpers below it
 * (ui_answer.c, ui_walk_conflict.c; ui_walk_draw.c paints), which never
 * call back up (see ui_walk.h).
 *
 * Where the inspector is is saved as they move, so a killed process or a
 * dead battery reopens the draft at the same item.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_data.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "ui_answer.h"
#include "ui_walk_conflict.h"
#include "ui_walk_draw.h"
#include "ui_walk_repeat.h"
#include "core/enterprise.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect.h"

enum {
	REQ_PASS = UI_REQ_SCREEN, REQ_FAIL, REQ_NA, REQ_EDIT, REQ_RESOLVE, REQ_NOTE, REQ_CLEAR,
	REQ_HAZARD, REQ_REVIEW, REQ_VIEW, REQ_FIND, REQ_ATTACH, REQ_ADD, REQ_REMOVE
};

/* The walk's modes: on a conflicted item resolving comes first on the bar,
 * and an answer given settles the conflict; pass, fail and n/a are on the
 * bar on a check item (a form from elsewhere may have none). */
enum { MODE_PLAIN = 1, MODE_CONFLICT = 2, MODE_CHECK = 4 };

/* A narrow bar drops the lowest `prio` first: the answers (p f n Enter),
 * then the review and the view stay longest, then the help; F2, F3 and Esc
 * go first (Esc works unseen, the help lists them all). */
static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 15, 0 },
	{ { 'c', 'C', UI_FN(KEY_F(7)) }, REQ_RESOLVE, "c", N_("Resolve"), "F7  c",
	  N_("an item answered differently on two devices (!): keep one answer"), 22,
	  UI_BAR_IN(MODE_CONFLICT) },
	{ { 'p', 'P' }, REQ_PASS, "p", N_("Pass"), "p  f  n",
	  N_("check items: pass, fail (asks for the hazard), not applicable"), 21,
	  UI_BAR_IN(MODE_CHECK) },
	{ { 'f', 'F' }, REQ_FAIL, "f", N_("Fail"), NULL, NULL, 20, UI_BAR_IN(MODE_CHECK) },
	{ { 'n', 'N' }, REQ_NA, "n", N_("N/A"), NULL, NULL, 19, UI_BAR_IN(MODE_CHECK) },
	{ { '\n', '\r', 'e', UI_FN(KEY_ENTER) }, REQ_EDIT, "Enter", N_("Edit"), "Enter  e",
	  N_("answer or change the item (text, number, date, choices)"), 18, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down",
	  N_("previous / next item (items that do not apply are skipped)"), 0, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "PgUp PgDn", N_("previous / next section"), 0, 0 },
	{ { UI_FN(KEY_F(2)), 'm' }, REQ_NOTE, "F2", N_("Note"), "F2  m",
	  N_("note on the item (kept with its answer)"), 14, 0 },
	{ { UI_FN(KEY_F(3)), 'x', UI_FN(KEY_DC) }, REQ_CLEAR, "F3", N_("Clear"), "F3  x  Del",
	  N_("clear the item's answer"), 12, UI_BAR_IN(MODE_PLAIN) },
	{ { UI_FN(KEY_F(4)), 'h' }, REQ_HAZARD, NULL, NULL, "F4  h",
	  N_("the hazard of a failed item: description, severity, deadline"), 0, 0 },
	{ { UI_FN(KEY_F(5)), 'r' }, REQ_REVIEW, "F5", N_("Review"), "F5  r",
	  N_("review: what is missing, the hazards, finalize"), 17, 0 },
	{ { UI_FN(KEY_F(6)), 'v' }, REQ_VIEW, "F6", N_("View"), "F6  v",
	  N_("one item at a time, or the list"), 16, UI_BAR_IN(MODE_PLAIN) },
	{ { '/' }, REQ_FIND, NULL, NULL, "/", N_("find an item by its words"), 0, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "[\u2713] [\u2717] [-]",
	  N_("marks: passed, failed, not applicable"), 0, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "[*] [ ] [x]",
	  N_("marks: required and unanswered, unanswered, answered"), 0, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "n/m",
	  N_("in the title: answered / items that apply now (an answer can make more apply)"),
	  0, 0 },
	{ { 't', 'T' }, UI_REQ_TEAM, NULL, NULL, "t", N_("the team: add an officer"), 0, 0 },
	{ { 'a', 'A' }, REQ_ATTACH, NULL, NULL, "a",
	  N_("attach photos or files to this item (evidence)"), 0, 0 },
	{ { '+' }, REQ_ADD, NULL, NULL, "+",
	  N_("in a repeat: add an instance (another vehicle, another space)"), 0, 0 },
	{ { '-' }, REQ_REMOVE, NULL, NULL, "-",
	  N_("in a repeat: remove the instance shown (asks first)"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc",
	  N_("back (every answer is saved already)"), 11, 0 },
};

static void build_rows(struct walk *w)
{
	size_t i;

	w->rows = xcalloc(w->f->n_items + 1, sizeof *w->rows);
	for (i = 0; i < w->f->n_items; i++) {
		const struct form_item *it = &w->f->items[i];
		long g = it->group;
		int depth = 0;
		if (it->type == FT_END_GROUP || it->type == FT_END_REPEAT ||
		    it->type == FT_CALCULATE || it->type == FT_META || it->type == FT_HIDDEN)
			continue;   /* computed, never asked (inspection show lists them) */
		while (g >= 0) {
			depth++;
			g = w->f->items[g].group;
		}
		w->rows[w->n_rows].item = i;
		w->rows[w->n_rows].header = it->type == FT_BEGIN_GROUP ||
					    it->type == FT_BEGIN_REPEAT;
		w->rows[w->n_rows++].depth = depth;
	}
	w->l.n = w->n_rows;
}

/* Where to start: the item saved last time, else the first one that
 * applies and has no answer yet. */
static void place(struct walk *w)
{
	char *last = data_last_item(w->ui->ws, w->id);
	size_t r;

	w->l.cur = 0;
	for (r = 0; last && r < w->n_rows; r++)
		if (!w->rows[r].header && !strcmp(w->f->items[w->rows[r].item].name, last) &&
		    walk_stop(w, r)) {
			w->l.cur = r;
			free(last);
			return;
		}
	free(last);
	for (r = 0; r < w->n_rows; r++)
		if (walk_stop(w, r) && !walk_value(w, w->rows[r].item)) {
			w->l.cur = r;
			return;
		}
	if (!walk_stop(w, 0))
		walk_step(w, 1);
}

static void save_place(struct walk *w)
{
	struct fc_err err = { 0 };
	long it = walk_item(w);

	if (it < 0 || !strcmp(w->saved, w->f->items[it].name))
		return;
	if (data_set_last_item(w->ui->ws, w->id, w->f->items[it].name, &err))
		ui_error_err(w->ui, &err);
	else
		snprintf(w->saved, sizeof w->saved, "%s", w->f->items[it].name);
}

static int open_walk(struct ui *ui, struct walk *w, const char *id)
{
	struct fc_enterprise e;
	struct fc_err err = { 0 };

	memset(w, 0, sizeof *w);
	w->ui = ui;
	snprintf(w->id, sizeof w->id, "%s", id);
	if (inspection_get(ui->ws->store, id, &w->in, &err))
		goto fail;
	w->have_in = 1;
	w->f = inspect_form(ui->ws, w->in.form_id, w->in.form_version, &err);
	if (!w->f || inspect_last_load(ui->ws, w->f, &w->in, &w->last, &err) < 0)
		goto fail;
	if (enterprise_get(ui->ws->store, w->in.enterprise, &e, &err) == 0) {
		snprintf(w->ent_name, sizeof w->ent_name, "%s", e.name);
		enterprise_clear(&e);
	}
	w->relevant = xcalloc(w->f->n_items + 1, 1);
	w->required = xcalloc(w->f->n_items + 1, 1);
	w->clashes = xcalloc(w->f->n_items + 1, sizeof *w->clashes);
	w->filled = xcalloc(w->f->n_items + 1, sizeof *w->filled);
	w->computed = xcalloc(w->f->n_items + 1, sizeof *w->computed);
	w->inst = xcalloc(w->f->n_items + 1, sizeof *w->inst);
	build_rows(w);
	if (walk_reload(w))
		return -1;
	place(w);
	walk_moved(w);
	return 0;
fail:
	ui_error_err(ui, &err);
	return -1;
}

static void close_walk(struct walk *w)
{
	inspect_last_release(&w->last);
	if (w->have_in)
		inspection_clear(&w->in);
	if (w->have_haz)
		hazard_clear(&w->haz);
	free(w->rows);
	free(w->relevant);
	free(w->required);
	free(w->clashes);
	if (w->filled)
		for (size_t i = 0; i < w->f->n_items; i++)
			free(w->filled[i]);
	free(w->filled);
	if (w->computed)
		for (size_t i = 0; i < w->f->n_items; i++)
			free(w->computed[i]);
	free(w->computed);
	free(w->inst);
	form_free(w->f);
	ui_list_release(&w->l);
}

static const char *row_text(void *ctx, size_t i, char *buf, size_t size)
{
	const struct walk *w = ctx;
	const struct form_item *it = &w->f->items[w->rows[i].item];

	snprintf(buf, size, "%s %s", it->name, walk_label(w, (size_t)(it - w->f->items)));
	return buf;
}

/* PgUp / PgDn: to the first stop of the previous / next section. */
static void section(struct walk *w, int dir)
{
	size_t r = w->l.cur;

	while (dir > 0 ? r + 1 < w->n_rows : r > 0) {
		r = dir > 0 ? r + 1 : r - 1;
		if (w->rows[r].header && (dir > 0 || r + 1 < w->l.cur))
			break;
	}
	if (dir < 0)
		while (r > 0 && !w->rows[r].header)
			r--;
	w->l.cur = r;
	if (!walk_stop(w, r) && !walk_step(w, 1))
		walk_step(w, -1);
}

static void review(struct walk *w)
{
	size_t item;
	size_t r;

	switch (ui_review(w->ui, w->id, w->f, &item)) {
	case REVIEW_GOTO:
		for (r = 0; r < w->n_rows; r++)
			if (!w->rows[r].header && w->rows[r].item == item)
				w->l.cur = r;
		break;
	case REVIEW_FINAL:
	case REVIEW_BACK:
		break;
	}
	walk_reload(w);
}

/* Up, Down, PgUp, PgDn, Home, End and clicks: 1 if `key` moved. */
static int go(struct walk *w, int key)
{
	switch (key) {
	case UI_FN(KEY_UP): case 'k': walk_step(w, -1); break;
	case UI_FN(KEY_DOWN): case 'j': case '\t': walk_step(w, 1); break;
	case UI_FN(KEY_PPAGE): section(w, -1); break;
	case UI_FN(KEY_NPAGE): section(w, 1); break;
	case UI_FN(KEY_HOME): w->l.cur = 0; if (!walk_stop(w, 0)) walk_step(w, 1); break;
	case UI_FN(KEY_END): w->l.cur = w->n_rows - 1;
		if (!walk_stop(w, w->l.cur)) walk_step(w, -1);
		break;
	case UI_FN(KEY_MOUSE):
		if (ui_list_click(&w->l, w->ui, w->list_y, w->list_h) && !walk_stop(w, w->l.cur))
			walk_step(w, 1);
		break;
	default:
		return 0;
	}
	return 1;
}

static unsigned mode(void *ctx)
{
	const struct walk *w = ctx;
	long it = walk_item(w);

	return (it >= 0 && w->clashes[it] ? MODE_CONFLICT : MODE_PLAIN) |
	       (it >= 0 && w->f->items[it].type == FT_CHECK ? MODE_CHECK : 0);
}

/* p, f, n. */
static void check(struct walk *w, int req, enum walk_how how)
{
	long it = walk_item(w);

	if (it < 0 || w->f->items[it].type != FT_CHECK)
		ui_error(w->ui, _("p, f and n answer check items; Enter answers this one."));
	else if (req == REQ_FAIL)
		walk_fail(w, how);
	else
		walk_check(w, req == REQ_PASS ? "pass" : "na", how);
}

void walk_attach(struct walk *w)
{
	const struct walk_row *row = w->l.cur < w->n_rows ? &w->rows[w->l.cur] : NULL;
	struct ui_attach_to to = { w->id, "", NULL, 0 };
	char key[MAX_ITEM_KEY + 1];

	if (row && !row->header)
		to.item = walk_key(w, row->item, key);
	ui_attach_files(w->ui, &to);
	walk_reload(w);
}

/* Does one request; returns 1 to leave the walk.  On a conflicted item an
 * answer settles the conflict: the mode is decided here, once, and passed. */
static int request(struct walk *w, int req, int key)
{
	enum walk_how how = mode(w) & MODE_CONFLICT ? WALK_RESOLVE : WALK_ANSWER;

	switch (req) {
	case REQ_PASS: case REQ_FAIL: case REQ_NA: check(w, req, how); return 0;
	case REQ_EDIT: walk_edit(w, how); return 0;
	case REQ_RESOLVE:
		if (walk_resolve(w))
			walk_edit(w, WALK_RESOLVE);
		return 0;
	case REQ_NOTE: walk_edit_note(w); return 0;
	case REQ_CLEAR: walk_clear(w); return 0;
	case REQ_HAZARD:
		if (w->have_haz)
			walk_fail(w, WALK_ANSWER);
		else
			ui_error(w->ui, _("This item has no hazard: only a failed check has one."));
		return 0;
	case REQ_REVIEW: review(w); return w->have_in && w->in.status == INSP_FINAL;
	case UI_REQ_TEAM: ui_draft_team(w->ui, w->id); walk_reload(w); return 0;
	case REQ_ATTACH: walk_attach(w); return 0;
	case REQ_ADD: walk_add_instance(w); break;
	case REQ_REMOVE: walk_remove_instance(w); break;
	case REQ_VIEW: w->single = !w->single; break;
	case REQ_FIND: ui_list_search(w->ui, &w->l, row_text, w);
		if (!walk_stop(w, w->l.cur)) walk_step(w, 1);
		break;
	default:
		if (!go(w, key))
			return 0;
	}
	walk_moved(w);
	return 0;
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct walk *w = ctx;
	int leave = request(w, req, key);

	(void)ui;
	save_place(w);
	return leave;
}

static void start(struct ui *ui, void *ctx)
{
	(void)ui;
	save_place(ctx);
}

static const struct ui_screen screen = {
	N_("Checklist: keys"), keys, ARRAY_SIZE(keys), walk_paint, act, mode, start,
};

void ui_walk(struct ui *ui, const char *id)
{
	struct walk *w = xcalloc(1, sizeof *w);
	struct fc_err err = { 0 };

	if (open_walk(ui, w, id) == 0) {
		if (w->in.status == INSP_FINAL) {
			size_t item;
			ui_review(ui, w->id, w->f, &item);
		} else {
			if (data_set_last_draft(ui->ws, w->id, &err))
				ui_error_err(ui, &err);
			ui_run(ui, &screen, w);
		}
	}
	close_walk(w);
	free(w);
}
