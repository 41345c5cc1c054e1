/* rpproto.c - receive-pack's advertisement, our command, its report (see
 * rpproto.h). */
#include "rpproto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

#define RP_MAX_REPORT_LINES 1000 /* we send one command: its line and "unpack" */
/* Who we are, as git's agent capability; keep beside FC_VERSION (tui/main.c). */
#define RP_AGENT "fieldcheck/0.1.0"

static int bad(const char *what)
{
	git_error_set(GIT_ERROR_NET, _("the server does not speak git's protocol: %s"), what);
	return -1;
}

/* A copy of len bytes of s into out, control characters blanked: what a
 * server says is shown on a terminal. */
static void shown(char *out, size_t size, const char *s, size_t len)
{
	size_t i;

	if (len >= size)
		len = size - 1;
	for (i = 0; i < len; i++)
		out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i];
	out[len] = '\0';
}

static int is(const char *tok, size_t n, const char *word)
{
	return n == strlen(word) && !memcmp(tok, word, n);
}

static int read_caps(const char *p, size_t len, unsigned *caps)
{
	const char *end = p + len;

	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		size_t n = sp ? (size_t)(sp - p) : (size_t)(end - p);

		if (is(p, n, "report-status"))
			*caps |= RP_CAP_REPORT_STATUS;
		else if (is(p, n, "side-band-64k"))
			*caps |= RP_CAP_SIDEBAND_64K;
		else if (is(p, n, "side-band"))
			*caps |= RP_CAP_SIDEBAND;
		else if (is(p, n, "quiet"))
			*caps |= RP_CAP_QUIET;
		else if (n >= 6 && !memcmp(p, "agent=", 6))
			*caps |= RP_CAP_AGENT;
		else if (n >= 14 && !memcmp(p, "object-format=", 14) && !is(p, n, "object-format=sha1"))
			return bad(_("its repository's objects are not named by SHA-1"));
		p += n + 1;
	}
	return 0;
}

/* One advertised line, "ERR ..." and "shallow ..." set apart. */
static int advert_line(const char *line, size_t len, int first, const char *refname,
		       struct rp_advert *out)
{
	char msg[256];
	git_oid id;
	const char *name, *nul;
	size_t nlen;

	if (len >= 4 && !memcmp(line, "ERR ", 4)) {
		shown(msg, sizeof msg, line + 4, len - 4);
		git_error_set(GIT_ERROR_NET, _("the server refused: %s"), msg);
		return -1;
	}
	if (len >= 8 && !memcmp(line, "shallow ", 8))
		return 0;
	if (len < 42 || line[40] != ' ' || git_oid_fromstrn(&id, line, 40) < 0)
		return bad(_("a ref line is not \"id name\""));
	name = line + 41;
	nul = memchr(name, '\0', len - 41);
	nlen = nul ? (size_t)(nul - name) : len - 41;
	if (nlen == 0)
		return bad(_("a ref line names no ref"));
	if (first && nul && read_caps(nul + 1, len - 41 - nlen - 1, &out->caps))
		return -1;
	if (!out->has_ref && nlen == strlen(refname) && !memcmp(name, refname, nlen)) {
		out->has_ref = 1;
		git_oid_cpy(&out->old, &id);
	}
	return 0;
}

int rp_read_advert(struct pkt_reader *r, const char *refname, struct rp_advert *out)
{
	const char *line;
	size_t len;
	int rc, first = 1;

	memset(out, 0, sizeof *out);
	for (;;) {
		rc = pkt_read(r, &line, &len);
		if (rc < 0)
			return -1;
		if (rc == PKT_END && r->total == 0) { /* git daemon's way of saying no */
			git_error_set(GIT_ERROR_NET, "%s", _("the server hung up without a word: is the "
				      "repository there, and does it take pushes (git daemon "
				      "--enable=receive-pack)?"));
			return -1;
		}
		if (rc == PKT_END)
			return bad(_("it stopped before the end of its refs"));
		if (rc == PKT_FLUSH)
			return 0;
		if (++out->n_refs > RP_MAX_REFS)
			return bad(_("it advertises more refs than a central holds"));
		if (len && line[len - 1] == '\n')
			len--;
		if (first && len == 9 && !memcmp(line, "version 1", 9))
			continue;
		if (advert_line(line, len, first, refname, out))
			return -1;
		first = 0;
	}
}

int rp_command(struct strbuf *out, const struct rp_advert *a, const char *refname,
	       const git_oid *new_id, unsigned *caps)
{
	char old_hex[GIT_OID_HEXSZ + 1], new_hex[GIT_OID_HEXSZ + 1];
	struct strbuf line;
	int rc;

	*caps = a->caps & RP_CAP_REPORT_STATUS;
	if (a->caps & RP_CAP_SIDEBAND_64K)
		*caps |= RP_CAP_SIDEBAND_64K;
	else
		*caps |= a->caps & RP_CAP_SIDEBAND;
	/* quiet: no unpacking progress, so channel 2 carries the hooks' words */
	*caps |= a->caps & (RP_CAP_QUIET | RP_CAP_AGENT);
	if (a->has_ref)
		git_oid_tostr(old_hex, sizeof old_hex, &a->old);
	else
		memset(old_hex, '0', GIT_OID_HEXSZ), old_hex[GIT_OID_HEXSZ] = '\0';
	git_oid_tostr(new_hex, sizeof new_hex, new_id);
	strbuf_init(&line);
	strbuf_addf(&line, "%s %s %s", old_hex, new_hex, refname);
	strbuf_addc(&line, '\0');
	strbuf_addf(&line, "%s%s%s%s",
		    *caps & RP_CAP_REPORT_STATUS ? "report-status" : "",
		    *caps & RP_CAP_SIDEBAND_64K ? " side-band-64k" :
		    *caps & RP_CAP_SIDEBAND ? " side-band" : "",
		    *caps & RP_CAP_QUIET ? " quiet" : "",
		    *caps & RP_CAP_AGENT ? " agent=" RP_AGENT : "");
	rc = pkt_add(out, line.buf, line.len);
	pkt_add_flush(out);
	strbuf_release(&line);
	return rc;
}

/* "ok REF" or "ng REF [reason]" about refname: 1 (out filled), else 0. */
static int ref_status(const char *line, size_t len, const char *refname, struct rp_report *out)
{
	size_t n = strlen(refname);

	if (len < 3 + n || memcmp(line + 3, refname, n) || (len > 3 + n && line[3 + n] != ' '))
		return 0;
	if (!memcmp(line, "ok ", 3) && len == 3 + n) {
		out->ref_ok = 1;
		return 1;
	}
	if (memcmp(line, "ng ", 3))
		return 0;
	if (len > 4 + n)
		shown(out->status, sizeof out->status, line + 4 + n, len - 4 - n);
	else
		snprintf(out->status, sizeof out->status, "refused");
	return 1;
}

static int report_lines(struct pkt_reader *in, const char *refname, struct rp_report *out)
{
	char why[150];
	const char *line;
	size_t len, n = 0;
	int rc, found = 0;

	for (;;) {
		rc = pkt_read(in, &line, &len);
		if (rc < 0)
			return -1;
		if (rc == PKT_END)
			return bad(_("it stopped before the end of its report"));
		if (rc == PKT_FLUSH)
			break;
		if (++n > RP_MAX_REPORT_LINES)
			return bad(_("its report is longer than any for one ref"));
		if (len && line[len - 1] == '\n')
			len--;
		if (n == 1) {
			if (len < 7 || memcmp(line, "unpack ", 7))
				return bad(_("its report does not start with \"unpack\""));
			out->unpack_ok = len == 9 && !memcmp(line + 7, "ok", 2);
			shown(why, sizeof why, line + 7, len - 7);
			if (!out->unpack_ok)
				snprintf(out->status, sizeof out->status, "unpack failed: %s", why);
		} else if (out->unpack_ok && !found && len >= 3) {
			found = ref_status(line, len, refname, out);
		}
	}
	if (n == 0)
		return bad(_("its report is empty"));
	if (!out->unpack_ok) {
		out->ref_ok = 0;
		return 0;
	}
	if (!found)
		return bad(_("its report does not say what became of the ref"));
	return 0;
}

/* After the report, the side-band runs to its flush (post-receive hooks
 * may still speak). */
static int drain(struct pkt_sideband *s)
{
	char scratch[256];
	size_t got;

	while (!s->ended)
		if (pkt_sideband_read(s, scratch, sizeof scratch, &got) < 0)
			return -1;
	return 0;
}

int rp_read_report(struct pkt_reader *r, unsigned caps, const char *refname, pkt_msg_fn msg,
		   void *msg_ctx, struct rp_report *out)
{
	struct pkt_sideband sb = { r, msg, msg_ctx, NULL, 0, 0 };
	struct pkt_reader *in;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(caps & (RP_CAP_SIDEBAND | RP_CAP_SIDEBAND_64K)))
		return report_lines(r, refname, out);
	in = xmalloc(sizeof *in);
	pkt_reader_init(in, pkt_sideband_read, &sb, RP_MAX_BYTES);
	rc = report_lines(in, refname, out);
	if (rc == 0)
		rc = drain(&sb);
	free(in);
	return rc;
}
