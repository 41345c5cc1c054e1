/* xpath_path.c - paths to items: ../x, ./x, ../../group/x, /data/group/x
 * and current()/../x, which real XLSForms (CHT's, pyxform's XPath-heavy
 * ones) write where ${x} would do.
 *
 * A path is resolved now, at load, against the form's groups: it starts at
 * the item whose column holds the expression (`.` is that item, `..` its
 * group or repeat, the form's root above the top ones; current() is the
 * item too, a choice_filter's select), or at the root for /NAME/..., NAME
 * being the form's id (or "data", pyxform's default root).  Each name is a
 * child of the node reached, by its survey name.  The item reached
 * compiles as ${x} would; a path that names nothing, ends on a group or
 * climbs above the root is refused.  In a select_one ${q}'s choice_filter
 * current()/... reads the select's own instance (XP_PARAM_OWN).
 */
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/xpath_impl.h"

#define ROOT (-1)

/* The child of node `node` (an item's index, or ROOT) called name. */
static int child(const struct form *f, int node, const char *name, size_t n)
{
	size_t k;

	for (k = 0; k < f->n_items; k++) {
		const struct form_item *it = &f->items[k];
		const char *s = it->xls_name ? it->xls_name : it->name;
		if (it->group == node && s && strlen(s) == n && !memcmp(s, name, n) &&
		    it->type != FT_END_GROUP && it->type != FT_END_REPEAT)
			return (int)k;
	}
	return -2;
}

/* Whether the current token is current() followed by '/': on past ')'. */
static int current_call(struct xp *x)
{
	const char *s = x->src + x->t.pos;

	return x->t.kind == TK_WORD && x->t.len == 7 && !memcmp(s, "current", 7) &&
	       !strncmp(s + 7, "()/", 3);
}

int xp_is_path(const struct xp *x)
{
	const char *s = x->src + x->t.pos, *end = x->src + x->len;

	switch (x->t.kind) {
	case TK_DOT: return s + 1 < end && s[1] == '/';
	case TK_DOTDOT: return s + 2 < end && s[2] == '/';
	case TK_SLASH: return 1;
	case TK_WORD: return current_call((struct xp *)x);
	default: return 0;
	}
}

/* The node the path starts at, the tokens of its start passed. */
static int start(struct xp *x, const struct form *f, int *node)
{
	int at = x->env->at - 1;
	const char *id = f->id ? f->id : "data"; /* no id yet: settings failed */

	if (x->t.kind == TK_SLASH) {
		if (xp_next(x))
			return -1;
		if (x->t.kind != TK_WORD ||
		    ((x->t.len != strlen(id) || memcmp(x->src + x->t.pos, id, x->t.len)) &&
		     (x->t.len != 4 || memcmp(x->src + x->t.pos, "data", 4))))
			return xp_fail_at(x, x->t.pos, "a path from the root starts /%s/ (the "
					  "form's id): refer to an item as ${name}", id);
		*node = ROOT;
		return xp_next(x);
	}
	if (at < 0)
		return xp_fail_at(x, x->t.pos, "a relative path has no item to start from "
				  "here: refer to an item as ${name}");
	*node = at;
	if (x->t.kind == TK_WORD) /* current() */
		return xp_next(x) || xp_next(x) || xp_next(x);
	if (x->t.kind == TK_DOTDOT)
		*node = f->items[at].group;
	return xp_next(x);
}

/* The item the path at the current token names into *item, the tokens
 * passed.  0, or -1 with the message. */
static int resolve(struct xp *x, const struct form *f, int *item)
{
	size_t pos = x->t.pos;
	int node = ROOT;

	if (start(x, f, &node))
		return -1;
	while (x->t.kind == TK_SLASH) {
		if (xp_next(x))
			return -1;
		if (x->t.kind == TK_DOTDOT && node == ROOT)
			return xp_fail_at(x, x->t.pos, "the path climbs above the form");
		if (x->t.kind == TK_DOTDOT)
			node = f->items[node].group;
		else if (x->t.kind == TK_WORD &&
			 (node = child(f, node, x->src + x->t.pos, x->t.len)) == -2)
			return xp_fail_at(x, x->t.pos, "the path names nothing: '%.*s' is no "
					  "item there", (int)(x->t.len < 40 ? x->t.len : 40),
					  x->src + x->t.pos);
		else if (x->t.kind != TK_DOT && x->t.kind != TK_WORD && x->t.kind != TK_DOTDOT)
			return xp_fail_at(x, x->t.pos, "a path wants a name, '.' or '..' after '/'");
		if (xp_next(x))
			return -1;
	}
	if (x->t.kind == TK_LBRACK)
		return xp_fail_at(x, x->t.pos, "a path's [predicate] is not supported: refer to "
				  "an item as ${name}");
	if (node == ROOT || form_item_kind(&f->items[node]) == XK_NONE)
		return xp_fail_at(x, pos, "the path names %s, which has no value",
				  node == ROOT ? "the form itself" : "a note or a group");
	*item = node;
	return 0;
}

int xp_path(struct xp *x, struct node *out)
{
	const struct form *f = x->env->form;
	int own = x->t.kind == TK_WORD && x->env->own, item = 0;
	enum xp_kind kind;

	if (!f)
		return xp_fail_at(x, x->t.pos, "paths are not supported here: refer to an item "
				  "as ${name}");
	if (resolve(x, f, &item))
		return -1;
	kind = form_item_kind(&f->items[item]);
	out->sql = xstrfmt("?%d", xp_param(x, own ? XP_PARAM_OWN(item) : item));
	out->type = kind == XK_NUMBER ? XT_NUMSTR : kind == XK_DATE ? XT_DATE : XT_STR;
	return 0;
}
