/* engine.c - compiling a form's expressions and finding items by name. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"

enum xp_kind form_item_kind(const struct form_item *it)
{
	switch (it->type) {
	case FT_INTEGER:
	case FT_DECIMAL:
	case FT_RANGE:
		return XK_NUMBER;
	case FT_DATE:
		return XK_DATE;
	case FT_BEGIN_GROUP:
	case FT_END_GROUP:
	case FT_BEGIN_REPEAT:
	case FT_END_REPEAT:
		return XK_NONE;
	case FT_META:
		return it->meta == META_TODAY ? XK_DATE : it->meta == META_AUDIT ? XK_NONE : XK_TEXT;
	default: /* a note too: ODK gives it an empty text value, which an
		  * expression may read (pyxform binds it as a string) */
		return XK_TEXT;
	}
}

/* qsort has no context argument in C11: sort (name, index) pairs. */
struct name_ix {
	const char *name;
	size_t ix;
};

static int cmp_name_ix(const void *a, const void *b)
{
	const struct name_ix *p = a, *q = b;
	int c = strcmp(p->name, q->name);

	if (c)
		return c;
	return p->ix < q->ix ? -1 : p->ix > q->ix;
}

void form_index_names(struct form *f)
{
	struct name_ix *v = xcalloc(f->n_items ? f->n_items : 1, sizeof *v);
	size_t i, n = 0;

	for (i = 0; i < f->n_items; i++)
		if (f->items[i].name && *f->items[i].name) {
			v[n].name = f->items[i].name;
			v[n++].ix = i;
		}
	qsort(v, n, sizeof *v, cmp_name_ix);
	free(f->engine->by_name);
	f->engine->by_name = xcalloc(n ? n : 1, sizeof *f->engine->by_name);
	for (i = 0; i < n; i++)
		f->engine->by_name[i] = v[i].ix;
	f->engine->n_by_name = n;
	free(v);
}

int form_item_index(const struct form *f, const char *name)
{
	size_t lo = 0, hi, i;

	if (!f->engine || !f->engine->by_name) {
		for (i = 0; i < f->n_items; i++)
			if (f->items[i].name && !strcmp(f->items[i].name, name))
				return (int)i;
		return -1;
	}
	/* The first entry not below name: the earliest item of that name. */
	hi = f->engine->n_by_name;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(f->items[f->engine->by_name[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->engine->n_by_name &&
	    !strcmp(f->items[f->engine->by_name[lo]].name, name))
		return (int)f->engine->by_name[lo];
	return -1;
}

static int lookup(void *ctx, const char *name, enum xp_kind *kind)
{
	const struct form *f = ctx;
	int i = form_item_index(f, name);

	if (form_xls_name_shared(f, name))
		return XP_AMBIGUOUS;
	if (i >= 0)
		*kind = form_item_kind(&f->items[i]);
	return i;
}

static const struct form_list *item_list(void *ctx, int idx)
{
	const struct form *f = ctx;

	return idx >= 0 && (size_t)idx < f->n_items ? f->items[idx].list : NULL;
}

struct form_expr *form_expr_compile(struct form *f, const char *src,
				    enum xp_kind self, struct fc_err *err)
{
	return form_expr_compile_as(f, src, self, 0, err);
}

static int choice_column(void *ctx, const char *name)
{
	const struct form *f = ctx;
	const struct form_list *l = f->engine->filter_list;
	size_t k;
	int i;

	if (f->engine->filter_repeat) { /* an item of the repeat, as ./name */
		i = form_item_index(f, name);
		for (k = i >= 0 ? (size_t)f->items[i].repeat : (size_t)-1; k != (size_t)-1;
		     k = (size_t)f->items[k].repeat)
			if (k == (size_t)f->engine->filter_repeat - 1)
				return form_item_kind(&f->items[i]) == XK_NONE ? -1 : i;
		return -1;
	}
	for (k = 0; l && k < l->n_cols; k++)
		if (!strcmp(l->cols[k], name))
			return (int)(f->n_choice_cols + k);
	for (k = 0; k < f->n_choice_cols; k++)
		if (!strcmp(f->choice_cols[k], name))
			return (int)k;
	if (!strcmp(name, "name")) /* pyxform's name = current()/../crop */
		return XP_COLUMN_NAME;
	return -1;
}

/* instance('name'): a list of the choices sheet, a list of itemsets.csv,
 * or a select's file called name and an extension ("sites" is sites.csv). */
static const struct form_list *instance_list(void *ctx, const char *name)
{
	static char *no_cols[1];
	/* a file's list (cols not NULL: a column it lacks reads as '') */
	static const struct form_list none = { NULL, NULL, 0, no_cols, 0 };
	const struct form *f = ctx;
	size_t k, j, n = strlen(name);

	for (k = 0; k < f->n_lists; k++)
		if (!strcmp(f->lists[k].name, name))
			return &f->lists[k];
	for (k = 0; k < f->n_files; k++) {
		const struct form_csv_file *ff = &f->files[k];
		if (!strcmp(ff->name, ITEMSETS_FILE)) {
			for (j = 0; j < ff->n_lists; j++)
				if (!strcmp(ff->list[j].name, name))
					return &ff->list[j];
		} else if (ff->list && !strncmp(ff->name, name, n) && ff->name[n] == '.') {
			return ff->list;
		}
	}
	for (k = 0; k < f->n_items; k++)
		if ((f->items[k].from_file || f->items[k].external) && !f->items[k].list)
			return &none; /* a file that did not load, reported there: read as
				       * empty, so it is not reported again as no list */
	return NULL;
}

struct form_expr *form_expr_compile_filter(struct form *f, const char *src, enum xp_kind self,
					   const struct form_list *l, struct fc_err *err)
{
	struct form_expr *e;

	f->engine->filter_list = l;
	e = form_expr_compile_as(f, src, self, FORM_EXPR_FILTER, err);
	f->engine->filter_list = NULL;
	return e;
}

struct form_expr *form_expr_compile_dyn_filter(struct form *f, const char *src,
					       enum xp_kind self, size_t r, struct fc_err *err)
{
	struct form_expr *e;

	f->engine->filter_repeat = (int)r + 1;
	e = form_expr_compile_as(f, src, self, FORM_EXPR_FILTER, err);
	f->engine->filter_repeat = 0;
	return e;
}

struct form_expr *form_expr_compile_as(struct form *f, const char *src, enum xp_kind self,
				       int value, struct fc_err *err)
{
	struct xp_env env = { lookup, f, self, item_list, f,
			      value == FORM_EXPR_FILTER ? choice_column : NULL, instance_list,
			      f->engine ? f->engine->at : 0,
			      f->engine && f->engine->filter_repeat };
	struct xp_sql sql;
	struct form_expr *e;

	if (!f->engine || !f->engine->db) {
		fc_fail(err, _("no expression engine"));
		return NULL;
	}
	if ((value == FORM_EXPR_VALUE ? xp_translate_value : xp_translate)(src, &env, &sql, err))
		return NULL;
	e = xcalloc(1, sizeof *e);
	if (expr_compile(f->engine->db, sql.sql, &e->e, err)) {
		xp_sql_release(&sql);
		free(e);
		return NULL;
	}
	free(sql.sql);
	e->params = sql.params;
	e->n_params = sql.n_params;
	e->warning = sql.warning;
	e->unread = sql.unread;
	e->once = sql.once;
	e->src = xstrdup(src);
	return e;
}

void form_expr_free(struct form_expr *e)
{
	if (!e)
		return;
	expr_free(e->e);
	free(e->params);
	free(e->unread);
	free(e->src);
	free(e->warning);
	free(e);
}

const char *form_expr_source(const struct form_expr *e)
{
	return e ? e->src : "";
}
