/* ui_data.c - data the screens need that core/ lacks (see ui_data.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_data.h"
#include "core/strbuf.h"

static int count_draft(const struct insp_row *r, void *ctx)
{
	(void)r;
	((struct data_counts *)ctx)->drafts++;
	return 0;
}

static int count_hazard(const struct hazard_row *r, void *ctx)
{
	struct data_counts *c = ctx;

	c->open++;
	c->overdue += r->overdue != 0;
	c->major += !strcmp(r->severity, "major");
	return 0;
}

int data_counts(struct fc_workspace *ws, const char *today, struct data_counts *c,
		struct fc_err *err)
{
	struct hazard_filter f = { 0 };

	memset(c, 0, sizeof *c);
	f.open = 1;
	f.today = today;
	f.enterprise = "";
	f.inspection = "";
	if (inspection_list(ws->store, "draft", count_draft, c, err))
		return -1;
	return hazard_list(ws->store, &f, count_hazard, c, err);
}

struct pager {
	size_t skip, want, seen;
	void *d;
};

/* Whether the row the walk is at belongs on the page: 0 skip it, 1 take
 * it, -1 the page is full (*more is set and the walk stops). */
static int pager_admit(struct pager *p, int *more)
{
	if (p->seen++ < p->skip)
		return 0;
	if (p->want == 0) {
		*more = 1;
		return -1;
	}
	p->want--;
	return 1;
}

static int take_insp(const struct insp_row *r, void *ctx)
{
	struct pager *p = ctx;
	struct data_insp *d = p->d;
	int at = pager_admit(p, &d->more);

	if (at <= 0)
		return at < 0;
	d->rows = xrealloc(d->rows, (d->n + 1) * sizeof *d->rows);
	d->rows[d->n++] = *r;
	return 0;
}

int data_insp_more(struct fc_store *s, const char *status, struct data_insp *d, size_t page,
		   struct fc_err *err)
{
	struct pager p = { d->n, page, 0, d };

	d->more = 0;
	return inspection_list(s, status, take_insp, &p, err);
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
	int at = pager_admit(p, &d->more);

	if (at <= 0)
		return at < 0;
	d->rows = xrealloc(d->rows, (d->n + 1) * sizeof *d->rows);
	d->rows[d->n] = *r;
	d->rows[d->n++].description = xstrdup(r->description ? r->description : "");
	return 0;
}

int data_haz_more(struct fc_store *s, const struct hazard_filter *f, struct data_haz *d,
		  size_t page, struct fc_err *err)
{
	struct pager p = { d->n, page, 0, d };

	d->more = 0;
	return hazard_list(s, f, take_haz, &p, err);
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
