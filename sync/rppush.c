/* rppush.c - receive-pack spoken by us, over libgit2's connection (see
 * rppush.h). */
#include "rppush.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strbuf.h"
#include "rpconn.h"
#include "rpproto.h"
#include "sendset.h"
#include "url.h"

#define SEND_BUF (64u << 10)      /* the pack goes out in writes of this */
#define PROGRESS_INTERVAL 0.5      /* seconds between progress calls, as libgit2's */

struct push {
	struct rpconn *conn;
	const git_remote_callbacks *cb;
	git_packbuilder *pb;
	struct strbuf out;   /* bytes not yet written */
	size_t sent;         /* pack bytes written */
	double last_progress;
};

/* 0: git_remote_push's, 1: git://, 2: ssh (ssh://, its aliases, scp-like). */
static int url_kind(const char *url)
{
	struct remote_url u;
	struct fc_err err = { 0 };

	if (url_parse(url, &u, &err) || u.local)
		return 0;
	if (!strcmp(u.scheme, "git"))
		return 1;
	if (!strcmp(u.scheme, "ssh") || !strcmp(u.scheme, "git+ssh") ||
	    !strcmp(u.scheme, "ssh+git"))
		return 2;
	return 0; /* http(s): its stateless requests are libgit2's to make */
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int flush_out(struct push *p)
{
	int rc = p->out.len ? rpconn_write(p->conn, p->out.buf, p->out.len) : 0;

	strbuf_reset(&p->out);
	return rc;
}

static void progress(struct push *p, int last)
{
	double t = now();

	if (!p->cb->push_transfer_progress || (!last && t - p->last_progress < PROGRESS_INTERVAL))
		return;
	p->last_progress = t;
	p->cb->push_transfer_progress((unsigned)git_packbuilder_written(p->pb),
				      (unsigned)git_packbuilder_object_count(p->pb), p->sent,
				      p->cb->payload);
}

static int send_chunk(void *buf, size_t size, void *ctx)
{
	struct push *p = ctx;

	strbuf_add(&p->out, buf, size);
	p->sent += size;
	if (p->out.len >= SEND_BUF && flush_out(p) < 0)
		return -1;
	progress(p, 0);
	return 0;
}

static int insert(const git_oid *id, const char *name, void *pb)
{
	return git_packbuilder_insert(pb, id, name);
}

/* The sendset between `have` and head as a pack, written to the stream
 * while it is made: only its delta window is in memory. */
static int send_pack(struct push *p, git_repository *repo, const git_oid *head,
		     const git_oid *have)
{
	struct fc_err err = { 0 };

	if (git_packbuilder_new(&p->pb, repo) < 0)
		return -1;
	git_packbuilder_set_threads(p->pb, 0);
	if (sendset_each(repo, head, have, insert, p->pb, &err)) {
		if (err.msg[0])
			git_error_set_str(GIT_ERROR_NET, err.msg);
		return -1;
	}
	if (git_packbuilder_foreach(p->pb, send_chunk, p) < 0 || flush_out(p) < 0)
		return -1;
	progress(p, 1);
	return 0;
}

static void remote_said(const char *msg, size_t len, void *ctx)
{
	const git_remote_callbacks *cb = ctx;

	if (cb->sideband_progress && len)
		cb->sideband_progress(msg, len > 65536 ? 65536 : (int)len, cb->payload);
}

/* Ends the session having asked nothing: receive-pack takes an empty
 * command list as "no push" and exits. */
static int say_nothing(struct push *p)
{
	strbuf_reset(&p->out);
	pkt_add_flush(&p->out);
	return flush_out(p);
}

static int speak(struct push *p, struct pkt_reader *r, git_repository *repo,
		 const char *refname, const git_oid *head, const git_oid *expected)
{
	struct rp_advert adv;
	struct rp_report rep;
	unsigned caps;

	if (rp_read_advert(r, refname, &adv) < 0)
		return -1;
	/* A receive-pack that would not report what it did is older than any
	 * git fieldcheck meets; git_remote_push copes with it by assuming all
	 * went well, which we leave to it rather than guess ourselves. */
	if (!(adv.caps & RP_CAP_REPORT_STATUS))
		return say_nothing(p) < 0 ? -1 : RPPUSH_UNUSABLE;
	/* The compare-and-swap: the old value we send is the advertised one,
	 * and it must be what we merged against; receive-pack checks it again
	 * under the ref's lock. */
	if (adv.has_ref != (expected != NULL) ||
	    (expected && !git_oid_equal(&adv.old, expected)))
		return say_nothing(p) < 0 ? -1 : RPPUSH_MOVED;
	if (adv.has_ref && git_oid_equal(&adv.old, head))
		return say_nothing(p); /* it has it already */
	if (rp_command(&p->out, &adv, refname, head, &caps) < 0) {
		git_error_set_str(GIT_ERROR_NET, "the ref name is too long");
		return -1;
	}
	if (flush_out(p) < 0 || send_pack(p, repo, head, expected) < 0)
		return -1;
	r->total = 0; /* the report's own budget */
	if (rp_read_report(r, caps, refname, remote_said, (void *)p->cb, &rep) < 0)
		return -1;
	if (p->cb->push_update_reference &&
	    p->cb->push_update_reference(refname, rep.ref_ok ? NULL : rep.status,
					 p->cb->payload) < 0)
		return -1;
	return 0;
}

int rppush(git_repository *repo, git_remote *rm, const char *refname, const git_oid *head,
	   const git_oid *expected, const git_remote_callbacks *cb)
{
	const char *url = git_remote_pushurl(rm) ? git_remote_pushurl(rm) : git_remote_url(rm);
	struct push p = { NULL, cb, NULL, { 0 }, 0, 0 };
	struct pkt_reader *r;
	int kind = url ? url_kind(url) : 0, rc;

	if (!kind)
		return RPPUSH_UNUSABLE;
	if (rpconn_open(&p.conn, rm, url, kind == 2, cb) < 0)
		return -1;
	strbuf_init(&p.out);
	r = xmalloc(sizeof *r);
	pkt_reader_init(r, rpconn_read, p.conn, RP_MAX_BYTES);
	rc = speak(&p, r, repo, refname, head, expected);
	free(r);
	strbuf_release(&p.out);
	git_packbuilder_free(p.pb);
	rpconn_close(p.conn);
	return rc;
}
