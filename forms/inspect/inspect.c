/* inspect.c - answering an inspection through its form (see inspect.h). */
#include "inspect.h"
#include "instances.h"
#include "inspect_impl.h"
#include "kept.h"
#include "conflict_items.h"
#include "visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formstore.h"
#include "core/hazard.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/store.h"
#include "core/strbuf.h"

/* Answer lookup for the evaluator: binary search in the sorted answers, with
 * an optional override (the value being given, not yet stored). */

const char *inspect_lookup_get(void *ctx, const char *name)
{
	const struct inspect_lookup *l = ctx;
	const struct fc_answer *a;

	if (l->over_item && !strcmp(l->over_item, name))
		return l->over_value;
	a = inspection_answer(l->in, name);
	return a ? a->value : NULL;
}

const char *inspect_item_file(const struct fc_inspection *in, const char *key)
{
	size_t k;

	for (k = 0; k < in->n_attachments; k++) {
		const struct fc_attachment *a = &in->attachments[k];
		if (!a->withdrawn[0] && !strcmp(a->to, key))
			return a->name;
	}
	return NULL;
}

const char *inspect_lookup_file(void *ctx, const char *key)
{
	const struct inspect_lookup *l = ctx;

	return inspect_item_file(l->in, key);
}

/* The instance of begin_repeat r that l's evaluation is in (its own, or
 * one it is inside), into uuid: form_answers.instance_of. */
static int lookup_instance_of(void *ctx, const struct form *f, size_t r, char *uuid)
{
	const struct inspect_lookup *l = ctx;

	if (l->repeat < 0 || !l->instance[0])
		return -1;
	return inspect_instance_up(f, l->in, (size_t)l->repeat, l->instance, r, uuid);
}

/* The live instances of repeat r the evaluation sees: for a repeat inside
 * another, those in the instance of that one it runs in (all live ones
 * outside any). */
static size_t seen_instances(const struct inspect_lookup *l, const struct form *f, size_t r,
			     struct inspect_instance **v)
{
	char parent[FC_UUID_LEN + 1];
	int pr = f->items[r].repeat;
	int in_one = pr >= 0 && !lookup_instance_of((void *)l, f, (size_t)pr, parent);

	return inspect_instances(f, l->in, r, in_one ? parent : NULL, 0, v);
}

/* count(${repeat}): its live instances in l's inspection. */
static size_t lookup_count(void *ctx, const struct form *f, size_t repeat)
{
	struct inspect_instance *v;
	size_t n = seen_instances(ctx, f, repeat, &v);

	free(v);
	return n;
}

/* indexed-repeat(): the k-th live instance of the repeat. */
static int lookup_instance_at(void *ctx, const struct form *f, size_t repeat, size_t k,
			      char *uuid)
{
	struct inspect_instance *v;
	size_t n = seen_instances(ctx, f, repeat, &v);

	if (k >= 1 && k <= n)
		memcpy(uuid, v[k - 1].uuid, FC_UUID_LEN + 1);
	free(v);
	return k >= 1 && k <= n ? 0 : -1;
}

/* Evaluates inside instance `instance` ("" or NULL: none) of the repeat
 * item of f is in: fa reads l's copy of it and its position. */
void inspect_view_in(struct form_answers *fa, struct inspect_lookup *l, const struct form *f,
		    size_t item, const char *instance)
{
	int r = f->items[item].type == FT_BEGIN_REPEAT ? (int)item : f->items[item].repeat;
	size_t pos;

	fa->instance = fa->position = NULL;
	l->repeat = -1;
	l->instance[0] = '\0';
	if (r < 0 || !instance || !*instance)
		return;
	snprintf(l->instance, sizeof l->instance, "%s", instance);
	l->repeat = r;
	pos = inspect_instance_position(f, l->in, (size_t)r, l->instance);
	snprintf(l->position, sizeof l->position, "%zu", pos);
	fa->instance = l->instance;
	fa->position = pos ? l->position : NULL;
}

void inspect_answers_in(struct inspect_answers *a, const struct form *f, size_t item,
			const char *instance)
{
	inspect_view_in(&a->fa, &a->l, f, item, instance);
}

/* The answers of l's inspection as the form reads them, with its metadata:
 * start and day from its creation, end when finalized (else now), the
 * officer who started it as user and as the device's name. */
void inspect_view(struct form_answers *fa, struct inspect_lookup *l, const char *today)
{
	const struct fc_inspection *in = l->in;

	memset(fa, 0, sizeof *fa);
	l->repeat = -1;
	fa->get = inspect_lookup_get;
	fa->file = inspect_lookup_file;
	fa->last_saved = inspect_lookup_last;
	fa->count = lookup_count;
	fa->instance_at = lookup_instance_at;
	fa->instance_of = lookup_instance_of;
	fa->ctx = l;
	fa->today = today;
	snprintf(l->day, sizeof l->day, "%.10s", in->created_at);
	snprintf(l->device, sizeof l->device, "fieldcheck:%s", in->created_by);
	fa->meta.start = in->created_at[0] ? in->created_at : NULL;
	fa->meta.end = in->finalized_at[0] ? in->finalized_at : NULL;
	fa->meta.today = l->day[0] ? l->day : NULL;
	fa->meta.deviceid = in->created_by[0] ? l->device : NULL;
	fa->meta.username = in->created_by[0] ? in->created_by : NULL;
	fa->meta.geo = in->geo[0] ? in->geo : NULL;
}

static int keep_form(struct fc_workspace *ws, const struct form *f, struct fc_err *err)
{
	struct formstore_texts t = { f->survey_csv, f->choices_csv ? f->choices_csv : (char *)"",
				     f->settings_csv, NULL, 0 };
	size_t k;
	int rc;

	t.files = xcalloc(f->n_files + 1, sizeof *t.files);
	for (k = 0; k < f->n_files; k++) {
		if (f->files[k].missing)
			continue; /* not beside the form: nothing to keep */
		t.files[t.n_files].name = f->files[k].name;
		t.files[t.n_files++].text = f->files[k].csv;
	}
	rc = formstore_put(ws->store, f->id, f->version, &t, err);
	free(t.files);
	return rc;
}

/* form_files.file over the files kept with the form. */
static int kept_file(void *ctx, const char *name, char **text, size_t *len,
		     struct fc_err *err)
{
	const struct formstore_texts *t = ctx;
	size_t k;

	(void)err;
	for (k = 0; k < t->n_files; k++)
		if (!strcmp(t->files[k].name, name)) {
			*text = xstrdup(t->files[k].text);
			*len = strlen(*text);
			return 0;
		}
	return 1;
}

int inspect_new(struct fc_workspace *ws, const struct form *f, const char *enterprise,
		enum insp_type type, const char *location, const struct fc_person *team,
		size_t n_team, char *id_out, struct fc_err *err)
{
	struct insp_new n = { f->id, f->version, enterprise, type, location, team, n_team };

	if (ws->supervisor)
		return fc_fail(err, _("this is a supervisor's workspace: it reads inspections but "
			       "does not start them"));
	if (store_begin(ws->store, err))
		return -1;
	if (keep_form(ws, f, err) || inspection_create(ws->store, &ws->me, &n, id_out, err) ||
	    inspect_keep_once(ws, f, id_out, err)) {
		store_rollback(ws->store);
		return -1;
	}
	return store_commit(ws->store, err);
}

struct form *inspect_form(struct fc_workspace *ws, const char *form_id, int version,
			  struct fc_err *err)
{
	struct formstore_texts t;
	struct form_problems probs = { 0 };
	struct form_files files;
	struct form *f;
	char where[160];

	if (formstore_get(ws->store, form_id, version, &t, err))
		return NULL;
	memset(&files, 0, sizeof files);
	files.survey = t.survey;
	files.survey_len = strlen(t.survey);
	/* the store keeps a form without choices.csv as an empty text */
	files.choices = *t.choices ? t.choices : NULL;
	files.choices_len = strlen(t.choices);
	files.settings = t.settings;
	files.settings_len = strlen(t.settings);
	files.file = kept_file;
	files.file_ctx = &t;
	files.id = form_id; /* settings without form_id: the id it is kept under */
	snprintf(where, sizeof where, "%s (version %d, as kept in the store)", form_id, version);
	f = form_load_mem(where, &files, &probs);
	if (!f)
		fc_fail(err, "%s", probs.n ? probs.msgs[0] : "the kept form does not load");
	else if (f->version != version || strcmp(f->id, form_id)) { /* as its key says */
		fc_fail(err, _("%s says it is form %s version %d"), where, f->id, f->version);
		form_free(f);
		f = NULL;
	}
	form_problems_release(&probs);
	formstore_texts_clear(&t);
	return f;
}

/* Makes an item's hazard follow its answer: creates the hazard of a failed
 * check or of a select_one's hazard_if choice (keeping one it made
 * already), or withdraws it when the item is answered otherwise (only
 * drafts reach here). */
static int hazard_follows_answer(struct fc_workspace *ws, const struct form *f, size_t idx,
				 const char *key, const struct fc_inspection *in, const char *value,
				 const char *note, const struct inspect_hazard *hz,
				 struct form_lang lang, struct fc_err *err)
{
	const struct form_item *it = &f->items[idx];
	char hid[FC_UUID_LEN + 1], due[FC_DATE_LEN + 1], day[FC_DATE_LEN + 1];
	char today[FC_DATE_LEN + 1];
	struct hazard_new n = { 0 };
	int have = hazard_find_for_item(ws->store, in->id, key, hid, err);

	if (have < 0)
		return -1;
	if (!form_item_hazard_on(it, value))
		return have ? hazard_withdraw(ws->store, hid, err) : 0;
	if (have)
		return 0;
	/* The form's days count from the day the hazard is found: a draft
	 * begun days ago must not get a deadline already past. */
	memcpy(day, in->created_at, FC_DATE_LEN);
	day[FC_DATE_LEN] = '\0';
	if (clock_today(today, err))
		return -1;
	if (strcmp(today, day) > 0)
		memcpy(day, today, sizeof day);
	if (date_add_days(day, it->rectify_days, due, err))
		return -1;
	n.inspection = in->id;
	n.item = key;
	n.severity = it->hazard == SEV_MAJOR ? HAZ_MAJOR : HAZ_GENERAL;
	if (hz && hz->severity == SEV_GENERAL)
		n.severity = HAZ_GENERAL;
	else if (hz && hz->severity == SEV_MAJOR)
		n.severity = HAZ_MAJOR;
	n.description = hz && hz->description && *hz->description ? hz->description
			: note && *note ? note : form_text(f, &it->label, lang);
	n.deadline = hz && hz->deadline && *hz->deadline ? hz->deadline : due;
	if (hz && hz->deadline && *hz->deadline && date_check(hz->deadline, _("deadline"), err))
		return -1;
	return hazard_add(ws->store, &ws->me, &n, hid, err);
}

/* Items that stopped being relevant lose their answers (and hazards); one
 * removal can make others irrelevant, so repeat until nothing changes. */
static int drop_irrelevant(struct fc_workspace *ws, const struct form *f, const char *id,
			   struct fc_err *err)
{
	struct inspect_last last = { .have = 0 };
	int changed = 1, rounds = 0, rc = 0;

	while (rc == 0 && changed && rounds++ <= (int)f->n_items) {
		struct fc_inspection in;
		struct inspect_lookup l;
		struct form_answers fa;
		char today[FC_DATE_LEN + 1];
		size_t i;

		changed = 0;
		if (clock_today(today, err) || inspection_get(ws->store, id, &in, err)) {
			rc = -1;
			break;
		}
		if (rounds == 1 && inspect_last_load(ws, f, &in, &last, err) < 0)
			goto fail;
		l = (struct inspect_lookup){ .in = &in, .last = last.have ? &last.in : NULL };
		inspect_view(&fa, &l, today);
		for (i = 0; i < in.n_answers && !changed; i++) {
			char hid[FC_UUID_LEN + 1], inst[FC_UUID_LEN + 1];
			struct fc_err skip;
			size_t idx;
			int rel;
			/* unknown items, instance markers, answers inside removed
			 * instances: not the form's to judge */
			if (inspect_key(f, &in, in.answers[i].item, &idx, inst, form_lang_locale(),
					&skip) || !form_item_answerable(&f->items[idx]))
				continue;
			inspect_view_in(&fa, &l, f, idx, inst);
			rel = form_relevant(f, idx, &fa, err);
			if (rel < 0)
				goto fail;
			if (rel)
				continue;
			if (inspection_clear_answer(ws->store, id, in.answers[i].item, err))
				goto fail;
			rel = hazard_find_for_item(ws->store, id, in.answers[i].item, hid, err);
			if (rel < 0 || (rel && hazard_withdraw(ws->store, hid, err)))
				goto fail;
			changed = 1;
		}
		inspection_clear(&in);
		continue;
fail:
		inspection_clear(&in);
		rc = -1;
	}
	inspect_last_release(&last);
	return rc;
}

static int answer_locked(struct fc_workspace *ws, const struct form *f, const char *key,
			 const struct fc_inspection *in, const char *value, const char *note,
			 const struct inspect_hazard *hz, const struct inspect_last *last,
			 struct form_lang lang, struct fc_err *err)
{
	struct inspect_lookup l = { .in = in, .over_item = key,
				     .over_value = *value ? value : NULL,
				     .last = last->have ? &last->in : NULL };
	char today[FC_DATE_LEN + 1], inst[FC_UUID_LEN + 1];
	const struct form_item *it;
	const struct fc_answer *was;
	struct form_answers fa;
	size_t idx;
	int rel, changed = 0;

	if (inspect_key(f, in, key, &idx, inst, lang, err))
		return -1;
	it = &f->items[idx];
	if (!form_item_answerable(it))
		return form_no_answer(f, it, lang, err);
	if (clock_today(today, err))
		return -1;
	inspect_view(&fa, &l, today);
	inspect_view_in(&fa, &l, f, idx, inst);
	rel = form_relevant(f, idx, &fa, err);
	if (rel < 0)
		return -1;
	if (!rel)
		return it->relevant
			? fc_fail(err, _("item “%s” does not apply given the answers so far (it "
					 "applies when %s)"), form_item_label(f, it, lang),
				  form_expr_source(it->relevant))
			: fc_fail(err, _("item “%s” does not apply given the answers so far (its "
					 "group does not)"), form_item_label(f, it, lang));
	if (*value && form_check_value(f, idx, value, &fa, lang, err))
		return fc_err_prefix(err, _("item “%s”"), form_item_label(f, it, lang));
	was = inspection_answer(in, key);
	if (*value) {
		char *canon = form_canonical_value(f, idx, value);
		int rc = inspection_set_answer(ws->store, &ws->me, in->id, key, canon, note, err);
		changed = !was || strcmp(was->value, canon);
		free(canon);
		if (rc)
			return -1;
	} else if (inspection_clear_answer(ws->store, in->id, key, err)) {
		return -1;
	}
	if (form_item_raises(it) &&
	    hazard_follows_answer(ws, f, idx, key, in, value, note, hz, lang, err))
		return -1;
	/* a changed answer sets what it triggers (pyxform's setvalue) */
	if ((changed || (!*value && was)) &&
	    inspect_run_triggers(ws, f, in->id, idx, inst, lang, err))
		return -1;
	return drop_irrelevant(ws, f, in->id, err) || inspect_keep_once(ws, f, in->id, err);
}

int inspect_begin_read(struct fc_workspace *ws, const char *id, struct fc_inspection *in,
		       struct fc_err *err)
{
	if (store_begin(ws->store, err))
		return -1;
	if (inspection_get(ws->store, id, in, err)) {
		store_rollback(ws->store);
		return -1;
	}
	return 0;
}

int inspect_answer(struct fc_workspace *ws, const struct form *f, const char *id,
		   const char *item, const char *value, const char *note,
		   const struct inspect_hazard *hz, struct form_lang lang, struct fc_err *err)
{
	struct fc_inspection in;
	int rc;

	if (inspect_begin_read(ws, id, &in, err))
		return -1;
	if (strcmp(in.form_id, f->id) || in.form_version != f->version) {
		fc_fail(err, _("inspection %.8s was filled with %s version %d, not %s version %d"),
			id, in.form_id, in.form_version, f->id, f->version);
		rc = -1;
	} else if (in.status == INSP_FINAL) {
		rc = inspection_require_draft(ws->store, id, err);
	} else {
		struct inspect_last last;
		rc = inspect_last_load(ws, f, &in, &last, err) < 0 ? -1 :
		     answer_locked(ws, f, item, &in, value, note ? note : "", hz, &last, lang, err);
		inspect_last_release(&last);
	}
	inspection_clear(&in);
	if (rc) {
		store_rollback(ws->store);
		return -1;
	}
	return store_commit(ws->store, err);
}

void inspect_answers_init(struct inspect_answers *a, const struct fc_inspection *in)
{
	struct fc_err err;

	a->l = (struct inspect_lookup){ .in = in };
	if (clock_today(a->today, &err))
		strcpy(a->today, "1970-01-01");
	inspect_view(&a->fa, &a->l, a->today);
	a->fa.lang = form_lang_locale(); /* jr:choice-name() in the reader's language */
}

/* Whether item (by name) applies given the stored answers: 1, 0, -1. */
static int applies(struct fc_workspace *ws, const struct form *f, const char *id,
		   const char *item, struct fc_err *err)
{
	struct inspect_answers a;
	struct inspect_last last;
	struct fc_inspection in;
	char inst[FC_UUID_LEN + 1];
	struct fc_err skip;
	size_t idx;
	int rel;

	if (inspection_get(ws->store, id, &in, err))
		return -1;
	if (inspect_key(f, &in, item, &idx, inst, form_lang_locale(), &skip)) {
		inspection_clear(&in);
		return 1; /* inspect_answer names what is wrong */
	}
	inspect_answers_init(&a, &in);
	inspect_answers_in(&a, f, idx, inst);
	rel = inspect_last_load(ws, f, &in, &last, err);
	inspect_answers_last(&a, &last);
	if (rel >= 0)
		rel = form_relevant(f, idx, &a.fa, err);
	inspect_last_release(&last);
	inspection_clear(&in);
	return rel;
}

/* A clash on a value fieldcheck stored (two laptops each drew a once(),
 * or each set what a trigger sets): nobody types it, so the value chosen
 * is kept as it is, among those the merge kept (kept.c). */
static int resolve_stored(struct fc_workspace *ws, const char *id, const char *item,
			  const char *value, const char *note, struct fc_err *err)
{
	struct fc_inspection in;
	const struct fc_answer **v;
	size_t n, k;
	int rc;

	if (inspect_begin_read(ws, id, &in, err))
		return -1;
	n = conflict_choices(&in, item, &v);
	for (k = 0; k < n && strcmp(v[k]->value, value); k++)
		;
	rc = in.status == INSP_FINAL ? inspection_require_draft(ws->store, id, err)
	     : k == n ? fc_fail(err, _("item “%s” is kept as computed: choose one of the values "
				     "kept, not '%.40s'"), item, value)
	     : inspection_clear_conflicts(ws->store, id, item, err) ||
	       inspection_set_answer(ws->store, &ws->me, id, item, value, note ? note : "", err);
	free(v);
	inspection_clear(&in);
	if (rc) {
		store_rollback(ws->store);
		return -1;
	}
	return store_commit(ws->store, err);
}

int inspect_resolve(struct fc_workspace *ws, const struct form *f, const char *id,
		    const char *item, const char *value, const char *note,
		    const struct inspect_hazard *hz, struct form_lang lang, struct fc_err *err)
{
	int rel, k = inspect_key_item(f, item);

	if (k >= 0 && form_item_stored(&f->items[k]))
		return resolve_stored(ws, id, item, value, note, err);
	if (store_begin(ws->store, err))
		return -1;
	rel = applies(ws, f, id, item, err);
	/* A clash on an item that no longer applies resolves to no answer:
	 * such an item keeps none. */
	if (rel < 0 || inspection_clear_conflicts(ws->store, id, item, err) ||
	    (rel ? inspect_answer(ws, f, id, item, value, note ? note : "", hz, lang, err)
		 : inspection_clear_answer(ws->store, id, item, err))) {
		store_rollback(ws->store);
		return -1;
	}
	return store_commit(ws->store, err);
}
