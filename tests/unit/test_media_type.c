/* test_media_type.c - the kind of a file told from its bytes: each kind
 * kept by its magic number or ftyp brand, the name never consulted, plain
 * text checked whole (however the stream is cut), anything else refused
 * naming the file. */
#include "support.h"

#include <string.h>

#include "core/media_type.h"
#include "core/strbuf.h"

static enum media_type judge(const void *data, size_t len, struct fc_err *err)
{
	struct media_sniff m;
	enum media_type t = MEDIA_UNKNOWN;

	media_sniff_init(&m);
	media_sniff_update(&m, data, len);
	if (media_sniff_final(&m, "f", &t, err))
		return MEDIA_UNKNOWN;
	return t;
}

/* An ISO base media file's start: an ftyp box with a major brand and one
 * compatible brand. */
static size_t ftyp(unsigned char *out, const char *major, const char *compat)
{
	memcpy(out, "\0\0\0\x18" "ftyp", 8);
	memcpy(out + 8, major, 4);
	memcpy(out + 12, "\0\0\0\0", 4);
	memcpy(out + 16, compat, 4);
	memcpy(out + 20, "\0\0\0\x08" "free", 8);
	return 28;
}

static void kinds_by_magic(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
		enum media_type t;
		const char *name;
	} cases[] = {
		{ "\xff\xd8\xff\xe0\0\x10JFIF", 10, MEDIA_JPEG, "image/jpeg" },
		{ "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, MEDIA_PNG, "image/png" },
		{ "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 15, MEDIA_PDF, "application/pdf" },
		{ "#!AMR\n\x3c\x91", 8, MEDIA_AMR, "audio/amr" },
		{ "RIFF\x24\x08\0\0WAVEfmt ", 16, MEDIA_WAV, "audio/wav" },
		{ "Checked 3 fire doors.\r\n\tAll shut.\n", 34, MEDIA_TEXT, "text/plain" },
		{ "\xe6\xb6\x88\xe9\x98\xb2\xe9\x80\x9a\xe9\x81\x93\n", 13, MEDIA_TEXT, "text/plain" },
	};
	struct fc_err err = { 0 };
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(judge(cases[i].bytes, cases[i].len, &err), cases[i].t);
		assert_string_equal(media_type_name(cases[i].t), cases[i].name);
		assert_int_equal(media_type_parse(cases[i].name), cases[i].t);
	}
	assert_null(media_type_name(MEDIA_UNKNOWN));
	assert_int_equal(media_type_parse("image/bmp"), MEDIA_UNKNOWN);
}

static void kinds_by_brand(void **state)
{
	static const struct {
		const char *major, *compat;
		enum media_type t;
	} cases[] = {
		{ "heic", "mif1", MEDIA_HEIC }, { "heix", "mif1", MEDIA_HEIC },
		{ "mif1", "heic", MEDIA_HEIC }, { "msf1", "iso8", MEDIA_HEIC },
		{ "isom", "avc1", MEDIA_MP4 },  { "iso2", "mp41", MEDIA_MP4 },
		{ "mp41", "isom", MEDIA_MP4 },  { "mp42", "isom", MEDIA_MP4 },
		{ "avc1", "isom", MEDIA_MP4 },  { "3gp4", "3gp4", MEDIA_MP4 },
		{ "3gp6", "isom", MEDIA_MP4 },  { "M4A ", "isom", MEDIA_M4A },
		{ "XXXX", "isom", MEDIA_MP4 },  /* an unknown major, a known compatible brand */
		{ "qt  ", "qt  ", MEDIA_UNKNOWN },
	};
	unsigned char b[32];
	struct fc_err err = { 0 };
	size_t i, n;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		n = ftyp(b, cases[i].major, cases[i].compat);
		if (judge(b, n, &err) != cases[i].t)
			fail_msg("ftyp %s/%s", cases[i].major, cases[i].compat);
	}
}

static void unknown_refused_by_name(void **state)
{
	static const char bmp[] = "BM\x36\x0c\0\0\0\0\0\0\x36\0\0\0";
	struct media_sniff m;
	struct fc_err err = { 0 };
	enum media_type t;
	(void)state;

	media_sniff_init(&m);
	media_sniff_update(&m, bmp, sizeof bmp - 1);
	assert_int_equal(media_sniff_final(&m, "photo.bmp", &t, &err), -1);
	assert_string_equal(err.msg, "photo.bmp: not a kind of file fieldcheck keeps "
				     "(JPEG, PNG, HEIC, PDF, MP4, M4A, AMR, WAV, text)");
	media_sniff_init(&m);
	assert_int_equal(media_sniff_final(&m, "empty.txt", &t, &err), -1);
	assert_non_null(strstr(err.msg, "empty.txt"));
	/* A name that says JPEG does not make a JPEG, nor text a PNG. */
	assert_int_equal(judge("\x7f" "ELF\x02\x01\x01", 7, &err), MEDIA_UNKNOWN);
	assert_int_equal(judge("PNG\r\n", 5, &err), MEDIA_TEXT);
}

/* Text must be text all through: a control character or a broken UTF-8
 * sequence anywhere (here after 100 KiB of good text) refuses it. */
static void text_with_controls_refused(void **state)
{
	static const char *const bad[] = {
		"ESC\x1b[31m red", "bell\a", "nul\0x", "del\x7f", "c1\xc2\x9b", "cut \xe6\xb6",
		"overlong \xc0\xaf", "surrogate \xed\xa0\x80", "form feed\f",
	};
	static char big[100 * 1024 + 32];
	struct fc_err err = { 0 };
	size_t i, n;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		n = strlen(bad[i]) + (i == 2 ? 2 : 0);
		memset(big, 'a', 100 * 1024);
		memcpy(big + 100 * 1024, bad[i], n);
		if (judge(big, 100 * 1024 + n, &err) != MEDIA_UNKNOWN)
			fail_msg("text with '%s' taken", bad[i]);
		assert_non_null(strstr(err.msg, "not a kind of file"));
	}
}

/* The verdict does not depend on where the chunks are cut: UTF-8
 * sequences split across two updates are joined. */
static void streamed_in_any_chunks(void **state)
{
	static const char text[] = "\xe5\xae\x89\xe5\x85\xa8 \xf0\x9f\x94\xa5 ok\n";
	static const char cut[] = "ok \xf0\x9f\x94";
	size_t step, i, n = sizeof text - 1;
	struct media_sniff m;
	struct fc_err err = { 0 };
	enum media_type t;
	(void)state;

	for (step = 1; step <= n; step++) {
		media_sniff_init(&m);
		for (i = 0; i < n; i += step)
			media_sniff_update(&m, text + i, i + step < n ? step : n - i);
		assert_int_equal(media_sniff_final(&m, "f", &t, &err), 0);
		assert_int_equal(t, MEDIA_TEXT);
		assert_int_equal(m.bytes, n);
	}
	media_sniff_init(&m);
	for (i = 0; i < sizeof cut - 1; i++)
		media_sniff_update(&m, cut + i, 1);
	assert_int_equal(media_sniff_final(&m, "f", &t, &err), -1);
}

/* A copy may stop as soon as no kind can fit: a full head with no magic
 * and bytes that are not text. */
static void hopeless_early(void **state)
{
	unsigned char b[MEDIA_HEAD];
	struct media_sniff m;
	(void)state;

	memset(b, 0x01, sizeof b);
	media_sniff_init(&m);
	media_sniff_update(&m, b, sizeof b - 1);
	assert_false(media_sniff_hopeless(&m));
	media_sniff_update(&m, b, 1);
	assert_true(media_sniff_hopeless(&m));
	media_sniff_init(&m);
	memcpy(b, "\xff\xd8\xff", 3);
	media_sniff_update(&m, b, sizeof b);
	assert_false(media_sniff_hopeless(&m));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds_by_magic),
		cmocka_unit_test(kinds_by_brand),
		cmocka_unit_test(unknown_refused_by_name),
		cmocka_unit_test(text_with_controls_refused),
		cmocka_unit_test(streamed_in_any_chunks),
		cmocka_unit_test(hopeless_early),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
