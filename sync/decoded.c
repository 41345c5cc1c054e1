/* decoded.c - decoded records kept between merge and import (see
 * decoded.h).  Open addressing on the object id; a slot taken is marked
 * gone (not freed) so the probes of the others still pass it. */
#include "decoded.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

enum state { FREE, HELD, GONE };

/* A slot holds its record by pointer: the table is kept at most three
 * quarters full, and an empty slot should cost a few words, not a record. */
struct slot {
	git_oid id;
	char *path;
	int format;
	enum state state;
	size_t bytes;                /* the file's, given back by decoded_take */
	struct fc_record *rec;
};

/* What a kept record costs in memory, counted against DECODED_BUDGET: its
 * struct, and about twice its file for the strings and arrays decoding
 * makes of it. */
static size_t cost(size_t bytes)
{
	return sizeof(struct fc_record) + sizeof(struct slot) * 2 + bytes * 2;
}

struct decoded {
	struct slot *s;
	size_t cap;                  /* a power of two, or 0 */
	size_t used;                 /* slots HELD or GONE */
	size_t bytes;                /* of the records HELD */
};

struct decoded *decoded_new(void)
{
	return xcalloc(1, sizeof(struct decoded));
}

void decoded_clear(struct decoded *d)
{
	size_t i;

	for (i = 0; i < d->cap; i++)
		if (d->s[i].state == HELD) {
			record_clear(d->s[i].rec);
			free(d->s[i].rec);
			free(d->s[i].path);
		}
	free(d->s);
	memset(d, 0, sizeof *d);
}

void decoded_free(struct decoded *d)
{
	if (!d)
		return;
	decoded_clear(d);
	free(d);
}

static size_t first_slot(const struct decoded *d, const git_oid *id)
{
	size_t h;

	memcpy(&h, id->id, sizeof h); /* a hash already */
	return h & (d->cap - 1);
}

/* The slot HELD for the key, or NULL. */
static struct slot *find(const struct decoded *d, const git_oid *id, const char *path,
			 int format)
{
	size_t i;

	if (!d->cap)
		return NULL;
	for (i = first_slot(d, id); d->s[i].state != FREE; i = (i + 1) & (d->cap - 1))
		if (d->s[i].state == HELD && d->s[i].format == format &&
		    git_oid_equal(&d->s[i].id, id) && !strcmp(d->s[i].path, path))
			return &d->s[i];
	return NULL;
}

/* Room for one more slot: when three quarters are used, rebuilt without
 * the GONE ones, twice as large if the HELD ones fill half. */
static void make_room(struct decoded *d)
{
	struct decoded old = *d;
	size_t i, j, held = 0;

	if (d->cap && (d->used + 1) * 4 <= d->cap * 3)
		return;
	for (i = 0; i < old.cap; i++)
		held += old.s[i].state == HELD;
	d->cap = !d->cap ? 256 : (held + 1) * 2 > d->cap ? d->cap * 2 : d->cap;
	d->s = xcalloc(d->cap, sizeof *d->s);
	d->used = 0;
	for (i = 0; i < old.cap; i++) {
		if (old.s[i].state != HELD)
			continue;
		for (j = first_slot(d, &old.s[i].id); d->s[j].state != FREE; j = (j + 1) & (d->cap - 1))
			;
		d->s[j] = old.s[i];
		d->used++;
	}
	free(old.s);
}

int decoded_keep(struct decoded *d, const git_oid *id, const char *path, int format,
		 struct fc_record *rec, size_t bytes)
{
	struct slot *s;
	size_t i;

	if (cost(bytes) > DECODED_BUDGET - d->bytes || find(d, id, path, format))
		return 0;
	make_room(d);
	for (i = first_slot(d, id); d->s[i].state != FREE; i = (i + 1) & (d->cap - 1))
		;
	s = &d->s[i];
	git_oid_cpy(&s->id, id);
	s->path = xstrdup(path);
	s->format = format;
	s->state = HELD;
	s->bytes = bytes;
	s->rec = xmalloc(sizeof *s->rec);
	*s->rec = *rec;
	memset(rec, 0, sizeof *rec);
	d->used++;
	d->bytes += cost(bytes);
	return 1;
}

int decoded_take(struct decoded *d, const git_oid *id, const char *path, int format,
		 struct fc_record *out, size_t *bytes)
{
	struct slot *s = find(d, id, path, format);

	if (!s)
		return 0;
	*out = *s->rec;
	*bytes = s->bytes;
	free(s->rec);
	free(s->path);
	s->rec = NULL;
	s->path = NULL;
	s->state = GONE;
	d->bytes -= cost(s->bytes);
	return 1;
}
