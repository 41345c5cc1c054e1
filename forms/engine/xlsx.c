/* xlsx.c - finding a workbook's sheets and shared strings (see xlsx.h).
 *
 * The parts are found the way the format says, through relationships:
 * _rels/.rels names the workbook, the workbook's own .rels names its sheets
 * and its shared-strings table, and the workbook lists the sheets by name.
 * XLSForm knows its sheets by name (survey, choices, settings); any other
 * sheet is the author's own and is left alone.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fileio.h"
#include "forms/engine/xlsx_impl.h"
#include "core/i18n.h"
#include "core/text.h"
#include "forms/engine/zip.h"

#define RELS_MAX     4096     /* relationships of one part */
#define SHEETS_MAX   1024     /* sheets in one workbook */
#define STRINGS_MAX  1000000  /* shared strings */

static const char *const sheet_names[XS_COUNT] = { "survey", "choices", "settings",
						   "external_choices" };

struct rel {
	char *id, *type, *target;
};

struct book {
	struct zip zip;
	char *workbook;             /* the workbook part's name */
	struct rel *rels;           /* of the part being read */
	size_t n_rels, alloc_rels;
	char *sheet_rid[XS_COUNT];  /* relationship ids of the form's sheets */
	char **strings;
	size_t n_strings, alloc_strings;
	struct strbuf unused;       /* XLSForm's sheets it has and we do not read */
	size_t n_sheets;            /* all its sheets */
	char *first_rid, *first_name; /* its first sheet's */
	struct xlsx_styles styles;  /* which styles are dates (xlsx_styles.c) */
};

/* Sheets XLSForm defines that fieldcheck does not read: said, not dropped
 * in silence (ODK Central's entities, OpenMapKit's osm tags). */
static const char *const unread_sheets[] = { "entities", "osm" };

/* Reads part `name` whole (bounded by XLSX_PART_MAX); 1 if absent. */
static int read_part(struct book *b, const char *name, char **xml, size_t *len,
		     struct fc_err *err)
{
	const struct zip_member *m = zip_find(&b->zip, name);

	if (!m)
		return 1;
	return zip_read(&b->zip, m, XLSX_PART_MAX, xml, len, err);
}

static void rels_start(struct xml_walk *w, const char *name, const char **atts)
{
	struct book *b = w->ctx;
	const char *id = xml_attr(atts, "Id", 0), *type = xml_attr(atts, "Type", 0);
	const char *target = xml_attr(atts, "Target", 0);
	struct rel *r;

	if (strcmp(name, "Relationship") || !id || !type || !target)
		return;
	if (b->n_rels == RELS_MAX) {
		xml_walk_fail(w, "more than %d relationships", RELS_MAX);
		return;
	}
	ALLOC_GROW(b->rels, b->n_rels + 1, b->alloc_rels);
	r = &b->rels[b->n_rels++];
	r->id = xstrdup(id);
	r->type = xstrdup(type);
	r->target = xstrdup(target);
}

static void no_end(struct xml_walk *w, const char *name)
{
	(void)w, (void)name;
}

static void rels_release(struct book *b)
{
	size_t i;

	for (i = 0; i < b->n_rels; i++) {
		free(b->rels[i].id);
		free(b->rels[i].type);
		free(b->rels[i].target);
	}
	free(b->rels);
	b->rels = NULL;
	b->n_rels = b->alloc_rels = 0;
}

static int walk_part(struct book *b, const char *name, int optional,
		     void (*start)(struct xml_walk *, const char *, const char **),
		     void (*end_fn)(struct xml_walk *, const char *), struct fc_err *err);

/* Reads the relationships part `name` into b->rels (none if it is absent). */
static int read_rels(struct book *b, const char *name, struct fc_err *err)
{
	rels_release(b);
	return walk_part(b, name, 1, rels_start, no_end, err);
}

/* The relationship whose type ends in "/kind" (types differ between
 * transitional and strict OOXML only before that), or NULL. */
static const struct rel *rel_of_type(const struct book *b, const char *kind)
{
	size_t i, k = strlen(kind);

	for (i = 0; i < b->n_rels; i++) {
		size_t n = strlen(b->rels[i].type);
		if (n > k && b->rels[i].type[n - k - 1] == '/' &&
		    !strcmp(b->rels[i].type + n - k, kind))
			return &b->rels[i];
	}
	return NULL;
}

static const struct rel *rel_by_id(const struct book *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->n_rels; i++)
		if (!strcmp(b->rels[i].id, id))
			return &b->rels[i];
	return NULL;
}

/* The part a target names, relative to the folder of part `from` ("" for the
 * package root) or absolute ("/xl/..."), with "." and ".." applied. */
static char *resolve_target(const char *from, const char *target)
{
	struct strbuf sb;
	const char *slash = strrchr(from, '/'), *p = target, *e;

	strbuf_init(&sb);
	if (*p == '/')
		p++;
	else if (slash)
		strbuf_add(&sb, from, (size_t)(slash - from));
	while (*p) {
		e = p + strcspn(p, "/");
		if (e - p == 2 && !strncmp(p, "..", 2)) {
			char *up = strrchr(sb.buf, '/');
			sb.len = up ? (size_t)(up - sb.buf) : 0;
			sb.buf[sb.len] = '\0';
		} else if (e > p && !(e - p == 1 && *p == '.')) {
			if (sb.len)
				strbuf_addc(&sb, '/');
			strbuf_add(&sb, p, (size_t)(e - p));
		}
		p = *e ? e + 1 : e;
	}
	return strbuf_detach(&sb);
}

static void book_start(struct xml_walk *w, const char *name, const char **atts)
{
	struct book *b = w->ctx;
	const char *sheet = xml_attr(atts, "name", 0), *rid = xml_attr(atts, "id", 1);
	char buf[64];
	size_t k;

	if (!strcmp(name, "workbookPr")) { /* as openpyxl's Bool reads it */
		const char *v = xml_attr(atts, "date1904", 0);
		b->styles.date1904 = v && (!strcmp(v, "1") || !strcasecmp(v, "true"));
		return;
	}
	if (strcmp(name, "sheet") || !sheet || !rid)
		return;
	/* XLSForm tools take "Survey" and a stray space alike */
	snprintf(buf, sizeof buf, "%s", sheet);
	text_trim(buf);
	if (!b->n_sheets++) {
		b->first_rid = xstrdup(rid);
		b->first_name = xstrdup(buf);
	}
	for (k = 0; k < ARRAY_SIZE(unread_sheets); k++)
		if (!strcasecmp(buf, unread_sheets[k]) && b->unused.len < 256)
			strbuf_addf(&b->unused, "%s%s", b->unused.len ? ", " : "", unread_sheets[k]);
	for (k = 0; k < XS_COUNT; k++) {
		if (strcasecmp(buf, sheet_names[k]))
			continue;
		if (b->sheet_rid[k]) {
			xml_walk_fail(w, "two sheets are called %s", sheet_names[k]);
			return;
		}
		b->sheet_rid[k] = xstrdup(rid);
	}
}

static void strings_start(struct xml_walk *w, const char *name, const char **atts)
{
	(void)atts;
	if (!strcmp(name, "si"))
		strbuf_reset(&w->text);
	else if (!strcmp(name, "t") && !xml_inside(w, "rPh"))
		w->collect = 1;
}

static void strings_end(struct xml_walk *w, const char *name)
{
	struct book *b = w->ctx;

	if (!strcmp(name, "t")) {
		w->collect = 0;
	} else if (!strcmp(name, "si")) {
		if (b->n_strings == STRINGS_MAX) {
			xml_walk_fail(w, "more than %d shared strings", STRINGS_MAX);
			return;
		}
		xlsx_unescape(&w->text);
		ALLOC_GROW(b->strings, b->n_strings + 1, b->alloc_strings);
		b->strings[b->n_strings++] = xstrdup(w->text.buf);
	}
}

/* Runs one walk over part `name`; an absent part is nothing to read when
 * `optional`, else a failure. */
static int walk_part(struct book *b, const char *name, int optional,
		     void (*start)(struct xml_walk *, const char *, const char **),
		     void (*end_fn)(struct xml_walk *, const char *), struct fc_err *err)
{
	struct xml_walk w = { 0 };
	char *xml;
	size_t len;
	int rc = read_part(b, name, &xml, &len, err);

	if (rc > 0)
		return optional ? 0 : fc_fail(err, _("the part %s is missing"), name);
	if (rc)
		return -1;
	w.part = name;
	w.ctx = b;
	w.start = start;
	w.end = end_fn;
	rc = xml_walk_run(&w, xml, len, err);
	free(xml);
	return rc;
}

/* The workbook part, named by the package's own relationships. */
static int find_workbook(struct book *b, struct fc_err *err)
{
	const struct rel *r;

	if (read_rels(b, "_rels/.rels", err))
		return -1;
	r = rel_of_type(b, "officeDocument");
	if (!r)
		return fc_fail(err, _("not a workbook (_rels/.rels names no office document)"));
	b->workbook = resolve_target("", r->target);
	return 0;
}

/* Reads which cell styles are dates from the part the workbook's styles
 * relationship names, else xl/styles.xml (where openpyxl looks); a
 * workbook without one has no dates. */
static int read_styles(struct book *b, struct fc_err *err)
{
	const struct rel *r = rel_of_type(b, "styles");
	char *part = r ? resolve_target(b->workbook, r->target) : xstrdup("xl/styles.xml");
	char *xml;
	size_t len;
	int rc = read_part(b, part, &xml, &len, err);

	if (!rc) {
		rc = xlsx_styles_read(part, xml, len, &b->styles, err);
		free(xml);
	}
	free(part);
	return rc > 0 ? 0 : rc;
}

/* Reads the sheets' relationship ids, the workbook's relationships and the
 * shared strings. */
static int read_book(struct book *b, struct fc_err *err)
{
	const struct rel *r;
	struct strbuf rels;
	const char *slash;
	int rc;

	if (find_workbook(b, err) || walk_part(b, b->workbook, 0, book_start, no_end, err))
		return -1;
	if (b->n_sheets == 1 && !b->sheet_rid[XS_SURVEY] && !b->sheet_rid[XS_CHOICES] &&
	    !b->sheet_rid[XS_SETTINGS] && !b->sheet_rid[XS_EXTERNAL] && !b->unused.len) {
		/* pyxform reads a workbook's only sheet as its survey,
		 * whatever it is called (xls2json_backends.py) */
		b->sheet_rid[XS_SURVEY] = b->first_rid;
		b->first_rid = NULL;
	}
	slash = strrchr(b->workbook, '/');
	strbuf_init(&rels);
	if (slash)
		strbuf_add(&rels, b->workbook, (size_t)(slash - b->workbook + 1));
	strbuf_addf(&rels, "_rels/%s.rels", slash ? slash + 1 : b->workbook);
	rc = read_rels(b, rels.buf, err);
	strbuf_release(&rels);
	if (rc)
		return -1;
	r = rel_of_type(b, "sharedStrings");
	if (r) {
		char *part = resolve_target(b->workbook, r->target);
		rc = walk_part(b, part, 0, strings_start, strings_end, err);
		free(part);
	}
	return rc ? rc : read_styles(b, err);
}

static int read_sheets(struct book *b, struct xlsx_sheets *out, struct fc_err *err)
{
	size_t k;

	for (k = 0; k < XS_COUNT; k++) {
		const struct rel *r;
		char *part, *xml;
		size_t len;
		int rc;

		if (!b->sheet_rid[k])
			continue;
		r = rel_by_id(b, b->sheet_rid[k]);
		if (!r)
			return fc_fail(err, _("sheet %s: the workbook does not say where it is"),
				       sheet_names[k]);
		part = resolve_target(b->workbook, r->target);
		rc = read_part(b, part, &xml, &len, err);
		if (rc > 0)
			fc_fail(err, _("sheet %s: the part %s is missing"), sheet_names[k], part);
		if (!rc) {
			char *where = xstrfmt("sheet %s (%s)", sheet_names[k], part);
			rc = xlsx_sheet_csv(where, xml, len, b->strings, b->n_strings, &b->styles, out,
					    (enum xlsx_sheet)k, err);
			free(where);
			free(xml);
		}
		free(part);
		if (rc)
			return -1;
		out->name[k] = xstrdup(k == XS_SURVEY && b->first_name &&
				       strcasecmp(b->first_name, sheet_names[k]) &&
				       b->n_sheets == 1 ? b->first_name : sheet_names[k]);
	}
	return 0;
}

int xlsx_read(const void *buf, size_t len, struct xlsx_sheets *out, struct fc_err *err)
{
	static const unsigned char ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	struct book b;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if (len >= sizeof ole && !memcmp(buf, ole, sizeof ole))
		return fc_fail(err, _("an old binary .xls workbook: save it as .xlsx (Excel or WPS: "
			       "Save As, Excel Workbook; or libreoffice --convert-to xlsx FILE)"));
	memset(&b, 0, sizeof b);
	rc = zip_open(&b.zip, buf, len, err);
	if (rc)
		return fc_err_prefix(err, _("not an .xlsx workbook"));
	strbuf_init(&b.unused);
	rc = read_book(&b, err);
	if (!rc)
		rc = read_sheets(&b, out, err);
	if (!rc && b.unused.len)
		out->unused = strbuf_detach(&b.unused);
	strbuf_release(&b.unused);
	if (rc)
		xlsx_sheets_release(out);
	rels_release(&b);
	for (i = 0; i < b.n_strings; i++)
		free(b.strings[i]);
	free(b.strings);
	for (i = 0; i < XS_COUNT; i++)
		free(b.sheet_rid[i]);
	free(b.first_rid);
	free(b.first_name);
	free(b.workbook);
	xlsx_styles_release(&b.styles);
	zip_release(&b.zip);
	return rc;
}

int xlsx_read_file(const char *path, struct xlsx_sheets *out, struct fc_err *err)
{
	struct strbuf sb;
	struct stat st;
	ssize_t n = 0;
	int fd, rc;

	memset(out, 0, sizeof *out);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return fc_fail(err, _("cannot open: %s"), strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size > (off_t)XLSX_FILE_MAX) {
		close(fd);
		return S_ISREG(st.st_mode)
			? fc_fail(err, _("too large (%lld bytes; a workbook may have %u MiB)"),
				  (long long)st.st_size, XLSX_FILE_MAX >> 20)
			: fc_fail(err, _("not a regular file"));
	}
	strbuf_init(&sb);
	n = file_read_fd(fd, XLSX_FILE_MAX, &sb);
	close(fd);
	if (n < 0)
		rc = fc_fail(err, _("cannot read: %s"), strerror(errno));
	else if (sb.len > XLSX_FILE_MAX)
		rc = fc_fail(err, _("too large (a workbook may have %u MiB)"), XLSX_FILE_MAX >> 20);
	else
		rc = xlsx_read(sb.buf, sb.len, out, err);
	strbuf_release(&sb);
	return rc;
}

void xlsx_sheets_release(struct xlsx_sheets *x)
{
	size_t k;

	for (k = 0; k < XS_COUNT; k++) {
		free(x->csv[k]);
		free(x->name[k]);
		free(x->row_of_line[k]);
	}
	free(x->unused);
	memset(x, 0, sizeof *x);
}

const char *xlsx_sheet_name(enum xlsx_sheet s)
{
	return (unsigned)s < XS_COUNT ? sheet_names[s] : "";
}

int xlsx_row(const struct xlsx_sheets *x, enum xlsx_sheet s, int line)
{
	if (line > 0 && (size_t)line <= x->n_lines[s] && x->row_of_line[s])
		return x->row_of_line[s][line];
	return line;
}

const char *xlsx_column_name(int col, char *buf)
{
	char tmp[8];
	int n = 0, i;

	if (col < 1 || col > 16384) {
		strcpy(buf, "?");
		return buf;
	}
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}
