/* report.c - collecting what a sync did (see report.h). */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

void sync_report_note(struct sync_report *r, const char *fmt, ...)
{
	va_list ap;

	r->notes = xrealloc(r->notes, (r->n_notes + 1) * sizeof *r->notes);
	va_start(ap, fmt);
	r->notes[r->n_notes++].text = xstrvfmt(fmt, ap);
	va_end(ap);
}

void sync_report_author(struct sync_report *r, const char *who)
{
	size_t i;
	for (i = 0; i < r->n_authors; i++)
		if (!strcmp(r->authors[i], who))
			return;
	r->authors = xrealloc(r->authors, (r->n_authors + 1) * sizeof *r->authors);
	r->authors[r->n_authors++] = xstrdup(who);
}

void sync_report_free(struct sync_report *r)
{
	size_t i;
	for (i = 0; i < r->n_notes; i++)
		free(r->notes[i].text);
	for (i = 0; i < r->n_quarantined; i++)
		free(r->quarantined[i].text);
	for (i = 0; i < r->n_authors; i++)
		free(r->authors[i]);
	free(r->notes);
	free(r->quarantined);
	free(r->authors);
	memset(r, 0, sizeof *r);
}
