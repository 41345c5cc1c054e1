/* xpath_fn_nodeset.c - ODK's functions over a repeat's values: sum,
 * count-non-empty, join, max, min, and the geo functions area, distance
 * and geofence, whose shape may be a repeat's geopoints.
 *
 * In ODK, ${age} names every instance's age when read outside the repeat
 * (a nodeset) and its own instance's inside it (JavaRosa contextualizes
 * the path).  An argument that is exactly ${x}, x inside a repeat, becomes
 * the bound parameter XP_PARAM_NODESET(x), which forms/engine/eval.c fills
 * by that rule; any other argument is a one-member nodeset (fc_ns1).
 * Nodesets are text core/expr_nodeset.c reads, joined by ||.
 */
#include <string.h>

#include "core/expr.h"
#include "core/strbuf.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

#define ARGS_MAX 16

static const struct {
	const char *name;
	int min, max;
} functions[] = {
	{ "sum", 1, 1 }, { "count-non-empty", 1, 1 }, { "join", 1, ARGS_MAX },
	{ "max", 1, ARGS_MAX }, { "min", 1, ARGS_MAX }, { "area", 1, 1 },
	{ "distance", 1, ARGS_MAX }, { "geofence", 2, 2 },
};

static int find(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(functions); i++)
		if (!strcmp(name, functions[i].name))
			return (int)i;
	return -1;
}

int xp_nodeset_fn(const char *name)
{
	return find(name) >= 0;
}

/* The item inside a repeat the current token ${x} names, when the argument
 * is that alone (a ',' or ')' follows); else -1. */
static int repeat_arg(struct xp *x)
{
	const struct form *f = x->env->form;
	char name[NAME_MAX_LEN + 1];
	enum xp_kind kind = XK_NONE;
	struct tok t = x->t;
	size_t i = x->i;
	int idx, alone;

	if (x->t.kind != TK_REF || x->t.len - 3 > NAME_MAX_LEN || !f)
		return -1;
	memcpy(name, x->src + x->t.pos + 2, x->t.len - 3);
	name[x->t.len - 3] = '\0';
	idx = x->env->lookup(x->env->ctx, name, &kind);
	if (idx < 0 || idx >= XP_INDEXED_ITEMS || kind == XK_NONE || f->items[idx].repeat < 0)
		return -1;
	alone = !xp_next(x) && (x->t.kind == TK_COMMA || x->t.kind == TK_RPAREN);
	x->t = t;
	x->i = i;
	return alone ? idx : -1;
}

static int arity(struct xp *x, size_t pos, const char *name, int n)
{
	int k = find(name), lo = functions[k].min, hi = functions[k].max;

	if (n >= lo && n <= hi)
		return 0;
	if (lo == hi)
		return xp_fail_at(x, pos, "%s() takes %d argument%s, not %d", name, lo,
				  lo == 1 ? "" : "s", n);
	if (n < lo)
		return xp_fail_at(x, pos, "%s() takes at least %d argument%s, not %d", name, lo,
				  lo == 1 ? "" : "s", n);
	return xp_fail_at(x, pos, "%s() takes at most %d arguments, not %d", name, hi, n);
}

/* Appends arguments from..n-1 as one nodeset. */
static void nodeset(struct strbuf *sb, struct node *a, const int *ns, int from, int n)
{
	int i;

	strbuf_addc(sb, '(');
	for (i = from; i < n; i++) {
		if (!ns[i])
			xp_to_str(&a[i]);
		strbuf_addf(sb, "%s%s%s%s", i > from ? " || " : "", ns[i] ? "" : "fc_ns1(",
			    a[i].sql, ns[i] ? "" : ")");
	}
	if (from == n)
		strbuf_adds(sb, "''");
	strbuf_addc(sb, ')');
}

static int emit(struct xp *x, const char *name, size_t pos, struct node *a, const int *ns,
		int n, struct node *out)
{
	struct strbuf sb;
	int i, any = 0;

	for (i = 0; i < n; i++)
		any |= ns[i];
	if ((!strcmp(name, "max") || !strcmp(name, "min")) && !any)
		return xp_call(x, name, pos, a, n, out); /* XPath's max(a, b) */
	if (arity(x, pos, name, n))
		return -1;
	strbuf_init(&sb);
	out->type = XT_NUM;
	if (!strcmp(name, "join")) {
		xp_to_str(&a[0]);
		strbuf_addf(&sb, "fc_ns_join(%s, ", a[0].sql);
		nodeset(&sb, a, ns, 1, n);
		out->type = XT_STR;
	} else if (!strcmp(name, "geofence")) {
		xp_to_str(&a[0]);
		strbuf_addf(&sb, "fc_geofence(%s, ", a[0].sql);
		nodeset(&sb, a, ns, 1, n);
		out->type = XT_BOOL;
	} else {
		strbuf_addf(&sb, "%s(", !strcmp(name, "sum") ? "fc_ns_sum" :
			    !strcmp(name, "count-non-empty") ? "fc_ns_nonempty" :
			    !strcmp(name, "max") ? "fc_ns_max" : !strcmp(name, "min") ? "fc_ns_min" :
			    !strcmp(name, "area") ? "fc_area" : "fc_distance");
		nodeset(&sb, a, ns, 0, n);
	}
	strbuf_addc(&sb, ')');
	out->sql = strbuf_detach(&sb);
	out->lit = NULL;
	return 0;
}

int xp_call_nodeset(struct xp *x, const char *name, size_t pos, struct node *out)
{
	struct node a[ARGS_MAX];
	int ns[ARGS_MAX], n = 0, i, rc = -1, item;
	char d[QUOTE_SIZE + 8];

	memset(a, 0, sizeof a);
	memset(ns, 0, sizeof ns);
	memset(out, 0, sizeof *out);
	while (x->t.kind != TK_RPAREN) {
		if (n == ARGS_MAX) {
			xp_fail_at(x, x->t.pos, "too many arguments");
			goto out;
		}
		/* join's separator and geofence's point are one value */
		if ((n > 0 || (strcmp(name, "join") && strcmp(name, "geofence"))) &&
		    (item = repeat_arg(x)) >= 0) {
			a[n].sql = xstrfmt("?%d", xp_param(x, XP_PARAM_NODESET(item)));
			a[n].type = XT_STR;
			ns[n++] = 1;
			if (xp_next(x))
				goto out;
		} else if (xp_parse_expr(x, &a[n++])) {
			goto out;
		}
		if (x->t.kind != TK_COMMA)
			break;
		if (xp_next(x))
			goto out;
	}
	if (x->t.kind != TK_RPAREN) {
		xp_fail_at(x, x->t.pos, "expected ',' or ')', found %s",
			   xp_tok_desc(x, d, sizeof d));
		goto out;
	}
	if (xp_next(x))
		goto out;
	rc = emit(x, name, pos, a, ns, n, out);
out:
	for (i = 0; i < n; i++)
		xp_node_release(&a[i]);
	return rc;
}
