/* test_rpproto.c - what git-receive-pack says, read as a hostile server
 * might say it (sync/pktline.c, sync/rpproto.c): lengths that are not
 * lengths, lines too long, answers that never end or stop halfway, a
 * side-band with channels mixed; and what we send. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "sync/rpproto.h"
#include "tests/mem_read.h"

#define OID_A "1111111111111111111111111111111111111111"
#define OID_B "2222222222222222222222222222222222222222"
#define ZEROS "0000000000000000000000000000000000000000"

static void pkt_s(struct strbuf *sb, const char *s)
{
	assert_int_equal(pkt_add(sb, s, strlen(s)), 0);
}

/* Parses sb as an advertisement, read `chunk` bytes at a time. */
static int advert(const struct strbuf *sb, size_t chunk, struct rp_advert *a)
{
	struct mem m = { sb->buf, sb->len, 0, chunk };
	struct pkt_reader *r = malloc(sizeof *r);
	int rc;

	pkt_reader_init(r, mem_read, &m, RP_MAX_BYTES);
	rc = rp_read_advert(r, "refs/heads/main", a);
	free(r);
	return rc;
}

static int advert_str(const char *s, struct rp_advert *a)
{
	struct strbuf sb = { (char *)s, strlen(s), 0 };
	return advert(&sb, 0, a);
}

static void a_real_advertisement(void **state)
{
	static const char caps[] = ZEROS " capabilities^{}\0report-status side-band-64k quiet "
				   "object-format=sha1 agent=git/2.39\n";
	struct strbuf sb;
	struct rp_advert a;
	size_t chunk;
	(void)state;

	strbuf_init(&sb);
	assert_int_equal(pkt_add(&sb, caps, sizeof caps - 1), 0);
	pkt_add_flush(&sb);
	assert_int_equal(advert(&sb, 0, &a), 0);
	assert_false(a.has_ref); /* an empty central */
	assert_int_equal(a.caps, RP_CAP_REPORT_STATUS | RP_CAP_SIDEBAND_64K | RP_CAP_QUIET |
				 RP_CAP_AGENT);

	strbuf_reset(&sb);
	pkt_s(&sb, "version 1\n");
	pkt_add(&sb, OID_B " refs/evidence/ZJ-0001\0report-status", 41 + 21 + 1 + 13);
	pkt_s(&sb, OID_A " refs/heads/main\n");
	pkt_s(&sb, OID_B " refs/heads/mainly\n");
	pkt_s(&sb, "shallow " OID_B "\n");
	pkt_add_flush(&sb);
	for (chunk = 1; chunk < 80; chunk += 13) { /* however the bytes come */
		assert_int_equal(advert(&sb, chunk, &a), 0);
		assert_true(a.has_ref);
		assert_string_equal(git_oid_tostr_s(&a.old), OID_A);
		assert_int_equal(a.caps, RP_CAP_REPORT_STATUS);
	}
	strbuf_release(&sb);
}

static void lengths_that_are_not_lengths(void **state)
{
	static const char *const bad[] = {
		"00zz", "0001", "0002", "0003", "fff1xxxx", "ffff", "-004", "0 04",
		"0032" OID_A " refs/heads/ma", /* stops inside a line */
		"003",                          /* inside the length */
		"0009hello",                    /* not "id name" */
		"002d" OID_A " \n",             /* no name */
		"002e" OID_A "xmain",
		"002e" "zz11111111111111111111111111111111111111 x",
	};
	struct rp_advert a;
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		git_error_clear();
		assert_int_equal(advert_str(bad[i], &a), -1);
		assert_non_null(git_error_last());
		assert_non_null(strstr(git_error_last()->message, "protocol"));
	}
}

static void the_server_says_err(void **state)
{
	struct rp_advert a;
	(void)state;
	assert_int_equal(advert_str("", &a), -1); /* hung up without a word */
	assert_non_null(strstr(git_error_last()->message, "--enable=receive-pack"));
	assert_int_equal(advert_str("003d" OID_A " refs/heads/main\n", &a), -1); /* no flush */
	assert_non_null(strstr(git_error_last()->message, "before the end of its refs"));
	assert_int_equal(advert_str("0021ERR access denied\033[2J here\n0000", &a), -1);
	assert_non_null(strstr(git_error_last()->message, "access denied"));
	assert_null(strchr(git_error_last()->message, '\033')); /* no terminal escapes */
}

/* An advertisement that never ends: ref lines, or the longest lines. */
struct endless {
	int longest;
	size_t lines;
	char line[PKT_MAX];
	size_t off, len;
};

static int endless_read(void *ctx, char *buf, size_t size, size_t *got)
{
	struct endless *e = ctx;

	if (e->off == e->len) {
		if (e->longest) {
			e->len = PKT_MAX;
			memcpy(e->line, "fff0" OID_A " refs/x/", 4 + 48);
			memset(e->line + 52, 'y', PKT_MAX - 52);
		} else {
			e->len = (size_t)snprintf(e->line, sizeof e->line, "%04x%s refs/x/%08zu\n",
						  4 + 41 + 16, OID_B, e->lines);
		}
		e->off = 0;
		e->lines++;
	}
	*got = e->len - e->off < size ? e->len - e->off : size;
	memcpy(buf, e->line + e->off, *got);
	e->off += *got;
	return 0;
}

static void advertisements_that_never_end(void **state)
{
	struct pkt_reader *r = malloc(sizeof *r);
	struct endless *e = calloc(1, sizeof *e);
	struct rp_advert a;
	(void)state;

	pkt_reader_init(r, endless_read, e, RP_MAX_BYTES);
	assert_int_equal(rp_read_advert(r, "refs/heads/main", &a), -1);
	assert_int_equal(e->lines, RP_MAX_REFS + 1);
	assert_non_null(strstr(git_error_last()->message, "more refs"));

	memset(e, 0, sizeof *e);
	e->longest = 1;
	pkt_reader_init(r, endless_read, e, RP_MAX_BYTES);
	assert_int_equal(rp_read_advert(r, "refs/heads/main", &a), -1);
	assert_true(e->lines * PKT_MAX <= RP_MAX_BYTES + 2 * PKT_MAX);
	assert_non_null(strstr(git_error_last()->message, "more than any answer"));
	free(e);
	free(r);
}

static void what_we_send(void **state)
{
	struct rp_advert a = { RP_CAP_REPORT_STATUS | RP_CAP_SIDEBAND | RP_CAP_SIDEBAND_64K, 1,
			       { { 0 } }, 1 };
	struct strbuf sb;
	git_oid id;
	unsigned caps;
	static const char want[] = "0081" OID_A " " OID_B " refs/heads/main\0report-status side-band-64k0000";
	(void)state;

	git_oid_fromstr(&a.old, OID_A);
	git_oid_fromstr(&id, OID_B);
	strbuf_init(&sb);
	assert_int_equal(rp_command(&sb, &a, "refs/heads/main", &id, &caps), 0);
	assert_int_equal(caps, RP_CAP_REPORT_STATUS | RP_CAP_SIDEBAND_64K);
	assert_int_equal(sb.len, sizeof want - 1);
	assert_memory_equal(sb.buf, want, sizeof want - 1);

	a.has_ref = 0; /* a new ref: its old value is zeros; no agent unless offered */
	a.caps = RP_CAP_REPORT_STATUS | RP_CAP_AGENT | RP_CAP_QUIET;
	strbuf_reset(&sb);
	assert_int_equal(rp_command(&sb, &a, "refs/heads/main", &id, &caps), 0);
	assert_memory_equal(sb.buf + 4, ZEROS " " OID_B, 81);
	assert_true(sb.len > 4 + 81 + 16 + 39);
	assert_memory_equal(sb.buf + 4 + 81 + 16, "\0report-status quiet agent=fieldcheck/", 38);
	strbuf_release(&sb);

	strbuf_init(&sb);
	assert_int_equal(pkt_add(&sb, "x", PKT_DATA_MAX + 1), -1);
	strbuf_release(&sb);
}

struct heard {
	char said[256];
	size_t n;
};

static void hear(const char *msg, size_t len, void *ctx)
{
	struct heard *h = ctx;

	if (len > sizeof h->said - 1 - h->n)
		len = sizeof h->said - 1 - h->n;
	memcpy(h->said + h->n, msg, len);
	h->n += len;
	h->said[h->n] = '\0';
}

static int report(const struct strbuf *sb, unsigned caps, size_t chunk, struct heard *h,
		  struct rp_report *rep)
{
	struct mem m = { sb->buf, sb->len, 0, chunk };
	struct pkt_reader *r = malloc(sizeof *r);
	int rc;

	pkt_reader_init(r, mem_read, &m, RP_MAX_BYTES);
	rc = rp_read_report(r, caps, "refs/heads/main", hear, h, rep);
	free(r);
	return rc;
}

/* The report's pkt-lines, in side-band channel 1 split in two, after a
 * message on channel 2, then the side-band's flush. */
static void sidebanded(struct strbuf *out, const struct strbuf *inner, const char *msg)
{
	struct strbuf band;
	size_t half = inner->len / 2;

	strbuf_init(&band);
	strbuf_addc(&band, 2);
	strbuf_adds(&band, msg);
	pkt_add(out, band.buf, band.len);
	strbuf_reset(&band);
	strbuf_addc(&band, 1);
	strbuf_add(&band, inner->buf, half);
	pkt_add(out, band.buf, band.len);
	pkt_add(out, "\1", 1); /* a keep-alive */
	strbuf_reset(&band);
	strbuf_addc(&band, 1);
	strbuf_add(&band, inner->buf + half, inner->len - half);
	pkt_add(out, band.buf, band.len);
	pkt_add_flush(out);
	strbuf_release(&band);
}

static void reports(void **state)
{
	struct strbuf in, sb;
	struct rp_report rep;
	struct heard h = { "", 0 };
	(void)state;

	strbuf_init(&in);
	strbuf_init(&sb);
	pkt_s(&in, "unpack ok\n");
	pkt_s(&in, "ok refs/heads/mainly\n");
	pkt_s(&in, "ok refs/heads/main\n");
	pkt_add_flush(&in);
	assert_int_equal(report(&in, RP_CAP_REPORT_STATUS, 3, &h, &rep), 0);
	assert_true(rep.ref_ok);

	sidebanded(&sb, &in, "hello from the hook\n");
	assert_int_equal(report(&sb, RP_CAP_SIDEBAND_64K, 0, &h, &rep), 0);
	assert_true(rep.ref_ok);
	assert_string_equal(h.said, "hello from the hook\n");

	strbuf_reset(&in);
	pkt_s(&in, "unpack ok\n");
	pkt_s(&in, "ng refs/heads/main pre-receive hook declined\n");
	pkt_add_flush(&in);
	strbuf_reset(&sb);
	sidebanded(&sb, &in, "no entry\n");
	assert_int_equal(report(&sb, RP_CAP_SIDEBAND, 7, &h, &rep), 0);
	assert_false(rep.ref_ok);
	assert_string_equal(rep.status, "pre-receive hook declined");

	strbuf_reset(&in);
	pkt_s(&in, "unpack index-pack abnormal exit\n");
	pkt_s(&in, "ng refs/heads/main unpacker error\n");
	pkt_add_flush(&in);
	assert_int_equal(report(&in, 0, 0, &h, &rep), 0);
	assert_false(rep.ref_ok);
	assert_string_equal(rep.status, "unpack failed: index-pack abnormal exit");
	strbuf_release(&in);
	strbuf_release(&sb);
}

static void reports_that_lie(void **state)
{
	static const char *const bad[] = {
		"",                                         /* nothing */
		"000eunpack ok\n",                          /* stops before its flush */
		"000eunpack ok\n0000",                      /* says nothing of our ref */
		"0017ok refs/heads/main\n0000",             /* no unpack line */
		"0000",                                     /* empty */
		"000eunpack ok\n0017ok refs/heads/mai",     /* stops inside a line */
	};
	struct strbuf sb = { NULL, 0, 0 }, in;
	struct rp_report rep;
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		sb.buf = (char *)bad[i];
		sb.len = strlen(bad[i]);
		assert_int_equal(report(&sb, RP_CAP_REPORT_STATUS, 0, NULL, &rep), -1);
	}

	strbuf_init(&in);
	strbuf_init(&sb);
	pkt_add(&sb, "\3disk full\033[31m\n", 16); /* channel 3: the server's fatal error */
	assert_int_equal(report(&sb, RP_CAP_SIDEBAND_64K, 0, NULL, &rep), -1);
	assert_non_null(strstr(git_error_last()->message, "disk full"));
	assert_null(strchr(git_error_last()->message, '\033'));

	strbuf_reset(&sb);
	pkt_add(&sb, "\5x", 2); /* no such channel */
	assert_int_equal(report(&sb, RP_CAP_SIDEBAND_64K, 0, NULL, &rep), -1);

	strbuf_reset(&sb);
	pkt_add(&sb, "\001" "000eunpack ok\n", 15); /* the side-band ends mid-report */
	pkt_add_flush(&sb);
	assert_int_equal(report(&sb, RP_CAP_SIDEBAND_64K, 0, NULL, &rep), -1);

	strbuf_reset(&sb);
	pkt_add(&sb, "", 0); /* a side-band line with no channel */
	assert_int_equal(report(&sb, RP_CAP_SIDEBAND_64K, 0, NULL, &rep), -1);
	strbuf_release(&in);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_real_advertisement),
		cmocka_unit_test(lengths_that_are_not_lengths),
		cmocka_unit_test(the_server_says_err),
		cmocka_unit_test(advertisements_that_never_end),
		cmocka_unit_test(what_we_send),
		cmocka_unit_test(reports),
		cmocka_unit_test(reports_that_lie),
	};
	git_libgit2_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
