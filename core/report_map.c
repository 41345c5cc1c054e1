/* report_map.c - the report's hash maps, for counting its groups and
 * distinct enterprises in one pass over streamed rows, however the rows
 * are ordered: a string-keyed map (an FNV-like hash eight bytes a step)
 * for the few distinct keys (groups, enterprises, months), and a set of
 * 64-bit numbers for the many (group, enterprise) pairs.  Both use open
 * addressing, grown at half full. */
#include "report_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* Eight bytes a step: the keys are mostly 36-character ids, hashed for
 * every inspection and hazard of a report (a byte a step was a sixth of
 * the report by town at 100 000 inspections). */
static uint64_t hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 1469598103934665603ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 1099511628211ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 1099511628211ULL;
	return h ^ (h >> 32);
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t probe(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], key))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void grow(struct strmap *m)
{
	struct strmap old = *m;
	size_t k;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	for (k = 0; k < old.cap; k++)
		if (old.keys[k]) {
			size_t i = probe(m, old.keys[k]);
			m->keys[i] = old.keys[k];
			m->vals[i] = old.vals[k];
		}
	free(old.keys);
	free(old.vals);
}

size_t *strmap_find(const struct strmap *m, const char *key)
{
	size_t i;
	if (!m->cap)
		return NULL;
	i = probe(m, key);
	return m->keys[i] ? &m->vals[i] : NULL;
}

/* Keys are copied into blocks of KEY_BLOCK bytes (a longer key gets a
 * block of its own size); a block never moves, so neither does a key. */
#define KEY_BLOCK 65536

static char *keep_key(struct strmap *m, const char *key)
{
	size_t n = strlen(key) + 1;
	char *out;

	if (!m->n_blocks || n > m->block_size - m->block_used) {
		m->block_size = n > KEY_BLOCK ? n : KEY_BLOCK;
		m->blocks = xrealloc(m->blocks, (m->n_blocks + 1) * sizeof *m->blocks);
		m->blocks[m->n_blocks++] = xmalloc(m->block_size);
		m->block_used = 0;
	}
	out = m->blocks[m->n_blocks - 1] + m->block_used;
	memcpy(out, key, n);
	m->block_used += n;
	return out;
}

size_t *strmap_slot(struct strmap *m, const char *key, int *added)
{
	size_t i;

	*added = 0;
	if (2 * (m->n + 1) > m->cap)
		grow(m);
	i = probe(m, key);
	if (!m->keys[i]) {
		m->keys[i] = keep_key(m, key);
		m->vals[i] = 0;
		m->n++;
		*added = 1;
	}
	return &m->vals[i];
}

void strmap_release(struct strmap *m)
{
	size_t k;
	for (k = 0; k < m->n_blocks; k++)
		free(m->blocks[k]);
	free(m->blocks);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* A 64-bit mix (the finalizer of splitmix64): the pairs' numbers differ in
 * few bits, and the slot is taken from the low ones. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Keys are kept as key + 1, so 0 marks an empty slot. */
static size_t u64_probe(const struct u64set *m, uint64_t stored)
{
	size_t i = (size_t)mix(stored) & (m->cap - 1);
	while (m->keys[i] && m->keys[i] != stored)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void u64_grow(struct u64set *m)
{
	struct u64set old = *m;
	size_t k;

	m->cap = old.cap ? old.cap * 2 : 256;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	for (k = 0; k < old.cap; k++)
		if (old.keys[k])
			m->keys[u64_probe(m, old.keys[k])] = old.keys[k];
	free(old.keys);
}

int u64set_add(struct u64set *m, uint64_t key)
{
	uint64_t stored = key + 1;
	size_t i;

	if (2 * (m->n + 1) > m->cap)
		u64_grow(m);
	i = u64_probe(m, stored);
	if (m->keys[i])
		return 0;
	m->keys[i] = stored;
	m->n++;
	return 1;
}

void u64set_release(struct u64set *m)
{
	free(m->keys);
	memset(m, 0, sizeof *m);
}
