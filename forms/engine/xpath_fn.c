/* xpath_fn.c - the XLSForm functions a form may call, as SQL.
 *
 * Each function is a few SQL words around its converted arguments; those
 * SQLite lacks (selected, count_selected, regexp, fc_num) are application
 * functions of core/expr (random() too, not deterministic).  A function not listed here is refused when the
 * form loads, not when an inspector reaches the item.
 */
#include <stdio.h>
#include <string.h>

#include "core/expr.h"
#include "core/strbuf.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

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

/* A call fc_NAME(a0, ...) over arguments converted to numbers. */
static int num_call(struct node *a, int n, const char *fn, struct node *out)
{
	struct strbuf sb;
	int i;

	strbuf_init(&sb);
	strbuf_addf(&sb, "%s(", fn);
	for (i = 0; i < n; i++) {
		xp_to_num(&a[i]);
		strbuf_addf(&sb, "%s%s", i ? ", " : "", a[i].sql);
	}
	strbuf_addc(&sb, ')');
	result(out, strbuf_detach(&sb), XT_NUM);
	return 0;
}

static int fn_round(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return num_call(a, n, "fc_round", out);
}

static int fn_pow(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return num_call(a, n, "fc_pow", out);
}

static int fn_sqrt(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return num_call(a, n, "fc_sqrt", out);
}

static int fn_floor(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return num_call(a, n, "fc_floor", out);
}

static int fn_ceiling(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return num_call(a, n, "fc_ceiling", out);
}

static int fn_abs(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return num_call(a, n, "abs", out);
}

/* max(a, b, ...) and min(...) over numbers: NaN if any is NaN (SQLite's
 * multi-argument max and min are NULL if any argument is). */
static int minmax(struct node *a, int n, const char *fn, struct node *out)
{
	if (n == 1) {
		xp_to_num(&a[0]);
		result(out, xstrfmt("%s", a[0].sql), XT_NUM);
		return 0;
	}
	return num_call(a, n, fn, out);
}

static int fn_max(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return minmax(a, n, "max", out);
}

static int fn_min(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	return minmax(a, n, "min", out);
}

static int fn_substr(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos;
	xp_to_str(&a[0]);
	xp_to_num(&a[1]);
	if (n == 3)
		xp_to_num(&a[2]);
	result(out, n == 3 ? xstrfmt("fc_substr(%s, %s, %s)", a[0].sql, a[1].sql, a[2].sql) :
		    xstrfmt("fc_substr(%s, %s)", a[0].sql, a[1].sql), XT_STR);
	return 0;
}

static int fn_ends(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	xp_to_str(&a[1]);
	result(out, xstrfmt("(length(%s) = 0 OR fc_substr(%s, -length(%s)) = %s)", a[1].sql,
			   a[0].sql, a[1].sql, a[1].sql), XT_BOOL);
	return 0;
}

static int fn_selected_at(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	xp_to_num(&a[1]);
	result(out, xstrfmt("fc_selected_at(%s, %s)", a[0].sql, a[1].sql), XT_STR);
	return 0;
}

static int fn_format_date(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	xp_to_str(&a[0]);
	xp_to_str(&a[1]);
	result(out, xstrfmt("fc_format_date(%s, %s)", a[0].sql, a[1].sql), XT_STR);
	return 0;
}

static int fn_now(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)pos, (void)a, (void)n;
	result(out, xstrfmt("?%d", xp_param(x, XP_PARAM_NOW)), XT_STR);
	return 0;
}

/* The CASE of value's choice in l to its label in the language `code`. */
static void choice_labels(struct strbuf *sb, const struct form *f, const struct form_list *l,
			  const char *value, const char *code)
{
	struct form_lang lang;
	size_t i;

	memset(&lang, 0, sizeof lang);
	snprintf(lang.code, sizeof lang.code, "%s", code);
	strbuf_addf(sb, "CASE %s", value);
	for (i = 0; i < l->n; i++) {
		const char *label = form_text(f, &l->choices[i].label, lang);
		strbuf_adds(sb, " WHEN ");
		xp_sql_quote(sb, l->choices[i].name, strlen(l->choices[i].name));
		strbuf_adds(sb, " THEN ");
		xp_sql_quote(sb, label, strlen(label));
	}
	strbuf_adds(sb, " ELSE '' END");
}

/* jr:choice-name(value, '${select}'): the label of the choice `value` in
 * the select's list, in the language asked for (XP_PARAM_LANG, a code), ''
 * if it is not one.  A code no language of the form has reads as none does
 * (form_text's default), so one branch per code the form's languages have
 * and one for the rest.  The second argument names the item in quotes, as
 * ODK has it.  A select_one ${q}'s choice is labelled with its value. */
static int fn_choice_name(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	const struct form *f = x->env->form;
	const struct form_list *l = NULL;
	enum xp_kind kind;
	char name[NAME_MAX_LEN + 1];
	struct strbuf sb;
	size_t len, k, j;
	int idx = -1;

	(void)n;
	if (a[1].lit && (len = strlen(a[1].lit)) > 3 && len - 3 <= NAME_MAX_LEN &&
	    !strncmp(a[1].lit, "${", 2) && a[1].lit[len - 1] == '}') {
		memcpy(name, a[1].lit + 2, len - 3);
		name[len - 3] = '\0';
		idx = x->env->lookup(x->env->ctx, name, &kind);
	}
	if (idx >= 0 && f && (size_t)idx < f->n_items && f->items[idx].choices_of) {
		xp_to_str(&a[0]); /* select_one ${q}: a choice's label is its value */
		result(out, xstrfmt("%s", a[0].sql), XT_STR);
		return 0;
	}
	if (idx >= 0 && x->env->list && f)
		l = x->env->list(x->env->ctx, idx);
	if (!l)
		return xp_fail_at(x, pos, "jr:choice-name() wants a select's name in quotes as "
				  "its second argument, e.g. '${fruit}'");
	xp_to_str(&a[0]);
	strbuf_init(&sb);
	strbuf_addf(&sb, "(CASE ?%d WHEN NULL THEN ''", xp_param(x, XP_PARAM_LANG));
	for (k = 0; k < f->n_langs; k++) {
		const char *code = f->langs[k].code;
		for (j = 0; j < k && strcmp(f->langs[j].code, code); j++)
			;
		if (!*code || j < k)
			continue; /* no code, or one a branch has already (WHEN NULL: a
				   * CASE needs one WHEN, and no code is NULL) */
		strbuf_adds(&sb, " WHEN ");
		xp_sql_quote(&sb, code, strlen(code));
		strbuf_adds(&sb, " THEN ");
		choice_labels(&sb, f, l, a[0].sql, code);
	}
	strbuf_adds(&sb, " ELSE ");
	choice_labels(&sb, f, l, a[0].sql, "");
	strbuf_adds(&sb, " END)");
	result(out, strbuf_detach(&sb), XT_STR);
	return 0;
}

/* once(x): x, whose value the inspection keeps once it is not empty
 * (form_item.once; forms/inspect/kept.c stores it, eval.c reads it back).
 * Only a whole calculation is once(...): xpath.c refuses it elsewhere. */
static int fn_once(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)n;
	result(out, xstrfmt("%s", a[0].sql), a[0].type);
	return 0;
}

/* random(): a new number in [0, 1) at each evaluation, as JavaRosa's;
 * kept only inside once(). */
static int fn_random(struct xp *x, size_t pos, struct node *a, int n, struct node *out)
{
	(void)x, (void)pos, (void)a, (void)n;
	result(out, xstrfmt("fc_random()"), XT_NUM);
	return 0;
}

static const struct xp_fn functions[] = {
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
	{ "now", 0, 0, fn_now },
	{ "round", 1, 2, fn_round },
	{ "pow", 2, 2, fn_pow },
	{ "sqrt", 1, 1, fn_sqrt },
	{ "floor", 1, 1, fn_floor },
	{ "ceiling", 1, 1, fn_ceiling },
	{ "abs", 1, 1, fn_abs },
	{ "max", 1, 16, fn_max },
	{ "min", 1, 16, fn_min },
	{ "substr", 2, 3, fn_substr },
	{ "ends-with", 2, 2, fn_ends },
	{ "selected-at", 2, 2, fn_selected_at },
	{ "format-date", 2, 2, fn_format_date },
	{ "format-date-time", 2, 2, fn_format_date },
	{ "jr:choice-name", 2, 2, fn_choice_name },
	{ "once", 1, 1, fn_once },
	{ "random", 0, 0, fn_random },
};

int xp_call_table(struct xp *x, const struct xp_fn *fns, size_t n_fns, const char *name,
		  size_t pos, struct node *a, int n, struct node *out)
{
	size_t i;

	for (i = 0; i < n_fns; i++) {
		if (strcmp(name, fns[i].name))
			continue;
		if (n < fns[i].min || n > fns[i].max) {
			if (fns[i].min == fns[i].max)
				return xp_fail_at(x, pos, "%s() takes %d argument%s, not %d", name,
						  fns[i].min, fns[i].min == 1 ? "" : "s", n);
			if (n < fns[i].min)
				return xp_fail_at(x, pos, "%s() takes at least %d argument%s, not %d",
						  name, fns[i].min, fns[i].min == 1 ? "" : "s", n);
			return xp_fail_at(x, pos, "%s() takes at most %d argument%s, not %d",
					  name, fns[i].max, fns[i].max == 1 ? "" : "s", n);
		}
		return fns[i].emit(x, pos, a, n, out);
	}
	return 1;
}

int xp_call(struct xp *x, const char *name, size_t pos, struct node *args, int n,
	    struct node *out)
{
	int rc;

	if ((rc = xp_call_table(x, functions, ARRAY_SIZE(functions), name, pos, args, n,
				out)) <= 0 ||
	    (rc = xp_call_more(x, name, pos, args, n, out)) <= 0)
		return rc;
	return xp_fail_at(x, pos, "unknown function %s()", name);
}
