/* names.c - item names as pyxform takes them, and the names records use.
 *
 * pyxform wants a name unique only among its siblings (the items directly
 * inside one group or repeat, or the survey's top level) and a repeat's
 * name unique among repeats (pyxform/validators/pyxform/unique_names.py).
 * A record keys an answer by its item's name (docs/FORMAT.md), so an item
 * whose name another item elsewhere also carries is given a scoped name:
 * the names of the groups it is inside, nearest last, as few as tell it
 * from the others, then its own, joined by '-' ("household-name").  That
 * is still a plain name to the record, so the record format does not
 * change, and a name that is unique stays as it is: the keys of records
 * filled with existing forms do not change.  form_item.xls_name keeps the
 * survey's name, so ${name} naming several items is refused as pyxform
 * refuses it (engine.c).
 */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/survey_impl.h"

#define SCOPE_SEP '-'

/* qsort has no context argument in C11: (parent, name, index) triples. */
struct sib {
	int parent;
	const char *name;
	size_t ix;
};

static int cmp_sib(const void *a, const void *b)
{
	const struct sib *p = a, *q = b;
	int c;

	if (p->parent != q->parent)
		return p->parent < q->parent ? -1 : 1;
	if ((c = strcmp(p->name, q->name)))
		return c;
	return p->ix < q->ix ? -1 : p->ix > q->ix;
}

static int cmp_name(const void *a, const void *b)
{
	const struct sib *p = a, *q = b;
	int c = strcmp(p->name, q->name);

	if (c)
		return c;
	return p->ix < q->ix ? -1 : p->ix > q->ix;
}

/* The named items as triples, sorted by cmp; *n their count. */
static struct sib *named_items(const struct form *f, int (*cmp)(const void *, const void *),
			       int repeats_only, size_t *n)
{
	struct sib *v = xcalloc(f->n_items ? f->n_items : 1, sizeof *v);
	size_t i;

	*n = 0;
	for (i = 0; i < f->n_items; i++)
		if (f->items[i].name && (!repeats_only || f->items[i].type == FT_BEGIN_REPEAT)) {
			v[*n].parent = f->items[i].group;
			v[*n].name = f->items[i].name;
			v[(*n)++].ix = i;
		}
	qsort(v, *n, sizeof *v, cmp);
	return v;
}

/* pyxform's two rules; the number of problems found. */
static size_t check_unique(struct loader *ld, struct survey *sv)
{
	const struct form *f = ld->f;
	size_t n, k, bad = 0;
	struct sib *v = named_items(f, cmp_sib, 0, &n);

	for (k = 1; k < n; k++)
		if (v[k].parent == v[k - 1].parent && !strcmp(v[k].name, v[k - 1].name) && ++bad)
			sheet_problem(ld, &sv->sh, sv->row[v[k].ix], S_NAME, SLOT_PLAIN,
				      "duplicate name '%s' (also on line %d)", v[k].name,
				      f->items[v[k - 1].ix].line);
	free(v);
	v = named_items(f, cmp_name, 1, &n);
	for (k = 1; k < n; k++)
		if (!strcmp(v[k].name, v[k - 1].name) && ++bad)
			sheet_problem(ld, &sv->sh, sv->row[v[k].ix], S_NAME, SLOT_PLAIN,
				      "repeat '%s' has the name of the repeat on line %d: a "
				      "repeat's name is unique in the whole survey", v[k].name,
				      f->items[v[k - 1].ix].line);
	free(v);
	return bad;
}

/* How many groups or repeats item i is inside. */
static int depth(const struct form *f, size_t i)
{
	int n = 0, g;

	for (g = f->items[i].group; g >= 0 && n < GROUP_DEPTH_MAX; g = f->items[g].group)
		n++;
	return n;
}

/* Item i's name after the names of its d nearest groups (all of them when
 * it is in fewer), nearest last, joined by SCOPE_SEP: a new string. */
static char *scoped(const struct form *f, size_t i, int d)
{
	int anc[GROUP_DEPTH_MAX], n = 0, g;
	struct strbuf sb;

	for (g = f->items[i].group; g >= 0 && n < d && n < GROUP_DEPTH_MAX; g = f->items[g].group)
		anc[n++] = g;
	strbuf_init(&sb);
	while (n--) {
		strbuf_adds(&sb, f->items[anc[n]].name ? f->items[anc[n]].name : "_");
		strbuf_addc(&sb, SCOPE_SEP);
	}
	strbuf_adds(&sb, f->items[i].name);
	return strbuf_detach(&sb);
}

struct cand {
	char *s;
	size_t m;           /* which of the run */
	int alone;          /* no other of the run has s */
};

static int cmp_cand(const void *a, const void *b)
{
	return strcmp(((const struct cand *)a)->s, ((const struct cand *)b)->s);
}

/* The items v[0..m), all of one name: each gets, in key[v[k].ix], its name
 * scoped by as few groups as make it differ from the others' scoped by as
 * many (or by all of its own). */
static void scope_run(const struct form *f, const struct sib *v, size_t m, char **key)
{
	struct cand *c = xcalloc(m, sizeof *c);
	size_t k, left = m;
	int d;

	for (d = 0; left && d <= GROUP_DEPTH_MAX; d++) {
		for (k = 0; k < m; k++) {
			c[k].s = scoped(f, v[k].ix, d);
			c[k].m = k;
		}
		qsort(c, m, sizeof *c, cmp_cand);
		for (k = 0; k < m; k++)
			c[k].alone = (k == 0 || strcmp(c[k].s, c[k - 1].s)) &&
				     (k + 1 == m || strcmp(c[k].s, c[k + 1].s));
		for (k = 0; k < m; k++) {
			size_t ix = v[c[k].m].ix;
			if (!key[ix] && (c[k].alone || d >= depth(f, ix))) {
				key[ix] = c[k].s;
				c[k].s = NULL;
				left--;
			}
			free(c[k].s);
		}
	}
	free(c);
}

/* Gives every item whose name others share its scoped name, keeping the
 * survey's in xls_name. */
static void scope_names(struct loader *ld, struct survey *sv)
{
	struct form *f = ld->f;
	char **key = xcalloc(f->n_items ? f->n_items : 1, sizeof *key);
	size_t n, a, b, i;
	struct sib *v = named_items(f, cmp_name, 0, &n);

	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && !strcmp(v[a].name, v[b].name); b++)
			;
		if (b - a > 1)
			scope_run(f, v + a, b - a, key);
	}
	free(v);
	for (i = 0; i < f->n_items; i++) {
		struct form_item *it = &f->items[i];
		if (!key[i] || !strcmp(key[i], it->name)) {
			free(key[i]);
			continue;
		}
		if (strlen(key[i]) > NAME_MAX_LEN)
			sheet_problem(ld, &sv->sh, sv->row[i], S_NAME, SLOT_PLAIN, "name '%s' is "
				      "used in other groups too, and with its groups' names, "
				      "'%.80s', it is longer than %d: shorten the names", it->name,
				      key[i], NAME_MAX_LEN);
		else
			sheet_warning(ld, &sv->sh, sv->row[i], S_NAME, SLOT_PLAIN, "name '%s' is "
				      "used in other groups too: its answers are recorded as "
				      "'%s'", it->name, key[i]);
		it->xls_name = it->name;
		it->name = key[i];
	}
	free(key);
}

/* A scoped name that is another item's name too. */
static void check_scoped(struct loader *ld, struct survey *sv)
{
	const struct form *f = ld->f;
	const size_t *v = f->engine->by_name;
	size_t k;

	for (k = 1; k < f->engine->n_by_name; k++) {
		const struct form_item *p = &f->items[v[k - 1]], *q = &f->items[v[k]];
		if (strcmp(p->name, q->name))
			continue;
		sheet_problem(ld, &sv->sh, sv->row[q->xls_name ? v[k] : v[k - 1]], S_NAME,
			      SLOT_PLAIN, "item '%s' is recorded as '%s' (its name is used in "
			      "other groups too), which is also the name on line %d: rename "
			      "one of them", q->xls_name ? q->xls_name : p->xls_name, q->name,
			      q->xls_name ? p->line : q->line);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* f->engine->shared from the items' xls_name. */
static void index_shared(struct form *f)
{
	struct form_engine *e = f->engine;
	size_t i, n = 0;

	free(e->shared);
	e->shared = xcalloc(f->n_items ? f->n_items : 1, sizeof *e->shared);
	for (i = 0; i < f->n_items; i++)
		if (f->items[i].xls_name)
			e->shared[n++] = f->items[i].xls_name;
	qsort(e->shared, n, sizeof *e->shared, cmp_str);
	for (i = e->n_shared = 0; i < n; i++)
		if (!e->n_shared || strcmp(e->shared[e->n_shared - 1], e->shared[i]))
			e->shared[e->n_shared++] = e->shared[i];
}

void survey_check_names(struct loader *ld, struct survey *sv)
{
	if (check_unique(ld, sv)) {
		form_index_names(ld->f);
		return;
	}
	scope_names(ld, sv);
	index_shared(ld->f);
	form_index_names(ld->f);
	check_scoped(ld, sv);
}

int form_xls_name_shared(const struct form *f, const char *name)
{
	size_t i;

	if (!f->engine)
		for (i = 0; i < f->n_items; i++)
			if (f->items[i].xls_name && !strcmp(f->items[i].xls_name, name))
				return 1;
	return f->engine && f->engine->n_shared &&
	       bsearch(&name, f->engine->shared, f->engine->n_shared, sizeof name, cmp_str);
}

void form_scoped_names(const struct form *f, const char *name, struct strbuf *out)
{
	size_t i, n = 0;

	for (i = 0; i < f->n_items; i++)
		if ((f->items[i].xls_name && !strcmp(f->items[i].xls_name, name)) ||
		    (f->items[i].name && !f->items[i].xls_name && !strcmp(f->items[i].name, name)))
			strbuf_addf(out, "%s%s", n++ ? ", " : "", f->items[i].name);
}
