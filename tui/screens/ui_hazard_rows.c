/* ui_hazard_rows.c - the hazard screen's rows below its head (see
 * ui_hazard_rows.h): each file attached as evidence under the event it
 * documents ("<kind>@<at>", hazard_event_ref) or under the hazard, with its
 * type, size, when and where taken, who attached it, and a row of its own
 * when its bytes are not on this laptop.  Names come from anyone's record:
 * the screen draws them through ui_put only.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_filerows.h"
#include "ui_hazard_rows.h"
#include "core/evidence_store.h"
#include "core/strbuf.h"
#include "core/words.h"

static void FC_PRINTF(4, 5) row_text(struct haz_rows *v, enum ui_role role, int indent,
				      const char *fmt, ...)
{
	struct haz_row *r;
	va_list ap;

	ALLOC_GROW(v->v, v->n + 1, v->alloc);
	r = &v->v[v->n++];
	memset(r, 0, sizeof *r);
	r->role = role;
	r->indent = indent;
	va_start(ap, fmt);
	r->text = xstrvfmt(fmt, ap);
	va_end(ap);
}

static void row_event(struct haz_rows *v, size_t ev)
{
	ALLOC_GROW(v->v, v->n + 1, v->alloc);
	memset(&v->v[v->n], 0, sizeof v->v[v->n]);
	v->v[v->n].is_event = 1;
	v->v[v->n++].ev = ev;
}

void haz_rows_release(struct haz_rows *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->v[i].text);
	free(v->v);
	v->v = NULL;
	v->n = v->alloc = 0;
}

/* "张三 (ZJ-0001)" when one of the events was recorded by that badge. */
static void who(const struct fc_hazard *h, const char *badge, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < h->n_events; i++)
		if (!strcmp(h->events[i].by, badge) && h->events[i].by_name &&
		    h->events[i].by_name[0]) {
			snprintf(buf, size, "%s (%s)", h->events[i].by_name, badge);
			return;
		}
	snprintf(buf, size, "%s", badge);
}

static void take_row(void *ctx, enum ui_role role, int indent, const char *text)
{
	row_text(ctx, role, indent, "%s", text);
}

/* A file's rows (ui_filerows.h), with who attached it by name. */
static void file_rows(struct haz_rows *v, const struct fc_hazard *h,
		      const struct evidence_store *es, const struct fc_attachment *a, int indent)
{
	char by[MAX_NAME + MAX_BADGE + 8];

	who(h, a->by, by, sizeof by);
	ui_file_rows(a, by, "", es && evidence_present(es, a->sha256, a->size), indent,
		     take_row, v);
}

/* Whether a file documents event ev (or, ev == n_events, the hazard or
 * no event it has). */
static int documents(const struct fc_hazard *h, const struct fc_attachment *a, size_t ev)
{
	char ref[64];
	size_t j;

	if (ev < h->n_events) {
		hazard_event_ref(&h->events[ev], ref, sizeof ref);
		return !strcmp(ref, a->to);
	}
	for (j = 0; j < h->n_events; j++)
		if (documents(h, a, j))
			return 0;
	return 1;
}

void haz_rows_build(struct haz_rows *v, struct ui *ui, const struct fc_hazard *h)
{
	struct evidence_store es;
	int have_store = evidence_store_open(ui->ws, &es, NULL) == 0;
	size_t i, j, own = 0;

	haz_rows_release(v);
	for (j = 0; j < h->n_attachments; j++)
		own += documents(h, &h->attachments[j], h->n_events);
	if (own)
		row_text(v, R_SECTION, 1, _("Files (%zu)"), own);
	for (j = 0; j < h->n_attachments; j++)
		if (documents(h, &h->attachments[j], h->n_events))
			file_rows(v, h, have_store ? &es : NULL, &h->attachments[j], 3);
	row_text(v, R_SECTION, 1, "%s", _("Events"));
	for (i = 0; i < h->n_events; i++) {
		row_event(v, i);
		for (j = 0; j < h->n_attachments; j++)
			if (documents(h, &h->attachments[j], i))
				file_rows(v, h, have_store ? &es : NULL, &h->attachments[j], 5);
	}
	if (have_store)
		evidence_store_release(&es);
}
