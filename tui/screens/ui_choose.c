/* ui_choose.c - choosing from a list in a box: one choice, several
 * choices, or yes/no (see ui_dialog.h). */
#include <stdio.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_list.h"

struct chooser {
	const char *title;
	const char *const *labels;
	const char *const *also;    /* searched beside the labels, or NULL */
	unsigned char *sel;         /* several choices, or NULL */
	struct ui_list l;
	int y, x, w, h;             /* the rows of the list, as painted */
};

int ui_dialog_place(int h, int *y)
{
	int room = LINES - 3;   /* rows 1 .. LINES - 3 */

	if (h > room)
		h = room;
	*y = 1 + (room - h) / 2;
	return h;
}

static void paint(struct ui *ui, struct chooser *c)
{
	int w = COLS - 4 < 70 ? COLS - 4 : 70, h, r, bx, by;
	size_t i;

	h = ui_dialog_place((int)c->l.n + 4, &by);
	bx = (COLS - w) / 2;
	ui_box(by, bx, h, w, ui->attr[R_FRAME]);
	ui_put(by, bx + 2, c->title, w - 4, ui->attr[R_SECTION]);
	c->y = by + 1;
	c->x = bx + 2;
	c->w = w - 4;
	c->h = h - 3;
	ui_list_clamp(&c->l, c->h);
	for (r = 0; r < c->h && c->l.top + (size_t)r < c->l.n; r++) {
		i = c->l.top + (size_t)r;
		attr_t a = ui->attr[i == c->l.cur ? R_SELECT : R_NORMAL];
		int x = c->x;
		ui_fill(c->y + r, c->x, c->w, a);
		if (c->sel)
			x += ui_put(c->y + r, x, c->sel[i] ? "[x] " : "[ ] ", 4, a);
		ui_put(c->y + r, x, c->labels[i], c->w - (x - c->x), a);
	}
	ui_put(by + h - 2, bx + 2, c->sel ? _("Space: choose   Enter: done   Esc: cancel")
					 : _("Enter: choose   Esc: cancel   /: search"),
	       w - 4, ui->attr[R_DIM]);
}

static const char *row_text(void *ctx, size_t i, char *buf, size_t size)
{
	struct chooser *c = ctx;

	if (!c->also || !c->also[i])
		return c->labels[i];
	snprintf(buf, size, "%s %s", c->labels[i], c->also[i]);
	return buf;
}

/* Runs the box: the index chosen, or -1. */
static long run(struct ui *ui, struct chooser *c)
{
	int key, click;

	for (;;) {
		if (!ui_too_small(ui)) {
			ui_paint_under(ui);
			paint(ui, c);
		}
		key = ui_getkey(ui);
		if (ui->quit || key == UI_ESC)
			return -1;
		if (ui_list_key(&c->l, key, c->h))
			continue;
		if (key == UI_FN(KEY_MOUSE)) {
			click = ui_list_click(&c->l, ui, c->y, c->h);
			if (click && c->sel)
				c->sel[c->l.cur] ^= 1;
			else if (click == 2)
				return (long)c->l.cur;
		} else if (key == ' ' && c->sel && c->l.n) {
			c->sel[c->l.cur] ^= 1;
		} else if (key == '/' && !c->sel) {
			ui_list_search(ui, &c->l, row_text, c);
		} else if (ui_is_enter(key) && c->l.n) {
			return (long)c->l.cur;
		}
	}
}

int ui_choose(struct ui *ui, const char *title, const char *const *labels, size_t n,
	      size_t cur)
{
	return ui_choose_find(ui, title, labels, NULL, n, cur);
}

int ui_choose_find(struct ui *ui, const char *title, const char *const *labels,
		   const char *const *also, size_t n, size_t cur)
{
	struct chooser c;
	long r;

	memset(&c, 0, sizeof c);
	c.title = title;
	c.labels = labels;
	c.also = also;
	c.l.n = n;
	c.l.cur = cur < n ? cur : 0;
	r = run(ui, &c);
	ui_list_release(&c.l);
	return (int)r;
}

int ui_choose_many(struct ui *ui, const char *title, const char *const *labels, size_t n,
		   unsigned char *sel)
{
	struct chooser c;
	long r;

	memset(&c, 0, sizeof c);
	c.title = title;
	c.labels = labels;
	c.sel = sel;
	c.l.n = n;
	r = run(ui, &c);
	return r < 0 ? -1 : 0;
}

int ui_confirm(struct ui *ui, const char *title, const char *question, int dflt_yes)
{
	int yes = dflt_yes, key, w = COLS - 4 < 60 ? COLS - 4 : 60, h, y, x, n;

	for (;;) {
		if (!ui_too_small(ui)) {
			ui_paint_under(ui);
			n = ui_text_rows(question, w - 4);
			h = ui_dialog_place(n + 5, &y);
			x = (COLS - w) / 2;
			ui_box(y, x, h, w, ui->attr[R_FRAME]);
			ui_put(y, x + 2, title, w - 4, ui->attr[R_SECTION]);
			ui_put_wrapped(y + 1, x + 2, w - 4, h - 4, question, ui->attr[R_NORMAL]);
			ui_put(y + h - 2, x + 4, _("[ Yes (y) ]"), w / 2 - 4,
			       ui->attr[yes ? R_SELECT : R_NORMAL]);
			ui_put(y + h - 2, x + w / 2, _("[ No (n) ]"), w / 2 - 2,
			       ui->attr[yes ? R_NORMAL : R_SELECT]);
		}
		key = ui_getkey(ui);
		if (ui->quit || key == UI_ESC || key == 'n' || key == 'N')
			return 0;
		if (key == 'y' || key == 'Y')
			return 1;
		if (ui_is_enter(key))
			return yes;
		if (key == '\t' || key == UI_FN(KEY_LEFT) || key == UI_FN(KEY_RIGHT))
			yes = !yes;
	}
}
