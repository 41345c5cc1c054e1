/* doc_html.c - a document as one HTML page to print (see doc.h): A4 with
 * the official layout, title centred, the number right-aligned under it,
 * the body, the signature block and the seal's circle at the foot; a
 * draft carries 草稿 DRAFT across the page.  One self-contained file: no
 * script, no link, nothing fetched; every text is escaped. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "base64.h"
#include "doc.h"
#include "evidence_store.h"
#include "i18n.h"

/* A photo's bytes go into the page this many at a time (a multiple of 3:
 * base64 pads only the last). */
#define PHOTO_CHUNK (48 * 1024)

static const char css[] =
	"@page{size:A4;margin:25mm 20mm 20mm 25mm}\n"
	"body{font-family:\"Noto Serif CJK SC\",\"SimSun\",\"WenQuanYi Micro Hei\",serif;"
	"font-size:11pt;line-height:1.6;max-width:170mm;margin:0 auto;color:#000}\n"
	"h1{text-align:center;font-size:18pt;letter-spacing:.1em;margin:0 0 .2em}\n"
	".number{text-align:right;margin:0 0 1.2em}\n"
	"h2{font-size:11pt;margin:1em 0 .3em}\n"
	"p{margin:.5em 0}\n.item{margin:.1em 0 .1em 2em}\n"
	".field{margin:.1em 0}.field .v{border-bottom:1px solid #000;padding:0 .3em}\n"
	".blank{display:inline-block;min-width:12em;border-bottom:1px solid #000}\n"
	"table{border-collapse:collapse;width:100%;margin:.3em 0}\n"
	"th,td{border:1px solid #000;padding:.15em .4em;vertical-align:top;text-align:left}\n"
	"th{white-space:nowrap}\n"
	"tr{page-break-inside:avoid}thead{display:table-header-group}\n"
	".write .line{border-bottom:1px solid #000;height:1.6em}\n"
	".sign{margin:.8em 0}.sign .blank{min-width:8em}\n"
	".seal{margin:2em 0 0 auto;width:16em;text-align:center;position:relative;"
	"page-break-inside:avoid}\n"
	".seal .circle{width:42mm;height:42mm;border:1px dashed #888;border-radius:50%;"
	"margin:0 auto .5em;color:#888;line-height:42mm;font-size:9pt}\n"
	"figure{margin:.3em 0 .6em 2em;page-break-inside:avoid}\n"
	"figure img{display:block;max-width:100%;max-height:80mm}\n"
	"figcaption{font-size:9pt}\n"
	".draft{position:fixed;top:40%;left:0;width:100%;text-align:center;font-size:72pt;"
	"color:rgba(200,0,0,.18);transform:rotate(-30deg);z-index:-1}\n"
	"@media print{body{max-width:none}}\n";

static void esc(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': strbuf_adds(sb, "&amp;"); break;
		case '<': strbuf_adds(sb, "&lt;"); break;
		case '>': strbuf_adds(sb, "&gt;"); break;
		case '"': strbuf_adds(sb, "&quot;"); break;
		case '\n': strbuf_adds(sb, "<br>"); break;
		default: strbuf_addc(sb, *s);
		}
}

static void tag(struct strbuf *sb, const char *open, const char *s, const char *close)
{
	strbuf_adds(sb, open);
	esc(sb, s);
	strbuf_adds(sb, close);
}

static void row(const struct doc_block *b, struct strbuf *out)
{
	const char *cell = b->header ? "th" : "td";
	size_t k;

	strbuf_adds(out, "<tr>");
	for (k = 0; k < b->n_cells; k++) {
		strbuf_addf(out, "<%s>", cell);
		esc(out, b->cells[k]);
		strbuf_addf(out, "</%s>", cell);
	}
	strbuf_adds(out, b->header ? "</tr></thead><tbody>\n" : "</tr>\n");
}

static void write_space(const struct doc_block *b, struct strbuf *out)
{
	int i;

	tag(out, "<div class=\"write\"><h2>", b->a, "</h2>");
	if (b->b)
		tag(out, "<p>", b->b, "</p>");
	for (i = 0; !b->b && i < b->lines; i++)
		strbuf_adds(out, "<div class=\"line\"></div>");
	strbuf_adds(out, "</div>\n");
}

/* fd's bytes in base64, PHOTO_CHUNK at a time: the page grows by the
 * photo, never holds it twice.  0, or -1 with errno. */
static int base64_fd(int fd, struct strbuf *out)
{
	unsigned char buf[PHOTO_CHUNK];
	size_t have = 0;
	ssize_t n;

	for (;;) {
		n = read(fd, buf + have, sizeof buf - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		have += (size_t)n;
		if (n == 0 || have == sizeof buf) {
			base64_encode(buf, have, 1, out);
			if (n == 0)
				return 0;
			have = 0;
		}
	}
}

/* The photo as an image in the page, its caption under it; a file that is
 * not here, cannot be shown by a browser or does not read back as kept, a
 * line naming it. */
static void photo(const struct doc *d, const struct doc_block *b, struct strbuf *out)
{
	struct fc_err err = { 0 };
	size_t mark = out->len;
	int fd = -1, rc = -1;

	if (*b->a && doc_photo_drawn(b->c) && d->ev &&
	    evidence_open(d->ev, b->a, &fd, NULL, &err) == 0) {
		strbuf_addf(out, "<figure><img src=\"data:%s;base64,", b->c);
		rc = base64_fd(fd, out);
		if (rc)
			fc_fail(&err, _("cannot read it: %s"), strerror(errno));
		close(fd);
		tag(out, "\" alt=\"", b->b, "\">");
		tag(out, "<figcaption>", b->b, "</figcaption></figure>\n");
	}
	if (rc == 0)
		return;
	out->len = mark;
	out->buf[mark] = '\0';
	tag(out, "<p class=\"item\">", b->b, "");
	if (*b->a && err.msg[0])
		tag(out, " (", err.msg, ")");
	else if (*b->a)
		tag(out, " (", b->c, ")");
	strbuf_adds(out, "</p>\n");
}

static void block(const struct doc *d, const struct doc_block *b, struct strbuf *out)
{
	switch (b->kind) {
	case DB_HEADING: tag(out, "<h2>", b->a, "</h2>\n"); break;
	case DB_PARA: tag(out, "<p>", b->a, "</p>\n"); break;
	case DB_ITEM: tag(out, "<p class=\"item\">", b->a, "</p>\n"); break;
	case DB_FIELD:
		tag(out, "<p class=\"field\">", b->a, "");
		if (*b->b)
			tag(out, "<span class=\"v\">", b->b, "</span></p>\n");
		else
			strbuf_adds(out, "<span class=\"blank\"></span></p>\n");
		break;
	case DB_ROW: row(b, out); break;
	case DB_WRITE: write_space(b, out); break;
	case DB_SIGN:
		tag(out, "<p class=\"sign\">", b->a, "<span class=\"blank\"></span> ");
		tag(out, "", b->b, " ");
		tag(out, "", b->c, "</p>\n");
		break;
	case DB_SEAL:
		tag(out, "<div class=\"seal\"><div class=\"circle\">", b->c, "</div>");
		tag(out, "<div>", b->a, "</div>");
		tag(out, "<div>", b->b, "</div></div>\n");
		break;
	case DB_PHOTO: photo(d, b, out); break;
	}
}

void doc_html(const struct doc *d, struct strbuf *out)
{
	size_t i, cols = 1;
	int in_table = 0;

	strbuf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		    d->zh ? "zh-CN" : "en");
	tag(out, "<title>", d->title, "</title>\n");
	strbuf_addf(out, "<style>\n%s</style>\n</head>\n<body>\n", css);
	if (d->draft)
		strbuf_adds(out, "<div class=\"draft\">草稿 DRAFT</div>\n");
	tag(out, "<h1>", d->title, "");
	tag(out, "", d->title_mark, "</h1>\n");
	if (d->number)
		tag(out, "<p class=\"number\">", d->number, "</p>\n");
	for (i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->blocks[i];
		if (b->kind == DB_ROW && (!in_table || b->header)) {
			if (in_table)
				strbuf_adds(out, "</tbody></table>\n");
			strbuf_adds(out, b->header ? "<table><thead>" : "<table><tbody>");
			in_table = 1;
		} else if (b->kind == DB_PHOTO && in_table) {
			/* under its row, across the table, which goes on after it */
			strbuf_addf(out, "<tr><td colspan=\"%zu\">", cols);
			block(d, b, out);
			strbuf_adds(out, "</td></tr>\n");
			continue;
		} else if (b->kind != DB_ROW && in_table) {
			strbuf_adds(out, "</tbody></table>\n");
			in_table = 0;
		}
		if (b->kind == DB_ROW)
			cols = b->n_cells ? b->n_cells : 1;
		block(d, b, out);
	}
	if (in_table)
		strbuf_adds(out, "</tbody></table>\n");
	strbuf_adds(out, "</body>\n</html>\n");
}
