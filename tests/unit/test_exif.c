/* test_exif.c - the Exif reader: the date and place of a photo in both
 * byte orders, a photo without them, and Exif that is cut short, loops,
 * points outside itself or lies beyond the bytes ever read, refused
 * without a crash (the sanitizers watch). */
#include "support.h"
#include "support_jpeg.h"

#include <stdlib.h>
#include <string.h>

#include "core/exif.h"
#include "core/strbuf.h"

#define DATE "2026:05:01 10:20:30"

static void little_endian_with_offset(void **state)
{
	unsigned char j[TEST_JPEG_LEN];
	struct fc_err err = { 0 };
	struct exif_info x;
	(void)state;

	test_jpeg(j, 0, DATE, "+08:00");
	assert_int_equal(exif_read(j, sizeof j, &x, &err), 0);
	assert_true(x.has_time);
	assert_string_equal(x.taken, "2026-05-01T10:20:30");
	assert_string_equal(x.offset, "+08:00");
	assert_true(x.has_gps);
	assert_true(x.lat > TEST_LAT - 1e-9 && x.lat < TEST_LAT + 1e-9);
	assert_true(x.lon > TEST_LON - 1e-9 && x.lon < TEST_LON + 1e-9);
	assert_true(x.error_m < 0);
}

static void big_endian_south_west(void **state)
{
	unsigned char j[TEST_JPEG_LEN];
	struct fc_err err = { 0 };
	struct exif_info x;
	(void)state;

	test_jpeg(j, 1, DATE, NULL);
	j[TEST_JPEG_TIFF + TEST_TIFF_GPS + 2 + 8] = 'S';
	j[TEST_JPEG_TIFF + TEST_TIFF_GPS + 26 + 8] = 'W';
	assert_int_equal(exif_read(j, sizeof j, &x, &err), 0);
	assert_true(x.has_time);
	assert_string_equal(x.taken, "2026-05-01T10:20:30");
	assert_string_equal(x.offset, "");
	assert_true(x.has_gps);
	assert_true(x.lat < -TEST_LAT + 1e-9 && x.lat > -TEST_LAT - 1e-9);
	assert_true(x.lon < -TEST_LON + 1e-9 && x.lon > -TEST_LON - 1e-9);
}

/* Blank or impossible values are no date and no place, not an error. */
static void blank_values(void **state)
{
	unsigned char j[TEST_JPEG_LEN];
	struct fc_err err = { 0 };
	struct exif_info x;
	(void)state;

	test_jpeg(j, 0, "    :  :     :  :  ", "+08:00");
	test_tiff_put32(j, TEST_TIFF_LAT + 4, 0);            /* degrees n/0 */
	assert_int_equal(exif_read(j, sizeof j, &x, &err), 0);
	assert_false(x.has_time);
	assert_false(x.has_gps);
	test_jpeg(j, 1, "2026:02:30 10:20:30", NULL);
	test_tiff_put32(j, TEST_TIFF_LON, 200);              /* 200 degrees east */
	assert_int_equal(exif_read(j, sizeof j, &x, &err), 0);
	assert_false(x.has_time);
	assert_false(x.has_gps);
}

static void no_exif(void **state)
{
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	static const unsigned char jfif[] = "\xff\xd8\xff\xe0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
					    "\xff\xda\x00\x02\xff\xd9";
	struct fc_err err = { 0 };
	struct exif_info x;
	(void)state;

	assert_int_equal(exif_read(png, sizeof png - 1, &x, &err), 0);
	assert_false(x.has_time || x.has_gps);
	assert_int_equal(exif_read(jfif, sizeof jfif - 1, &x, &err), 0);
	assert_false(x.has_time || x.has_gps);
	assert_int_equal(exif_read(jfif, 0, &x, &err), 0);
}

static void refused(unsigned char *j, size_t len, const char *says)
{
	struct fc_err err = { 0 };
	struct exif_info x;

	assert_int_equal(exif_read(j, len, &x, &err), -1);
	if (!strstr(err.msg, says))
		fail_msg("'%s' does not say '%s'", err.msg, says);
}

static void loops_refused(void **state)
{
	unsigned char j[TEST_JPEG_LEN];
	(void)state;

	test_jpeg(j, 0, DATE, NULL);
	test_tiff_put32(j, TEST_TIFF_IFD0 + 2 + 8, TEST_TIFF_IFD0);  /* Exif IFD = IFD0 */
	refused(j, sizeof j, "loop");
	test_jpeg(j, 1, DATE, NULL);
	test_tiff_put32(j, TEST_TIFF_IFD0 + 14 + 8, TEST_TIFF_EXIF); /* GPS IFD = Exif IFD */
	refused(j, sizeof j, "loop");
}

static void truncated_refused(void **state)
{
	unsigned char j[TEST_JPEG_LEN];
	struct fc_err err = { 0 };
	struct exif_info x;
	size_t len;
	(void)state;

	test_jpeg(j, 0, DATE, "+08:00");
	refused(j, TEST_JPEG_TIFF + 100, "cut short");
	/* Every cut, in both orders: refused or nothing found, never more. */
	for (len = 0; len < TEST_JPEG_TIFF + TEST_TIFF_LEN; len++) {
		unsigned char *copy = malloc(len ? len : 1);
		memcpy(copy, j, len);
		if (exif_read(copy, len, &x, &err) == 0)
			assert_false(x.has_time || x.has_gps);
		free(copy);
	}
	test_jpeg(j, 0, DATE, NULL);
	test_tiff_put16(j, TEST_TIFF_IFD0, 20);              /* 20 entries in 198 bytes */
	refused(j, sizeof j, "cut short");
}

static void outside_refused(void **state)
{
	unsigned char j[TEST_JPEG_LEN];
	(void)state;

	test_jpeg(j, 0, DATE, NULL);
	test_tiff_put32(j, TEST_TIFF_EXIF + 2 + 8, 0xfffffff0UL);   /* the date's offset */
	refused(j, sizeof j, "outside");
	test_jpeg(j, 1, DATE, NULL);
	test_tiff_put32(j, TEST_TIFF_EXIF + 2 + 4, 0xffffffffUL);   /* the date's count */
	refused(j, sizeof j, "outside");
	test_jpeg(j, 0, DATE, NULL);
	test_tiff_put32(j, TEST_TIFF_GPS + 14 + 8, TEST_TIFF_LEN - 8); /* latitude's offset */
	refused(j, sizeof j, "outside");
	test_jpeg(j, 1, DATE, NULL);
	test_tiff_put32(j, TEST_TIFF_IFD0 + 2 + 8, 100000);          /* the Exif IFD */
	refused(j, sizeof j, "outside");
	test_jpeg(j, 0, DATE, NULL);
	test_tiff_put32(j, 4, TEST_TIFF_LEN - 1);                     /* IFD0 */
	refused(j, sizeof j, "outside");
}

static void too_many_entries(void **state)
{
	unsigned char j[TEST_JPEG_LEN];
	(void)state;

	test_jpeg(j, 0, DATE, NULL);
	test_tiff_put16(j, TEST_TIFF_GPS, EXIF_MAX_ENTRIES + 1);
	refused(j, sizeof j, "entries");
	test_jpeg(j, 0, DATE, NULL);
	j[TEST_JPEG_TIFF] = 'X';
	refused(j, sizeof j, "TIFF");
}

/* Every byte of the block set to each of a few values: no crash, no
 * read outside (ASan), and a position found is always on the globe. */
static void every_byte_broken(void **state)
{
	static const unsigned char vals[] = { 0x00, 0x01, 0x7f, 0x80, 0xff };
	unsigned char j[TEST_JPEG_LEN];
	struct fc_err err = { 0 };
	struct exif_info x;
	size_t i, v;
	(void)state;

	for (i = 0; i < TEST_JPEG_LEN; i++)
		for (v = 0; v < sizeof vals; v++) {
			test_jpeg(j, (int)(i & 1), DATE, "+08:00");
			j[i] = vals[v];
			if (exif_read(j, sizeof j, &x, &err) == 0 && x.has_gps)
				assert_true(x.lat >= -90 && x.lat <= 90 && x.lon >= -180 &&
					    x.lon <= 180);
		}
}

/* Only the first EXIF_MAX_READ bytes are looked at: an Exif block behind
 * 128 KiB of other segments is not read, and is no error. */
static void beyond_the_bound(void **state)
{
	size_t pad = 2 * 65537, len = 2 + pad + TEST_JPEG_LEN - 2, i;
	unsigned char *j = malloc(len), one[TEST_JPEG_LEN];
	struct fc_err err = { 0 };
	struct exif_info x;
	(void)state;

	test_jpeg(one, 0, DATE, NULL);
	memcpy(j, "\xff\xd8", 2);
	for (i = 0; i < 2; i++) {
		unsigned char *s = j + 2 + i * 65537;
		memset(s, 'x', 65537);
		memcpy(s, "\xff\xe2\xff\xff", 4);                /* APP2, 65535 bytes */
	}
	memcpy(j + 2 + pad, one + 2, TEST_JPEG_LEN - 2);
	assert_int_equal(exif_read(j, len, &x, &err), 0);
	assert_false(x.has_time);
	assert_int_equal(exif_read(j + pad, len - pad, &x, &err), 0);  /* sanity: no SOI */
	memcpy(j + pad, "\xff\xd8", 2);
	assert_int_equal(exif_read(j + pad, len - pad, &x, &err), 0);
	assert_true(x.has_time);
	free(j);
}

/* Photos written by another tool (exiftool 12.57 over a cjpeg image,
 * kept as the fuzz seeds): the reader agrees with what exiftool wrote. */
static unsigned char *seed(const char *name, size_t *len)
{
	const char *t = getenv("FIELDCHECK_TOP");
	char *path = xstrfmt("%s/tests/fuzz/seeds/exif/%s", t && *t ? t : ".", name);
	unsigned char *b = (unsigned char *)test_read_file(path, len);

	if (!b)
		fail_msg("cannot read %s (run from the top of the tree or set FIELDCHECK_TOP)", path);
	free(path);
	return b;
}

static void photos_from_exiftool(void **state)
{
	struct fc_err err = { 0 };
	struct exif_info x;
	unsigned char *b;
	size_t len;
	(void)state;

	b = seed("phone.jpg", &len);                          /* "II", with an offset */
	assert_int_equal(exif_read(b, len, &x, &err), 0);
	assert_string_equal(x.taken, "2026-05-01T10:20:30");
	assert_string_equal(x.offset, "+08:00");
	assert_true(x.has_gps);
	assert_true(x.lat > 31.23066 && x.lat < 31.23067);
	assert_true(x.lon > 121.47299 && x.lon < 121.47301);
	assert_true(x.error_m == 5);
	free(b);
	b = seed("camera-mm.jpg", &len);                      /* "MM", south and west */
	assert_int_equal(exif_read(b, len, &x, &err), 0);
	assert_string_equal(x.taken, "2025-12-24T08:05:00");
	assert_string_equal(x.offset, "");
	assert_true(x.lat < -33.8687 && x.lat > -33.8689);
	assert_true(x.lon < -151.2092 && x.lon > -151.2094);
	free(b);
	b = seed("plain.jpg", &len);                          /* no Exif at all */
	assert_int_equal(exif_read(b, len, &x, &err), 0);
	assert_false(x.has_time || x.has_gps);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(little_endian_with_offset),
		cmocka_unit_test(big_endian_south_west),
		cmocka_unit_test(blank_values),
		cmocka_unit_test(no_exif),
		cmocka_unit_test(loops_refused),
		cmocka_unit_test(truncated_refused),
		cmocka_unit_test(outside_refused),
		cmocka_unit_test(too_many_entries),
		cmocka_unit_test(every_byte_broken),
		cmocka_unit_test(beyond_the_bound),
		cmocka_unit_test(photos_from_exiftool),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
