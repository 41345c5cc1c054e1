/* test_image_size.c - a photo's size from its header (core/image_size.h):
 * JPEG frame headers of each kind, after fill bytes and other segments; a
 * real camera's JPEG; and hostile input refused saying why, never a crash
 * (the sanitizers watch): cut at every byte, sides of 0 or too large, no
 * frame header, a frame header past the bytes ever read, too many
 * segments; PNG likewise. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/image_size.h"
#include "core/strbuf.h"

/* SOI, an APP0 of 16 bytes, SOFn of w x h, SOS: n bytes into out. */
static size_t jpeg(unsigned char *out, unsigned sof, unsigned w, unsigned h)
{
	static const unsigned char app0[] = { 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1,
					      0, 0, 1, 0, 1, 0, 0 };
	size_t n = 0;

	out[n++] = 0xff, out[n++] = 0xd8;
	memcpy(out + n, app0, sizeof app0);
	n += sizeof app0;
	out[n++] = 0xff, out[n++] = 0xff;                /* a fill byte */
	out[n++] = (unsigned char)sof, out[n++] = 0, out[n++] = 11, out[n++] = 8;
	out[n++] = (unsigned char)(h >> 8), out[n++] = (unsigned char)h;
	out[n++] = (unsigned char)(w >> 8), out[n++] = (unsigned char)w;
	out[n++] = 1, out[n++] = 1, out[n++] = 0x11, out[n++] = 0;
	out[n++] = 0xff, out[n++] = 0xda, out[n++] = 0, out[n++] = 2;
	return n;
}

static void jpeg_sizes(void **state)
{
	static const unsigned sofs[] = { 0xc0, 0xc1, 0xc2, 0xc3, 0xc9, 0xcf };
	unsigned char b[64];
	struct fc_err err = { 0 };
	unsigned w, h;
	size_t k, n;
	(void)state;

	for (k = 0; k < sizeof sofs / sizeof sofs[0]; k++) {
		n = jpeg(b, sofs[k], 4000, 3000);
		assert_int_equal(jpeg_size(b, n, &w, &h, &err), 0);
		assert_int_equal(w, 4000);
		assert_int_equal(h, 3000);
	}
	n = jpeg(b, 0xc4, 4000, 3000);             /* a Huffman table is no frame */
	assert_int_equal(jpeg_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "no JPEG frame header"));
}

static void real_camera(void **state)
{
	const char *t = getenv("FIELDCHECK_TOP");
	char *path = xstrfmt("%s/tests/fuzz/seeds/exif/phone.jpg", t && *t ? t : ".");
	struct fc_err err = { 0 };
	unsigned w, h;
	size_t len;
	unsigned char *b = (unsigned char *)test_read_file(path, &len);
	(void)state;

	if (!b)
		fail_msg("cannot read %s (run from the top of the tree or set FIELDCHECK_TOP)", path);
	assert_int_equal(jpeg_size(b, len, &w, &h, &err), 0);
	assert_int_equal(w, 16);                   /* djpeg says 16 x 12 */
	assert_int_equal(h, 12);
	free(b);
	free(path);
}

static void jpeg_cut_anywhere(void **state)
{
	unsigned char b[64], *copy;
	struct fc_err err;
	unsigned w, h;
	size_t n = jpeg(b, 0xc0, 640, 480), cut;
	(void)state;

	for (cut = 0; cut < n; cut++) {
		copy = malloc(cut ? cut : 1);        /* exactly cut bytes: ASan sees past them */
		memcpy(copy, b, cut);
		memset(&err, 0, sizeof err);
		if (jpeg_size(copy, cut, &w, &h, &err) == 0)
			assert_true(w == 640 && h == 480); /* the frame header was whole */
		else
			assert_true(err.msg[0] && w == 0 && h == 0);
		free(copy);
	}
}

static void jpeg_sides_refused(void **state)
{
	unsigned char b[64];
	struct fc_err err = { 0 };
	unsigned w, h;
	size_t n;
	(void)state;

	n = jpeg(b, 0xc0, 0, 480);
	assert_int_equal(jpeg_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "0 x 480"));
	n = jpeg(b, 0xc0, 65535, 2);
	assert_int_equal(jpeg_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "65535 x 2"));
	n = jpeg(b, 0xc0, 20000, 20000);           /* sides allowed, 400 megapixels not */
	assert_int_equal(jpeg_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "megapixels"));
	assert_true(w == 0 && h == 0);
}

static void jpeg_no_frame(void **state)
{
	static const unsigned char sos_first[] = { 0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9 };
	static const unsigned char short_seg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0 };
	static const unsigned char not_jpeg[] = { 0x89, 'P', 'N', 'G' };
	static const unsigned char junk[] = { 0xff, 0xd8, 0x12, 0x34, 0, 2, 0, 0 };
	struct fc_err err = { 0 };
	unsigned w, h;
	(void)state;

	assert_int_equal(jpeg_size(sos_first, sizeof sos_first, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "no JPEG frame header"));
	assert_int_equal(jpeg_size(short_seg, sizeof short_seg, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "segment of length 1"));
	assert_int_equal(jpeg_size(not_jpeg, sizeof not_jpeg, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "not a JPEG"));
	assert_int_equal(jpeg_size(junk, sizeof junk, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "marker expected at byte 2"));
}

/* A frame header after 1 MiB of other segments is never read; nor after
 * more segments than IMAGE_SIZE_MAX_SEGMENTS, even small ones. */
static void jpeg_bounds(void **state)
{
	size_t seg = 65535 + 2, n_seg = IMAGE_SIZE_READ / seg + 1, n = 2, k;
	unsigned char *b = calloc(1, 2 + n_seg * seg + 64);
	struct fc_err err = { 0 };
	unsigned w, h;
	(void)state;

	b[0] = 0xff, b[1] = 0xd8;
	for (k = 0; k < n_seg; k++, n += seg)
		b[n] = 0xff, b[n + 1] = 0xe2, b[n + 2] = 0xff, b[n + 3] = 0xff;
	n += jpeg(b + n - 2, 0xc0, 10, 10) - 2;
	assert_int_equal(jpeg_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "in the first 1048576 bytes"));
	free(b);

	b = calloc(1, 2 + 4 * (IMAGE_SIZE_MAX_SEGMENTS + 1) + 64);
	b[0] = 0xff, b[1] = 0xd8;
	for (n = 2, k = 0; k <= IMAGE_SIZE_MAX_SEGMENTS; k++, n += 4)
		b[n] = 0xff, b[n + 1] = 0xe3, b[n + 2] = 0, b[n + 3] = 2;
	n += jpeg(b + n - 2, 0xc0, 10, 10) - 2;
	assert_int_equal(jpeg_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "no JPEG frame header"));
	free(b);
}

static size_t png(unsigned char *out, unsigned w, unsigned h)
{
	static const unsigned char head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
					      0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	size_t i;

	memcpy(out, head, sizeof head);
	for (i = 0; i < 4; i++) {
		out[16 + i] = (unsigned char)(w >> (24 - 8 * i));
		out[20 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	memset(out + 24, 0, 9);                    /* depth..CRC: not looked at */
	return 33;
}

static void png_sizes(void **state)
{
	unsigned char b[33], *copy;
	struct fc_err err = { 0 };
	unsigned w, h;
	size_t n = png(b, 1920, 1080), cut;
	(void)state;

	assert_int_equal(png_size(b, n, &w, &h, &err), 0);
	assert_true(w == 1920 && h == 1080);
	for (cut = 0; cut < 24; cut++) {
		copy = malloc(cut ? cut : 1);
		memcpy(copy, b, cut);
		assert_int_equal(png_size(copy, cut, &w, &h, &err), -1);
		free(copy);
	}
	png(b, 0x80000000u, 1);
	assert_int_equal(png_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "2147483648 x 1"));
	png(b, 30000, 30000);
	assert_int_equal(png_size(b, n, &w, &h, &err), -1);
	png(b, 10, 10);
	memcpy(b + 12, "IDAT", 4);
	assert_int_equal(png_size(b, n, &w, &h, &err), -1);
	assert_non_null(strstr(err.msg, "IHDR"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jpeg_sizes),
		cmocka_unit_test(real_camera),
		cmocka_unit_test(jpeg_cut_anywhere),
		cmocka_unit_test(jpeg_sides_refused),
		cmocka_unit_test(jpeg_no_frame),
		cmocka_unit_test(jpeg_bounds),
		cmocka_unit_test(png_sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
