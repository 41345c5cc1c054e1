/* xpath_fn.c - the XLSForm functions a form may call, as SQL.
 *
 * Each function is a few SQL words around its converted arguments; those
 * SQLite lacks (selected, count_selected, regexp, fc_num) are application
 * functions of core/expr.  A function not listed here is refused when the
 * form loads, not when an inspector reaches the item.
 */
#include <string.h>

#include "core/expr.h"
#include "core/strbuf.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

typedef int (*emit_fn)(struct xp *x, size_t pos, struct node *a, int n, struct node *out);

static void result(struct node *out, char *sql, enum xt type)
{
	out->sql = sql;
	out->type = type;
	out->lit = NULL;
}

static int fn_not(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_bool(&a[0]);
	result(out, xstrfmt("(NOT %s)", a[0].sql), XT_BOOL);
	return 0;
}

static int fn_true(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)a, (void)n;
	result(out, xstrfmt("1"), XT_BOOL);
	return 0;
}

static int fn_false(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)a, (void)n;
	result(out, xstrfmt("0"), XT_BOOL);
	return 0;
}

static int fn_boolean(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_bool(&a[0]);
	result(out, xstrfmt("%s", a[0].sql), XT_BOOL);
	return 0;
}

static int fn_number(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_num(&a[0]);
	result(out, xstrfmt("%s", a[0].sql), XT_NUM);
	return 0;
}

static int fn_int(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_num(&a[0]);
	result(out, xstrfmt("CAST(%s AS INTEGER)", a[0].sql), XT_NUM);
	return 0;
}

static int fn_string(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	result(out, xstrfmt("%s", a[0].sql), XT_STR);
	return 0;
}

static int fn_strlen(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	result(out, xstrfmt("length(%s)", a[0].sql), XT_NUM);
	return 0;
}

static int fn_concat(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	struct strbuf sb;
	int i;

	(void)x, (void)pos;
	strbuf_init(&sb);
	strbuf_adds(&sb, n ? "(" : "''");
	for (i = 0; i < n; i++) {
		xp_to_str(&a[i]);
		strbuf_addf(&sb, "%s%s", i ? " || " : "", a[i].sql);
	}
	if (n)
		strbuf_addc(&sb, ')');
	result(out, strbuf_detach(&sb), XT_STR);
	return 0;
}

static int fn_contains(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	xp_to_str(&a[1]);
	result(out, xstrfmt("(instr(%s, %s) > 0)", a[0].sql, a[1].sql), XT_BOOL);
	return 0;
}

static int fn_starts(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	xp_to_str(&a[1]);
	result(out, xstrfmt("(instr(%s, %s) = 1)", a[0].sql, a[1].sql), XT_BOOL);
	return 0;
}

static int fn_selected(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	xp_to_str(&a[1]);
	result(out, xstrfmt("selected(%s, %s)", a[0].sql, a[1].sql), XT_BOOL);
	return 0;
}

static int fn_count_selected(struct xp *x, size_t pos, struct node *a, int n,
			     struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	result(out, xstrfmt("count_selected(%s)", a[0].sql), XT_NUM);
	return 0;
}

static int fn_regex(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	struct fc_err err;

	(void)n;
	if (a[1].lit && expr_regex_check(a[1].lit, &err))
		return xp_fail_at(x, pos, "regex(): %s", err.msg);
	xp_to_str(&a[0]);
	xp_to_str(&a[1]);
	result(out, xstrfmt("regexp(%s, %s)", a[1].sql, a[0].sql), XT_BOOL);
	return 0;
}

/* The type both branches of if() can share. */
static enum xt join(struct node *a, struct node *b)
{
	if (a->type == b->type)
		return a->type;
	if ((a->type == XT_NUM || a->type == XT_NUMSTR || a->type == XT_BOOL) &&
	    (b->type == XT_NUM || b->type == XT_NUMSTR || b->type == XT_BOOL)) {
		xp_to_num(a);
		xp_to_num(b);
		return XT_NUM;
	}
	xp_to_str(a);
	xp_to_str(b);
	return XT_STR;
}

static int fn_if(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	enum xt type;

	(void)x, (void)pos, (void)n;
	xp_to_bool(&a[0]);
	type = join(&a[1], &a[2]);
	result(out, xstrfmt("(CASE WHEN %s THEN %s ELSE %s END)", a[0].sql, a[1].sql,
			   a[2].sql), type);
	return 0;
}

static int fn_coalesce(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	xp_to_str(&a[1]);
	result(out, xstrfmt("coalesce(nullif(%s, ''), %s)", a[0].sql, a[1].sql), XT_STR);
	return 0;
}

static int fn_today(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)pos, (void)a, (void)n;
	result(out, xstrfmt("?%d", xp_param(x, XP_PARAM_TODAY)), XT_DATE);
	return 0;
}

static const struct {
	const char *name;
	int min, max;
	emit_fn emit;
} functions[] = {
	{ "not", 1, 1, fn_not },
	{ "true", 0, 0, fn_true },
	{ "false", 0, 0, fn_false },
	{ "boolean", 1, 1, fn_boolean },
	{ "number", 1, 1, fn_number },
	{ "int", 1, 1, fn_int },
	{ "string", 1, 1, fn_string },
	{ "string-length", 1, 1, fn_strlen },
	{ "concat", 0, 16, fn_concat },
	{ "contains", 2, 2, fn_contains },
	{ "starts-with", 2, 2, fn_starts },
	{ "selected", 2, 2, fn_selected },
	{ "count-selected", 1, 1, fn_count_selected },
	{ "regex", 2, 2, fn_regex },
	{ "if", 3, 3, fn_if },
	{ "coalesce", 2, 2, fn_coalesce },
	{ "today", 0, 0, fn_today },
};

int xp_call(struct xp *x, const char *name, size_t pos, struct node *args, int n,
	    struct node *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(functions); i++) {
		if (strcmp(name, functions[i].name))
			continue;
		if (n < functions[i].min || n > functions[i].max) {
			if (functions[i].min == functions[i].max)
				return xp_fail_at(x, pos, "%s() takes %d argument%s, not %d",
						  name, functions[i].min,
						  functions[i].min == 1 ? "" : "s", n);
			return xp_fail_at(x, pos, "%s() takes at most %d arguments, not %d",
					  name, functions[i].max, n);
		}
		return functions[i].emit(x, pos, args, n, out);
	}
	return xp_fail_at(x, pos, "unknown function %s()", name);
}
