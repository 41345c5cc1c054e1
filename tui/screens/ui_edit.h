/* ui_edit.h - a one-line text editor that works with Chinese.
 *
 * The text is kept as wide characters, so the cursor moves and Backspace
 * deletes a whole character, never a byte of one; it is measured in display
 * columns and scrolls sideways when it is wider than its field.  The UTF-8
 * length is limited (the store's field limits are in bytes).
 */
#ifndef FC_UI_EDIT_H
#define FC_UI_EDIT_H

#include <stddef.h>
#include <wchar.h>

struct ui;

struct ui_edit {
	wchar_t *buf;        /* not NUL-terminated */
	size_t len, cap, cur;
	size_t bytes, max_bytes;
	int scroll;          /* first display column shown */
};

void ui_edit_init(struct ui_edit *e, const char *utf8, size_t max_bytes);
void ui_edit_release(struct ui_edit *e);
/* Replaces the text; the cursor goes to its end. */
void ui_edit_set(struct ui_edit *e, const char *utf8);
/* Handles an editing key; returns 1 if it was one (the text may have
 * changed), 0 if the key is for someone else. */
int ui_edit_key(struct ui_edit *e, int key);
/* The text as UTF-8 (free() it). */
char *ui_edit_text(const struct ui_edit *e);
/* Draws the field at (y, x), w columns; with focus, puts the cursor there. */
void ui_edit_draw(struct ui *ui, struct ui_edit *e, int y, int x, int w, int focus);

#endif
