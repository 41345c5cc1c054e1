/* ui_record_amend.c - amending a finalized inspection from its record: the
 * item (any answerable item of its form), the new value (chosen for a
 * check or a select, typed otherwise, checked against the form as an
 * answer is), and the reason, which an amendment must have.  The store
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

struct amend {
	struct rec *r;
	size_t item;                /* index into r->f->items */
	size_t *items, n_items;     /* the answerable items, for the chooser */
};

/* Checks a typed value as the walk would (type, constraint). */
static int check_value(const char *value, void *ctx, struct fc_err *err)
{
	struct amend *a = ctx;
	struct inspect_answers ans;

	inspect_answers_init(&ans, &a->r->in);
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

/* Which item: a chooser of the form's answerable items by label. */
static int pick_item(struct amend *a)
{
	const struct form *f = a->r->f;
	const char **labels;
	size_t i;
	int k;

	a->items = xcalloc(f->n_items + 1, sizeof *a->items);
	for (i = 0; i < f->n_items; i++)
		if (form_item_answerable(&f->items[i]))
			a->items[a->n_items++] = i;
	if (!a->n_items)
		return -1;
	labels = xcalloc(a->n_items, sizeof *labels);
	for (i = 0; i < a->n_items; i++)
		labels[i] = form_text(f, &f->items[a->items[i]].label, a->r->ui->lang);
	k = ui_choose(a->r->ui, _("Amend: which item"), labels, a->n_items, 0);
	free(labels);
	if (k < 0)
		return -1;
	a->item = a->items[k];
	return 0;
}

/* The choices of a check or a select_one: the name chosen, or NULL. */
static char *pick_one(struct amend *a, const struct form_item *it)
{
	static const char *const check_names[] = { "pass", "fail", "na" };
	const char *check_labels[] = { _("Pass"), _("Fail"), _("Not applicable") };
	const char **labels;
	size_t i, n = it->type == FT_CHECK ? 3 : it->list->n;
	int k;

	labels = xcalloc(n + 1, sizeof *labels);
	for (i = 0; i < n; i++)
		labels[i] = it->type == FT_CHECK ? check_labels[i]
			    : form_text(a->r->f, &it->list->choices[i].label, a->r->ui->lang);
	k = ui_choose(a->r->ui, form_text(a->r->f, &it->label, a->r->ui->lang), labels, n, 0);
	free(labels);
	if (k < 0)
		return NULL;
	return xstrdup(it->type == FT_CHECK ? check_names[k] : it->list->choices[k].name);
}

/* The choices of a select_multiple, as their names joined by spaces. */
static char *pick_many(struct amend *a, const struct form_item *it)
{
	const char **labels = xcalloc(it->list->n + 1, sizeof *labels);
	unsigned char *sel = xcalloc(it->list->n + 1, 1);
	struct strbuf sb;
	size_t i;
	int rc;

	for (i = 0; i < it->list->n; i++)
		labels[i] = form_text(a->r->f, &it->list->choices[i].label, a->r->ui->lang);
	rc = ui_choose_many(a->r->ui, form_text(a->r->f, &it->label, a->r->ui->lang), labels,
			    it->list->n, sel);
	strbuf_init(&sb);
	for (i = 0; rc == 0 && i < it->list->n; i++)
		if (sel[i])
			strbuf_addf(&sb, "%s%s", sb.len ? " " : "", it->list->choices[i].name);
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
	char *v = NULL;

	if (it->type == FT_CHECK || (it->type == FT_SELECT_ONE && it->list))
		return pick_one(a, it);
	if (it->type == FT_SELECT_MULTIPLE && it->list)
		return pick_many(a, it);
	if (ui_ask_text(a->r->ui, form_text(a->r->f, &it->label, a->r->ui->lang), _("New value"),
			current(a->r, it->name), MAX_VALUE, check_value, a, &v))
		return NULL;
	return v;
}

void rec_amend(struct rec *r)
{
	struct amend a = { r, 0, NULL, 0 };
	struct fc_err err = { 0 };
	char *value = NULL, *canon = NULL, *reason = NULL;

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
	if (inspection_amend(r->ui->ws->store, &r->ui->ws->me, r->id, r->f->items[a.item].name,
			     canon, "", text_trim(reason), &err)) {
		ui_error_err(r->ui, &err);
		goto done;
	}
	ui_info(r->ui, "%s", _("Amended: the correction is kept with the record."));
	rec_load(r);
done:
	free(a.items);
	free(value);
	free(canon);
	free(reason);
}
