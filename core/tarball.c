/* tarball.c - ustar headers, the gzip stream and the atomic file (see
 * tarball.h). */
#define _GNU_SOURCE /* renameat2 */
#include "tarball.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "strbuf.h"
#include "text.h"
#include "core/i18n.h"

struct tarball {
	char *path, *tmp;
	int fd;
	z_stream z;
	long long mtime;
	unsigned long long size;      /* tar bytes so far (uncompressed) */
	unsigned char out[16384];
};

/* ---- names and headers ---- */

int tar_name_check(const char *name, struct fc_err *err)
{
	size_t len = strlen(name);
	const char *p = name;

	if (!len)
		return fc_fail(err, _("an archive member needs a name"));
	if (text_check(name, len, TEXT_LINE, TAR_MAX_NAME, _("archive member name"), err))
		return -1;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return fc_fail(err, _("archive member '%s': only relative paths of named "
				       "parts (no '/' at either end, '//', '.' or '..')"), name);
		if (!slash)
			return 0;
		p = slash + 1;
	}
}

/* Where to cut a long name between prefix and name: the '/' leaving at most
 * 155 bytes before and 100 after; 0 when none does. */
static size_t split_at(const char *name, size_t len)
{
	size_t i;

	for (i = len - 1; i > 0; i--)
		if (name[i] == '/' && i <= 155 && len - i - 1 <= 100)
			return i;
	return 0;
}

/* An octal number filling a field of `size` bytes: digits, then NUL. */
static void octal(unsigned char *field, size_t size, unsigned long long v)
{
	size_t i = size - 1;

	field[i] = '\0';
	while (i-- > 0) {
		field[i] = (unsigned char)('0' + (v & 7));
		v >>= 3;
	}
}

int tar_header(unsigned char h[TAR_BLOCK], const char *name, unsigned long long size,
	       long long mtime, struct fc_err *err)
{
	size_t len = strlen(name), cut = 0, i;
	unsigned sum = 0;

	if (tar_name_check(name, err))
		return -1;
	if (len > 100 && !(cut = split_at(name, len)))
		return fc_fail(err, _("archive member '%s': a name over 100 bytes needs a '/' "
			       "with at most 155 bytes before it and 100 after"), name);
	if (size > TAR_MAX_SIZE)
		return fc_fail(err, _("archive member '%s': %llu bytes is more than a tar "
			       "header can say"), name, size);
	if (mtime < 0 || (unsigned long long)mtime > TAR_MAX_SIZE)
		return fc_fail(err, _("archive member '%s': time %lld out of range"), name, mtime);
	memset(h, 0, TAR_BLOCK);
	if (cut) {
		memcpy(h + 345, name, cut);                    /* prefix */
		memcpy(h, name + cut + 1, len - cut - 1);      /* name */
	} else {
		memcpy(h, name, len);
	}
	octal(h + 100, 8, 0644);                               /* mode */
	octal(h + 108, 8, 0);                                  /* uid */
	octal(h + 116, 8, 0);                                  /* gid */
	octal(h + 124, 12, size);
	octal(h + 136, 12, (unsigned long long)mtime);
	h[156] = '0';                                          /* regular file */
	memcpy(h + 257, "ustar", 6);                           /* magic, NUL */
	memcpy(h + 263, "00", 2);                              /* version */
	octal(h + 329, 8, 0);                                  /* devmajor */
	octal(h + 337, 8, 0);                                  /* devminor */
	memset(h + 148, ' ', 8);
	for (i = 0; i < TAR_BLOCK; i++)
		sum += h[i];
	octal(h + 148, 7, sum);                                /* six digits, NUL */
	h[155] = ' ';                                          /* then a space */
	return 0;
}

/* ---- the gzip stream into the temporary file ---- */

static int write_out(struct tarball *t, const unsigned char *p, size_t n, struct fc_err *err)
{
	while (n) {
		ssize_t w = write(t->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return fc_failk(err, FC_EIO, _("cannot write %s: %s"), t->tmp,
					w < 0 ? strerror(errno) : "nothing written");
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Compresses data[0..len) (Z_FINISH: and ends the stream). */
static int deflate_some(struct tarball *t, const void *data, size_t len, int flush,
			struct fc_err *err)
{
	int rc;

	t->z.next_in = (unsigned char *)(uintptr_t)data;
	t->z.avail_in = (uInt)len;
	do {
		t->z.next_out = t->out;
		t->z.avail_out = sizeof t->out;
		rc = deflate(&t->z, flush);
		if (rc == Z_STREAM_ERROR)
			return fc_failk(err, FC_EIO, _("compressing %s failed"), t->tmp);
		if (write_out(t, t->out, sizeof t->out - t->z.avail_out, err))
			return -1;
	} while (t->z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
	return 0;
}

/* Tar bytes, in pieces zlib's uInt can hold. */
static int put(struct tarball *t, const void *data, size_t len, struct fc_err *err)
{
	const unsigned char *p = data;

	while (len) {
		size_t n = len > (1u << 30) ? (1u << 30) : len;
		if (deflate_some(t, p, n, Z_NO_FLUSH, err))
			return -1;
		p += n;
		len -= n;
		t->size += n;
	}
	return 0;
}

static int put_zeros(struct tarball *t, size_t n, struct fc_err *err)
{
	static const unsigned char zero[TAR_BLOCK];

	while (n) {
		size_t k = n < sizeof zero ? n : sizeof zero;
		if (put(t, zero, k, err))
			return -1;
		n -= k;
	}
	return 0;
}

/* ---- the archive ---- */

int tarball_create(const char *path, long long mtime, struct tarball **out, struct fc_err *err)
{
	struct tarball *t = xcalloc(1, sizeof *t);
	struct strbuf tmp;

	*out = NULL;
	strbuf_init(&tmp);
	strbuf_addf(&tmp, "%s.tmp", path);
	t->path = xstrdup(path);
	t->tmp = strbuf_detach(&tmp);
	t->mtime = mtime;
	t->fd = open(t->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (t->fd < 0) {
		fc_failk(err, FC_EIO, _("cannot create %s: %s"), t->tmp, strerror(errno));
		free(t->path), free(t->tmp), free(t);
		return -1;
	}
	if (deflateInit2(&t->z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK) {
		fc_failk(err, FC_EIO, _("cannot start compressing %s"), t->tmp);
		t->z.state = NULL;
		tarball_abort(t);
		return -1;
	}
	*out = t;
	return 0;
}

int tarball_add(struct tarball *t, const char *name, const void *data, size_t len,
		struct fc_err *err)
{
	unsigned char h[TAR_BLOCK];

	if (tar_header(h, name, len, t->mtime, err) || put(t, h, sizeof h, err) ||
	    put(t, data, len, err))
		return -1;
	return put_zeros(t, (TAR_BLOCK - len % TAR_BLOCK) % TAR_BLOCK, err);
}

int tarball_add_fd(struct tarball *t, const char *name, int fd, unsigned long long size,
		   struct fc_err *err)
{
	unsigned char h[TAR_BLOCK], buf[65536];
	unsigned long long left = size;

	if (tar_header(h, name, size, t->mtime, err) || put(t, h, sizeof h, err))
		return -1;
	while (left) {
		ssize_t n = read(fd, buf, left < sizeof buf ? (size_t)left : sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)   /* the file shrank under us: the member would lie */
			return fc_failk(err, FC_EIO, _("archive member '%s': %s after %llu of %llu "
					"bytes"), name, n < 0 ? strerror(errno) : _("the file ended"),
					size - left, size);
		if (put(t, buf, (size_t)n, err))
			return -1;
		left -= (unsigned long long)n;
	}
	return put_zeros(t, (size_t)((TAR_BLOCK - size % TAR_BLOCK) % TAR_BLOCK), err);
}

static int fsync_parent(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd, rc;

	if (slash)
		slash[slash == dir] = '\0'; /* "/x" keeps "/" */
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Renames tmp to path; with replace 0 never over an existing path: the
 * kernel checks (RENAME_NOREPLACE), or where the file system cannot, we
 * look just before. */
static int put_in_place(const char *tmp, const char *path, int replace)
{
	struct stat st;

	if (!replace) {
		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
			return 0;
		if (errno != EINVAL && errno != ENOSYS)
			return -1;
		if (lstat(path, &st) == 0) {
			errno = EEXIST;
			return -1;
		}
	}
	return rename(tmp, path);
}

int tarball_finish(struct tarball *t, int replace, struct fc_err *err)
{
	size_t end = 2 * TAR_BLOCK;

	end += (TAR_RECORD - (t->size + end) % TAR_RECORD) % TAR_RECORD;
	if (put_zeros(t, end, err) || deflate_some(t, NULL, 0, Z_FINISH, err))
		goto fail;
	if (fsync(t->fd)) {
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), t->tmp, strerror(errno));
		goto fail;
	}
	if (close(t->fd)) {
		t->fd = -1;
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), t->tmp, strerror(errno));
		goto fail;
	}
	t->fd = -1;
	if (put_in_place(t->tmp, t->path, replace)) {
		if (errno == EEXIST)
			fc_fail(err, _("%s already exists; give --force to replace it"), t->path);
		else
			fc_failk(err, FC_EIO, _("cannot rename %s to %s: %s"), t->tmp, t->path,
				 strerror(errno));
		goto fail;
	}
	fsync_parent(t->path); /* the rename itself reaches the disk */
	free(t->tmp);
	t->tmp = NULL;
	tarball_abort(t);
	return 0;
fail:
	tarball_abort(t);
	return -1;
}

void tarball_abort(struct tarball *t)
{
	if (!t)
		return;
	if (t->z.state)
		deflateEnd(&t->z);
	if (t->fd >= 0)
		close(t->fd);
	if (t->tmp)
		unlink(t->tmp);
	free(t->tmp);
	free(t->path);
	free(t);
}
