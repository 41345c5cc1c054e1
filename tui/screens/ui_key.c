/* ui_key.c - reading keys: characters, function keys, the mouse.
 *
 * Every screen waits here.  A key is an int (see UI_FN in ui.h).  F10 quits
 * from anywhere, which is safe because every answer is already saved.  The
 * mouse is a convenience: a click on the key bar is that key, the wheel
 * scrolls, other clicks are handed to the screen with their position.
 */
#include "ui.h"

static int mouse_key(struct ui *ui)
{
	MEVENT ev;
	int k;

	if (getmouse(&ev) != OK)
		return 0;
	if (ev.bstate & BUTTON4_PRESSED)
		return UI_FN(KEY_UP);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return UI_FN(KEY_DOWN);
#endif
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_PRESSED |
			   BUTTON1_RELEASED)))
		return 0;
	if (ev.y == LINES - 1 && ui->bar && (k = ui_keybar_hit(ui, ev.x)))
		return k;
	ui->mouse_y = ev.y;
	ui->mouse_x = ev.x;
	ui->mouse_double = !!(ev.bstate & BUTTON1_DOUBLE_CLICKED);
	return UI_FN(KEY_MOUSE);
}

int ui_getkey(struct ui *ui)
{
	int fails = 0, k;
	wint_t wc;

	for (;;) {
		int r;
		if (ui->cursor_on) {
			curs_set(1);
			move(ui->cursor_y, ui->cursor_x);
		} else {
			curs_set(0);
		}
		refresh();
		r = get_wch(&wc);
		if (r == ERR) {
			/* The terminal went away (hang-up): leave rather than spin. */
			if (++fails > 50) {
				ui->quit = 1;
				return UI_FN(KEY_F(10));
			}
			continue;
		}
		fails = 0;
		ui->cursor_on = 0;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE)
			return UI_FN(KEY_RESIZE);
		/* Behind "window too small" nothing is seen: only a resize and
		 * F10 count, in every loop (screens and dialogs alike). */
		if ((COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) &&
		    !(r == KEY_CODE_YES && wc == KEY_F(10)))
			continue;
		ui->msg[0] = '\0';
		if (r != KEY_CODE_YES)
			return wc == '\r' ? '\n' : (int)wc;
		if (wc == KEY_MOUSE) {
			if ((k = mouse_key(ui)) == 0)
				continue;
		} else {
			k = UI_FN((int)wc);
		}
		if (k == UI_FN(KEY_F(10)))
			ui->quit = 1;
		return k;
	}
}

int ui_is_back(int key)
{
	return key == UI_ESC || key == UI_FN(KEY_F(10)) || key == UI_FN(KEY_CANCEL) ||
	       key == UI_FN(KEY_EXIT);
}

int ui_is_enter(int key)
{
	return key == '\n' || key == '\r' || key == UI_FN(KEY_ENTER);
}

size_t ui_utf8_put(char *buf, unsigned cp)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xc0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xe0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	buf[0] = (char)(0xf0 | (cp >> 18));
	buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	buf[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}
