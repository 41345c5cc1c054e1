/* ui_filerows.h - the rows that describe one file attached as evidence,
 * the same on the record screen and the hazard screen (ui_filerows.c). */
#ifndef FC_UI_FILEROWS_H
#define FC_UI_FILEROWS_H

#include "ui.h"
#include "core/model.h"

/* Takes one row: its role, its indent and its text (the caller copies it). */
typedef void ui_file_row_fn(void *ctx, enum ui_role role, int indent, const char *text);

/* Emits a's rows at indent: name, type, size and `what` (e.g. " · for
 * <item>", may be ""); when and where taken; who attached it (`by`, already
 * a display name) and when, and whether it was withdrawn; and, on a row of
 * its own so a narrow screen does not cut it, that its bytes are not here
 * when `here` is 0. */
void ui_file_rows(const struct fc_attachment *a, const char *by, const char *what, int here,
		  int indent, ui_file_row_fn *emit, void *ctx);

#endif
