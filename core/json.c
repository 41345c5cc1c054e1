/* json.c - strict recursive-descent JSON parser (see json.h). */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "text.h"
#include "core/i18n.h"

struct parser {
	const unsigned char *p, *end, *line_start;
	int line;
	const unsigned char *col_at;   /* where col_of last counted to, and its column */
	int col;
	const char *where;
	const struct json_limits *lim;
	size_t values;                 /* values begun so far */
	struct fc_err *err;
	char *arena;                   /* the strings' block (json_value.arena) */
	size_t arena_used, arena_size;
};

/* A copy of the n bytes at s, NUL-terminated, in the document's block.
 * Every key and text is copied there instead of into an allocation of its
 * own (a malloc and a free per value were a tenth of decoding a record).
 * The block is the document's length and one more: a string takes its
 * bytes and a NUL, and came from at least its bytes and two quotes. */
static char *arena_copy(struct parser *ps, const void *s, size_t n)
{
	char *out;

	if (n >= ps->arena_size - ps->arena_used) /* cannot be, as said above */
		return NULL;
	out = ps->arena + ps->arena_used;
	memcpy(out, s, n);
	out[n] = '\0';
	ps->arena_used += n + 1;
	return out;
}

/* The column of ps->p.  Columns count characters, not bytes, so they match
 * an editor's.  Counted on from the last call on the same line: every value
 * asks for its column, and an answer is one line of several values. */
static int col_of(struct parser *ps)
{
	if (!ps->col_at || ps->col_at < ps->line_start || ps->col_at > ps->p) {
		ps->col_at = ps->line_start;
		ps->col = 1;
	}
	while (ps->col_at < ps->p) {
		size_t n = *ps->col_at < 0x80 ? 1 /* ASCII, most of a record: no call */
			   : utf8_seq_len(ps->col_at, (size_t)(ps->p - ps->col_at));
		ps->col_at += n ? n : 1;
		ps->col++;
	}
	return ps->col;
}

static int fail(struct parser *ps, const char *what)
{
	return fc_fail(ps->err, "%s:%d:%d: %s", ps->where, ps->line, col_of(ps), what);
}

/* The document holds more than its limit of something: "keys in one
 * object", "values". */
static int too_many(struct parser *ps, size_t limit, const char *what)
{
	char msg[128];
	snprintf(msg, sizeof msg, "more than %zu %s; no record holds that many", limit, what);
	return fail(ps, msg);
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end) {
		unsigned char c = *ps->p;
		if (c == '\n') {
			ps->line++;
			ps->line_start = ps->p + 1;
		} else if (c != ' ' && c != '\t' && c != '\r') {
			return;
		}
		ps->p++;
	}
}

static int parse_value(struct parser *ps, struct json_value *v, int depth);

static int hex4(struct parser *ps, unsigned *out)
{
	unsigned v = 0;
	int i;
	if (ps->end - ps->p < 4)
		return fail(ps, "truncated \\u escape");
	for (i = 0; i < 4; i++) {
		unsigned char c = ps->p[i];
		v <<= 4;
		if (c >= '0' && c <= '9') v |= c - '0';
		else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
		else return fail(ps, "bad \\u escape");
	}
	ps->p += 4;
	*out = v;
	return 0;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	char b[4];
	if (cp < 0x80) {
		strbuf_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xf0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); b[3] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 4);
	}
}

/* Called with ps->p just past the backslash; errors point at the backslash. */
static int parse_escape(struct parser *ps, struct strbuf *sb)
{
	const unsigned char *start = ps->p - 1;
	unsigned cp, lo;
	char c = (char)*ps->p++;

	switch (c) {
	case '"': case '\\': case '/': strbuf_addc(sb, c); return 0;
	case 'b': strbuf_addc(sb, '\b'); return 0;
	case 'f': strbuf_addc(sb, '\f'); return 0;
	case 'n': strbuf_addc(sb, '\n'); return 0;
	case 'r': strbuf_addc(sb, '\r'); return 0;
	case 't': strbuf_addc(sb, '\t'); return 0;
	case 'u': break;
	default: ps->p--; return fail(ps, "unknown escape in string");
	}
	if (hex4(ps, &cp))
		return -1;
	if (cp == 0) {
		ps->p = start;
		return fail(ps, "\\u0000 is not allowed in text");
	}
	if (cp >= 0xdc00 && cp <= 0xdfff) {
		ps->p = start;
		return fail(ps, "lone low surrogate in \\u escape");
	}
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u') {
			ps->p = start;
			return fail(ps, "lone high surrogate in \\u escape");
		}
		ps->p += 2;
		if (hex4(ps, &lo))
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff) {
			ps->p = start;
			return fail(ps, "bad surrogate pair in \\u escape");
		}
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	put_utf8(sb, cp);
	return 0;
}

/* The text is copied a run at a time (between escapes), and straight into
 * its own allocation when it has no escape, as most strings have none. */
static int parse_string(struct parser *ps, char **out, size_t *len)
{
	struct strbuf sb;
	const unsigned char *run;
	int escaped = 0, rc = 0;

	ps->p++; /* opening quote */
	run = ps->p;
	for (;;) {
		size_t n;
		if (ps->p >= ps->end) {
			rc = fail(ps, "unterminated string");
			break;
		}
		if (*ps->p == '"')
			break;
		if (*ps->p == '\\') {
			if (!escaped) {
				strbuf_init(&sb);
				escaped = 1;
			}
			strbuf_add(&sb, run, (size_t)(ps->p - run));
			ps->p++;
			if (ps->p >= ps->end || parse_escape(ps, &sb)) {
				rc = ps->p >= ps->end ? fail(ps, "unterminated string") : -1;
				break;
			}
			run = ps->p;
			continue;
		}
		if (*ps->p < 0x20) {
			rc = fail(ps, "control character inside a string (must be escaped)");
			break;
		}
		if (*ps->p < 0x80) { /* ASCII: valid as it is */
			ps->p++;
			continue;
		}
		n = utf8_seq_len(ps->p, (size_t)(ps->end - ps->p));
		if (n == 0) {
			rc = fail(ps, "invalid UTF-8");
			break;
		}
		ps->p += n;
	}
	if (rc) {
		if (escaped)
			strbuf_release(&sb);
		return rc;
	}
	if (escaped) {
		strbuf_add(&sb, run, (size_t)(ps->p - run));
		*len = sb.len;
		*out = arena_copy(ps, sb.buf, sb.len);
		strbuf_release(&sb);
	} else {
		*len = (size_t)(ps->p - run);
		*out = arena_copy(ps, run, *len);
	}
	if (!*out)
		return fail(ps, "internal error: the document's strings outgrew it");
	ps->p++;
	return 0;
}

static int parse_int(struct parser *ps, struct json_value *v)
{
	const unsigned char *s = ps->p;
	long long x = 0;
	int neg = 0, digits = 0;

	if (*ps->p == '-')
		neg = 1, ps->p++;
	if (ps->p < ps->end && *ps->p == '0' && ps->p + 1 < ps->end &&
	    ps->p[1] >= '0' && ps->p[1] <= '9')
		return fail(ps, "number with a leading zero");
	while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
		if (x > (9007199254740991LL - (*ps->p - '0')) / 10)
			return fail(ps, "number too large");
		x = x * 10 + (*ps->p++ - '0');
		digits++;
	}
	if (!digits) {
		ps->p = s;
		return fail(ps, "expected a value");
	}
	if (ps->p < ps->end && (*ps->p == '.' || *ps->p == 'e' || *ps->p == 'E'))
		return fail(ps, "only whole numbers are used in records");
	v->type = JSON_INT;
	v->i = neg ? -x : x;
	return 0;
}

static int parse_word(struct parser *ps, struct json_value *v)
{
	static const struct { const char *w; enum json_type t; int i; } words[] = {
		{ "true", JSON_BOOL, 1 }, { "false", JSON_BOOL, 0 }, { "null", JSON_NULL, 0 },
	};
	size_t k;
	for (k = 0; k < ARRAY_SIZE(words); k++) {
		size_t n = strlen(words[k].w);
		if ((size_t)(ps->end - ps->p) >= n && !memcmp(ps->p, words[k].w, n)) {
			ps->p += n;
			v->type = words[k].t;
			v->i = words[k].i;
			return 0;
		}
	}
	return fail(ps, "expected a value");
}

static int parse_array(struct parser *ps, struct json_value *v, int depth)
{
	size_t alloc = 0;

	ps->p++;
	v->type = JSON_ARRAY;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return 0;
	}
	for (;;) {
		ALLOC_GROW(v->items, v->len + 1, alloc);
		memset(&v->items[v->len], 0, sizeof *v->items);
		v->len++;
		if (parse_value(ps, &v->items[v->len - 1], depth + 1))
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == ']') {
			ps->p++;
			return 0;
		}
		return fail(ps, "expected ',' or ']' in array");
	}
}

static int parse_member(struct parser *ps, struct json_value *v, size_t *alloc, int depth)
{
	struct json_member *m;
	char *key;
	size_t klen, k;
	int line = ps->line, col;

	skip_ws(ps);
	line = ps->line;
	col = col_of(ps);
	if (ps->p >= ps->end || *ps->p != '"')
		return fail(ps, "expected a key in double quotes");
	if (v->len == ps->lim->keys)
		return too_many(ps, ps->lim->keys, "keys in one object");
	if (parse_string(ps, &key, &klen))
		return -1;
	/* At most lim->keys before it: the check stays linear in the input. */
	for (k = 0; k < v->len; k++)
		if (!strcmp(v->members[k].key, key)) {
			fc_fail(ps->err, _("%s:%d:%d: duplicate key \"%.60s\""), ps->where, line, col, key);
			return -1;
		}
	ALLOC_GROW(v->members, v->len + 1, *alloc);
	m = &v->members[v->len++];
	memset(m, 0, sizeof *m);
	m->key = key;
	skip_ws(ps);
	if (ps->p >= ps->end || *ps->p != ':')
		return fail(ps, "expected ':' after key");
	ps->p++;
	return parse_value(ps, &m->value, depth + 1);
}

static int parse_object(struct parser *ps, struct json_value *v, int depth)
{
	size_t alloc = 0;

	ps->p++;
	v->type = JSON_OBJECT;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return 0;
	}
	for (;;) {
		if (parse_member(ps, v, &alloc, depth))
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == '}') {
			ps->p++;
			return 0;
		}
		return fail(ps, "expected ',' or '}' in object");
	}
}

static int parse_value(struct parser *ps, struct json_value *v, int depth)
{
	if (depth > JSON_MAX_DEPTH)
		return fail(ps, "nested too deeply");
	skip_ws(ps);
	if (++ps->values > ps->lim->values)
		return too_many(ps, ps->lim->values, "values");
	v->line = ps->line;
	v->col = col_of(ps);
	if (ps->p >= ps->end)
		return fail(ps, "unexpected end of input");
	switch (*ps->p) {
	case '{': return parse_object(ps, v, depth);
	case '[': return parse_array(ps, v, depth);
	case '"': v->type = JSON_STRING; return parse_string(ps, &v->s, &v->len);
	case 't': case 'f': case 'n': return parse_word(ps, v);
	default: return parse_int(ps, v);
	}
}

int json_parse(const char *buf, size_t len, const char *where, const struct json_limits *lim,
	       struct json_value *out, struct fc_err *err)
{
	struct parser ps = { .p = (const unsigned char *)buf,
			     .end = (const unsigned char *)buf + len,
			     .line_start = (const unsigned char *)buf, .line = 1,
			     .where = where, .lim = lim, .err = err };

	memset(out, 0, sizeof *out);
	ps.arena_size = len + 1;
	ps.arena = out->arena = xmalloc(ps.arena_size);
	if (parse_value(&ps, out, 0)) {
		json_release(out);
		return -1;
	}
	skip_ws(&ps);
	if (ps.p != ps.end) {
		json_release(out);
		return fail(&ps, "unexpected text after the end of the record");
	}
	return 0;
}

/* The arrays of v and of the values in it; their strings are the root's
 * block. */
static void release_tree(struct json_value *v)
{
	size_t k;

	if (v->type == JSON_ARRAY)
		for (k = 0; k < v->len; k++)
			release_tree(&v->items[k]);
	if (v->type == JSON_OBJECT)
		for (k = 0; k < v->len; k++)
			release_tree(&v->members[k].value);
	free(v->items);
	free(v->members);
}

void json_release(struct json_value *v)
{
	if (!v)
		return;
	release_tree(v);
	free(v->arena);
	memset(v, 0, sizeof *v);
}

const struct json_value *json_get(const struct json_value *obj, const char *key)
{
	size_t k;
	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (k = 0; k < obj->len; k++)
		if (!strcmp(obj->members[k].key, key))
			return &obj->members[k].value;
	return NULL;
}

const char *json_type_name(enum json_type t)
{
	static const char *names[] = { "null", "true/false", "a number", "text", "a list",
				       "an object" };
	return names[t];
}
