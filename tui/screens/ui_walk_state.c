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
#include "forms/inspect/instances.h"
#include "forms/inspect/warnings.h"

const char *walk_key(const struct walk *w, size_t item, char *buf)
{
	const struct form_item *it = &w->f->items[item];

	if (!it->name)
		return "";
	if (it->repeat < 0)
		return it->name;
	snprintf(buf, MAX_ITEM_KEY + 1, "%s@%s", it->name, w->inst[it->repeat]);
	return buf;
}

long walk_repeat(const struct walk *w)
{
	const struct form_item *it;

	if (w->l.cur >= w->n_rows)
		return -1;
	it = &w->f->items[w->rows[w->l.cur].item];
	return it->type == FT_BEGIN_REPEAT ? (long)w->rows[w->l.cur].item : it->repeat;
}

const char *walk_parent(const struct walk *w, size_t rep)
{
	int pr = w->f->items[rep].repeat;

	return pr < 0 ? "" : w->inst[pr];
}

size_t walk_row_of(const struct walk *w, size_t item)
{
	size_t r;

	for (r = 0; r < w->n_rows && w->rows[r].item != item; r++)
		;
	return r;
}

static const struct fc_answer *answer_of(const struct walk *w, size_t item)
{
	char buf[MAX_ITEM_KEY + 1];
	const char *key = walk_key(w, item, buf);
	size_t i;

	for (i = 0; w->have_in && i < w->in.n_answers; i++)
		if (!strcmp(w->in.answers[i].item, key))
			return &w->in.answers[i];
	return NULL;
}

const char *walk_value(const struct walk *w, size_t item)
{
	const struct fc_answer *a = answer_of(w, item);
	char key[MAX_ITEM_KEY + 1];

	if (w->f->items[item].type == FT_MEDIA)
		return w->have_in ? inspect_item_file(&w->in, walk_key(w, item, key)) : NULL;
	if (w->f->items[item].computed)
		return w->computed[item];
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
	const struct form_item *it = &w->f->items[row->item];

	/* a repeat's heading is a stop: + and - act on the instance it shows */
	if (it->type == FT_BEGIN_REPEAT)
		return w->relevant[row->item];
	return !row->header && w->relevant[row->item] && form_item_answerable(it);
}

/* The repeat row r belongs to (its heading's too), or -1. */
static long repeat_of_row(const struct walk *w, size_t r)
{
	const struct form_item *it = &w->f->items[w->rows[r].item];

	return it->type == FT_BEGIN_REPEAT ? (long)w->rows[r].item : it->repeat;
}

/* Whether row r lies inside repeat rep (its heading too), at any depth. */
static int row_in_repeat(const struct walk *w, size_t r, long rep)
{
	long q = r < w->n_rows ? repeat_of_row(w, r) : -1;
	int d;

	for (d = 0; q >= 0 && q != rep && d <= FORM_REPEAT_DEPTH; d++)
		q = w->f->items[q].repeat;
	return q >= 0 && q == rep;
}

/* Shows the instance `dir` after (or before) the one repeat rep shows:
 * onto its heading going forward, onto its last stop going back.  0 when
 * there is none that way. */
static int next_instance(struct walk *w, long rep, int dir)
{
	struct inspect_instance *v;
	size_t n = inspect_instances(w->f, &w->in, (size_t)rep, walk_parent(w, (size_t)rep), 0, &v);
	size_t k, r;

	for (k = 0; k < n && strcmp(v[k].uuid, w->inst[rep]); k++)
		;
	if (k == n || (dir > 0 ? k + 1 >= n : k == 0)) {
		free(v);
		return 0;
	}
	memcpy(w->inst[rep], v[dir > 0 ? k + 1 : k - 1].uuid, FC_UUID_LEN + 1);
	free(v);
	walk_reload(w);
	w->l.cur = r = walk_row_of(w, (size_t)rep);
	while (dir < 0 && r + 1 < w->n_rows && row_in_repeat(w, r + 1, rep))
		if (walk_stop(w, ++r))
			w->l.cur = r;
	return 1;
}

/* Going forward onto row r: the next instance of the innermost repeat
 * that the cursor's row rep is in, r is not, and has one after the one
 * shown.  0 when none has. */
static int next_leaving(struct walk *w, long rep, size_t r)
{
	int d;

	for (d = 0; rep >= 0 && !row_in_repeat(w, r, rep) && d <= FORM_REPEAT_DEPTH; d++) {
		if (next_instance(w, rep, 1))
			return 1;
		rep = w->f->items[rep].repeat;
	}
	return 0;
}

int walk_step(struct walk *w, int dir)
{
	size_t r = w->l.cur;
	long rep = w->n_rows ? repeat_of_row(w, r) : -1;

	if (dir < 0 && rep >= 0 && w->rows[r].item == (size_t)rep && next_instance(w, rep, -1))
		return 1;
	while (dir > 0 ? r + 1 < w->n_rows : r > 0) {
		r = dir > 0 ? r + 1 : r - 1;
		if (dir > 0 && next_leaving(w, rep, r))
			return 1;   /* past an instance's end: the next one */
		if (walk_stop(w, r)) {
			w->l.cur = r;
			return 1;
		}
	}
	return dir > 0 && next_leaving(w, rep, w->n_rows);
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
	if (it < 0 || !form_item_raises(&w->f->items[it]))
		return;
	char key[MAX_ITEM_KEY + 1];

	if (hazard_find_for_item(w->ui->ws->store, w->id, walk_key(w, (size_t)it, key), hid,
				 &err) > 0 &&
	    hazard_get(w->ui->ws->store, hid, &w->haz, &err) == 0)
		w->have_haz = 1;
}

/* The answers as item i reads them, in the instance the walk is in. */
static void answers_at(const struct walk *w, size_t i, struct inspect_answers *a)
{
	const struct form_item *it = &w->f->items[i];

	inspect_answers_init(a, &w->in);
	inspect_answers_last(a, &w->last);
	a->fa.lang = w->ui->lang;
	inspect_answers_in(a, w->f, i, it->repeat >= 0 ? w->inst[it->repeat] : NULL);
}

const struct form_list *walk_choices(const struct walk *w, size_t i, struct form_list *dyn)
{
	struct inspect_answers a;
	struct fc_err err;

	memset(dyn, 0, sizeof *dyn);
	if (!w->f->items[i].choices_of)
		return w->f->items[i].list;
	answers_at(w, i, &a);
	if (form_dyn_choices(w->f, i, &a.fa, dyn, &err))
		ui_error(w->ui, "%s", err.msg);
	return dyn;
}

size_t walk_offered(const struct walk *w, size_t i, const struct form_list *l, size_t *out)
{
	struct inspect_answers a;
	struct fc_err err;
	size_t c, n = 0;

	answers_at(w, i, &a);
	for (c = 0; l && c < l->n; c++)
		if (w->f->items[i].choices_of || /* its choice_filter applied already */
		    form_choice_allowed(w->f, i, c, &a.fa, &err) != 0) /* a failure: offer it */
			out[n++] = c;
	return n;
}

char *walk_offer(const struct walk *w, size_t i)
{
	const struct form_item *it = &w->f->items[i];
	struct inspect_answers a;
	struct fc_err err;
	char *v = NULL;

	inspect_answers_init(&a, &w->in);
	inspect_answers_last(&a, &w->last); /* a default ${last-saved#x} */
	a.fa.lang = w->ui->lang;
	inspect_answers_in(&a, w->f, i, it->repeat >= 0 ? w->inst[it->repeat] : NULL);
	if (form_offer(w->f, i, &a.fa, &v, &err))
		return NULL; /* nothing offered: the inspector types it */
	return v;
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

/* Keeps repeat rep's shown instance live (the first one when it went,
 * "" when there is none) and says which it is: "Vehicle 2 of 3". */
static char *shown_instance(struct walk *w, size_t rep)
{
	const char *label = form_item_label(w->f, &w->f->items[rep], w->ui->lang);
	struct inspect_instance *v;
	size_t n = inspect_instances(w->f, &w->in, rep, walk_parent(w, rep), 0, &v), k;
	char *s;

	for (k = 0; k < n && strcmp(v[k].uuid, w->inst[rep]); k++)
		;
	if (k == n)
		k = 0;
	snprintf(w->inst[rep], sizeof w->inst[rep], "%s", n ? v[k].uuid : "");
	free(v);
	if (!n)
		/* TRANSLATORS: a repeat's heading in the walk when it has no instance */
		s = xstrfmt(_("%s: none yet (+ adds one)"), label);
	else
		/* TRANSLATORS: a repeat's heading in the walk: "Vehicle 2 of 3" */
		s = xstrfmt(_("%s %zu of %zu"), label, k + 1, n);
	return s;
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
	inspect_answers_last(&a, &w->last);
	a.fa.lang = w->ui->lang;
	for (i = 0; i < w->f->n_items; i++) {
		const struct form_item *it = &w->f->items[i];
		const char *label = form_text(w->f, &it->label, w->ui->lang);
		char key[MAX_ITEM_KEY + 1];
		free(w->filled[i]);
		w->filled[i] = NULL;
		inspect_answers_in(&a, w->f, i, it->repeat >= 0 ? w->inst[it->repeat] : NULL);
		if (it->type == FT_BEGIN_REPEAT)
			w->filled[i] = shown_instance(w, i);
		else if (strstr(label, "${"))
			w->filled[i] = form_fill(w->f, label, &a.fa);
		r = it->repeat >= 0 && !*w->inst[it->repeat] ? 0 /* no instance to answer in */
		    : form_relevant(w->f, i, &a.fa, &err);
		w->relevant[i] = r != 0;   /* an expression that fails: show the item */
		r = r > 0 ? form_required(w->f, i, &a.fa, &err) : 0;
		w->required[i] = r > 0;
		w->clashes[i] = conflict_count(&w->in, walk_key(w, i, key));
		free(w->computed[i]);
		w->computed[i] = NULL;
		if (it->computed && w->relevant[i] && form_value(w->f, i, &a.fa, &w->computed[i], &err))
			w->computed[i] = xstrfmt("(%s)", err.msg); /* shown, as the CLI does */
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
	char key[MAX_ITEM_KEY + 1];

	if ((resolve ? inspect_resolve : inspect_answer)(w->ui->ws, w->f, w->id,
							 walk_key(w, (size_t)it, key), value, note,
							 hz, w->ui->lang, &err)) {
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
	if ((!l && !it->choices_of) || (it->choices_of && it->type == FT_SELECT_ONE) ||
	    (it->type != FT_SELECT_ONE && it->type != FT_SELECT_MULTIPLE && it->type != FT_RANK))
		return xstrdup(v); /* a select_one ${x}'s value is its own label */
	strbuf_init(&sb);
	while (*(p += strspn(p, " "))) {
		n = strcspn(p, " ");
		for (i = 0; l && i < l->n; i++)
			if (strlen(l->choices[i].name) == n && !memcmp(l->choices[i].name, p, n))
				break;
		if (sb.len)
			strbuf_adds(&sb, ", ");
		if (l && i < l->n)
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
