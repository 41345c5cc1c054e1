/* cycles.c - relevance and calculations must not depend on themselves.
 *
 * An item's relevance needs its group's relevance and, through the values
 * its relevant expression reads, the relevance of those items (a value of
 * an item that is not relevant reads as '', as in XLSForm); a calculate
 * item's value needs what its calculation reads.  A cycle would
 * make that undefined, and a very long chain would make evaluation recurse
 * deeply, so both are refused at load time.  The walk is iterative: a form
 * file from a remote must not be able to overflow the stack.
 */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/survey_impl.h"

enum { WHITE, GREY, BLACK };

struct walk {
	const struct form *f;
	unsigned char *color;
	int *depth;
	size_t *stack, *next;
	size_t sp;
	int too_deep;           /* reported once */
};

static size_t n_rel(const struct form *f, size_t u)
{
	return f->items[u].relevant ? f->items[u].relevant->n_params : 0;
}

/* Whether reading item u evaluates its calculation (a calculate item, a
 * computed question, a once() that has no value yet; not a triggered one,
 * whose value is its answer). */
static int computes(const struct form *f, size_t u)
{
	return f->items[u].calculation && !f->items[u].triggered &&
	       (f->items[u].type == FT_CALCULATE || f->items[u].computed);
}

/* Reading item u needs its group, what its relevance reads and, for a
 * calculate item, what its calculation reads. */
static size_t n_edges(const struct form *f, size_t u)
{
	return 1 + n_rel(f, u) + (computes(f, u) ? f->items[u].calculation->n_params : 0);
}

/* The item a parameter reads: an item's, or a nodeset's (sum(${x}) reads
 * x in each instance); -1 for the rest. */
static int item_of(int param)
{
	return XP_PARAM_IS_NODESET(param) ? XP_PARAM_NODESET_ITEM(param) : param;
}

/* The k-th item reading u needs, or -1. */
static int edge(const struct form *f, size_t u, size_t k)
{
	if (k == 0)
		return f->items[u].group;
	if (k <= n_rel(f, u))
		return item_of(f->items[u].relevant->params[k - 1]);
	return item_of(f->items[u].calculation->params[k - 1 - n_rel(f, u)]);
}

static const char *name_of(const struct form *f, size_t i)
{
	return f->items[i].name ? f->items[i].name : "?";
}

static void report_cycle(struct loader *ld, struct survey *sv, struct walk *w, size_t v)
{
	struct strbuf sb;
	size_t from = w->sp, k, shown = 0, u;
	int calc;

	while (from > 0 && w->stack[from - 1] != v)
		from--;
	from = from ? from - 1 : 0;
	strbuf_init(&sb);
	for (k = from; k < w->sp; k++) {
		if (shown++ == 8) {
			strbuf_adds(&sb, "... -> ");
			k = w->sp - 1;
		}
		strbuf_addf(&sb, "'%s' -> ", name_of(w->f, w->stack[k]));
	}
	strbuf_addf(&sb, "'%s'", name_of(w->f, v));
	u = w->stack[w->sp - 1];
	calc = computes(w->f, u);
	sheet_problem(ld, &sv->sh, sv->row[u], calc ? S_CALCULATION : S_RELEVANT, SLOT_PLAIN,
		      "%s is circular: %s", calc ? "calculation" : "relevance", sb.buf);
	strbuf_release(&sb);
}

static void finish(struct loader *ld, struct survey *sv, struct walk *w, size_t u)
{
	size_t k;
	int d = 0, v;

	for (k = 0; k < n_edges(w->f, u); k++)
		if ((v = edge(w->f, u, k)) >= 0 && w->color[v] == BLACK && w->depth[v] > d)
			d = w->depth[v];
	w->depth[u] = d + 1;
	w->color[u] = BLACK;
	if (w->depth[u] > RELEVANCE_CHAIN_MAX && !w->too_deep) {
		w->too_deep = 1;
		sheet_problem(ld, &sv->sh, sv->row[u], S_RELEVANT, SLOT_PLAIN,
			      "relevance depends on a chain of more than %d items",
			      RELEVANCE_CHAIN_MAX);
	}
}

static void visit(struct loader *ld, struct survey *sv, struct walk *w, size_t root)
{
	w->sp = 0;
	w->stack[w->sp] = root;
	w->next[w->sp++] = 0;
	w->color[root] = GREY;
	while (w->sp) {
		size_t u = w->stack[w->sp - 1], k = w->next[w->sp - 1]++;
		int v;

		if (k >= n_edges(w->f, u)) {
			finish(ld, sv, w, u);
			w->sp--;
			continue;
		}
		if ((v = edge(w->f, u, k)) < 0)
			continue;
		if (w->color[v] == GREY) {
			report_cycle(ld, sv, w, (size_t)v);
		} else if (w->color[v] == WHITE) {
			w->color[v] = GREY;
			w->stack[w->sp] = (size_t)v;
			w->next[w->sp++] = 0;
		}
	}
}

void survey_check_cycles(struct loader *ld, struct survey *sv)
{
	size_t n = ld->f->n_items, i;
	struct walk w;

	memset(&w, 0, sizeof w);
	w.f = ld->f;
	w.color = xcalloc(n ? n : 1, 1);
	w.depth = xcalloc(n ? n : 1, sizeof *w.depth);
	w.stack = xcalloc(n ? n : 1, sizeof *w.stack);
	w.next = xcalloc(n ? n : 1, sizeof *w.next);
	for (i = 0; i < n; i++)
		if (w.color[i] == WHITE)
			visit(ld, sv, &w, i);
	free(w.color);
	free(w.depth);
	free(w.stack);
	free(w.next);
}
