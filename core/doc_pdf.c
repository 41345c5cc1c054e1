/* doc_pdf.c - a document as a PDF a portable printer takes (see doc.h):
 * A4 pages laid out as the official forms are, made with cairo (the PDF)
 * and pango (line breaking and the shaping of Chinese text with the CJK
 * font fontconfig finds on the system).  Laid out twice: the first pass
 * only measures, to know the page count that "第 n 页 共 m 页" prints. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "doc.h"
#include "i18n.h"

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

struct pdf {
	const struct doc *d;
	cairo_t *cr;
	PangoLayout *lay;
	PangoFontDescription *body, *bold, *big, *mark;
	int draw;            /* 0: the measuring pass */
	int page, pages;
	double y, w;         /* where the next block goes; the text's width */
	double col[MAX_COLS];
	const struct doc_block *head; /* the table's header row, repeated */
};

/* Sets up the layout for s in font f, `width` wide (0: no wrapping);
 * returns its height. */
static double set(struct pdf *p, const char *s, PangoFontDescription *f, double width,
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

static void show(struct pdf *p, double x, double y)
{
	if (!p->draw)
		return;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->lay);
}

/* 草稿 DRAFT, large and light, across the middle of the page. */
static void watermark(struct pdf *p)
{
	int w, h;

	if (!p->draw || !p->d->draft)
		return;
	cairo_save(p->cr);
	cairo_translate(p->cr, PAGE_W / 2, PAGE_H / 2);
	cairo_rotate(p->cr, -M_PI / 6);
	cairo_set_source_rgba(p->cr, 0.8, 0, 0, 0.18);
	set(p, "草稿 DRAFT", p->mark, 0, PANGO_ALIGN_CENTER);
	pango_layout_get_size(p->lay, &w, &h);
	cairo_move_to(p->cr, -(double)w / PANGO_SCALE / 2, -(double)h / PANGO_SCALE / 2);
	pango_cairo_show_layout(p->cr, p->lay);
	cairo_restore(p->cr);
}

static void footer(struct pdf *p)
{
	char buf[96];

	if (!p->draw)
		return;
	if (p->d->zh)
		snprintf(buf, sizeof buf, "第 %d 页 共 %d 页", p->page, p->pages);
	else
		snprintf(buf, sizeof buf, "Page %d of %d", p->page, p->pages);
	set(p, buf, p->body, PAGE_W - MARGIN_LEFT - MARGIN_RIGHT, PANGO_ALIGN_CENTER);
	show(p, MARGIN_LEFT, PAGE_H - MARGIN_BOTTOM + 12);
}

static void new_page(struct pdf *p)
{
	if (p->page) {
		footer(p);
		if (p->draw)
			cairo_show_page(p->cr);
	}
	p->page++;
	p->y = MARGIN_TOP;
	watermark(p);
}

/* Room for h more points on this page, else the next page. */
static int need(struct pdf *p, double h)
{
	if (p->y + h <= PAGE_H - MARGIN_BOTTOM || p->y == MARGIN_TOP)
		return 0;
	new_page(p);
	return 1;
}

/* One flowing text at indent x, with space before it. */
static void text(struct pdf *p, const char *s, PangoFontDescription *f, double x, double before,
		 PangoAlignment align)
{
	double h;

	p->y += before;
	h = set(p, s, f, p->w - x, align);
	need(p, h);
	set(p, s, f, p->w - x, align);
	show(p, MARGIN_LEFT + x, p->y);
	p->y += h;
}

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
static void widths(struct pdf *p, size_t i)
{
	const struct doc *d = p->d;
	double nat[MAX_COLS] = { 0 }, w;
	size_t j, k, n = 0;

	for (j = i; j < d->n && d->blocks[j].kind == DB_ROW && (j == i || !d->blocks[j].header);
	     j++)
		for (k = 0; k < d->blocks[j].n_cells && k < MAX_COLS; k++) {
			int pw, ph;
			set(p, d->blocks[j].cells[k], d->blocks[j].header ? p->bold : p->body, 0,
			    PANGO_ALIGN_LEFT);
			pango_layout_get_size(p->lay, &pw, &ph);
			w = (double)pw / PANGO_SCALE + 2 * CELL_PAD + 1;
			if (w > nat[k])
				nat[k] = w;
			if (k + 1 > n)
				n = k + 1;
		}
	share(p, nat, n);
}

static double row_height(struct pdf *p, const struct doc_block *b)
{
	double h = 0, c;
	size_t k;

	for (k = 0; k < b->n_cells && k < MAX_COLS; k++) {
		c = set(p, b->cells[k], b->header ? p->bold : p->body, p->col[k] - 2 * CELL_PAD,
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
		set(p, b->cells[k], b->header ? p->bold : p->body, p->col[k] - 2 * CELL_PAD,
		    PANGO_ALIGN_LEFT);
		show(p, x + CELL_PAD, p->y + CELL_PAD);
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
static void row(struct pdf *p, const struct doc_block *b)
{
	double h = row_height(p, b);

	if (b->header)
		p->head = b;
	if (need(p, h) && p->head && p->head != b)
		draw_row(p, p->head, row_height(p, p->head));
	draw_row(p, b, h);
}

static void write_space(struct pdf *p, const struct doc_block *b)
{
	int i;

	text(p, b->a, p->bold, 0, 8, PANGO_ALIGN_LEFT);
	if (b->b) {
		text(p, b->b, p->body, 0, 2, PANGO_ALIGN_LEFT);
		return;
	}
	for (i = 0; i < b->lines; i++) {
		need(p, 22);
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

	need(p, 2 * SEAL_R + 60);
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
	h = set(p, b->c, p->body, 2 * SEAL_R, PANGO_ALIGN_CENTER);
	if (p->draw) {
		cairo_save(p->cr);
		cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
		show(p, cx - SEAL_R, p->y + SEAL_R / 2 - h / 2);
		cairo_restore(p->cr);
	}
	p->y += SEAL_R + 4;
	h = set(p, b->a, p->body, 2 * SEAL_R + 40, PANGO_ALIGN_CENTER);
	show(p, cx - SEAL_R - 20, p->y);
	p->y += h;
	h = set(p, b->b, p->body, 2 * SEAL_R + 40, PANGO_ALIGN_CENTER);
	show(p, cx - SEAL_R - 20, p->y);
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
	text(p, sb.buf, p->body, 0, before, PANGO_ALIGN_LEFT);
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
	need(p, h);
}

static void block(struct pdf *p, size_t i)
{
	const struct doc_block *b = &p->d->blocks[i];

	if (b->kind == DB_SIGN && (i == 0 || p->d->blocks[i - 1].kind != DB_SIGN))
		keep_signatures(p, i);

	if (b->kind == DB_ROW && (i == 0 || p->d->blocks[i - 1].kind != DB_ROW || b->header)) {
		widths(p, i);
		p->head = NULL;
		p->y += 4;
	}
	switch (b->kind) {
	case DB_HEADING: text(p, b->a, p->bold, 0, 10, PANGO_ALIGN_LEFT); break;
	case DB_PARA: text(p, b->a, p->body, 0, 6, PANGO_ALIGN_LEFT); break;
	case DB_ITEM: text(p, b->a, p->body, 22, 2, PANGO_ALIGN_LEFT); break;
	case DB_FIELD: field(p, b); break;
	case DB_ROW: row(p, b); break;
	case DB_WRITE: write_space(p, b); break;
	case DB_SIGN: sign(p, b); break;
	case DB_SEAL: seal(p, b); break;
	}
}

static void title(struct pdf *p)
{
	char buf[1024];

	snprintf(buf, sizeof buf, "%s%s", p->d->title, p->d->title_mark ? p->d->title_mark : "");
	text(p, buf, p->big, 0, 0, PANGO_ALIGN_CENTER);
	if (p->d->number)
		text(p, p->d->number, p->body, 0, 4, PANGO_ALIGN_RIGHT);
	p->y += 10;
}

static void pass(struct pdf *p, int draw)
{
	size_t i;

	p->draw = draw;
	p->page = 0;
	new_page(p);
	title(p);
	for (i = 0; i < p->d->n; i++)
		block(p, i);
	footer(p);
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
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS)
		return fc_failk(err, FC_EIO, _("cannot make the PDF: %s"),
				cairo_status_to_string(st));
	return 0;
}
