/* ui_walk.h - the walk through a draft's checklist, shared by its parts:
 * ui_walk.c (loading, moving, the keymap run by ui_run), ui_walk_draw.c
 * (painting, above the message line) and
 * ui_answer.c (the editors for each type of item, notes, hazards).
 *
 * The inspection is re-read from the store after every answer: answering
 * one item can clear others that stop being relevant, and the store, not
 * the screen, is the truth.
 */
#ifndef FC_UI_WALK_H
#define FC_UI_WALK_H

#include "ui.h"
#include "ui_list.h"
#include "core/model.h"
#include "forms/engine/form.h"
#include "forms/inspect/inspect.h"

struct walk_row {
	size_t item;                /* index into f->items */
	int header;                 /* a group's begin_group */
	int depth;                  /* nesting of groups */
};

struct walk {
	struct ui *ui;
	char id[FC_UUID_LEN + 1];
	struct form *f;
	struct fc_inspection in;
	int have_in;
	char ent_name[MAX_NAME + 1];
	struct walk_row *rows;
	size_t n_rows;
	unsigned char *relevant, *required; /* per item of the form */
	struct ui_list l;           /* the cursor, over rows */
	int single;                 /* one item at a time, no list */
	int list_y, list_h;         /* the list as painted */
	char item_err[1024];        /* what went wrong with the current item */
	struct fc_hazard haz;       /* the current item's hazard, if it failed */
	int have_haz;
	char saved[MAX_ITEM + 1];   /* the item last saved as "where I was" */
};

/* ui_walk.c */
/* Re-reads the inspection, relevance and the current item's hazard. */
int walk_reload(struct walk *w);
const char *walk_value(const struct walk *w, size_t item);
const char *walk_note(const struct walk *w, size_t item);
/* The current row's item index, or -1 on a header. */
long walk_item(const struct walk *w);
/* Whether row r is an item the cursor stops on. */
int walk_stop(const struct walk *w, size_t r);
/* Moves to the next (dir 1) or previous (-1) stop; 0 if there was none. */
int walk_step(struct walk *w, int dir);
/* Answers the current item (inspect_answer), or, when `resolve` and the
 * value is not empty, settles its conflict with that answer
 * (inspect_resolve); on failure item_err and the message line say why.
 * 0 or -1. */
int walk_answer(struct walk *w, const char *value, const char *note,
		const struct inspect_hazard *hz, int resolve);
/* Answered / relevant questions inside group `g` (or the whole form for
 * g = -1). */
void walk_progress(const struct walk *w, long g, size_t *done, size_t *total);

/* ui_walk_conflict.c */
/* How many other values (conflicts) item `item` holds. */
size_t walk_conflicts_of(const struct walk *w, size_t item);
/* Paints the conflict section of the item's pane (both values, who gave
 * them, when) in rows y..y+h-1; returns the rows used (0: no conflict). */
int walk_conflict_paint(struct ui *ui, struct walk *w, size_t item, int y, int h);
/* c, F7: keep one of the values, or answer anew (inspect_resolve). */
void walk_resolve(struct walk *w);
/* The items with conflicting answers, as indexes into f->items, one per
 * item, in the order of in->conflicts; *n their count.  free() it. */
size_t *ui_conflict_items(const struct form *f, const struct fc_inspection *in, size_t *n);

/* ui_walk_draw.c */
void walk_paint(struct ui *ui, void *ctx);
/* How a value reads: the choice labels of a select, else the value. */
void walk_value_text(const struct walk *w, size_t item, const char *v, char *buf,
		     size_t size);

/* ui_answer.c: `resolve` says the answer settles the item's conflict. */
void walk_edit(struct walk *w, int resolve);                  /* Enter */
void walk_check(struct walk *w, const char *v, int resolve);  /* p, n (and f) */
void walk_fail(struct walk *w, int resolve);     /* f, and F4 on a failed item */
void walk_edit_note(struct walk *w);             /* F2 */
void walk_clear(struct walk *w);                 /* F3 */

#endif
