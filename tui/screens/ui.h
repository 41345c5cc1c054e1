/* ui.h - what every screen of the terminal UI shares.
 *
 * One `struct ui` is passed to every screen: the workspace, the language and
 * theme in force, the message line, and what to repaint under a dialog.
 * There is no other state: ncurses' own (stdscr, LINES, COLS) is the only
 * global the UI touches.  Only the screens include curses.h (see
 * docs/ARCHITECTURE.md, "What each layer may use").
 *
 * Keys are ints: a character is its code point, a function key is
 * UI_FN(KEY_x), so one switch handles both.  Text from records is drawn only
 * through ui_put(), which shows control characters as ^X and cuts by display
 * width, never by bytes, with "…" where it cuts.
 */
#ifndef FC_UI_H
#define FC_UI_H

#include <curses.h>
#include <stddef.h>

#include "core/i18n.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

#define UI_MIN_COLS 40
#define UI_MIN_LINES 12

#define UI_FN(k) (0x200000 + (k))   /* above every code point */
#define UI_ESC 27
#define UI_CTRL(c) ((c) & 0x1f)

enum ui_role {
	R_NORMAL, R_TITLE, R_BAR_KEY, R_BAR_TEXT, R_SELECT, R_ERROR, R_INFO,
	R_PASS, R_FAIL, R_DIM, R_SECTION, R_WARN, R_FIELD, R_FRAME, R_ROLE_COUNT
};

enum ui_theme { THEME_NORMAL, THEME_HIGH, THEME_MONO, THEME_COUNT };

/* One entry of a screen's function-key bar.  `key` is what a click on it
 * sends; `label` is how the key is written ("F2", "p", "Enter"). */
struct ui_keydef {
	int key;
	const char *label;
	const char *what;          /* N_("Note"): translated when drawn */
};

struct ui;
typedef void (*ui_paint_fn)(struct ui *ui, void *ctx);

struct ui {
	struct fc_workspace *ws;
	struct form_lang lang;      /* forms' texts and messages are read in it */
	struct form_lang locale_lang; /* the locale's, before Settings changed lang */
	enum ui_theme theme;
	int colors;                 /* the terminal has colours and we use them */
	attr_t attr[R_ROLE_COUNT];
	int quit;                   /* F10: every screen returns */
	char msg[600];              /* the message line, cleared by the next key */
	int msg_err;
	ui_paint_fn paint;          /* the screen under a dialog, or NULL */
	void *paint_ctx;
	const struct ui_keydef *bar; /* the key bar drawn last (for clicks) */
	size_t n_bar;
	int mouse_y, mouse_x;       /* where the last UI_FN(KEY_MOUSE) clicked */
	int mouse_double;
	int cursor_on, cursor_y, cursor_x; /* where an editor wants the cursor */
	char today[16];
};

/* ui_draw.c: text and frames. */
/* Draws UTF-8 `s` at (y, x) in at most `maxw` columns with attribute a;
 * controls become ^X, bad bytes '?'.  Text that does not fit is cut with
 * "…" in its last column.  Returns the columns used. */
int ui_put(int y, int x, const char *s, int maxw, attr_t a);
/* The same in a column of exactly w columns (cut with "…" or padded);
 * returns w + 1, the step to the next column. */
int ui_col(int y, int x, const char *s, int w, attr_t a);
/* The mark of a cut ("…") at (y, x), unless the row ends in one already:
 * a text goes on past its place. */
void ui_cut_mark(int y, int x, attr_t a);
/* Columns ui_put would use for all of s. */
int ui_width(const char *s);
/* Bytes of s that fit in `width` columns as ui_put draws them. */
size_t ui_fit(const char *s, int width);
/* Splits s into lines of at most `width` columns, never inside a character:
 * at spaces, and between Chinese characters (not before closing or after
 * opening punctuation); a word longer than a line is cut where it must be.
 * starts[k] and lens[k] give the byte ranges; returns the number of lines
 * (<= max). */
size_t ui_wrap(const char *s, int width, size_t *starts, size_t *lens, size_t max);
/* Rows s takes wrapped to `width` columns (0 for ""). */
int ui_text_rows(const char *s, int width);
/* Draws wrapped text in rows y..y+h-1 (at most 64), the last ending in "…"
 * when the text needs more; returns the rows used. */
int ui_put_wrapped(int y, int x, int w, int h, const char *s, attr_t a);
void ui_fill(int y, int x, int w, attr_t a);
void ui_box(int y, int x, int h, int w, attr_t a);
void ui_hline(int y, int x, int w, attr_t a);
/* The title line (row 0): title on the left, `right` on the right. */
void ui_title(struct ui *ui, const char *title, const char *right);
/* The key bar (last row); remembered for mouse clicks. */
void ui_keybar(struct ui *ui, const struct ui_keydef *keys, size_t n);
/* The key a click at column x of the bar means, or 0. */
int ui_keybar_hit(struct ui *ui, int x);
/* The message line (second-to-last row). */
void ui_msgline(struct ui *ui);
/* When the terminal is below UI_MIN_COLS x UI_MIN_LINES, draws a note
 * saying which size is needed and returns 1. */
int ui_too_small(struct ui *ui);

/* ui_msg.c: the message line. */
void ui_info(struct ui *ui, const char *fmt, ...) FC_PRINTF(2, 3);
void ui_error(struct ui *ui, const char *fmt, ...) FC_PRINTF(2, 3);
void ui_error_err(struct ui *ui, const struct fc_err *err);

/* ui_key.c: input. */
/* Refreshes, waits for a key and returns it (see UI_FN).  F10 sets
 * ui->quit.  A click on the key bar returns that key. */
int ui_getkey(struct ui *ui);
int ui_is_back(int key);          /* Esc or F10 */
int ui_is_enter(int key);
/* UTF-8 encoding of one code point into buf (>= 5 bytes); returns length. */
size_t ui_utf8_put(char *buf, unsigned cp);

/* ui_theme.c */
void ui_theme_apply(struct ui *ui);
const char *ui_theme_name(enum ui_theme t);      /* "normal", "high", "mono" */
int ui_theme_parse(const char *s, enum ui_theme *out);

/* ui_i18n.c */
/* Makes gettext speak `lang` from now on. */
void ui_lang_apply(struct form_lang lang);

/* ui_help.c: F1 / '?': the screen's keys and what they do. */
struct ui_help {
	const char *keys;
	const char *what;           /* N_() */
};
void ui_help(struct ui *ui, const char *title, const struct ui_help *h, size_t n);

/* Lets a dialog repaint the screen under it (after a resize). */
void ui_paint_under(struct ui *ui);
void ui_set_paint(struct ui *ui, ui_paint_fn fn, void *ctx, ui_paint_fn *old_fn,
		  void **old_ctx);

#endif
