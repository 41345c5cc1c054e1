/* support_jpeg.c - JPEGs with Exif for the tests (see support_jpeg.h). */
#include "support_jpeg.h"

#include <string.h>

static int is_be(const unsigned char *jpeg)
{
	return jpeg[TEST_JPEG_TIFF] == 'M';
}

void test_tiff_put16(unsigned char *jpeg, size_t off, unsigned v)
{
	unsigned char *p = jpeg + TEST_JPEG_TIFF + off;
	int be = is_be(jpeg);

	p[be ? 0 : 1] = (unsigned char)(v >> 8);
	p[be ? 1 : 0] = (unsigned char)v;
}

void test_tiff_put32(unsigned char *jpeg, size_t off, unsigned long v)
{
	unsigned char *p = jpeg + TEST_JPEG_TIFF + off;
	int be = is_be(jpeg), i;

	for (i = 0; i < 4; i++)
		p[be ? i : 3 - i] = (unsigned char)(v >> (24 - 8 * i));
}

/* One IFD entry at off: tag, type, count, value or offset. */
static void entry(unsigned char *j, size_t off, unsigned tag, unsigned type, unsigned long count,
		  unsigned long value)
{
	test_tiff_put16(j, off, tag);
	test_tiff_put16(j, off + 2, type);
	test_tiff_put32(j, off + 4, count);
	test_tiff_put32(j, off + 8, value);
}

static void rationals(unsigned char *j, size_t off, const unsigned long (*v)[2])
{
	int i;

	for (i = 0; i < 3; i++) {
		test_tiff_put32(j, off + 8 * i, v[i][0]);
		test_tiff_put32(j, off + 8 * i + 4, v[i][1]);
	}
}

void test_jpeg(unsigned char *out, int big_endian, const char *date, const char *offset)
{
	static const unsigned long lat[3][2] = { { 31, 1 }, { 13, 1 }, { 504, 10 } };
	static const unsigned long lon[3][2] = { { 121, 1 }, { 28, 1 }, { 228, 10 } };
	unsigned char *t = out + TEST_JPEG_TIFF, *end = t + TEST_TIFF_LEN;
	size_t app1 = TEST_TIFF_LEN + 8;

	memset(out, 0, TEST_JPEG_LEN);
	memcpy(out, "\xff\xd8\xff\xe1", 4);
	out[4] = (unsigned char)(app1 >> 8), out[5] = (unsigned char)app1;
	memcpy(out + 6, "Exif\0\0", 6);
	memcpy(t, big_endian ? "MM" : "II", 2);
	test_tiff_put16(out, 2, 42);
	test_tiff_put32(out, 4, TEST_TIFF_IFD0);
	test_tiff_put16(out, TEST_TIFF_IFD0, 2);
	entry(out, TEST_TIFF_IFD0 + 2, 0x8769, 4, 1, TEST_TIFF_EXIF);
	entry(out, TEST_TIFF_IFD0 + 14, 0x8825, 4, 1, TEST_TIFF_GPS);
	test_tiff_put16(out, TEST_TIFF_EXIF, 2);
	entry(out, TEST_TIFF_EXIF + 2, 0x9003, 2, 20, TEST_TIFF_DATE);
	entry(out, TEST_TIFF_EXIF + 14, offset ? 0x9011 : 0x9999, 2, 7, TEST_TIFF_OFFSET);
	test_tiff_put16(out, TEST_TIFF_GPS, 4);
	entry(out, TEST_TIFF_GPS + 2, 1, 2, 2, 0);
	t[TEST_TIFF_GPS + 2 + 8] = 'N';
	entry(out, TEST_TIFF_GPS + 14, 2, 5, 3, TEST_TIFF_LAT);
	entry(out, TEST_TIFF_GPS + 26, 3, 2, 2, 0);
	t[TEST_TIFF_GPS + 26 + 8] = 'E';
	entry(out, TEST_TIFF_GPS + 38, 4, 5, 3, TEST_TIFF_LON);
	memcpy(t + TEST_TIFF_DATE, date, strlen(date) < 19 ? strlen(date) : 19);
	if (offset)
		memcpy(t + TEST_TIFF_OFFSET, offset, 6);
	rationals(out, TEST_TIFF_LAT, lat);
	rationals(out, TEST_TIFF_LON, lon);
	memcpy(end, "\xff\xda\x00\x02\xff\xd9\xff\xd9", 8);
}
