/* doc.h - a printable document of an inspection (the on-site inspection
 * record, the rectification order), as a list of blocks that each renderer
 * lays out in its own medium: plain text (doc_text.c), HTML with print CSS
 * (doc_html.c) and PDF (doc_pdf.c, cairo + pango).
 *
 * The model carries words, not layout: the builders (core/notice.c for the
 * order, forms/inspect/doc_record.c for the record) decide what is said in
 * which language; the renderers decide where it goes on the page.  No I/O
 * format and no curses here.
 */
#ifndef FC_DOC_H
#define FC_DOC_H

#include <stddef.h>
#include "err.h"
#include "strbuf.h"

struct evidence_store;
struct fc_attachment;

enum doc_kind {
	DB_HEADING,   /* a:  a section's heading */
	DB_PARA,      /* a:  a paragraph */
	DB_ITEM,      /* a:  an indented line of a list */
	DB_FIELD,     /* a: key, b: value ("": a line to fill in by hand) */
	DB_ROW,       /* cells: a table's row; header: the table's first */
	DB_WRITE,     /* a: label, b: what was written, or NULL: n empty lines */
	DB_SIGN,      /* a: who signs, b: the name printed, c: more (a badge) */
	DB_SEAL,      /* a: the issuing department, b: the date, c: the words in
		       * the seal's circle: the seal's place */
	DB_PHOTO,     /* a: the file's sha256 ("" when this laptop lacks it),
		       * b: its caption (or the line saying it is not here),
		       * c: its media type; size: its bytes (doc_photos) */
};

struct doc_block {
	enum doc_kind kind;
	char *a, *b, *c;
	char **cells;
	size_t n_cells;
	int header;   /* DB_ROW: the table's header row */
	int lines;    /* DB_WRITE: empty lines when b is NULL */
	long long size; /* DB_PHOTO: the file's bytes */
};

struct doc {
	char *title;
	char *title_mark; /* after the title ("（草稿）"), or NULL */
	char *number;     /* the number line, or NULL (a draft has none) */
	int draft;        /* print 草稿 DRAFT across every page */
	int zh;           /* page numbers as 第 n 页 共 m 页, else Page n of m */
	struct doc_block *blocks;
	size_t n, alloc;
	/* Where DB_PHOTO's files are read (NULL: the document shows no
	 * photos), and what doc_photos has put in against the caps. */
	const struct evidence_store *ev;
	size_t n_photos, photos_over;
	unsigned long long photo_bytes;
};

void doc_init(struct doc *d);
void doc_release(struct doc *d);
/* Appends a block; NULL strings are kept NULL (b of DB_WRITE) or "". */
void doc_add(struct doc *d, enum doc_kind kind, const char *a, const char *b, const char *c);
void doc_heading(struct doc *d, const char *text);
void doc_para(struct doc *d, const char *text);
void doc_field(struct doc *d, const char *key, const char *value);
/* A space to write in: `text` when given and not empty, else `lines` rules. */
void doc_write(struct doc *d, const char *label, const char *text, int lines);
/* A table row of n cells (copied). */
void doc_row(struct doc *d, int header, const char *const *cells, size_t n);

/* A document holds at most DOC_PHOTOS_MAX photos drawn (JPEG, PNG), of
 * DOC_PHOTO_BYTES_MAX bytes in all: the PDF and the HTML are made in
 * memory and carry every photo whole (the HTML in base64, a third more).
 * Each file is at most the workspace's limit per file already
 * (evidence.max_bytes).  24 photos fill eight to twelve pages; 256 MiB is
 * five 50 MiB files. */
#define DOC_PHOTOS_MAX 24
#define DOC_PHOTO_BYTES_MAX (256ull * 1024 * 1024)

/* The files of list[0..n) attached to `to` (an item key, "" for the record
 * itself, an event's "<kind>@<at>"), where the builder puts them: each a
 * DB_PHOTO, a file this laptop lacks a line saying so, a withdrawn one
 * left out; photos past the caps are only counted (doc_photos_close).
 * Nothing when d->ev is NULL. */
void doc_photos(struct doc *d, const struct fc_attachment *list, size_t n, const char *to);
/* Whether list[0..n) has a file attached to `to` that doc_photos shows. */
int doc_photos_any(const struct fc_attachment *list, size_t n, const char *to);
/* The line saying how many photos the caps left out and where they are
 * (`inspection`, the id `inspection show` takes), when any were. */
void doc_photos_close(struct doc *d, const char *inspection);
/* Whether the renderers draw a file of this media type (JPEG, PNG); any
 * other (HEIC, video, sound, PDF) is a line naming it. */
int doc_photo_drawn(const char *type);

/* The renderers append to out: text, HTML, PDF (A4, pages numbered, the
 * draft mark on each page). */
void doc_text(const struct doc *d, struct strbuf *out);
void doc_html(const struct doc *d, struct strbuf *out);
int doc_pdf(const struct doc *d, struct strbuf *out, struct fc_err *err);

#endif
