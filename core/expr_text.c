/* expr_text.c - ODK's text functions beyond expr_fn.c, with JavaRosa's
 * meanings (XPathFuncExpr.java):
 *
 *   fc_before(s, t)        substring-before(): s up to the first t, '' if none
 *   fc_after(s, t)         substring-after(): s after the first t, '' if none
 *   fc_translate(s, f, t)  translate(): each character of s found in f
 *                          becomes the one at its place in t, or goes when
 *                          t is shorter (characters, not bytes)
 *   fc_bool_str(s)         boolean-from-string(): 1 for 'true' (any case)
 *                          or '1', else 0
 *   fc_uuid()              uuid(): a random version 4 UUID (getrandom), new
 *                          each evaluation, so not deterministic
 *   fc_uuid(n)             uuid(n): n random characters of 0-9A-Z, as
 *                          JavaRosa's genGUID (n truncated; '' for n < 1,
 *                          at most EXPR_UUID_MAX characters, so a form
 *                          cannot ask for gigabytes)
 *   fc_digest(s, alg, enc) digest(): MD5, SHA-1, SHA-256, SHA-384 or
 *                          SHA-512 of s's UTF-8 bytes, as 'base64' or
 *                          'hex'; NULL for another algorithm or encoding
 *   fc_b64decode(s)        base64-decode(): the bytes s encodes read as
 *                          UTF-8 (a byte that is not, or NUL, becomes
 *                          U+FFFD as in Java's String); NULL for text that
 *                          is not base64
 */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base64.h"
#include "expr.h"
#include "expr_impl.h"
#include "strbuf.h"
#include "text.h"
#include "uuid.h"

/* translate()'s work is |s| x |f|: bounded so a form cannot make it long. */
#define TRANSLATE_FROM_MAX 1024 /* characters in f */
#define EXPR_UUID_MAX 1024	 /* characters of uuid(n) */

const char *const expr_text_functions[] = {
	"fc_before", "fc_after", "fc_translate", "fc_bool_str", "fc_uuid", "fc_digest",
	"fc_b64decode", NULL,
};

static const char *text(sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);

	return s ? s : "";
}

static void fn_before(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = text(argv[0]), *t = text(argv[1]), *at = strstr(s, t);

	(void)argc;
	sqlite3_result_text(ctx, at ? s : "", at ? (int)(at - s) : 0, SQLITE_TRANSIENT);
}

static void fn_after(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = text(argv[0]), *t = text(argv[1]), *at = strstr(s, t);

	(void)argc;
	sqlite3_result_text(ctx, at ? at + strlen(t) : "", -1, SQLITE_TRANSIENT);
}

/* The character at *s (a byte taken as one when it is not valid UTF-8):
 * its code point, *s moved past it. */
static unsigned next_char(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = utf8_seq_len(p, strlen(*s));
	unsigned cp = n ? utf8_decode(p, n) : p[0];

	*s += n ? n : 1;
	return cp;
}

static void fn_translate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = text(argv[0]), *f = text(argv[1]), *t = text(argv[2]), *p, *q;
	unsigned from[TRANSLATE_FROM_MAX];
	const char *to[TRANSLATE_FROM_MAX], *to_end[TRANSLATE_FROM_MAX];
	size_t nf = 0, nt = 0, k;
	struct strbuf sb;

	(void)argc;
	for (p = f; *p; nf++) {
		if (nf == TRANSLATE_FROM_MAX) {
			sqlite3_result_error(ctx, "translate(): more than 1024 characters to replace",
					     -1);
			return;
		}
		from[nf] = next_char(&p);
	}
	for (p = t; *p && nt < nf; nt++) {
		to[nt] = p;
		next_char(&p);
		to_end[nt] = p;
	}
	strbuf_init(&sb);
	for (p = s; *p;) {
		q = p;
		unsigned cp = next_char(&p);
		for (k = 0; k < nf && from[k] != cp; k++)
			;
		if (k == nf)
			strbuf_add(&sb, q, (size_t)(p - q));
		else if (k < nt)
			strbuf_add(&sb, to[k], (size_t)(to_end[k] - to[k]));
	}
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, free);
}

static void fn_bool_str(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = text(argv[0]);

	(void)argc;
	sqlite3_result_int(ctx, !strcasecmp(s, "true") || !strcmp(s, "1"));
}

static void fn_uuid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char u[EXPR_UUID_MAX + 1];
	struct fc_err err;
	double n;
	int rc;

	if (argc == 0) {
		rc = uuid_new(u, &err);
	} else {
		if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
			return; /* NULL: '' to the form */
		n = sqlite3_value_double(argv[0]);
		n = n != n || n < 1 ? 0 : n > EXPR_UUID_MAX ? EXPR_UUID_MAX : n;
		rc = uuid_short(u, (size_t)n, &err);
	}
	if (rc) {
		sqlite3_result_error(ctx, err.msg, -1);
		return;
	}
	sqlite3_result_text(ctx, u, -1, SQLITE_TRANSIENT);
}

static const EVP_MD *digest_named(const char *name)
{
	if (!strcmp(name, "MD5"))
		return EVP_md5();
	if (!strcmp(name, "SHA-1"))
		return EVP_sha1();
	if (!strcmp(name, "SHA-256"))
		return EVP_sha256();
	if (!strcmp(name, "SHA-384"))
		return EVP_sha384();
	if (!strcmp(name, "SHA-512"))
		return EVP_sha512();
	return NULL;
}

int expr_digest_known(const char *alg, const char *enc)
{
	return (!alg || digest_named(alg)) &&
	       (!enc || !strcmp(enc, "base64") || !strcmp(enc, "hex"));
}

static void fn_digest(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = text(argv[0]), *enc = argc > 2 ? text(argv[2]) : "base64";
	const EVP_MD *md = digest_named(text(argv[1]));
	unsigned char out[EVP_MAX_MD_SIZE];
	unsigned n = 0, k;
	struct strbuf sb;

	if (!md || !expr_digest_known(NULL, enc)) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!EVP_Digest(s, strlen(s), out, &n, md, NULL)) {
		sqlite3_result_error(ctx, "digest(): the digest failed", -1);
		return;
	}
	strbuf_init(&sb);
	if (!strcmp(enc, "hex"))
		for (k = 0; k < n; k++)
			strbuf_addf(&sb, "%02x", out[k]);
	else
		base64_encode(out, n, 1, &sb);
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, free);
}

static void fn_b64decode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = text(argv[0]);
	struct strbuf raw, sb;
	size_t i, n;

	(void)argc;
	strbuf_init(&raw);
	if (base64_decode(s, strlen(s), &raw)) {
		strbuf_release(&raw);
		sqlite3_result_null(ctx);
		return;
	}
	strbuf_init(&sb);
	for (i = 0; i < raw.len; i += n) {
		n = utf8_seq_len((const unsigned char *)raw.buf + i, raw.len - i);
		if (n && raw.buf[i]) {
			strbuf_add(&sb, raw.buf + i, n);
		} else {
			strbuf_adds(&sb, "\xef\xbf\xbd");
			n = 1;
		}
	}
	strbuf_release(&raw);
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, free);
}

int expr_register_text(sqlite3 *db)
{
	static const struct expr_sql_fn fns[] = {
		{ "fc_before", 2, fn_before, 0 },
		{ "fc_after", 2, fn_after, 0 },
		{ "fc_translate", 3, fn_translate, 0 },
		{ "fc_bool_str", 1, fn_bool_str, 0 },
		{ "fc_uuid", 0, fn_uuid, 1 },
		{ "fc_uuid", 1, fn_uuid, 1 },
		{ "fc_digest", 2, fn_digest, 0 },
		{ "fc_digest", 3, fn_digest, 0 },
		{ "fc_b64decode", 1, fn_b64decode, 0 },
	};

	return expr_register_fns(db, fns, ARRAY_SIZE(fns));
}
