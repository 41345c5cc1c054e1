/* ui_enterprise.c - finding an enterprise as you type, or adding one with
 * its credit code checked while it is typed (see ui_pick.h).
 *
 * Only the rows that fit on the screen are read (enterprise_list with a
 * limit), so a store with many enterprises stays quick.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_list.h"
#include "ui_pick.h"
#include "ui_run.h"
#include "core/enterprise.h"
#include "core/strbuf.h"
#include "core/text.h"

#define MAX_ROWS 200

struct found {
	char code[USCC_LEN + 1];
	char *name, *town;
};

struct picker {
	char *code, *name;           /* what was chosen, name in `size` bytes */
	size_t size;
	int rc;                      /* 0 once one is chosen */
	enum pick_mode mode;
	struct ui_edit query;
	struct found rows[MAX_ROWS];
	size_t n_rows;
	struct ui_list l;            /* rows, then for a new inspection one more:
				      * "add a new one" */
	int y0, h;
};

enum { REQ_CHOOSE = UI_REQ_SCREEN, REQ_ADD };
/* The keymap's modes: adding an enterprise belongs to a new inspection;
 * a filter only chooses among those there are. */
enum { M_ADD = 1, M_FILTER = 2 };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, N_("type"),
	  N_("part of the name, or the start of the credit code"), 0, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down", N_("move through the matches"), 0, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_CHOOSE, "Enter", N_("Choose"), "Enter",
	  N_("choose the enterprise (on the last line: add a new one)"), 3, M_ADD },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_CHOOSE, "Enter", N_("Choose"), "Enter",
	  N_("choose the enterprise"), 3, M_FILTER },
	{ { UI_FN(KEY_F(2)), UI_FN(KEY_IC) }, REQ_ADD, "F2", N_("Add new"), "F2  Insert",
	  N_("add a new enterprise"), 2, M_ADD },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc", N_("back without choosing"), 9, 0 },
};

/* The "add a new one" row: only when choosing for a new inspection. */
static size_t add_row(const struct picker *p)
{
	return p->mode == PICK_FOR_NEW;
}

static void clear_rows(struct picker *p)
{
	size_t i;

	for (i = 0; i < p->n_rows; i++) {
		free(p->rows[i].name);
		free(p->rows[i].town);
	}
	p->n_rows = 0;
	p->l.n = add_row(p);
}

static int take(const struct fc_enterprise *e, void *ctx)
{
	struct picker *p = ctx;
	struct found *f = &p->rows[p->n_rows++];

	memcpy(f->code, e->code, sizeof f->code);
	f->name = xstrdup(e->name);
	f->town = xstrdup(e->town ? e->town : "");
	p->l.n = p->n_rows + add_row(p);
	return p->n_rows >= MAX_ROWS;
}

static void search(struct ui *ui, struct picker *p)
{
	struct fc_err err = { 0 };
	char *q = ui_edit_text(&p->query);
	int limit = LINES > 8 ? LINES - 6 : 2;

	clear_rows(p);
	if (limit > MAX_ROWS)
		limit = MAX_ROWS;
	if (enterprise_list(ui->ws->store, text_trim(q), limit, take, p, &err))
		ui_error_err(ui, &err);
	free(q);
	ui_list_clamp(&p->l, p->h > 0 ? p->h : 1);
}

static void paint(struct ui *ui, void *ctx)
{
	struct picker *p = ctx;
	int r, w = ui_width(_("Find:")) + 2;

	ui_title(ui, p->mode == PICK_FILTER ? _("Hazards: only one enterprise")
		 : _("New inspection: enterprise"), NULL);
	ui_put(2, 2, _("Find:"), w, ui->attr[R_NORMAL]);
	ui_put(3, 2, _("Type part of the name or the start of the credit code."), COLS - 4,
	       ui->attr[R_DIM]);
	p->y0 = 5;
	p->h = LINES - 2 - p->y0;
	ui_list_clamp(&p->l, p->h);
	for (r = 0; r < p->h && p->l.top + (size_t)r < p->l.n; r++) {
		size_t i = p->l.top + (size_t)r;
		attr_t a = ui->attr[i == p->l.cur ? R_SELECT : R_NORMAL];
		int y = p->y0 + r, x = 2;
		ui_fill(y, 2, COLS - 4, a);
		if (i == p->n_rows) {
			ui_put(y, x, _("+ Add a new enterprise"), COLS - 4, a | A_BOLD);
			continue;
		}
		x += ui_put(y, x, p->rows[i].code, 18, a) + 2;
		x += ui_put(y, x, p->rows[i].name, COLS - x - 14, a) + 2;
		ui_put(y, x, p->rows[i].town, COLS - x - 2, a);
	}
	ui_edit_draw(ui, &p->query, 2, 2 + w, COLS - w - 4, 1);
}

static int chosen(struct ui *ui, struct picker *p)
{
	char *q;

	if (p->l.cur < p->n_rows) {
		memcpy(p->code, p->rows[p->l.cur].code, USCC_LEN + 1);
		snprintf(p->name, p->size, "%s", p->rows[p->l.cur].name);
		return p->rc = 0;
	}
	if (!add_row(p))
		return -1;
	q = ui_edit_text(&p->query);
	p->rc = ui_add_enterprise(ui, q, p->code, p->name, p->size);
	free(q);
	return p->rc;
}

/* Leaves once an enterprise is chosen or added. */
static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct picker *p = ctx;

	if (req == REQ_ADD)
		p->l.cur = p->l.n - 1;
	if (req == REQ_ADD || req == REQ_CHOOSE || (key == UI_FN(KEY_MOUSE) &&
	    ui_list_click(&p->l, ui, p->y0, p->h) == 2))
		return chosen(ui, p) == 0;
	if (!ui_list_key(&p->l, key, p->h) && ui_edit_key(&p->query, key)) {
		p->l.cur = 0;
		search(ui, p);
	}
	return 0;
}

static unsigned mode(void *ctx)
{
	return ((struct picker *)ctx)->mode == PICK_FILTER ? M_FILTER : M_ADD;
}

static const struct ui_screen screen = {
	N_("Enterprise: keys"), keys, ARRAY_SIZE(keys), paint, act, mode, NULL,
};

int ui_pick_enterprise(struct ui *ui, enum pick_mode mode, char *code, char *name, size_t size)
{
	struct picker *p = xcalloc(1, sizeof *p);
	int rc;

	p->code = code;
	p->name = name;
	p->size = size;
	p->rc = -1;
	p->mode = mode;
	ui_edit_init(&p->query, "", MAX_NAME);
	p->l.n = add_row(p);
	p->h = LINES - 7;
	search(ui, p);
	ui_run(ui, &screen, p);
	rc = p->rc;
	clear_rows(p);
	ui_edit_release(&p->query);
	free(p);
	return rc;
}

/* The add dialog: 0 code, 1 name, 2 town, 3 industry, 4 address. */
static void code_changed(struct ui_form *d, size_t i, void *ctx)
{
	struct ui_field *f = &d->f[0];
	struct fc_err err = { 0 };
	char *v, *s;
	size_t n;

	(void)ctx;
	if (i != 0)
		return;
	v = ui_field_value(d, 0);
	for (s = v; *s; s++)
		if (islower((unsigned char)*s))
			break;
	if (*s) {   /* the code is printed in capitals: type it either way */
		for (s = v; *s; s++)
			*s = (char)toupper((unsigned char)*s);
		ui_edit_set(&f->ed, v);
	}
	n = strlen(v);
	f->note_err = 0;
	if (n < USCC_LEN)
		snprintf(f->note, sizeof f->note, _("%zu of 18 characters"), n);
	else if (uscc_check(v, &err))
		snprintf(f->note, sizeof f->note, "%.290s", err.msg), f->note_err = 1;
	else
		snprintf(f->note, sizeof f->note, "%s", _("valid credit code"));
	if (n > USCC_LEN)
		f->note_err = 1;
	free(v);
}

struct added {
	struct ui *ui;
	char code[USCC_LEN + 1];
	char name[MAX_NAME + 1];
};

static int add_submit(struct ui_form *d, void *ctx)
{
	struct added *a = ctx;
	struct fc_enterprise e;
	struct fc_err err = { 0 };
	char *v[5];
	size_t i;
	int rc;

	for (i = 0; i < 5; i++)
		v[i] = text_trim(ui_field_value(d, i));
	memset(&e, 0, sizeof e);
	rc = uscc_check(v[0], &err);
	if (rc == 0) {
		memcpy(e.code, v[0], USCC_LEN + 1);
		e.name = v[1];
		e.town = v[2];
		e.industry = v[3];
		e.address = v[4];
		rc = enterprise_check(&e, &err) || enterprise_add(a->ui->ws->store, &e, &err);
	}
	if (rc) {
		snprintf(d->msg, sizeof d->msg, "%s", err.msg);
		d->msg_err = 1;
	} else {
		memcpy(a->code, e.code, sizeof a->code);
		snprintf(a->name, sizeof a->name, "%s", v[1]);
	}
	for (i = 0; i < 5; i++)
		free(v[i]);
	return rc ? -1 : 0;
}

int ui_add_enterprise(struct ui *ui, const char *typed, char *code, char *name, size_t size)
{
	struct ui_field f[5];
	struct added a;
	struct ui_form d;
	int looks_code = typed && strlen(typed) <= USCC_LEN && *typed &&
			 strspn(typed, "0123456789ABCDEFGHJKLMNPQRTUWXYabcdefghjklmnpqrtuwxy") ==
			 strlen(typed);
	int rc;

	memset(&d, 0, sizeof d);
	memset(&a, 0, sizeof a);
	a.ui = ui;
	ui_field_text(&f[0], _("Credit code"), looks_code ? typed : "", USCC_LEN + 8);
	ui_field_text(&f[1], _("Enterprise name"), looks_code ? "" : typed, MAX_NAME);
	ui_field_text(&f[2], _("Town"), "", MAX_TOWN);
	ui_field_text(&f[3], _("Industry (GB/T 4754)"), "", 8);
	ui_field_text(&f[4], _("Address"), "", MAX_ADDRESS);
	d.title = _("Add an enterprise");
	d.f = f;
	d.n = 5;
	d.changed = code_changed;
	d.submit = add_submit;
	d.ctx = &a;
	code_changed(&d, 0, NULL);
	rc = ui_form_run(ui, &d);
	ui_fields_free(f, 5);
	if (rc == 0) {
		memcpy(code, a.code, USCC_LEN + 1);
		snprintf(name, size, "%s", a.name);
		ui_info(ui, _("Enterprise added."));
	}
	return rc;
}
