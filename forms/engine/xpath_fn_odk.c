/* xpath_fn_odk.c - ODK's functions beyond XPath 1.0 that take plain
 * values: substring-before, substring-after, translate,
 * boolean-from-string, uuid, digest, base64-decode, date, date-time,
 * decimal-date-time, decimal-time, checklist, weighted-checklist and
 * version, with JavaRosa's meanings (their SQL is core/expr_text.c's,
 * core/expr_date.c's and core/expr_nodeset.c's fc_in_range).
 */
#include <stdio.h>
#include <string.h>

#include "core/expr.h"
#include "core/strbuf.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

static int result(struct node *out, char *sql, enum xt type)
{
	out->sql = sql;
	out->type = type;
	out->lit = NULL;
	return 0;
}

/* A call fn(a0, ...) over arguments as text. */
static int text_call(struct node *a, int n, const char *fn, enum xt type, struct node *out)
{
	struct strbuf sb;
	int i;

	strbuf_init(&sb);
	strbuf_addf(&sb, "%s%s(", type == XT_STR ? "coalesce(" : "", fn);
	for (i = 0; i < n; i++) {
		xp_to_str(&a[i]);
		strbuf_addf(&sb, "%s%s", i ? ", " : "", a[i].sql);
	}
	strbuf_adds(&sb, type == XT_STR ? "), '')" : ")");
	return result(out, strbuf_detach(&sb), type);
}

static int fn_before(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return text_call(a, n, "fc_before", XT_STR, out);
}

static int fn_after(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return text_call(a, n, "fc_after", XT_STR, out);
}

static int fn_translate(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return text_call(a, n, "fc_translate", XT_STR, out);
}

static int fn_bool_str(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return text_call(a, n, "fc_bool_str", XT_BOOL, out);
}

static int fn_base64(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return text_call(a, n, "fc_b64decode", XT_STR, out);
}

static int fn_uuid(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return text_call(a, n, "fc_uuid", XT_STR, out);
}

/* digest(text, algorithm[, encoding]): an algorithm or encoding written
 * in the form is checked when it loads. */
static int fn_digest(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	if (a[1].lit && !expr_digest_known(a[1].lit, NULL))
		return xp_fail_at(x, pos, "digest() knows the algorithms 'MD5', 'SHA-1', "
				  "'SHA-256', 'SHA-384' and 'SHA-512', not '%.40s'", a[1].lit);
	if (n == 3 && a[2].lit && !expr_digest_known(NULL, a[2].lit))
		return xp_fail_at(x, pos, "digest() encodes as 'base64' or 'hex', not '%.40s'",
				  a[2].lit);
	return text_call(a, n, "fc_digest", XT_STR, out);
}

/* The argument of a date conversion: a number stays one (days since
 * 1970-01-01), anything else is text. */
static void date_arg(struct node *a)
{
	if (a->type == XT_NUM || a->type == XT_NUMSTR || a->type == XT_BOOL)
		xp_to_num(a);
	else
		xp_to_str(a);
}

static int fn_date(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	date_arg(&a[0]);
	return result(out, xstrfmt("coalesce(fc_date(%s), '')", a[0].sql), XT_DATE);
}

static int fn_date_time(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	date_arg(&a[0]);
	return result(out, xstrfmt("coalesce(fc_date_time(%s), '')", a[0].sql), XT_STR);
}

static int fn_decimal_dt(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	date_arg(&a[0]);
	return result(out, xstrfmt("fc_decimal_dt(%s)", a[0].sql), XT_NUM);
}

static int fn_decimal_time(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	date_arg(&a[0]);
	return result(out, xstrfmt("fc_decimal_time(%s)", a[0].sql), XT_NUM);
}

/* checklist(min, max, v...): whether the number of true v is from min to
 * max (-1: no bound); weighted-checklist(min, max, v, w, ...): whether the
 * sum of the w whose v is true is (JavaRosa's checklist and
 * checklistWeighted). */
static int checklist(struct node *a, int n, int weighted, struct node *out)
{
	struct strbuf sb;
	int i;

	strbuf_init(&sb);
	xp_to_num(&a[0]);
	xp_to_num(&a[1]);
	strbuf_adds(&sb, "fc_in_range((0");
	for (i = 2; i < n; i += 1 + weighted) {
		xp_to_bool(&a[i]);
		if (weighted) {
			xp_to_num(&a[i + 1]);
			strbuf_addf(&sb, " + (CASE WHEN %s THEN %s ELSE 0 END)", a[i].sql,
				    a[i + 1].sql);
		} else {
			strbuf_addf(&sb, " + %s", a[i].sql);
		}
	}
	strbuf_addf(&sb, "), %s, %s, %d)", a[0].sql, a[1].sql, !weighted);
	return result(out, strbuf_detach(&sb), XT_BOOL);
}

static int fn_checklist(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return checklist(a, n, 0, out);
}

static int fn_weighted(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	if (n % 2)
		return xp_fail_at(x, pos, "weighted-checklist() takes min, max, then pairs of "
				  "a value and its weight: an even number of arguments, not %d", n);
	return checklist(a, n, 1, out);
}

/* version(): the form's version as settings.csv writes it. */
static int fn_version(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	const struct form *f = x->env->form;
	char num[24] = "";
	const char *v = num;

	(void)pos, (void)a, (void)n;
	if (f && f->odk_version)
		v = f->odk_version;
	else if (f && f->version > 0)
		snprintf(num, sizeof num, "%d", f->version);
	result(out, xp_sql_string(v, strlen(v)), XT_STR);
	out->lit = xstrdup(v);
	return 0;
}

static const struct xp_fn functions[] = {
	{ "substring-before", 2, 2, fn_before },
	{ "substring-after", 2, 2, fn_after },
	{ "translate", 3, 3, fn_translate },
	{ "boolean-from-string", 1, 1, fn_bool_str },
	{ "uuid", 0, 1, fn_uuid },
	{ "digest", 2, 3, fn_digest },
	{ "base64-decode", 1, 1, fn_base64 },
	{ "date", 1, 1, fn_date },
	{ "date-time", 1, 1, fn_date_time },
	{ "decimal-date-time", 1, 1, fn_decimal_dt },
	{ "decimal-time", 1, 1, fn_decimal_time },
	{ "checklist", 2, 16, fn_checklist },
	{ "weighted-checklist", 2, 16, fn_weighted },
	{ "version", 0, 0, fn_version },
};

int xp_call_odk(struct xp *x, const char *name, size_t pos, struct node *a, int n,
		struct node *out)
{
	return xp_call_table(x, functions, ARRAY_SIZE(functions), name, pos, a, n, out);
}
