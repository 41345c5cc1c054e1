/* pktline.h - git's pkt-line framing, read from a server that may lie.
 *
 * A pkt-line is four hex digits giving its whole length (the four digits
 * included), then that many bytes less four; "0000" is a flush.  Whatever
 * the server sends is checked: a length that is not four hex digits, one of
 * 1 to 3 (git's v2 delimiters, which protocol v0 never sends), one above
 * PKT_MAX (git's LARGE_PACKET_MAX), a stream that ends inside a line, or
 * more bytes in all than the reader was given leave a message in libgit2's
 * error (GIT_ERROR_NET) and -1, never a read past the buffer.
 *
 * The side-band reader (git's side-band-64k) is a byte source itself, so a
 * pkt_reader can read the pkt-lines carried in channel 1 (report-status)
 * while channel 2 (the remote's messages) goes to a callback and channel 3
 * (its fatal error) ends the read with that message.
 */
#ifndef FC_PKTLINE_H
#define FC_PKTLINE_H

#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

#define PKT_MAX 65520 /* a line's bytes, its four digits included */
#define PKT_DATA_MAX (PKT_MAX - 4)

/* Reads at most size bytes into buf; *got 0 at the end of the stream.
 * 0, or -1 with libgit2's error set. */
typedef int (*pkt_source_fn)(void *ctx, char *buf, size_t size, size_t *got);

struct pkt_reader {
	pkt_source_fn read;
	void *ctx;
	uint64_t total, max_total; /* bytes read so far, and the most allowed */
	size_t start, end;         /* the unread bytes of buf */
	char buf[PKT_MAX];
	char line[PKT_DATA_MAX + 1]; /* the last line read, NUL after it */
};

enum { PKT_END = 0, PKT_FLUSH = 1, PKT_LINE = 2 };

void pkt_reader_init(struct pkt_reader *r, pkt_source_fn read, void *ctx, uint64_t max_total);
/* The next line: PKT_LINE with *line (r->line, NUL-terminated, valid
 * until the next call) and *len; PKT_FLUSH; PKT_END when the stream ended
 * between lines; -1 on anything malformed. */
int pkt_read(struct pkt_reader *r, const char **line, size_t *len);

/* Appends one pkt-line holding len bytes (at most PKT_DATA_MAX: -1 if
 * more), or a flush. */
int pkt_add(struct strbuf *sb, const void *data, size_t len);
void pkt_add_flush(struct strbuf *sb);

/* Side-band: a pkt_source_fn over the pkt-lines of `outer`, giving channel
 * 1's bytes; the flush that ends the side-band is the end of the stream. */
typedef void (*pkt_msg_fn)(const char *msg, size_t len, void *ctx);
struct pkt_sideband {
	struct pkt_reader *outer;
	pkt_msg_fn msg;  /* channel 2; may be NULL */
	void *msg_ctx;
	const char *pending; /* channel 1 bytes not handed out yet */
	size_t n_pending;
	int ended;
};
int pkt_sideband_read(void *sideband, char *buf, size_t size, size_t *got);

#endif
