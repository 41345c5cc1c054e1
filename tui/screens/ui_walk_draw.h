/* ui_walk_draw.h - painting the walk (ui_walk_draw.c). */
#ifndef FC_UI_WALK_DRAW_H
#define FC_UI_WALK_DRAW_H

#include "ui_walk.h"

/* The screen runner's paint: the list, the current item's detail. */
void walk_paint(struct ui *ui, void *ctx);

#endif
