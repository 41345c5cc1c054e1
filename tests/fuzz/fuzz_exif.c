/* fuzz_exif.c - libFuzzer target for what a photo brings: its Exif block
 * and its first bytes.
 *
 * The input is a file's start.  Then:
 *   - the Exif reader neither crashes, leaks, reads out of bounds nor
 *     loops; a refusal says why;
 *   - a date it finds is a real timestamp (with its offset when given), a
 *     position is on the globe, an error is not negative unless unknown;
 *   - the media type judged does not depend on how the bytes are cut into
 *     chunks (a UTF-8 sequence split between two reads is joined).
 * Seeds: tests/fuzz/seeds/exif (real JPEGs with Exif in both byte orders,
 * and broken ones).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/exif.h"
#include "core/media_type.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void exif(const uint8_t *data, size_t size)
{
	char stamp[FC_TIMESTAMP_LEN + 8];
	struct fc_err err = { 0 };
	struct exif_info x;

	if (exif_read(data, size, &x, &err)) {
		if (!err.msg[0])
			abort();
		return;
	}
	if (x.has_time) {
		memcpy(stamp, x.taken, 19);
		strcpy(stamp + 19, x.offset[0] ? x.offset : "Z");
		if (strlen(x.taken) != 19 || timestamp_check(stamp, "taken", &err))
			abort();
	}
	if (x.has_gps && !(x.lat >= -90 && x.lat <= 90 && x.lon >= -180 && x.lon <= 180))
		abort();
	if (!x.has_gps && x.error_m != -1)
		abort();
}

static enum media_type judged(const uint8_t *data, size_t size, size_t step)
{
	struct media_sniff m;
	struct fc_err err = { 0 };
	enum media_type t = MEDIA_UNKNOWN;
	size_t i;

	media_sniff_init(&m);
	for (i = 0; i < size; i += step)
		media_sniff_update(&m, data + i, size - i < step ? size - i : step);
	if (m.bytes != size)
		abort();
	if (media_sniff_final(&m, "fuzz", &t, &err))
		return MEDIA_UNKNOWN;
	return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	exif(data, size);
	if (size && judged(data, size, size) != judged(data, size, (size_t)data[0] % 7 + 1))
		abort();
	return 0;
}
