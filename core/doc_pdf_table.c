/* doc_pdf_table.c - the PDF's tables: column widths shared out by what the
 * cells hold, rows as high as their tallest cell, the header row again at
 * the top of each page the table runs onto (see doc_pdf_impl.h). */
#include "doc_pdf_impl.h"

/* Shares out the width among n columns of natural widths nat: when all
 * fit, each its own and the rest evenly; else the narrow ones (below an
 * even share of what is left) keep theirs, and the wide ones share the
 * rest by their natural widths. */
static void share(struct pdf *p, const double *nat, size_t n)
{
	double left = p->w, sum = 0;
	int fixed[MAX_COLS] = { 0 }, more = 1;
	size_t k, n_wide = n;

	for (k = 0; k < n; k++)
		sum += nat[k];
	if (sum <= p->w) {
		for (k = 0; k < n; k++)
			p->col[k] = nat[k] + (p->w - sum) / n;
		return;
	}
	while (more && n_wide) {
		more = 0;
		for (k = 0; k < n; k++)
			if (!fixed[k] && nat[k] <= left / n_wide) {
				fixed[k] = more = 1;
				p->col[k] = nat[k];
				left -= nat[k];
				n_wide--;
			}
	}
	for (sum = 0, k = 0; k < n; k++)
		sum += fixed[k] ? 0 : nat[k];
	for (k = 0; k < n; k++)
		if (!fixed[k])
			p->col[k] = left * nat[k] / sum;
}

/* The widths of the table whose rows start at blocks[i] (share). */
void pdf_widths(struct pdf *p, size_t i)
{
	const struct doc *d = p->d;
	double nat[MAX_COLS] = { 0 }, w;
	size_t j, k, n = 0;

	for (j = i; j < d->n; j++) {
		if (d->blocks[j].kind == DB_PHOTO) /* under a row: the table goes on */
			continue;
		if (d->blocks[j].kind != DB_ROW || (j > i && d->blocks[j].header))
			break;
		for (k = 0; k < d->blocks[j].n_cells && k < MAX_COLS; k++) {
			int pw, ph;
			pdf_set(p, d->blocks[j].cells[k], d->blocks[j].header ? p->bold : p->body, 0,
			    PANGO_ALIGN_LEFT);
			pango_layout_get_size(p->lay, &pw, &ph);
			w = (double)pw / PANGO_SCALE + 2 * CELL_PAD + 1;
			if (w > nat[k])
				nat[k] = w;
			if (k + 1 > n)
				n = k + 1;
		}
	}
	share(p, nat, n);
}

static double row_height(struct pdf *p, const struct doc_block *b)
{
	double h = 0, c;
	size_t k;

	for (k = 0; k < b->n_cells && k < MAX_COLS; k++) {
		c = pdf_set(p, b->cells[k], b->header ? p->bold : p->body, p->col[k] - 2 * CELL_PAD,
			PANGO_ALIGN_LEFT);
		if (c > h)
			h = c;
	}
	return h + 2 * CELL_PAD;
}

static void draw_row(struct pdf *p, const struct doc_block *b, double h)
{
	double x = MARGIN_LEFT;
	size_t k;

	for (k = 0; k < b->n_cells && k < MAX_COLS; k++) {
		pdf_set(p, b->cells[k], b->header ? p->bold : p->body, p->col[k] - 2 * CELL_PAD,
		    PANGO_ALIGN_LEFT);
		pdf_show(p, x + CELL_PAD, p->y + CELL_PAD);
		if (p->draw) {
			cairo_rectangle(p->cr, x, p->y, p->col[k], h);
			cairo_set_line_width(p->cr, 0.6);
			cairo_stroke(p->cr);
		}
		x += p->col[k];
	}
	p->y += h;
}

/* A row; on a new page the header row comes again first. */
void pdf_row(struct pdf *p, const struct doc_block *b)
{
	double h = row_height(p, b);

	if (b->header)
		p->head = b;
	if ((pdf_need(p, h) || p->head_due) && p->head && p->head != b)
		draw_row(p, p->head, row_height(p, p->head));
	p->head_due = 0;
	draw_row(p, b, h);
}
