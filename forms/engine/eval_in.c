/* eval_in.c - answers as read inside another instance of a repeat.
 *
 * sum(${age}) outside the repeat reads age in every instance; age may be
 * a calculation or depend on relevance there, so eval.c evaluates it in
 * each instance through these answers: the caller's, except that the
 * repeat's instance is the one asked for.  Repeats around it read as the
 * caller's own instance of them (instance_of), so from inside an outer
 * instance a nested repeat's instances are those under it.  A repeat
 * directly inside the one read has, in the instance read, the instances
 * whose marker names it as theirs ("<number>@<uuid>", docs/FORMAT.md):
 * the caller sees them all, being outside.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/load_impl.h"

/* The live instances of repeat r (directly inside w->repeat) in w's
 * instance, listed once per wrapper and repeat. */
static void list_kids(struct eval_in *w, const struct form *f, size_t r)
{
	char uuid[FC_UUID_LEN + 1], key[NAME_MAX_LEN + FC_UUID_LEN + 2];
	const char *v, *at;
	size_t n, k;

	if (w->kids_of == (int)r)
		return;
	free(w->kids);
	w->kids = NULL;
	w->n_kids = w->alloc_kids = 0;
	w->kids_of = (int)r;
	n = w->up->count(w->up->ctx, f, r);
	for (k = 1; k <= n; k++) {
		if (w->up->instance_at(w->up->ctx, f, r, k, uuid))
			continue;
		snprintf(key, sizeof key, "%s@%s", f->items[r].name, uuid);
		v = w->up->get ? w->up->get(w->up->ctx, key) : NULL;
		if (!v || !(at = strchr(v, '@')) || strcmp(at + 1, w->uuid))
			continue;
		ALLOC_GROW(w->kids, w->n_kids + 1, w->alloc_kids);
		memcpy(w->kids[w->n_kids++], uuid, sizeof uuid);
	}
}

static int kid_repeat(const struct eval_in *w, const struct form *f, size_t r)
{
	return f->items[r].repeat == (int)w->repeat && w->up->instance_at;
}

static const char *in_get(void *ctx, const char *key)
{
	const struct eval_in *w = ctx;

	return w->up->get(w->up->ctx, key);
}

static const char *in_file(void *ctx, const char *key)
{
	const struct eval_in *w = ctx;

	return w->up->file(w->up->ctx, key);
}

static size_t in_count(void *ctx, const struct form *f, size_t repeat)
{
	struct eval_in *w = ctx;

	if (!kid_repeat(w, f, repeat))
		return w->up->count(w->up->ctx, f, repeat);
	list_kids(w, f, repeat);
	return w->n_kids;
}

static int in_at(void *ctx, const struct form *f, size_t repeat, size_t k, char *uuid)
{
	struct eval_in *w = ctx;

	if (!kid_repeat(w, f, repeat) || !w->up->count)
		return w->up->instance_at(w->up->ctx, f, repeat, k, uuid);
	list_kids(w, f, repeat);
	if (k < 1 || k > w->n_kids)
		return -1;
	memcpy(uuid, w->kids[k - 1], FC_UUID_LEN + 1);
	return 0;
}

static int in_of(void *ctx, const struct form *f, size_t repeat, char *uuid)
{
	const struct eval_in *w = ctx;

	if (repeat == w->repeat) {
		memcpy(uuid, w->uuid, sizeof w->uuid);
		return 0;
	}
	return w->up->instance_of ? w->up->instance_of(w->up->ctx, f, repeat, uuid) : -1;
}

void eval_in_init(struct eval_in *w, const struct form_answers *up, size_t repeat,
		  const char *uuid, size_t k)
{
	memset(w, 0, sizeof *w);
	w->kids_of = -1;
	w->fa = *up;
	w->up = up;
	w->repeat = repeat;
	snprintf(w->uuid, sizeof w->uuid, "%s", uuid);
	snprintf(w->position, sizeof w->position, "%zu", k);
	w->fa.ctx = w;
	w->fa.get = up->get ? in_get : NULL;
	w->fa.file = up->file ? in_file : NULL;
	w->fa.count = up->count ? in_count : NULL;
	w->fa.instance_at = up->instance_at ? in_at : NULL;
	w->fa.instance_of = in_of;
	w->fa.instance = w->uuid;
	w->fa.position = w->position;
}

void eval_in_release(struct eval_in *w)
{
	free(w->kids);
	w->kids = NULL;
}
