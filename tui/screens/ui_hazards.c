/* ui_hazards.c - the hazards, filtered by open, overdue, major and
 * enterprise (hazard_list), overdue and major first; read a page at a time.
 * Enter opens one with its event log.
 */
#include <stdio.h>
#include <string.h>

#include "ui_data.h"
#include "ui_labels.h"
#include "ui_list.h"
#include "ui_pick.h"
#include "ui_screens.h"

#define PAGE 100

struct hazards {
	struct ui *ui;
	struct hazard_filter f;
	char enterprise[USCC_LEN + 1], ent_name[MAX_NAME + 1];
	char inspection[FC_UUID_LEN + 1];
	struct data_haz d;
	struct ui_list l;
	int y0, h;
};

static const struct ui_keydef keys[] = {
	{ UI_FN(KEY_F(1)), "F1", N_("Help") },
	{ '\n', "Enter", N_("Open") },
	{ 'o', "o", N_("Open only") },
	{ 'd', "d", N_("Overdue") },
	{ 'm', "m", N_("Major") },
	{ 'e', "e", N_("Enterprise") },
	{ '/', "/", N_("Find") },
	{ UI_ESC, "Esc", N_("Back") },
};

static const struct ui_help help[] = {
	{ "o  F2", N_("only hazards still open (not yet rectified), or all") },
	{ "d  F3", N_("only overdue hazards") },
	{ "m  F4", N_("only major hazards") },
	{ "e  F6", N_("only one enterprise (again: all enterprises)") },
	{ "Enter", N_("the hazard with its events; record what happened") },
	{ "/", N_("find by words of the description, the enterprise or the item") },
	{ "Esc", N_("back") },
};

static void reload(struct hazards *s)
{
	struct fc_err err = { 0 };

	data_haz_free(&s->d);
	s->f.enterprise = s->enterprise;
	s->f.inspection = s->inspection;
	s->f.today = s->ui->today;
	if (data_haz_more(s->ui->ws->store, &s->f, &s->d, PAGE, &err))
		ui_error_err(s->ui, &err);
	s->l.n = s->d.n;
	ui_list_clamp(&s->l, s->h);
}

static void more(struct hazards *s)
{
	struct fc_err err = { 0 };

	if (!s->d.more || s->l.cur + 1 < s->d.n)
		return;
	if (data_haz_more(s->ui->ws->store, &s->f, &s->d, PAGE, &err))
		ui_error_err(s->ui, &err);
	s->l.n = s->d.n;
}

static void paint_filters(struct ui *ui, struct hazards *s)
{
	const struct { int on; const char *label; } f[] = {
		{ s->f.open, _("open") }, { s->f.overdue, _("overdue") },
		{ s->f.major, _("major") },
	};
	char buf[300];
	size_t i;
	int x = 1;

	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		snprintf(buf, sizeof buf, "[%c] %s", f[i].on ? 'x' : ' ', f[i].label);
		x += ui_put(1, x, buf, COLS - x, ui->attr[f[i].on ? R_SECTION : R_DIM]) + 2;
	}
	if (s->inspection[0])
		snprintf(buf, sizeof buf, _("inspection %.8s"), s->inspection);
	else
		snprintf(buf, sizeof buf, "%s: %s", _("enterprise"),
			 s->enterprise[0] ? s->ent_name : _("all"));
	ui_put(1, x, buf, COLS - x - 1, ui->attr[s->enterprise[0] ? R_SECTION : R_DIM]);
}

static void paint_row(struct ui *ui, struct hazards *s, size_t i, int y)
{
	const struct hazard_row *r = &s->d.rows[i];
	int sel = i == s->l.cur, x = 1;
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL];
	ui_fill(y, 0, COLS, a);
	x += ui_col(y, x, !strcmp(r->severity, "major") ? "!" : " ", 1, sel ? a :
		    ui->attr[R_FAIL]);
	x += ui_col(y, x, ui_word(r->state), 10, a);
	x += ui_put(y, x, r->due, 10, sel ? a : ui->attr[r->overdue ? R_WARN : R_NORMAL]);
	x += ui_put(y, x, r->overdue ? "* " : "  ", 2, sel ? a : ui->attr[R_WARN]);
	x += ui_put(y, x, r->enterprise_name[0] ? r->enterprise_name : r->enterprise,
		    COLS / 4, a) + 2;
	ui_put(y, x, r->description, COLS - x - 1, a);
}

static void paint(struct ui *ui, void *ctx)
{
	struct hazards *s = ctx;
	char right[64];
	int r;

	snprintf(right, sizeof right, s->d.more ? _("%zu+ shown") : _("%zu shown"), s->d.n);
	ui_title(ui, _("Hazards"), right);
	paint_filters(ui, s);
	ui_put(2, 1, _("! major   * overdue"), COLS - 2, ui->attr[R_DIM]);
	if (s->d.n == 0)
		ui_put(4, 2, _("No hazard matches."), COLS - 4, ui->attr[R_DIM]);
	s->y0 = 3;
	s->h = LINES - 2 - s->y0;
	ui_list_clamp(&s->l, s->h);
	for (r = 0; r < s->h && s->l.top + (size_t)r < s->l.n; r++)
		paint_row(ui, s, s->l.top + (size_t)r, s->y0 + r);
	ui_msgline(ui);
	ui_keybar(ui, keys, sizeof keys / sizeof keys[0]);
}

static const char *row_text(void *ctx, size_t i, char *buf, size_t size)
{
	const struct hazard_row *r = &((struct hazards *)ctx)->d.rows[i];

	snprintf(buf, size, "%s %s %s %s %s", r->description, r->enterprise_name, r->enterprise,
		 r->item, r->id);
	return buf;
}

static void pick_enterprise(struct ui *ui, struct hazards *s)
{
	if (s->enterprise[0]) {
		s->enterprise[0] = '\0';
		return;
	}
	ui_pick_enterprise(ui, s->enterprise, s->ent_name, sizeof s->ent_name);
}

/* The filter keys; 1 when the key was one. */
static int filter_key(struct ui *ui, struct hazards *s, int key)
{
	switch (key) {
	case 'o': case UI_FN(KEY_F(2)): s->f.open = !s->f.open; break;
	case 'd': case UI_FN(KEY_F(3)): s->f.overdue = !s->f.overdue; break;
	case 'm': case UI_FN(KEY_F(4)): s->f.major = !s->f.major; break;
	case 'e': case UI_FN(KEY_F(6)): pick_enterprise(ui, s); break;
	default: return 0;
	}
	s->l.cur = s->l.top = 0;
	reload(s);
	return 1;
}

void ui_hazards(struct ui *ui, const char *inspection)
{
	struct hazards s;
	ui_paint_fn old;
	void *old_ctx;
	int key;

	memset(&s, 0, sizeof s);
	s.ui = ui;
	s.h = 1;
	s.f.open = inspection == NULL;   /* what needs doing, unless one inspection's */
	if (inspection)
		snprintf(s.inspection, sizeof s.inspection, "%s", inspection);
	reload(&s);
	ui_set_paint(ui, paint, &s, &old, &old_ctx);
	while (!ui->quit) {
		if (!ui_too_small(ui)) {
			erase();
			paint(ui, &s);
		}
		key = ui_getkey(ui);
		if (ui->quit || key == UI_ESC)
			break;
		if (key == UI_FN(KEY_F(1)) || key == '?')
			ui_help(ui, _("Hazards: keys"), help, sizeof help / sizeof help[0]);
		else if (ui_list_key(&s.l, key, s.h))
			more(&s);
		else if (filter_key(ui, &s, key))
			continue;
		else if (key == '/')
			ui_list_search(ui, &s.l, row_text, &s);
		else if ((ui_is_enter(key) || (key == UI_FN(KEY_MOUSE) &&
			  ui_list_click(&s.l, ui, s.y0, s.h) == 2)) && s.l.cur < s.d.n) {
			ui_hazard(ui, s.d.rows[s.l.cur].id);
			reload(&s);
		}
	}
	ui_set_paint(ui, old, old_ctx, NULL, NULL);
	data_haz_free(&s.d);
	ui_list_free(&s.l);
}
