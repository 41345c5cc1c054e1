/* eval.c - relevance, required and answer checks for a loaded form.
 *
 * Expressions read answers through the caller's get(); an item that is not
 * relevant reads as unanswered (''), as in XLSForm, whatever was typed into
 * it before it became irrelevant.  Relevance is computed on demand with a
 * memo per call; cycles and long chains were refused at load time
 * (cycles.c), so the recursion is shallow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/load_impl.h"

enum { UNKNOWN, RELEVANT, IRRELEVANT, BUSY };

struct eval {
	const struct form *f;
	const struct form_answers *a;
	unsigned char *memo;
	char today[FC_DATE_LEN + 1];
	char now[FC_TIMESTAMP_LEN + 1];
	const struct form_choice *choice; /* the choice a choice_filter tries */
	char **calc;            /* calculate items' values, computed once per call */
	unsigned char *calc_done;
	struct fc_err *err;
	/* Nodesets (sum(${x})...): the text bound, kept until finish(), and
	 * how many more instance evaluations this call may make in all. */
	char **held;
	size_t n_held, alloc_held;
	size_t *budget, own_budget;
};

/* Evaluations of an item in other instances, for nodesets, in one call:
 * a calculation summing a repeat whose items sum another... is bounded. */
#define NODESET_EVALS_MAX 20000

/* Item i's answer: inside a repeat, the instance's (its record key is
 * "<name>@<instance>"); none outside any instance. */
static const char *answer(const struct eval *ev, size_t i)
{
	const struct form_item *it = &ev->f->items[i];
	char key[MAX_ITEM_KEY + NAME_MAX_LEN + 2], uuid[FC_UUID_LEN + 1];

	const char *(*get)(void *, const char *) = ev->a ?
		(it->type == FT_MEDIA ? ev->a->file : ev->a->get) : NULL;

	if (!get || !it->name)
		return NULL;
	if (it->repeat < 0)
		return get(ev->a->ctx, it->name);
	if (!ev->a->instance)
		return NULL;
	if (!ev->a->instance_of)
		snprintf(uuid, sizeof uuid, "%s", ev->a->instance);
	else if (ev->a->instance_of(ev->a->ctx, ev->f, (size_t)it->repeat, uuid))
		return NULL; /* not in an instance of the item's repeat */
	snprintf(key, sizeof key, "%s@%s", it->name, uuid);
	return get(ev->a->ctx, key);
}

/* indexed-repeat(): item i's answer in the k-th instance of its repeat;
 * its raw answer (an item that stopped applying has none kept). */
static const char *indexed_answer(const struct eval *ev, size_t i, size_t k)
{
	const struct form_item *it = &ev->f->items[i];
	char uuid[FC_UUID_LEN + 1], key[MAX_ITEM_KEY + NAME_MAX_LEN + 2];

	const char *(*get)(void *, const char *) = ev->a ?
		(it->type == FT_MEDIA ? ev->a->file : ev->a->get) : NULL;

	if (!ev->a || !ev->a->instance_at || !get || it->repeat < 0 ||
	    ev->a->instance_at(ev->a->ctx, ev->f, (size_t)it->repeat, k, uuid))
		return NULL;
	snprintf(key, sizeof key, "%s@%s", it->name, uuid);
	return get(ev->a->ctx, key);
}

/* count(${repeat}) as text, into buf. */
static const char *count_of(const struct eval *ev, size_t repeat, char *buf, size_t size)
{
	size_t n = ev->a && ev->a->count ? ev->a->count(ev->a->ctx, ev->f, repeat) : 0;

	snprintf(buf, size, "%zu", n);
	return buf;
}

static const char *today(struct eval *ev)
{
	if (ev->a && ev->a->today)
		return ev->a->today;
	if (!ev->today[0] && clock_today(ev->today, ev->err))
		return NULL;
	return ev->today;
}

static const char *now(struct eval *ev)
{
	if (ev->a && ev->a->now)
		return ev->a->now;
	if (!ev->now[0] && clock_now(ev->now, ev->err))
		return NULL;
	return ev->now;
}

/* Column c of the choice a choice_filter tries: the choices sheet's
 * (attrs), then its list's own (props); see form_expr_compile_filter. */
static const char *choice_column(const struct eval *ev, size_t c)
{
	const struct form_choice *ch = ev->choice;

	if (!ch)
		return "";
	if (c == XP_COLUMN_NAME)
		return ch->name;
	if (c < ev->f->n_choice_cols)
		return ch->attrs[c];
	return ch->props ? ch->props[c - ev->f->n_choice_cols] : "";
}

static int relevant(struct eval *ev, size_t i);

static int value_of(struct eval *ev, size_t i, const char **out);
static int start(struct eval *ev, const struct form *f, size_t i,
		 const struct form_answers *a, struct fc_err *err);
static void finish(struct eval *ev);

/* Appends item i's value (if relevant) in the answers a reads to sb as a
 * nodeset member, within ev's budget. */
static int member(struct eval *ev, size_t i, const struct form_answers *a, struct strbuf *sb)
{
	struct eval in;
	const char *v = NULL;
	int r;

	if (*ev->budget == 0)
		return fc_fail(ev->err, _("reading a repeat's values needs more than %d "
					  "evaluations"), NODESET_EVALS_MAX);
	(*ev->budget)--;
	if (start(&in, ev->f, i, a, ev->err))
		return -1;
	in.budget = ev->budget;
	if ((r = relevant(&in, i)) == 1)
		r = value_of(&in, i, &v);
	if (r >= 0)
		expr_nodeset_add(sb, v ? v : "", v ? strlen(v) : 0);
	finish(&in);
	return r < 0 ? -1 : 0;
}

int form_each_instance(const struct form *f, size_t r, const struct form_answers *a,
		       int (*fn)(void *arg, const struct form_answers *in), void *arg)
{
	char uuid[FC_UUID_LEN + 1];
	struct eval_in w;
	size_t n, k;
	int rc = 0;

	if (!a->count || !a->instance_at)
		return 0;
	n = a->count(a->ctx, f, r);
	for (k = 1; k <= n && !rc; k++) {
		if (a->instance_at(a->ctx, f, r, k, uuid))
			continue;
		eval_in_init(&w, a, r, uuid, k);
		rc = fn(arg, &w.fa);
		eval_in_release(&w);
	}
	return rc;
}

struct each_member {
	struct eval *ev;
	size_t item;
	struct strbuf sb;
};

static int each_member(void *arg, const struct form_answers *in)
{
	struct each_member *m = arg;

	return member(m->ev, m->item, in, &m->sb);
}

/* XP_PARAM_NODESET(i): item i's value in its own instance when the
 * evaluation runs inside one of its repeat, else in every live instance
 * it sees (JavaRosa's rule; for a nested repeat, those under the outer
 * instance it runs in).  The text is ev's until finish(). */
static int nodeset(struct eval *ev, size_t i, const char **out)
{
	const struct form_answers *a = ev->a;
	size_t r = (size_t)ev->f->items[i].repeat;
	char uuid[FC_UUID_LEN + 1];
	struct each_member m = { ev, i, { 0 } };
	int rc = 0;

	strbuf_init(&m.sb);
	if (a && a->instance && (!a->instance_of || !a->instance_of(a->ctx, ev->f, r, uuid)))
		rc = member(ev, i, a, &m.sb);
	else if (a)
		rc = form_each_instance(ev->f, r, a, each_member, &m);
	ALLOC_GROW(ev->held, ev->n_held + 1, ev->alloc_held);
	*out = ev->held[ev->n_held++] = strbuf_detach(&m.sb);
	return rc;
}

/* Whether item i is inside repeat r (at any depth). */
static int inside(const struct form *f, size_t i, size_t r)
{
	int k;

	for (k = f->items[i].repeat; k >= 0; k = f->items[k].repeat)
		if ((size_t)k == r)
			return 1;
	return 0;
}

/* Parameter key for item self into *val (see bind). */
static int bind_one(struct eval *ev, int key, size_t self, const char *dot, const char **val,
		    char *num, size_t size)
{
	int r = 0;

	if (XP_PARAM_IS_OWN(key)) /* current()/..., outside a select_one ${q}'s filter */
		key = XP_PARAM_OWN_OF(key);
	if (key == XP_PARAM_DOT || (dot && key == (int)self))
		*val = dot ? dot : answer(ev, self); /* ${self} in a constraint is . */
	else if (key == XP_PARAM_TODAY)
		r = (*val = today(ev)) ? 0 : -1;
	else if (key == XP_PARAM_NOW)
		r = (*val = now(ev)) ? 0 : -1;
	else if (key == XP_PARAM_LANG)
		*val = ev->a ? ev->a->lang.code : "";
	else if (key == XP_PARAM_POSITION)
		*val = ev->a && ev->a->position ? ev->a->position : "";
	else if (XP_PARAM_IS_LAST(key))
		*val = ev->a && ev->a->last_saved ? ev->a->last_saved(ev->a->ctx,
			ev->f->items[XP_PARAM_LAST_OF(key)].name) : NULL;
	else if (XP_PARAM_IS_NODESET(key))
		r = nodeset(ev, (size_t)XP_PARAM_NODESET_ITEM(key), val);
	else if (XP_PARAM_IS_INDEXED(key))
		*val = indexed_answer(ev, (size_t)XP_PARAM_INDEXED_ITEM(key),
				      (size_t)XP_PARAM_INDEXED_K(key));
	else if (XP_PARAM_IS_COUNT(key))
		*val = count_of(ev, (size_t)XP_PARAM_COUNT_OF(key), num, size);
	else if (XP_PARAM_IS_COLUMN(key))
		*val = choice_column(ev, (size_t)XP_PARAM_COLUMN_OF(key));
	else if ((r = relevant(ev, (size_t)key)) == 1)
		r = value_of(ev, (size_t)key, val);
	return r;
}

/* Fills vals with e's parameters for item self; `dot` is what `.` reads
 * (NULL: self's answer); num[k] holds the text of a count.  0, or -1 with
 * err. */
static int bind(struct eval *ev, const struct form_expr *e, size_t self, const char *dot,
		const char **vals, char (*num)[24])
{
	size_t k;
	int r = 0;

	for (k = 0; k < e->n_params && r >= 0; k++)
		r = bind_one(ev, e->params[k], self, dot, &vals[k], num[k], sizeof num[k]);
	return r < 0 ? -1 : 0;
}

/* Evaluates e for item self as a truth. */
static int run(struct eval *ev, const struct form_expr *e, size_t self, const char *dot,
	       const char *what)
{
	const char **vals = xcalloc(e->n_params ? e->n_params : 1, sizeof *vals);
	char (*num)[24] = xcalloc(e->n_params ? e->n_params : 1, sizeof *num);
	int r = bind(ev, e, self, dot, vals, num);

	if (r >= 0)
		r = expr_eval_bool(e->e, vals, e->n_params, ev->err);
	free(vals);
	free(num);
	if (r < 0)
		fc_err_prefix(ev->err, _("%s of '%s' (%s)"), what, ev->f->items[self].name,
			      e->src);
	return r;
}

/* A calculate item's value (relevant or not: the caller asks relevance
 * first), computed once per call; NULL for an empty result. */
static int calculate(struct eval *ev, size_t i, const char **out)
{
	const struct form_expr *e = ev->f->items[i].calculation;
	const char **vals;
	char buf[MAX_VALUE + 1], (*num)[24];
	int r;

	if (!ev->calc) {
		ev->calc = xcalloc(ev->f->n_items, sizeof *ev->calc);
		ev->calc_done = xcalloc(ev->f->n_items, 1);
	}
	if (ev->calc_done[i]) {
		*out = ev->calc[i];
		return 0;
	}
	ev->calc_done[i] = 1; /* cycles were refused at load: this is not one */
	vals = xcalloc(e->n_params ? e->n_params : 1, sizeof *vals);
	num = xcalloc(e->n_params ? e->n_params : 1, sizeof *num);
	r = bind(ev, e, i, NULL, vals, num);
	if (!r)
		r = expr_eval_text(e->e, vals, e->n_params, buf, sizeof buf, ev->err);
	free(vals);
	free(num);
	if (r) {
		ev->calc_done[i] = 0;
		return fc_err_prefix(ev->err, _("calculation of '%s' (%s)"), ev->f->items[i].name,
				     e->src);
	}
	ev->calc[i] = *buf ? xstrdup(buf) : NULL;
	*out = ev->calc[i];
	return 0;
}

/* A metadata item's value, from what the caller says of the inspection. */
static int meta_value(struct eval *ev, const struct form_item *it, const char **out)
{
	const struct form_answers *a = ev->a;

	*out = NULL;
	switch (it->meta) {
	case META_START: *out = a ? a->meta.start : NULL; break;
	case META_END: *out = a && a->meta.end ? a->meta.end : now(ev); break;
	case META_TODAY: *out = a && a->meta.today ? a->meta.today : today(ev); break;
	case META_DEVICEID: *out = a ? a->meta.deviceid : NULL; break;
	case META_USERNAME: *out = a ? a->meta.username : NULL; break;
	case META_START_GEOPOINT: *out = a ? a->meta.geo : NULL; break;
	default: break; /* a laptop has no phone number, SIM or e-mail to read */
	}
	return it->meta == META_END || it->meta == META_TODAY ? (*out ? 0 : -1) : 0;
}

static int value_of(struct eval *ev, size_t i, const char **out)
{
	const struct form_item *it = &ev->f->items[i];

	if (form_item_stored(it)) {
		/* what was stored: a triggered calculate's, whatever it is; a
		 * once() item's when it has one, else computed (JavaRosa) */
		*out = answer(ev, i);
		if ((*out && **out) || it->triggered)
			return 0;
	}
	if (it->calculation && (it->type == FT_CALCULATE || it->computed))
		return calculate(ev, i, out);
	if (ev->f->items[i].type == FT_META)
		return meta_value(ev, &ev->f->items[i], out);
	if (ev->f->items[i].type == FT_HIDDEN) { /* ODK's instance value: its default */
		*out = ev->f->items[i].default_value ? ev->f->items[i].default_value : "";
		return 0;
	}
	*out = answer(ev, i);
	return 0;
}

static int relevant(struct eval *ev, size_t i)
{
	const struct form_item *it = &ev->f->items[i];
	int r = 1;

	if (ev->memo[i] == RELEVANT || ev->memo[i] == BUSY)
		return 1;
	if (ev->memo[i] == IRRELEVANT)
		return 0;
	ev->memo[i] = BUSY;
	if (it->group >= 0)
		r = relevant(ev, (size_t)it->group);
	if (r == 1 && it->relevant)
		r = run(ev, it->relevant, i, NULL, "relevant");
	ev->memo[i] = r == 1 ? RELEVANT : r == 0 ? IRRELEVANT : UNKNOWN;
	return r;
}

static void finish(struct eval *ev)
{
	size_t i;

	if (ev->calc)
		for (i = 0; i < ev->f->n_items; i++)
			free(ev->calc[i]);
	free(ev->calc);
	free(ev->calc_done);
	free(ev->memo);
	for (i = 0; i < ev->n_held; i++)
		free(ev->held[i]);
	free(ev->held);
}

static int start(struct eval *ev, const struct form *f, size_t i,
		 const struct form_answers *a, struct fc_err *err)
{
	memset(ev, 0, sizeof *ev);
	if (i >= f->n_items)
		return fc_fail(err, _("form %s has no item number %zu"), f->id, i);
	ev->f = f;
	ev->a = a;
	ev->err = err;
	ev->memo = xcalloc(f->n_items, 1);
	ev->own_budget = NODESET_EVALS_MAX;
	ev->budget = &ev->own_budget;
	return 0;
}

int form_relevant(const struct form *f, size_t i, const struct form_answers *a,
		  struct fc_err *err)
{
	struct eval ev;
	int r;

	if (start(&ev, f, i, a, err))
		return -1;
	r = relevant(&ev, i);
	finish(&ev);
	return r;
}

int form_required(const struct form *f, size_t i, const struct form_answers *a,
		  struct fc_err *err)
{
	struct eval ev;
	int r;

	if (start(&ev, f, i, a, err))
		return -1;
	if (!form_item_answerable(&f->items[i]))
		r = 0;
	else if (f->items[i].required_always)
		r = 1;
	else if (f->items[i].required)
		r = run(&ev, f->items[i].required, i, NULL, "required");
	else
		r = 0;
	finish(&ev);
	return r;
}

/* Whether every choice in `value` (checked as a select's answer already) is
 * offered by item i's choice_filter given the answers; -1 with err if not. */
static int offered(struct eval *ev, size_t i, const char *value, struct form_lang lang)
{
	const struct form_item *it = &ev->f->items[i];
	const struct form_list *l = it->list;
	const char *p = value;
	size_t c, n;
	int r;

	while (*p) {
		p += strspn(p, " ");
		n = strcspn(p, " ");
		for (c = 0; n && c < l->n; c++)
			if (strlen(l->choices[c].name) == n && !strncmp(l->choices[c].name, p, n))
				break;
		if (n && c < l->n) {
			ev->choice = &l->choices[c];
			r = run(ev, it->choice_filter, i, NULL, "choice_filter");
			ev->choice = NULL;
			if (r < 0)
				return -1;
			if (r == 0)
				return fc_fail(ev->err, _("“%s” is not among the choices item “%s” "
							  "offers, given the answers so far"),
					       form_text(ev->f, &l->choices[c].label, lang),
					       form_item_label(ev->f, it, lang));
		}
		p += n;
	}
	return 0;
}

int form_choice_allowed(const struct form *f, size_t i, size_t c, const struct form_answers *a,
			struct fc_err *err)
{
	struct eval ev;
	int r;

	if (start(&ev, f, i, a, err))
		return -1;
	if (!f->items[i].choice_filter || !f->items[i].list || c >= f->items[i].list->n) {
		finish(&ev);
		return 1;
	}
	ev.choice = &f->items[i].list->choices[c];
	r = run(&ev, f->items[i].choice_filter, i, NULL, "choice_filter");
	finish(&ev);
	return r;
}

/* A select_one ${q}'s choice_filter, item i's, in the instance of q's
 * repeat r that cand reads: that repeat's items, position() and bare names
 * (columns, here items) read there; current()/... and the rest as ev. */
static int run_dyn(struct eval *ev, struct eval *cand, size_t i, size_t r)
{
	const struct form_expr *e = ev->f->items[i].choice_filter;
	const char **vals = xcalloc(e->n_params ? e->n_params : 1, sizeof *vals);
	char (*num)[24] = xcalloc(e->n_params ? e->n_params : 1, sizeof *num);
	size_t k;
	int rc = 0;

	for (k = 0; k < e->n_params && rc >= 0; k++) {
		int key = e->params[k];
		struct eval *on = ev;
		if (XP_PARAM_IS_COLUMN(key))
			on = cand, key = XP_PARAM_COLUMN_OF(key);
		else if (XP_PARAM_IS_OWN(key))
			key = XP_PARAM_OWN_OF(key);
		else if (key == XP_PARAM_POSITION || (key >= 0 && inside(ev->f, (size_t)key, r)))
			on = cand;
		rc = bind_one(on, key, i, NULL, &vals[k], num[k], sizeof num[k]);
	}
	if (rc >= 0)
		rc = expr_eval_bool(e->e, vals, e->n_params, ev->err);
	free(vals);
	free(num);
	if (rc < 0)
		fc_err_prefix(ev->err, _("%s of '%s' (%s)"), "choice_filter",
			      ev->f->items[i].name, e->src);
	return rc;
}

int form_dyn_kept(const struct form *f, size_t i, const struct form_answers *a,
		  const struct form_answers *in, struct fc_err *err)
{
	struct eval ev, cand;
	int r;

	if (!f->items[i].choice_filter || !f->items[i].choices_of)
		return 1;
	if (start(&ev, f, i, a, err))
		return -1;
	if (start(&cand, f, i, in, err)) {
		finish(&ev);
		return -1;
	}
	cand.budget = ev.budget;
	r = run_dyn(&ev, &cand, i, (size_t)f->items[f->items[i].choices_of - 1].repeat);
	finish(&cand);
	finish(&ev);
	return r;
}

int form_check_value(const struct form *f, size_t i, const char *value,
		     const struct form_answers *a, struct form_lang lang,
		     struct fc_err *err)
{
	const struct form_item *it;
	struct eval ev;
	const char *msg;
	int r;

	if (start(&ev, f, i, a, err))
		return -1;
	it = &f->items[i];
	if (!value || !*value || !form_item_answerable(it)) {
		finish(&ev);
		if (!form_item_answerable(it))
			return form_no_answer(f, it, lang, err);
		return 0; /* unanswered: whether that is allowed is form_required's */
	}
	if (form_check_type(it, value, err) ||
	    (it->choices_of && form_dyn_check(f, i, value, a, lang, err)) ||
	    (it->choice_filter && !it->choices_of && offered(&ev, i, value, lang))) {
		finish(&ev);
		return -1;
	}
	r = it->constraint ? run(&ev, it->constraint, i, value, "constraint") : 1;
	finish(&ev);
	if (r < 0)
		return -1;
	if (r == 1)
		return 0;
	msg = form_text(f, &it->constraint_message, lang);
	if (*msg)
		return fc_fail(err, "%s", msg);
	return fc_fail(err, _("the answer does not meet the item's constraint: %s"),
		       it->constraint->src);
}

int form_value(const struct form *f, size_t i, const struct form_answers *a, char **out,
	       struct fc_err *err)
{
	struct eval ev;
	const char *v = NULL;
	int r;

	*out = NULL;
	if (start(&ev, f, i, a, err))
		return -1;
	r = relevant(&ev, i);
	if (r == 1)
		r = value_of(&ev, i, &v);
	if (r >= 0 && v)
		*out = xstrdup(v);
	finish(&ev);
	return r < 0 ? -1 : 0;
}

int form_offer(const struct form *f, size_t i, const struct form_answers *a, char **out,
	       struct fc_err *err)
{
	struct eval ev;
	const char *v = NULL;
	int r = 0;

	*out = NULL;
	if (start(&ev, f, i, a, err))
		return -1;
	v = f->items[i].default_value;
	if (f->items[i].default_last && a && a->last_saved)
		v = a->last_saved(a->ctx, f->items[f->items[i].default_last - 1].name);
	if (v && *v)
		*out = xstrdup(v);
	finish(&ev);
	return r;
}

int form_calculate(const struct form *f, size_t i, const struct form_answers *a, char **out,
		   struct fc_err *err)
{
	struct eval ev;
	const char *v = NULL;
	int r = 0;

	*out = NULL;
	if (start(&ev, f, i, a, err))
		return -1;
	if (f->items[i].calculation)
		r = calculate(&ev, i, &v);
	if (!r && v)
		*out = xstrdup(v);
	finish(&ev);
	return r;
}

int form_repeat_count(const struct form *f, size_t i, const struct form_answers *a, size_t *n,
		      struct fc_err *err)
{
	const struct form_expr *e;
	struct eval ev;
	const char **vals;
	char buf[64], (*num)[24], *end;
	long v;
	int r;

	*n = 0;
	if (start(&ev, f, i, a, err))
		return -1;
	if (!(e = f->items[i].repeat_count)) {
		finish(&ev);
		return 0;
	}
	vals = xcalloc(e->n_params ? e->n_params : 1, sizeof *vals);
	num = xcalloc(e->n_params ? e->n_params : 1, sizeof *num);
	r = bind(&ev, e, i, NULL, vals, num);
	if (!r)
		r = expr_eval_text(e->e, vals, e->n_params, buf, sizeof buf, err);
	free(vals);
	free(num);
	finish(&ev);
	if (r)
		return fc_err_prefix(err, _("repeat_count of '%s' (%s)"), f->items[i].name, e->src);
	v = strtol(buf, &end, 10);
	if (!*buf || end == buf || (*end && strcmp(end, ".0")) || v < 0 || v > FORM_REPEAT_MAX)
		return fc_fail(err, _("repeat_count of '%s' (%s) is '%.20s', not a whole number "
				      "from 0 to %d"), f->items[i].name, e->src, buf, FORM_REPEAT_MAX);
	*n = (size_t)v;
	return 1;
}

char *form_fill(const struct form *f, const char *text, const struct form_answers *a)
{
	struct strbuf sb;
	char name[NAME_MAX_LEN + sizeof XP_LAST_SAVED];
	const char *p = text, *ref, *end, *last;
	struct fc_err err;

	strbuf_init(&sb);
	while ((ref = strstr(p, "${")) && (end = strchr(ref + 2, '}')) &&
	       (size_t)(end - ref - 2) < sizeof name) {
		char *v = NULL;
		size_t ls;
		int idx;

		strbuf_add(&sb, p, (size_t)(ref - p));
		memcpy(name, ref + 2, (size_t)(end - ref - 2));
		name[end - ref - 2] = '\0';
		ls = form_last_saved_prefix(name);
		idx = form_item_index(f, name + ls);
		if (idx >= 0 && ls) { /* ${last-saved#x} */
			last = a && a->last_saved ? a->last_saved(a->ctx, f->items[idx].name) : NULL;
			strbuf_adds(&sb, last ? last : "");
		} else if (idx >= 0 && form_value(f, (size_t)idx, a, &v, &err) == 0 && v) {
			strbuf_adds(&sb, v);
		}
		free(v);
		p = end + 1;
	}
	strbuf_adds(&sb, p);
	return strbuf_detach(&sb);
}
