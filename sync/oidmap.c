/* oidmap.c - object id to object id (see oidmap.h). */
#include "oidmap.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

void oidmap_init(struct oidmap *m)
{
	memset(m, 0, sizeof *m);
}

void oidmap_release(struct oidmap *m)
{
	free(m->s);
	oidmap_init(m);
}

/* Object ids are hashes already: their first bytes spread evenly. */
static size_t slot_of(const struct oidmap *m, const git_oid *key)
{
	size_t h;

	memcpy(&h, key->id, sizeof h);
	return h & (m->cap - 1);
}

static struct oidmap_slot *find(const struct oidmap *m, const git_oid *key)
{
	size_t i = slot_of(m, key);

	while (m->s[i].used && !git_oid_equal(&m->s[i].key, key))
		i = (i + 1) & (m->cap - 1);
	return &m->s[i];
}

static void grow(struct oidmap *m)
{
	struct oidmap old = *m;
	size_t i;

	m->cap = m->cap ? m->cap * 2 : 64;
	m->s = xcalloc(m->cap, sizeof *m->s);
	m->n = 0;
	for (i = 0; i < old.cap; i++)
		if (old.s[i].used)
			oidmap_put(m, &old.s[i].key, &old.s[i].value);
	free(old.s);
}

void oidmap_put(struct oidmap *m, const git_oid *key, const git_oid *value)
{
	struct oidmap_slot *s;

	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	s = find(m, key);
	if (!s->used) {
		s->used = 1;
		s->key = *key;
		m->n++;
	}
	s->value = *value;
}

const git_oid *oidmap_get(const struct oidmap *m, const git_oid *key)
{
	const struct oidmap_slot *s;

	if (!m->cap)
		return NULL;
	s = find(m, key);
	return s->used ? &s->value : NULL;
}
