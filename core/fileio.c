/* fileio.c - writing a whole file, reading one bounded (see fileio.h). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "strbuf.h"
#include "core/i18n.h"

int file_write_new(const char *path, const void *data, size_t len, mode_t mode,
		   struct fc_err *err)
{
	const char *p = data;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode), e;

	if (fd < 0)
		return fc_failk(err, FC_EIO, _("cannot create %s: %s"), path, strerror(errno));
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		p += n;
		len -= (size_t)n;
	}
	e = len ? (errno ? errno : ENOSPC) : fsync(fd) ? errno : 0;
	if (close(fd) && !e)
		e = errno;
	if (!e)
		return 0;
	unlink(path);
	return fc_failk(err, FC_EIO, _("cannot write %s: %s"), path, strerror(e));
}

int file_read_fd(int fd, size_t max, struct strbuf *sb)
{
	ssize_t n;

	while (sb->len <= max) {
		strbuf_grow(sb, 65536);
		n = read(fd, sb->buf + sb->len, 65536);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		sb->len += (size_t)n;
	}
	sb->buf[sb->len] = '\0';
	return 0;
}

int file_fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}
