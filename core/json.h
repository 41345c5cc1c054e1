/* json.h - a strict JSON reader for records that come from outside.
 *
 * Records arrive from remotes we do not control, so the reader refuses
 * rather than guesses: invalid UTF-8, unescaped control characters, "\u0000",
 * lone surrogates, duplicate keys, numbers that are not whole, nesting deeper
 * than JSON_MAX_DEPTH, trailing garbage.  Every value carries the line and
 * column where it starts, for messages.
 *
 * The caller says how large a document it can use (struct json_limits): an
 * object with more keys, or a document with more values, is refused as soon
 * as the reader meets the one too many, before it is built.  That bounds the
 * memory a hostile document costs, and the duplicate-key check, which
 * compares each key with the keys before it in its object.
 */
#ifndef FC_JSON_H
#define FC_JSON_H

#include <stddef.h>
#include "err.h"

#define JSON_MAX_DEPTH 16

enum json_type { JSON_NULL, JSON_BOOL, JSON_INT, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json_member;

struct json_value {
	enum json_type type;
	int line, col;
	long long i;               /* JSON_INT, JSON_BOOL (0/1) */
	char *s;                   /* JSON_STRING, NUL-terminated (no NUL inside) */
	size_t len;                /* JSON_STRING bytes; JSON_ARRAY/OBJECT count */
	struct json_value *items;  /* JSON_ARRAY */
	struct json_member *members; /* JSON_OBJECT, in document order */
	char *arena;               /* the root's: one block holding every key and
				    * text of the document (NULL in the others) */
};

struct json_member {
	char *key;
	struct json_value value;
};

struct json_limits {
	size_t keys;    /* the most members one object may have */
	size_t values;  /* the most values in the document, nested ones counted */
};

/* Parses buf[0..len).  On success fills *out (free with json_release).
 * `where` names the source in messages ("hazards/x.json"). */
int json_parse(const char *buf, size_t len, const char *where, const struct json_limits *lim,
	       struct json_value *out, struct fc_err *err);
void json_release(struct json_value *v);
/* The member called key, or NULL. */
const struct json_value *json_get(const struct json_value *obj, const char *key);
const char *json_type_name(enum json_type t);

#endif
