/* support_jpeg.h - small JPEGs with an Exif block, built byte by byte, so
 * that the tests of the Exif reader and of the evidence store know exactly
 * what each offset holds and can break one on purpose. */
#ifndef FC_TEST_SUPPORT_JPEG_H
#define FC_TEST_SUPPORT_JPEG_H

#include <stddef.h>

/* Where things sit in the TIFF block test_jpeg writes (offsets from the
 * TIFF header, which starts at TEST_JPEG_TIFF in the file). */
#define TEST_JPEG_TIFF 12     /* SOI, APP1 marker and length, "Exif\0\0" */
#define TEST_TIFF_IFD0 8
#define TEST_TIFF_EXIF 38     /* IFD0 has 2 entries: 2 + 24 + 4 bytes */
#define TEST_TIFF_GPS 68      /* the Exif IFD has 2 entries */
#define TEST_TIFF_DATE 122    /* after the GPS IFD's 4 entries */
#define TEST_TIFF_OFFSET 142
#define TEST_TIFF_LAT 150
#define TEST_TIFF_LON 174
#define TEST_TIFF_LEN 198
/* The whole file: SOI, APP1, a scan marker with two bytes and EOI. */
#define TEST_JPEG_LEN (TEST_JPEG_TIFF + TEST_TIFF_LEN + 8)

/* Writes a JPEG of TEST_JPEG_LEN bytes into out: big-endian ("MM") or
 * not, DateTimeOriginal `date` ("YYYY:MM:DD HH:MM:SS"), OffsetTimeOriginal
 * `offset` ("+08:00", or NULL for none), and the GPS position 31 deg 13'
 * 50.4" N, 121 deg 28' 22.8" E (the fixture's place, TEST_LAT / TEST_LON). */
void test_jpeg(unsigned char *out, int big_endian, const char *date, const char *offset);
#define TEST_LAT (31 + 13 / 60.0 + 50.4 / 3600)
#define TEST_LON (121 + 28 / 60.0 + 22.8 / 3600)

/* Puts a 16- or 32-bit value at off of the TIFF block of a test_jpeg file,
 * in that file's byte order (to break an offset or a count). */
void test_tiff_put16(unsigned char *jpeg, size_t off, unsigned v);
void test_tiff_put32(unsigned char *jpeg, size_t off, unsigned long v);

#endif
