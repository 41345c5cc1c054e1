/* image_size.h - a photo's width and height in pixels, read from its header
 * without decoding it: a JPEG's frame header (SOFn), a PNG's IHDR chunk.
 *
 * The printable documents lay a photo out by its size before drawing it
 * (core/doc_pdf_photo.c), and cairo is given a JPEG's bytes as they are,
 * so the size must come from the bytes themselves.  The file comes from
 * anyone's camera or phone: only the first IMAGE_SIZE_READ bytes are ever
 * looked at, at most IMAGE_SIZE_MAX_SEGMENTS segments are walked, and a
 * side above IMAGE_SIDE_MAX or an area above IMAGE_PIXELS_MAX is refused
 * (what a document would have to hold for it).
 */
#ifndef FC_IMAGE_SIZE_H
#define FC_IMAGE_SIZE_H

#include <stddef.h>
#include <stdint.h>
#include "err.h"

/* Exif (64 KiB at most per segment), ICC profiles and a phone's second
 * pictures come before the frame header; 1 MiB holds them all in practice. */
#define IMAGE_SIZE_READ (1024 * 1024)
#define IMAGE_SIZE_MAX_SEGMENTS 4096
/* cairo's images are at most 32767 pixels a side; 200 megapixels is twice
 * the largest phone camera's. */
#define IMAGE_SIDE_MAX 32767
#define IMAGE_PIXELS_MAX (200u * 1000 * 1000)

/* The size of the JPEG whose first len bytes are buf (bytes past
 * IMAGE_SIZE_READ are ignored): 0, or -1 saying why (not a JPEG, cut short
 * before its frame header, no frame header, a side of 0 or too large). */
int jpeg_size(const unsigned char *buf, size_t len, unsigned *w, unsigned *h,
	      struct fc_err *err);
/* The same for a PNG (its IHDR chunk, which must come first). */
int png_size(const unsigned char *buf, size_t len, unsigned *w, unsigned *h,
	     struct fc_err *err);

#endif
