/* fuzz_rpproto.c - libFuzzer target for what a git-receive-pack server
 * says to a push (sync/pktline.c, sync/rpproto.c): its ref advertisement,
 * then its report-status.
 *
 * The first byte chooses: bit 0, the report comes in side-band-64k; bits
 * 1-3, how many bytes each read hands out (1 to 8; 0: as many as asked).
 * The rest is the server's bytes: the advertisement is read, and if it
 * parses, the report from what follows.  Then:
 *   - neither parser crashes, leaks or reads out of bounds;
 *   - a parsed report either says "ok" or gives a reason.
 * Seeds: tests/fuzz/seeds/rpproto (a real advertisement and report, with
 * and without side-band).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sync/rpproto.h"
#include "tests/mem_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(const char *msg, size_t len, void *ctx)
{
	(void)msg, (void)len, (void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pkt_reader r;
	struct mem m;
	struct rp_advert a;
	struct rp_report rep;
	unsigned caps;

	if (size < 1)
		return 0;
	caps = RP_CAP_REPORT_STATUS | (data[0] & 1 ? RP_CAP_SIDEBAND_64K : 0);
	m.p = data + 1;
	m.len = size - 1;
	m.off = 0;
	m.chunk = (data[0] >> 1) & 7;
	pkt_reader_init(&r, mem_read, &m, RP_MAX_BYTES);
	if (rp_read_advert(&r, "refs/heads/main", &a) < 0)
		return 0;
	r.total = 0;
	if (rp_read_report(&r, caps, "refs/heads/main", ignore, NULL, &rep) < 0)
		return 0;
	if (!rep.ref_ok && !rep.status[0])
		abort();
	return 0;
}
