/* test_tarball.c - the ustar + gzip writer: header fields and checksums,
 * long names split at a '/', names refused, padding to blocks and records,
 * the end blocks, members streamed from a file, and the atomic replacement
 * of the file.  (That tar itself reads the archives is
 * tests/sync/t_export.sh's part.) */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include "core/strbuf.h"
#include "core/tarball.h"

#define MTIME 1795829400LL /* 2026-11-28T09:30:00+08:00 */

static unsigned long long field(const unsigned char *h, size_t off, size_t len)
{
	char buf[16];

	memcpy(buf, h + off, len);
	buf[len] = '\0';
	return strtoull(buf, NULL, 8);
}

/* The sum of the header's bytes with the checksum field read as spaces. */
static unsigned checksum(const unsigned char *h)
{
	unsigned sum = 0;
	size_t i;

	for (i = 0; i < TAR_BLOCK; i++)
		sum += i >= 148 && i < 156 ? ' ' : h[i];
	return sum;
}

static void header_fields(void **state)
{
	unsigned char h[TAR_BLOCK];
	struct fc_err err = { 0 };
	(void)state;

	assert_int_equal(tar_header(h, "records/enterprises/x.json", 1234, MTIME, &err), 0);
	assert_string_equal((char *)h, "records/enterprises/x.json");
	assert_memory_equal(h + 100, "0000644\0", 8);
	assert_memory_equal(h + 108, "0000000\0", 8);
	assert_memory_equal(h + 116, "0000000\0", 8);
	assert_memory_equal(h + 124, "00000002322\0", 12);
	assert_int_equal(field(h, 136, 11), MTIME);
	assert_int_equal(h[147], '\0');
	assert_int_equal(h[156], '0');
	assert_int_equal(h[157], '\0');              /* no link name */
	assert_memory_equal(h + 257, "ustar\0" "00", 8);
	assert_int_equal(h[265], '\0');              /* uname, gname empty */
	assert_int_equal(h[297], '\0');
	assert_memory_equal(h + 329, "0000000\0" "0000000\0", 16);
	assert_int_equal(h[345], '\0');              /* no prefix */
	/* Six octal digits, NUL, space; the sum taken with spaces there. */
	assert_int_equal(h[154], '\0');
	assert_int_equal(h[155], ' ');
	assert_int_equal(field(h, 148, 6), checksum(h));
}

static void long_names_split(void **state)
{
	unsigned char h[TAR_BLOCK];
	struct fc_err err = { 0 };
	char name[300];
	(void)state;

	/* 100 bytes fit the name field whole, with no NUL after them. */
	memset(name, 'a', 100), name[100] = '\0';
	assert_int_equal(tar_header(h, name, 0, MTIME, &err), 0);
	assert_memory_equal(h, name, 100);
	assert_int_equal(h[345], '\0');
	/* 149 bytes: cut at the last '/' with at most 155 before it. */
	memset(name, 'p', 149), name[149] = '\0';
	name[40] = '/', name[60] = '/';
	assert_int_equal(tar_header(h, name, 0, MTIME, &err), 0);
	assert_memory_equal(h + 345, name, 60);
	assert_int_equal(h[345 + 60], '\0');
	assert_string_equal((char *)h, name + 61);
	assert_int_equal(field(h, 148, 6), checksum(h));
	/* No '/' in the right place: refused, saying why. */
	memset(name, 'q', 120), name[120] = '\0';
	assert_int_equal(tar_header(h, name, 0, MTIME, &err), -1);
	assert_non_null(strstr(err.msg, "over 100 bytes"));
	name[5] = '/'; /* 114 bytes would remain after it */
	assert_int_equal(tar_header(h, name, 0, MTIME, &err), -1);
	memset(name, 'r', 256), name[256] = '\0';
	name[150] = '/';
	assert_int_equal(tar_header(h, name, 0, MTIME, &err), -1);
	assert_non_null(strstr(err.msg, "archive member name"));
}

static void bad_names_refused(void **state)
{
	static const char *const bad[] = {
		"", "/etc/passwd", "a/../b", "..", "./a", "a/.", "a//b", "a/", "\x1b[2J.txt",
		"tab\there", "\xff\xfe.json", "a\xc0\xaf.b",
	};
	unsigned char h[TAR_BLOCK];
	struct fc_err err = { 0 };
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(tar_header(h, bad[i], 0, MTIME, &err), -1);
	assert_int_equal(tar_name_check("a/../b", &err), -1);
	assert_non_null(strstr(err.msg, "'a/../b'"));
	assert_int_equal(tar_name_check("报告/通知书.txt", &err), 0);
	assert_int_equal(tar_name_check("a/.hidden/..x", &err), 0);
	assert_int_equal(tar_header(h, "x", 0, -1, &err), -1);
	assert_int_equal(tar_header(h, "x", TAR_MAX_SIZE + 1, MTIME, &err), -1);
	assert_int_equal(tar_header(h, "x", TAR_MAX_SIZE, MTIME, &err), 0);
	assert_memory_equal(h + 124, "77777777777\0", 12);
}

/* The whole file, gunzipped. */
static unsigned char *gunzip_file(const char *path, size_t *len)
{
	size_t zlen, cap = 1 << 16;
	unsigned char *z = (unsigned char *)test_read_file(path, &zlen), *out = xmalloc(cap);
	z_stream s;
	int rc;

	assert_non_null(z);
	assert_true(zlen > 18);
	assert_int_equal(z[0], 0x1f); /* a gzip member, deflate */
	assert_int_equal(z[1], 0x8b);
	assert_int_equal(z[2], 8);
	memset(&s, 0, sizeof s);
	assert_int_equal(inflateInit2(&s, 15 + 16), Z_OK);
	s.next_in = z;
	s.avail_in = (uInt)zlen;
	*len = 0;
	do {
		ALLOC_GROW(out, *len + 1, cap);
		s.next_out = out + *len;
		s.avail_out = (uInt)(cap - *len);
		rc = inflate(&s, Z_NO_FLUSH);
		assert_true(rc == Z_OK || rc == Z_STREAM_END);
		*len = cap - s.avail_out;
	} while (rc != Z_STREAM_END);
	assert_int_equal(s.avail_in, 0); /* one member, nothing after it */
	inflateEnd(&s);
	free(z);
	return out;
}

struct member {
	const char *name;
	size_t len;
	char fill;
};

static const struct member members[] = {
	{ "manifest.json", 0, 0 },
	{ "records/one-block.bin", 512, 'x' },
	{ "records/one-byte-over.bin", 513, 'y' },
	{ "records/forms/a-form-with-a-rather-long-identifier-to-push-the-name/1/"
	  "survey-with-a-long-file-name-too.csv", 700, 'z' },
};

static void write_members(struct tarball *t)
{
	struct fc_err err = { 0 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(members); i++) {
		char *data = malloc(members[i].len + 1);
		memset(data, members[i].fill, members[i].len);
		assert_int_equal(tarball_add(t, members[i].name, data, members[i].len, &err), 0);
		free(data);
	}
}

/* Checks one member at tar[*off]: header, data, zero padding. */
static void check_member(const unsigned char *tar, size_t *off, const struct member *m)
{
	const unsigned char *h = tar + *off;
	char name[TAR_MAX_NAME + 2] = "";
	size_t i, padded = (m->len + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;

	if (h[345])
		snprintf(name, sizeof name, "%.155s/", (const char *)h + 345);
	strncat(name, (const char *)h, 100);
	assert_string_equal(name, m->name);
	assert_int_equal(field(h, 148, 6), checksum(h));
	assert_int_equal(field(h, 124, 11), m->len);
	assert_int_equal(field(h, 136, 11), MTIME);
	for (i = 0; i < padded; i++)
		assert_int_equal(h[TAR_BLOCK + i], i < m->len ? (unsigned char)m->fill : 0);
	*off += TAR_BLOCK + padded;
}

static void archive_blocks(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "case.tar.gz");
	char *tmp = test_path(dir, "case.tar.gz.tmp");
	struct fc_err err = { 0 };
	struct tarball *t;
	unsigned char *tar;
	size_t len, off = 0, i;
	(void)state;

	assert_int_equal(tarball_create(path, MTIME, &t, &err), 0);
	write_members(t);
	assert_int_equal(tarball_finish(t, 1, &err), 0);
	assert_int_equal(access(tmp, F_OK), -1);
	tar = gunzip_file(path, &len);
	assert_int_equal(len % TAR_RECORD, 0);
	for (i = 0; i < ARRAY_SIZE(members); i++)
		check_member(tar, &off, &members[i]);
	assert_true(len - off >= 2 * TAR_BLOCK); /* two zero blocks, then zeros */
	for (; off < len; off++)
		assert_int_equal(tar[off], 0);
	free(tar);
	test_rmrf(dir);
	free(tmp), free(path), free(dir);
}

/* A file of n bytes of `fill` in dir; its path. */
static char *fill_file(const char *dir, const char *name, size_t n, char fill)
{
	char *path = test_path(dir, name), *data = xmalloc(n);
	FILE *f = fopen(path, "wb");

	memset(data, fill, n);
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	free(data);
	return path;
}

/* tarball_add_fd: a member read from a file through its buffer (more than
 * one buffer's worth), the same blocks as tarball_add's; a file that ends
 * before its size is an error naming the member. */
static void streamed_members(void **state)
{
	static const struct member big = { "files/big.bin", 200001, 'q' };
	char *dir = test_tmpdir(), *path = test_path(dir, "s.tar.gz");
	char *src = fill_file(dir, "big.bin", big.len, big.fill);
	struct fc_err err = { 0 };
	struct tarball *t;
	unsigned char *tar;
	size_t len, off = 0;
	int fd;
	(void)state;

	assert_int_equal(tarball_create(path, MTIME, &t, &err), 0);
	assert_true((fd = open(src, O_RDONLY)) >= 0);
	assert_int_equal(tarball_add_fd(t, big.name, fd, big.len, &err), 0);
	close(fd);
	assert_int_equal(tarball_add(t, members[1].name, "xxxxxxxx", 0, &err), 0);
	assert_int_equal(tarball_finish(t, 1, &err), 0);
	tar = gunzip_file(path, &len);
	check_member(tar, &off, &big);
	free(tar);

	assert_int_equal(tarball_create(path, MTIME, &t, &err), 0);
	assert_true((fd = open(src, O_RDONLY)) >= 0);
	assert_int_equal(tarball_add_fd(t, big.name, fd, big.len + 1, &err), -1);
	close(fd);
	assert_non_null(strstr(err.msg, "files/big.bin"));
	assert_non_null(strstr(err.msg, "200001 of 200002"));
	tarball_abort(t);
	test_rmrf(dir);
	free(src), free(path), free(dir);
}

static void empty_archive(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "empty.tar.gz");
	struct fc_err err = { 0 };
	struct tarball *t;
	unsigned char *tar;
	size_t len, i;
	(void)state;

	assert_int_equal(tarball_create(path, 0, &t, &err), 0);
	assert_int_equal(tarball_finish(t, 1, &err), 0);
	tar = gunzip_file(path, &len);
	assert_int_equal(len, TAR_RECORD);
	for (i = 0; i < len; i++)
		assert_int_equal(tar[i], 0);
	free(tar);
	test_rmrf(dir);
	free(path), free(dir);
}

/* Until tarball_finish the old file stands; abort leaves it and no
 * temporary; a refused member changes nothing. */
static void replaced_atomically(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "case.tar.gz");
	char *tmp = test_path(dir, "case.tar.gz.tmp"), *now;
	struct fc_err err = { 0 };
	struct tarball *t;
	unsigned char *tar;
	size_t len;
	(void)state;

	assert_int_equal(test_write_file(path, "old", 3), 0);
	assert_int_equal(tarball_create(path, MTIME, &t, &err), 0);
	write_members(t);
	assert_int_equal(tarball_add(t, "../escape", "x", 1, &err), -1);
	assert_int_equal(access(tmp, F_OK), 0);
	now = test_read_file(path, &len);
	assert_string_equal(now, "old");
	free(now);
	tarball_abort(t);
	assert_int_equal(access(tmp, F_OK), -1);
	now = test_read_file(path, &len);
	assert_string_equal(now, "old");
	free(now);

	assert_int_equal(tarball_create(path, MTIME, &t, &err), 0);
	write_members(t);
	assert_int_equal(tarball_finish(t, 1, &err), 0);
	tar = gunzip_file(path, &len);
	assert_int_equal(len % TAR_RECORD, 0);
	free(tar);
	tarball_abort(NULL);
	test_rmrf(dir);
	free(tmp), free(path), free(dir);
}

static void unwritable_place(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "no/such/folder/case.tar.gz");
	struct fc_err err = { 0 };
	struct tarball *t = (struct tarball *)1;
	(void)state;

	assert_int_equal(tarball_create(path, MTIME, &t, &err), -1);
	assert_null(t);
	assert_int_equal(err.kind, FC_EIO);
	assert_non_null(strstr(err.msg, "no/such/folder/case.tar.gz.tmp"));
	test_rmrf(dir);
	free(path), free(dir);
}

/* Without replace, a file that appeared meanwhile is left as it is: the
 * archive is refused naming it, and no temporary stays. */
static void never_replaced_unless_asked(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "case.tar.gz");
	char *tmp = test_path(dir, "case.tar.gz.tmp"), *now;
	struct fc_err err = { 0 };
	struct tarball *t;
	size_t len;
	(void)state;

	assert_int_equal(tarball_create(path, MTIME, &t, &err), 0);
	write_members(t);
	assert_int_equal(test_write_file(path, "someone else's", 14), 0);
	assert_int_equal(tarball_finish(t, 0, &err), -1);
	assert_non_null(strstr(err.msg, "case.tar.gz already exists; give --force"));
	now = test_read_file(path, &len);
	assert_string_equal(now, "someone else's");
	free(now);
	assert_int_equal(access(tmp, F_OK), -1);
	unlink(path);
	assert_int_equal(tarball_create(path, MTIME, &t, &err), 0);
	write_members(t);
	assert_int_equal(tarball_finish(t, 0, &err), 0);
	assert_int_equal(access(path, F_OK), 0);
	test_rmrf(dir);
	free(tmp), free(path), free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_fields),
		cmocka_unit_test(long_names_split),
		cmocka_unit_test(bad_names_refused),
		cmocka_unit_test(archive_blocks),
		cmocka_unit_test(streamed_members),
		cmocka_unit_test(empty_archive),
		cmocka_unit_test(replaced_atomically),
		cmocka_unit_test(never_replaced_unless_asked),
		cmocka_unit_test(unwritable_place),
	};
	return cmocka_run_group_tests_name("tarball", tests, NULL, NULL);
}
