/* ui_answer.h - answering the current item of the walk (ui_answer.c): the
 * editors the walk's dispatcher calls.  `how` says whether the answer
 * settles the item's conflict. */
#ifndef FC_UI_ANSWER_H
#define FC_UI_ANSWER_H

#include "ui_walk.h"

void walk_edit(struct walk *w, enum walk_how how);                 /* Enter */
void walk_check(struct walk *w, const char *v, enum walk_how how); /* p, n */
void walk_fail(struct walk *w, enum walk_how how);  /* f, and F4 on a failed item */
void walk_edit_note(struct walk *w);                               /* F2 */
void walk_clear(struct walk *w);                                   /* F3 */

/* The answers of ODK's acknowledge and rank items (ui_answer_odk.c): 0 when
 * answered, -1 when cancelled or refused (the walk shows why). */
int walk_acknowledge(struct walk *w, size_t idx, enum walk_how how);
int walk_rank(struct walk *w, const struct form_item *it, size_t idx, enum walk_how how);

#endif
