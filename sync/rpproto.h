/* rpproto.h - what git-receive-pack says and is told (protocol v0), read
 * from a server that may lie: its ref advertisement and capabilities, the
 * one update command fieldcheck sends, and its report-status.
 *
 * Bounded: at most RP_MAX_REFS advertised lines and RP_MAX_BYTES read in
 * all per answer (sync/pktline.h checks every line); only the ref being
 * pushed is kept.  See Documentation/gitprotocol-pack.txt in git.
 */
#ifndef FC_RPPROTO_H
#define FC_RPPROTO_H

#include <git2.h>

#include "pktline.h"

#define RP_MAX_REFS 200000           /* a central holds main and an evidence ref per officer */
#define RP_MAX_BYTES (64u << 20)     /* per advertisement, per report */

enum {
	RP_CAP_REPORT_STATUS = 1,
	RP_CAP_SIDEBAND_64K = 2,
	RP_CAP_SIDEBAND = 4,
	RP_CAP_QUIET = 8,
	RP_CAP_AGENT = 16,
};

struct rp_advert {
	unsigned caps;   /* RP_CAP_* the server offered */
	int has_ref;     /* the ref asked for is there, at `old` */
	git_oid old;
	size_t n_refs;
};

/* Reads the advertisement up to its flush, looking for `refname`.  -1 with
 * libgit2's error set (an "ERR" line is the server's own message). */
int rp_read_advert(struct pkt_reader *r, const char *refname, struct rp_advert *out);

/* The command pkt-line and its flush: "old new refname\0caps", old the
 * advertised value (zeros when none), with report-status, the side-band
 * (64k if offered), quiet and agent=fieldcheck/... where offered.
 * *caps gets what was asked for. */
int rp_command(struct strbuf *out, const struct rp_advert *a, const char *refname,
	       const git_oid *new_id, unsigned *caps);

struct rp_report {
	int unpack_ok;
	int ref_ok;          /* the server said "ok refname" */
	char status[200];    /* else its reason ("unpack failed: ..." when the pack was refused) */
};

/* Reads report-status, from the side-band when `caps` asked for one
 * (channel 2 to msg, may be NULL), to its end.  -1 on a malformed or
 * truncated report, or one that does not mention refname. */
int rp_read_report(struct pkt_reader *r, unsigned caps, const char *refname, pkt_msg_fn msg,
		   void *msg_ctx, struct rp_report *out);

#endif
