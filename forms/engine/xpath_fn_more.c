/* xpath_fn_more.c - the XLSForm functions on numbers and text beyond
 * xpath_fn.c's table: sin cos tan asin acos atan exp exp10 log log10 (one
 * number), atan2(y, x), pi(), normalize-space(s), as ODK documents them;
 * their SQL is core/expr_math.c's. */
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/xpath_impl.h"

static const char *const one_number[] = {
	"sin", "cos", "tan", "asin", "acos", "atan", "exp", "exp10", "log", "log10",
};

static int arity(struct xp *x, size_t pos, const char *name, int n, int want)
{
	if (n == want)
		return 0;
	return xp_fail_at(x, pos, "%s() takes %d argument%s, not %d", name, want,
			  want == 1 ? "" : "s", n);
}

int xp_call_more(struct xp *x, const char *name, size_t pos, struct node *a, int n,
		 struct node *out)
{
	size_t k;

	out->lit = NULL;
	for (k = 0; k < ARRAY_SIZE(one_number); k++)
		if (!strcmp(name, one_number[k])) {
			if (arity(x, pos, name, n, 1))
				return -1;
			xp_to_num(&a[0]);
			out->sql = xstrfmt("fc_math('%s', %s)", name, a[0].sql);
			out->type = XT_NUM;
			return 0;
		}
	if (!strcmp(name, "atan2")) {
		if (arity(x, pos, name, n, 2))
			return -1;
		xp_to_num(&a[0]);
		xp_to_num(&a[1]);
		out->sql = xstrfmt("fc_atan2(%s, %s)", a[0].sql, a[1].sql);
		out->type = XT_NUM;
		return 0;
	}
	if (!strcmp(name, "pi")) {
		if (arity(x, pos, name, n, 0))
			return -1;
		out->sql = xstrdup("3.141592653589793");
		out->type = XT_NUM;
		return 0;
	}
	if (!strcmp(name, "pulldata"))
		return xp_call_pulldata(x, pos, a, n, out);
	if (!strcmp(name, "normalize-space")) {
		if (arity(x, pos, name, n, 1))
			return -1;
		xp_to_str(&a[0]);
		out->sql = xstrfmt("fc_normalize(%s)", a[0].sql);
		out->type = XT_STR;
		return 0;
	}
	return xp_call_odk(x, name, pos, a, n, out);
}
