/* evidence_store.c - keeping a file in the workspace's evidence store: the
 * limit per file, the streamed copy and its rename into place, and what a
 * photo says of its time and place (see evidence_store.h). */
#include "evidence_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "exif.h"
#include "fileio.h"
#include "store.h"
#include "strbuf.h"
#include "text.h"
#include "workspace.h"
#include "core/i18n.h"

void evidence_store_init(struct evidence_store *es, const char *dir, uint64_t max_bytes)
{
	es->dir = xstrdup(dir);
	es->max_bytes = max_bytes;
}

void evidence_store_release(struct evidence_store *es)
{
	free(es->dir);
	es->dir = NULL;
}

int evidence_store_open(const struct fc_workspace *ws, struct evidence_store *es,
			struct fc_err *err)
{
	uint64_t max;
	char *dir;

	if (evidence_limit_get(ws->store, &max, err))
		return -1;
	dir = workspace_file(ws, EVIDENCE_DIR);
	evidence_store_init(es, dir, max);
	free(dir);
	return 0;
}

int evidence_limit_get(struct fc_store *s, uint64_t *out, struct fc_err *err)
{
	char *v, *end;
	int rc = 0;

	if (store_meta_get(s, EVIDENCE_LIMIT_KEY, &v, err))
		return -1;
	*out = EVIDENCE_LIMIT_DEFAULT;
	if (!v)
		return 0;
	errno = 0;
	*out = v[0] >= '0' && v[0] <= '9' ? strtoull(v, &end, 10) : 0;
	if (errno || *out == 0 || *end || *out > EVIDENCE_LIMIT_MAX)
		rc = fc_fail(err, _("the setting %s is '%.40s', not a number of bytes from 1 to %llu"),
			     EVIDENCE_LIMIT_KEY, v, (unsigned long long)EVIDENCE_LIMIT_MAX);
	free(v);
	return rc;
}

int evidence_limit_set(struct fc_store *s, uint64_t max, struct fc_err *err)
{
	char v[32];

	if (max == 0 || max > EVIDENCE_LIMIT_MAX)
		return fc_fail(err, _("a limit per file is from 1 to %llu bytes, not %" PRIu64),
			       (unsigned long long)EVIDENCE_LIMIT_MAX, max);
	snprintf(v, sizeof v, "%" PRIu64, max);
	return store_meta_set(s, EVIDENCE_LIMIT_KEY, v, err);
}

/* The original name: the last part of path, text a record may hold. */
static int name_of(const char *path, char *name, struct fc_err *err)
{
	const char *slash = strrchr(path, '/'), *b = slash ? slash + 1 : path;
	size_t n = strlen(b);

	if (n == 0)
		return fc_fail(err, _("%s is not a file"), path);
	if (text_check(b, n, TEXT_LINE, MAX_FILE_NAME, _("the file's name"), err))
		return fc_err_prefix(err, "%s", path);
	memcpy(name, b, n + 1);
	return 0;
}

/* "50 MiB", or the bytes when the limit is no whole number of MiB. */
static void limit_words(uint64_t max, char *out, size_t size)
{
	if (max % (1 << 20) == 0)
		snprintf(out, size, "%" PRIu64 " MiB", max >> 20);
	else
		snprintf(out, size, "%" PRIu64 " bytes", max);
}

/* Opens the file to add: a regular file (never a FIFO that would block, a
 * device or a folder) within the limit. */
static int open_source(const struct evidence_store *es, const char *path, const char *shown,
		       int *fd, struct stat *st, struct fc_err *err)
{
	char limit[48];

	*fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (*fd < 0)
		return fc_failk(err, errno == ENOENT ? FC_ENOTFOUND : FC_EIO,
				_("cannot open %s: %s"), shown, strerror(errno));
	if (fstat(*fd, st) || !S_ISREG(st->st_mode)) {
		close(*fd);
		return fc_fail(err, _("%s is not a regular file"), shown);
	}
	if ((uint64_t)st->st_size > es->max_bytes) {
		close(*fd);
		limit_words(es->max_bytes, limit, sizeof limit);
		return fc_fail(err, _("%s: %lld bytes, more than the limit of %s per file "
				      "(the setting %s)"),
			       shown, (long long)st->st_size, limit, EVIDENCE_LIMIT_KEY);
	}
	return 0;
}

/* Makes the folder dir when missing, and fsyncs its parent so that it
 * stays. */
static int make_dir(const char *dir, struct fc_err *err)
{
	char *parent, *slash;
	int rc = 0;

	if (mkdir(dir, 0755) == 0) {
		parent = xstrdup(dir);
		slash = strrchr(parent, '/');
		if (slash)
			*slash = '\0';
		if (file_fsync_dir(!slash ? "." : *parent ? parent : "/"))
			rc = fc_failk(err, FC_EIO, _("cannot sync %s: %s"), parent, strerror(errno));
		free(parent);
		return rc;
	}
	if (errno == EEXIST)
		return 0;
	return fc_failk(err, FC_EIO, _("cannot create %s: %s"), dir, strerror(errno));
}

/* 0, or the errno of a write that failed (ENOSPC for one that wrote nothing). */
static int write_all(int fd, const unsigned char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : ENOSPC;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The pass: size bytes from src into dst through one buffer, hashed and
 * judged as they go; a file of no kind kept stops the copy at once. */
static int copy(int src, const char *path, uint64_t size, int dst, const char *dir,
		struct evidence_info *out, struct fc_err *err)
{
	unsigned char *buf = xmalloc(EVIDENCE_BUF);
	struct evidence_hash h;
	uint64_t total = 0;
	ssize_t n = 0;
	int rc = 0, e;

	if (evidence_hash_init(&h, size, err)) {
		free(buf);
		return -1;
	}
	while (!rc && (n = evidence_read(src, buf, EVIDENCE_BUF)) > 0) {
		total += (uint64_t)n;
		if (total > size)
			break;
		evidence_hash_update(&h, buf, (size_t)n);
		if (media_sniff_hopeless(&h.sniff)) {
			/* -1 here, always: it says which kinds are kept. */
			(void)media_sniff_final(&h.sniff, path, &out->type, err);
			rc = -1;
		} else if ((e = write_all(dst, buf, (size_t)n)))
			rc = fc_failk(err, FC_EIO, _("cannot write into %s: %s"), dir, strerror(e));
	}
	if (!rc && n < 0)
		rc = fc_failk(err, FC_EIO, _("cannot read %s: %s"), path, strerror(errno));
	else if (!rc && total != size)
		rc = fc_failk(err, FC_EIO, _("%s changed while it was read"), path);
	if (!rc)
		rc = evidence_hash_final(&h, path, out, err);
	evidence_hash_release(&h);
	free(buf);
	return rc;
}

/* A photo's time and place from its Exif, read from the copy (so from
 * the bytes kept).  Exif that cannot be read is noted, not fatal: the
 * photo is still evidence, its time is then the file's. */
static void photo_facts(int fd, struct evidence_info *out)
{
	struct fc_err e = { 0 };
	struct exif_info x;
	struct strbuf head;
	int rc;

	/* the first EXIF_MAX_READ bytes (file_read_fd may read a little past) */
	strbuf_init(&head);
	if (lseek(fd, 0, SEEK_SET) < 0 || file_read_fd(fd, EXIF_MAX_READ, &head) < 0)
		rc = fc_failk(&e, FC_EIO, _("cannot read the copy: %s"), strerror(errno));
	else
		rc = exif_read((const unsigned char *)head.buf,
			       head.len < EXIF_MAX_READ ? head.len : EXIF_MAX_READ, &x, &e);
	strbuf_release(&head);
	if (!rc && x.has_time && x.offset[0])
		snprintf(out->taken, sizeof out->taken, "%s%s", x.taken, x.offset);
	else if (!rc && x.has_time)
		rc = clock_stamp_local(x.taken, out->taken, &e);
	if (!rc && x.has_gps) {
		out->has_location = 1;
		out->lat = x.lat, out->lon = x.lon, out->error_m = x.error_m;
	}
	if (rc) {
		out->taken[0] = '\0';
		snprintf(out->exif_problem, sizeof out->exif_problem, "%s", e.msg);
	}
}

/* The file's modification time, or "" when it is no real date (a file
 * from a camera whose clock was never set may say 1904). */
static void file_time(const struct stat *st, char *taken)
{
	if (clock_stamp((long long)st->st_mtime, taken, NULL) ||
	    timestamp_check(taken, "", NULL))
		taken[0] = '\0';
}

/* The copy, complete and fsynced as tmp, goes to its name: kept once (a
 * good copy already there stays, a bad one is replaced), the folder
 * fsynced so the name stays too. */
static int settle(const struct evidence_store *es, const char *tmp,
		  const struct evidence_info *info, struct fc_err *err)
{
	char *dir = xstrfmt("%s/%.2s", es->dir, info->sha256);
	char *final = xstrfmt("%s/%s", dir, info->sha256);
	struct fc_err old = { 0 };
	int rc = make_dir(dir, err);

	if (!rc && evidence_check(es, info->sha256, NULL, &old) == 0) {
		if (unlink(tmp))
			rc = fc_failk(err, FC_EIO, _("cannot remove a temporary file in %s: %s"),
				      es->dir, strerror(errno));
	} else if (!rc && rename(tmp, final)) {
		rc = fc_failk(err, FC_EIO, _("cannot put %s in place: %s"), final, strerror(errno));
	} else if (!rc && file_fsync_dir(dir)) {
		rc = fc_failk(err, FC_EIO, _("cannot sync %s: %s"), dir, strerror(errno));
	}
	free(final);
	free(dir);
	return rc;
}

/* What differs between the file read and what a record says of it (the
 * caller names the file: `path` is a temporary one). */
static int as_expected(const struct evidence_info *want, const struct evidence_info *got,
		       struct fc_err *err)
{
	if (strcmp(got->sha256, want->sha256))
		return fc_fail(err, _("its bytes hash to %s, not to the sha256 %s its record gives"),
			       got->sha256, want->sha256);
	if (strcmp(got->blob, want->blob))
		return fc_fail(err, _("its git blob id is %s, not %s as its record says"), got->blob,
			       want->blob);
	if (got->size != want->size)
		return fc_fail(err, _("%llu bytes, not %llu as its record says"),
			       (unsigned long long)got->size, (unsigned long long)want->size);
	if (got->type != want->type)
		return fc_fail(err, _("its content is %s, not %s as its record says"),
			       media_type_name(got->type), media_type_name(want->type));
	return 0;
}

/* Copies the open file into a temporary file of the store and settles it
 * (only when it is what `want` says, when given). */
static int keep(const struct evidence_store *es, int src, const char *path,
		const struct stat *st, const struct evidence_info *want,
		struct evidence_info *out, struct fc_err *err)
{
	char *tmp = xstrfmt("%s/.tmp-XXXXXX", es->dir);
	int fd = -1, rc = make_dir(es->dir, err);

	/* Messages name the store's folder, never the temporary file. */
	if (!rc && (fd = mkstemp(tmp)) < 0)
		rc = fc_failk(err, FC_EIO, _("cannot create a file in %s: %s"), es->dir,
			      strerror(errno));
	if (!rc)
		rc = copy(src, path, (uint64_t)st->st_size, fd, es->dir, out, err);
	if (!rc && want)
		rc = as_expected(want, out, err);
	if (!rc && out->type == MEDIA_JPEG)
		photo_facts(fd, out);
	if (!rc && (fchmod(fd, 0444) || fsync(fd)))
		rc = fc_failk(err, FC_EIO, _("cannot write into %s: %s"), es->dir, strerror(errno));
	if (fd >= 0 && close(fd) && !rc)
		rc = fc_failk(err, FC_EIO, _("cannot write into %s: %s"), es->dir, strerror(errno));
	if (!rc)
		rc = settle(es, tmp, out, err);
	if (rc && fd >= 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

static int add(const struct evidence_store *es, const char *path,
	       const struct evidence_info *want, struct evidence_info *out, struct fc_err *err)
{
	struct stat st;
	int fd, rc;

	/* A fetched file is named by its record's name: path is a temporary. */
	const char *shown = want && want->name[0] ? want->name : path;

	memset(out, 0, sizeof *out);
	out->error_m = -1;
	if (name_of(path, out->name, err) || open_source(es, path, shown, &fd, &st, err))
		return -1;
	if (want)
		snprintf(out->name, sizeof out->name, "%s", want->name);
	rc = keep(es, fd, shown, &st, want, out, err);
	close(fd);
	if (!rc && !out->taken[0])
		file_time(&st, out->taken);
	return rc;
}

int evidence_add(const struct evidence_store *es, const char *path, struct evidence_info *out,
		 struct fc_err *err)
{
	return add(es, path, NULL, out, err);
}

int evidence_add_expected(const struct evidence_store *es, const char *path,
			  const struct evidence_info *want, struct evidence_info *out,
			  struct fc_err *err)
{
	return add(es, path, want, out, err);
}
