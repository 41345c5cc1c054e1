/* ui_new.c - starting an inspection: the form (from those installed), the
 * enterprise (found as you type, or added), the type, the team, the
 * location and the unit's legal representative or responsible person on
 * site (for the on-site record); then inspect_new makes the draft, and the
 * walk begins.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_labels.h"
#include "ui_list.h"
#include "ui_pick.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/strbuf.h"
#include "core/inspection.h"
#include "core/text.h"
#include "core/two_officers.h"
#include "core/words.h"
#include "forms/inspect/inspect.h"

enum row { ROW_FORM, ROW_ENTERPRISE, ROW_TYPE, ROW_TEAM, ROW_LOCATION, ROW_RESPONSIBLE, ROW_START,
	   ROW_COUNT };

struct newin {
	struct form_catalog cat;
	const struct form *form;
	char code[USCC_LEN + 1];
	char ent_name[MAX_NAME + 1];
	enum insp_type type;
	struct fc_person *team;
	size_t n_team;
	char *location;
	char *texts[INSP_TEXT_COUNT];  /* the responsible person's name, title, phone */
	struct ui_list l;
	int y0;
	char *id;                   /* where the started inspection's id goes */
	int started;
	unsigned pairs;             /* the types done in pairs (core/two_officers.h) */
};

enum { REQ_CHANGE = UI_REQ_SCREEN, REQ_TYPE, REQ_START };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down", N_("move between the fields"), 0, 0 },
	{ { '\n', UI_FN(KEY_ENTER), ' ' }, REQ_CHANGE, "Enter", N_("Change"), "Enter",
	  N_("change the field (choose a form, find an enterprise...)"), 3, 0 },
	{ { UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT) }, REQ_TYPE, NULL, NULL, "Left Right",
	  N_("change the type of inspection"), 0, 0 },
	{ { UI_FN(KEY_F(5)) }, REQ_START, "F5", N_("Start"), "F5",
	  N_("start the inspection (or Enter on Start)"), 4, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back, starting nothing"), 8, 0 },
	{ { UI_FN(KEY_F(10)) }, UI_REQ_BACK, "F10", N_("Quit"), NULL, NULL, 9, 0 },
};

static const char *row_label(enum row r)
{
	static const char *const l[ROW_COUNT] = {
		N_("Form"), N_("Enterprise"), N_("Type"), N_("Team"), N_("Location"),
		N_("Responsible"), "",
	};
	return r == ROW_START ? "" : _(l[r]);
}

/* "王五  厂长  138..." or "(optional)". */
static void responsible_value(const struct newin *n, char *buf, size_t size)
{
	const char *const *t = (const char *const *)n->texts;

	if (!(t[0] && *t[0]) && !(t[1] && *t[1]) && !(t[2] && *t[2]))
		snprintf(buf, size, "%s", _("(optional: who signs for the unit)"));
	else
		snprintf(buf, size, "%s  %s  %s", t[0] ? t[0] : "", t[1] ? t[1] : "",
			 t[2] ? t[2] : "");
}

static void row_value(struct ui *ui, struct newin *n, enum row r, char *buf, size_t size)
{
	switch (r) {
	case ROW_FORM:
		if (n->form)
			snprintf(buf, size, "%s  v%d", form_text(n->form, &n->form->title, ui->lang),
				 n->form->version);
		else
			snprintf(buf, size, "%s", _("(choose one)"));
		break;
	case ROW_ENTERPRISE:
		if (n->code[0])
			snprintf(buf, size, "%s  %s", n->ent_name, n->code);
		else
			snprintf(buf, size, "%s", _("(find or add one)"));
		break;
	case ROW_TYPE:
		snprintf(buf, size, "< %s >", insp_type_label(n->type));
		break;
	case ROW_TEAM: {
		size_t i;
		int k = 0;
		buf[0] = '\0';
		for (i = 0; i < n->n_team && k >= 0 && (size_t)k < size; i++)
			k += snprintf(buf + k, size - (size_t)k, "%s%s (%s)", i ? ", " : "",
				      n->team[i].name, n->team[i].dept);
		break;
	}
	case ROW_LOCATION:
		snprintf(buf, size, "%s", n->location && *n->location ? n->location
			 : _("(optional)"));
		break;
	case ROW_RESPONSIBLE:
		responsible_value(n, buf, size);
		break;
	default:
		snprintf(buf, size, "%s", _("[ Start the inspection ]"));
	}
}

/* Under the team, before anything starts: a team smaller than the
 * department does this type of inspection with (core/two_officers.h). */
static void short_line(struct ui *ui, const struct newin *n)
{
	int y = n->y0 + ROW_TEAM * 2 + 1;
	size_t need = two_officers_need(n->pairs, n->type);
	char buf[512];

	if (n->n_team >= need || y >= LINES - 2)
		return;
	/* TRANSLATORS: 1: the type (routine, joint...), 2: officers. */
	snprintf(buf, sizeof buf, _("%s inspections are done by %zu officers: Enter on Team "
				    "adds one."), model_word(insp_type_name(n->type)), need);
	ui_put(y, 2, "!", 1, ui->attr[R_WARN]);
	ui_put(y, 4, buf, COLS - 6, ui->attr[R_WARN]);
}

static void paint(struct ui *ui, void *ctx)
{
	struct newin *n = ctx;
	char buf[1024];
	int r, lw = 12;

	ui_title(ui, _("New inspection"), NULL);
	n->y0 = 2;
	for (r = 0; r < ROW_COUNT; r++) {
		int y = n->y0 + r * 2, sel = (size_t)r == n->l.cur;
		if (y >= LINES - 2)
			break;
		row_value(ui, n, (enum row)r, buf, sizeof buf);
		ui_put(y, 2, row_label((enum row)r), lw, ui->attr[sel ? R_SECTION : R_DIM]);
		ui_fill(y, 2 + lw + 1, COLS - lw - 5, ui->attr[sel ? R_SELECT : R_NORMAL]);
		ui_put(y, 2 + lw + 1, buf, COLS - lw - 5,
		       ui->attr[sel ? R_SELECT : r == ROW_START ? R_SECTION : R_NORMAL]);
	}
	short_line(ui, n);
	if (n->cat.problems.n && n->y0 + ROW_COUNT * 2 < LINES - 2) {
		snprintf(buf, sizeof buf, _("%zu form problem(s): 'fieldcheck forms check' shows "
					    "them. First: %s"), n->cat.problems.n,
			 n->cat.problems.msgs[0]);
		ui_put_wrapped(n->y0 + ROW_COUNT * 2, 2, COLS - 4,
			       LINES - 2 - n->y0 - ROW_COUNT * 2, buf, ui->attr[R_WARN]);
	}
}

static void pick_form(struct ui *ui, struct newin *n)
{
	const char **labels, **ids;
	char **owned;
	size_t i, cur = 0;
	int k;

	if (n->cat.n == 0) {
		ui_error(ui, _("No forms are installed (FIELDCHECK_FORMS, or the forms folder)."));
		return;
	}
	labels = xcalloc(n->cat.n, sizeof *labels);
	ids = xcalloc(n->cat.n, sizeof *ids);
	owned = xcalloc(n->cat.n, sizeof *owned);
	for (i = 0; i < n->cat.n; i++) {
		const struct form *f = n->cat.forms[i];
		struct strbuf sb;
		strbuf_init(&sb);
		strbuf_addf(&sb, "%s (", form_text(f, &f->title, ui->lang));
		if (form_count_checks(f)) /* a checklist counts its checks */
			strbuf_addf(&sb, _("%zu checks"), form_count_checks(f));
		else /* an XLSForm from elsewhere has none: its questions */
			strbuf_addf(&sb, _("%zu questions"), form_count_questions(f));
		strbuf_adds(&sb, ")");
		labels[i] = owned[i] = strbuf_detach(&sb);
		ids[i] = f->id;    /* found by its id too, as before titles */
		if (f == n->form)
			cur = i;
	}
	k = ui_choose_find(ui, _("Choose the form"), labels, ids, n->cat.n, cur);
	if (k >= 0)
		n->form = n->cat.forms[k];
	for (i = 0; i < n->cat.n; i++)
		free(owned[i]);
	free(owned);
	free(labels);
	free(ids);
}

static void edit_location(struct ui *ui, struct newin *n)
{
	char *v = NULL;

	if (ui_ask_text(ui, _("Location"), _("Where"), n->location, MAX_LOCATION, NULL, NULL,
			&v) == 0) {
		free(n->location);
		n->location = text_trim(v);
	}
}

static void edit_responsible(struct ui *ui, struct newin *n)
{
	char *out[INSP_TEXT_COUNT] = { NULL };
	int i;

	if (ui_ask_texts(ui, _("Legal representative or responsible person on site"),
			 (const char *const *)n->texts, INSP_RESP_NAME, 3, out) == 0)
		for (i = INSP_RESP_NAME; i <= INSP_RESP_PHONE; i++) {
			free(n->texts[i]);
			n->texts[i] = out[i];
		}
}

/* A joint or unannounced inspection with too few officers is finalized
 * only once its team is completed: say so before it starts, and offer the
 * team.  1 when the user went to the team instead of starting. */
static int short_team(struct ui *ui, struct newin *n)
{
	char q[600];

	if (n->n_team >= insp_type_min_team(n->type))
		return 0;
	snprintf(q, sizeof q, _("A %s inspection needs at least %zu officers to be finalized, and "
				"only you are on the team. Add a member now? (No starts it; t in the "
				"checklist edits the team later.)"),
		 insp_type_label(n->type), insp_type_min_team(n->type));
	if (!ui_confirm(ui, _("Too few officers to finalize"), q, 1))
		return 0;
	n->l.cur = ROW_TEAM;
	ui_edit_team(ui, &n->team, &n->n_team, n->type);
	return 1;
}

static int start(struct ui *ui, struct newin *n)
{
	struct fc_err err = { 0 };

	if (!n->form) {
		n->l.cur = ROW_FORM;
		ui_error(ui, _("Choose a form first."));
		return -1;
	}
	if (!n->code[0]) {
		n->l.cur = ROW_ENTERPRISE;
		ui_error(ui, _("Choose the enterprise first."));
		return -1;
	}
	if (short_team(ui, n))
		return -1;
	if (inspect_new(ui->ws, n->form, n->code, n->type, n->location ? n->location : "",
			n->team, n->n_team, n->id, &err)) {
		ui_error_err(ui, &err);
		return -1;
	}
	/* started: a person given is kept, and said if it could not be */
	if ((n->texts[0] || n->texts[1] || n->texts[2]) &&
	    inspection_set_texts(ui->ws->store, n->id, (const char *const *)n->texts, &err))
		ui_error_err(ui, &err);
	return 0;
}

/* Acts on the row under the cursor; 0 when the inspection was started. */
static int act_row(struct ui *ui, struct newin *n, int back)
{
	switch ((enum row)n->l.cur) {
	case ROW_FORM: pick_form(ui, n); break;
	case ROW_ENTERPRISE:
		ui_pick_enterprise(ui, PICK_FOR_NEW, n->code, n->ent_name, sizeof n->ent_name);
		break;
	case ROW_TYPE:
		n->type = (enum insp_type)((n->type + (back ? INSP_TYPE_COUNT - 1 : 1)) %
					   INSP_TYPE_COUNT);
		break;
	case ROW_TEAM: ui_edit_team(ui, &n->team, &n->n_team, n->type); break;
	case ROW_LOCATION: edit_location(ui, n); break;
	case ROW_RESPONSIBLE: edit_responsible(ui, n); break;
	default: return start(ui, n);
	}
	return -1;
}

/* Leaves once the inspection is started. */
static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct newin *n = ctx;

	if (req == REQ_START)
		n->started = start(ui, n) == 0;
	else if (req == REQ_CHANGE || (req == REQ_TYPE && n->l.cur == ROW_TYPE))
		n->started = act_row(ui, n, key == UI_FN(KEY_LEFT)) == 0;
	else if (!ui_list_key(&n->l, key, ROW_COUNT) && key == UI_FN(KEY_MOUSE) &&
		 ui->mouse_y >= n->y0 && (ui->mouse_y - n->y0) % 2 == 0 &&
		 (ui->mouse_y - n->y0) / 2 < ROW_COUNT) {
		n->l.cur = (size_t)(ui->mouse_y - n->y0) / 2;
		n->started = act_row(ui, n, 0) == 0;
	}
	return n->started;
}

static const struct ui_screen screen = {
	N_("New inspection: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

int ui_new(struct ui *ui, char *id)
{
	struct fc_err err = { 0 };
	struct newin n;

	memset(&n, 0, sizeof n);
	if (ui->ws->supervisor) {
		ui_error(ui, _("This is a supervisor's workspace: it does not start inspections."));
		return -1;
	}
	if (two_officers_get(ui->ws->store, &n.pairs, &err)) {
		ui_error_err(ui, &err);
		return -1;
	}
	form_catalog_load(&n.cat, ui->ws->dir);
	n.team = xcalloc(1, sizeof *n.team);
	n.team[0] = ui->ws->me;
	n.n_team = 1;
	n.l.n = ROW_COUNT;
	if (n.cat.n == 1)
		n.form = n.cat.forms[0];
	n.id = id;
	ui_run(ui, &screen, &n);
	form_catalog_release(&n.cat);
	free(n.team);
	free(n.location);
	for (int i = 0; i < INSP_TEXT_COUNT; i++)
		free(n.texts[i]);
	return n.started ? 0 : -1;
}
