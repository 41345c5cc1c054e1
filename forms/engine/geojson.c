/* geojson.c - a GeoJSON FeatureCollection as a select's choices (see
 * geojson.h).
 *
 * A reader of its own rather than core/json: that one refuses numbers that
 * are not whole (records hold none), and coordinates are nothing else.
 * It reads in one pass without building the document: each feature
 * becomes a choice as it is read, members in any order, what is not used
 * skipped (still checked as JSON, and no deeper than GEOJSON_DEPTH_MAX).
 * Every text is checked as one line (text_check) and at most a CSV field's
 * size; numbers are kept as the file writes them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/csv.h"
#include "forms/engine/geojson.h"
#include "forms/engine/load_impl.h"

enum { COL_ID, COL_GEOMETRY }; /* the first two columns, then the properties' */

struct gj {
	const char *s;
	size_t n, i;
	int depth;
	size_t err_at;
	struct fc_err *err;
	struct form_list *l;
	size_t alloc_choices, alloc_cols;
	size_t *n_props;            /* per choice: props entries allocated */
	size_t alloc_n_props;
};

static int fail_at(struct gj *g, size_t at, const char *fmt, ...) FC_PRINTF(3, 4);
static int fail_at(struct gj *g, size_t at, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	fc_fail(g->err, "%s", sb.buf);
	strbuf_release(&sb);
	g->err_at = at;
	return -1;
}

static void ws(struct gj *g)
{
	while (g->i < g->n && (g->s[g->i] == ' ' || g->s[g->i] == '\t' || g->s[g->i] == '\n' ||
			       g->s[g->i] == '\r'))
		g->i++;
}

static int peek(struct gj *g)
{
	ws(g);
	return g->i < g->n ? (unsigned char)g->s[g->i] : -1;
}

static int eat(struct gj *g, char c, const char *what)
{
	if (peek(g) != (unsigned char)c)
		return fail_at(g, g->i, "expected %s", what);
	g->i++;
	return 0;
}

static int deeper(struct gj *g)
{
	if (++g->depth > GEOJSON_DEPTH_MAX)
		return fail_at(g, g->i, "nests deeper than %d levels", GEOJSON_DEPTH_MAX);
	return 0;
}

static int hex4(struct gj *g, unsigned *cp)
{
	size_t k;

	*cp = 0;
	if (g->n - g->i < 4)
		return fail_at(g, g->i, "\\u wants four hex digits");
	for (k = 0; k < 4; k++) {
		char c = g->s[g->i + k];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return fail_at(g, g->i, "\\u wants four hex digits");
		*cp = *cp * 16 + (unsigned)d;
	}
	g->i += 4;
	return 0;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	if (cp < 0x80) {
		strbuf_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		strbuf_addc(sb, (char)(0xc0 | cp >> 6));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_addc(sb, (char)(0xe0 | cp >> 12));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addc(sb, (char)(0xf0 | cp >> 18));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

/* \uXXXX (and its low surrogate), the 'u' read. */
static int unicode_escape(struct gj *g, struct strbuf *sb, size_t at)
{
	unsigned cp, lo;

	if (hex4(g, &cp))
		return -1;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return fail_at(g, at, "a lone surrogate in a string");
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (g->n - g->i < 2 || g->s[g->i] != '\\' || g->s[g->i + 1] != 'u')
			return fail_at(g, at, "a lone surrogate in a string");
		g->i += 2;
		if (hex4(g, &lo))
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff)
			return fail_at(g, at, "a lone surrogate in a string");
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (!cp)
		return fail_at(g, at, "\\u0000 in a string");
	put_utf8(sb, cp);
	return 0;
}

/* A string into sb, decoded and checked as one line of text. */
static int string(struct gj *g, struct strbuf *sb)
{
	static const char esc[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	size_t start = g->i;
	struct fc_err e;

	if (eat(g, '"', "a string"))
		return -1;
	start = g->i - 1;
	for (;;) {
		unsigned char c;
		if (g->i >= g->n)
			return fail_at(g, start, "a string is never closed");
		if (sb->len > CSV_FIELD_MAX)
			return fail_at(g, start, "a string longer than %u bytes", CSV_FIELD_MAX);
		c = (unsigned char)g->s[g->i++];
		if (c == '"')
			break;
		if (c < 0x20)
			return fail_at(g, g->i - 1, "a control character in a string");
		if (c != '\\') {
			strbuf_addc(sb, (char)c);
		} else if (g->i < g->n && g->s[g->i] == 'u') {
			g->i++;
			if (unicode_escape(g, sb, g->i - 2))
				return -1;
		} else {
			const char *p = g->i < g->n && g->s[g->i] ? strchr(esc, g->s[g->i]) : NULL;
			if (!p || (p - esc) % 2)
				return fail_at(g, g->i - 1, "a bad escape in a string");
			strbuf_addc(sb, p[1]);
			g->i++;
		}
	}
	if (text_check(sb->buf, sb->len, TEXT_LINE, CSV_FIELD_MAX, "text", &e))
		return fail_at(g, start, "%s", e.msg);
	return 0;
}

static int digits(struct gj *g)
{
	size_t from = g->i;

	while (g->i < g->n && g->s[g->i] >= '0' && g->s[g->i] <= '9')
		g->i++;
	return g->i > from ? 0 : -1;
}

/* A number, its text as written appended to sb (at most 64 bytes). */
static int number(struct gj *g, struct strbuf *sb)
{
	size_t start;

	ws(g);
	start = g->i;
	if (g->i < g->n && g->s[g->i] == '-')
		g->i++;
	if (g->i < g->n && g->s[g->i] == '0')
		g->i++;
	else if (digits(g))
		return fail_at(g, start, "expected a value");
	if (g->i < g->n && g->s[g->i] == '.' && (g->i++, digits(g)))
		return fail_at(g, start, "a malformed number");
	if (g->i < g->n && (g->s[g->i] == 'e' || g->s[g->i] == 'E')) {
		g->i++;
		if (g->i < g->n && (g->s[g->i] == '+' || g->s[g->i] == '-'))
			g->i++;
		if (digits(g))
			return fail_at(g, start, "a malformed number");
	}
	if (g->i - start > 64)
		return fail_at(g, start, "a number longer than 64 characters");
	strbuf_add(sb, g->s + start, g->i - start);
	return 0;
}

static int literal(struct gj *g, const char *word)
{
	size_t n = strlen(word);

	if (g->n - g->i < n || memcmp(g->s + g->i, word, n))
		return fail_at(g, g->i, "expected a value");
	g->i += n;
	return 0;
}

typedef int (*member_fn)(struct gj *g, const char *key, size_t at, void *ctx);
typedef int (*item_fn)(struct gj *g, size_t index, void *ctx);

/* An object, each member's value read by fn (the current character its
 * first). */
static int object(struct gj *g, member_fn fn, void *ctx)
{
	struct strbuf key;
	size_t at;
	int r;

	if (eat(g, '{', "an object") || deeper(g))
		return -1;
	if (peek(g) == '}') {
		g->i++;
		g->depth--;
		return 0;
	}
	for (;;) {
		strbuf_init(&key);
		at = g->i;
		r = string(g, &key) || eat(g, ':', "':'") || (peek(g), fn(g, key.buf, at, ctx));
		strbuf_release(&key);
		if (r)
			return -1;
		if (peek(g) == ',') {
			g->i++;
			continue;
		}
		if (eat(g, '}', "',' or '}'"))
			return -1;
		g->depth--;
		return 0;
	}
}

static int array(struct gj *g, item_fn fn, void *ctx)
{
	size_t k = 0;

	if (eat(g, '[', "an array") || deeper(g))
		return -1;
	if (peek(g) == ']') {
		g->i++;
		g->depth--;
		return 0;
	}
	for (;; k++) {
		if (fn(g, k, ctx))
			return -1;
		if (peek(g) == ',') {
			g->i++;
			continue;
		}
		if (eat(g, ']', "',' or ']'"))
			return -1;
		g->depth--;
		return 0;
	}
}

static int skip(struct gj *g);

static int skip_member(struct gj *g, const char *key, size_t at, void *ctx)
{
	(void)key, (void)at, (void)ctx;
	return skip(g);
}

static int skip_item(struct gj *g, size_t index, void *ctx)
{
	(void)index, (void)ctx;
	return skip(g);
}

/* Any value, checked and not kept. */
static int skip(struct gj *g)
{
	struct strbuf sb;
	int r;

	switch (peek(g)) {
	case '{': return object(g, skip_member, NULL);
	case '[': return array(g, skip_item, NULL);
	case 't': return literal(g, "true");
	case 'f': return literal(g, "false");
	case 'n': return literal(g, "null");
	default:
		strbuf_init(&sb);
		r = peek(g) == '"' ? string(g, &sb) : number(g, &sb);
		strbuf_release(&sb);
		return r;
	}
}

/* A value a column can hold (a string, a number, true, false, null as "")
 * into sb; 1 (nothing read) for an object or an array. */
static int scalar(struct gj *g, struct strbuf *sb)
{
	switch (peek(g)) {
	case '{': case '[': return 1;
	case '"': return string(g, sb);
	case 't': strbuf_adds(sb, "true"); return literal(g, "true");
	case 'f': strbuf_adds(sb, "false"); return literal(g, "false");
	case 'n': return literal(g, "null");
	default: return number(g, sb);
	}
}

/* The column called name (added when new). */
static int column(struct gj *g, const char *name, size_t at)
{
	struct form_list *l = g->l;
	size_t k;

	for (k = 0; k < l->n_cols; k++)
		if (!strcmp(l->cols[k], name))
			return (int)k;
	if (l->n_cols == GEOJSON_COLS_MAX)
		return fail_at(g, at, "more than %d properties", GEOJSON_COLS_MAX - 2);
	ALLOC_GROW(l->cols, l->n_cols + 1, g->alloc_cols);
	l->cols[l->n_cols] = xstrdup(name);
	return (int)l->n_cols++;
}

/* Sets column col of the last choice to v (taken); a second value is
 * refused. */
static int set_prop(struct gj *g, int col, char *v, size_t at, const char *name)
{
	struct form_choice *c = &g->l->choices[g->l->n - 1];
	size_t *have = &g->n_props[g->l->n - 1], k;

	if ((size_t)col >= *have) {
		c->props = xreallocarray(c->props, g->l->n_cols, sizeof *c->props);
		for (k = *have; k < g->l->n_cols; k++)
			c->props[k] = NULL;
		*have = g->l->n_cols;
	}
	if (c->props[col]) {
		free(v);
		return fail_at(g, at, "'%s' is given twice", name);
	}
	c->props[col] = v;
	return 0;
}

static int property(struct gj *g, const char *key, size_t at, void *ctx)
{
	struct strbuf sb;
	int col, r;

	(void)ctx;
	strbuf_init(&sb);
	r = scalar(g, &sb);
	if (r > 0)
		r = fail_at(g, at, "property '%s' holds an object or an array, which a "
			    "column cannot", key);
	if (r || (col = column(g, key, at)) < 0 ||
	    (col == COL_GEOMETRY && fail_at(g, at, "a property may not be called geometry"))) {
		strbuf_release(&sb);
		return -1;
	}
	return set_prop(g, col, strbuf_detach(&sb), at, key);
}

/* A geometry as it is read: its type, and its points in ODK's format. */
struct geom {
	char type[16];
	int have_type;
	int level;              /* array levels above a position; -1 none yet */
	struct strbuf pts;      /* "lat lon alt 0;..." */
};

struct coords {
	struct gj *g;
	struct geom *gm;
	int level;
	size_t outer;           /* index in the outermost array */
};

static int coords(struct gj *g, struct geom *gm, int level, size_t outer);

/* One number of a position: its index k within it. */
static int position_item(struct gj *g, size_t k, void *ctx)
{
	struct strbuf *num = ctx;

	if (k >= 3)
		return fail_at(g, g->i, "a position has at most 3 numbers (longitude, "
			       "latitude, altitude)");
	return number(g, &num[k]);
}

static int coords_item(struct gj *g, size_t index, void *ctx)
{
	struct coords *c = ctx;

	return coords(g, c->gm, c->level + 1, c->level == 0 ? index : c->outer);
}

/* Coordinates at `level` arrays deep: a position (an array of numbers) or
 * an array of them, recursively.  A polygon keeps its outer ring. */
static int coords(struct gj *g, struct geom *gm, int level, size_t outer)
{
	struct strbuf num[3];
	struct coords c = { g, gm, level, outer };
	size_t at, k, save;
	int r, first;

	ws(g);
	at = g->i;
	save = g->i;
	if (eat(g, '[', "an array of coordinates"))
		return -1;
	first = peek(g);
	g->i = save;
	if (first == '[' || first == ']')
		return array(g, coords_item, &c);
	if (gm->level >= 0 && gm->level != level)
		return fail_at(g, at, "positions at different depths");
	gm->level = level;
	for (k = 0; k < 3; k++)
		strbuf_init(&num[k]);
	r = array(g, position_item, num);
	if (!r && (!num[0].len || !num[1].len))
		r = fail_at(g, at, "a position needs a longitude and a latitude");
	if (!r && (level < 2 || outer == 0)) {
		strbuf_addf(&gm->pts, "%s%s %s %s 0", gm->pts.len ? ";" : "", num[1].buf,
			    num[0].buf, num[2].len ? num[2].buf : "0");
		if (gm->pts.len > CSV_FIELD_MAX)
			r = fail_at(g, at, "a geometry longer than %u bytes", CSV_FIELD_MAX);
	}
	for (k = 0; k < 3; k++)
		strbuf_release(&num[k]);
	return r;
}

static int geometry_member(struct gj *g, const char *key, size_t at, void *ctx)
{
	struct geom *gm = ctx;
	struct strbuf sb;

	if (!strcmp(key, "type")) {
		strbuf_init(&sb);
		if (gm->have_type++ || string(g, &sb)) {
			strbuf_release(&sb);
			return gm->have_type > 1 ? fail_at(g, at, "'type' is given twice") : -1;
		}
		snprintf(gm->type, sizeof gm->type, "%s", sb.buf);
		strbuf_release(&sb);
		return 0;
	}
	if (!strcmp(key, "coordinates")) {
		if (gm->level != -1 || gm->pts.len)
			return fail_at(g, at, "'coordinates' is given twice");
		gm->level = -2; /* seen, no position yet */
		return coords(g, gm, 0, 0);
	}
	return skip(g);
}

static int geometry(struct gj *g, size_t at)
{
	static const char *const types[] = { "Point", "LineString", "Polygon" };
	struct geom gm;
	int k, r;

	if (peek(g) == 'n')
		return literal(g, "null") || set_prop(g, COL_GEOMETRY, xstrdup(""), at, "geometry");
	memset(&gm, 0, sizeof gm);
	gm.level = -1;
	strbuf_init(&gm.pts);
	r = object(g, geometry_member, &gm);
	for (k = 0; !r && k < 3 && strcmp(gm.type, types[k]); k++)
		;
	if (!r && k == 3)
		r = fail_at(g, at, "geometry type '%s' is not one ODK takes (Point, LineString, "
			    "Polygon)", gm.have_type ? gm.type : "");
	if (!r && gm.level >= 0 && gm.level != k)
		r = fail_at(g, at, "the coordinates are not a %s's", types[k]);
	if (!r && k == 0 && !gm.pts.len)
		r = fail_at(g, at, "a Point without its position");
	if (r) {
		strbuf_release(&gm.pts);
		return -1;
	}
	return set_prop(g, COL_GEOMETRY, strbuf_detach(&gm.pts), at, "geometry");
}

/* What a feature says of itself besides its properties. */
struct feature {
	size_t at;
	int have_type, have_props;
	char *id;               /* the top-level id, or NULL */
};

static int feature_member(struct gj *g, const char *key, size_t at, void *ctx)
{
	struct feature *ft = ctx;
	struct strbuf sb;
	int r;

	if (!strcmp(key, "type") || !strcmp(key, "id")) {
		int is_type = key[0] == 't';
		if (is_type ? ft->have_type++ : ft->id != NULL)
			return fail_at(g, at, "'%s' is given twice", key);
		strbuf_init(&sb);
		r = is_type ? string(g, &sb) : peek(g) == '"' ? string(g, &sb) : number(g, &sb);
		if (!r && is_type && strcmp(sb.buf, "Feature"))
			r = fail_at(g, at, "a feature's type is Feature, not '%s'", sb.buf);
		if (r) {
			strbuf_release(&sb);
			return -1;
		}
		if (is_type)
			strbuf_release(&sb);
		else
			ft->id = strbuf_detach(&sb);
		return 0;
	}
	if (!strcmp(key, "geometry"))
		return geometry(g, at);
	if (!strcmp(key, "properties")) {
		if (ft->have_props++)
			return fail_at(g, at, "'properties' is given twice");
		return peek(g) == 'n' ? literal(g, "null") : object(g, property, NULL);
	}
	return skip(g);
}

/* The last choice's name (its id) and label (its title property). */
static int name_choice(struct gj *g, struct feature *ft)
{
	struct form_choice *c = &g->l->choices[g->l->n - 1];
	struct fc_err e;
	const char *title = NULL;
	size_t k;

	if (!ft->have_type)
		return fail_at(g, ft->at, "a feature without \"type\": \"Feature\"");
	if (ft->id) { /* the top-level id wins over a property's */
		if (g->n_props[g->l->n - 1] > COL_ID && c->props[COL_ID]) {
			free(c->props[COL_ID]);
			c->props[COL_ID] = NULL;
		}
		if (set_prop(g, COL_ID, xstrdup(ft->id), ft->at, "id"))
			return -1;
	}
	if (g->n_props[g->l->n - 1] <= COL_ID || !c->props[COL_ID] || !*c->props[COL_ID])
		return fail_at(g, ft->at, "a feature without an id (a top-level id or an id "
			       "property)");
	if (!load_choice_name_ok(c->props[COL_ID], &e))
		return fail_at(g, ft->at, "id: %s", e.msg);
	c->name = xstrdup(c->props[COL_ID]);
	for (k = 2; k < g->n_props[g->l->n - 1]; k++)
		if (!strcmp(g->l->cols[k], "title") && c->props[k])
			title = c->props[k];
	if (title && *title) {
		c->label.tr = xcalloc(1, sizeof *c->label.tr);
		c->label.tr[0].lang = FORM_LANG_PLAIN;
		c->label.tr[0].s = xstrdup(title);
		c->label.n = 1;
	}
	return 0;
}

static int feature(struct gj *g, size_t index, void *ctx)
{
	struct form_list *l = g->l;
	struct feature ft;
	int r;

	(void)ctx;
	if (index >= GEOJSON_FEATURES_MAX)
		return fail_at(g, g->i, "more than %d features", GEOJSON_FEATURES_MAX);
	ALLOC_GROW(l->choices, l->n + 1, g->alloc_choices);
	memset(&l->choices[l->n], 0, sizeof *l->choices);
	ALLOC_GROW(g->n_props, l->n + 1, g->alloc_n_props);
	g->n_props[l->n] = 0;
	l->n++;
	memset(&ft, 0, sizeof ft);
	ft.at = (ws(g), g->i);
	r = object(g, feature_member, &ft) || name_choice(g, &ft);
	free(ft.id);
	return r ? -1 : 0;
}

struct top {
	int have_type, have_features;
};

static int top_member(struct gj *g, const char *key, size_t at, void *ctx)
{
	struct top *t = ctx;
	struct strbuf sb;
	int r;

	if (!strcmp(key, "type")) {
		if (t->have_type++)
			return fail_at(g, at, "'type' is given twice");
		strbuf_init(&sb);
		r = string(g, &sb);
		if (!r && strcmp(sb.buf, "FeatureCollection"))
			r = fail_at(g, at, "the file is a %s, not a FeatureCollection", sb.buf);
		strbuf_release(&sb);
		return r;
	}
	if (!strcmp(key, "features")) {
		if (t->have_features++)
			return fail_at(g, at, "'features' is given twice");
		return array(g, feature, NULL);
	}
	return skip(g);
}

static int cmp_name(const void *a, const void *b)
{
	const struct form_choice *const *p = a, *const *q = b;

	return strcmp((*p)->name, (*q)->name);
}

/* Ids are choice names: each once. */
static int ids_unique(struct gj *g)
{
	const struct form_choice **v = xcalloc(g->l->n + 1, sizeof *v);
	size_t k;
	int r = 0;

	for (k = 0; k < g->l->n; k++)
		v[k] = &g->l->choices[k];
	qsort(v, g->l->n, sizeof *v, cmp_name);
	for (k = 1; k < g->l->n && !r; k++)
		if (!strcmp(v[k]->name, v[k - 1]->name))
			r = fail_at(g, 0, "id '%s' is given to two features", v[k]->name);
	free(v);
	return r;
}

/* Every choice gets every column ("" where it has none). */
static void fill_props(struct gj *g)
{
	size_t k, c;

	for (k = 0; k < g->l->n; k++) {
		struct form_choice *ch = &g->l->choices[k];
		ch->props = xreallocarray(ch->props, g->l->n_cols, sizeof *ch->props);
		for (c = 0; c < g->l->n_cols; c++)
			if (c >= g->n_props[k] || !ch->props[c])
				ch->props[c] = xstrdup("");
	}
}

static void where(const struct gj *g, int *line, int *col)
{
	size_t k;

	*line = 1;
	*col = 1;
	for (k = 0; k < g->err_at && k < g->n; k++) {
		if (g->s[k] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)g->s[k] & 0xc0) != 0x80) {
			++*col;
		}
	}
}

int geojson_list(const char *buf, size_t len, struct form_list *out, int *line, int *col,
		 struct fc_err *err)
{
	struct gj g;
	struct top t = { 0, 0 };
	int r;

	memset(&g, 0, sizeof g);
	memset(out, 0, sizeof *out);
	g.s = buf;
	g.n = len;
	g.err = err;
	g.l = out;
	column(&g, "id", 0);
	column(&g, "geometry", 0);
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		g.i = 3; /* a byte order mark, as some tools write */
	r = object(&g, top_member, &t);
	if (!r && peek(&g) != -1)
		r = fail_at(&g, g.i, "something after the FeatureCollection");
	if (!r && (!t.have_type || !t.have_features))
		r = fail_at(&g, 0, "not a FeatureCollection (\"type\": \"FeatureCollection\" "
			    "and its \"features\")");
	if (!r && !out->n)
		r = fail_at(&g, 0, "no features");
	if (!r)
		r = ids_unique(&g);
	if (!r)
		fill_props(&g);
	else
		where(&g, line, col);
	if (r) { /* a choice's props are as long as it has set, not n_cols */
		size_t k, c;
		for (k = 0; k < out->n; k++) {
			for (c = 0; c < g.n_props[k]; c++)
				free(out->choices[k].props[c]);
			free(out->choices[k].props);
			out->choices[k].props = NULL;
		}
		geojson_list_release(out);
	}
	free(g.n_props);
	return r;
}

void geojson_list_release(struct form_list *l)
{
	size_t k, c;

	for (k = 0; k < l->n; k++) {
		struct form_choice *ch = &l->choices[k];
		free(ch->name);
		for (c = 0; c < ch->label.n; c++)
			free(ch->label.tr[c].s);
		free(ch->label.tr);
		for (c = 0; ch->props && c < l->n_cols; c++)
			free(ch->props[c]);
		free(ch->props);
	}
	free(l->choices);
	for (k = 0; k < l->n_cols; k++)
		free(l->cols[k]);
	free(l->cols);
	free(l->name);
	memset(l, 0, sizeof *l);
}
