/* ui_list.c - list movement, search and clicks (see ui_list.h). */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui_dialog.h"
#include "ui_list.h"

void ui_list_clamp(struct ui_list *l, int height)
{
	size_t h = height > 0 ? (size_t)height : 1;

	if (l->n == 0) {
		l->cur = l->top = 0;
		return;
	}
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + h)
		l->top = l->cur - h + 1;
	if (l->top + h > l->n)
		l->top = l->n > h ? l->n - h : 0;
}

int ui_list_key(struct ui_list *l, int key, int height)
{
	size_t page = height > 1 ? (size_t)height - 1 : 1;

	switch (key) {
	case UI_FN(KEY_UP):
		if (l->cur > 0)
			l->cur--;
		break;
	case UI_FN(KEY_DOWN):
		if (l->cur + 1 < l->n)
			l->cur++;
		break;
	case UI_FN(KEY_PPAGE):
		l->cur = l->cur > page ? l->cur - page : 0;
		break;
	case UI_FN(KEY_NPAGE):
		l->cur = l->cur + page < l->n ? l->cur + page : (l->n ? l->n - 1 : 0);
		break;
	case UI_FN(KEY_HOME):
		l->cur = 0;
		break;
	case UI_FN(KEY_END):
		l->cur = l->n ? l->n - 1 : 0;
		break;
	default:
		return 0;
	}
	ui_list_clamp(l, height);
	return 1;
}

int ui_list_click(struct ui_list *l, const struct ui *ui, int y0, int height)
{
	size_t row;

	if (ui->mouse_y < y0 || ui->mouse_y >= y0 + height)
		return 0;
	row = l->top + (size_t)(ui->mouse_y - y0);
	if (row >= l->n)
		return 0;
	l->cur = row;
	return ui->mouse_double ? 2 : 1;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int ui_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return 1;
	for (; *hay; hay++) {
		for (i = 0; i < n && hay[i] && lower((unsigned char)hay[i]) ==
			    lower((unsigned char)needle[i]); i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

void ui_list_search(struct ui *ui, struct ui_list *l, ui_row_text fn, void *ctx)
{
	char *q = NULL, buf[1024];
	size_t k;

	if (ui_ask_text(ui, _("Search"), _("Find"), l->query, 200, NULL, NULL, &q) || !q)
		return;
	free(l->query);
	l->query = q;
	for (k = 1; k <= l->n; k++) {
		size_t i = (l->cur + k) % l->n;
		if (ui_contains(fn(ctx, i, buf, sizeof buf), q)) {
			l->cur = i;
			return;
		}
	}
	ui_error(ui, _("Nothing here holds \"%s\"."), q);
}

void ui_list_release(struct ui_list *l)
{
	free(l->query);
	l->query = NULL;
}
