/* xpath.c - XLSForm expressions to SQLite expressions (see xpath.h).
 *
 * A recursive-descent parser over XPath's precedence levels (or, and,
 * equality, relational, additive, multiplicative, unary minus) writes the
 * SQL of each piece as it goes.  The work is in the types: every answer is
 * bound as text ('' when unanswered, as in XLSForm), so each operator says
 * how its operands are converted, following XPath 1.0:
 *
 *  - and/or/not/if see booleans: text is true when non-empty, a number
 *    when non-zero (and not NaN);
 *  - arithmetic sees numbers: fc_num() reads text that spells a number and
 *    is NULL (NaN) otherwise; a date counts days since 1970-01-01;
 *  - a comparison is numeric when one side is a number (a literal, an
 *    integer/decimal answer, arithmetic, count-selected()...), except = and
 *    != against a non-numeric text literal (${n} = '' asks "unanswered?");
 *    boolean when one side is a boolean; otherwise text, which is how ISO
 *    dates compare.  A comparison with NaN is false (!= is true), never
 *    NULL.
 *
 * The output never repeats an operand, so its size stays linear.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

void xp_node_release(struct node *n)
{
	free(n->sql);
	free(n->lit);
	n->sql = n->lit = NULL;
}

/* Puts n's SQL between pre and post. */
static void rewrite(struct node *n, const char *pre, const char *post, enum xt type)
{
	char *s = xstrfmt("%s%s%s", pre, n->sql, post);

	free(n->sql);
	free(n->lit);
	n->sql = s;
	n->lit = NULL;
	n->type = type;
}

void xp_to_num(struct node *n)
{
	if (n->type == XT_STR || n->type == XT_NUMSTR)
		rewrite(n, "fc_num(", ")", XT_NUM);
	else if (n->type == XT_DATE)
		rewrite(n, "(julianday(", ") - 2440587.5)", XT_NUM);
	n->type = XT_NUM; /* a boolean is already 0 or 1 */
}

void xp_to_str(struct node *n)
{
	if (n->type == XT_NUM)
		rewrite(n, "coalesce(fc_numstr(", "), 'NaN')", XT_STR);
	else if (n->type == XT_BOOL)
		rewrite(n, "(CASE WHEN ", " THEN 'true' ELSE 'false' END)", XT_STR);
}

void xp_to_bool(struct node *n)
{
	if (n->type == XT_NUM)
		rewrite(n, "coalesce(", " <> 0, 0)", XT_BOOL);
	else if (n->type != XT_BOOL)
		rewrite(n, "(", " <> '')", XT_BOOL);
}

int xp_param(struct xp *x, int key)
{
	size_t k;

	for (k = 0; k < x->n_params; k++)
		if (x->params[k] == key)
			return (int)k + 1;
	ALLOC_GROW(x->params, x->n_params + 1, x->alloc_params);
	x->params[x->n_params++] = key;
	return (int)x->n_params;
}

/* --- operators ------------------------------------------------------- */

static const char *sql_op(enum tk op)
{
	switch (op) {
	case TK_EQ: return "=";
	case TK_NE: return "<>";
	case TK_LT: return "<";
	case TK_LE: return "<=";
	case TK_GT: return ">";
	case TK_GE: return ">=";
	case TK_PLUS: return "+";
	case TK_MINUS: return "-";
	case TK_STAR: return "*";
	case TK_MOD: return "%";
	case TK_AND: return "AND";
	default: return "OR";
	}
}

static int numeric(const struct node *n)
{
	return n->type == XT_NUM || n->type == XT_NUMSTR;
}

static int text_literal(const struct node *n)
{
	return n->lit && !expr_number_text(n->lit, strlen(n->lit));
}

static char *compare(enum tk op, struct node *a, struct node *b)
{
	int eq = op == TK_EQ || op == TK_NE;

	if (a->type == XT_BOOL || b->type == XT_BOOL) {
		xp_to_bool(a);
		xp_to_bool(b);
	} else if ((numeric(a) || numeric(b)) &&
		   !(eq && (text_literal(a) || text_literal(b)))) {
		xp_to_num(a);
		xp_to_num(b);
		return xstrfmt("coalesce(%s %s %s, %d)", a->sql, sql_op(op), b->sql,
			      op == TK_NE);
	} else {
		xp_to_str(a);
		xp_to_str(b);
	}
	return xstrfmt("(%s %s %s)", a->sql, sql_op(op), b->sql);
}

/* Combines a and b (both freed) with op into a. */
static void combine(enum tk op, struct node *a, struct node *b)
{
	char *sql;
	enum xt type = XT_NUM;

	switch (op) {
	case TK_AND:
	case TK_OR:
		xp_to_bool(a);
		xp_to_bool(b);
		sql = xstrfmt("(%s %s %s)", a->sql, sql_op(op), b->sql);
		type = XT_BOOL;
		break;
	case TK_EQ: case TK_NE: case TK_LT: case TK_LE: case TK_GT: case TK_GE:
		sql = compare(op, a, b);
		type = XT_BOOL;
		break;
	case TK_DIV:
		xp_to_num(a);
		xp_to_num(b);
		sql = xstrfmt("(%s * 1.0 / %s)", a->sql, b->sql);
		break;
	default:
		xp_to_num(a);
		xp_to_num(b);
		sql = xstrfmt("(%s %s %s)", a->sql, sql_op(op), b->sql);
	}
	xp_node_release(a);
	xp_node_release(b);
	a->sql = sql;
	a->type = type;
}

/* --- the parser ------------------------------------------------------ */

static int parse_expr(struct xp *x, struct node *out);

static int expect(struct xp *x, enum tk kind, const char *what)
{
	char d[QUOTE_SIZE + 8];

	if (x->t.kind != kind)
		return xp_fail_at(x, x->t.pos, "expected %s, found %s", what,
				  xp_tok_desc(x, d, sizeof d));
	return xp_next(x);
}

static int deeper(struct xp *x)
{
	if (++x->depth > XP_DEPTH_MAX)
		return xp_fail_at(x, x->t.pos, "expression nests deeper than %d levels",
				  XP_DEPTH_MAX);
	return 0;
}

static int call(struct xp *x, struct node *out)
{
	struct node args[16];
	char name[64];
	size_t pos = x->t.pos, n = x->t.len < sizeof name ? x->t.len : sizeof name - 1;
	int argc = 0, i, rc = -1;

	memcpy(name, x->src + pos, n);
	name[n] = '\0';
	if (xp_next(x) || expect(x, TK_LPAREN, "'(' after a function name") || deeper(x))
		return -1;
	if (x->in_list && !strcmp(name, "position") && x->t.kind == TK_RPAREN) {
		x->depth--; /* in a lookup's predicate: the item's position */
		out->sql = xstrfmt("%zu", x->in_pos);
		out->type = XT_NUM;
		return xp_next(x);
	}
	if (!strcmp(name, "instance")) {
		rc = xp_instance(x, pos, out);
		x->depth -= !rc;
		return rc;
	}
	if ((!strcmp(name, "count") || !strcmp(name, "sum")) && x->t.kind == TK_WORD &&
	    x->t.len == 8 && !memcmp(x->src + x->t.pos, "instance", 8)) {
		rc = xp_instance_aggregate(x, name, pos, out);
		x->depth -= !rc;
		return rc;
	}
	if (!strcmp(name, "position") || !strcmp(name, "count") ||
	    !strcmp(name, "indexed-repeat")) {
		rc = xp_call_repeat(x, name, pos, out);
		x->depth -= !rc;
		return rc;
	}
	if (xp_nodeset_fn(name)) {
		rc = xp_call_nodeset(x, name, pos, out);
		x->depth -= !rc;
		return rc;
	}
	memset(args, 0, sizeof args);
	while (x->t.kind != TK_RPAREN) {
		if (argc == 16) {
			xp_fail_at(x, x->t.pos, "too many arguments");
			goto out;
		}
		if (parse_expr(x, &args[argc++]))
			goto out;
		if (x->t.kind != TK_COMMA)
			break;
		if (xp_next(x))
			goto out;
	}
	if (expect(x, TK_RPAREN, "',' or ')'"))
		goto out;
	x->depth--;
	if (!strcmp(name, "once")) {
		/* JavaRosa's once() keeps its node's value: here a whole
		 * calculation's, which the inspection stores */
		if (!x->value || x->depth || pos != x->first || x->t.kind != TK_END) {
			xp_fail_at(x, pos, "once() keeps a calculation's value: it must be the "
				   "whole calculation, as in once(random())");
			goto out;
		}
		x->once = 1;
	}
	rc = xp_call(x, name, pos, args, argc, out);
out:
	for (i = 0; i < argc; i++)
		xp_node_release(&args[i]);
	return rc;
}

void xp_sql_quote(struct strbuf *sb, const char *s, size_t n)
{
	size_t i;

	strbuf_addc(sb, '\'');
	for (i = 0; i < n; i++) {
		if (s[i] == '\'')
			strbuf_addc(sb, '\'');
		strbuf_addc(sb, s[i]);
	}
	strbuf_addc(sb, '\'');
}

char *xp_sql_string(const char *s, size_t n)
{
	struct strbuf sb;

	strbuf_init(&sb);
	xp_sql_quote(&sb, s, n);
	return strbuf_detach(&sb);
}

static int reference(struct xp *x, struct node *out)
{
	char name[NAME_MAX_LEN + sizeof XP_LAST_SAVED]; /* xpath_lex.c's bound */
	enum xp_kind kind = XK_TEXT;
	int idx;

	const size_t ls = strlen(XP_LAST_SAVED);
	int last = 0;

	memcpy(name, x->src + x->t.pos + 2, x->t.len - 3);
	name[x->t.len - 3] = '\0';
	if (!strncmp(name, XP_LAST_SAVED, ls)) { /* the lexer checked what follows */
		memmove(name, name + ls, strlen(name + ls) + 1);
		last = 1;
	}
	idx = x->env->lookup(x->env->ctx, name, &kind);
	if (idx == XP_AMBIGUOUS)
		return xp_fail_at(x, x->t.pos, "${%s} names more than one item (the name is "
				  "used in several groups): refer to an item whose name is "
				  "unique", name);
	if (idx < 0)
		return xp_fail_at(x, x->t.pos, "${%s} is not an item of this form", name);
	if (kind == XK_NONE)
		return xp_fail_at(x, x->t.pos, "${%s} is a note or a group, which has "
				  "no value", name);
	/* ${last-saved#x}: x's answer in the form's last saved record, which
	 * the inspection's layer looks up (ODK's jr://instance/last-saved) */
	out->sql = xstrfmt("?%d", xp_param(x, last ? XP_PARAM_LAST(idx) : idx));
	out->type = kind == XK_NUMBER ? XT_NUMSTR : kind == XK_DATE ? XT_DATE : XT_STR;
	return xp_next(x);
}

/* Whether the word at the current token is a function's name: a '(' follows
 * (or a full-width '（', which the call then reports as such). */
static int is_call(const struct xp *x)
{
	size_t i = x->t.pos + x->t.len;

	while (i < x->len && (x->src[i] == ' ' || x->src[i] == '\t'))
		i++;
	return i < x->len && (x->src[i] == '(' || !strncmp(x->src + i, "\xef\xbc\x88", 3));
}

/* A bare name in a lookup's predicate: the item's column, as a literal. */
static int item_column(struct xp *x, struct node *out)
{
	char name[NAME_MAX_LEN + 1];
	const char *v;
	int k = XP_NO_COLUMN;

	if (x->t.len <= NAME_MAX_LEN) {
		memcpy(name, x->src + x->t.pos, x->t.len);
		name[x->t.len] = '\0';
		k = xp_lookup_column(x->env->form, x->in_list, name);
	}
	if (k == XP_NO_COLUMN && xp_lookup_unknown(x, x->in_list, x->t.pos, x->t.len))
		return -1;
	v = x->in_item && k != XP_NO_COLUMN ?
	    xp_lookup_value(x->env->form, x->in_list, x->in_item, k) : "";
	out->sql = xp_sql_string(v, strlen(v));
	out->lit = xstrdup(v);
	out->type = XT_STR;
	return xp_next(x);
}

/* A bare name: in a choice_filter, a column of the choice being tried. */
static int column(struct xp *x, struct node *out)
{
	char name[NAME_MAX_LEN + 1];
	int k = -1;

	if (x->in_list)
		return item_column(x, out);
	if (x->t.len <= NAME_MAX_LEN) {
		memcpy(name, x->src + x->t.pos, x->t.len);
		name[x->t.len] = '\0';
		if (x->env->column)
			k = x->env->column(x->env->ctx, name);
	}
	if (k < 0 && x->env->column && x->t.len <= NAME_MAX_LEN) {
		/* ODK reads it as a child the choice does not have: empty
		 * (pyxform's or_other.xlsx: pastel=yes, where yes is no column) */
		if (!x->unread)
			x->unread = xstrdup(name);
		out->sql = xstrdup("NULL");
		out->type = XT_STR;
		return xp_next(x);
	}
	if (k < 0)
		return xp_fail_at(x, x->t.pos, x->env->column ?
				  "'%.*s' is no column of choices.csv (a choice_filter reads "
				  "the choices' own columns by name)" :
				  "'%.*s' is not a value: refer to an item as ${name}",
				  (int)(x->t.len < 40 ? x->t.len : 40), x->src + x->t.pos);
	out->sql = xstrfmt("?%d", xp_param(x, XP_PARAM_COLUMN(k)));
	out->type = XT_STR;
	return xp_next(x);
}

static int primary(struct xp *x, struct node *out)
{
	const char *s = x->src + x->t.pos;
	char d[QUOTE_SIZE + 8];

	memset(out, 0, sizeof *out);
	switch (x->t.kind) {
	case TK_NUM:
		out->sql = xstrfmt("%s%.*s%s", s[0] == '.' ? "0" : "", (int)x->t.len, s,
				  s[x->t.len - 1] == '.' ? "0" : "");
		out->type = XT_NUM;
		return xp_next(x);
	case TK_STR:
		out->sql = xp_sql_string(s + x->t.qopen, x->t.len - x->t.qopen - x->t.qclose);
		out->lit = xstrfmt("%.*s", (int)(x->t.len - x->t.qopen - x->t.qclose),
				   s + x->t.qopen);
		out->type = XT_STR;
		return xp_next(x);
	case TK_REF:
		return reference(x, out);
	case TK_DOT:
		if (xp_is_path(x)) /* ./x */
			return xp_path(x, out);
		if (x->env->self == XK_NONE)
			return xp_fail_at(x, x->t.pos, "'.' has no value here");
		out->sql = xstrfmt("?%d", xp_param(x, XP_PARAM_DOT));
		out->type = x->env->self == XK_NUMBER ? XT_NUMSTR :
			    x->env->self == XK_DATE ? XT_DATE : XT_STR;
		return xp_next(x);
	case TK_DOTDOT:
		if (xp_is_path(x)) /* ../x */
			return xp_path(x, out);
		return xp_fail_at(x, x->t.pos, "'..' alone is a group, which has no value "
				  "(position(..) reads its instance's number): refer to an "
				  "item as ../name or ${name}");
	case TK_LPAREN:
		if (deeper(x) || xp_next(x) || parse_expr(x, out))
			return -1;
		x->depth--;
		return expect(x, TK_RPAREN, "')'");
	case TK_WORD:
		if (xp_is_path(x)) /* current()/../x */
			return xp_path(x, out);
		return is_call(x) ? call(x, out) : column(x, out);
	case TK_SLASH: /* /data/group/x */
		return xp_path(x, out);
	case TK_LBRACK:
		return xp_fail_at(x, x->t.pos, "unexpected character '%c' (paths are not "
				  "supported but instance('list')/root/item[...]/column: refer to "
				  "an item as ${name})", x->src[x->t.pos]);
	default:
		return xp_fail_at(x, x->t.pos, "expected a value, found %s",
				  xp_tok_desc(x, d, sizeof d));
	}
}

static int unary(struct xp *x, struct node *out)
{
	if (x->t.kind != TK_MINUS)
		return primary(x, out);
	if (deeper(x) || xp_next(x) || unary(x, out))
		return -1;
	x->depth--;
	xp_to_num(out);
	rewrite(out, "(- ", ")", XT_NUM);
	return 0;
}

/* Precedence levels, loosest first; each is a left-associative chain of
 * the level below. */
static const enum tk levels[][5] = {
	{ TK_OR, TK_END },
	{ TK_AND, TK_END },
	{ TK_EQ, TK_NE, TK_END },
	{ TK_LT, TK_LE, TK_GT, TK_GE, TK_END },
	{ TK_PLUS, TK_MINUS, TK_END },
	{ TK_STAR, TK_DIV, TK_MOD, TK_END },
};
#define N_LEVELS (ARRAY_SIZE(levels))

static int at_level(enum tk kind, size_t lv)
{
	const enum tk *op;

	for (op = levels[lv]; *op != TK_END; op++)
		if (*op == kind)
			return 1;
	return 0;
}

static int level(struct xp *x, size_t lv, struct node *out)
{
	struct node b;
	enum tk op;

	if (lv == N_LEVELS)
		return unary(x, out);
	if (level(x, lv + 1, out))
		return -1;
	while (at_level(x->t.kind, lv)) {
		op = x->t.kind;
		memset(&b, 0, sizeof b);
		if (xp_next(x) || level(x, lv + 1, &b)) {
			xp_node_release(out);
			xp_node_release(&b);
			return -1;
		}
		combine(op, out, &b);
	}
	return 0;
}

static int parse_expr(struct xp *x, struct node *out)
{
	memset(out, 0, sizeof *out);
	if (level(x, 0, out)) {
		xp_node_release(out);
		return -1;
	}
	return 0;
}

int xp_parse_expr(struct xp *x, struct node *out)
{
	return parse_expr(x, out);
}

static int translate(const char *src, const struct xp_env *env, struct xp_sql *out,
		     int value, struct fc_err *err)
{
	struct xp x;
	struct node root;
	char d[QUOTE_SIZE + 8];

	memset(out, 0, sizeof *out);
	memset(&x, 0, sizeof x);
	memset(&root, 0, sizeof root);
	x.src = src;
	x.len = strlen(src);
	x.env = env;
	x.err = err;
	x.value = value;
	if (x.len > XP_EXPR_MAX)
		return fc_fail(err, _("expression is longer than %d bytes"), XP_EXPR_MAX);
	if (xp_next(&x))
		goto fail;
	x.first = x.t.pos;
	if (parse_expr(&x, &root))
		goto fail;
	if (x.t.kind == TK_SLASH) {
		xp_fail_at(&x, x.t.pos, "unexpected character '/' (XPath divides with 'div'; "
			   "a path follows no value: refer to an item as ${name} or ../name)");
		goto fail;
	}
	if (x.t.kind == TK_LBRACK) {
		struct node t;
		primary(&x, &t); /* fails, saying what a path is taken as */
		goto fail;
	}
	if (x.t.kind != TK_END) {
		xp_fail_at(&x, x.t.pos, "unexpected %s", xp_tok_desc(&x, d, sizeof d));
		goto fail;
	}
	if (value && root.type == XT_NUM) /* a calculation's NaN is no value */
		rewrite(&root, "coalesce(fc_numstr(", "), '')", XT_STR);
	else if (value)
		xp_to_str(&root);
	else
		xp_to_bool(&root);
	out->sql = root.sql;
	free(root.lit);
	out->params = x.params;
	out->n_params = x.n_params;
	out->warning = x.warning;
	out->unread = x.unread;
	out->once = x.once;
	return 0;
fail:
	xp_node_release(&root);
	free(x.params);
	free(x.warning);
	free(x.unread);
	return -1;
}

int xp_translate(const char *src, const struct xp_env *env, struct xp_sql *out,
		 struct fc_err *err)
{
	return translate(src, env, out, 0, err);
}

int xp_translate_value(const char *src, const struct xp_env *env, struct xp_sql *out,
		       struct fc_err *err)
{
	return translate(src, env, out, 1, err);
}

void xp_sql_release(struct xp_sql *x)
{
	free(x->sql);
	free(x->params);
	free(x->warning);
	free(x->unread);
	memset(x, 0, sizeof *x);
}
