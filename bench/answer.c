/* answer.c - what saving one answer costs: the terminal UI's autosave path.
 *
 *   answer WORKSPACE [--calls M] [--form ID]
 *
 * Starts a draft of the form (hazmat-loading by default) on the first
 * enterprise of the workspace, then times M calls of inspect_answer in this one
 * process, as the TUI makes them on an open workspace: each call is its own
 * transaction, synced to disk before it returns.  It walks the form's check
 * items that always apply, over and over, answering pass, fail and na in
 * turn, so a third of the calls create a hazard and a third withdraw one.
 * Prints "calls=M median=S p99=S mean=S max=S" (seconds).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/enterprise.h"
#include "core/workspace.h"
#include "forms/inspect/inspect.h"

/* Item c has no relevant of its own nor in any group around it (the five
 * must-checks apply only once a vehicle is spot-checked). */
static int always_applies(const struct form *f, size_t c)
{
	int i;

	for (i = (int)c; i >= 0; i = f->items[i].group)
		if (f->items[i].relevant)
			return 0;
	return 1;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int first(const struct fc_enterprise *e, void *ctx)
{
	snprintf(ctx, USCC_LEN + 1, "%s", e->code);
	return 1; /* one is enough */
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static const char *const values[] = { "pass", "fail", "na" };
	const char *forms = getenv("FIELDCHECK_FORMS"), *form_id = "hazmat-loading";
	struct fc_workspace *ws = NULL;
	struct form_problems probs = { 0 };
	struct fc_err err = { 0 };
	struct form *f;
	size_t calls = 1000, n_items = 0, c, *items;
	char dir[1024], id[FC_UUID_LEN + 1], code[USCC_LEN + 1] = "";
	double *t, sum = 0;
	int i;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: answer WORKSPACE [--calls M] [--form ID]\n");
		return 2;
	}
	for (i = 2; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--calls"))
			calls = strtoul(argv[i + 1], NULL, 10);
		else if (!strcmp(argv[i], "--form"))
			form_id = argv[i + 1];
	}
	if (!forms || !*forms)
		forms = "forms/checklists";
	snprintf(dir, sizeof dir, "%s/%s", forms, form_id);
	if (calls == 0 || !(f = form_load_dir(dir, &probs))) {
		fprintf(stderr, "answer: %s\n", probs.n ? probs.msgs[0] : "no calls to make");
		return 1;
	}
	if (workspace_open(argv[1], &ws, &err) || enterprise_list(ws->store, NULL, 1, first, code, &err) < 0) {
		fprintf(stderr, "answer: %s\n", err.msg);
		return 1;
	}
	items = calloc(f->n_items, sizeof *items);
	for (c = 0; items && c < f->n_items; c++)
		if (f->items[c].type == FT_CHECK && always_applies(f, c))
			items[n_items++] = c;
	if (!n_items || inspect_new(ws, f, code, INSP_ROUTINE, "", NULL, 0, id, &err)) {
		fprintf(stderr, "answer: %s\n", n_items ? err.msg : "the form has no check items");
		return 1;
	}
	t = calloc(calls, sizeof *t);
	for (c = 0; t && c < calls; c++) {
		const char *item = f->items[items[c % n_items]].name;
		const char *value = values[(c / n_items + c) % 3];
		double t0 = now_s();
		if (inspect_answer(ws, f, id, item, value, "", NULL, form_lang_of("zh"), &err)) {
			fprintf(stderr, "answer: %s %s: %s\n", item, value, err.msg);
			return 1;
		}
		t[c] = now_s() - t0;
		sum += t[c];
	}
	if (!t)
		return 1;
	qsort(t, calls, sizeof *t, cmp_double);
	printf("calls=%zu median=%.6f p99=%.6f mean=%.6f max=%.6f\n", calls, t[calls / 2],
	       t[(calls * 99 + 99) / 100 - 1], sum / (double)calls, t[calls - 1]);
	free(t);
	free(items);
	form_free(f);
	workspace_close(ws);
	return 0;
}
