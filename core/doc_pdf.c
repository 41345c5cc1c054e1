/* doc_pdf.c - a document as a PDF a portable printer takes (see doc.h):
 * A4 pages laid out as the official forms are, made with cairo (the PDF)
 * and pango (line breaking and the shaping of Chinese text with the CJK
 * font fontconfig finds on the system).  Laid out twice: the first pass
 * only measures, to know the page count that "第 n 页 共 m 页" prints. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "doc_pdf_impl.h"
#include "i18n.h"

static void write_space(struct pdf *p, const struct doc_block *b)
{
	int i;

	pdf_text(p, b->a, p->bold, 0, 8, PANGO_ALIGN_LEFT);
	if (b->b) {
		pdf_text(p, b->b, p->body, 0, 2, PANGO_ALIGN_LEFT);
		return;
	}
	for (i = 0; i < b->lines; i++) {
		pdf_need(p, 22);
		p->y += 22;
		if (p->draw) {
			cairo_move_to(p->cr, MARGIN_LEFT, p->y);
			cairo_line_to(p->cr, MARGIN_LEFT + p->w, p->y);
			cairo_set_line_width(p->cr, 0.5);
			cairo_stroke(p->cr);
		}
	}
}

/* The issuer and the date at the right, the seal's circle over them. */
static void seal(struct pdf *p, const struct doc_block *b)
{
	double cx = MARGIN_LEFT + p->w - SEAL_R - 20, h;

	pdf_need(p, 2 * SEAL_R + 60);
	p->y += 14;
	if (p->draw) {
		static const double dash[] = { 3.0 };
		cairo_save(p->cr);
		cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
		cairo_set_dash(p->cr, dash, 1, 0);
		cairo_set_line_width(p->cr, 0.8);
		cairo_new_path(p->cr);
		cairo_arc(p->cr, cx, p->y + SEAL_R, SEAL_R, 0, 2 * M_PI);
		cairo_stroke(p->cr);
		cairo_restore(p->cr);
	}
	h = pdf_set(p, b->c, p->body, 2 * SEAL_R, PANGO_ALIGN_CENTER);
	if (p->draw) {
		cairo_save(p->cr);
		cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
		pdf_show(p, cx - SEAL_R, p->y + SEAL_R / 2 - h / 2);
		cairo_restore(p->cr);
	}
	p->y += SEAL_R + 4;
	h = pdf_set(p, b->a, p->body, 2 * SEAL_R + 40, PANGO_ALIGN_CENTER);
	pdf_show(p, cx - SEAL_R - 20, p->y);
	p->y += h;
	h = pdf_set(p, b->b, p->body, 2 * SEAL_R + 40, PANGO_ALIGN_CENTER);
	pdf_show(p, cx - SEAL_R - 20, p->y);
	p->y += h + SEAL_R;
}

/* Strings joined in a buffer as long as they are (a team's list of
 * officers is long), laid out as one text. */
static void joined(struct pdf *p, const char *const *parts, size_t n, double before)
{
	struct strbuf sb;
	size_t k;

	strbuf_init(&sb);
	for (k = 0; k < n; k++)
		strbuf_adds(&sb, parts[k]);
	pdf_text(p, sb.buf, p->body, 0, before, PANGO_ALIGN_LEFT);
	strbuf_release(&sb);
}

static void sign(struct pdf *p, const struct doc_block *b)
{
	const char *parts[] = { b->a, "________________  ", b->b, "  ", b->c };

	joined(p, parts, ARRAY_SIZE(parts), 12);
}

/* A key and its value, or a line to fill the value in by hand. */
static void field(struct pdf *p, const struct doc_block *b)
{
	const char *parts[] = { b->a, *b->b ? b->b : "________________________" };

	joined(p, parts, ARRAY_SIZE(parts), 2);
}

/* The signature block (its lines and the seal after them) starts on a new
 * page rather than leave a line alone at the foot of one. */
static void keep_signatures(struct pdf *p, size_t i)
{
	const struct doc *d = p->d;
	double h = 0;
	size_t j;

	for (j = i; j < d->n && d->blocks[j].kind == DB_SIGN; j++)
		h += 30;
	if (j < d->n && d->blocks[j].kind == DB_SEAL)
		h += 2 * SEAL_R + 60;
	pdf_need(p, h);
}

/* The kind of the block before blocks[i], photos passed over: a table
 * goes on after the photos under its row. */
static int kind_before(const struct doc *d, size_t i)
{
	while (i > 0 && d->blocks[i - 1].kind == DB_PHOTO)
		i--;
	return i > 0 ? (int)d->blocks[i - 1].kind : -1;
}

static void block(struct pdf *p, size_t i)
{
	const struct doc_block *b = &p->d->blocks[i];

	if (b->kind == DB_SIGN && (i == 0 || p->d->blocks[i - 1].kind != DB_SIGN))
		keep_signatures(p, i);

	if (b->kind == DB_ROW && (kind_before(p->d, i) != DB_ROW || b->header)) {
		pdf_widths(p, i);
		p->head = NULL;
		p->head_due = 0;
		p->y += 4;
	}
	switch (b->kind) {
	case DB_HEADING: pdf_text(p, b->a, p->bold, 0, 10, PANGO_ALIGN_LEFT); break;
	case DB_PARA: pdf_text(p, b->a, p->body, 0, 6, PANGO_ALIGN_LEFT); break;
	case DB_ITEM: pdf_text(p, b->a, p->body, 22, 2, PANGO_ALIGN_LEFT); break;
	case DB_FIELD: field(p, b); break;
	case DB_ROW: pdf_row(p, b); break;
	case DB_WRITE: write_space(p, b); break;
	case DB_SIGN: sign(p, b); break;
	case DB_SEAL: seal(p, b); break;
	case DB_PHOTO: pdf_photo(p, i); break;
	}
}

static void title(struct pdf *p)
{
	char buf[1024];

	snprintf(buf, sizeof buf, "%s%s", p->d->title, p->d->title_mark ? p->d->title_mark : "");
	pdf_text(p, buf, p->big, 0, 0, PANGO_ALIGN_CENTER);
	if (p->d->number)
		pdf_text(p, p->d->number, p->body, 0, 4, PANGO_ALIGN_RIGHT);
	p->y += 10;
}

static void pass(struct pdf *p, int draw)
{
	size_t i;

	p->draw = draw;
	p->page = 0;
	pdf_new_page(p);
	title(p);
	for (i = 0; i < p->d->n; i++)
		block(p, i);
	pdf_footer(p);
	if (draw)
		cairo_show_page(p->cr);
}

static cairo_status_t append(void *ctx, const unsigned char *data, unsigned int len)
{
	strbuf_add(ctx, data, len);
	return CAIRO_STATUS_SUCCESS;
}

int doc_pdf(const struct doc *d, struct strbuf *out, struct fc_err *err)
{
	cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(append, out, PAGE_W, PAGE_H);
	cairo_status_t st;
	struct pdf p;

	memset(&p, 0, sizeof p);
	p.d = d;
	p.img = xcalloc(d->n ? d->n : 1, sizeof *p.img);
	p.w = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
	p.cr = cairo_create(surf);
	p.lay = pango_cairo_create_layout(p.cr);
	p.body = pango_font_description_from_string(FONT_FAMILY " 10.5");
	p.bold = pango_font_description_from_string(FONT_FAMILY " Bold 10.5");
	p.big = pango_font_description_from_string(FONT_FAMILY " Bold 18");
	p.mark = pango_font_description_from_string(FONT_FAMILY " Bold 72");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, d->title);
	pass(&p, 0);
	p.pages = p.page;
	pass(&p, 1);
	pango_font_description_free(p.body);
	pango_font_description_free(p.bold);
	pango_font_description_free(p.big);
	pango_font_description_free(p.mark);
	g_object_unref(p.lay);
	cairo_destroy(p.cr);
	free(p.img);
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS)
		return fc_failk(err, FC_EIO, _("cannot make the PDF: %s"),
				cairo_status_to_string(st));
	return 0;
}
