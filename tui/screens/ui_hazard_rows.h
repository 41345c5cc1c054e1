/* ui_hazard_rows.h - the rows of the hazard screen below its head: the
 * hazard's own files, then its events, each followed by the files that
 * document it (ui_hazard_rows.c). */
#ifndef FC_UI_HAZARD_ROWS_H
#define FC_UI_HAZARD_ROWS_H

#include "ui.h"
#include "core/model.h"

/* A row: an event (ev, drawn by the screen), or a line of text. */
struct haz_row {
	int is_event;
	size_t ev;
	enum ui_role role;
	int indent;
	char *text;
};

struct haz_rows {
	struct haz_row *v;
	size_t n, alloc;
};

/* The rows of h, anew; a file whose bytes are not on this laptop says so. */
void haz_rows_build(struct haz_rows *r, struct ui *ui, const struct fc_hazard *h);
void haz_rows_release(struct haz_rows *r);

#endif
