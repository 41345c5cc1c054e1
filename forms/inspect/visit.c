/* visit.c - an inspection's items in reading order, repeats expanded by
 * their live instances (see visit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

#include "forms/inspect/instances.h"
#include "forms/inspect/visit.h"

static void visit_item(const struct form *f, size_t i, const char *inst, size_t pos,
		       struct inspect_answers *a, inspect_visit_fn *fn, void *ctx)
{
	char key[MAX_ITEM_KEY + 1];
	struct inspect_visit v = { IV_ITEM, i, inst, pos, 0, key, a };

	snprintf(key, sizeof key, *inst ? "%s@%s" : "%s", f->items[i].name, inst);
	inspect_answers_in(a, f, i, inst);
	fn(ctx, &v);
}

/* The repeat whose begin_repeat is r; returns its end_repeat. */
static size_t visit_repeat(const struct form *f, const struct fc_inspection *in, size_t r,
			   struct inspect_answers *a, inspect_visit_fn *fn, void *ctx)
{
	struct inspect_instance *inst;
	size_t n = inspect_instances(in, f->items[r].name, 0, &inst), k, i, end = r + 1;
	struct inspect_visit v = { IV_REPEAT, r, "", 0, n, "", a };

	while (end < f->n_items &&
	       !(f->items[end].type == FT_END_REPEAT && f->items[end].group == (int)r))
		end++;
	inspect_answers_in(a, f, r, NULL);
	fn(ctx, &v);
	for (k = 0; k < n; k++) {
		struct inspect_visit h = { IV_INSTANCE, r, inst[k].uuid, k + 1, n, "", a };
		inspect_answers_in(a, f, r, NULL);  /* the heading reads outside */
		fn(ctx, &h);
		for (i = r + 1; i < end; i++)
			visit_item(f, i, inst[k].uuid, k + 1, a, fn, ctx);
	}
	free(inst);
	inspect_answers_in(a, f, r, NULL);
	return end;
}

void inspect_visit_items(const struct form *f, const struct fc_inspection *in,
			 struct form_lang lang, inspect_visit_fn *fn, void *ctx)
{
	struct inspect_answers a;
	size_t i;

	inspect_answers_init(&a, in);
	a.fa.lang = lang;
	for (i = 0; i < f->n_items; i++)
		if (f->items[i].type == FT_BEGIN_REPEAT)
			i = visit_repeat(f, in, i, &a, fn, ctx);
		else
			visit_item(f, i, "", 0, &a, fn, ctx);
}

int inspect_key_item(const struct form *f, const char *key)
{
	char name[MAX_ITEM + 1];
	size_t n = strcspn(key, "@");

	if (n > MAX_ITEM)
		return -1;
	memcpy(name, key, n);
	name[n] = '\0';
	return form_item_index(f, name);
}

void inspect_key_label(const struct form *f, const struct fc_inspection *in, const char *key,
		       struct form_lang lang, struct strbuf *out)
{
	int i = f ? inspect_key_item(f, key) : -1;
	const char *inst = strchr(key, '@');
	const struct form_item *it, *rep;
	size_t pos;

	if (i < 0) {
		strbuf_adds(out, key);
		return;
	}
	it = &f->items[i];
	strbuf_adds(out, form_item_label(f, it, lang));
	if (!inst || it->repeat < 0)
		return;
	rep = &f->items[it->repeat];
	pos = in ? inspect_instance_position(in, rep->name, inst + 1) : 0;
	/* TRANSLATORS: an item in a repeat's instance: "Plate (Vehicle 2)" */
	if (pos)
		strbuf_addf(out, _(" (%s %zu)"), form_item_label(f, rep, lang), pos);
	else
		strbuf_addf(out, " (%s %.8s)", form_item_label(f, rep, lang), inst + 1);
}
