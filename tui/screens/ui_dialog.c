/* ui_dialog.c - the dialog of fields and the one-text question
 * (see ui_dialog.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "core/strbuf.h"

void ui_field_text(struct ui_field *f, const char *label, const char *init, size_t max)
{
	memset(f, 0, sizeof *f);
	f->label = label;
	f->kind = UF_TEXT;
	ui_edit_init(&f->ed, init, max);
}

void ui_field_cycle(struct ui_field *f, const char *label, const char *const *opts, int n,
		    int opt)
{
	memset(f, 0, sizeof *f);
	f->label = label;
	f->kind = UF_CYCLE;
	f->opts = opts;
	f->n_opts = n;
	f->opt = opt >= 0 && opt < n ? opt : 0;
}

void ui_field_show(struct ui_field *f, const char *label, const char *text)
{
	memset(f, 0, sizeof *f);
	f->label = label;
	f->kind = UF_SHOW;
	f->show = text;
}

void ui_fields_free(struct ui_field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (f[i].kind == UF_TEXT)
			ui_edit_release(&f[i].ed);
}

char *ui_field_value(const struct ui_form *d, size_t i)
{
	return ui_edit_text(&d->f[i].ed);
}

static int focusable(const struct ui_field *f)
{
	return f->kind != UF_SHOW;
}

/* Rows the note under a field takes (at most two). */
static int note_rows(const struct ui_field *f, int width)
{
	size_t starts[2], lens[2];

	return f->note[0] ? (int)ui_wrap(f->note, width, starts, lens, 2) : 0;
}

static void paint(struct ui *ui, struct ui_form *d)
{
	int w = COLS - 2 < 76 ? COLS - 2 : 76, lw = 0, h, y, x, r, nm = 0;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (ui_width(d->f[i].label) > lw)
			lw = ui_width(d->f[i].label);
	if (lw > w / 3)
		lw = w / 3;
	if (d->msg[0])   /* four rows at most; a longer message ends in "…" */
		nm = ui_text_rows(d->msg, w - 4) < 4 ? ui_text_rows(d->msg, w - 4) : 4;
	h = 4 + nm;
	for (i = 0; i < d->n; i++)
		h += 1 + note_rows(&d->f[i], w - lw - 5);
	h = ui_dialog_place(h, &y);
	x = (COLS - w) / 2;
	ui_box(y, x, h, w, ui->attr[R_FRAME]);
	ui_put(y, x + 2, d->title, w - 4, ui->attr[R_SECTION]);
	r = y + 1;
	for (i = 0; i < d->n && r < y + h - 2; i++) {
		struct ui_field *f = &d->f[i];
		int fx = x + 3 + lw, fw = w - lw - 5, focus = i == d->focus;
		ui_put(r, x + 2, f->label, lw, ui->attr[focus ? R_SECTION : R_NORMAL]);
		if (f->kind == UF_TEXT) {
			ui_edit_draw(ui, &f->ed, r, fx, fw, focus);
		} else if (f->kind == UF_CYCLE) {
			int used = ui_put(r, fx, "< ", 2, ui->attr[R_NORMAL]);
			used += ui_put(r, fx + used, f->opts[f->opt], fw - 4,
				       ui->attr[focus ? R_SELECT : R_FIELD]);
			ui_put(r, fx + used, " >", 2, ui->attr[R_NORMAL]);
		} else {
			ui_put(r, fx, f->show, fw, ui->attr[R_NORMAL]);
		}
		r++;
		if (f->note[0] && r < y + h - 2)
			r += ui_put_wrapped(r, fx, fw, note_rows(f, fw) < y + h - 2 - r ?
					    note_rows(f, fw) : y + h - 2 - r, f->note,
					    ui->attr[f->note_err ? R_ERROR : R_DIM]);
	}
	if (nm && r < y + h - 2)
		ui_put_wrapped(r, x + 2, w - 4, nm < y + h - 2 - r ? nm : y + h - 2 - r, d->msg,
			       ui->attr[d->msg_err ? R_ERROR : R_INFO]);
	ui_put(y + h - 2, x + 2, _("Enter: OK   Esc: cancel   Tab, arrows: next field"), w - 4,
	       ui->attr[R_DIM]);
}

static void move_focus(struct ui_form *d, int dir)
{
	size_t k, i = d->focus;

	for (k = 0; k < d->n; k++) {
		i = (i + d->n + (size_t)(dir > 0 ? 1 : d->n - 1)) % d->n;
		if (focusable(&d->f[i])) {
			d->focus = i;
			return;
		}
	}
}

/* A key for the focused field; returns 1 when it changed it. */
static int field_key(struct ui_field *f, int key)
{
	if (f->kind == UF_TEXT)
		return ui_edit_key(&f->ed, key);
	if (f->kind != UF_CYCLE || f->n_opts <= 0)
		return 0;
	if (key == UI_FN(KEY_RIGHT) || key == ' ') {
		f->opt = (f->opt + 1) % f->n_opts;
		return 1;
	}
	if (key == UI_FN(KEY_LEFT)) {
		f->opt = (f->opt + f->n_opts - 1) % f->n_opts;
		return 1;
	}
	return 0;
}

int ui_form_run(struct ui *ui, struct ui_form *d)
{
	int key;

	if (d->focus >= d->n || !focusable(&d->f[d->focus]))
		move_focus(d, 1);
	for (;;) {
		if (!ui_too_small(ui)) {
			ui_paint_under(ui);
			paint(ui, d);
		}
		key = ui_getkey(ui);
		if (ui->quit || key == UI_ESC)
			return -1;
		if (ui_is_enter(key)) {
			d->msg[0] = '\0';
			if (!d->submit || d->submit(d, d->ctx) == 0)
				return 0;
			beep();
			continue;
		}
		if (key == '\t' || key == UI_FN(KEY_DOWN)) {
			move_focus(d, 1);
		} else if (key == UI_FN(KEY_BTAB) || key == UI_FN(KEY_UP)) {
			move_focus(d, -1);
		} else if (d->n && field_key(&d->f[d->focus], key)) {
			d->msg[0] = '\0';
			if (d->changed)
				d->changed(d, d->focus, d->ctx);
		}
	}
}

struct ask {
	ui_check_fn check;
	void *ctx;
	char *value;
};

static int ask_submit(struct ui_form *d, void *ctx)
{
	struct ask *a = ctx;
	struct fc_err err = { 0 };
	char *v = ui_field_value(d, 0);

	if (a->check && a->check(v, a->ctx, &err)) {
		snprintf(d->msg, sizeof d->msg, "%s", err.msg);
		d->msg_err = 1;
		free(v);
		return -1;
	}
	a->value = v;
	return 0;
}

int ui_ask_text(struct ui *ui, const char *title, const char *label, const char *init,
		size_t max, ui_check_fn check, void *ctx, char **out)
{
	struct ui_field f;
	struct ask a = { check, ctx, NULL };
	struct ui_form d;
	int rc;

	memset(&d, 0, sizeof d);
	ui_field_text(&f, label, init, max);
	d.title = title;
	d.f = &f;
	d.n = 1;
	d.submit = ask_submit;
	d.ctx = &a;
	rc = ui_form_run(ui, &d);
	ui_fields_free(&f, 1);
	*out = rc == 0 ? a.value : NULL;
	return rc;
}
