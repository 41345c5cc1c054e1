/* fuzz_geojson.c - libFuzzer target for the GeoJSON reader behind a
 * select_one_from_file FILE.geojson.
 *
 * Whatever the bytes, reading must not crash, leak or read out of bounds.
 * What it accepts is a list a form can hold: at least one choice, each
 * with a valid, unique name, every column set ("" at least) with text
 * that is valid UTF-8 without controls, the first two columns id (the
 * name) and geometry; what it refuses says where.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "forms/engine/csv.h"
#include "forms/engine/geojson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form_list l;
	struct fc_err err;
	int line = 0, col = 0;
	size_t k, c, j;

	if (geojson_list((const char *)data, size, &l, &line, &col, &err)) {
		if (l.n || l.choices || !err.msg[0] || line < 1 || col < 1)
			abort();
		return 0;
	}
	if (!l.n || l.n > GEOJSON_FEATURES_MAX || l.n_cols < 2 || l.n_cols > GEOJSON_COLS_MAX ||
	    strcmp(l.cols[0], "id") || strcmp(l.cols[1], "geometry"))
		abort();
	for (k = 0; k < l.n; k++) {
		const struct form_choice *ch = &l.choices[k];
		if (!ch->name || !*ch->name || strcmp(ch->name, ch->props[0]))
			abort();
		for (j = 0; j < k; j++)
			if (!strcmp(l.choices[j].name, ch->name))
				abort();
		for (c = 0; c < l.n_cols; c++)
			if (!ch->props[c] || text_check(ch->props[c], strlen(ch->props[c]), TEXT_LINE,
							CSV_FIELD_MAX, "fuzz", &err))
				abort();
	}
	geojson_list_release(&l);
	return 0;
}
