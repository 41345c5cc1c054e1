/* dyn_choices.c - select_one ${q} / select_multiple ${q}: a select whose
 * choices are the answers q has in the instances of its repeat.
 *
 * pyxform writes its itemset as /data/rep[./q != ''] with q as value and
 * label: the choices are q's values, not empty, in the live instances of
 * q's repeat the select sees (a repeat nested in another: those under the
 * select's instance of the outer one, as form_each_instance gives them),
 * in order; a value two instances share is offered once.  A choice_filter
 * is tried in each instance: q's repeat's items, bare names and
 * position() read the instance tried, the rest the select's own
 * (form_dyn_kept, eval.c), as pyxform rewrites ${age} to ./age.
 *
 * An answer is checked against the choices when given; one that stops
 * being a choice later (its instance removed, q changed) stays as
 * recorded, and form_check_value, which finalizing runs, says so.  A
 * select_multiple's answer joins choices with spaces: a value holding one
 * is never offered there, and one typed is refused saying why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/survey_impl.h"

/* At load: "${q}" (list) of select i names an item with a value inside a
 * repeat; its choice_filter compiles with bare names as that repeat's
 * items.  Reported at the type (or filter) cell if not. */
void survey_link_dyn(struct loader *ld, struct survey *sv, size_t i, const char *list)
{
	struct form_item *it = &ld->f->items[i];
	const char *src = sheet_get(&sv->sh, sv->row[i], S_CHOICE_FILTER, SLOT_PLAIN);
	char name[NAME_MAX_LEN + 1];
	size_t n = strlen(list) - 3;
	struct fc_err err;
	int q;

	memcpy(name, list + 2, n);
	name[n] = '\0';
	q = form_item_index(ld->f, name);
	if (form_xls_name_shared(ld->f, name))
		q = XP_AMBIGUOUS;
	if (q < 0 || form_item_kind(&ld->f->items[q]) == XK_NONE ||
	    ld->f->items[q].repeat < 0 || (size_t)q == i) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_TYPE, SLOT_PLAIN, "%s: %s",
			      list, q == XP_AMBIGUOUS ? "the name is used in several groups: "
			      "refer to an item whose name is unique" : q < 0 ?
			      "no item of this form has that name" : (size_t)q == i ?
			      "a select cannot offer its own answers" :
			      form_item_kind(&ld->f->items[q]) == XK_NONE ? "a group has no "
			      "value to choose" : "the item is not inside a repeat (such a "
			      "select offers the answers an item has in the instances of its "
			      "repeat)");
		return;
	}
	it->choices_of = q + 1;
	if (!*src)
		return;
	if (!ld->f->engine)
		return; /* no expressions at all: reported already */
	ld->f->engine->at = (int)i + 1;
	it->choice_filter = form_expr_compile_dyn_filter(ld->f, src, form_item_kind(it),
							 (size_t)ld->f->items[q].repeat, &err);
	ld->f->engine->at = 0;
	if (!it->choice_filter) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_CHOICE_FILTER, SLOT_PLAIN, "%s: %s",
			      sv->sh.cols[S_CHOICE_FILTER].name, err.msg);
		return;
	}
	if (it->choice_filter->unread)
		sheet_problem(ld, &sv->sh, sv->row[i], S_CHOICE_FILTER, SLOT_PLAIN, "%s: '%s' is "
			      "no item of the repeat %s is in (a bare name reads the item of "
			      "the instance whose answer is tried)",
			      sv->sh.cols[S_CHOICE_FILTER].name, it->choice_filter->unread, list);
	free(it->choice_filter->unread);
	free(it->choice_filter->warning);
	it->choice_filter->unread = it->choice_filter->warning = NULL;
}

struct gather {
	const struct form *f;
	size_t i;
	const struct form_answers *a;
	int spaced;             /* keep values holding a space (select_multiple) */
	struct form_list *out;
	size_t alloc;
	struct fc_err *err;
};

static int has(const struct form_list *l, const char *v)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		if (!strcmp(l->choices[k].name, v))
			return 1;
	return 0;
}

/* One instance: q's value there, if the choice_filter keeps it. */
static int gather_one(void *arg, const struct form_answers *in)
{
	struct gather *g = arg;
	const struct form_item *it = &g->f->items[g->i];
	struct form_choice *c;
	char *v = NULL;
	int r;

	if (form_value(g->f, (size_t)it->choices_of - 1, in, &v, g->err))
		return -1;
	if (!v || !*v || (!g->spaced && it->type == FT_SELECT_MULTIPLE && strchr(v, ' ')) ||
	    has(g->out, v)) {
		free(v);
		return 0;
	}
	if ((r = form_dyn_kept(g->f, g->i, g->a, in, g->err)) != 1) {
		free(v);
		return r;
	}
	ALLOC_GROW(g->out->choices, g->out->n + 1, g->alloc);
	c = &g->out->choices[g->out->n++];
	memset(c, 0, sizeof *c);
	c->name = v;
	c->label.tr = xcalloc(1, sizeof *c->label.tr);
	c->label.tr->lang = FORM_LANG_PLAIN;
	c->label.tr->s = xstrdup(v);
	c->label.n = 1;
	return 0;
}

static int gather(const struct form *f, size_t i, const struct form_answers *a, int spaced,
		  struct form_list *out, struct fc_err *err)
{
	struct gather g = { f, i, a, spaced, out, 0, err };
	const struct form_item *it = &f->items[i];

	memset(out, 0, sizeof *out);
	if (!it->choices_of || !a)
		return 0;
	if (form_each_instance(f, (size_t)f->items[it->choices_of - 1].repeat, a, gather_one,
			       &g)) {
		form_dyn_release(out);
		return -1;
	}
	return 0;
}

int form_dyn_choices(const struct form *f, size_t i, const struct form_answers *a,
		     struct form_list *out, struct fc_err *err)
{
	if (i >= f->n_items)
		return fc_fail(err, _("form %s has no item number %zu"), f->id, i);
	return gather(f, i, a, 0, out, err);
}

void form_dyn_release(struct form_list *l)
{
	size_t k;

	for (k = 0; k < l->n; k++) {
		free(l->choices[k].name);
		free(l->choices[k].label.tr->s);
		free(l->choices[k].label.tr);
	}
	free(l->choices);
	memset(l, 0, sizeof *l);
}

/* The choices, quoted and joined by ", " (at most a line's worth). */
static void name_choices(const struct form_list *l, struct strbuf *sb)
{
	size_t k;

	for (k = 0; k < l->n && sb->len < 160; k++)
		strbuf_addf(sb, "%s'%.40s'", k ? ", " : "", l->choices[k].name);
	if (k < l->n)
		strbuf_adds(sb, ", ...");
}

/* A value no longer (or never) among the choices: what they are now. */
static int not_offered(const struct form *f, size_t i, const char *v, const struct form_list *l,
		       struct form_lang lang, struct fc_err *err)
{
	const struct form_item *q = &f->items[f->items[i].choices_of - 1];
	struct strbuf sb;
	int rc;

	if (!l->n)
		return fc_fail(err, _("'%.60s' is not among the choices of “%s”: given the "
				      "answers so far there are none (they are the answers to "
				      "“%s” in its repeat's instances)"), v,
			       form_item_label(f, &f->items[i], lang), form_item_label(f, q, lang));
	strbuf_init(&sb);
	name_choices(l, &sb);
	rc = fc_fail(err, _("'%.60s' is not among the choices of “%s”, the answers to “%s” "
			    "in its repeat's instances: %s"), v,
		     form_item_label(f, &f->items[i], lang), form_item_label(f, q, lang), sb.buf);
	strbuf_release(&sb);
	return rc;
}

/* A select_multiple's value: each space-separated choice once, each among
 * the choices; a value holding a space is named as what it cannot take. */
static int check_many(const struct form *f, size_t i, const char *value,
		      const struct form_answers *a, const struct form_list *l,
		      struct form_lang lang, struct fc_err *err)
{
	struct form_list all;
	char w[CHOICE_NAME_MAX + 1];
	const char *p = value, *o;
	size_t n, k;
	int rc = 0;

	for (; !rc && *(p += strspn(p, " ")); p += n) {
		n = strcspn(p, " ");
		snprintf(w, sizeof w, "%.*s", (int)(n < CHOICE_NAME_MAX ? n : CHOICE_NAME_MAX), p);
		for (o = value; o < p; o += strcspn(o, " "))
			if (*(o += strspn(o, " ")) && o < p && strcspn(o, " ") == n &&
			    !memcmp(o, p, n))
				return fc_fail(err, _("'%s' is chosen twice"), w);
		if (n <= CHOICE_NAME_MAX && has(l, w))
			continue;
		if (gather(f, i, a, 1, &all, err))
			return -1;
		for (k = 0; k < all.n && !strchr(all.choices[k].name, ' '); k++)
			;
		if (k < all.n)
			rc = fc_fail(err, _("'%s' is not among the choices of “%s”; its answer "
					    "separates choices with spaces, so an answer holding "
					    "one, such as '%.60s', cannot be chosen"), w,
				     form_item_label(f, &f->items[i], lang), all.choices[k].name);
		else
			rc = not_offered(f, i, w, l, lang, err);
		form_dyn_release(&all);
	}
	return rc;
}

int form_dyn_check(const struct form *f, size_t i, const char *value,
		   const struct form_answers *a, struct form_lang lang, struct fc_err *err)
{
	struct form_list l;
	int rc;

	if (form_dyn_choices(f, i, a, &l, err))
		return -1;
	if (f->items[i].type == FT_SELECT_MULTIPLE)
		rc = check_many(f, i, value, a, &l, lang, err);
	else
		rc = has(&l, value) ? 0 : not_offered(f, i, value, &l, lang, err);
	form_dyn_release(&l);
	return rc;
}
