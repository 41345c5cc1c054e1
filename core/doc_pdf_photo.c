/* doc_pdf_photo.c - the PDF's photos (see doc_pdf_impl.h): scaled to the
 * text column and at most PHOTO_MAX_H high, so that a page holds two or
 * three with their captions.
 *
 * A JPEG goes into the PDF as it is (cairo writes the bytes given as its
 * mime data as a DCT image, never decoding them): the image surface it
 * hangs on is of the JPEG's size but of one bit a pixel (CAIRO_FORMAT_A1,
 * 1.5 MB for 12 megapixels), never drawn.  A PNG is decoded by cairo's
 * reader, 4 bytes a pixel, so at most PHOTO_PNG_PIXELS_MAX.  The measuring
 * pass reads only the header; the drawing pass reads one photo at a time,
 * its bytes hashed again (evidence_open). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "doc_pdf_impl.h"
#include "evidence_store.h"
#include "fileio.h"
#include "i18n.h"
#include "image_size.h"

#define PHOTO_INDENT 22.0
#define PHOTO_MAX_H (62 * PT_PER_MM)
/* 16 megapixels decode to 64 MiB. */
#define PHOTO_PNG_PIXELS_MAX (16u * 1000 * 1000)

/* The photo's size from its header, or why it cannot be drawn. */
static void probe(struct pdf *p, const struct doc_block *b, struct pdf_img *img)
{
	struct fc_err err = { 0 };
	struct strbuf head;
	int fd, png = !strcmp(b->c, "image/png");

	memset(img, 0, sizeof *img);
	strbuf_init(&head);
	if (!*b->a || !doc_photo_drawn(b->c) || !p->d->ev) {
		img->why[0] = '\0';
		strbuf_release(&head);
		return;
	}
	if (evidence_open(p->d->ev, b->a, &fd, NULL, &err) == 0) {
		if (file_read_fd(fd, IMAGE_SIZE_READ, &head))
			fc_fail(&err, _("cannot read it: %s"), strerror(errno));
		close(fd);
	}
	if (!err.msg[0] && (png ? png_size : jpeg_size)((unsigned char *)head.buf, head.len,
							&img->w, &img->h, &err) == 0)
		img->ok = 1;
	if (img->ok && png && (unsigned long long)img->w * img->h > PHOTO_PNG_PIXELS_MAX) {
		img->ok = 0;
		fc_fail(&err, _("a PNG of %u x %u pixels, more than a document draws (%u "
				"megapixels)"), img->w, img->h, PHOTO_PNG_PIXELS_MAX / 1000000u);
	}
	if (!img->ok)
		snprintf(img->why, sizeof img->why, "%s", err.msg);
	strbuf_release(&head);
}

static cairo_status_t png_read(void *ctx, unsigned char *data, unsigned int len)
{
	int fd = *(int *)ctx;
	ssize_t n;

	while (len) {
		n = read(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return CAIRO_STATUS_READ_ERROR;
		data += n;
		len -= (unsigned)n;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* A JPEG's bytes as the mime data of a one-bit surface of its size. */
static cairo_surface_t *jpeg_surface(const struct pdf_img *img, int fd, uint64_t max)
{
	cairo_surface_t *s;
	struct strbuf sb;
	size_t len;
	char *data;

	strbuf_init(&sb);
	if (file_read_fd(fd, (size_t)max, &sb) || sb.len > max) {
		strbuf_release(&sb);
		return NULL;
	}
	s = cairo_image_surface_create(CAIRO_FORMAT_A1, (int)img->w, (int)img->h);
	len = sb.len;
	data = strbuf_detach(&sb);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (unsigned char *)data, len,
					free, data) != CAIRO_STATUS_SUCCESS) {
		free(data);
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}

/* The photo's surface, its bytes checked again; NULL when they no longer
 * read back as measured (changed or gone since). */
static cairo_surface_t *surface(struct pdf *p, const struct doc_block *b,
				const struct pdf_img *img)
{
	struct fc_err err = { 0 };
	cairo_surface_t *s = NULL;
	int fd;

	if (evidence_open(p->d->ev, b->a, &fd, NULL, &err))
		return NULL;
	if (!strcmp(b->c, "image/png"))
		s = cairo_image_surface_create_from_png_stream(png_read, &fd);
	else
		s = jpeg_surface(img, fd, p->d->ev->max_bytes);
	close(fd);
	if (s && (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
		  cairo_image_surface_get_width(s) != (int)img->w ||
		  cairo_image_surface_get_height(s) != (int)img->h)) {
		cairo_surface_destroy(s);
		s = NULL;
	}
	return s;
}

/* A file not drawn: its line, and why when it should have been. */
static void line(struct pdf *p, const struct doc_block *b, const struct pdf_img *img)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, b->b);
	if (*b->a)
		strbuf_addf(&sb, " (%s)", img->why[0] ? img->why : b->c);
	pdf_text(p, sb.buf, p->body, PHOTO_INDENT, 2, PANGO_ALIGN_LEFT);
	strbuf_release(&sb);
}

static void draw(struct pdf *p, const struct doc_block *b, const struct pdf_img *img,
		 double scale)
{
	cairo_surface_t *s = surface(p, b, img);

	if (!s) { /* gone bad since it was measured: say so where it was to go */
		pdf_set(p, _("(this photo no longer reads back as kept)"), p->body,
			p->w - PHOTO_INDENT, PANGO_ALIGN_LEFT);
		pdf_show(p, MARGIN_LEFT + PHOTO_INDENT, p->y);
		return;
	}
	cairo_save(p->cr);
	cairo_translate(p->cr, MARGIN_LEFT + PHOTO_INDENT, p->y);
	cairo_scale(p->cr, scale, scale);
	cairo_set_source_surface(p->cr, s, 0, 0);
	cairo_paint(p->cr);
	cairo_restore(p->cr);
	cairo_surface_destroy(s);
}

void pdf_photo(struct pdf *p, size_t i)
{
	const struct doc_block *b = &p->d->blocks[i];
	struct pdf_img *img = &p->img[i];
	double scale = 1, ch;

	if (!p->draw)
		probe(p, b, img);
	if (!img->ok) {
		line(p, b, img);
		return;
	}
	if ((p->w - PHOTO_INDENT) / img->w < scale)
		scale = (p->w - PHOTO_INDENT) / img->w;
	if (PHOTO_MAX_H / img->h < scale)
		scale = PHOTO_MAX_H / img->h;
	ch = pdf_set(p, b->b, p->body, p->w - PHOTO_INDENT, PANGO_ALIGN_LEFT);
	if (pdf_need(p, 6 + img->h * scale + 2 + ch))
		p->head_due = 1;
	p->y += 6;
	if (p->draw)
		draw(p, b, img, scale);
	p->y += img->h * scale + 2;
	pdf_set(p, b->b, p->body, p->w - PHOTO_INDENT, PANGO_ALIGN_LEFT);
	pdf_show(p, MARGIN_LEFT + PHOTO_INDENT, p->y);
	p->y += ch;
}
