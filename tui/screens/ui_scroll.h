/* ui_scroll.h - a text longer than its place, scrolled by rows (ui_scroll.c):
 * which rows are in view, the keys that move them, and a last row that says
 * there is more and where the view is.
 */
#ifndef FC_UI_SCROLL_H
#define FC_UI_SCROLL_H

#include "ui.h"

struct ui_scroll {
	size_t top;                 /* the first row in view */
	size_t total;               /* rows in all, as last painted */
	int rows;                   /* rows in view, as last painted */
};

/* Before painting `total` rows in the h rows of the place: keeps top in
 * range, and keeps the last row for the note when they do not all fit.
 * Returns the rows in view. */
int ui_scroll_begin(struct ui_scroll *s, size_t total, int h);
/* Draws the rows of `text` wrapped to w columns that are in view, text row
 * `row` being its first, the view starting at screen row y; returns the
 * text row after it (an empty text takes a row). */
size_t ui_scroll_text(const struct ui_scroll *s, int y, size_t row, int x, int w,
		      const char *text, attr_t a);
/* When there is more than the view: at row y, which rows are in view and
 * the keys that move it. */
void ui_scroll_note(struct ui *ui, const struct ui_scroll *s, int y);
/* Up Down PgUp PgDn Home End move the view: 1 when key is one of them. */
int ui_scroll_key(struct ui_scroll *s, int key);

#endif
