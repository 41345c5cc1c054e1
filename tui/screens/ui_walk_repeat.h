/* ui_walk_repeat.h - + and - in the walk: a repeat's instances
 * (ui_walk_repeat.c). */
#ifndef FC_UI_WALK_REPEAT_H
#define FC_UI_WALK_REPEAT_H

#include "ui_walk.h"

/* +: adds an instance to the repeat the cursor is in and shows it. */
void walk_add_instance(struct walk *w);
/* -: asks, then removes the instance shown; shows the next one. */
void walk_remove_instance(struct walk *w);

#endif
