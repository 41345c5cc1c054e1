/* evblob.c - evidence objects streamed between object stores (see evblob.h). */
#include "evblob.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "evloose.h"
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

/* Feeds object id of repo to sink: a loose file inflated through one
 * buffer (sync/evloose.c), else (packed) read whole, within max. */
static int read_object(git_repository *repo, git_odb *odb, const git_oid *id, uint64_t max,
		       evloose_sink sink, void *ctx, struct fc_err *err)
{
	git_odb_object *o = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	git_object_t type;
	size_t size;
	int rc;

	git_oid_tostr(hex, sizeof hex, id);
	if (git_odb_read_header(&size, &type, odb, id) < 0)
		return git_fail(err, hex);
	if (size > max)
		return fc_fail(err, _("object %s is %zu bytes, more than a file may be here (at most "
			       "%llu, the setting %s)"), hex, size, (unsigned long long)max,
			       "evidence.max_bytes");
	if (type == GIT_OBJECT_BLOB) {
		struct strbuf objects;
		strbuf_init(&objects);
		strbuf_addf(&objects, "%sobjects", git_repository_path(repo));
		rc = evloose_read(objects.buf, id, max, &size, sink, ctx, err);
		strbuf_release(&objects);
		if (rc <= 0)
			return rc;
	}
	if (git_odb_read(&o, odb, id) < 0)
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

/* Copies object id from src to dst unless dst has it; the copy must hash
 * to id. */
static int copy_object(git_repository *src_repo, git_odb *src, git_odb *dst, const git_oid *id,
		       uint64_t max, struct fc_err *err)
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
	if (size > max)
		return fc_fail(err, _("object %s is %zu bytes, more than a file may be here (at most "
			       "%llu, the setting %s)"), git_oid_tostr_s(id), size,
			       (unsigned long long)max, "evidence.max_bytes");
	if (git_odb_open_wstream(&t.ws, dst, size, type) < 0)
		return git_fail(err, _("writing a file's object"));
	rc = read_object(src_repo, src, id, max, to_stream, &t, err);
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

int evblob_to_fd(git_repository *repo, const git_oid *id, uint64_t max, int fd,
		 struct fc_err *err)
{
	struct to_fd t = { fd, err };
	git_odb *odb = NULL;
	int rc = evblob_odb(repo, &odb, err);

	if (rc == 0)
		rc = read_object(repo, odb, id, max, to_fd, &t, err);
	git_odb_free(odb);
	return rc;
}

struct copy_set {
	git_repository *src_repo;
	git_odb *src, *dst;
	uint64_t max;
	struct fc_err *err;
};

static int copy_one(const git_oid *id, const char *name, void *ctx)
{
	struct copy_set *cs = ctx;

	(void)name;
	return copy_object(cs->src_repo, cs->src, cs->dst, id, cs->max, cs->err) ? GIT_EUSER : 0;
}

int evblob_copy_set(git_repository *src, git_repository *dst, const git_oid *head,
		    const git_oid *have, uint64_t max, struct fc_err *err)
{
	struct copy_set cs = { src, NULL, NULL, max, err };
	int rc = -1;

	if (evblob_odb(src, &cs.src, err) == 0 && evblob_odb(dst, &cs.dst, err) == 0)
		rc = sendset_each(src, head, have, copy_one, &cs, err);
	git_odb_free(cs.src);
	git_odb_free(cs.dst);
	return rc;
}

int evblob_drop(git_repository *repo, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];
	struct strbuf p;
	int gone;

	git_oid_tostr(hex, sizeof hex, id);
	strbuf_init(&p);
	strbuf_addf(&p, "%sobjects/%.2s/%s", git_repository_path(repo), hex, hex + 2);
	gone = unlink(p.buf) == 0;
	strbuf_release(&p);
	return gone;
}
