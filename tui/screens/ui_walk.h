/* ui_walk.h - the walk's state, the bottom of its files: what the draft
 * holds (ui_walk_state.c).  The walk's files call one way only:
 *
 *   ui_walk.c          opens the draft, the keymap, dispatches each key to
 *     |                 one of the helpers below (and opens the review)
 *     +-> ui_answer.c       the editors: check, choice, text, note, hazard
 *     +-> ui_walk_conflict.c  c: keep one of two devices' answers
 *     +-> ui_walk_draw.c    painting
 *           all three use only this state, never each other nor ui_walk.c
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

/* How an answer is given: a plain answer, or one that settles the item's
 * conflict (inspect_resolve drops the other values).  The dispatcher picks
 * it from the item and passes it down; no field carries it. */
enum walk_how { WALK_ANSWER, WALK_RESOLVE };

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
	struct inspect_last last;   /* what ${last-saved#x} reads (loaded once:
				     * it depends on earlier inspections only) */
	char ent_name[MAX_NAME + 1];
	struct walk_row *rows;
	size_t n_rows;
	unsigned char *relevant, *required; /* per item of the form */
	size_t *clashes;            /* per item: other values kept (conflicts) */
	char **filled;              /* per item: its label with the ${name}s it
				     * shows filled in, or NULL (walk_label) */
	char **computed;            /* per item: a computed question's value
				     * (form_value), or NULL (walk_value) */
	struct ui_list l;           /* the cursor, over rows */
	int single;                 /* one item at a time, no list */
	int list_y, list_h;         /* the list as painted */
	char item_err[1024];        /* what went wrong with the current item */
	struct fc_hazard haz;       /* the current item's hazard, if it failed */
	int have_haz;
	char saved[MAX_ITEM + 1];   /* the item last saved as "where I was" */
	/* Per begin_repeat item: the instance its items show now (a uuid, ""
	 * while it has none).  The walk shows one instance of a repeat at a
	 * time under "Vehicle 2 of 3"; Up and Down go on into the next or
	 * previous one (ui_walk_repeat.c adds and removes them).  A repeat
	 * inside another shows one of the instances inside the one shown of
	 * that other (walk_parent). */
	char (*inst)[FC_UUID_LEN + 1];
};

/* Photos and files for the item under the cursor (a section's row: the
 * inspection itself); a media item (an image, audio ...) is answered so. */
void walk_attach(struct walk *w);
/* Re-reads the inspection, relevance, conflicts and the current item's
 * hazard. */
int walk_reload(struct walk *w);
/* After the cursor moved: the new item's hazard, no error of the last. */
void walk_moved(struct walk *w);
/* Select item i's choices: its list, or for a select_one ${q} q's answers
 * now, filled into *dyn (form_dyn_release it; an error said on screen
 * leaves it empty). */
const struct form_list *walk_choices(const struct walk *w, size_t i, struct form_list *dyn);
/* The choices of l, select item i's, offered given the answers (its
 * choice_filter): their indices into l, in out (room for all); returns
 * how many. */
size_t walk_offered(const struct walk *w, size_t i, const struct form_list *l, size_t *out);
/* The answer item i is offered (form_offer: its triggered calculation, its
 * default), a new string, or NULL. */
char *walk_offer(const struct walk *w, size_t i);
/* Item i's label in the UI's language, with the values its ${name}s show. */
const char *walk_label(const struct walk *w, size_t i);
/* Item's record key in the instance shown ("plate@<uuid>"), or its name;
 * buf holds MAX_ITEM_KEY + 1. */
const char *walk_key(const struct walk *w, size_t item, char *buf);
/* The repeat (its begin_repeat's index) the current row is in or heads,
 * or -1. */
long walk_repeat(const struct walk *w);
/* The instance shown of the repeat nested repeat rep is in ("" for a
 * repeat in none, or while that one has none): rep's instances shown are
 * those inside it. */
const char *walk_parent(const struct walk *w, size_t rep);
/* The row of item `item` (a header's too), or w->n_rows. */
size_t walk_row_of(const struct walk *w, size_t item);
const char *walk_value(const struct walk *w, size_t item);
const char *walk_note(const struct walk *w, size_t item);
/* The current row's item index, or -1 on a header. */
long walk_item(const struct walk *w);
/* Whether row r is an item the cursor stops on. */
int walk_stop(const struct walk *w, size_t r);
/* Moves to the next (dir 1) or previous (-1) stop; 0 if there was none. */
int walk_step(struct walk *w, int dir);
/* Stores an answer to the current item: inspect_answer, or, for
 * WALK_RESOLVE and a value that is not empty, inspect_resolve.  On failure
 * item_err and the message line say why.  0 or -1. */
int walk_answer(struct walk *w, const char *value, const char *note,
		const struct inspect_hazard *hz, enum walk_how how);
/* Answered / relevant questions inside group `g` (or the whole form for
 * g = -1). */
void walk_progress(const struct walk *w, long g, size_t *done, size_t *total);
/* How a value reads, whole (free() it): the choice labels of a select,
 * else the value. */
char *walk_value_text(const struct walk *w, size_t item, const char *v);
/* The warnings (forms/inspect/warnings.h) that apply now in the group of `item`:
 * up to `max` indexes into f->items in out[]; returns their count. */
size_t walk_warnings_of(const struct walk *w, size_t item, size_t *out, size_t max);
/* "Pass — 张三 (ZJ-0001), 2026-11-28 10:01 · note": an answer with who gave
 * it and when, as the conflict shows it (free() it). */
char *walk_answer_text(const struct walk *w, size_t item, const struct fc_answer *a);

#endif
