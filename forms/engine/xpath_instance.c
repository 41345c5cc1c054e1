/* xpath_instance.c - instance('list')/root/item[predicate]/column: a value
 * looked up in one of the form's lists, as ODK documents it ("Looking up
 * values in datasets", docs.getodk.org/form-datasets): the list is a
 * choices list, or a select's file by its name without the extension;
 * the predicate is any expression over the item's columns (bare names),
 * position() and the form's values (${name}); the result is the column of
 * the first item the predicate lets through, '' when none does (XPath's
 * string() of an empty node-set).  count(instance(...)/root/item[...]) and
 * sum(instance(...)/root/item[...]/column) add them up, as ODK documents.
 *
 * The lists are part of the form, so the lookup is written out when the
 * form loads: one CASE branch per item, the predicate translated for that
 * item with its columns as literals.  SQLite sees nothing new (no table,
 * no subquery), and the text grows with the list, so it is bounded
 * (LOOKUP_SQL_MAX): a lookup into too long a list is refused by name.
 */
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "core/strbuf.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

#define LOOKUP_SQL_MAX (512 * 1024) /* bytes of SQL one lookup may write */
#define COL_NAME (-1)
#define COL_LABEL (-2)

int xp_lookup_column(const struct form *f, const struct form_list *l, const char *name)
{
	size_t k;

	for (k = 0; k < l->n_cols; k++)
		if (!strcmp(l->cols[k], name))
			return (int)k;
	if (!strcmp(name, "name"))
		return COL_NAME;
	if (!strcmp(name, "label"))
		return COL_LABEL;
	for (k = 0; !l->cols && f && k < f->n_choice_cols; k++)
		if (!strcmp(f->choice_cols[k], name))
			return (int)(l->n_cols + k);
	return XP_NO_COLUMN;
}

const char *xp_lookup_value(const struct form *f, const struct form_list *l,
			    const struct form_choice *c, int col)
{
	struct form_lang dflt = { "" };

	if (col == COL_NAME)
		return c->name;
	if (col == COL_LABEL) /* in the form's default language, as ODK's itemset */
		return form_text(f, &c->label, dflt);
	if (col >= 0 && (size_t)col < l->n_cols)
		return c->props && c->props[col] ? c->props[col] : "";
	if (col >= 0 && c->attrs)
		return c->attrs[(size_t)col - l->n_cols];
	return "";
}

int xp_lookup_unknown(struct xp *x, const struct form_list *l, size_t pos, size_t len)
{
	int n = (int)(len < 40 ? len : 40);

	if (!l->cols)
		return xp_fail_at(x, pos, "'%.*s' is no column of list '%s'", n, x->src + pos,
				  l->name);
	if (!x->warning && l->n) /* a file not beside the form is warned of as such */
		x->warning = xstrfmt("'%.*s' is no column of %s (yet): it reads as ''", n,
				     x->src + pos, l->name);
	return 0;
}

static int expect(struct xp *x, enum tk kind, const char *word, const char *what)
{
	char d[QUOTE_SIZE + 8];

	if (x->t.kind != kind || (word && (x->t.len != strlen(word) ||
					   memcmp(x->src + x->t.pos, word, x->t.len))))
		return xp_fail_at(x, x->t.pos, "expected %s, found %s", what,
				  xp_tok_desc(x, d, sizeof d));
	return xp_next(x);
}

/* instance('name'): the list, the current token the one after ')'. */
static const struct form_list *which_list(struct xp *x, size_t pos)
{
	char name[NAME_MAX_LEN + 1];
	const struct form_list *l = NULL;
	size_t n = x->t.len - x->t.qopen - x->t.qclose;

	if (x->t.kind != TK_STR) {
		xp_fail_at(x, x->t.pos, "instance() takes a list's name in quotes");
		return NULL;
	}
	if (n <= NAME_MAX_LEN) {
		memcpy(name, x->src + x->t.pos + x->t.qopen, n);
		name[n] = '\0';
		if (x->env->instance)
			l = x->env->instance(x->env->ctx, name);
	}
	if (!l) {
		xp_fail_at(x, pos, "instance('%.*s'): the form has no list or select's file "
			   "called so", (int)(n < 64 ? n : 64), x->src + x->t.pos + x->t.qopen);
		return NULL;
	}
	if (xp_next(x) || expect(x, TK_RPAREN, NULL, "')'") ||
	    expect(x, TK_SLASH, NULL, "'/root/item' after instance(...)") ||
	    expect(x, TK_WORD, "root", "'root'") || expect(x, TK_SLASH, NULL, "'/'") ||
	    expect(x, TK_WORD, "item", "'item'"))
		return NULL;
	return l;
}

/* The predicate's SQL for item c (the k-th, from 0), the current token
 * the one after '['; leaves the one after ']'. */
static char *predicate(struct xp *x, const struct form_list *l, const struct form_choice *c,
		       size_t k)
{
	const struct form_list *was_list = x->in_list; /* a lookup inside a predicate */
	const struct form_choice *was_item = x->in_item;
	size_t was_pos = x->in_pos;
	struct node p;
	char *sql;
	int r;

	x->in_list = l;
	x->in_item = c;
	x->in_pos = k + 1;
	r = xp_parse_expr(x, &p);
	x->in_list = was_list;
	x->in_item = was_item;
	x->in_pos = was_pos;
	if (r)
		return NULL;
	if (p.type == XT_NUM) { /* [3] is [position() = 3] */
		sql = xstrfmt("coalesce(%s = %zu, 0)", p.sql, k + 1);
		xp_node_release(&p);
	} else {
		xp_to_bool(&p);
		sql = p.sql;
		free(p.lit);
	}
	if (expect(x, TK_RBRACK, NULL, "']'")) {
		free(sql);
		return NULL;
	}
	return sql;
}

/* Each item's predicate into preds[k] (NULL when there is none), the
 * current token the one after "item"; leaves the one after the predicate.
 * An empty list's predicate is still read, for its errors. */
static int predicates(struct xp *x, const struct form_list *l, char **preds)
{
	size_t k, i = x->i, size = 0;
	struct tok t = x->t;

	if (x->t.kind != TK_LBRACK)
		return 0;
	for (k = 0; k < (l->n ? l->n : 1); k++) {
		x->i = i;
		x->t = t;
		if (xp_next(x))
			return -1;
		preds[k] = predicate(x, l, l->n ? &l->choices[k] : NULL, k);
		if (!preds[k])
			return -1;
		size += strlen(preds[k]);
		if (size > LOOKUP_SQL_MAX)
			return xp_fail_at(x, t.pos, "the lookup in list '%s' is too large to "
					  "write out (%zu items; at most %d KiB of it)", l->name,
					  l->n, LOOKUP_SQL_MAX / 1024);
	}
	if (x->t.kind == TK_LBRACK)
		return xp_fail_at(x, x->t.pos, "one [predicate] only: join them with 'and'");
	return 0;
}

/* CASE WHEN pred THEN value ... ELSE '' END over the items. */
static char *lookup_sql(struct xp *x, const struct form_list *l, char **preds, int col)
{
	struct strbuf sb;
	const char *v;
	char *lit;
	size_t k;

	if (!l->n)
		return xstrdup("''");
	if (!preds[0]) { /* no predicate: the first item */
		v = xp_lookup_value(x->env->form, l, &l->choices[0], col);
		return xp_sql_string(v, strlen(v));
	}
	strbuf_init(&sb);
	strbuf_adds(&sb, "(CASE");
	for (k = 0; k < l->n; k++) {
		v = xp_lookup_value(x->env->form, l, &l->choices[k], col);
		lit = xp_sql_string(v, strlen(v));
		strbuf_addf(&sb, " WHEN %s THEN %s", preds[k], lit);
		free(lit);
	}
	strbuf_adds(&sb, " ELSE '' END)");
	return strbuf_detach(&sb);
}

/* The items' terms added up, as a balanced tree of '+' (a chain of
 * thousands would pass SQLite's expression depth): term k is
 * "CASE WHEN pred THEN value ELSE 0 END", or value without a predicate. */
static void add_terms(struct strbuf *sb, char **preds, char **vals, size_t lo, size_t hi)
{
	size_t mid = lo + (hi - lo) / 2;

	if (hi - lo == 1) {
		if (preds[lo])
			strbuf_addf(sb, "(CASE WHEN %s THEN %s ELSE 0 END)", preds[lo], vals[lo]);
		else
			strbuf_adds(sb, vals[lo]);
		return;
	}
	strbuf_addc(sb, '(');
	add_terms(sb, preds, vals, lo, mid);
	strbuf_adds(sb, " + ");
	add_terms(sb, preds, vals, mid, hi);
	strbuf_addc(sb, ')');
}

/* count(): how many items the predicate lets through; sum(): their
 * column's values added up, NaN (NULL) when one is not a number. */
static char *aggregate_sql(struct xp *x, const struct form_list *l, char **preds, int col,
			   int sum)
{
	struct strbuf sb;
	char **vals;
	const char *v;
	size_t k;

	if (!l->n)
		return xstrdup("0");
	vals = xcalloc(l->n, sizeof *vals);
	for (k = 0; k < l->n; k++) {
		v = sum ? xp_lookup_value(x->env->form, l, &l->choices[k], col) : NULL;
		vals[k] = !v ? xstrdup("1") : expr_number_text(v, strlen(v)) ?
			  xstrfmt("fc_num('%s')", v) : xstrdup("NULL");
	}
	strbuf_init(&sb);
	add_terms(&sb, preds, vals, 0, l->n);
	for (k = 0; k < l->n; k++)
		free(vals[k]);
	free(vals);
	return strbuf_detach(&sb);
}

/* The lookup after "instance(": its list, predicate and, unless counting,
 * column, written out as `how` says. */
static int lookup(struct xp *x, size_t pos, enum xp_lookup how, struct node *out)
{
	const struct form_list *l = which_list(x, pos);
	char col[NAME_MAX_LEN + 1], **preds = NULL;
	size_t k, n = 0;
	int c = XP_NO_COLUMN, rc = -1;

	if (!l)
		return -1;
	n = l->n ? l->n : 1;
	preds = xcalloc(n, sizeof *preds);
	if (predicates(x, l, preds))
		goto out;
	if (how != XP_LOOKUP_COUNT &&
	    expect(x, TK_SLASH, NULL, "'/COLUMN' (the value of which column to look up)"))
		goto out;
	if (how != XP_LOOKUP_COUNT && x->t.kind == TK_WORD && x->t.len <= NAME_MAX_LEN) {
		memcpy(col, x->src + x->t.pos, x->t.len);
		col[x->t.len] = '\0';
		c = xp_lookup_column(x->env->form, l, col);
	}
	if (how != XP_LOOKUP_COUNT && c == XP_NO_COLUMN &&
	    (x->t.kind != TK_WORD || xp_lookup_unknown(x, l, x->t.pos, x->t.len))) {
		if (x->t.kind != TK_WORD)
			xp_fail_at(x, x->t.pos, "expected a column's name after '/'");
		goto out;
	}
	if (how != XP_LOOKUP_COUNT && xp_next(x))
		goto out;
	out->sql = how == XP_LOOKUP_VALUE ? lookup_sql(x, l, preds, c)
		   : aggregate_sql(x, l, preds, c, how == XP_LOOKUP_SUM);
	out->type = how == XP_LOOKUP_VALUE ? XT_STR : XT_NUM;
	out->lit = NULL;
	if (strlen(out->sql) > LOOKUP_SQL_MAX) {
		xp_node_release(out);
		xp_fail_at(x, pos, "the lookup in list '%s' is too large to write out (%zu "
			   "items; at most %d KiB of it)", l->name, l->n, LOOKUP_SQL_MAX / 1024);
		goto out;
	}
	rc = 0;
out:
	for (k = 0; k < n; k++)
		free(preds[k]);
	free(preds);
	return rc;
}

int xp_instance(struct xp *x, size_t pos, struct node *out)
{
	return lookup(x, pos, XP_LOOKUP_VALUE, out);
}

int xp_instance_aggregate(struct xp *x, const char *name, size_t pos, struct node *out)
{
	enum xp_lookup how = !strcmp(name, "count") ? XP_LOOKUP_COUNT : XP_LOOKUP_SUM;
	size_t at = x->t.pos;

	(void)pos; /* messages point at the lookup, inside the call */

	/* the current token is "instance": on past its '(' */
	if (xp_next(x) || expect(x, TK_LPAREN, NULL, "'(' after instance") ||
	    lookup(x, at, how, out))
		return -1;
	if (x->t.kind != TK_RPAREN) {
		xp_node_release(out);
		return xp_fail_at(x, x->t.pos, "%s() takes one lookup: expected ')'", name);
	}
	return xp_next(x);
}
