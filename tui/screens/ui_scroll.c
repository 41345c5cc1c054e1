/* ui_scroll.c - a text longer than its place, scrolled by rows (see
 * ui_scroll.h).  Rows are counted after wrapping, so a long line (a merge's
 * note naming an item by its whole label) is read whole, a row at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_scroll.h"
#include "core/strbuf.h"

static size_t max_top(const struct ui_scroll *s)
{
	return s->total > (size_t)s->rows ? s->total - (size_t)s->rows : 0;
}

int ui_scroll_begin(struct ui_scroll *s, size_t total, int h)
{
	s->total = total;
	s->rows = h < 1 ? 1 : total > (size_t)h && h > 1 ? h - 1 : h;
	if (s->top > max_top(s))   /* the window grew, or the text got shorter */
		s->top = max_top(s);
	return s->rows;
}

size_t ui_scroll_text(const struct ui_scroll *s, int y, size_t row, int x, int w,
		      const char *text, attr_t a)
{
	size_t len = strlen(text), *starts, *lens, n, k;
	char *line;

	if (w < 1)
		w = 1;
	/* a row holds a character at least, a newline starts one more */
	starts = xcalloc(len + 1, sizeof *starts);
	lens = xcalloc(len + 1, sizeof *lens);
	n = ui_wrap(text, w, starts, lens, len + 1);
	for (k = 0; k < n; k++, row++) {
		if (row < s->top || row >= s->top + (size_t)s->rows)
			continue;
		line = xstrndup(text + starts[k], lens[k]);
		ui_put(y + (int)(row - s->top), x, line, w, a);
		free(line);
	}
	free(starts);
	free(lens);
	return row + (n == 0);
}

void ui_scroll_note(struct ui *ui, const struct ui_scroll *s, int y)
{
	char buf[160];
	size_t last = s->top + (size_t)s->rows;

	if (s->total <= (size_t)s->rows)
		return;
	snprintf(buf, sizeof buf, _("rows %zu-%zu of %zu; Up Down PgUp PgDn"), s->top + 1,
		 last < s->total ? last : s->total, s->total);
	ui_fill(y, 0, COLS, ui->attr[R_NORMAL]);
	ui_put(y, 2, buf, COLS - 4, ui->attr[R_DIM]);
}

int ui_scroll_key(struct ui_scroll *s, int key)
{
	size_t page = s->rows > 1 ? (size_t)s->rows - 1 : 1;

	switch (key) {
	case UI_FN(KEY_UP): s->top -= s->top > 0; break;
	case UI_FN(KEY_DOWN): s->top += s->top < max_top(s); break;
	case UI_FN(KEY_PPAGE): s->top = s->top > page ? s->top - page : 0; break;
	case UI_FN(KEY_NPAGE):
		s->top = s->top + page < max_top(s) ? s->top + page : max_top(s);
		break;
	case UI_FN(KEY_HOME): s->top = 0; break;
	case UI_FN(KEY_END): s->top = max_top(s); break;
	default: return 0;
	}
	return 1;
}
