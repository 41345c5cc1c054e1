/* ui_record_impl.h - shared by the parts of the record screen: ui_record.c
 * (the screen, scrolling, amending) and ui_record_text.c (the record laid
 * out as lines to read).
 */
#ifndef FC_UI_RECORD_IMPL_H
#define FC_UI_RECORD_IMPL_H

#include "ui.h"
#include "ui_data.h"
#include "ui_scroll.h"
#include "core/model.h"
#include "forms/engine/form.h"

/* One line of the record: wrapped to the width when painted. */
struct rec_line {
	enum ui_role role;
	int indent;
	char *text;
};

struct rec {
	struct ui *ui;
	char id[FC_UUID_LEN + 1];
	struct fc_inspection in;
	int have_in;
	struct form *f;             /* the form it was filled with, or NULL */
	char ent_name[MAX_NAME + 1];
	struct data_haz hz;
	struct rec_line *lines;
	size_t n_lines, alloc;
	struct ui_scroll sc;        /* the rows in view (wrapped) */
};

/* ui_record.c: reads the inspection and lays it out again; 0 or -1 (said
 * on the message line). */
int rec_load(struct rec *r);

/* ui_record_amend.c: a: amends a finalized inspection (an item, its new
 * value checked against the form, a reason), then reads it again. */
void rec_amend(struct rec *r);

/* ui_record_text.c: lays the record out as lines (replacing those there). */
void rec_lines_build(struct rec *r);
void rec_lines_release(struct rec *r);

#endif
