/* ui_run.h - the screen runner: one loop for every screen, one keymap per
 * screen.
 *
 * A screen used to write each key three times (its key bar, its help table,
 * its switch) and repeat the same loop (paint, key, help, Esc).  Now it
 * gives a keymap and two functions: `paint` draws the screen without the
 * message line and the key bar, `act` does what a request asks.  The runner
 * makes the key bar and the F1 help from the keymap and dispatches keys to
 * the requests, as tig's view_ops and keymaps do.
 */
#ifndef FC_UI_RUN_H
#define FC_UI_RUN_H

#include "ui.h"

#define UI_RUN_MAX_KEYS 24    /* entries of one keymap */

/* Requests every screen shares; a screen numbers its own from UI_REQ_SCREEN. */
enum {
	UI_REQ_NONE,             /* a key of no entry: moving, clicks */
	UI_REQ_HELP,             /* the runner shows the help */
	UI_REQ_BACK,             /* the runner returns */
	UI_REQ_SCREEN
};

/* One entry: the keys that send a request, how the bar and the help show
 * it.  An entry with no `label` is not on the bar, one with no `help_keys`
 * not in the help. */
struct ui_keymap {
	int keys[4];             /* what sends it, 0 ends the list early */
	int req;
	const char *label;       /* on the bar: "F2"; a click there sends keys[0] */
	const char *what;        /* N_("Show"): the bar's word */
	const char *help_keys;   /* in the help: "F2  Tab" */
	const char *help;        /* N_(): the help's line */
	int prio;                /* a narrow bar drops the lowest first */
	unsigned modes;          /* 0: always; else only when mode(ctx) & modes;
				  * | UI_BAR_IN(m): on the bar only in modes m */
};

/* In `modes`: an entry that works (and is in the help) whenever it applies
 * but is on the bar only when mode(ctx) & m, so a key that matters in one
 * mode is written once.  The screen's modes use the low 16 bits. */
#define UI_BAR_IN(m) ((unsigned)(m) << 16)
#define UI_MODES_OF(modes) ((modes) & 0xffffu)

struct ui_screen {
	const char *help_title;  /* N_("Inspections: keys"), or NULL: no help */
	const struct ui_keymap *keys;
	size_t n_keys;
	/* Draws the screen below the title and above the message line. */
	void (*paint)(struct ui *ui, void *ctx);
	/* Does request `req` (UI_REQ_NONE for a key of no entry, with `key`);
	 * returns 1 to leave the screen. */
	int (*act)(struct ui *ui, void *ctx, int req, int key);
	/* Which entries apply now (NULL: all). */
	unsigned (*mode)(void *ctx);
	/* Called once after the first paint (NULL: none): a screen that reads
	 * slowly shows itself, key bar and all, and its progress meanwhile. */
	void (*start)(struct ui *ui, void *ctx);
};

/* Runs the screen until Esc, a request that leaves, or F10.  While the
 * terminal is too small, every key but a resize and F10 is ignored. */
void ui_run(struct ui *ui, const struct ui_screen *scr, void *ctx);

#endif
