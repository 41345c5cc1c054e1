/* xlsx_impl.h - what the parts of the workbook reader share (private to
 * forms/xlsx*.c): one way to run expat over a part with DOCTYPEs refused,
 * element names compared without their namespace, and text collected. */
#ifndef FC_FORMS_XLSX_IMPL_H
#define FC_FORMS_XLSX_IMPL_H

#include <expat.h>
#include "core/err.h"
#include "core/strbuf.h"
#include "forms/engine/xlsx.h"

#define XML_DEPTH_MAX 64

struct xml_walk {
	const char *part;           /* its name, for messages */
	XML_Parser p;
	char stack[XML_DEPTH_MAX][16]; /* local names of the open elements (copied:
					* expat reuses its buffers; longer names
					* are cut and match none we look for) */
	int depth;
	struct strbuf text;         /* character data while `collect` */
	int collect;
	struct fc_err *err;         /* set when a handler fails */
	int failed;
	void *ctx;
	void (*start)(struct xml_walk *w, const char *name, const char **atts);
	void (*end)(struct xml_walk *w, const char *name);
};

/* Parses `xml` (len bytes) calling w->start and w->end with local names.
 * 0, or -1 with err naming the part and the line. */
int xml_walk_run(struct xml_walk *w, const char *xml, size_t len, struct fc_err *err);
/* Stops the parse with a message (handlers call it). */
void xml_walk_fail(struct xml_walk *w, const char *fmt, ...) FC_PRINTF(2, 3);
/* The local name of an element or attribute name ("ns|local" or "local"). */
const char *xml_local(const char *name);
/* The value of attribute `local` in no namespace (any namespace if `any_ns`). */
const char *xml_attr(const char **atts, const char *local, int any_ns);
/* Whether the element `depth` levels up (0: the parent) is called name. */
int xml_inside(const struct xml_walk *w, const char *name);

/* What a cell style makes of a number (xlsx_styles.c): a number, a date
 * or time (openpyxl's is_date_format), or a duration ([h]:mm:ss). */
enum xlsx_num { XN_NUMBER, XN_DATE, XN_DURATION };

struct xlsx_styles {
	unsigned char *kind;        /* enum xlsx_num of each cellXfs style */
	size_t n;
	int date1904;               /* the workbook counts days from 1904-01-01 */
};

/* Reads styles.xml's cellXfs and numFmts into st (bounded; hostile
 * counts, ids and codes refused).  0, or -1 with err. */
int xlsx_styles_read(const char *part, const char *xml, size_t len, struct xlsx_styles *st,
		     struct fc_err *err);
/* The kind of the style a cell's `s` attribute names (a number if none). */
enum xlsx_num xlsx_style_kind(const struct xlsx_styles *st, const char *s);
/* The kind a number format code gives. */
enum xlsx_num xlsx_format_kind(const char *code);
void xlsx_styles_release(struct xlsx_styles *st);
/* Appends to out the text pyxform reads for number cell text v of that
 * kind (xlsx_date.c): "2024-03-27 00:00:00", "10:30:00", "1 day, 2:00:00".
 * -1 if v is not a number or no date Python holds. */
int xlsx_serial_text(const char *v, enum xlsx_num kind, int date1904, struct strbuf *out);

/* Reads one worksheet into CSV (xlsx_sheet.c); st may be NULL (no styles). */
int xlsx_sheet_csv(const char *part, const char *xml, size_t len, char **const strings,
		   size_t n_strings, const struct xlsx_styles *st, struct xlsx_sheets *out,
		   enum xlsx_sheet which, struct fc_err *err);
/* Decodes OOXML's _xHHHH_ escapes in place (Excel writes a CR as _x000D_). */
void xlsx_unescape(struct strbuf *sb);

#endif
