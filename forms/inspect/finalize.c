/* finalize.c - what finalizing wants (see inspect.h): every required item
 * that applies answered, in every live instance of a repeat, as many
 * instances as a repeat_count asks for, every answer from a repeat's
 * answers still one of them (stale_choices.c), no conflict, a team big enough;
 * and the list of what is missing, for the review and the command line. */
#include "inspect.h"
#include "instances.h"
#include "visit.h"
#include "inspect_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/inspection.h"
#include "core/store.h"
#include "core/strbuf.h"

/* One required item left unanswered: the item, and inside a repeat the
 * instance's position (0 outside). */
/* Whether item i, in instance inst ("" outside repeats), is required,
 * relevant and unanswered: 1, 0, -1 with err. */
static int missing_one(const struct form *f, size_t i, const char *inst, struct form_answers *fa,
		       struct inspect_lookup *l, struct fc_err *err)
{
	char key[MAX_ITEM_KEY + 1];
	int rel, req;

	snprintf(key, sizeof key, *inst ? "%s@%s" : "%s", f->items[i].name, inst);
	if (f->items[i].type == FT_MEDIA ? inspect_lookup_file(l, key) != NULL :
	    inspect_lookup_get(l, key) != NULL)
		return 0;
	inspect_view_in(fa, l, f, i, inst);
	if ((rel = form_relevant(f, i, fa, err)) < 0 || !rel)
		return rel;
	req = form_required(f, i, fa, err);
	return req;
}

static int missing_of(const struct form *f, const struct fc_inspection *in,
		      const struct inspect_last *last, struct inspect_missing **out,
		      size_t *n_out, struct fc_err *err)
{
	struct inspect_lookup l = { .in = in, .last = last && last->have ? &last->in : NULL };
	char today[FC_DATE_LEN + 1];
	struct form_answers fa;
	size_t i, k, n_inst, alloc = 0;

	*out = NULL;
	*n_out = 0;
	if (clock_today(today, err))
		return -1;
	inspect_view(&fa, &l, today);
	for (i = 0; i < f->n_items; i++) {
		struct inspect_instance *v = NULL;
		struct inspect_instance none = { "", "", 0, "", 0 };
		int r;
		if (!form_item_answerable(&f->items[i]))
			continue;
		n_inst = f->items[i].repeat < 0 ? 1 :
			 inspect_instances(f, in, (size_t)f->items[i].repeat, NULL, 0, &v);
		for (k = 0; k < n_inst; k++) {
			r = missing_one(f, i, v ? v[k].uuid : none.uuid, &fa, &l, err);
			if (r < 0) {
				free(v);
				free(*out);
				*out = NULL;
				return -1;
			}
			if (!r)
				continue;
			ALLOC_GROW(*out, *n_out + 1, alloc);
			(*out)[*n_out].idx = i;
			snprintf((*out)[*n_out].instance, sizeof (*out)[*n_out].instance, "%s",
				 v ? v[k].uuid : "");
			(*out)[(*n_out)++].pos = v ? inspect_instance_position(f, in,
						(size_t)f->items[i].repeat, v[k].uuid) : 0;
		}
		free(v);
	}
	return 0;
}

int inspect_missing(struct fc_workspace *ws, const struct form *f, const char *id,
		    struct inspect_missing **out, size_t *n_out, struct fc_err *err)
{
	struct fc_inspection in;
	int rc;

	*out = NULL;
	*n_out = 0;
	struct inspect_last last;

	if (inspection_get(ws->store, id, &in, err))
		return -1;
	rc = inspect_last_load(ws, f, &in, &last, err) < 0 ? -1 :
	     missing_of(f, &in, &last, out, n_out, err);
	inspect_last_release(&last);
	inspection_clear(&in);
	return rc;
}

/* The label of the first clashing item (its name when the form lacks it). */
static const char *conflict_label(const struct form *f, const struct fc_inspection *in,
				  struct form_lang lang)
{
	int idx = form_item_index(f, in->conflicts[0].item);

	return idx < 0 ? in->conflicts[0].item : form_item_label(f, &f->items[idx], lang);
}

void inspect_items_text(const struct form *f, const size_t *idx, size_t n, struct form_lang lang,
			int with_names, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < n && i < 20; i++) {
		const struct form_item *it = &f->items[idx[i]];
		/* TRANSLATORS: the separator between items in a list */
		strbuf_adds(out, i ? _(", ") : "");
		strbuf_adds(out, form_item_label(f, it, lang));
		if (with_names && strcmp(form_item_label(f, it, lang), it->name))
			strbuf_addf(out, " (%s)", it->name);
	}
	if (n > 20)
		strbuf_addf(out, _(", and %zu more"), n - 20);
}

/* The unanswered items as a person reads them: "Plate (Vehicle 2)",
 * "Seal (Compartment 1) (Vehicle 2)". */
static void missing_text(const struct form *f, const struct fc_inspection *in,
			 const struct inspect_missing *m, size_t n, struct form_lang lang,
			 struct strbuf *out)
{
	char key[MAX_ITEM_KEY + 1];
	size_t i;

	for (i = 0; i < n && i < 20; i++) {
		strbuf_adds(out, i ? _(", ") : "");
		snprintf(key, sizeof key, *m[i].instance ? "%s@%s" : "%s",
			 f->items[m[i].idx].name, m[i].instance);
		inspect_key_label(f, in, key, lang, out);
	}
	if (n > 20)
		strbuf_addf(out, _(", and %zu more"), n - 20);
}

/* Repeat r has as many live instances inside instance `parent` (of the
 * repeat r is in; "" for none) as its repeat_count asks for there, when
 * it applies there.  0, or -1 with err. */
static int repeat_count_met(const struct form *f, const struct fc_inspection *in, size_t r,
			    const char *parent, struct form_lang lang, struct fc_err *err)
{
	struct inspect_answers a;
	struct inspect_instance *v;
	size_t want, live;
	int rel, has;

	inspect_answers_init(&a, in);
	if (f->items[r].repeat >= 0)
		inspect_answers_in(&a, f, (size_t)f->items[r].repeat, parent);
	if ((rel = form_relevant(f, r, &a.fa, err)) <= 0)
		return rel;  /* not its repeat_count, which may read what is not answered */
	if ((has = form_repeat_count(f, r, &a.fa, &want, err)) < 0)
		return -1;
	live = inspect_instances(f, in, r, parent, 0, &v);
	free(v);
	if (has && live != want)
		return fc_fail(err, _("cannot finalize: “%s” has %zu instances; its "
				      "repeat_count asks for %zu"),
			       form_item_label(f, &f->items[r], lang), live, want);
	return 0;
}

/* Every repeat that applies has as many live instances as its
 * repeat_count asks for, a nested one in every live instance of the one
 * it is in.  0, or -1 with err. */
static int repeat_counts_met(const struct form *f, const struct fc_inspection *in,
			     struct form_lang lang, struct fc_err *err)
{
	struct inspect_instance *v;
	size_t i, k, n;
	int rc = 0;

	for (i = 0; i < f->n_items && !rc; i++) {
		if (f->items[i].type != FT_BEGIN_REPEAT)
			continue;
		if (f->items[i].repeat < 0) {
			rc = repeat_count_met(f, in, i, "", lang, err);
			continue;
		}
		n = inspect_instances(f, in, (size_t)f->items[i].repeat, NULL, 0, &v);
		for (k = 0; k < n && !rc; k++)
			rc = repeat_count_met(f, in, i, v[k].uuid, lang, err);
		free(v);
	}
	return rc;
}

static int checks(const struct form *f, const struct fc_inspection *in,
		  const struct inspect_last *last, struct form_lang lang, struct fc_err *err)
{
	struct inspect_missing *miss;
	struct strbuf sb;
	size_t n;

	if (in->n_conflicts)
		return fc_fail(err, _("cannot finalize: item “%s” has conflicting answers from two "
				      "devices; choose one first"), conflict_label(f, in, lang));
	if (missing_of(f, in, last, &miss, &n, err))
		return -1;
	if (n == 0) {
		free(miss);
		if (repeat_counts_met(f, in, lang, err) || inspect_stale_choices(f, in, lang, err))
			return -1;
		if (in->n_team < insp_type_min_team(in->type))
			return fc_fail(err, in->type == INSP_JOINT ?
				       _("a joint inspection needs at least two officers "
					 "(enforcement is done in pairs); add one to the team") :
				       _("an unannounced inspection needs at least two officers "
					 "(enforcement is done in pairs); add one to the team"));
		return 0;
	}
	strbuf_init(&sb);
	missing_text(f, in, miss, n, lang, &sb);
	fc_fail(err, ngettext("cannot finalize: %zu required item unanswered: %s",
			      "cannot finalize: %zu required items unanswered: %s", n), n, sb.buf);
	strbuf_release(&sb);
	free(miss);
	return -1;
}

int inspect_finalize_checks(const struct form *f, const struct fc_inspection *in,
			    struct form_lang lang, struct fc_err *err)
{
	return checks(f, in, NULL, lang, err);
}

int inspect_finalize(struct fc_workspace *ws, const struct form *f, const char *id,
		     struct form_lang lang, struct fc_err *err)
{
	struct inspect_last last = { .have = 0 };
	struct fc_inspection in;
	int rc;

	if (inspect_begin_read(ws, id, &in, err))
		return -1;
	rc = in.status == INSP_FINAL ? inspection_require_draft(ws->store, id, err)
	     : inspect_last_load(ws, f, &in, &last, err) < 0 ? -1
	     : checks(f, &in, &last, lang, err) ? -1 : inspection_finalize(ws->store, id, err);
	inspect_last_release(&last);
	inspection_clear(&in);
	if (rc) {
		store_rollback(ws->store);
		return -1;
	}
	return store_commit(ws->store, err);
}
