/* fuzz_image_size.c - libFuzzer target for a photo's header, what the
 * printable documents read before drawing it (core/image_size.h).
 *
 * The input is a file's start.  The JPEG and PNG size readers neither
 * crash, read out of bounds nor loop; a size they give is within the
 * bounds (IMAGE_SIDE_MAX a side, IMAGE_PIXELS_MAX in all); a refusal says
 * why and gives no size.  Seeds: tests/fuzz/seeds/image_size (real JPEGs
 * with Exif before their frame header, a PNG).
 */
#include <stdint.h>
#include <stdlib.h>

#include "core/image_size.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void judged(int (*fn)(const unsigned char *, size_t, unsigned *, unsigned *,
			     struct fc_err *), const uint8_t *data, size_t size)
{
	struct fc_err err = { 0 };
	unsigned w = 1, h = 1;

	if (fn(data, size, &w, &h, &err)) {
		if (!err.msg[0] || w || h)
			abort();
		return;
	}
	if (!w || !h || w > IMAGE_SIDE_MAX || h > IMAGE_SIDE_MAX ||
	    (uint64_t)w * h > IMAGE_PIXELS_MAX)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	judged(jpeg_size, data, size);
	judged(png_size, data, size);
	return 0;
}
