/* doc_text.c - a document as plain text (see doc.h): what the TUI shows and
 * writes beside the workspace, laid out as the rectification order always
 * was (title centred on 60 columns, the number under it on the right, the
 * issuer and date at column 44), and readable in any terminal or editor. */
#include <string.h>

#include "doc.h"
#include "table.h"

#define DOC_TEXT_WIDTH 60
#define DOC_TEXT_NUMBER_COL 52
#define DOC_TEXT_SEAL_COL 44
#define DOC_TEXT_BLANK "________________"
#define DOC_TEXT_RULE "__________________________________________________"

/* Blocks of a run (fields, rows, list items, signatures) sit line under
 * line; anything else has an empty line before it, but not right after
 * its heading. */
static int tight(const struct doc_block *prev, const struct doc_block *b)
{
	if (!prev || prev->kind == DB_HEADING)
		return 1;
	/* a photo sits under what it shows, and a table goes on after it */
	if (b->kind == DB_PHOTO &&
	    (prev->kind == DB_ROW || prev->kind == DB_ITEM || prev->kind == DB_PHOTO))
		return 1;
	if (prev->kind == DB_PHOTO && (b->kind == DB_ROW || b->kind == DB_ITEM))
		return 1;
	return prev->kind == b->kind && (b->kind == DB_FIELD || b->kind == DB_ROW ||
					 b->kind == DB_ITEM || b->kind == DB_SIGN);
}

/* A table row as a numbered entry: "  1. first", then "key: value" for
 * each other non-empty cell, keyed by the header row above it. */
static void row(const struct doc *d, const struct doc_block *head, const struct doc_block *b,
		struct strbuf *out)
{
	size_t k;

	strbuf_addf(out, "  %s. %s\n", b->n_cells ? b->cells[0] : "",
		    b->n_cells > 1 ? b->cells[1] : "");
	for (k = 2; k < b->n_cells; k++) {
		if (!*b->cells[k])
			continue;
		strbuf_adds(out, "     ");
		if (head && k < head->n_cells && *head->cells[k])
			strbuf_addf(out, "%s%s", head->cells[k], d->zh ? "：" : ": ");
		strbuf_addf(out, "%s\n", b->cells[k]);
	}
}

static void write_space(const struct doc_block *b, struct strbuf *out)
{
	int i;

	strbuf_addf(out, "%s\n", b->a);
	if (b->b) {
		strbuf_addf(out, "  %s\n", b->b);
		return;
	}
	for (i = 0; i < b->lines; i++)
		strbuf_addf(out, "  %s\n", DOC_TEXT_RULE);
}

/* "[photo] name · taken · place · the first 12 of its sha256", under a
 * table's row as deep as the row's other lines; a file not here, its line. */
static void photo(int in_table, const struct doc_block *b, struct strbuf *out)
{
	strbuf_adds(out, in_table ? "     " : "  ");
	if (!*b->a) {
		strbuf_addf(out, "%s\n", b->b);
		return;
	}
	strbuf_addf(out, "%s %s · %.12s\n", doc_photo_drawn(b->c) ? "[photo]" : "[file]", b->b,
		    b->a);
}

static void block(const struct doc *d, const struct doc_block *head, int in_table,
		  const struct doc_block *b, struct strbuf *out)
{
	switch (b->kind) {
	case DB_HEADING:
	case DB_PARA: strbuf_addf(out, "%s\n", b->a); break;
	case DB_ITEM: strbuf_addf(out, "  %s\n", b->a); break;
	case DB_FIELD: strbuf_addf(out, "%s%s\n", b->a, *b->b ? b->b : DOC_TEXT_BLANK); break;
	case DB_ROW:
		if (!b->header)
			row(d, head, b, out);
		break;
	case DB_WRITE: write_space(b, out); break;
	case DB_SIGN:
		strbuf_addf(out, "%s%s", b->a, *b->b ? "__________" : DOC_TEXT_BLANK);
		strbuf_addf(out, *b->b ? "  %s" : "%s", b->b);
		strbuf_addf(out, *b->c ? "  %s\n" : "%s\n", b->c);
		break;
	case DB_SEAL:
		strbuf_addf(out, "%*s%s\n", DOC_TEXT_SEAL_COL, "", b->a);
		strbuf_addf(out, "%*s%s\n", DOC_TEXT_SEAL_COL, "", b->b);
		break;
	case DB_PHOTO: photo(in_table, b, out); break;
	}
}

void doc_text(const struct doc *d, struct strbuf *out)
{
	const char *mark = d->title_mark ? d->title_mark : "";
	const struct doc_block *prev = NULL, *head = NULL;
	int in_table = 0;     /* the last block but photos was a table's row */
	int pad = (DOC_TEXT_WIDTH - (int)text_width(d->title) - (int)text_width(mark)) / 2;
	size_t i;

	strbuf_addf(out, "%*s%s%s\n", pad > 0 ? pad : 0, "", d->title, mark);
	if (d->number)
		strbuf_addf(out, "%*s%s\n", DOC_TEXT_NUMBER_COL, "", d->number);
	strbuf_addc(out, '\n');
	for (i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];
		if (b->kind == DB_ROW && b->header)
			head = b;
		else if (b->kind != DB_ROW && b->kind != DB_PHOTO)
			head = NULL;
		if (!tight(prev, b) && !(b->kind == DB_ROW && b->header))
			strbuf_addc(out, '\n');
		block(d, head, in_table, b, out);
		if (b->kind != DB_PHOTO)
			in_table = b->kind == DB_ROW;
		if (!(b->kind == DB_ROW && b->header))
			prev = b;
	}
}
