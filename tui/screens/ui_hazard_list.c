/* ui_hazard_list.c - the hazards, filtered by open, overdue, major and
 * enterprise (hazard_list), overdue and major first; read a page at a time.
 * Enter opens one with its event log.
 */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"

#include "ui_dash.h"
#include "ui_data.h"
#include "ui_labels.h"
#include "ui_list.h"
#include "ui_pick.h"
#include "ui_run.h"
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

enum { REQ_OPEN = UI_REQ_SCREEN, REQ_ONLY_OPEN, REQ_OVERDUE, REQ_MAJOR, REQ_ENTERPRISE,
       REQ_FIND };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 6, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_OPEN, "Enter", N_("Open"), "Enter",
	  N_("the hazard with its events; record what happened"), 5, 0 },
	{ { 'o', UI_FN(KEY_F(2)) }, REQ_ONLY_OPEN, "o", N_("Open only"), "o  F2",
	  N_("only hazards still open (not yet rectified), or all"), 4, 0 },
	{ { 'd', UI_FN(KEY_F(3)) }, REQ_OVERDUE, "d", N_("Overdue"), "d  F3",
	  N_("only overdue hazards"), 3, 0 },
	{ { 'm', UI_FN(KEY_F(4)) }, REQ_MAJOR, "m", N_("Major"), "m  F4",
	  N_("only major hazards"), 2, 0 },
	{ { 'e', UI_FN(KEY_F(6)) }, REQ_ENTERPRISE, "e", N_("Enterprise"), "e  F6",
	  N_("only one enterprise (again: all enterprises)"), 1, 0 },
	{ { '/' }, REQ_FIND, "/", N_("Find"), "/",
	  N_("find by words of the description, the enterprise or the item"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back"), 9, 0 },
};

static void reload(struct hazards *s)
{
	struct fc_err err = { 0 };

	data_haz_release(&s->d);
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

	for (i = 0; i < ARRAY_SIZE(f); i++) {
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
	dash_row_hazard(ui, &s->d.rows[i], y, i == s->l.cur);
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
	ui_pick_enterprise(ui, PICK_FILTER, s->enterprise, s->ent_name, sizeof s->ent_name);
}

/* A filter request: toggles it and reads the list again. */
static void set_filter(struct ui *ui, struct hazards *s, int req)
{
	switch (req) {
	case REQ_ONLY_OPEN: s->f.open = !s->f.open; break;
	case REQ_OVERDUE: s->f.overdue = !s->f.overdue; break;
	case REQ_MAJOR: s->f.major = !s->f.major; break;
	default: pick_enterprise(ui, s); break;
	}
	s->l.cur = s->l.top = 0;
	reload(s);
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct hazards *s = ctx;

	if (req == UI_REQ_NONE && ui_list_key(&s->l, key, s->h)) {
		more(s);
	} else if (req == REQ_FIND) {
		ui_list_search(ui, &s->l, row_text, s);
	} else if (req == REQ_OPEN || (key == UI_FN(KEY_MOUSE) && req == UI_REQ_NONE &&
				       ui_list_click(&s->l, ui, s->y0, s->h) == 2)) {
		if (s->l.cur < s->d.n) {
			ui_hazard(ui, s->d.rows[s->l.cur].id);
			reload(s);
		}
	} else if (req != UI_REQ_NONE) {
		set_filter(ui, s, req);
	}
	return 0;
}

static const struct ui_screen screen = {
	N_("Hazards: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

void ui_hazards(struct ui *ui, const char *inspection)
{
	struct hazards s;

	memset(&s, 0, sizeof s);
	s.ui = ui;
	s.h = 1;
	s.f.open = inspection == NULL;   /* what needs doing, unless one inspection's */
	if (inspection)
		snprintf(s.inspection, sizeof s.inspection, "%s", inspection);
	reload(&s);
	ui_run(ui, &screen, &s);
	data_haz_release(&s.d);
	ui_list_release(&s.l);
}
