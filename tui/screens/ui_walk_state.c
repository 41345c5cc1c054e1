/* ui_walk_state.c - the walk's state (see ui_walk.h): what the draft holds,
 * where the cursor may stop, storing an answer, and how an answer reads.
 * The bottom of the walk's files: it calls none of them.
 *
 * Every answer goes to the store the moment it is given (inspect_answer
 * commits it), then the whole inspection is read again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_walk.h"
#include "ui_labels.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "forms/inspect/conflict_items.h"
#include "forms/inspect/warnings.h"

static const struct fc_answer *answer_of(const struct walk *w, size_t item)
{
	size_t i;

	for (i = 0; w->have_in && i < w->in.n_answers; i++)
		if (!strcmp(w->in.answers[i].item, w->f->items[item].name))
			return &w->in.answers[i];
	return NULL;
}

const char *walk_value(const struct walk *w, size_t item)
{
	const struct fc_answer *a = answer_of(w, item);

	return a ? a->value : NULL;
}

const char *walk_note(const struct walk *w, size_t item)
{
	const struct fc_answer *a = answer_of(w, item);

	return a && a->note ? a->note : "";
}

long walk_item(const struct walk *w)
{
	if (w->l.cur >= w->n_rows || w->rows[w->l.cur].header)
		return -1;
	return (long)w->rows[w->l.cur].item;
}

int walk_stop(const struct walk *w, size_t r)
{
	const struct walk_row *row = &w->rows[r];

	return !row->header && w->relevant[row->item] &&
	       form_item_answerable(&w->f->items[row->item]);
}

int walk_step(struct walk *w, int dir)
{
	size_t r = w->l.cur;

	while (dir > 0 ? r + 1 < w->n_rows : r > 0) {
		r = dir > 0 ? r + 1 : r - 1;
		if (walk_stop(w, r)) {
			w->l.cur = r;
			return 1;
		}
	}
	return 0;
}

/* Whether item i lies inside group g (at any depth). */
static int inside(const struct form *f, size_t i, long g)
{
	long p = f->items[i].group;

	while (p >= 0 && p != g)
		p = f->items[p].group;
	return g < 0 || p == g;
}

void walk_progress(const struct walk *w, long g, size_t *done, size_t *total)
{
	size_t i;

	*done = *total = 0;
	for (i = 0; i < w->f->n_items; i++) {
		if (!form_item_answerable(&w->f->items[i]) || !w->relevant[i] ||
		    !inside(w->f, i, g))
			continue;
		(*total)++;
		*done += walk_value(w, i) != NULL;
	}
}

static void load_hazard(struct walk *w)
{
	char hid[FC_UUID_LEN + 1];
	struct fc_err err;
	long it = walk_item(w);

	if (w->have_haz)
		hazard_clear(&w->haz);
	w->have_haz = 0;
	if (it < 0 || w->f->items[it].type != FT_CHECK)
		return;
	if (hazard_find_for_item(w->ui->ws->store, w->id, w->f->items[it].name, hid, &err) > 0 &&
	    hazard_get(w->ui->ws->store, hid, &w->haz, &err) == 0)
		w->have_haz = 1;
}

size_t walk_offered(const struct walk *w, size_t i, size_t *out)
{
	const struct form_list *l = w->f->items[i].list;
	struct inspect_answers a;
	struct fc_err err;
	size_t c, n = 0;

	inspect_answers_init(&a, &w->in);
	a.fa.lang = w->ui->lang;
	for (c = 0; l && c < l->n; c++)
		if (form_choice_allowed(w->f, i, c, &a.fa, &err) != 0) /* a failure: offer it */
			out[n++] = c;
	return n;
}

const char *walk_label(const struct walk *w, size_t i)
{
	return w->filled && w->filled[i] ? w->filled[i] : form_text(w->f, &w->f->items[i].label,
								    w->ui->lang);
}

void walk_moved(struct walk *w)
{
	w->item_err[0] = '\0';
	load_hazard(w);
}

int walk_reload(struct walk *w)
{
	struct inspect_answers a;
	struct fc_err err = { 0 };
	size_t i;
	int r;

	if (w->have_in)
		inspection_clear(&w->in);
	w->have_in = 0;
	if (inspection_get(w->ui->ws->store, w->id, &w->in, &err)) {
		ui_error_err(w->ui, &err);
		return -1;
	}
	w->have_in = 1;
	inspect_answers_init(&a, &w->in);
	a.fa.lang = w->ui->lang;
	for (i = 0; i < w->f->n_items; i++) {
		const char *label = form_text(w->f, &w->f->items[i].label, w->ui->lang);
		free(w->filled[i]);
		w->filled[i] = strstr(label, "${") ? form_fill(w->f, label, &a.fa) : NULL;
		r = form_relevant(w->f, i, &a.fa, &err);
		w->relevant[i] = r != 0;   /* an expression that fails: show the item */
		r = r > 0 ? form_required(w->f, i, &a.fa, &err) : 0;
		w->required[i] = r > 0;
		w->clashes[i] = conflict_count(&w->in, w->f->items[i].name);
	}
	load_hazard(w);
	return 0;
}

size_t walk_warnings_of(const struct walk *w, size_t item, size_t *out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < w->f->n_items && n < max; i++)
		if (form_item_warns(&w->f->items[i]) && w->relevant[i] &&
		    w->f->items[i].group == w->f->items[item].group)
			out[n++] = i;
	return n;
}

/* The first warning that applies now and did not `before`, or -1. */
static long new_warning(const struct walk *w, const unsigned char *before)
{
	size_t i;

	for (i = 0; i < w->f->n_items; i++)
		if (form_item_warns(&w->f->items[i]) && w->relevant[i] && !before[i])
			return (long)i;
	return -1;
}

int walk_answer(struct walk *w, const char *value, const char *note,
		const struct inspect_hazard *hz, enum walk_how how)
{
	struct fc_err err = { 0 };
	long it = walk_item(w);
	int resolve = how == WALK_RESOLVE && *value;
	size_t done, before, after;

	unsigned char *was;
	long warn;

	if (it < 0)
		return -1;
	walk_progress(w, -1, &done, &before);
	was = xmalloc(w->f->n_items + 1);
	memcpy(was, w->relevant, w->f->n_items + 1);
	w->item_err[0] = '\0';
	if ((resolve ? inspect_resolve : inspect_answer)(w->ui->ws, w->f, w->id,
							 w->f->items[it].name, value, note, hz,
							 w->ui->lang, &err)) {
		snprintf(w->item_err, sizeof w->item_err, "%s", err.msg);
		ui_error_err(w->ui, &err);
		free(was);
		return -1;
	}
	walk_reload(w);
	walk_progress(w, -1, &done, &after);
	warn = new_warning(w, was);
	free(was);
	if (warn >= 0)   /* the alarm, the moment the reading is entered */
		ui_error(w->ui, "!! %s", form_text(w->f, &w->f->items[warn].label, w->ui->lang));
	else if (resolve)
		ui_info(w->ui, "%s", _("Conflict resolved: this answer stands, the others are "
				       "dropped."));
	else if (after != before)   /* the count in the title moves: say why */
		ui_info(w->ui, _("%zu of %zu items apply now (were %zu): this answer changed which "
				 "items apply."), done, after, before);
	return 0;
}

char *walk_value_text(const struct walk *w, size_t item, const char *v)
{
	const struct form_item *it = &w->f->items[item];
	const struct form_list *l = it->list;
	struct strbuf sb;
	const char *p = v;
	size_t i, n;

	if (it->type == FT_CHECK)
		return xstrdup(!strcmp(v, "pass") ? _("Pass") : !strcmp(v, "fail") ? _("Fail")
			       : !strcmp(v, "na") ? _("Not applicable") : v);
	if (!l || (it->type != FT_SELECT_ONE && it->type != FT_SELECT_MULTIPLE))
		return xstrdup(v);
	strbuf_init(&sb);
	while (*(p += strspn(p, " "))) {
		n = strcspn(p, " ");
		for (i = 0; i < l->n; i++)
			if (strlen(l->choices[i].name) == n && !memcmp(l->choices[i].name, p, n))
				break;
		if (sb.len)
			strbuf_adds(&sb, ", ");
		if (i < l->n)
			strbuf_adds(&sb, form_text(w->f, &l->choices[i].label, w->ui->lang));
		else
			strbuf_add(&sb, p, n);
		p += n;
	}
	return strbuf_detach(&sb);
}

char *walk_answer_text(const struct walk *w, size_t item, const struct fc_answer *a)
{
	char when[32];
	const char *name = "";
	char *value, *s;
	size_t i;

	for (i = 0; i < w->in.n_team; i++)
		if (!strcmp(w->in.team[i].badge, a->by))
			name = w->in.team[i].name;
	if (!*name && !strcmp(w->ui->ws->me.badge, a->by))
		name = w->ui->ws->me.name;
	value = walk_value_text(w, item, a->value);
	s = xstrfmt("%s — %s%s%s%s, %s%s%s", value, name, *name ? " (" : "", a->by,
		    *name ? ")" : "", ui_when(a->at, when, sizeof when),
		    a->note && *a->note ? " · " : "", a->note ? a->note : "");
	free(value);
	return s;
}
