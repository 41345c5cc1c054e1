/* ui_help.c - F1 (or '?'): the keys of the screen in a box, any key
 * closes it. */
#include "ui.h"

static void paint(struct ui *ui, const char *title, const struct ui_help *h, size_t n)
{
	int w = COLS - 4 < 72 ? COLS - 4 : 72, hh = (int)n + 4, y, x, kw = 0;
	size_t i;

	if (hh > LINES - 2)
		hh = LINES - 2;
	y = (LINES - hh) / 2;
	x = (COLS - w) / 2;
	for (i = 0; i < n; i++)
		if (ui_width(h[i].keys) > kw)
			kw = ui_width(h[i].keys);
	if (kw > w / 3)
		kw = w / 3;
	ui_box(y, x, hh, w, ui->attr[R_FRAME]);
	ui_put(y, x + 2, title, w - 4, ui->attr[R_SECTION]);
	for (i = 0; i < n && (int)i < hh - 4; i++) {
		ui_put(y + 1 + (int)i, x + 2, h[i].keys, kw, ui->attr[R_BAR_KEY]);
		ui_put(y + 1 + (int)i, x + 3 + kw, _(h[i].what), w - kw - 5, ui->attr[R_NORMAL]);
	}
	ui_put(y + hh - 2, x + 2, _("Any key closes this help."), w - 4, ui->attr[R_DIM]);
}

void ui_help(struct ui *ui, const char *title, const struct ui_help *h, size_t n)
{
	int k;

	for (;;) {
		if (!ui_too_small(ui)) {
			ui_paint_under(ui);
			paint(ui, title, h, n);
		}
		k = ui_getkey(ui);
		if (k != UI_FN(KEY_RESIZE))
			return;
	}
}

void ui_paint_under(struct ui *ui)
{
	erase();
	if (ui->paint)
		ui->paint(ui, ui->paint_ctx);
}

void ui_set_paint(struct ui *ui, ui_paint_fn fn, void *ctx, ui_paint_fn *old_fn,
		  void **old_ctx)
{
	if (old_fn)
		*old_fn = ui->paint;
	if (old_ctx)
		*old_ctx = ui->paint_ctx;
	ui->paint = fn;
	ui->paint_ctx = ctx;
}
