/* kept.c - values fieldcheck answers on the inspector's behalf (kept.h).
 *
 * Two XLSForm features give an item a value nobody types that must not
 * change when evaluated again: once(x) (JavaRosa keeps the node's first
 * value that is not empty) and a calculation with a trigger (pyxform's
 * setvalue: set when the trigger's answer changes).  Both are stored as
 * ordinary answers in the record (format 2 already keys answers by any
 * item name: no new field), so they travel with it, survive reopening and
 * read the same on every laptop after a sync; the engine reads them back
 * (forms/engine/eval.c, value_of).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect_impl.h"
#include "forms/inspect/kept.h"
#include "forms/inspect/visit.h"

/* The first once() item of a visit that is relevant, has no value stored
 * and now computes to one. */
struct first_once {
	const struct form *f;
	const struct fc_inspection *in;
	char key[MAX_ITEM_KEY + 1];
	char *value;
	struct fc_err *err;
	int failed;
};

static void find_once(void *ctx, const struct inspect_visit *v)
{
	struct first_once *o = ctx;
	const struct form_item *it = &o->f->items[v->item];
	const struct fc_answer *have;
	int rel;

	if (o->value || o->failed || v->kind != IV_ITEM || !it->once || !form_item_stored(it))
		return;
	have = inspection_answer(o->in, v->key);
	if (have && *have->value)
		return;
	rel = form_relevant(o->f, v->item, &v->a->fa, o->err);
	if (rel == 1 && form_value(o->f, v->item, &v->a->fa, &o->value, o->err))
		rel = -1;
	if (rel < 0) {
		o->failed = 1;
		return;
	}
	if (o->value)
		snprintf(o->key, sizeof o->key, "%s", v->key);
}

int inspect_keep_once(struct fc_workspace *ws, const struct form *f, const char *id,
		      struct fc_err *err)
{
	size_t i, rounds = 0;

	for (i = 0; i < f->n_items && !f->items[i].once; i++)
		;
	if (i == f->n_items)
		return 0;
	/* one at a time: a once() that reads another reads its stored value */
	for (;;) {
		struct first_once o = { f, NULL, "", NULL, err, 0 };
		struct inspect_last last;
		struct fc_inspection in;
		int rc;

		if (inspection_get(ws->store, id, &in, err))
			return -1;
		o.in = &in;
		if (inspect_last_load(ws, f, &in, &last, err) < 0)
			o.failed = 1;
		else
			inspect_visit_last(f, &in, &last, form_lang_locale(), find_once, &o);
		rc = o.failed ? -1 : !o.value ? 1 :
		     inspection_set_answer(ws->store, &ws->me, id, o.key, o.value, "", err);
		free(o.value);
		inspect_last_release(&last);
		inspection_clear(&in);
		if (rc)
			return rc < 0 ? -1 : 0;
		if (++rounds > (size_t)MAX_ANSWERS)
			return fc_fail(err, _("once(): more values than an inspection holds"));
	}
}

/* Sets item x, which item t's change triggers, in t's instance inst ("" or
 * none); `key` is x's record key there. */
static int set_triggered(struct fc_workspace *ws, const struct form *f, const char *id,
			 size_t t, const char *inst, size_t x, const char *key,
			 struct form_lang lang, struct fc_err *err)
{
	const struct form_item *it = &f->items[x];
	struct fc_inspection in;
	struct inspect_last last = { .have = 0 };
	struct inspect_lookup l;
	struct form_answers fa;
	const struct fc_answer *have;
	char today[FC_DATE_LEN + 1], *v = NULL;
	struct fc_err bad;
	int rel, rc = -1;

	if (clock_today(today, err) || inspection_get(ws->store, id, &in, err))
		return -1;
	if (inspect_last_load(ws, f, &in, &last, err) < 0)
		goto out;
	l = (struct inspect_lookup){ .in = &in, .last = last.have ? &last.in : NULL };
	inspect_view(&fa, &l, today);
	inspect_view_in(&fa, &l, f, t, inst);
	fa.lang = lang;
	have = inspection_answer(&in, key);
	if (it->once && have && *have->value) {
		rc = 0; /* once(): the first value set stays */
		goto out;
	}
	if ((rel = form_relevant(f, x, &fa, err)) < 0 || form_calculate(f, x, &fa, &v, err))
		goto out;
	if (!rel) {
		rc = 0; /* an item that does not apply keeps no answer */
		goto out;
	}
	if (v && form_item_answerable(it)) {
		char *canon = form_check_value(f, x, v, &fa, lang, &bad) ? NULL :
			      form_canonical_value(f, x, v);
		free(v);
		v = canon; /* a value the item cannot take leaves it unanswered */
	}
	if (v)
		rc = inspection_set_answer(ws->store, &ws->me, id, key, v, "", err);
	else
		rc = have ? inspection_clear_answer(ws->store, id, key, err) : 0;
out:
	free(v);
	inspect_last_release(&last);
	inspection_clear(&in);
	return rc;
}

int inspect_run_triggers(struct fc_workspace *ws, const struct form *f, const char *id,
			 size_t t, const char *inst, struct form_lang lang, struct fc_err *err)
{
	char key[MAX_ITEM_KEY + 1];
	size_t x;

	for (x = 0; x < f->n_items; x++) {
		if (!form_item_triggers(f, t, x))
			continue;
		/* the load kept x in t's repeat, or outside any */
		snprintf(key, sizeof key, f->items[x].repeat >= 0 && inst && *inst ? "%s@%s" : "%s",
			 f->items[x].name, inst ? inst : "");
		if (f->items[x].repeat >= 0 && (!inst || !*inst))
			continue;
		if (set_triggered(ws, f, id, t, inst, x, key, lang, err))
			return -1;
	}
	return 0;
}
