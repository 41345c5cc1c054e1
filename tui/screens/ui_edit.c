/* ui_edit.c - the one-line editor (see ui_edit.h). */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui_edit.h"
#include "core/strbuf.h"
#include "core/text.h"

static size_t cp_bytes(wchar_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Columns a character takes as drawn here: controls as ^X, anything odd
 * as '?'. */
static int cols(wchar_t c)
{
	int w;

	if (c < 0x20 || c == 0x7f)
		return 2;
	if (c >= 0x80 && c < 0xa0)
		return 1;
	w = wcwidth(c);
	return w > 0 ? w : 1;
}

static void reserve(struct ui_edit *e, size_t n)
{
	if (e->len + n <= e->cap)
		return;
	e->cap = (e->len + n) * 2 + 16;
	e->buf = xrealloc(e->buf, e->cap * sizeof *e->buf);
}

void ui_edit_set(struct ui_edit *e, const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0, k;

	e->len = e->cur = e->bytes = 0;
	e->scroll = 0;
	while (i < n) {
		k = utf8_seq_len((const unsigned char *)s + i, n - i);
		reserve(e, 1);
		if (k == 0) {
			e->buf[e->len++] = 0xfffd;
			e->bytes += 3;
			i++;
			continue;
		}
		e->buf[e->len++] = (wchar_t)utf8_decode((const unsigned char *)s + i, k);
		e->bytes += k;
		i += k;
	}
	e->cur = e->len;
}

void ui_edit_init(struct ui_edit *e, const char *utf8, size_t max_bytes)
{
	memset(e, 0, sizeof *e);
	e->max_bytes = max_bytes;
	ui_edit_set(e, utf8);
}

void ui_edit_release(struct ui_edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

char *ui_edit_text(const struct ui_edit *e)
{
	struct strbuf sb;
	char u[5];
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < e->len; i++)
		strbuf_add(&sb, u, ui_utf8_put(u, (unsigned)e->buf[i]));
	return strbuf_detach(&sb);
}

static void delete_range(struct ui_edit *e, size_t from, size_t to)
{
	size_t i;

	if (from >= to)   /* nothing (^U in an empty field: buf may be NULL) */
		return;
	for (i = from; i < to; i++)
		e->bytes -= cp_bytes(e->buf[i]);
	memmove(e->buf + from, e->buf + to, (e->len - to) * sizeof *e->buf);
	e->len -= to - from;
	e->cur = from;
}

static int insert(struct ui_edit *e, int key)
{
	wchar_t c = (wchar_t)key;

	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0) || key > 0x10ffff ||
	    (key >= 0xd800 && key < 0xe000) || wcwidth(c) < 1)
		return 0;
	if (e->bytes + cp_bytes(c) > e->max_bytes) {
		beep();
		return 1;
	}
	reserve(e, 1);
	memmove(e->buf + e->cur + 1, e->buf + e->cur, (e->len - e->cur) * sizeof *e->buf);
	e->buf[e->cur++] = c;
	e->len++;
	e->bytes += cp_bytes(c);
	return 1;
}

int ui_edit_key(struct ui_edit *e, int key)
{
	switch (key) {
	case UI_FN(KEY_LEFT):
		if (e->cur > 0)
			e->cur--;
		return 1;
	case UI_FN(KEY_RIGHT):
		if (e->cur < e->len)
			e->cur++;
		return 1;
	case UI_FN(KEY_HOME):
	case UI_CTRL('a'):
		e->cur = 0;
		return 1;
	case UI_FN(KEY_END):
	case UI_CTRL('e'):
		e->cur = e->len;
		return 1;
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case UI_CTRL('h'):
		if (e->cur > 0)
			delete_range(e, e->cur - 1, e->cur);
		return 1;
	case UI_FN(KEY_DC):
	case UI_CTRL('d'):
		if (e->cur < e->len)
			delete_range(e, e->cur, e->cur + 1);
		return 1;
	case UI_CTRL('u'):
		delete_range(e, 0, e->cur);
		return 1;
	case UI_CTRL('k'):
		delete_range(e, e->cur, e->len);
		return 1;
	}
	if (key >= UI_FN(0))
		return 0;
	return insert(e, key);
}

void ui_edit_draw(struct ui *ui, struct ui_edit *e, int y, int x, int w, int focus)
{
	int col = 0, at = 0, used = 0;
	size_t i;

	if (w < 2)
		return;
	for (i = 0; i < e->cur; i++)
		col += cols(e->buf[i]);
	if (col < e->scroll)
		e->scroll = col;
	if (col >= e->scroll + w)
		e->scroll = col - w + 1;
	ui_fill(y, x, w, ui->attr[R_FIELD]);
	attrset(ui->attr[R_FIELD]);
	for (i = 0; i < e->len; i++) {
		wchar_t c = e->buf[i], g[3] = { c, 0, 0 };
		int cw = cols(c);
		if (at < e->scroll) {
			at += cw;
			if (at > e->scroll)   /* a wide character cut by the edge */
				used = at - e->scroll;
			continue;
		}
		if (used + cw > w)
			break;
		if (c < 0x20 || c == 0x7f) {
			g[0] = L'^';
			g[1] = c == 0x7f ? L'?' : c + L'@';
		} else if ((c >= 0x80 && c < 0xa0) || wcwidth(c) < 1) {
			g[0] = L'?';
		}
		mvaddnwstr(y, x + used, g, (int)wcslen(g));
		used += cw;
		at += cw;
	}
	attrset(A_NORMAL);
	if (focus) {
		ui->cursor_on = 1;
		ui->cursor_y = y;
		ui->cursor_x = x + col - e->scroll;
	}
}
