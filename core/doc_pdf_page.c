/* doc_pdf_page.c - the PDF's pages: text laid out with pango, the page
 * broken when full, each page's footer (第 n 页 共 m 页) and draft mark
 * (see doc_pdf_impl.h). */
#include <math.h>
#include <stdio.h>

#include "doc_pdf_impl.h"

/* Sets up the layout for s in font f, `width` wide (0: no wrapping);
 * returns its height. */
double pdf_set(struct pdf *p, const char *s, PangoFontDescription *f, double width,
	       PangoAlignment align)
{
	int w, h;

	pango_layout_set_font_description(p->lay, f);
	pango_layout_set_width(p->lay, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(p->lay, align);
	pango_layout_set_text(p->lay, s ? s : "", -1);
	pango_layout_get_size(p->lay, &w, &h);
	return (double)h / PANGO_SCALE;
}

void pdf_show(struct pdf *p, double x, double y)
{
	if (!p->draw)
		return;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->lay);
}

/* 草稿 DRAFT, large and light, across the middle of the page: drawn last,
 * over the text and the photos, so no photo hides it. */
static void watermark(struct pdf *p)
{
	int w, h;

	if (!p->draw || !p->d->draft)
		return;
	cairo_save(p->cr);
	cairo_translate(p->cr, PAGE_W / 2, PAGE_H / 2);
	cairo_rotate(p->cr, -M_PI / 6);
	cairo_set_source_rgba(p->cr, 0.8, 0, 0, 0.18);
	pdf_set(p, "草稿 DRAFT", p->mark, 0, PANGO_ALIGN_CENTER);
	pango_layout_get_size(p->lay, &w, &h);
	cairo_move_to(p->cr, -(double)w / PANGO_SCALE / 2, -(double)h / PANGO_SCALE / 2);
	pango_cairo_show_layout(p->cr, p->lay);
	cairo_restore(p->cr);
}

void pdf_footer(struct pdf *p)
{
	char buf[96];

	if (!p->draw)
		return;
	watermark(p);
	if (p->d->zh)
		snprintf(buf, sizeof buf, "第 %d 页 共 %d 页", p->page, p->pages);
	else
		snprintf(buf, sizeof buf, "Page %d of %d", p->page, p->pages);
	pdf_set(p, buf, p->body, PAGE_W - MARGIN_LEFT - MARGIN_RIGHT, PANGO_ALIGN_CENTER);
	pdf_show(p, MARGIN_LEFT, PAGE_H - MARGIN_BOTTOM + 12);
}

void pdf_new_page(struct pdf *p)
{
	if (p->page) {
		pdf_footer(p);
		if (p->draw)
			cairo_show_page(p->cr);
	}
	p->page++;
	p->y = MARGIN_TOP;
}

/* Room for h more points on this page, else the next page. */
int pdf_need(struct pdf *p, double h)
{
	if (p->y + h <= PAGE_H - MARGIN_BOTTOM || p->y == MARGIN_TOP)
		return 0;
	pdf_new_page(p);
	return 1;
}

/* One flowing text at indent x, with space before it. */
void pdf_text(struct pdf *p, const char *s, PangoFontDescription *f, double x, double before,
	      PangoAlignment align)
{
	double h;

	p->y += before;
	h = pdf_set(p, s, f, p->w - x, align);
	pdf_need(p, h);
	pdf_set(p, s, f, p->w - x, align);
	pdf_show(p, MARGIN_LEFT + x, p->y);
	p->y += h;
}
