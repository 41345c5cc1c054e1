/* evblob.c - evidence objects streamed between object stores (see evblob.h). */
#include "evblob.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "gitutil.h"
#include "sendset.h"

#define CHUNK (64u << 10)

int evblob_odb(git_repository *repo, git_odb **out, struct fc_err *err)
{
	struct strbuf p;
	int rc;

	strbuf_init(&p);
	strbuf_addf(&p, "%sobjects", git_repository_path(repo));
	rc = git_odb_open(out, p.buf) < 0 ? git_fail(err, _("opening the object store")) : 0;
	strbuf_release(&p);
	return rc;
}

/* Ends a write stream: the object is named by what was written, which
 * must be `want` when given. */
static int finish(git_odb_stream *ws, const git_oid *want, git_oid *out, struct fc_err *err)
{
	char a[GIT_OID_HEXSZ + 1], b[GIT_OID_HEXSZ + 1];

	if (git_odb_stream_finalize_write(out, ws) < 0)
		return git_fail(err, _("writing a file's object"));
	if (want && !git_oid_equal(out, want))
		return fc_fail(err, _("object %s came out as %s: its bytes are not what its name says"),
			       git_oid_tostr(a, sizeof a, want), git_oid_tostr(b, sizeof b, out));
	return 0;
}

int evblob_from_fd(git_odb *odb, int fd, uint64_t size, git_oid *out, struct fc_err *err)
{
	git_odb_stream *ws = NULL;
	char *buf = xmalloc(CHUNK);
	uint64_t left = size;
	int rc = -1;

	if (git_odb_open_wstream(&ws, odb, (git_object_size_t)size, GIT_OBJECT_BLOB) < 0) {
		git_fail(err, _("writing a file's object"));
		goto out;
	}
	while (left) {
		ssize_t n = read(fd, buf, left < CHUNK ? (size_t)left : CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fc_failk(err, FC_EIO, _("reading a kept file: %s"),
				 n < 0 ? strerror(errno) : _("it is shorter than its record says"));
			goto out;
		}
		if (git_odb_stream_write(ws, buf, (size_t)n) < 0) {
			git_fail(err, _("writing a file's object"));
			goto out;
		}
		left -= (uint64_t)n;
	}
	rc = finish(ws, NULL, out, err);
out:
	git_odb_stream_free(ws);
	free(buf);
	return rc;
}

typedef int (*sink_fn)(void *ctx, const char *data, size_t len);

/* Feeds object id of src to sink: as a stream when src can, else whole. */
static int read_object(git_odb *src, const git_oid *id, uint64_t max, git_object_t *type,
		       size_t *size, sink_fn sink, void *ctx, struct fc_err *err)
{
	git_odb_stream *rs = NULL;
	git_odb_object *o = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	int rc;

	git_oid_tostr(hex, sizeof hex, id);
	if (git_odb_read_header(size, type, src, id) < 0)
		return git_fail(err, hex);
	if (*size > max)
		return fc_fail(err, _("object %s is %zu bytes, more than a file may be here (at most "
			       "%llu, the setting %s)"), hex, *size, (unsigned long long)max,
			       "evidence.max_bytes");
	if (git_odb_open_rstream(&rs, size, type, src, id) == 0) {
		char *buf = xmalloc(CHUNK);
		size_t got = 0;
		int n;
		rc = 0;
		while (rc == 0 && (n = git_odb_stream_read(rs, buf, CHUNK)) > 0) {
			got += (size_t)n;
			rc = got > *size ? fc_fail(err, _("object %s is longer than it says"), hex)
					 : sink(ctx, buf, (size_t)n);
		}
		if (rc == 0 && n < 0)
			rc = git_fail(err, hex);
		free(buf);
		git_odb_stream_free(rs);
		return rc;
	}
	git_error_clear(); /* packed: no stream; read whole, within max */
	if (git_odb_read(&o, src, id) < 0)
		return git_fail(err, hex);
	rc = sink(ctx, git_odb_object_data(o), git_odb_object_size(o));
	git_odb_object_free(o);
	return rc;
}

struct to_stream { git_odb_stream *ws; struct fc_err *err; };

static int to_stream(void *ctx, const char *data, size_t len)
{
	struct to_stream *t = ctx;
	return git_odb_stream_write(t->ws, data, len) < 0 ?
	       git_fail(t->err, _("writing a file's object")) : 0;
}

int evblob_copy(git_odb *src, git_odb *dst, const git_oid *id, uint64_t max,
		struct fc_err *err)
{
	struct to_stream t = { NULL, err };
	git_object_t type;
	size_t size;
	git_oid got;
	int rc;

	if (git_odb_exists(dst, id))
		return 0;
	if (git_odb_read_header(&size, &type, src, id) < 0)
		return git_fail(err, _("reading an object to copy"));
	if (git_odb_open_wstream(&t.ws, dst, size, type) < 0)
		return git_fail(err, _("writing a file's object"));
	rc = read_object(src, id, max, &type, &size, to_stream, &t, err);
	if (rc == 0)
		rc = finish(t.ws, id, &got, err);
	git_odb_stream_free(t.ws);
	return rc;
}

struct to_fd { int fd; struct fc_err *err; };

static int to_fd(void *ctx, const char *data, size_t len)
{
	struct to_fd *t = ctx;

	while (len) {
		ssize_t n = write(t->fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fc_failk(t->err, FC_EIO, _("writing a file: %s"), strerror(errno));
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int evblob_to_fd(git_odb *odb, const git_oid *id, uint64_t max, int fd, struct fc_err *err)
{
	struct to_fd t = { fd, err };
	git_object_t type;
	size_t size;

	return read_object(odb, id, max, &type, &size, to_fd, &t, err);
}

struct copy_set { git_odb *src, *dst; uint64_t max; struct fc_err *err; };

static int copy_one(const git_oid *id, const char *name, void *ctx)
{
	struct copy_set *cs = ctx;

	(void)name;
	return evblob_copy(cs->src, cs->dst, id, cs->max, cs->err) ? GIT_EUSER : 0;
}

int evblob_copy_set(git_repository *src, git_repository *dst, const git_oid *head,
		    const git_oid *have, uint64_t max, struct fc_err *err)
{
	struct copy_set cs = { NULL, NULL, max, err };
	int rc = -1;

	if (evblob_odb(src, &cs.src, err) == 0 && evblob_odb(dst, &cs.dst, err) == 0)
		rc = sendset_each(src, head, have, copy_one, &cs, err);
	git_odb_free(cs.src);
	git_odb_free(cs.dst);
	return rc;
}
