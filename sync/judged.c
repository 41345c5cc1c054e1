/* judged.c - verdicts on objects, in a bounded table (see judged.h). */
#include "judged.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

/* Open addressing, twice as many slots as verdicts: a probe stays short. */
#define SLOTS (2 * JUDGED_MAX)

struct slot {
	git_oid id;
	enum judged_as as;
	enum judged_verdict v;       /* JUDGED_NONE: free */
	char *text;
};

struct judged {
	struct slot *slots;
	size_t n;
};

struct judged *judged_new(void)
{
	struct judged *j = xcalloc(1, sizeof *j);
	j->slots = xcalloc(SLOTS, sizeof *j->slots);
	return j;
}

static void forget_all(struct judged *j)
{
	size_t i;
	for (i = 0; i < SLOTS; i++)
		free(j->slots[i].text);
	memset(j->slots, 0, SLOTS * sizeof *j->slots);
	j->n = 0;
}

void judged_free(struct judged *j)
{
	if (!j)
		return;
	forget_all(j);
	free(j->slots);
	free(j);
}

/* The slot of (id, as), or the free slot where it would go.  An object id
 * is a hash: its first bytes are as good an index as any. */
static struct slot *find(const struct judged *j, const git_oid *id, enum judged_as as)
{
	size_t i = ((size_t)id->id[0] << 16 | (size_t)id->id[1] << 8 | id->id[2]) * 2 + as;

	for (i %= SLOTS; j->slots[i].v != JUDGED_NONE; i = (i + 1) % SLOTS)
		if (j->slots[i].as == as && git_oid_equal(&j->slots[i].id, id))
			break;
	return &j->slots[i];
}

enum judged_verdict judged_get(const struct judged *j, const git_oid *id, enum judged_as as,
			       const char **text)
{
	const struct slot *s = find(j, id, as);

	*text = s->text;
	return s->v;
}

void judged_put(struct judged *j, const git_oid *id, enum judged_as as, enum judged_verdict v,
		const char *text)
{
	struct slot *s = find(j, id, as);

	if (s->v == JUDGED_NONE) {
		if (j->n == JUDGED_MAX) {
			forget_all(j);
			s = find(j, id, as);
		}
		j->n++;
	}
	free(s->text);
	git_oid_cpy(&s->id, id);
	s->as = as;
	s->v = v;
	s->text = xstrndup(text, strnlen(text, JUDGED_TEXT));
}
