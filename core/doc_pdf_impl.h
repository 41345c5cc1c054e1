/* doc_pdf_impl.h - what the PDF renderer's files share (see doc_pdf.c):
 * the page's geometry, the state of a pass, and the page (doc_pdf_page.c)
 * and table (doc_pdf_table.c) layout. */
#ifndef FC_DOC_PDF_IMPL_H
#define FC_DOC_PDF_IMPL_H

#include <pango/pangocairo.h>

#include "doc.h"

#define PT_PER_MM (72.0 / 25.4)
#define PAGE_W (210 * PT_PER_MM)
#define PAGE_H (297 * PT_PER_MM)
#define MARGIN_TOP (25 * PT_PER_MM)
#define MARGIN_LEFT (25 * PT_PER_MM)
#define MARGIN_RIGHT (20 * PT_PER_MM)
#define MARGIN_BOTTOM (25 * PT_PER_MM)
#define FONT_FAMILY "Noto Serif CJK SC,Noto Sans CJK SC,WenQuanYi Micro Hei,serif"
#define MAX_COLS 16
#define CELL_PAD 3.0
#define SEAL_R (21 * PT_PER_MM)

/* A photo as the measuring pass found it (doc_pdf_photo.c). */
struct pdf_img {
	int ok;              /* drawn, w x h pixels; else a line, why says why */
	unsigned w, h;
	char why[sizeof ((struct fc_err *)0)->msg];
};

struct pdf {
	const struct doc *d;
	struct pdf_img *img; /* one per block, filled for DB_PHOTO's */
	cairo_t *cr;
	PangoLayout *lay;
	PangoFontDescription *body, *bold, *big, *mark;
	int draw;            /* 0: the measuring pass */
	int page, pages;
	double y, w;         /* where the next block goes; the text's width */
	double col[MAX_COLS];
	const struct doc_block *head; /* the table's header row, repeated */
	int head_due;        /* a photo under a row broke the page: the header
			      * row comes again before the next row */
};

/* Sets up the layout for s in font f, `width` wide (0: no wrapping);
 * returns its height. */
double pdf_set(struct pdf *p, const char *s, PangoFontDescription *f, double width,
	       PangoAlignment align);
/* Draws the layout at (x, y), in the drawing pass only. */
void pdf_show(struct pdf *p, double x, double y);
/* The page's footer: 第 n 页 共 m 页 (Page n of m). */
void pdf_footer(struct pdf *p);
/* Ends the page (its footer) and starts the next (its draft mark). */
void pdf_new_page(struct pdf *p);
/* Room for h more points on this page, else the next page: 1 if it broke. */
int pdf_need(struct pdf *p, double h);
/* One flowing text at indent x, with space before it. */
void pdf_text(struct pdf *p, const char *s, PangoFontDescription *f, double x, double before,
	      PangoAlignment align);
/* The column widths of the table whose rows start at blocks[i]. */
void pdf_widths(struct pdf *p, size_t i);
/* A table row; on a new page the header row comes again first. */
void pdf_row(struct pdf *p, const struct doc_block *b);
/* The photo of blocks[i] with its caption, or its line (doc_pdf_photo.c). */
void pdf_photo(struct pdf *p, size_t i);

#endif
