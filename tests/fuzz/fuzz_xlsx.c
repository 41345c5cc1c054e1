/* fuzz_xlsx.c - libFuzzer target for the .xlsx workbook reader.
 *
 * A workbook comes from anyone who sends one, so its zip structure and its
 * XML are both hostile.  Random bytes rarely get through deflate and CRC-32
 * to the XML, so the input is read two ways: whole, as an archive (the zip
 * reader), and split at NUL bytes into the parts of a workbook that this
 * target zips itself (package and workbook relationships, workbook, shared
 * strings, three sheets, styles), so the XML readers see the mutations.  What
 * reads is then given to odk_import, which rewrites the sheets when their
 * settings carry an ODK export's mark.  Whatever the bytes: no crash, no
 * leak, and CSV that parses when reading succeeds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/csv.h"
#include "forms/engine/odk.h"
#include "forms/engine/xlsx.h"
#include "forms/engine/zip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const parts[] = {
	"_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml",
	"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
	"xl/worksheets/sheet3.xml", "xl/styles.xml",
};

static void read_and_check(const void *buf, size_t len)
{
	struct xlsx_sheets x;
	struct fc_err err;
	size_t k;

	if (xlsx_read(buf, len, &x, &err))
		return;
	if (odk_import(&x, &err)) {
		xlsx_sheets_release(&x);
		return;
	}
	for (k = 0; k < XS_COUNT; k++) {
		struct csv c;
		if (!x.csv[k])
			continue;
		if (csv_parse(x.csv[k], x.len[k], NULL, &c, &err) == 0)
			csv_release(&c);
	}
	xlsx_sheets_release(&x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zip_writer w;
	struct strbuf book;
	size_t i = 0, start = 0;

	read_and_check(data, size);
	strbuf_init(&book);
	zip_write_init(&w, &book);
	while (i < ARRAY_SIZE(parts) && start <= size) {
		const uint8_t *nul = memchr(data + start, 0, size - start);
		size_t end = nul ? (size_t)(nul - data) : size;
		zip_write_add(&w, parts[i++], data + start, end - start);
		start = end + 1;
	}
	zip_write_finish(&w);
	read_and_check(book.buf, book.len);
	strbuf_release(&book);
	return 0;
}
