/* grid.h - a CSV sheet as a table of cells to change, and written back.
 *
 * For the few places that rewrite a form's sheet rather than read it (the
 * ODK export and its undoing, forms/engine/odk.c): every row as wide as the
 * widest, each row's first line in the text it came from kept, and the
 * text written back quoted as csv_add_field does, so a sheet read and
 * written unchanged is the same bytes as a spreadsheet's export of it.
 */
#ifndef FC_FORMS_GRID_H
#define FC_FORMS_GRID_H

#include <stddef.h>
#include "core/err.h"

struct grid {
	char ***cell;   /* cell[row][col], each a string of its own */
	int *line;      /* the line each row started on (0: a row added) */
	size_t rows, cols, alloc;
};

/* Reads the CSV text (NULL or "": no rows).  0, or -1 with err. */
int grid_read(const char *csv, struct grid *g, struct fc_err *err);
/* The grid as CSV, one line per row (a new string). */
char *grid_text(const struct grid *g);
void grid_release(struct grid *g);

/* The column whose header (row 0) is exactly name, the last such; -1. */
int grid_col(const struct grid *g, const char *name);
/* Appends a column headed name, empty below; its index. */
size_t grid_add_col(struct grid *g, const char *name);
void grid_drop_col(struct grid *g, size_t col);
/* Appends an empty row; its cells. */
char **grid_add_row(struct grid *g);
void grid_drop_row(struct grid *g, size_t row);
/* Replaces a cell's text. */
void grid_set(struct grid *g, size_t row, size_t col, const char *s);

#endif
