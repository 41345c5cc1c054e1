/* fuzz_csv.c - libFuzzer target for the CSV reader behind form files.
 *
 * Whatever the bytes, parsing must not crash, leak or read out of bounds.
 * What it accepts must hold no NUL and no CR, and must survive a round
 * trip: written back with every field quoted, it parses to the same cells.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_back(const struct csv *c, struct strbuf *out)
{
	size_t r, k, i;

	for (r = 0; r < c->n; r++) {
		for (k = 0; k < c->rows[r].n; k++) {
			const struct csv_cell *cell = &c->rows[r].cells[k];
			strbuf_adds(out, k ? ",\"" : "\"");
			for (i = 0; i < cell->len; i++) {
				if (cell->s[i] == '"')
					strbuf_addc(out, '"');
				strbuf_addc(out, cell->s[i]);
			}
			strbuf_addc(out, '"');
		}
		strbuf_adds(out, "\r\n");
	}
}

static int same(const struct csv *a, const struct csv *b)
{
	size_t r, k;

	if (a->n != b->n)
		return 0;
	for (r = 0; r < a->n; r++) {
		if (a->rows[r].n != b->rows[r].n)
			return 0;
		for (k = 0; k < a->rows[r].n; k++)
			if (a->rows[r].cells[k].len != b->rows[r].cells[k].len ||
			    memcmp(a->rows[r].cells[k].s, b->rows[r].cells[k].s,
				   a->rows[r].cells[k].len))
				return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fc_err err;
	struct csv c, again;
	struct strbuf sb;
	size_t r, k;

	if (csv_parse((const char *)data, size, "fuzz", &c, &err)) {
		if (c.n || !strstr(err.msg, "fuzz"))
			abort();
		csv_release(&c);
		return 0;
	}
	for (r = 0; r < c.n; r++) {
		if (r && c.rows[r].line <= c.rows[r - 1].line)
			abort();
		for (k = 0; k < c.rows[r].n; k++)
			if (strlen(c.rows[r].cells[k].s) != c.rows[r].cells[k].len ||
			    memchr(c.rows[r].cells[k].s, '\r', c.rows[r].cells[k].len))
				abort();
	}
	strbuf_init(&sb);
	write_back(&c, &sb);
	if (sb.len <= CSV_FILE_MAX) {
		if (csv_parse(sb.buf, sb.len, "again", &again, &err) || !same(&c, &again))
			abort();
		csv_release(&again);
	}
	strbuf_release(&sb);
	csv_release(&c);
	return 0;
}
