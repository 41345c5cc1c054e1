/* json.h - a strict JSON reader for records that come from outside.
 *
 * Records arrive from remotes we do not control, so the reader refuses
 * rather than guesses: invalid UTF-8, unescaped control characters, "\u0000",
 * lone surrogates, duplicate keys, numbers that are not whole, nesting deeper
 * than JSON_MAX_DEPTH, trailing garbage.  Every value carries the line and
 * column where it starts, for messages.
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
};

struct json_member {
	char *key;
	struct json_value value;
};

/* Parses buf[0..len).  On success fills *out (free with json_free).
 * `where` names the source in messages ("hazards/x.json"). */
int json_parse(const char *buf, size_t len, const char *where, struct json_value *out,
	       struct fc_err *err);
void json_free(struct json_value *v);
/* The member called key, or NULL. */
const struct json_value *json_get(const struct json_value *obj, const char *key);
const char *json_type_name(enum json_type t);

#endif
