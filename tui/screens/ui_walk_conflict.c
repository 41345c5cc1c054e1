/* ui_walk_conflict.c - conflicting answers: an item answered differently on
 * two devices keeps both values after a sync (in->conflicts holds the other
 * side) until a person chooses.  Here the walk shows both values with who
 * gave them and when, resolves by choosing one (inspect_resolve) or by
 * answering anew, the review finds the conflicted items, and a picker lists
 * the drafts that have any.
 *
 * A value chosen keeps the note it was given with; an answer given anew
 * keeps its note and the hazard described in the dialog.  Each resolution
 * is one call of inspect_resolve (forms/inspect/inspect.c), one transaction of the
 * store, as `inspection resolve` on the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_data.h"
#include "ui_dialog.h"
#include "ui_screens.h"
#include "ui_walk.h"
#include "core/inspection.h"
#include "core/strbuf.h"

size_t walk_conflicts_of(const struct walk *w, size_t item)
{
	size_t i, n = 0;

	for (i = 0; w->have_in && i < w->in.n_conflicts; i++)
		n += !strcmp(w->in.conflicts[i].item, w->f->items[item].name);
	return n;
}

static const struct fc_answer *answer_of(const struct walk *w, size_t item)
{
	size_t i;

	for (i = 0; i < w->in.n_answers; i++)
		if (!strcmp(w->in.answers[i].item, w->f->items[item].name))
			return &w->in.answers[i];
	return NULL;
}

/* "Pass — 张三 (ZJ-0001), 2026-11-28 10:01", the note after it. */
static void describe(const struct walk *w, size_t item, const struct fc_answer *a, char *buf,
		     size_t size)
{
	const char *name = "";
	char value[600];
	size_t i;

	for (i = 0; i < w->in.n_team; i++)
		if (!strcmp(w->in.team[i].badge, a->by))
			name = w->in.team[i].name;
	if (!*name && !strcmp(w->ui->ws->me.badge, a->by))
		name = w->ui->ws->me.name;
	walk_value_text(w, item, a->value, value, sizeof value);
	snprintf(buf, size, "%s — %s%s%s%s, %.10s %.5s%s%s", value, name, *name ? " (" : "", a->by,
		 *name ? ")" : "", a->at, strlen(a->at) > 11 ? a->at + 11 : "",
		 a->note && *a->note ? " · " : "", a->note ? a->note : "");
}

int walk_conflict_paint(struct ui *ui, struct walk *w, size_t item, int y, int h)
{
	const struct fc_answer *now = answer_of(w, item);
	const char *l_now = _("now: "), *l_also = _("also: ");
	char buf[1400];
	int used = 0, x = ui_width(l_now) > ui_width(l_also) ? ui_width(l_now) : ui_width(l_also);
	size_t i;

	if (h <= 0 || !walk_conflicts_of(w, item))
		return 0;
	x += 3;   /* the values line up after the wider label */
	ui_fill(y, 1, COLS - 2, ui->attr[R_WARN]);
	ui_put(y, 2, _("! Conflict: answered differently on two devices; c chooses one"),
	       COLS - 4, ui->attr[R_WARN]);
	used++;
	if (used < h) {
		ui_put(y + used, 3, l_now, x - 3, ui->attr[R_DIM]);
		if (now)
			describe(w, item, now, buf, sizeof buf);
		ui_put(y + used++, x, now ? buf : _("(no answer)"), COLS - x - 1, ui->attr[R_NORMAL]);
	}
	for (i = 0; i < w->in.n_conflicts && used < h; i++) {
		if (strcmp(w->in.conflicts[i].item, w->f->items[item].name))
			continue;
		ui_put(y + used, 3, l_also, x - 3, ui->attr[R_DIM]);
		describe(w, item, &w->in.conflicts[i], buf, sizeof buf);
		ui_put(y + used++, x, buf, COLS - x - 1, ui->attr[R_WARN]);
	}
	return used;
}

static void chosen(struct walk *w, size_t item, const struct fc_answer *a)
{
	struct fc_err err = { 0 };
	char buf[600];

	if (inspect_resolve(w->ui->ws, w->f, w->id, w->f->items[item].name, a->value, a->note,
			    NULL, w->ui->lang, &err)) {
		ui_error_err(w->ui, &err);
		return;
	}
	walk_value_text(w, item, a->value, buf, sizeof buf);
	walk_reload(w);
	ui_info(w->ui, _("Resolved: the answer is %s."), buf);
}

/* Answers anew with the item's own editor, as a resolution. */
static void anew(struct walk *w)
{
	walk_edit(w, 1);
	walk_reload(w);
}

void walk_resolve(struct walk *w)
{
	long it = walk_item(w);
	const struct fc_answer **vals;
	const char **labels;
	size_t n = 0, i, k;
	int c;

	if (it < 0 || !walk_conflicts_of(w, (size_t)it)) {
		ui_error(w->ui, _("This item has no conflicting answers."));
		return;
	}
	k = walk_conflicts_of(w, (size_t)it) + 2;
	vals = xcalloc(k, sizeof *vals);
	labels = xcalloc(k, sizeof *labels);
	if ((vals[n] = answer_of(w, (size_t)it)) != NULL)
		n++;
	for (i = 0; i < w->in.n_conflicts; i++)
		if (!strcmp(w->in.conflicts[i].item, w->f->items[it].name))
			vals[n++] = &w->in.conflicts[i];
	for (i = 0; i < n; i++) {
		char buf[1400];
		describe(w, (size_t)it, vals[i], buf, sizeof buf);
		labels[i] = xstrdup(buf);
	}
	labels[n] = _("Answer anew...");
	c = ui_choose(w->ui, _("Resolve the conflict: keep which answer?"), labels, n + 1, 0);
	if (c >= 0 && (size_t)c < n)
		chosen(w, (size_t)it, vals[c]);
	else if ((size_t)c == n)
		anew(w);
	for (i = 0; i < n; i++)
		free((char *)labels[i]);
	free(labels);
	free(vals);
}

size_t *ui_conflict_items(const struct form *f, const struct fc_inspection *in, size_t *n)
{
	size_t *out = xcalloc(in->n_conflicts + 1, sizeof *out), i;
	int idx;

	*n = 0;
	for (i = 0; i < in->n_conflicts; i++) {
		/* sorted by item: one entry per item */
		if (i && !strcmp(in->conflicts[i - 1].item, in->conflicts[i].item))
			continue;
		if ((idx = form_item_index(f, in->conflicts[i].item)) >= 0)
			out[(*n)++] = (size_t)idx;
	}
	return out;
}

/* The picker of conflicted drafts. */
struct picked {
	char (*ids)[FC_UUID_LEN + 1];
	char **labels;
	size_t n;
};

static int add_row(const struct insp_row *r, void *ctx)
{
	struct picked *p = ctx;
	char buf[600];

	if (p->n >= 1000)
		return 0;
	p->ids = xrealloc(p->ids, (p->n + 1) * sizeof *p->ids);
	p->labels = xrealloc(p->labels, (p->n + 1) * sizeof *p->labels);
	memcpy(p->ids[p->n], r->id, sizeof p->ids[p->n]);
	snprintf(buf, sizeof buf, "%s · %s · %.10s", r->enterprise_name[0] ? r->enterprise_name
		 : r->enterprise, r->form_id, r->created_at);
	p->labels[p->n++] = xstrdup(buf);
	return 0;
}

static int count_row(const struct insp_row *r, void *ctx)
{
	(void)r;
	++*(long *)ctx;
	return 0;
}

/* Opens the walk of a draft at its first conflicted item. */
static void open_at_conflict(struct ui *ui, const char *id)
{
	struct fc_inspection in;
	struct fc_err err = { 0 };

	if (inspection_get(ui->ws->store, id, &in, &err) == 0) {
		if (in.n_conflicts)
			data_set_last_item(ui->ws, id, in.conflicts[0].item, &err);
		inspection_clear(&in);
	}
	ui_walk(ui, id);
}

long ui_conflicts_count(struct ui *ui)
{
	struct fc_err err = { 0 };
	long n = 0;

	if (inspection_list(ui->ws->store, "conflicted", count_row, &n, &err))
		return 0;
	return n;
}

void ui_conflicts(struct ui *ui)
{
	struct picked p = { NULL, NULL, 0 };
	struct fc_err err = { 0 };
	size_t i;
	int c;

	if (inspection_list(ui->ws->store, "conflicted", add_row, &p, &err)) {
		ui_error_err(ui, &err);
	} else if (p.n == 0) {
		ui_info(ui, _("No inspection has conflicting answers."));
	} else {
		c = ui_choose(ui, _("Conflicting answers: open which inspection?"),
			      (const char *const *)p.labels, p.n, 0);
		if (c >= 0)
			open_at_conflict(ui, p.ids[c]);
	}
	for (i = 0; i < p.n; i++)
		free(p.labels[i]);
	free(p.labels);
	free(p.ids);
}
