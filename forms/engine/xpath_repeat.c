/* xpath_repeat.c - position(..), count(${repeat}) and
 * indexed-repeat(${x}, ${repeat}, n): the functions about repeat
 * instances, whose arguments are a path or a repeat rather than values.  Both become bound parameters the evaluator fills from the
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

/* The item the current token ${name} names, its kind into *kind; -1 when
 * it is no item. */
static int ref_item(struct xp *x, enum xp_kind *kind)
{
	char name[NAME_MAX_LEN + 1];

	if (x->t.kind != TK_REF || x->t.len - 3 > NAME_MAX_LEN)
		return -1;
	memcpy(name, x->src + x->t.pos + 2, x->t.len - 3);
	name[x->t.len - 3] = '\0';
	return x->env->lookup(x->env->ctx, name, kind);
}

/* Reads the ',' between two arguments. */
static int comma(struct xp *x, size_t pos)
{
	if (x->t.kind != TK_COMMA)
		return xp_fail_at(x, pos, "indexed-repeat() takes three arguments: "
				  "indexed-repeat(${item}, ${repeat}, number)");
	return xp_next(x);
}

/* indexed-repeat(${x}, ${repeat}, n): x's answer in the n-th instance,
 * '' when there is none: one bound parameter per possible instance. */
static int indexed(struct xp *x, size_t pos, struct node *out)
{
	const struct form *f = x->env->form;
	enum xp_kind kind = XK_NONE, rk;
	struct node n;
	struct strbuf sb;
	int item = ref_item(x, &kind), rep, k;

	if (item < 0 || !f || f->items[item].repeat < 0 || item >= XP_INDEXED_ITEMS ||
	    !form_item_answerable(&f->items[item]))
		return xp_fail_at(x, pos, "indexed-repeat() reads the answer of an item inside "
				  "a repeat: indexed-repeat(${item}, ${repeat}, number)");
	if (xp_next(x) || comma(x, pos))
		return -1;
	rep = ref_item(x, &rk);
	if (rep != f->items[item].repeat)
		return xp_fail_at(x, pos, "indexed-repeat()'s second argument is the repeat "
				  "${%s} is inside: ${%s}", f->items[item].name,
				  f->items[f->items[item].repeat].name);
	if (xp_next(x) || comma(x, pos) || xp_parse_expr(x, &n))
		return -1;
	xp_to_num(&n);
	strbuf_init(&sb);
	strbuf_addf(&sb, "(CASE CAST(%s AS INTEGER)", n.sql);
	for (k = 1; k <= FORM_REPEAT_MAX; k++)
		strbuf_addf(&sb, " WHEN %d THEN ?%d", k, xp_param(x, XP_PARAM_INDEXED(item, k)));
	strbuf_adds(&sb, " ELSE '' END)");
	xp_node_release(&n);
	out->sql = strbuf_detach(&sb);
	out->type = kind == XK_NUMBER ? XT_NUMSTR : kind == XK_DATE ? XT_DATE : XT_STR;
	return close_call(x, "indexed-repeat");
}

int xp_call_repeat(struct xp *x, const char *name, size_t pos, struct node *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = !strcmp(name, "position") ? position(x, pos, out) :
	     !strcmp(name, "count") ? count(x, pos, out) : indexed(x, pos, out);
	if (rc)
		xp_node_release(out);
	return rc;
}
