/* doc.c - building and releasing a document's blocks (see doc.h). */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

void doc_init(struct doc *d)
{
	memset(d, 0, sizeof *d);
}

static void block_release(struct doc_block *b)
{
	size_t i;

	free(b->a);
	free(b->b);
	free(b->c);
	for (i = 0; i < b->n_cells; i++)
		free(b->cells[i]);
	free(b->cells);
}

void doc_release(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		block_release(&d->blocks[i]);
	free(d->blocks);
	free(d->title);
	free(d->title_mark);
	free(d->number);
	doc_init(d);
}

static struct doc_block *push(struct doc *d, enum doc_kind kind)
{
	struct doc_block *b;

	ALLOC_GROW(d->blocks, d->n + 1, d->alloc);
	b = &d->blocks[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

void doc_add(struct doc *d, enum doc_kind kind, const char *a, const char *b, const char *c)
{
	struct doc_block *k = push(d, kind);

	k->a = xstrdup(a ? a : "");
	k->b = b || kind != DB_WRITE ? xstrdup(b ? b : "") : NULL;
	k->c = xstrdup(c ? c : "");
}

void doc_heading(struct doc *d, const char *text)
{
	doc_add(d, DB_HEADING, text, NULL, NULL);
}

void doc_para(struct doc *d, const char *text)
{
	doc_add(d, DB_PARA, text, NULL, NULL);
}

void doc_field(struct doc *d, const char *key, const char *value)
{
	doc_add(d, DB_FIELD, key, value, NULL);
}

void doc_write(struct doc *d, const char *label, const char *text, int lines)
{
	doc_add(d, DB_WRITE, label, text && *text ? text : NULL, NULL);
	d->blocks[d->n - 1].lines = lines;
}

void doc_row(struct doc *d, int header, const char *const *cells, size_t n)
{
	struct doc_block *b = push(d, DB_ROW);
	size_t i;

	b->a = xstrdup("");
	b->b = xstrdup("");
	b->c = xstrdup("");
	b->header = header;
	b->cells = xcalloc(n ? n : 1, sizeof *b->cells);
	b->n_cells = n;
	for (i = 0; i < n; i++)
		b->cells[i] = xstrdup(cells[i] ? cells[i] : "");
}
