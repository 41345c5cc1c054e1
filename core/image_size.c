/* image_size.c - a JPEG's and a PNG's size from their headers (see
 * image_size.h). */
#include <string.h>

#include "image_size.h"
#include "i18n.h"

static int side_check(unsigned w, unsigned h, struct fc_err *err)
{
	if (w == 0 || h == 0)
		return fc_fail(err, _("the image says it is %u x %u pixels"), w, h);
	if (w > IMAGE_SIDE_MAX || h > IMAGE_SIDE_MAX || (uint64_t)w * h > IMAGE_PIXELS_MAX)
		return fc_fail(err, _("the image is %u x %u pixels, more than a document "
				      "prints (at most %u a side, %u megapixels)"),
			       w, h, (unsigned)IMAGE_SIDE_MAX, IMAGE_PIXELS_MAX / 1000000u);
	return 0;
}

/* A frame header: baseline, extended, progressive, lossless, in either
 * coding (not DHT 0xc4, JPG 0xc8, DAC 0xcc). */
static int is_sof(unsigned m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

int jpeg_size(const unsigned char *buf, size_t len, unsigned *w, unsigned *h,
	      struct fc_err *err)
{
	size_t pos = 2, seg, n;

	*w = *h = 0;
	if (len > IMAGE_SIZE_READ)
		len = IMAGE_SIZE_READ;
	if (len < 2 || buf[0] != 0xff || buf[1] != 0xd8)
		return fc_fail(err, _("not a JPEG"));
	for (n = 0; n < IMAGE_SIZE_MAX_SEGMENTS && pos + 4 <= len; n++) {
		unsigned m = buf[pos + 1];
		if (buf[pos] != 0xff)
			return fc_fail(err, _("JPEG marker expected at byte %zu"), pos);
		if (m == 0xff) {                        /* fill byte */
			pos++;
			continue;
		}
		if (m == 0xd9 || m == 0xda)             /* end, or the image data */
			break;
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			pos += 2;
			continue;
		}
		seg = (size_t)buf[pos + 2] << 8 | buf[pos + 3];
		if (seg < 2)
			return fc_fail(err, _("JPEG segment of length %zu at byte %zu"), seg, pos);
		if (is_sof(m)) {
			if (seg < 8 || pos + 9 > len)
				return fc_fail(err, _("JPEG frame header cut short at byte %zu"), pos);
			*h = (unsigned)buf[pos + 5] << 8 | buf[pos + 6];
			*w = (unsigned)buf[pos + 7] << 8 | buf[pos + 8];
			return side_check(*w, *h, err) ? (*w = *h = 0, -1) : 0;
		}
		pos += 2 + seg;
	}
	return fc_fail(err, _("no JPEG frame header in the first %zu bytes"), len);
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

int png_size(const unsigned char *buf, size_t len, unsigned *w, unsigned *h,
	     struct fc_err *err)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	*w = *h = 0;
	if (len < 8 || memcmp(buf, sig, 8))
		return fc_fail(err, _("not a PNG"));
	if (len < 24 || be32(buf + 8) != 13 || memcmp(buf + 12, "IHDR", 4))
		return fc_fail(err, _("PNG without its IHDR chunk first"));
	*w = be32(buf + 16);
	*h = be32(buf + 20);
	return side_check(*w, *h, err) ? (*w = *h = 0, -1) : 0;
}
