/* eval_in.c - answers as read inside another instance of a repeat.
 *
 * sum(${age}) outside the repeat reads age in every instance; age may be
 * a calculation or depend on relevance there, so eval.c evaluates it in
 * each instance through these answers: the caller's, except that the
 * repeat's instance is the one asked for.  Repeats around it read as the
 * caller's own instance of them (instance_of), so from inside an outer
 * instance a nested repeat's instances are those under it.
 */
#include <stdio.h>
#include <string.h>

#include "forms/engine/engine_impl.h"

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
	const struct eval_in *w = ctx;

	return w->up->count(w->up->ctx, f, repeat);
}

static int in_at(void *ctx, const struct form *f, size_t repeat, size_t k, char *uuid)
{
	const struct eval_in *w = ctx;

	return w->up->instance_at(w->up->ctx, f, repeat, k, uuid);
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
