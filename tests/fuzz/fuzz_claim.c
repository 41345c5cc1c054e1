/* fuzz_claim.c - libFuzzer target for a claim of document numbers, the
 * file a central's numbers/ folder holds (core/docnum.h): the reader
 * never crashes, leaks or reads out of bounds; what it accepts re-encodes
 * to exactly the input, passes the model's checks, and names a path that
 * the layout parses as a claim's.
 * Seeds: tests/fuzz/seeds/claim. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/docnum.h"
#include "sync/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct docnum_claim c;
	struct layout_path lp;
	struct fc_err err = { 0 };
	struct strbuf again;
	char path[256];

	if (docnum_claim_decode((const char *)data, size, "fuzz", &c, &err))
		return 0;
	strbuf_init(&again);
	docnum_claim_encode(&c, &again);
	if (again.len != size || memcmp(again.buf, data, size) || docnum_claim_check(&c, &err))
		abort();
	strbuf_release(&again);
	docnum_claim_path(&c, path, sizeof path);
	if (layout_parse(path, &lp, NULL) || lp.kind != LAY_CLAIM)
		abort();
	return 0;
}
