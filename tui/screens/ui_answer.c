/* ui_answer.c - answering the current item of the walk: a choice list for
 * selects and checks, a line editor for text, numbers and dates, the note,
 * and the hazard a failed check creates (description, severity, deadline).
 *
 * A value the form refuses keeps the editor open with the form's message
 * inside it; nothing reaches the store until inspect_answer accepts it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_answer.h"
#include "core/clock.h"
#include "core/hazard.h"
#include "core/strbuf.h"
#include "core/text.h"

static const struct form_item *current(struct walk *w)
{
	long it = walk_item(w);

	if (it < 0)
		return NULL;
	if (w->in.status != INSP_DRAFT) {
		ui_error(w->ui, _("This inspection is finalized: it no longer changes."));
		return NULL;
	}
	if (!w->relevant[it]) {
		ui_error(w->ui, _("This item does not apply, given the answers so far."));
		return NULL;
	}
	return &w->f->items[it];
}

/* After an answer: on to the next item that applies. */
static void answered(struct walk *w)
{
	w->item_err[0] = '\0';
	if (!walk_step(w, 1) && !w->ui->msg[0])
		ui_info(w->ui, _("That was the last item: F5 reviews and finalizes."));
	walk_reload(w);
}

/* Passing a check while a warning of its group applies (a gas reading
 * out of range) must not go silently: ask, naming the warning. */
static int pass_ok(struct walk *w, size_t item)
{
	size_t warn[1];
	char *q;
	int yes;

	if (!walk_warnings_of(w, item, warn, 1))
		return 1;
	q = xstrfmt(_("A warning stands: %s. Pass this item anyway?"),
		    form_text(w->f, &w->f->items[warn[0]].label, w->ui->lang));
	yes = ui_confirm(w->ui, _("Pass despite a warning"), q, 0);
	free(q);
	return yes;
}

void walk_check(struct walk *w, const char *v, enum walk_how how)
{
	long it = walk_item(w);

	if (!current(w))
		return;
	if (!strcmp(v, "pass") && !pass_ok(w, (size_t)it))
		return;
	if (walk_answer(w, v, walk_note(w, (size_t)it), NULL, how) == 0)
		answered(w);
}

static void hazard_dialog(struct walk *w, const char *value, enum walk_how how);

static void choose_one(struct walk *w, const struct form_item *it, size_t idx, enum walk_how how)
{
	struct form_list dyn;
	const struct form_list *l = walk_choices(w, idx, &dyn);
	const char **labels = xcalloc(l->n + 1, sizeof *labels);
	size_t *map = xcalloc(l->n + 1, sizeof *map);
	char *offer = walk_value(w, idx) ? NULL : walk_offer(w, idx);
	const char *v = offer ? offer : walk_value(w, idx); /* where the cursor starts */
	size_t i, cur = 0, n = walk_offered(w, idx, l, map);
	int k = -1;

	for (i = 0; i < n; i++) {
		labels[i] = form_text(w->f, &l->choices[map[i]].label, w->ui->lang);
		if (v && !strcmp(v, l->choices[map[i]].name))
			cur = i;
	}
	if (n)
		k = ui_choose(w->ui, walk_label(w, idx), labels, n, cur);
	else
		ui_error(w->ui, _("No choice is offered here, given the answers so far."));
	free(labels);
	free(offer);
	if (k >= 0 && form_item_hazard_on(it, l->choices[map[k]].name))
		hazard_dialog(w, l->choices[map[k]].name, how); /* its hazard_if: ask it */
	else if (k >= 0 && walk_answer(w, l->choices[map[k]].name, walk_note(w, idx), NULL,
				       how) == 0)
		answered(w);
	free(map);
	form_dyn_release(&dyn);
}

static int is_chosen(const char *v, const char *name)
{
	size_t n = strlen(name);
	const char *p = v;

	while (p && *(p += strspn(p, " "))) {
		size_t k = strcspn(p, " ");
		if (k == n && !memcmp(p, name, n))
			return 1;
		p += k;
	}
	return 0;
}

static void choose_many(struct walk *w, size_t idx, enum walk_how how)
{
	struct form_list dyn;
	const struct form_list *l = walk_choices(w, idx, &dyn);
	const char **labels = xcalloc(l->n + 1, sizeof *labels);
	unsigned char *sel = xcalloc(l->n + 1, 1);
	size_t *map = xcalloc(l->n + 1, sizeof *map);
	const char *v = walk_value(w, idx);
	struct strbuf sb;
	size_t i, n = walk_offered(w, idx, l, map);

	for (i = 0; i < n; i++) {
		labels[i] = form_text(w->f, &l->choices[map[i]].label, w->ui->lang);
		sel[i] = v && is_chosen(v, l->choices[map[i]].name);
	}
	if (!n)
		ui_error(w->ui, _("No choice is offered here, given the answers so far."));
	else if (ui_choose_many(w->ui, walk_label(w, idx), labels, n, sel) == 0) {
		strbuf_init(&sb);
		for (i = 0; i < n; i++)
			if (sel[i])
				strbuf_addf(&sb, "%s%s", sb.len ? " " : "", l->choices[map[i]].name);
		if (walk_answer(w, sb.buf, walk_note(w, idx), NULL, how) == 0)
			answered(w);
		strbuf_release(&sb);
	}
	free(map);
	free(sel);
	free(labels);
	form_dyn_release(&dyn);
}

static void choose_check(struct walk *w, enum walk_how how)
{
	const char *const labels[] = { _("Pass"), _("Fail"), _("Not applicable") };
	int k = ui_choose(w->ui, _("Answer"), labels, 3, 0);

	if (k == 1)
		walk_fail(w, how);
	else if (k >= 0)
		walk_check(w, k == 0 ? "pass" : "na", how);
}

struct typed {
	struct walk *w;
	const char *note;
	enum walk_how how;
};

/* The check of the text editor is the answer itself: the form's type and
 * constraint checks happen in inspect_answer, whose message stays in the
 * dialog. */
static int save_typed(const char *value, void *ctx, struct fc_err *err)
{
	struct typed *t = ctx;
	char *v = xstrdup(value);
	int rc;

	text_trim(v);
	rc = walk_answer(t->w, v, t->note, NULL, t->how);
	free(v);
	if (rc)
		snprintf(err->msg, sizeof err->msg, "%s", t->w->item_err);
	return rc;
}

/* "1 to 10, step 1", for a range item's editor. */
static const char *range_label(const struct form_item *it, char *buf, size_t size)
{
	snprintf(buf, size, _("%g to %g, step %g"), it->range.start, it->range.end,
		 it->range.step);
	return buf;
}

static void edit_typed(struct walk *w, const struct form_item *it, size_t idx, enum walk_how how)
{
	struct typed t = { w, walk_note(w, idx), how };
	const char *v = walk_value(w, idx);
	char label[64], range[64], *out = NULL, *offer = v ? NULL : walk_offer(w, idx);

	snprintf(label, sizeof label, "%s", it->type == FT_DATE ? _("Date (YYYY-MM-DD)") :
		 it->type == FT_TIME ? _("Time (HH:MM)") :
		 it->type == FT_DATETIME ? _("Date and time (YYYY-MM-DDTHH:MM)") :
		 it->type == FT_INTEGER ? _("Whole number") : it->type == FT_DECIMAL ?
		 _("Number") : it->type == FT_GEOPOINT ? _("LAT LON [ALT ACC]") :
		 it->type == FT_GEOTRACE ? _("Line: LAT LON;...") :
		 it->type == FT_GEOSHAPE ? _("Shape: LAT LON;...") :
		 it->type == FT_RANGE ? range_label(it, range, sizeof range) : _("Text"));
	if (!v && offer)
		v = offer;
	if (!v && it->type == FT_DATE)
		v = w->ui->today;
	if (ui_ask_text(w->ui, walk_label(w, (size_t)(it - w->f->items)), label, v, MAX_VALUE,
			save_typed, &t, &out) == 0) {
		free(out);
		answered(w);
	}
	free(offer);
	w->item_err[0] = '\0';
}

void walk_edit(struct walk *w, enum walk_how how)
{
	const struct form_item *it = current(w);
	size_t idx;

	if (!it)
		return;
	idx = (size_t)walk_item(w);
	if (it->missing_file) { /* shown, not asked: say why */
		struct fc_err err;
		form_no_answer(w->f, it, w->ui->lang, &err);
		ui_info(w->ui, "%s", err.msg);
		return;
	}
	switch (it->type) {
	case FT_CHECK: choose_check(w, how); break;
	case FT_SELECT_ONE:
		if (it->list || it->choices_of)
			choose_one(w, it, idx, how);
		break;
	case FT_SELECT_MULTIPLE:
		if (it->list || it->choices_of)
			choose_many(w, idx, how);
		break;
	case FT_TEXT: case FT_INTEGER: case FT_DECIMAL: case FT_DATE: case FT_TIME:
	case FT_DATETIME: case FT_GEOPOINT: case FT_RANGE: case FT_GEOTRACE: case FT_GEOSHAPE:
		edit_typed(w, it, idx, how);
		break;
	case FT_ACKNOWLEDGE:
		if (walk_acknowledge(w, idx, how) == 0)
			answered(w);
		break;
	case FT_RANK:
		if (walk_rank(w, it, idx, how) == 0)
			answered(w);
		break;
	case FT_MEDIA: walk_attach(w); break;
	default:
		ui_info(w->ui, _("This line is for reading: it takes no answer."));
	}
}

static int save_note(const char *value, void *ctx, struct fc_err *err)
{
	struct walk *w = ctx;
	long it = walk_item(w);
	int rc = walk_answer(w, walk_value(w, (size_t)it), value, NULL, WALK_ANSWER);

	if (rc)
		snprintf(err->msg, sizeof err->msg, "%s", w->item_err);
	return rc;
}

void walk_edit_note(struct walk *w)
{
	const struct form_item *it = current(w);
	char *out = NULL;
	size_t idx;

	if (!it)
		return;
	idx = (size_t)walk_item(w);
	if (!walk_value(w, idx)) {
		ui_error(w->ui, _("Answer the item first: the note is kept with its answer."));
		return;
	}
	if (ui_ask_text(w->ui, _("Note"), walk_label(w, (size_t)(it - w->f->items)),
			walk_note(w, idx), MAX_NOTE, save_note, w, &out) == 0) {
		free(out);
		ui_info(w->ui, _("Note saved."));
	}
	w->item_err[0] = '\0';
}

/* Clearing a failed answer withdraws its hazard, whoever described it:
 * ask first, naming the description and who recorded it. */
static int withdraw_ok(struct walk *w)
{
	const struct fc_hazard_event *found = w->haz.n_events ? &w->haz.events[0] : NULL;
	const char *by = !found ? "" : found->by_name && *found->by_name ? found->by_name
			 : found->by;
	char *q = xstrfmt(_("This withdraws its hazard \"%s\", recorded by %s; it cannot be "
			    "undone. Clear the answer?"), w->haz.description, by);
	int yes = ui_confirm(w->ui, _("Clear a failed answer"), q, 0);

	free(q);
	return yes;
}

void walk_clear(struct walk *w)
{
	if (!current(w))
		return;
	if (w->clashes[walk_item(w)]) {
		ui_error(w->ui, _("This item has conflicting answers: c keeps one of them, or "
				  "answer it anew."));
		return;
	}
	if (!walk_value(w, (size_t)walk_item(w)))
		return;
	if (w->have_haz && !withdraw_ok(w))
		return;
	if (walk_answer(w, "", "", NULL, WALK_ANSWER) == 0)
		ui_info(w->ui, _("Answer cleared."));
}

/* The hazard dialog: 0 description, 1 severity, 2 deadline. */
struct fail {
	struct walk *w;
	const char *value;          /* the answer that raises it: "fail", a choice */
	int redo;                   /* the item has failed already: change its hazard */
	enum walk_how how;          /* whether the answer settles a conflict */
};

/* Changes the hazard the current item, failed already, created. */
static int replace_hazard(struct walk *w, int sev, const char *desc, const char *due,
			  struct fc_err *err)
{
	char key[MAX_ITEM_KEY + 1];
	struct hazard_new n = { w->id, walk_key(w, (size_t)walk_item(w), key),
				sev == SEV_MAJOR ? HAZ_MAJOR : HAZ_GENERAL, desc, due, NULL };
	char id[FC_UUID_LEN + 1];

	return hazard_replace(w->ui->ws->store, &w->ui->ws->me, &n, id, err);
}

static int fail_submit(struct ui_form *d, void *ctx)
{
	struct fail *fl = ctx;
	struct walk *w = fl->w;
	struct fc_err err = { 0 };
	char *desc = text_trim(ui_field_value(d, 0)), *due = text_trim(ui_field_value(d, 2));
	int sev = d->f[1].opt == 1 ? SEV_MAJOR : SEV_GENERAL, rc;
	struct inspect_hazard hz = { desc, sev, due };

	if (!*desc)
		rc = fc_fail(&err, "%s", _("Describe the defect found: what is wrong, where. "
					   "The question is not a description."));
	else if (date_check(due, "deadline", &err))
		rc = -1;
	else if (fl->redo)
		rc = replace_hazard(w, sev, desc, due, &err);
	else if ((rc = walk_answer(w, fl->value, walk_note(w, (size_t)walk_item(w)), &hz,
				   fl->how)))
		snprintf(err.msg, sizeof err.msg, "%s", w->item_err);
	if (rc) {
		snprintf(d->msg, sizeof d->msg, "%s", err.msg);
		d->msg_err = 1;
	}
	free(desc);
	free(due);
	return rc ? -1 : 0;
}

static void fail_defaults(struct walk *w, const struct form_item *it, size_t idx,
			  const char **desc, int *major, char *due)
{
	struct fc_err err;
	char day[FC_DATE_LEN + 1];

	if (w->have_haz) {
		*desc = w->haz.description;
		*major = w->haz.severity == HAZ_MAJOR;
		snprintf(due, FC_DATE_LEN + 1, "%s", w->haz.deadline);
		return;
	}
	/* The defect found, typed by the inspector: the question is no
	 * description (it would print as the defect on the order). */
	*desc = walk_note(w, idx);
	*major = it->hazard == SEV_MAJOR;
	memcpy(day, w->in.created_at, FC_DATE_LEN);
	day[FC_DATE_LEN] = '\0';
	if (date_add_days(day, it->rectify_days, due, &err))
		snprintf(due, FC_DATE_LEN + 1, "%s", day);
}

/* The question under the description, as a prompt: cut at a whole
 * character to fit the field's note. */
static void prompt(char *buf, size_t size, const char *question)
{
	size_t n = 0, k;

	while (question[n] && (k = utf8_seq_len((const unsigned char *)question + n,
						strlen(question + n))) > 0 && n + k < size)
		n += k;
	memcpy(buf, question, n);
	buf[n] = '\0';
}

/* Answers the current item `value`, which raises its hazard, asking for
 * the hazard: a check's f, a select_one's hazard_if choice. */
static void hazard_dialog(struct walk *w, const char *value, enum walk_how how)
{
	const struct form_item *it = current(w);
	const char *sevs[2], *desc;
	char due[FC_DATE_LEN + 1];
	struct ui_field f[3];
	struct fail fl = { w, value, 0, how };
	struct ui_form d;
	int major;
	size_t idx;

	if (!it || !form_item_hazard_on(it, value))
		return;
	idx = (size_t)walk_item(w);
	/* A resolution answers anew even when the item failed already. */
	fl.redo = how == WALK_ANSWER && w->have_haz && walk_value(w, idx) &&
		  !strcmp(walk_value(w, idx), value);
	fail_defaults(w, it, idx, &desc, &major, due);
	sevs[0] = _("general hazard");
	sevs[1] = _("major hazard");
	memset(&d, 0, sizeof d);
	ui_field_text(&f[0], _("Defect found"), desc, MAX_DESCRIPTION);
	prompt(f[0].note, sizeof f[0].note, walk_label(w, (size_t)(it - w->f->items)));
	ui_field_cycle(&f[1], _("Severity"), sevs, 2, major);
	ui_field_text(&f[2], _("Deadline"), due, FC_DATE_LEN);
	d.title = fl.redo ? _("The hazard of this failed item") : _("Failed: the hazard found");
	d.f = f;
	d.n = 3;
	d.submit = fail_submit;
	d.ctx = &fl;
	if (ui_form_run(w->ui, &d) == 0) {
		if (fl.redo) {
			walk_reload(w);
			ui_info(w->ui, _("Hazard changed."));
		} else {
			ui_info(w->ui, _("Failed: hazard recorded."));
			answered(w);
		}
	}
	ui_fields_free(f, 3);
}

void walk_fail(struct walk *w, enum walk_how how)
{
	const struct form_item *it = current(w);

	if (it && it->type == FT_CHECK)
		hazard_dialog(w, "fail", how);
}
