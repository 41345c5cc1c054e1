/* refs.c - the survey checks that need every item and list to exist:
 * the list of each select, every expression (compiled now so a bad one is
 * reported when the form loads, not when an inspector reaches the item),
 * every default value, and the ${name} a label, hint or message shows.
 */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/survey_impl.h"

static const struct form_list *find_list(const struct form *f, const char *name)
{
	size_t lo = 0, hi = f->n_lists;

	while (lo < hi) { /* choices.c leaves the lists sorted by name */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(f->lists[mid].name, name);
		if (c == 0)
			return &f->lists[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* or_other, as pyxform does it: the list gains a choice "other" (labelled
 * "Other" in the reader's language) unless it has one, for every select of
 * the list, since the list is one.  Refused with a choice_filter, as
 * pyxform refuses it ("Choice filter not supported with or_other"). */
static void add_other_choice(struct loader *ld, struct survey *sv, size_t i)
{
	static const char other_label[] = N_("Other");
	struct form *f = ld->f;
	struct form_list *l = &f->lists[ld->f->items[i].list - f->lists];
	struct form_choice *c;
	size_t k;

	if (*sheet_get(&sv->sh, sv->row[i], S_CHOICE_FILTER, SLOT_PLAIN)) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_CHOICE_FILTER, SLOT_PLAIN,
			      "or_other with a choice_filter is not supported (nor by "
			      "pyxform): add an 'other' choice to the list instead");
		return;
	}
	for (k = 0; k < l->n; k++)
		if (!strcmp(l->choices[k].name, "other"))
			return; /* the list's own "other" (or another select's) */
	l->choices = xreallocarray(l->choices, l->n + 1, sizeof *l->choices);
	c = &l->choices[l->n++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup("other");
	c->label.msgid = other_label;
	c->attrs = xcalloc(f->n_choice_cols + 1, sizeof *c->attrs);
	for (k = 0; k < f->n_choice_cols; k++)
		c->attrs[k] = xstrdup("");
}

/* A select_multiple's answer is its choices' names joined by spaces, so
 * none of them may hold one (a select_one's may, as in ODK). */
static void no_spaces(struct loader *ld, struct survey *sv, size_t i)
{
	const struct form_item *it = &ld->f->items[i];
	char q[QUOTE_SIZE];
	size_t k;

	if ((it->type != FT_SELECT_MULTIPLE && it->type != FT_RANK) || !it->list)
		return;
	for (k = 0; k < it->list->n; k++)
		if (strchr(it->list->choices[k].name, ' ')) {
			sheet_problem(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN, "choice '%s' "
				      "of list '%s' holds a space, which a %s cannot take "
				      "(its answer separates choices with spaces)",
				      load_quote(it->list->choices[k].name, q, sizeof q),
				      it->list->name, form_type_name(it->type));
			return;
		}
}

static void link_list(struct loader *ld, struct survey *sv, size_t i)
{
	struct form_item *it = &ld->f->items[i];
	const char *name = sv->list_name[i];

	if (!name)
		return;
	if (name[0] == '$') { /* select_one ${q}: q's answers in its repeat */
		survey_link_dyn(ld, sv, i, name);
		return;
	}
	if (it->from_file) {
		it->list = fromfile_list(ld, sv, i, name);
		no_spaces(ld, sv, i);
		return;
	}
	if (it->external) {
		it->list = external_list(ld, sv, i, name);
		return;
	}
	it->list = find_list(ld->f, name);
	if (!it->list && ld->choices_broken)
		return; /* choices.csv has a problem of its own already */
	if (!it->list)
		sheet_problem(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN,
			      "list '%s' is not in choices.csv%s", name,
			      ld->have_choices ? "" : " (there is no choices.csv)");
	else if (it->list->n == 0)
		sheet_problem(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN,
			      "list '%s' has no choices", name);
	else if (it->or_other)
		add_other_choice(ld, sv, i);
	no_spaces(ld, sv, i);
}

/* What expression e of column key of item i loads with but reads as
 * nothing (a lookup of a column a file lacks, a choice_filter's name of no
 * column): a warning at its cell. */
static void compiled_warning(struct loader *ld, struct survey *sv, size_t i, int key,
			     struct form_expr *e)
{
	if (e->warning)
		sheet_warning(ld, &sv->sh, sv->row[i], key, SLOT_PLAIN, "%s: %s",
			      sv->sh.cols[key].name, e->warning);
	if (e->unread)
		sheet_warning(ld, &sv->sh, sv->row[i], key, SLOT_PLAIN, "%s: '%s' is no "
			      "column of the choices: it reads as empty, as ODK reads a "
			      "child the choice does not have", sv->sh.cols[key].name, e->unread);
	free(e->warning);
	free(e->unread);
	e->warning = e->unread = NULL;
}

/* Notes on f that e reads a ${last-saved#x}. */
static void reads_last(struct form *f, const struct form_expr *e)
{
	size_t k;

	for (k = 0; e && k < e->n_params; k++)
		if (XP_PARAM_IS_LAST(e->params[k]))
			f->reads_last_saved = 1;
}

/* The choice_filter of select i, whose bare names are its list's columns. */
static void compile_filter(struct loader *ld, struct survey *sv, size_t i)
{
	struct form_item *it = &ld->f->items[i];
	const char *src = sheet_get(&sv->sh, sv->row[i], S_CHOICE_FILTER, SLOT_PLAIN);
	struct fc_err err;

	if (!*src)
		return;
	it->choice_filter = form_expr_compile_filter(ld->f, src, form_item_kind(it), it->list,
						     &err);
	if (!it->choice_filter)
		sheet_problem(ld, &sv->sh, sv->row[i], S_CHOICE_FILTER, SLOT_PLAIN, "%s: %s",
			      sv->sh.cols[S_CHOICE_FILTER].name, err.msg);
	else
		compiled_warning(ld, sv, i, S_CHOICE_FILTER, it->choice_filter);
	reads_last(ld->f, it->choice_filter);
}

/* Compiles column key of item i into *out (a value rather than a truth when
 * `value`), reporting a failure there. */
static void compile_as(struct loader *ld, struct survey *sv, size_t i, int key,
		       struct form_expr **out, int value)
{
	struct form_item *it = &ld->f->items[i];
	const char *src = sheet_get(&sv->sh, sv->row[i], key, SLOT_PLAIN);
	struct fc_err err;

	if (!*src)
		return;
	if (strstr(src, "pulldata("))
		pulldata_files(ld, sv, i, key);
	*out = form_expr_compile_as(ld->f, src, form_item_kind(it), value, &err);
	if (!*out)
		sheet_problem(ld, &sv->sh, sv->row[i], key, SLOT_PLAIN, "%s: %s",
			      sv->sh.cols[key].name, err.msg);
	else
		compiled_warning(ld, sv, i, key, *out);
	reads_last(ld->f, *out);
}

static void compile(struct loader *ld, struct survey *sv, size_t i, int key,
		    struct form_expr **out)
{
	compile_as(ld, sv, i, key, out, FORM_EXPR_TRUTH);
}

/* NAME_other is asked when its select has "other" (pyxform's relevance). */
static void compile_other(struct loader *ld, size_t i)
{
	struct form_item *it = &ld->f->items[i];
	char *src = xstrfmt("selected(${%s}, 'other')", ld->f->items[it->other_of - 1].name);
	struct fc_err err;

	it->relevant = form_expr_compile(ld->f, src, form_item_kind(it), &err);
	if (!it->relevant)
		load_problem(ld, FF_SURVEY, it->line, 1, "or_other: %s", err.msg);
	free(src);
}

/* A computed question's value is never typed, so what checks a typed one
 * is not applied to it: said, not silently dropped. */
static void computed_unchecked(struct loader *ld, struct survey *sv, size_t i)
{
	static const int keys[] = { S_REQUIRED, S_CONSTRAINT, S_DEFAULT };
	size_t k;

	for (k = 0; k < ARRAY_SIZE(keys); k++)
		if (*sheet_get(&sv->sh, sv->row[i], keys[k], SLOT_PLAIN) &&
		    (keys[k] != S_REQUIRED ||
		     load_yesno(sheet_get(&sv->sh, sv->row[i], keys[k], SLOT_PLAIN)) != 0))
			sheet_warning(ld, &sv->sh, sv->row[i], keys[k], SLOT_PLAIN, "%s is not "
				      "checked on '%s', whose value is its calculation (never typed)",
				      sv->sh.cols[keys[k]].name, ld->f->items[i].name);
}

static void compile_exprs(struct loader *ld, struct survey *sv, size_t i)
{
	struct form_item *it = &ld->f->items[i];
	const char *req = sheet_get(&sv->sh, sv->row[i], S_REQUIRED, SLOT_PLAIN);

	if (it->other_of) { /* the row is its select's */
		compile_other(ld, i);
		return;
	}
	if (it->type != FT_END_GROUP && it->type != FT_END_REPEAT)
		compile(ld, sv, i, S_RELEVANT, &it->relevant);
	if (it->type == FT_BEGIN_REPEAT)
		compile_as(ld, sv, i, S_REPEAT_COUNT, &it->repeat_count, FORM_EXPR_VALUE);
	if (it->type == FT_CALCULATE || it->computed || it->triggered)
		compile_as(ld, sv, i, S_CALCULATION, &it->calculation, FORM_EXPR_VALUE);
	if (it->calculation)
		it->once = it->calculation->once;
	if (it->repeat_count && it->repeat_count->once)
		sheet_problem(ld, &sv->sh, sv->row[i], S_REPEAT_COUNT, SLOT_PLAIN, "repeat_count: "
			      "once() keeps a calculation's value, not a repeat's count");
	survey_link_triggers(ld, sv, i);
	if (it->computed)
		computed_unchecked(ld, sv, i);
	if ((it->type == FT_SELECT_ONE || it->type == FT_SELECT_MULTIPLE) && !it->missing_file &&
	    !(sv->list_name[i] && sv->list_name[i][0] == '$')) /* survey_link_dyn's */
		compile_filter(ld, sv, i); /* a missing file's list has no columns */
	if (!form_item_answerable(it))
		return;
	compile(ld, sv, i, S_CONSTRAINT, &it->constraint);
	if (load_yesno(req) < 0)
		compile(ld, sv, i, S_REQUIRED, &it->required);
}

/* Whether a default is ${last-saved#NAME}, and only that: NAME's index
 * (reported when it names no item with a value), -1 when it is not. */
static int last_saved(struct loader *ld, struct survey *sv, size_t i, const char *v)
{
	char name[NAME_MAX_LEN + sizeof XP_LAST_SAVED];
	size_t n = strlen(v), ls = strlen(XP_LAST_SAVED);
	int idx;

	if (n < ls + 4 || n - 3 >= sizeof name || strncmp(v, "${" XP_LAST_SAVED, ls + 2) ||
	    v[n - 1] != '}')
		return -1;
	memcpy(name, v + 2 + ls, n - 3 - ls);
	name[n - 3 - ls] = '\0';
	idx = form_item_index(ld->f, name);
	if (idx < 0 || form_item_kind(&ld->f->items[idx]) == XK_NONE) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_DEFAULT, SLOT_PLAIN, "default: ${%s%s} "
			      "is not an item with a value", XP_LAST_SAVED, name);
		return -2;
	}
	return idx;
}

/* Whether v is the text pyxform gives a workbook's date cell, "YYYY-MM-DD
 * HH:MM:SS" and maybe ".ffffff" (forms/engine/xlsx_date.c). */
static int is_excel_datetime(const char *v)
{
	static const char shape[] = "dddd-dd-dd dd:dd:dd";
	size_t i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? v[i] < '0' || v[i] > '9' : v[i] != shape[i])
			return 0;
	return !v[i] || (v[i] == '.' && v[i + 1] && !v[i + 1 + strspn(v + i + 1, "0123456789")]);
}

/* A date cell in a workbook's default column reaches the form as pyxform
 * writes it, "2024-03-27 00:00:00": a date question takes its date, as ODK
 * reads a date default's date part (a time other than midnight is said
 * not to be used), a dateTime question the same with ODK's T. */
static void excel_date_default(struct loader *ld, struct survey *sv, size_t i)
{
	struct form_item *it = &ld->f->items[i];
	char *v = it->default_value;

	if ((it->type != FT_DATE && it->type != FT_DATETIME) || !is_excel_datetime(v))
		return;
	if (it->type == FT_DATETIME) {
		v[FC_DATE_LEN] = 'T';
		return;
	}
	if (strcmp(v + FC_DATE_LEN + 1, "00:00:00"))
		sheet_warning(ld, &sv->sh, sv->row[i], S_DEFAULT, SLOT_PLAIN, "default: '%s' "
			      "is a date and a time: the date question takes %.10s, not the time",
			      v, v);
	v[FC_DATE_LEN] = '\0';
}

static void check_default(struct loader *ld, struct survey *sv, size_t i)
{
	struct form_item *it = &ld->f->items[i];
	struct fc_err err;
	int last;

	if (!it->default_value || !form_item_answerable(it))
		return;
	if ((last = last_saved(ld, sv, i, it->default_value)) != -1) {
		/* ODK's value of the form's last saved record: the inspection's
		 * layer looks it up (form_answers.last_saved), form_offer offers it */
		it->default_last = last + 1;
		ld->f->reads_last_saved = 1;
		free(it->default_value);
		it->default_value = NULL;
		return;
	}
	if ((it->type == FT_SELECT_ONE || it->type == FT_SELECT_MULTIPLE) &&
	    (!it->list || !it->list->n))
		return; /* already reported */
	excel_date_default(ld, sv, i);
	if (form_check_type(it, it->default_value, &err) &&
	    (it->type == FT_SELECT_ONE || it->type == FT_SELECT_MULTIPLE)) {
		/* pyxform does not check it (ODK shows no choice chosen) */
		sheet_warning(ld, &sv->sh, sv->row[i], S_DEFAULT, SLOT_PLAIN, "default: %s: "
			      "it is not used", err.msg);
		free(it->default_value);
		it->default_value = NULL;
	} else if (form_check_type(it, it->default_value, &err)) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_DEFAULT, SLOT_PLAIN, "default: %s",
			      err.msg);
	}
}

/* Every ${name} in a text column of item i names an item with a value:
 * labels, hints and messages show it (form_fill). */
static void check_text_refs(struct loader *ld, struct survey *sv, size_t i)
{
	static const int keys[] = { S_LABEL, S_HINT, S_REQUIRED_MSG, S_CONSTRAINT_MSG };
	char colname[QUOTE_SIZE], buf[NAME_MAX_LEN + sizeof XP_LAST_SAVED], *name;
	size_t k, n;
	int s, idx;

	for (k = 0; k < ARRAY_SIZE(keys); k++)
		for (s = 0; s < SLOT_COUNT; s++) {
			const char *v = sheet_get(&sv->sh, sv->row[i], keys[k], (enum sheet_slot)s);
			while ((v = strstr(v, "${")) != NULL) {
				const char *end = strchr(v + 2, '}');
				n = end ? (size_t)(end - v - 2) : 0;
				if (!end || n == 0 || n >= sizeof buf) {
					sheet_problem(ld, &sv->sh, sv->row[i], keys[k],
						      (enum sheet_slot)s, "%s: '${' without a name and "
						      "its closing '}'", sheet_col_name(&sv->sh, keys[k],
						      (enum sheet_slot)s, colname, sizeof colname));
					break;
				}
				memcpy(buf, v + 2, n);
				buf[n] = '\0';
				name = buf + form_last_saved_prefix(buf); /* its value then */
				ld->f->reads_last_saved |= name != buf;
				idx = form_item_index(ld->f, name);
				if (form_xls_name_shared(ld->f, name))
					sheet_problem(ld, &sv->sh, sv->row[i], keys[k],
						      (enum sheet_slot)s, "%s: ${%s} names more "
						      "than one item (the name is used in several "
						      "groups)", sheet_col_name(&sv->sh, keys[k],
						      (enum sheet_slot)s, colname, sizeof colname),
						      name);
				else if (idx < 0 || form_item_kind(&ld->f->items[idx]) == XK_NONE)
					sheet_problem(ld, &sv->sh, sv->row[i], keys[k],
						      (enum sheet_slot)s, "%s: ${%s} is not an item "
						      "with a value", sheet_col_name(&sv->sh, keys[k],
						      (enum sheet_slot)s, colname, sizeof colname),
						      load_name_ok(name) ? name : "...");
				v = end + 1;
			}
		}
}

void survey_link_refs(struct loader *ld, struct survey *sv)
{
	size_t i;

	for (i = 0; i < ld->f->n_items; i++) {
		link_list(ld, sv, i); /* every list first: a lookup reads any */
		survey_check_hazard_if(ld, sv, i);
	}
	for (i = 0; i < ld->f->n_items; i++) {
		if (ld->f->engine) /* relative paths start there */
			ld->f->engine->at = (int)i + 1;
		compile_exprs(ld, sv, i);
		if (ld->f->engine)
			ld->f->engine->at = 0;
		check_default(ld, sv, i);
		if (!ld->f->items[i].other_of)
			check_text_refs(ld, sv, i);
	}
}
