/* fuzz_record.c - libFuzzer target for the record decoder.
 *
 * Whatever the bytes, decoding must not crash, leak or read out of bounds;
 * and what it accepts must be canonical: encoding it again gives the very
 * same bytes (encode(decode(x)) == x).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fc_record r;
	struct fc_err err = { 0 };
	struct strbuf sb;

	if (record_decode((const char *)data, size, "fuzz", &r, &err))
		return 0;
	strbuf_init(&sb);
	record_encode(&r, &sb);
	if (sb.len != size || memcmp(sb.buf, data, size) != 0)
		abort();
	strbuf_release(&sb);
	record_clear(&r);
	return 0;
}
