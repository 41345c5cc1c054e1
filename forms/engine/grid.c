/* grid.c - a CSV sheet as a table of cells (see grid.h). */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/csv.h"
#include "forms/engine/grid.h"

static char **new_row(size_t cols)
{
	char **r = xcalloc(cols ? cols : 1, sizeof *r);
	size_t k;

	for (k = 0; k < cols; k++)
		r[k] = xstrdup("");
	return r;
}

int grid_read(const char *text, struct grid *g, struct fc_err *err)
{
	struct csv c;
	size_t r, k;

	memset(g, 0, sizeof *g);
	if (!text || !*text)
		return 0;
	if (csv_parse(text, strlen(text), NULL, &c, err))
		return -1;
	for (r = 0; r < c.n; r++)
		if (c.rows[r].n > g->cols)
			g->cols = c.rows[r].n;
	for (r = 0; r < c.n; r++) {
		char **row = grid_add_row(g);
		g->line[g->rows - 1] = c.rows[r].line;
		for (k = 0; k < c.rows[r].n; k++) {
			free(row[k]);
			row[k] = xstrdup(c.rows[r].cells[k].s);
		}
	}
	csv_release(&c);
	return 0;
}

char *grid_text(const struct grid *g)
{
	struct strbuf sb;
	size_t r, k;

	strbuf_init(&sb);
	for (r = 0; r < g->rows; r++) {
		for (k = 0; k < g->cols; k++) {
			if (k)
				strbuf_addc(&sb, ',');
			csv_add_field(&sb, g->cell[r][k]);
		}
		strbuf_addc(&sb, '\n');
	}
	return strbuf_detach(&sb);
}

static void free_row(char **row, size_t cols)
{
	size_t k;

	for (k = 0; k < cols; k++)
		free(row[k]);
	free(row);
}

void grid_release(struct grid *g)
{
	size_t r;

	for (r = 0; r < g->rows; r++)
		free_row(g->cell[r], g->cols);
	free(g->cell);
	free(g->line);
	memset(g, 0, sizeof *g);
}

int grid_col(const struct grid *g, const char *name)
{
	size_t k;

	for (k = g->cols; g->rows && k-- > 0;)
		if (!strcmp(g->cell[0][k], name))
			return (int)k;
	return -1;
}

size_t grid_add_col(struct grid *g, const char *name)
{
	size_t r;

	if (!g->rows)
		grid_add_row(g);
	for (r = 0; r < g->rows; r++) {
		g->cell[r] = xreallocarray(g->cell[r], g->cols + 1, sizeof *g->cell[r]);
		g->cell[r][g->cols] = xstrdup(r ? "" : name);
	}
	return g->cols++;
}

void grid_drop_col(struct grid *g, size_t col)
{
	size_t r;

	for (r = 0; r < g->rows; r++) {
		free(g->cell[r][col]);
		memmove(&g->cell[r][col], &g->cell[r][col + 1],
			(g->cols - col - 1) * sizeof *g->cell[r]);
	}
	g->cols--;
}

char **grid_add_row(struct grid *g)
{
	size_t alloc = g->alloc;

	ALLOC_GROW(g->cell, g->rows + 1, g->alloc);
	if (alloc != g->alloc)
		g->line = xreallocarray(g->line, g->alloc, sizeof *g->line);
	g->line[g->rows] = 0;
	g->cell[g->rows] = new_row(g->cols);
	return g->cell[g->rows++];
}

void grid_drop_row(struct grid *g, size_t row)
{
	free_row(g->cell[row], g->cols);
	memmove(&g->cell[row], &g->cell[row + 1], (g->rows - row - 1) * sizeof *g->cell);
	memmove(&g->line[row], &g->line[row + 1], (g->rows - row - 1) * sizeof *g->line);
	g->rows--;
}

void grid_set(struct grid *g, size_t row, size_t col, const char *s)
{
	free(g->cell[row][col]);
	g->cell[row][col] = xstrdup(s);
}
