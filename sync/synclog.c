/* synclog.c - collecting what a sync did, its log (see synclog.h). */
#include "synclog.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/text.h"

/* Notes and authors name paths, records and people from the remote: they
 * are kept made visible, so no screen or log they reach gets an escape
 * sequence or a bidi override from them. */

void sync_log_note(struct sync_log *r, const char *fmt, ...)
{
	va_list ap;
	char *raw;

	ALLOC_GROW(r->notes, r->n_notes + 1, r->alloc_notes);
	va_start(ap, fmt);
	raw = xstrvfmt(fmt, ap);
	va_end(ap);
	r->notes[r->n_notes++].text = text_shown(raw);
	free(raw);
}

void sync_log_author(struct sync_log *r, const char *who)
{
	char *shown = text_shown(who);
	size_t i;

	for (i = 0; i < r->n_authors; i++)
		if (!strcmp(r->authors[i], shown)) {
			free(shown);
			return;
		}
	ALLOC_GROW(r->authors, r->n_authors + 1, r->alloc_authors);
	r->authors[r->n_authors++] = shown;
}

void sync_log_release(struct sync_log *r)
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
