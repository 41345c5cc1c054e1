/* ui_review.c - before finalizing: the items answered differently on two
 * devices (to resolve first), what required items are unanswered
 * (inspect_missing), the hazards found, and finalize, which checks first
 * (inspect_finalize_checks: conflicts, unanswered items, the team), then
 * asks, then locks the record (inspect_finalize).  o edits a draft's texts
 * for the on-site record (the unit's responsible person, the findings, the
 * opinion).  A finished inspection opens here too, read-only, with its
 * rectification notice a key away and its documents' numbers shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_data.h"
#include "ui_dialog.h"
#include "ui_labels.h"
#include "ui_list.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/docnum.h"
#include "core/enterprise.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "forms/inspect/conflict_items.h"
#include "forms/inspect/inspect.h"
#include "forms/inspect/visit.h"
#include "forms/inspect/warnings.h"

struct review {
	struct ui *ui;
	const char *id;
	const struct form *f;
	struct fc_inspection in;
	char ent_name[MAX_NAME + 1];
	size_t *conflicts, n_conflicts;
	struct inspect_missing *missing; /* an item in a repeat once per instance */
	size_t n_missing;
	size_t *warnings, n_warnings;   /* the form's warnings that apply */
	struct data_haz hz;
	struct ui_list l;           /* conflicted items, missing items, hazards */
	int y0, h;
	enum review_end end;        /* what ui_review returns */
	size_t item;                /* the item to go to, for REVIEW_GOTO */
};

enum { REQ_OPEN = UI_REQ_SCREEN, REQ_NOTICE, REQ_FINALIZE, REQ_TEXTS };

/* A narrow bar keeps F8 finalize longest, then Enter; Esc works unseen. */
static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 6, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down",
	  N_("move through the conflicts, the unanswered items and the hazards"), 0, 0 },
	{ { '\n', '\r', UI_FN(KEY_ENTER) }, REQ_OPEN, "Enter", N_("Open"), "Enter",
	  N_("open: a conflicted or unanswered item in the checklist, a hazard's details"), 8, 0 },
	/* F7 is on the bar before F8 and in the help after it: its bar entry
	 * sends, its help entry only shows */
	{ { UI_FN(KEY_F(7)), 'w' }, REQ_NOTICE, "F7", N_("Notice"), NULL, NULL, 5, 0 },
	{ { UI_FN(KEY_F(8)), 'z' }, REQ_FINALIZE, "F8", N_("Finalize"), "F8  z",
	  N_("finalize: checks what is missing, asks, then locks the inspection"), 9, 0 },
	{ { 0 }, REQ_NOTICE, NULL, NULL, "F7  w",
	  N_("write the rectification notice (责令限期整改指令书) to a file"), 0, 0 },
	{ { 't', 'T' }, UI_REQ_TEAM, NULL, NULL, "t", N_("the team: add an officer"), 0, 0 },
	{ { 'o', 'O' }, REQ_TEXTS, "o", N_("Findings"), "o",
	  N_("the findings (检查情况), the opinion (处理意见) and the unit's responsible person, "
	     "for the on-site record"), 3, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back to the checklist"), 4, 0 },
};

static int load(struct review *r)
{
	struct hazard_filter hf = { 0 };
	struct fc_enterprise e;
	struct fc_err err = { 0 };

	inspection_clear(&r->in);
	free(r->missing);
	free(r->conflicts);
	free(r->warnings);
	r->missing = NULL;
	r->conflicts = r->warnings = NULL;
	r->n_missing = r->n_conflicts = r->n_warnings = 0;
	data_haz_release(&r->hz);
	if (inspection_get(r->ui->ws->store, r->id, &r->in, &err))
		goto fail;
	if (enterprise_get(r->ui->ws->store, r->in.enterprise, &e, &err) == 0) {
		snprintf(r->ent_name, sizeof r->ent_name, "%s", e.name);
		enterprise_clear(&e);
	}
	r->conflicts = conflict_items(r->f, &r->in, &r->n_conflicts);
	r->warnings = inspect_warnings(r->f, &r->in, &r->n_warnings);
	if (r->in.status == INSP_DRAFT &&
	    inspect_missing(r->ui->ws, r->f, r->id, &r->missing, &r->n_missing, &err))
		goto fail;
	hf.inspection = r->id;
	hf.enterprise = "";
	hf.today = r->ui->today;
	if (data_haz_more(r->ui->ws->store, &hf, &r->hz, 500, &err))
		goto fail;
	r->l.n = r->n_conflicts + r->n_missing + r->hz.n;
	return 0;
fail:
	ui_error_err(r->ui, &err);
	return -1;
}

/* The first warning, and how many more: xstrfmt'd, free() it. */
static char *warning_text(const struct review *r)
{
	const char *label = form_text(r->f, &r->f->items[r->warnings[0]].label, r->ui->lang);

	if (r->n_warnings == 1)
		return xstrfmt("!! %s", label);
	return xstrfmt(_("!! %s (and %zu more warnings)"), label, r->n_warnings - 1);
}

/* "!! A reading is outside the safe range ... (+1 more)" on row y. */
static void paint_warning(struct ui *ui, struct review *r, int y)
{
	char *s = warning_text(r);

	ui_fill(y, 0, COLS, ui->attr[R_ERROR]);
	ui_put(y, 1, s, COLS - 2, ui->attr[R_ERROR]);
	free(s);
}

/* "（北应急）责改〔2026〕0012号  Finalized ... It no longer changes.": the
 * order's number first, so a narrow screen keeps it. */
static void finalized_line(const struct review *r, char *buf, size_t size)
{
	const struct fc_document *d = documents_first(&r->in, DOCNUM_ORDER);
	char when[32];
	struct strbuf sb;

	strbuf_init(&sb);
	if (d) {
		docnum_text(d, &sb);
		strbuf_adds(&sb, "  ");
	}
	strbuf_addf(&sb, _("Finalized %s. It no longer changes."),
		    ui_when(r->in.finalized_at, when, sizeof when));
	snprintf(buf, size, "%s", sb.buf);
	strbuf_release(&sb);
}

static void paint_head(struct ui *ui, struct review *r)
{
	char when[32];
	char buf[1200];
	size_t i;
	int k = 0;

	/* the checklist before the enterprise: on a narrow screen it stays */
	snprintf(buf, sizeof buf, "%s · %s · %s", _("Review"), form_text(r->f, &r->f->title, ui->lang),
		 r->ent_name);
	ui_title(ui, buf, model_word(insp_status_name(r->in.status)));
	if (r->n_warnings)   /* an out-of-range reading stays in sight */
		paint_warning(ui, r, 1);
	snprintf(buf, sizeof buf, "%s%s%s   %s%s%s", _("Type"), ui_colon(),
		 insp_type_label(r->in.type), _("Date"), ui_colon(), ui_when(r->in.created_at, when, sizeof when));
	ui_put(2, 1, buf, COLS - 2, ui->attr[R_NORMAL]);
	k = snprintf(buf, sizeof buf, "%s%s", _("Team"), ui_colon());
	for (i = 0; i < r->in.n_team && k > 0 && (size_t)k < sizeof buf; i++)
		k += snprintf(buf + k, sizeof buf - (size_t)k, "%s%s (%s, %s)", i ? "; " : "",
			      r->in.team[i].name, r->in.team[i].badge, r->in.team[i].dept);
	ui_put(3, 1, buf, COLS - 2, ui->attr[R_NORMAL]);
	if (r->in.status == INSP_FINAL)
		finalized_line(r, buf, sizeof buf);
	else if (r->n_conflicts)
		snprintf(buf, sizeof buf, _("%zu item(s) answered differently on two devices: "
					    "resolve them (c in the checklist) to finalize."),
			 r->n_conflicts);
	else if (r->n_missing)
		snprintf(buf, sizeof buf, _("%zu required item(s) unanswered: finalizing waits "
					    "for them."), r->n_missing);
	else
		snprintf(buf, sizeof buf, "%s", _("Every required item is answered: ready to "
						  "finalize (F8)."));
	ui_put(4, 1, buf, COLS - 2, ui->attr[r->n_missing || r->n_conflicts ? R_WARN : R_PASS]);
}

static void paint_row(struct ui *ui, struct review *r, size_t i, int y)
{
	attr_t a = ui->attr[i == r->l.cur ? R_SELECT : R_NORMAL];
	char buf[200];
	int x = 3;

	ui_fill(y, 1, COLS - 2, a);
	if (i < r->n_conflicts) {
		const struct form_item *it = &r->f->items[r->conflicts[i]];
		x += ui_put(y, x, "[!] ", 4, i == r->l.cur ? a : ui->attr[R_WARN]);
		ui_put(y, x, form_text(r->f, &it->label, ui->lang), COLS - x - 2, a);
		return;
	}
	i -= r->n_conflicts;
	if (i < r->n_missing) {
		const struct form_item *it = &r->f->items[r->missing[i].idx];
		struct strbuf sb;
		x += ui_put(y, x, "[*] ", 4, a);
		x += ui_put(y, x, form_text(r->f, &it->label, ui->lang), COLS - x - 2, a);
		if (r->missing[i].pos) {   /* which instance: "Plate (Vehicle 2)", and
					    * those it is in: "(Compartment 1) (Vehicle 2)" */
			snprintf(buf, sizeof buf, "%s@%s", it->name, r->missing[i].instance);
			strbuf_init(&sb);
			inspect_key_label(r->f, &r->in, buf, ui->lang, &sb);
			ui_put(y, x, sb.buf + strlen(form_item_label(r->f, it, ui->lang)),
			       COLS - x - 2, a);
			strbuf_release(&sb);
		}
		return;
	}
	i -= r->n_missing;
	x += ui_col(y, x, model_word(r->hz.rows[i].severity), 8, a);
	x += ui_col(y, x, model_word(r->hz.rows[i].state), 10, a);
	snprintf(buf, sizeof buf, "%s %s ", _("due"), r->hz.rows[i].due);
	x += ui_put(y, x, buf, COLS - x - 2, r->hz.rows[i].overdue && i + r->n_missing +
		    r->n_conflicts != r->l.cur ? ui->attr[R_WARN] : a);
	ui_put(y, x, r->hz.rows[i].description, COLS - x - 2, a);
}

/* Which part of the list row i is in: 0 conflicts, 1 missing, 2 hazards. */
static int part_of(const struct review *r, size_t i)
{
	return i < r->n_conflicts ? 0 : i < r->n_conflicts + r->n_missing ? 1 : 2;
}

static void part_title(const struct review *r, int part, char *buf, size_t size)
{
	if (part == 0)
		snprintf(buf, size, _("Answered differently on two devices (%zu)"), r->n_conflicts);
	else if (part == 1)
		snprintf(buf, size, _("Unanswered required items (%zu)"), r->n_missing);
	else
		snprintf(buf, size, _("Hazards found (%zu)"), r->hz.n);
}

static void paint(struct ui *ui, void *ctx)
{
	struct review *r = ctx;
	char buf[120];
	int y = 6, row;

	paint_head(ui, r);
	r->y0 = y;
	r->h = LINES - 2 - y;
	ui_list_clamp(&r->l, r->h);
	part_title(r, r->l.n ? part_of(r, r->l.top) : 2, buf, sizeof buf);
	ui_put(y - 1, 1, buf, COLS - 2, ui->attr[R_SECTION]);
	for (row = 0; row < r->h && r->l.top + (size_t)row < r->l.n; row++) {
		size_t i = r->l.top + (size_t)row;
		if (row > 0 && part_of(r, i) != part_of(r, i - 1)) {
			/* the next part's heading, between two parts */
			part_title(r, part_of(r, i), buf, sizeof buf);
			ui_put(y + row, 1, buf, COLS - 2, ui->attr[R_SECTION]);
			y++;
			if (row >= r->h - 1)
				break;
		}
		paint_row(ui, r, i, y + row);
	}
}

/* "sure?", with the warnings that stand in front: finalizing shows them. */
static int confirm_final(struct ui *ui, struct review *r)
{
	const char *q = _("Finalize this inspection? It is locked afterwards: enforcement "
			  "evidence does not change, corrections become amendments.");
	char *w = r->n_warnings ? warning_text(r) : NULL, *all;
	int yes;

	all = w ? xstrfmt("%s  %s", w, q) : xstrdup(q);
	yes = ui_confirm(ui, _("Finalize"), all, 0);
	free(all);
	free(w);
	return yes;
}

static int finalize(struct ui *ui, struct review *r)
{
	struct fc_err err = { 0 };

	if (r->in.status != INSP_DRAFT) {
		ui_error(ui, _("This inspection is finalized already."));
		return 0;
	}
	/* Check first, ask second: a refusal after "sure?" wastes the answer. */
	if (r->n_conflicts) {
		ui_error(ui, _("Cannot finalize yet: %zu item(s) answered differently on two "
			       "devices; resolve them first (c in the checklist)."), r->n_conflicts);
		return 0;
	}
	if (r->n_missing) {
		ui_error(ui, _("Cannot finalize yet: %zu required item(s) unanswered (listed "
			       "below); Enter opens one."), r->n_missing);
		return 0;
	}
	if (inspect_finalize_checks(r->f, &r->in, ui->lang, &err)) {
		ui_error_err(ui, &err);
		return 0;
	}
	if (!confirm_final(ui, r))
		return 0;
	if (inspect_finalize(ui->ws, r->f, r->id, ui->lang, &err)) {
		ui_error_err(ui, &err);
		return 0;
	}
	load(r);
	if (r->hz.n)
		ui_info(ui, _("Finalized. F7 writes the rectification notice."));
	else
		ui_info(ui, _("Finalized."));
	return 1;
}

/* The on-site record's texts of a draft, asked and saved. */
static void edit_texts(struct ui *ui, struct review *r)
{
	const char *init[INSP_TEXT_COUNT];
	char *out[INSP_TEXT_COUNT] = { NULL };
	struct fc_err err = { 0 };
	int i;

	if (r->in.status != INSP_DRAFT) {
		ui_error(ui, _("This inspection is finalized: its texts no longer change."));
		return;
	}
	for (i = 0; i < INSP_TEXT_COUNT; i++)
		init[i] = inspection_text_of(&r->in, (enum insp_text)i);
	if (ui_ask_texts(ui, _("For the on-site record"), init, 0, INSP_TEXT_COUNT, out))
		return;
	if (inspection_set_texts(ui->ws->store, r->id, (const char *const *)out, &err))
		ui_error_err(ui, &err);
	else
		ui_info(ui, _("Saved for the on-site record."));
	for (i = 0; i < INSP_TEXT_COUNT; i++)
		free(out[i]);
	load(r);
}

static enum review_end open_row(struct ui *ui, struct review *r, size_t *item)
{
	size_t i = r->l.cur;

	if (i < r->n_conflicts) {
		*item = r->conflicts[i];
		return REVIEW_GOTO;
	}
	i -= r->n_conflicts;
	if (i < r->n_missing) {
		*item = r->missing[i].idx;
		return REVIEW_GOTO;
	}
	if (i - r->n_missing < r->hz.n) {
		ui_hazard(ui, r->hz.rows[i - r->n_missing].id);
		load(r);
	}
	return REVIEW_BACK;
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct review *r = ctx;

	if (req == REQ_FINALIZE) {
		if (finalize(ui, r))
			r->end = REVIEW_FINAL;
	} else if (req == REQ_NOTICE) {
		ui_notice(ui, r->id);
		load(r); /* the order may have been given its number */
	} else if (req == REQ_TEXTS) {
		edit_texts(ui, r);
	} else if (req == UI_REQ_TEAM) {
		ui_draft_team(ui, r->id);
		load(r);
	} else if (req == REQ_OPEN || (key == UI_FN(KEY_MOUSE) &&
		   ui_list_click(&r->l, ui, r->y0, r->h) == 2)) {
		if (open_row(ui, r, &r->item) == REVIEW_GOTO && r->in.status == INSP_DRAFT) {
			r->end = REVIEW_GOTO;
			return 1;
		}
	} else {
		ui_list_key(&r->l, key, r->h);
	}
	return 0;
}

static const struct ui_screen screen = {
	N_("Review: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

enum review_end ui_review(struct ui *ui, const char *id, const struct form *f, size_t *item)
{
	struct review r;
	struct form *own = NULL;
	struct fc_err err = { 0 };
	enum review_end end = REVIEW_BACK;

	memset(&r, 0, sizeof r);
	r.ui = ui;
	r.id = id;
	if (!f) {
		if (inspection_get(ui->ws->store, id, &r.in, &err) ||
		    !(own = inspect_form(ui->ws, r.in.form_id, r.in.form_version, &err))) {
			inspection_clear(&r.in);
			ui_error_err(ui, &err);
			return REVIEW_BACK;
		}
		f = own;
	}
	r.f = f;
	if (load(&r) == 0) {
		ui_run(ui, &screen, &r);
		end = r.end;
		if (end == REVIEW_GOTO)
			*item = r.item;
	}
	inspection_clear(&r.in);
	free(r.missing);
	free(r.conflicts);
	free(r.warnings);
	data_haz_release(&r.hz);
	ui_list_release(&r.l);
	form_free(own);
	return end;
}
