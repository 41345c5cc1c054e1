/* ui_list.h - moving through a list: the cursor, scrolling, '/' search and
 * clicks, shared by every list on every screen (the rows are drawn by the
 * screen that owns them). */
#ifndef FC_UI_LIST_H
#define FC_UI_LIST_H

#include <stddef.h>

struct ui;

struct ui_list {
	size_t n, cur, top;
	char *query;                /* the last '/' search, or NULL */
};

/* Up, Down, PgUp, PgDn, Home, End; returns 1 if the key was one. */
int ui_list_key(struct ui_list *l, int key, int height);
/* Keeps the cursor inside the list and on screen. */
void ui_list_clamp(struct ui_list *l, int height);
/* A click at ui->mouse_y in rows y0..y0+height-1: moves the cursor there;
 * returns 0 (not on a row), 1 (clicked) or 2 (double-clicked). */
int ui_list_click(struct ui_list *l, const struct ui *ui, int y0, int height);

/* The text row i is searched in (buf may be used to build it). */
typedef const char *(*ui_row_text)(void *ctx, size_t i, char *buf, size_t size);
/* Asks for a text and moves to the next row holding it (ASCII letters
 * in any case); says so on the message line when none does. */
void ui_list_search(struct ui *ui, struct ui_list *l, ui_row_text fn, void *ctx);
void ui_list_release(struct ui_list *l);
/* Whether `hay` holds `needle`, ASCII letters in any case. */
int ui_contains(const char *hay, const char *needle);

#endif
