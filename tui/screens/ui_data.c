/* ui_data.c - data the screens need that core/ lacks (see ui_data.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_data.h"
#include "core/listing.h"
#include "core/strbuf.h"

int data_counts(struct fc_workspace *ws, const char *today, struct data_counts *c,
		struct fc_err *err)
{
	struct listing_counts lc;

	memset(c, 0, sizeof *c);
	if (listing_counts(ws->store, today, &lc, err))
		return -1;
	c->drafts = lc.drafts;
	c->open = lc.open;
	c->overdue = lc.overdue;
	c->major = lc.major;
	return 0;
}

/* A page of `want` rows is asked as want + 1: the extra one only says that
 * more follow. */
struct pager {
	size_t want;
	int *more;
	void *d;
};

static int take_insp(const struct insp_row *r, void *ctx)
{
	struct pager *p = ctx;
	struct data_insp *d = p->d;

	if (p->want == 0)
		return *p->more = 1;
	p->want--;
	d->rows = xrealloc(d->rows, (d->n + 1) * sizeof *d->rows);
	d->rows[d->n++] = *r;
	d->after = *r;
	return 0;
}

int data_insp_more(struct fc_store *s, const char *status, struct data_insp *d, size_t page,
		   struct fc_err *err)
{
	struct insp_filter f = { status, NULL };
	struct pager p = { page, &d->more, d };

	d->more = 0;
	return inspection_page(s, &f, d->n ? &d->after : NULL, page + 1, take_insp, &p, NULL, err);
}

void data_insp_release(struct data_insp *d)
{
	free(d->rows);
	memset(d, 0, sizeof *d);
}

static int take_haz(const struct hazard_row *r, void *ctx)
{
	struct pager *p = ctx;
	struct data_haz *d = p->d;

	if (p->want == 0)
		return *p->more = 1;
	p->want--;
	d->rows = xrealloc(d->rows, (d->n + 1) * sizeof *d->rows);
	d->rows[d->n] = *r;
	d->rows[d->n++].description = xstrdup(r->description ? r->description : "");
	d->after = *r;
	d->after.description = NULL;
	return 0;
}

int data_haz_more(struct fc_store *s, const struct hazard_filter *f, struct data_haz *d,
		  size_t page, struct fc_err *err)
{
	struct pager p = { page, &d->more, d };

	d->more = 0;
	return hazard_page(s, f, d->n ? &d->after : NULL, page + 1, take_haz, &p, NULL, err);
}

void data_haz_release(struct data_haz *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->rows[i].description);
	free(d->rows);
	memset(d, 0, sizeof *d);
}

char *data_last_item(struct fc_workspace *ws, const char *id)
{
	struct fc_err err;
	char key[80], *v = NULL;

	snprintf(key, sizeof key, "ui.last_item.%s", id);
	if (store_meta_get(ws->store, key, &v, &err))
		return NULL;
	return v;
}

int data_set_last_item(struct fc_workspace *ws, const char *id, const char *item,
		       struct fc_err *err)
{
	char key[80];

	snprintf(key, sizeof key, "ui.last_item.%s", id);
	return store_meta_set(ws->store, key, item, err);
}

char *data_last_draft(struct fc_workspace *ws)
{
	struct fc_err err;
	char *v = NULL;

	if (store_meta_get(ws->store, "ui.last_draft", &v, &err))
		return NULL;
	return v;
}

int data_set_last_draft(struct fc_workspace *ws, const char *id, struct fc_err *err)
{
	return store_meta_set(ws->store, "ui.last_draft", id, err);
}
