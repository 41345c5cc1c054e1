/* evidence_read.c - finding a kept file by its SHA-256 and trusting it
 * only once its bytes hash to its name again (see evidence_store.h). */
#include "evidence_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strbuf.h"
#include "core/i18n.h"

char *evidence_path(const struct evidence_store *es, const char *sha256)
{
	size_t i;

	for (i = 0; i < SHA256_HEX_LEN; i++)
		if (!sha256[i] || !strchr("0123456789abcdef", sha256[i]))
			return NULL;
	if (sha256[i])
		return NULL;
	return xstrfmt("%s/%.2s/%s", es->dir, sha256, sha256);
}

int evidence_present(const struct evidence_store *es, const char *sha256, long long size)
{
	char *path = evidence_path(es, sha256);
	struct stat st;
	int here = path && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		   (long long)st.st_size == size;

	free(path);
	return here;
}

/* Hashes what fd holds, size bytes by its fstat, into out. */
static int rehash(int fd, uint64_t size, const char *name, struct evidence_info *out,
		  struct fc_err *err)
{
	struct evidence_hash h;
	unsigned char *buf;
	ssize_t n = 0;
	int rc;

	if (evidence_hash_init(&h, size, err))
		return -1;
	buf = xmalloc(EVIDENCE_BUF);
	while ((n = evidence_read(fd, buf, EVIDENCE_BUF)) > 0)
		evidence_hash_update(&h, buf, (size_t)n);
	free(buf);
	if (n < 0)
		rc = fc_failk(err, FC_EIO, _("cannot read %s: %s"), name, strerror(errno));
	else if (h.sniff.bytes != size)
		rc = fc_failk(err, FC_EIO, _("%s changed while it was read"), name);
	else
		rc = evidence_hash_final(&h, name, out, err);
	evidence_hash_release(&h);
	return rc;
}

static int open_kept(const char *path, const char *sha256, int *fd, struct stat *st,
		     struct fc_err *err)
{
	*fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (*fd < 0 && errno == ENOENT)
		return fc_failk(err, FC_ENOTFOUND, _("evidence %s is not on this laptop"), sha256);
	if (*fd < 0)
		return fc_failk(err, FC_EIO, _("cannot open %s: %s"), path, strerror(errno));
	if (fstat(*fd, st) || !S_ISREG(st->st_mode)) {
		close(*fd);
		return fc_fail(err, _("%s is not a regular file"), path);
	}
	return 0;
}

int evidence_open(const struct evidence_store *es, const char *sha256, int *fd,
		  struct evidence_info *out, struct fc_err *err)
{
	char *path = evidence_path(es, sha256);
	struct evidence_info got = { 0 };
	struct stat st;
	int rc = -1;

	*fd = -1;
	if (!path)
		return fc_fail(err, _("'%.80s' is not a SHA-256"), sha256);
	if (open_kept(path, sha256, fd, &st, err))
		goto out;
	if (rehash(*fd, (uint64_t)st.st_size, path, &got, err))
		goto out;
	if (strcmp(got.sha256, sha256)) {
		fc_fail(err, _("evidence %s: its bytes do not match its SHA-256 (they hash to %s); "
			       "it is not used"), path, got.sha256);
		goto out;
	}
	if (lseek(*fd, 0, SEEK_SET) != 0) {
		fc_failk(err, FC_EIO, _("cannot read %s: %s"), path, strerror(errno));
		goto out;
	}
	if (out)
		*out = got;
	rc = 0;
out:
	if (rc && *fd >= 0) {
		close(*fd);
		*fd = -1;
	}
	free(path);
	return rc;
}

int evidence_check(const struct evidence_store *es, const char *sha256,
		   struct evidence_info *out, struct fc_err *err)
{
	int fd;

	if (evidence_open(es, sha256, &fd, out, err))
		return -1;
	close(fd);
	return 0;
}

int evidence_has(const struct evidence_store *es, const char *sha256)
{
	char *path = evidence_path(es, sha256);
	struct stat st;
	int yes = path && lstat(path, &st) == 0 && S_ISREG(st.st_mode);

	free(path);
	return yes;
}
