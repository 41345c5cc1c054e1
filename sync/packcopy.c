/* packcopy.c - packs copied as they are (see packcopy.h). */
#include "packcopy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/strbuf.h"

struct copy {
	packcopy_progress fn;
	void *ctx;
	size_t done;
	struct fc_err *err;
};

static int io_fail(struct copy *c, const char *what, const char *path)
{
	return fc_failk(c->err, FC_EIO, _("cannot %s %s: %s"), what, path, strerror(errno));
}

static int copy_bytes(struct copy *c, int in, int out, const char *from, const char *to)
{
	char buf[1 << 16];
	ssize_t n;

	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return io_fail(c, "read", from);
		if (write(out, buf, (size_t)n) != n)
			return io_fail(c, "write", to);
		c->done += (size_t)n;
		if (c->fn)
			c->fn(c->ctx, c->done);
	}
	return 0;
}

static int copy_file(struct copy *c, const char *from_dir, const char *to_dir, const char *name)
{
	struct strbuf from, tmp, to;
	int in = -1, out = -1, rc = -1;

	strbuf_init(&from);
	strbuf_init(&tmp);
	strbuf_init(&to);
	strbuf_addf(&from, "%s/%s", from_dir, name);
	strbuf_addf(&tmp, "%s/tmp_fc_%s", to_dir, name);
	strbuf_addf(&to, "%s/%s", to_dir, name);
	/* Not through a link: a central's packs are plain files, and a link
	 * there could point the copy at any file this user may read. */
	if ((in = open(from.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		io_fail(c, "read", from.buf);
	else if ((out = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0444)) < 0)
		io_fail(c, "write", tmp.buf);
	else if (copy_bytes(c, in, out, from.buf, tmp.buf) == 0) {
		if (fsync(out) != 0 || close(out) != 0)
			io_fail(c, "write", tmp.buf);
		else if (rename(tmp.buf, to.buf) != 0)
			io_fail(c, "write", to.buf);
		else
			rc = 0;
		out = -1;
	}
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	if (rc)
		unlink(tmp.buf);
	strbuf_release(&from);
	strbuf_release(&tmp);
	strbuf_release(&to);
	return rc;
}

int packcopy_has(const char *dir, const char *base)
{
	struct strbuf p;
	struct stat st;
	int ok;

	strbuf_init(&p);
	strbuf_addf(&p, "%s/%s.idx", dir, base);
	ok = stat(p.buf, &st) == 0 && S_ISREG(st.st_mode);
	strbuf_release(&p);
	return ok;
}

/* One pack: its .pack, then its .idx. */
static int copy_pack(struct copy *c, const char *from_dir, const char *to_dir, const char *base)
{
	char name[300];

	snprintf(name, sizeof name, "%s.pack", base);
	if (copy_file(c, from_dir, to_dir, name))
		return -1;
	snprintf(name, sizeof name, "%s.idx", base);
	return copy_file(c, from_dir, to_dir, name);
}

static int sync_dir(struct copy *c, const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = 0;

	if (fd < 0 || fsync(fd) != 0)
		rc = io_fail(c, "write", dir);
	if (fd >= 0)
		close(fd);
	return rc;
}

int packcopy(const char *from_dir, const char *to_dir, char *const *names, size_t n,
	     packcopy_progress fn, void *ctx, struct fc_err *err)
{
	struct copy c = { fn, ctx, 0, err };
	size_t i;
	int copied = 0;

	for (i = 0; i < n; i++) {
		if (packcopy_has(to_dir, names[i]))
			continue;
		if (copy_pack(&c, from_dir, to_dir, names[i]))
			return -1;
		copied = 1;
	}
	return copied ? sync_dir(&c, to_dir) : 0;
}
