/* pktline.c - pkt-lines and side-band read with every length checked (see
 * pktline.h). */
#include "pktline.h"

#include <git2.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

void pkt_reader_init(struct pkt_reader *r, pkt_source_fn read, void *ctx, uint64_t max_total)
{
	r->read = read;
	r->ctx = ctx;
	r->total = 0;
	r->max_total = max_total;
	r->start = r->end = 0;
	r->line[0] = '\0';
}

static int bad(const char *what)
{
	git_error_set(GIT_ERROR_NET, _("the server does not speak git's protocol: %s"), what);
	return -1;
}

/* Until n (<= PKT_MAX) unread bytes are in buf: 1, or 0 when the stream
 * ends first (r->end - r->start bytes are there), or -1. */
static int fill(struct pkt_reader *r, size_t n)
{
	while (r->end - r->start < n) {
		size_t got = 0;

		if (r->start + n > sizeof r->buf) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		if (r->read(r->ctx, r->buf + r->end, sizeof r->buf - r->end, &got) < 0)
			return -1;
		if (got == 0)
			return 0;
		if (got > sizeof r->buf - r->end)
			return bad(_("a read longer than asked for"));
		r->total += got;
		if (r->total > r->max_total)
			return bad(_("it sends more than any answer needs"));
		r->end += got;
	}
	return 1;
}

static int hexlen(const char *p, size_t *out)
{
	size_t i, v = 0;

	for (i = 0; i < 4; i++) {
		char c = p[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + (size_t)d;
	}
	*out = v;
	return 0;
}

int pkt_read(struct pkt_reader *r, const char **line, size_t *len)
{
	size_t n;
	int rc = fill(r, 4);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return r->end == r->start ? PKT_END : bad(_("it stopped inside a line"));
	if (hexlen(r->buf + r->start, &n))
		return bad(_("a line's length is not four hex digits"));
	if (n == 0) {
		r->start += 4;
		return PKT_FLUSH;
	}
	if (n < 4)
		return bad(_("a line's length is shorter than its own digits"));
	if (n > PKT_MAX)
		return bad(_("a line is longer than git allows"));
	rc = fill(r, n);
	if (rc <= 0)
		return rc < 0 ? -1 : bad(_("it stopped inside a line"));
	*len = n - 4;
	memcpy(r->line, r->buf + r->start + 4, *len);
	r->line[*len] = '\0';
	*line = r->line;
	r->start += n;
	return PKT_LINE;
}

int pkt_add(struct strbuf *sb, const void *data, size_t len)
{
	char head[5];

	if (len > PKT_DATA_MAX)
		return -1;
	snprintf(head, sizeof head, "%04zx", len + 4);
	strbuf_add(sb, head, 4);
	strbuf_add(sb, data, len);
	return 0;
}

void pkt_add_flush(struct strbuf *sb)
{
	strbuf_add(sb, "0000", 4);
}

/* Channel 3: the remote's last words, control characters blanked. */
static int fatal(const char *msg, size_t len)
{
	char shown[512];
	size_t i;

	if (len >= sizeof shown)
		len = sizeof shown - 1;
	for (i = 0; i < len; i++)
		shown[i] = (unsigned char)msg[i] < 0x20 || msg[i] == 0x7f ? ' ' : msg[i];
	while (len && shown[len - 1] == ' ')
		len--;
	shown[len] = '\0';
	git_error_set(GIT_ERROR_NET, _("the server stopped: %s"), shown);
	return -1;
}

int pkt_sideband_read(void *ctx, char *buf, size_t size, size_t *got)
{
	struct pkt_sideband *s = ctx;
	const char *line;
	size_t len;
	int rc;

	*got = 0;
	while (!s->n_pending && !s->ended) {
		rc = pkt_read(s->outer, &line, &len);
		if (rc < 0)
			return -1;
		if (rc == PKT_END)
			return bad(_("it stopped before its side-band's end"));
		if (rc == PKT_FLUSH) {
			s->ended = 1;
			break;
		}
		if (len == 0)
			return bad(_("a side-band line with no channel"));
		if (line[0] == 1) {
			s->pending = line + 1;
			s->n_pending = len - 1; /* may be 0: a keep-alive */
		} else if (line[0] == 2) {
			if (s->msg)
				s->msg(line + 1, len - 1, s->msg_ctx);
		} else if (line[0] == 3) {
			return fatal(line + 1, len - 1);
		} else {
			return bad(_("a side-band channel other than 1, 2 or 3"));
		}
	}
	if (!s->n_pending)
		return 0; /* the side-band's end */
	*got = s->n_pending < size ? s->n_pending : size;
	memcpy(buf, s->pending, *got);
	s->pending += *got;
	s->n_pending -= *got;
	return 0;
}
