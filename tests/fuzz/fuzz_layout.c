/* fuzz_layout.c - libFuzzer target for what a central's tree names: the
 * paths of its files (sync/layout.h) and the FORMAT marker.
 *
 * The first byte chooses: even, the rest is a path; odd, the rest is the
 * content of FORMAT.  Then:
 *   - neither reader crashes or reads out of bounds;
 *   - a record's path that parses is the one its id (and, for a hazard in
 *     format 2, its month) gives: layout_hazard_path and the inspection's
 *     path rebuild exactly the input, so no second spelling of a place
 *     exists;
 *   - a marker that reads as format N is exactly "fieldcheck N\n".
 * Seeds: tests/fuzz/seeds/layout (paths of both formats, markers).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/record.h"
#include "sync/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void path(const char *buf, size_t len)
{
	char *p = malloc(len + 1), want[512], at[32];
	struct layout_path lp;
	struct fc_err err = { 0 };

	if (!p)
		return;
	memcpy(p, buf, len);
	p[len] = '\0';
	if (strlen(p) == len && layout_parse(p, &lp, &err) == 0 && lp.kind == LAY_RECORD) {
		if (lp.rec == REC_HAZARD) {
			/* the month as the path has it, made a time again */
			snprintf(at, sizeof at, "%.4s-%.2s-01T00:00:00Z", p + 8, p + 13);
			layout_hazard_path(lp.id, at, lp.format, want, sizeof want);
			if (strcmp(want, p))
				abort();
		} else if (lp.rec == REC_INSPECTION) {
			snprintf(want, sizeof want, "inspections/%.4s/%.2s/%s.json", p + 12, p + 17,
				 lp.id);
			if (strcmp(want, p))
				abort();
		}
	}
	free(p);
}

static void marker(const char *buf, size_t len)
{
	char want[32];
	int n = layout_format_number(buf, len);

	if (n <= 0)
		return;
	snprintf(want, sizeof want, "fieldcheck %d\n", n);
	if (strlen(want) != len || memcmp(want, buf, len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] % 2 == 0)
		path((const char *)data + 1, size - 1);
	else
		marker((const char *)data + 1, size - 1);
	return 0;
}
