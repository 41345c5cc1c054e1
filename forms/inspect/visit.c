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

/* The end_repeat of the repeat whose begin_repeat is r. */
static size_t end_of(const struct form *f, size_t r)
{
	size_t end = r + 1;

	while (end < f->n_items &&
	       !(f->items[end].type == FT_END_REPEAT && f->items[end].group == (int)r))
		end++;
	return end;
}

/* The repeat whose begin_repeat is r, its instances those inside instance
 * `parent` of the repeat it is in ("" for none); returns its end_repeat. */
static size_t visit_repeat(const struct form *f, const struct fc_inspection *in, size_t r,
			   const char *parent, struct inspect_answers *a, inspect_visit_fn *fn,
			   void *ctx)
{
	struct inspect_instance *inst;
	size_t n = inspect_instances(f, in, r, parent, 0, &inst), k, i, end = end_of(f, r);
	struct inspect_visit v = { IV_REPEAT, r, parent, 0, n, "", a };
	int pr = f->items[r].repeat;

	/* the heading reads in the instance it is in (outside, for a repeat in none) */
	inspect_answers_in(a, f, pr >= 0 ? (size_t)pr : r, pr >= 0 ? parent : NULL);
	fn(ctx, &v);
	for (k = 0; k < n; k++) {
		struct inspect_visit h = { IV_INSTANCE, r, inst[k].uuid, k + 1, n, "", a };
		inspect_answers_in(a, f, pr >= 0 ? (size_t)pr : r, pr >= 0 ? parent : NULL);
		fn(ctx, &h);
		for (i = r + 1; i < end; i++)
			if (f->items[i].type == FT_BEGIN_REPEAT)
				i = visit_repeat(f, in, i, inst[k].uuid, a, fn, ctx);
			else
				visit_item(f, i, inst[k].uuid, k + 1, a, fn, ctx);
	}
	free(inst);
	inspect_answers_in(a, f, pr >= 0 ? (size_t)pr : r, pr >= 0 ? parent : NULL);
	return end;
}

void inspect_visit_items(const struct form *f, const struct fc_inspection *in,
			 struct form_lang lang, inspect_visit_fn *fn, void *ctx)
{
	inspect_visit_last(f, in, NULL, lang, fn, ctx);
}

void inspect_visit_last(const struct form *f, const struct fc_inspection *in,
			const struct inspect_last *last, struct form_lang lang,
			inspect_visit_fn *fn, void *ctx)
{
	struct inspect_answers a;
	size_t i;

	inspect_answers_init(&a, in);
	inspect_answers_last(&a, last);
	a.fa.lang = lang;
	for (i = 0; i < f->n_items; i++)
		if (f->items[i].type == FT_BEGIN_REPEAT)
			i = visit_repeat(f, in, i, "", &a, fn, ctx);
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
	char cur[FC_UUID_LEN + 1], up[FC_UUID_LEN + 1];
	size_t pos;
	int r, d;

	if (i < 0) {
		strbuf_adds(out, key);
		return;
	}
	it = &f->items[i];
	strbuf_adds(out, form_item_label(f, it, lang));
	if (!inst || it->repeat < 0)
		return;
	/* the instance, then each it is in: "Name (Cartoon 1) (Child 2)" */
	snprintf(cur, sizeof cur, "%.36s", inst + 1);
	for (r = it->repeat, d = 0; r >= 0 && d < FORM_REPEAT_DEPTH; d++) {
		int pr = f->items[r].repeat;
		rep = &f->items[r];
		pos = in ? inspect_instance_position(f, in, (size_t)r, cur) : 0;
		/* TRANSLATORS: an item in a repeat's instance: "Plate (Vehicle 2)" */
		if (pos)
			strbuf_addf(out, _(" (%s %zu)"), form_item_label(f, rep, lang), pos);
		else
			strbuf_addf(out, " (%s %.8s)", form_item_label(f, rep, lang), cur);
		if (pr < 0 || !in || inspect_instance_up(f, in, (size_t)r, cur, (size_t)pr, up))
			break;
		memcpy(cur, up, sizeof cur);
		r = pr;
	}
}
