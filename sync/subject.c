/* subject.c - commit subjects in the user's language (see subject.h). */
#include "subject.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"

/* The fixed forms, by the pattern their English spelling matches. */
enum form { S_EXPORT, S_MERGE, S_FIRST, S_FOUND, S_ADD_I, S_ADD_S, S_ENDED };
static const char *const patterns[] = {
	/* export.c: "inspection: 1 inspection, 0 hazards, 0 enterprises" */
	[S_EXPORT] = "^(inspection|hazard|enterprise|records): ([0-9]+) inspections?, "
		     "([0-9]+) hazards?, ([0-9]+) enterprises?$",
	/* mergein.c */
	[S_MERGE] = "^merge (.+)/main$",
	[S_FIRST] = "^(.+)/main without refused records$",
	/* rosteredit.c */
	[S_FOUND] = "^roster: founded by (.+)$",
	[S_ADD_I] = "^roster: (.+) added as inspector$",
	[S_ADD_S] = "^roster: (.+) added as supervisor$",
	[S_ENDED] = "^roster: the keys of (.+) ended$",
};

/* Group i of the match, a new string. */
static char *group(const char *s, const regmatch_t *m, int i)
{
	return xstrndup(s + m[i].rm_so, (size_t)(m[i].rm_eo - m[i].rm_so));
}

/* The translation, or NULL when the language is English (the subject itself
 * reads best then). */
static char *shown(enum form f, const char *s, const regmatch_t *m)
{
	char *g[3] = { NULL, NULL, NULL }, *out = NULL;
	int i;

	if (!strcmp(_("merged with %s"), "merged with %s"))   /* no catalogue speaks here */
		return NULL;
	for (i = 0; i < (f == S_EXPORT ? 3 : 1); i++)  /* the export's kind adds nothing */
		g[i] = group(s, m, f == S_EXPORT ? i + 2 : 1);
	switch (f) {
	case S_EXPORT: out = xstrfmt(_("records sent: %s inspections, %s hazards, %s enterprises"),
				     g[0], g[1], g[2]); break;
	case S_MERGE: out = xstrfmt(_("merged with %s"), g[0]); break;
	case S_FIRST: out = xstrfmt(_("taken from %s, without the records refused"), g[0]); break;
	case S_FOUND: out = xstrfmt(_("roster founded by %s"), g[0]); break;
	case S_ADD_I: out = xstrfmt(_("roster: %s added as an inspector"), g[0]); break;
	case S_ADD_S: out = xstrfmt(_("roster: %s added as a supervisor"), g[0]); break;
	case S_ENDED: out = xstrfmt(_("roster: the keys of %s ended"), g[0]); break;
	}
	for (i = 0; i < 3; i++)
		free(g[i]);
	return out;
}

char *subject_shown(const char *subject)
{
	regmatch_t m[5];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(patterns); i++) {
		regex_t re;
		int hit;
		char *out;
		if (regcomp(&re, patterns[i], REG_EXTENDED) != 0)
			continue;
		hit = regexec(&re, subject, ARRAY_SIZE(m), m, 0) == 0;
		regfree(&re);
		if (hit) {
			out = shown((enum form)i, subject, m);
			return out ? out : xstrdup(subject);
		}
	}
	return xstrdup(subject);
}
