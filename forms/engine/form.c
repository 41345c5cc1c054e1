/* form.c - a loaded form: freeing it and reading it (see form.h). */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/load_impl.h"

static void text_release(struct form_text *t)
{
	size_t k;

	for (k = 0; k < t->n; k++)
		free(t->tr[k].s);
	free(t->tr);
}

static void item_release(struct form_item *it)
{
	free(it->name);
	free(it->xls_name);
	text_release(&it->label);
	text_release(&it->hint);
	text_release(&it->required_message);
	text_release(&it->constraint_message);
	text_release(&it->legal_basis);
	free(it->dept);
	form_expr_free(it->required);
	form_expr_free(it->relevant);
	form_expr_free(it->constraint);
	form_expr_free(it->calculation);
	form_expr_free(it->choice_filter);
	form_expr_free(it->repeat_count);
	free(it->triggers);
	free(it->default_value);
	free(it->appearance);
	free(it->hazard_if);
}

static void list_release(struct form_list *l, size_t n_cols)
{
	size_t i, k;

	for (i = 0; i < l->n; i++) {
		free(l->choices[i].name);
		text_release(&l->choices[i].label);
		for (k = 0; l->choices[i].attrs && k < n_cols; k++)
			free(l->choices[i].attrs[k]);
		free(l->choices[i].attrs);
		for (k = 0; l->choices[i].props && k < l->n_cols; k++)
			free(l->choices[i].props[k]);
		free(l->choices[i].props);
	}
	free(l->choices);
	free(l->name);
	for (k = 0; k < l->n_cols; k++)
		free(l->cols[k]);
	free(l->cols);
}

void form_free(struct form *f)
{
	size_t i, k;

	if (!f)
		return;
	for (i = 0; i < f->n_items; i++)
		item_release(&f->items[i]); /* the expressions before their connection */
	free(f->items);
	for (i = 0; i < f->n_lists; i++)
		list_release(&f->lists[i], f->n_choice_cols);
	free(f->lists);
	for (i = 0; i < f->n_files; i++) {
		free(f->files[i].name);
		free(f->files[i].csv);
		for (k = 0; k < f->files[i].n_lists; k++)
			list_release(&f->files[i].list[k], f->n_choice_cols);
		free(f->files[i].list);
	}
	free(f->files);
	for (i = 0; i < f->n_choice_cols; i++)
		free(f->choice_cols[i]);
	free(f->choice_cols);
	free(f->odk_version);
	if (f->engine) {
		expr_db_close(f->engine->db);
		free(f->engine->by_name);
		free(f->engine->shared);
		free(f->engine);
	}
	free(f->id);
	form_problems_release(&f->warnings);
	text_release(&f->title);
	text_release(&f->note);
	lang_release(f);
	free(f->origin);
	free(f->survey_csv);
	free(f->choices_csv);
	free(f->settings_csv);
	free(f);
}

size_t form_count_checks(const struct form *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->n_items; i++)
		n += f->items[i].type == FT_CHECK;
	return n;
}

int form_item_answerable(const struct form_item *it)
{
	return it->type != FT_NOTE && it->type != FT_BEGIN_GROUP && it->type != FT_END_GROUP &&
	       it->type != FT_CALCULATE && it->type != FT_META &&
	       it->type != FT_BEGIN_REPEAT && it->type != FT_END_REPEAT && !it->computed &&
	       it->type != FT_HIDDEN && !it->missing_file;
}

int form_no_answer(const struct form *f, const struct form_item *it, struct form_lang lang,
		   struct fc_err *err)
{
	const char *label = form_item_label(f, it, lang);

	if (it->computed)
		return fc_fail(err, _("item “%s” takes no answer: its value is computed (%s)"),
			       label, form_expr_source(it->calculation));
	if (it->missing_file)
		return fc_fail(err, _("item “%s” cannot be answered: its choices file %s was not "
				      "beside the form when it was added (a version of the form "
				      "with the file will ask it)"), label, it->list->name);
	return fc_fail(err, _("item “%s” takes no answer"), label);
}

size_t form_count_questions(const struct form *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->n_items; i++)
		n += form_item_answerable(&f->items[i]);
	return n;
}

const char *form_type_name(enum form_type t)
{
	switch (t) {
	case FT_TEXT: return "text";
	case FT_INTEGER: return "integer";
	case FT_DECIMAL: return "decimal";
	case FT_DATE: return "date";
	case FT_SELECT_ONE: return "select_one";
	case FT_SELECT_MULTIPLE: return "select_multiple";
	case FT_NOTE: return "note";
	case FT_BEGIN_GROUP: return "begin_group";
	case FT_END_GROUP: return "end_group";
	case FT_CHECK: return "check";
	case FT_CALCULATE: return "calculate";
	case FT_META: return "metadata";
	case FT_GEOPOINT: return "geopoint";
	case FT_MEDIA: return "media";
	case FT_TIME: return "time";
	case FT_DATETIME: return "dateTime";
	case FT_BEGIN_REPEAT: return "begin_repeat";
	case FT_END_REPEAT: return "end_repeat";
	case FT_ACKNOWLEDGE: return "acknowledge";
	case FT_HIDDEN: return "hidden";
	case FT_RANGE: return "range";
	case FT_GEOTRACE: return "geotrace";
	case FT_GEOSHAPE: return "geoshape";
	case FT_RANK: return "rank";
	}
	return "?";
}

const char *form_hazard_name(enum hazard_severity s)
{
	return s == SEV_GENERAL ? "general" : s == SEV_MAJOR ? "major" : "";
}

static const char *const measure_names[MEASURE_COUNT] = {
	"", "stop_loading", "stop_work", "evacuate", "stop_use",
};

static const char *const measure_texts[MEASURE_COUNT] = {
	"",
	N_("Stop filling and loading: the vehicle must not be filled or loaded"),
	N_("Stop the work at once"),
	N_("Evacuate the people from the danger area"),
	N_("Stop using the facility or equipment concerned"),
};

const char *form_measure_name(enum form_measure m)
{
	return m > MEASURE_NONE && m < MEASURE_COUNT ? measure_names[m] : "";
}

const char *form_measure_text(enum form_measure m)
{
	return m > MEASURE_NONE && m < MEASURE_COUNT ? measure_texts[m] : "";
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

int form_same_files(const struct form *a, const struct form *b)
{
	const struct form_csv_file *o;
	size_t k;

	if (a->n_files != b->n_files)
		return 0;
	for (k = 0; k < a->n_files; k++)
		if (!(o = form_file_find(b, a->files[k].name)) || o->len != a->files[k].len ||
		    o->missing != a->files[k].missing ||
		    (o->len && memcmp(o->csv, a->files[k].csv, o->len)))
			return 0;
	return same_text(a->survey_csv, b->survey_csv) &&
	       same_text(a->choices_csv, b->choices_csv) &&
	       same_text(a->settings_csv, b->settings_csv);
}
