/* ui_walk_conflict.h - c, F7 on an item answered differently on two
 * devices (ui_walk_conflict.c). */
#ifndef FC_UI_WALK_CONFLICT_H
#define FC_UI_WALK_CONFLICT_H

#include "ui_walk.h"

/* Offers the values to keep, and "answer anew".  Keeps the value chosen
 * (inspect_resolve); returns 1 when the person asked to answer anew (the
 * caller opens the item's editor with WALK_RESOLVE), else 0. */
int walk_resolve(struct walk *w);

#endif
