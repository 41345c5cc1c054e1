/* xpath_repeat.c - position(..) and count(${repeat}): the two functions
 * about repeat instances, whose arguments are a path and a repeat rather
 * than values.  Both become bound parameters the evaluator fills from the
 * instance being evaluated and the record's instances (forms/engine/eval.c).
 */
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

/* Reads the ')' that ends the call. */
static int close_call(struct xp *x, const char *name)
{
	char d[QUOTE_SIZE + 8];

	if (x->t.kind != TK_RPAREN)
		return xp_fail_at(x, x->t.pos, "expected ')' after %s()'s argument, found %s",
				  name, xp_tok_desc(x, d, sizeof d));
	return xp_next(x);
}

/* position(..) (also position()): the 1-based index of the instance. */
static int position(struct xp *x, size_t pos, struct node *out)
{
	if (x->t.kind == TK_DOTDOT && xp_next(x))
		return -1;
	if (x->t.kind != TK_RPAREN)
		return xp_fail_at(x, pos, "position() takes '..' (the repeat instance): "
				  "position(..)");
	out->sql = xstrfmt("?%d", xp_param(x, XP_PARAM_POSITION));
	out->type = XT_NUMSTR;
	return close_call(x, "position");
}

/* count(${repeat}): its live instances. */
static int count(struct xp *x, size_t pos, struct node *out)
{
	char name[NAME_MAX_LEN + 1];
	enum xp_kind kind;
	int idx = -1;

	if (x->t.kind == TK_REF && x->t.len - 3 <= NAME_MAX_LEN) {
		memcpy(name, x->src + x->t.pos + 2, x->t.len - 3);
		name[x->t.len - 3] = '\0';
		idx = x->env->lookup(x->env->ctx, name, &kind);
	}
	if (idx < 0 || !x->env->form || x->env->form->items[idx].type != FT_BEGIN_REPEAT)
		return xp_fail_at(x, pos, "count() counts a repeat's instances: "
				  "count(${repeat}), where repeat is a begin_repeat's name");
	out->sql = xstrfmt("?%d", xp_param(x, XP_PARAM_COUNT(idx)));
	out->type = XT_NUMSTR;
	return xp_next(x) ? -1 : close_call(x, "count");
}

int xp_call_repeat(struct xp *x, const char *name, size_t pos, struct node *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = !strcmp(name, "position") ? position(x, pos, out) : count(x, pos, out);
	if (rc)
		xp_node_release(out);
	return rc;
}
