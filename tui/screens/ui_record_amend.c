/* ui_record_amend.c - amending a finalized inspection from its record: the
 * item (any answerable item of its form), the new value (chosen for a
 * check or a select, typed otherwise, checked against the form as an
 * answer is, in its repeat's instance), and the reason, which an amendment must have.  The store
 * appends it (inspection_amend); the record is then read again.
 */
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_labels.h"
#include "ui_record_impl.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "forms/inspect/inspect.h"
#include "forms/inspect/visit.h"

/* One choice of the item chooser: an item, in a repeat's instance or not. */
struct amend_entry {
	size_t item;
	char instance[FC_UUID_LEN + 1];
	char key[MAX_ITEM_KEY + 1];  /* the answer's record key */
	char *label;                 /* "Plate (Vehicle 2)" */
};

struct amend {
	struct rec *r;
	size_t item;                /* index into r->f->items */
	const struct amend_entry *chosen;
	struct amend_entry *v;      /* the answerable items, for the chooser */
	size_t n, alloc;
};

/* Checks a typed value as the walk would (type, constraint). */
static int check_value(const char *value, void *ctx, struct fc_err *err)
{
	struct amend *a = ctx;
	struct inspect_answers ans;

	inspect_answers_init(&ans, &a->r->in);
	inspect_answers_in(&ans, a->r->f, a->item, a->chosen->instance);
	return form_check_value(a->r->f, a->item, value, &ans.fa, a->r->ui->lang, err);
}

static int check_reason(const char *value, void *ctx, struct fc_err *err)
{
	(void)ctx;
	while (*value == ' ')
		value++;
	return *value ? 0 : fc_fail(err, "%s", _("An amendment needs a reason."));
}

static const char *current(const struct rec *r, const char *item)
{
	size_t i;

	for (i = r->in.n_amendments; i-- > 0;)
		if (!strcmp(r->in.amendments[i].item, item))
			return r->in.amendments[i].value;
	for (i = 0; i < r->in.n_answers; i++)
		if (!strcmp(r->in.answers[i].item, item))
			return r->in.answers[i].value;
	return "";
}

static void add_entry(void *ctx, const struct inspect_visit *v)
{
	struct amend *a = ctx;
	struct amend_entry *e;
	struct strbuf sb;

	if (v->kind != IV_ITEM || !form_item_answerable(&a->r->f->items[v->item]))
		return;
	ALLOC_GROW(a->v, a->n + 1, a->alloc);
	e = &a->v[a->n++];
	e->item = v->item;
	snprintf(e->instance, sizeof e->instance, "%s", v->instance);
	snprintf(e->key, sizeof e->key, "%s", v->key);
	strbuf_init(&sb);
	inspect_key_label(a->r->f, &a->r->in, v->key, a->r->ui->lang, &sb);
	e->label = strbuf_detach(&sb);
}

/* Which item: a chooser of the form's answerable items by label, an item
 * inside a repeat once for each live instance. */
static int pick_item(struct amend *a)
{
	const char **labels;
	size_t i;
	int k;

	inspect_visit_items(a->r->f, &a->r->in, a->r->ui->lang, add_entry, a);
	if (!a->n)
		return -1;
	labels = xcalloc(a->n, sizeof *labels);
	for (i = 0; i < a->n; i++)
		labels[i] = a->v[i].label;
	k = ui_choose(a->r->ui, _("Amend: which item"), labels, a->n, 0);
	free(labels);
	if (k < 0)
		return -1;
	a->chosen = &a->v[k];
	a->item = a->chosen->item;
	return 0;
}

/* The item's choices: its list, or a select_one ${q}'s, q's answers in
 * the record (into *dyn, which the caller releases). */
static const struct form_list *choices(struct amend *a, const struct form_item *it,
				       struct form_list *dyn)
{
	struct inspect_answers ans;
	struct fc_err err;

	memset(dyn, 0, sizeof *dyn);
	if (!it->choices_of)
		return it->list;
	inspect_answers_init(&ans, &a->r->in);
	inspect_answers_in(&ans, a->r->f, a->item, a->chosen->instance);
	ans.fa.lang = a->r->ui->lang;
	if (form_dyn_choices(a->r->f, a->item, &ans.fa, dyn, &err))
		ui_error(a->r->ui, "%s", err.msg);
	else if (!dyn->n)
		ui_error(a->r->ui, "%s", _("No choice is offered here, given the answers so far."));
	return dyn->n ? dyn : NULL;
}

/* The choices of a check or a select_one: the name chosen, or NULL. */
static char *pick_one(struct amend *a, const struct form_item *it, const struct form_list *l)
{
	static const char *const check_names[] = { "pass", "fail", "na" };
	const char *check_labels[] = { _("Pass"), _("Fail"), _("Not applicable") };
	const char **labels;
	size_t i, n = it->type == FT_CHECK ? 3 : l->n;
	int k;

	labels = xcalloc(n + 1, sizeof *labels);
	for (i = 0; i < n; i++)
		labels[i] = it->type == FT_CHECK ? check_labels[i]
			    : form_text(a->r->f, &l->choices[i].label, a->r->ui->lang);
	k = ui_choose(a->r->ui, form_text(a->r->f, &it->label, a->r->ui->lang), labels, n, 0);
	free(labels);
	if (k < 0)
		return NULL;
	return xstrdup(it->type == FT_CHECK ? check_names[k] : l->choices[k].name);
}

/* The choices of a select_multiple, as their names joined by spaces. */
static char *pick_many(struct amend *a, const struct form_item *it, const struct form_list *l)
{
	const char **labels = xcalloc(l->n + 1, sizeof *labels);
	unsigned char *sel = xcalloc(l->n + 1, 1);
	struct strbuf sb;
	size_t i;
	int rc;

	for (i = 0; i < l->n; i++)
		labels[i] = form_text(a->r->f, &l->choices[i].label, a->r->ui->lang);
	rc = ui_choose_many(a->r->ui, form_text(a->r->f, &it->label, a->r->ui->lang), labels,
			    l->n, sel);
	strbuf_init(&sb);
	for (i = 0; rc == 0 && i < l->n; i++)
		if (sel[i])
			strbuf_addf(&sb, "%s%s", sb.len ? " " : "", l->choices[i].name);
	free(labels);
	free(sel);
	if (rc == 0)
		return strbuf_detach(&sb);
	strbuf_release(&sb);
	return NULL;
}

static char *ask_value(struct amend *a)
{
	const struct form_item *it = &a->r->f->items[a->item];
	const struct form_list *l;
	struct form_list dyn;
	char *v = NULL;

	if (it->type == FT_CHECK)
		return pick_one(a, it, NULL);
	if ((it->type == FT_SELECT_ONE || it->type == FT_SELECT_MULTIPLE) &&
	    (it->list || it->choices_of)) {
		if ((l = choices(a, it, &dyn)))
			v = it->type == FT_SELECT_ONE ? pick_one(a, it, l) : pick_many(a, it, l);
		form_dyn_release(&dyn);
		return v;
	}
	if (ui_ask_text(a->r->ui, form_text(a->r->f, &it->label, a->r->ui->lang), _("New value"),
			current(a->r, a->chosen->key), MAX_VALUE, check_value, a, &v))
		return NULL;
	return v;
}

void rec_amend(struct rec *r)
{
	struct amend a = { r, 0, NULL, NULL, 0, 0 };
	struct fc_err err = { 0 };
	char *value = NULL, *canon = NULL, *reason = NULL;
	size_t i;

	if (!r->f) {
		ui_error(r->ui, "%s", _("The form of this inspection cannot be read: it cannot be "
					"amended here."));
		return;
	}
	if (pick_item(&a) || !(value = ask_value(&a)))
		goto done;
	if (check_value(value, &a, &err)) {
		ui_error_err(r->ui, &err);
		goto done;
	}
	canon = form_canonical_value(r->f, a.item, value);
	if (ui_ask_text(r->ui, _("Amend: the reason (required)"), _("Reason"), "", MAX_NOTE, check_reason,
			NULL, &reason))
		goto done;
	if (inspection_amend(r->ui->ws->store, &r->ui->ws->me, r->id, a.chosen->key,
			     canon, "", text_trim(reason), &err)) {
		ui_error_err(r->ui, &err);
		goto done;
	}
	ui_info(r->ui, "%s", _("Amended: the correction is kept with the record."));
	rec_load(r);
done:
	for (i = 0; i < a.n; i++)
		free(a.v[i].label);
	free(a.v);
	free(value);
	free(canon);
	free(reason);
}
