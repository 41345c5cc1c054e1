/* ui_settings.c - identity (name and department editable; the badge signs
 * every record and does not change), language, theme, the two names
 * the rectification notice needs (review authority, court), and which
 * types of inspection the department does in pairs (core/two_officers.h).
 * Each change is saved in the workspace's meta the moment it is made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_list.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/two_officers.h"
#include "core/words.h"

enum srow {
	S_NAME, S_BADGE, S_DEPT, S_ROLE, S_LANG, S_THEME, S_REVIEW, S_COURT, S_PAIRS, S_COUNT
};

struct settings {
	struct ui *ui;
	struct ui_list l;
	char *review, *court;
	unsigned pairs;             /* the types done in pairs */
	char pairs_text[256];
	int y0;
};

enum { REQ_CHANGE = UI_REQ_SCREEN, REQ_CHANGE_BACK };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down", N_("choose a setting"), 0, 0 },
	{ { '\n', UI_FN(KEY_ENTER), ' ', UI_FN(KEY_RIGHT) }, REQ_CHANGE, "Enter", N_("Change"),
	  "Enter  Left Right", N_("change it (saved at once)"), 2, 0 },
	{ { UI_FN(KEY_LEFT) }, REQ_CHANGE_BACK, NULL, NULL, NULL, NULL, 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back"), 9, 0 },
};

static const char *row_label(enum srow r)
{
	static const char *const l[S_COUNT] = {
		N_("Name"), N_("Badge number"), N_("Department"), N_("Role"), N_("Language"),
		N_("Theme"), N_("Review authority"), N_("Court"), N_("Two officers for"),
	};
	return _(l[r]);
}

/* The languages Settings offers: the two the messages come in, and the
 * locale's when it is another (a form may have labels in it). */
static size_t lang_choices(const struct ui *ui, struct form_lang *out)
{
	size_t n = 0;

	out[n++] = form_lang_of("zh");
	out[n++] = form_lang_of("en");
	if (ui->locale_lang.code[0] && !form_lang_is(ui->locale_lang, "zh") &&
	    !form_lang_is(ui->locale_lang, "en"))
		out[n++] = ui->locale_lang;
	return n;
}

static void lang_next(struct ui *ui, int back)
{
	struct form_lang l[3];
	size_t n = lang_choices(ui, l), k;

	for (k = 0; k < n && strcmp(l[k].code, ui->lang.code); k++)
		;
	k = k == n ? 0 : (k + (back ? n - 1 : 1)) % n;
	ui->lang = l[k];
}

static const char *lang_label(const struct form_lang *l)
{
	return form_lang_is(*l, "zh") ? "中文" : form_lang_is(*l, "en") ? "English" : l->code;
}

static const char *theme_label(enum ui_theme t)
{
	return t == THEME_HIGH ? _("high contrast (sunlight)") : t == THEME_MONO ?
	       _("monochrome") : _("normal");
}

/* The types done in pairs, in the user's words. */
static const char *pairs_text(struct settings *s)
{
	size_t k = 0;
	int t;

	s->pairs_text[0] = '\0';
	if ((s->pairs & TWO_OFFICERS_ALL) == TWO_OFFICERS_ALL)
		return _("every inspection");
	for (t = 0; t < INSP_TYPE_COUNT; t++)
		if (s->pairs & (1u << t) && k < sizeof s->pairs_text)
			k += (size_t)snprintf(s->pairs_text + k, sizeof s->pairs_text - k, "%s%s",
					      k ? ", " : "", insp_type_label((enum insp_type)t));
	return k ? s->pairs_text : _("none");
}

/* Which types need two officers: several choices, saved at once. */
static void change_pairs(struct settings *s)
{
	const char *labels[INSP_TYPE_COUNT];
	unsigned char sel[INSP_TYPE_COUNT];
	struct fc_err err = { 0 };
	unsigned mask = 0;
	int t;

	for (t = 0; t < INSP_TYPE_COUNT; t++) {
		labels[t] = insp_type_label((enum insp_type)t);
		sel[t] = (s->pairs >> t) & 1u;
	}
	if (ui_choose_many(s->ui, _("Inspections done by two officers"), labels,
			   INSP_TYPE_COUNT, sel))
		return;
	for (t = 0; t < INSP_TYPE_COUNT; t++)
		mask |= sel[t] ? 1u << t : 0;
	if (two_officers_set(s->ui->ws->store, mask, &err)) {
		ui_error_err(s->ui, &err);
		return;
	}
	s->pairs = mask;
	ui_info(s->ui, _("Saved."));
}

static const char *row_value(struct settings *s, enum srow r)
{
	struct ui *ui = s->ui;

	switch (r) {
	case S_NAME: return ui->ws->me.name;
	case S_BADGE: return ui->ws->me.badge;
	case S_DEPT: return ui->ws->me.dept;
	case S_ROLE: return ui->ws->supervisor ? _("supervisor") : _("inspector");
	case S_LANG: return lang_label(&ui->lang);
	case S_THEME: return theme_label(ui->theme);
	case S_REVIEW: return s->review && *s->review ? s->review : _("(not set)");
	case S_COURT: return s->court && *s->court ? s->court : _("(not set)");
	case S_PAIRS: return pairs_text(s);
	default: return "";
	}
}

static void paint(struct ui *ui, void *ctx)
{
	struct settings *s = ctx;
	int r, lw = 20;

	ui_title(ui, _("Settings"), NULL);
	s->y0 = 2;
	for (r = 0; r < S_COUNT && s->y0 + r < LINES - 3; r++) {
		int sel = (size_t)r == s->l.cur, fixed = r == S_BADGE || r == S_ROLE;
		attr_t a = ui->attr[sel ? R_SELECT : fixed ? R_DIM : R_NORMAL];
		ui_put(s->y0 + r, 2, row_label((enum srow)r), lw, ui->attr[R_DIM]);
		ui_fill(s->y0 + r, lw + 3, COLS - lw - 5, a);
		ui_put(s->y0 + r, lw + 3, row_value(s, (enum srow)r), COLS - lw - 5, a);
	}
	if (s->y0 + S_COUNT + 1 < LINES - 3)
		ui_put_wrapped(s->y0 + S_COUNT + 1, 2, COLS - 4, LINES - 4 - s->y0 - S_COUNT,
			       _("The badge number signs every record: it does not change. The "
				 "review authority and the court are printed on rectification "
				 "notices."), ui->attr[R_DIM]);
}

struct edit {
	struct settings *s;
	enum srow row;
};

static int save_text(const char *value, void *ctx, struct fc_err *err)
{
	struct edit *e = ctx;
	struct ui *ui = e->s->ui;
	struct fc_person p = ui->ws->me;
	char *v = text_trim(xstrdup(value));
	int rc;

	if (e->row == S_NAME || e->row == S_DEPT) {
		rc = e->row == S_NAME ? copy_field(p.name, sizeof p.name, v, _("name"), err)
				      : copy_field(p.dept, sizeof p.dept, v, _("department"), err);
		rc = rc || person_check(&p, err) ||
		     store_meta_set(ui->ws->store, e->row == S_NAME ? "name" : "dept", v, err);
		if (rc == 0)
			ui->ws->me = p;
	} else {
		char **slot = e->row == S_REVIEW ? &e->s->review : &e->s->court;
		rc = text_check(v, strlen(v), TEXT_LINE, MAX_NAME, row_label(e->row), err) ||
		     store_meta_set(ui->ws->store, e->row == S_REVIEW ? "notice.review"
				    : "notice.court", v, err);
		if (rc == 0) {
			free(*slot);
			*slot = xstrdup(v);
		}
	}
	free(v);
	return rc ? -1 : 0;
}

static void change(struct settings *s, int back)
{
	struct ui *ui = s->ui;
	struct fc_err err = { 0 };
	struct edit e = { s, (enum srow)s->l.cur };
	char *out = NULL;

	switch (e.row) {
	case S_BADGE: case S_ROLE:
		ui_error(ui, _("This is fixed when the workspace is created."));
		return;
	case S_LANG:
		lang_next(ui, back);
		ui_lang_apply(ui->lang);
		if (store_meta_set(ui->ws->store, "ui.lang", ui->lang.code, &err))
			ui_error_err(ui, &err);
		return;
	case S_THEME:
		ui->theme = (enum ui_theme)((ui->theme + (back ? THEME_COUNT - 1 : 1)) % THEME_COUNT);
		ui_theme_apply(ui);
		if (store_meta_set(ui->ws->store, "ui.theme", ui_theme_name(ui->theme), &err))
			ui_error_err(ui, &err);
		return;
	case S_PAIRS:
		change_pairs(s);
		return;
	default:
		break;
	}
	if (ui_ask_text(ui, row_label(e.row), row_label(e.row),
			e.row == S_REVIEW ? s->review : e.row == S_COURT ? s->court :
			row_value(s, e.row), MAX_NAME, save_text, &e, &out) == 0)
		ui_info(ui, _("Saved."));
	free(out);
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct settings *s = ctx;

	if (req == REQ_CHANGE || req == REQ_CHANGE_BACK) {
		change(s, req == REQ_CHANGE_BACK);
	} else if (!ui_list_key(&s->l, key, S_COUNT) && key == UI_FN(KEY_MOUSE) &&
		   ui->mouse_y >= s->y0 && ui->mouse_y < s->y0 + S_COUNT) {
		s->l.cur = (size_t)(ui->mouse_y - s->y0);
		change(s, 0);
	}
	return 0;
}

static const struct ui_screen screen = {
	N_("Settings: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

void ui_settings(struct ui *ui)
{
	struct settings s;
	struct fc_err err = { 0 };

	memset(&s, 0, sizeof s);
	s.ui = ui;
	s.l.n = S_COUNT;
	if (store_meta_get(ui->ws->store, "notice.review", &s.review, &err) ||
	    store_meta_get(ui->ws->store, "notice.court", &s.court, &err) ||
	    two_officers_get(ui->ws->store, &s.pairs, &err))
		ui_error_err(ui, &err);
	ui_run(ui, &screen, &s);
	free(s.review);
	free(s.court);
	ui_list_release(&s.l);
}
