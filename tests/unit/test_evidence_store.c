/* test_evidence_store.c - the workspace's evidence files: a 5 MB photo
 * kept under its SHA-256 with the same digest as sha256sum and the same
 * id as git hash-object, its Exif time and place; a file added twice kept
 * once; a copy gone bad reported and mended; the limit per file (the
 * workspace setting); kinds, names and files refused; a full disk and a
 * killed process leaving no half file under a final name; and the memory
 * an add takes not growing with the file. */
#include "support.h"
#include "support_jpeg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/evidence_store.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "core/workspace.h"

#define MIB (1024 * 1024)

struct fixture {
	char *dir;                  /* a temporary folder: the files to add */
	char *store;                /* dir/evidence */
	struct evidence_store es;
};

static void must(int rc, const struct fc_err *err)
{
	if (rc)
		fail_msg("%s", err->msg);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->dir = test_tmpdir();
	f->store = test_path(f->dir, "evidence");
	evidence_store_init(&f->es, f->store, EVIDENCE_LIMIT_DEFAULT);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	test_rmrf(f->dir);
	evidence_store_release(&f->es);
	free(f->store);
	free(f->dir);
	free(f);
	return 0;
}

/* A file of size bytes at dir/name: `head` (hlen bytes) and then bytes
 * of a fixed pseudo-random sequence (seed), written a MiB at a time. */
static char *make_file(const char *dir, const char *name, const void *head, size_t hlen,
		       size_t size, unsigned seed)
{
	char *path = test_path(dir, name);
	unsigned char *buf = malloc(MIB);
	FILE *fp = fopen(path, "wb");
	size_t done = 0, i, n;
	unsigned x = seed | 1;

	assert_non_null(fp);
	while (done < size) {
		n = size - done < MIB ? size - done : MIB;
		for (i = 0; i < n; i++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			buf[i] = (unsigned char)x;
		}
		if (done == 0)
			memcpy(buf, head, hlen < n ? hlen : n);
		assert_int_equal(fwrite(buf, 1, n, fp), n);
		done += n;
	}
	assert_int_equal(fclose(fp), 0);
	free(buf);
	return path;
}

static char *make_jpeg(const char *dir, const char *name, size_t size, unsigned seed)
{
	unsigned char j[TEST_JPEG_LEN];

	test_jpeg(j, 0, "2026:05:01 10:20:30", "+08:00");
	return make_file(dir, name, j, sizeof j, size, seed);
}

/* The first word a command prints (a digest). */
static void first_word(const char *cmd, char *out, size_t size)
{
	FILE *p = popen(cmd, "r");
	char line[256];

	assert_non_null(p);
	assert_non_null(fgets(line, sizeof line, p));
	assert_int_equal(pclose(p), 0);
	line[strcspn(line, " \n")] = '\0';
	assert_true(strlen(line) < size);
	memcpy(out, line, strlen(line) + 1);
}

/* Regular files under dir (recursively); those named .tmp-* counted apart. */
static void count_files(const char *dir, int *kept, int *tmp)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat st;

	if (!d)
		return;
	while ((de = readdir(d))) {
		char *p;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		p = test_path(dir, de->d_name);
		assert_int_equal(lstat(p, &st), 0);
		if (S_ISDIR(st.st_mode))
			count_files(p, kept, tmp);
		else if (!strncmp(de->d_name, ".tmp-", 5))
			++*tmp;
		else
			++*kept;
		free(p);
	}
	closedir(d);
}

static void assert_files(const char *store, int kept, int tmp)
{
	int k = 0, t = 0;

	count_files(store, &k, &t);
	assert_int_equal(k, kept);
	assert_int_equal(t, tmp);
}

static void jpeg_kept_as_tools_see_it(void **state)
{
	struct fixture *f = *state;
	char *src = make_jpeg(f->dir, "site photo.jpg", 5 * 1000 * 1000, 7), *kept, *cmd;
	char sha[80], blob[80], again[80];
	struct evidence_info in;
	struct fc_err err = { 0 };
	struct stat st;

	must(evidence_add(&f->es, src, &in, &err), &err);
	cmd = xstrfmt("sha256sum '%s'", src);
	first_word(cmd, sha, sizeof sha);
	free(cmd);
	cmd = xstrfmt("git hash-object '%s'", src);
	first_word(cmd, blob, sizeof blob);
	free(cmd);
	assert_string_equal(in.sha256, sha);
	assert_string_equal(in.blob, blob);
	assert_int_equal(in.size, 5 * 1000 * 1000);
	assert_int_equal(in.type, MEDIA_JPEG);
	assert_string_equal(in.name, "site photo.jpg");
	assert_string_equal(in.taken, "2026-05-01T10:20:30+08:00");
	assert_true(in.has_location);
	assert_true(in.lat > TEST_LAT - 1e-9 && in.lat < TEST_LAT + 1e-9);
	assert_true(in.lon > TEST_LON - 1e-9 && in.lon < TEST_LON + 1e-9);
	assert_string_equal(in.exif_problem, "");
	/* Under evidence/xx/<sha256>, read-only, the same bytes. */
	kept = evidence_path(&f->es, sha);
	assert_non_null(strstr(kept, "/evidence/"));
	assert_int_equal(strncmp(strrchr(kept, '/') - 3, "/", 1), 0);
	assert_int_equal(stat(kept, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0444);
	cmd = xstrfmt("sha256sum '%s'", kept);
	first_word(cmd, again, sizeof again);
	assert_string_equal(again, sha);
	assert_files(f->store, 1, 0);
	free(cmd);
	free(kept);
	free(src);
}

/* The same bytes twice, under two names: one copy. */
static void duplicate_kept_once(void **state)
{
	struct fixture *f = *state;
	char *a = make_jpeg(f->dir, "a.jpg", 300000, 3), *b = make_jpeg(f->dir, "b.jpg", 300000, 3);
	char *c = make_jpeg(f->dir, "c.jpg", 300000, 4);
	struct evidence_info ia, ib, ic;
	struct fc_err err = { 0 };

	must(evidence_add(&f->es, a, &ia, &err), &err);
	must(evidence_add(&f->es, a, &ib, &err), &err);
	assert_string_equal(ia.sha256, ib.sha256);
	assert_files(f->store, 1, 0);
	must(evidence_add(&f->es, b, &ib, &err), &err);
	assert_string_equal(ia.sha256, ib.sha256);
	assert_string_equal(ib.name, "b.jpg");
	assert_files(f->store, 1, 0);
	must(evidence_add(&f->es, c, &ic, &err), &err);
	assert_string_not_equal(ia.sha256, ic.sha256);
	assert_files(f->store, 2, 0);
	free(a), free(b), free(c);
}

/* A fetched file is kept only when it is what the record's line says:
 * each field that differs is named, and nothing is kept. */
static void expected_or_nothing(void **state)
{
	struct fixture *f = *state;
	char *a = make_jpeg(f->dir, "a.jpg", 200000, 5), *txt = test_path(f->dir, "t.txt");
	struct evidence_info want, got;
	struct fc_err err = { 0 };
	FILE *fp = fopen(txt, "w");

	fputs("plain words\n", fp);
	fclose(fp);
	must(evidence_add(&f->es, a, &want, &err), &err);
	test_rmrf(f->store);
	want.sha256[0] = want.sha256[0] == 'a' ? 'b' : 'a';
	assert_int_equal(evidence_add_expected(&f->es, a, &want, &got, &err), -1);
	assert_non_null(strstr(err.msg, "its bytes hash to"));
	assert_files(f->store, 0, 0);
	want.sha256[0] = got.sha256[0];
	want.size++;
	assert_int_equal(evidence_add_expected(&f->es, a, &want, &got, &err), -1);
	assert_non_null(strstr(err.msg, "not 200001 as its record says"));
	want.size--;
	want.type = MEDIA_PNG;
	assert_int_equal(evidence_add_expected(&f->es, a, &want, &got, &err), -1);
	assert_non_null(strstr(err.msg, "its content is image/jpeg, not image/png"));
	assert_files(f->store, 0, 0);
	want.type = MEDIA_JPEG;
	must(evidence_add_expected(&f->es, a, &want, &got, &err), &err);
	assert_files(f->store, 1, 0);
	assert_int_equal(evidence_add_expected(&f->es, txt, &want, &got, &err), -1);
	assert_files(f->store, 1, 0);
	/* messages name the file by the record's name, not by the temporary */
	snprintf(want.name, sizeof want.name, "IMG_0412.JPG");
	want.size++;
	assert_int_equal(evidence_add_expected(&f->es, txt, &want, &got, &err), -1);
	assert_null(strstr(err.msg, "t.txt"));
	want.type = MEDIA_PNG;
	fp = fopen(txt, "w");
	fputs("\x7f""ELF\x01", fp);
	fclose(fp);
	assert_int_equal(evidence_add_expected(&f->es, txt, &want, &got, &err), -1);
	assert_non_null(strstr(err.msg, "IMG_0412.JPG: not a kind of file"));
	assert_null(strstr(err.msg, "t.txt"));
	free(a), free(txt);
}

/* A copy whose bytes changed is reported and not opened; adding the file
 * again mends it. */
static void bad_copy_reported_and_mended(void **state)
{
	struct fixture *f = *state;
	char *src = make_jpeg(f->dir, "p.jpg", 200000, 5), *kept;
	struct evidence_info in, got;
	struct fc_err err = { 0 };
	unsigned char byte[1];
	int fd;

	must(evidence_add(&f->es, src, &in, &err), &err);
	must(evidence_open(&f->es, in.sha256, &fd, &got, &err), &err);
	assert_int_equal(read(fd, byte, 1), 1);                 /* from the start */
	assert_int_equal(byte[0], 0xff);
	close(fd);
	assert_string_equal(got.blob, in.blob);
	assert_int_equal(got.size, in.size);
	assert_int_equal(got.type, MEDIA_JPEG);
	kept = evidence_path(&f->es, in.sha256);
	assert_int_equal(chmod(kept, 0644), 0);
	fd = open(kept, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, "x", 1, 100000), 1);
	close(fd);
	assert_int_equal(evidence_open(&f->es, in.sha256, &fd, NULL, &err), -1);
	assert_int_equal(fd, -1);
	assert_int_equal(err.kind, FC_EFAIL);
	assert_non_null(strstr(err.msg, "do not match its SHA-256"));
	must(evidence_add(&f->es, src, &in, &err), &err);
	must(evidence_check(&f->es, in.sha256, NULL, &err), &err);
	assert_files(f->store, 1, 0);
	free(kept);
	free(src);
}

static void reading_refuses_bad_names(void **state)
{
	struct fixture *f = *state;
	struct fc_err err = { 0 };
	char missing[SHA256_HEX_LEN + 1];

	memset(missing, 'a', SHA256_HEX_LEN);
	missing[SHA256_HEX_LEN] = '\0';
	assert_int_equal(evidence_check(&f->es, missing, NULL, &err), -1);
	assert_int_equal(err.kind, FC_ENOTFOUND);
	assert_non_null(strstr(err.msg, "not on this laptop"));
	missing[3] = 'A';
	assert_null(evidence_path(&f->es, missing));
	assert_null(evidence_path(&f->es, "../../etc/passwd"));
	missing[3] = 'a';
	missing[SHA256_HEX_LEN - 1] = '\0';
	assert_null(evidence_path(&f->es, missing));
	assert_int_equal(evidence_check(&f->es, "../x", NULL, &err), -1);
}

/* Over the limit: refused naming the file and the limit, nothing left. */
static void size_limit(void **state)
{
	struct fixture *f = *state;
	char *big = make_jpeg(f->dir, "big.jpg", MIB + 1, 6), *fits;
	struct evidence_store small;
	struct evidence_info in;
	struct fc_err err = { 0 };

	evidence_store_init(&small, f->store, MIB);
	assert_int_equal(evidence_add(&small, big, &in, &err), -1);
	assert_non_null(strstr(err.msg, big));
	assert_non_null(strstr(err.msg, "1048577 bytes"));
	assert_non_null(strstr(err.msg, "1 MiB"));
	assert_non_null(strstr(err.msg, EVIDENCE_LIMIT_KEY));
	assert_files(f->store, 0, 0);
	fits = make_jpeg(f->dir, "fits.jpg", MIB, 6);
	must(evidence_add(&small, fits, &in, &err), &err);
	assert_files(f->store, 1, 0);
	evidence_store_release(&small);
	free(big);
	free(fits);
}

/* The limit is the workspace's setting, 50 MiB until set. */
static void limit_is_a_setting(void **state)
{
	static const struct fc_person me = { "A001", "Zhang San", "Safety" };
	struct fixture *f = *state;
	char *wsdir = test_path(f->dir, "ws");
	struct fc_workspace *ws;
	struct evidence_store es;
	struct fc_err err = { 0 };
	uint64_t max;

	must(workspace_init(wsdir, &me, 0, &err), &err);
	must(workspace_open(wsdir, &ws, &err), &err);
	must(evidence_store_open(ws, &es, &err), &err);
	assert_int_equal(es.max_bytes, 50 * MIB);
	assert_non_null(strstr(es.dir, "/ws/evidence"));
	evidence_store_release(&es);
	must(evidence_limit_set(ws->store, 3 * MIB, &err), &err);
	must(evidence_store_open(ws, &es, &err), &err);
	assert_int_equal(es.max_bytes, 3 * MIB);
	evidence_store_release(&es);
	assert_int_equal(evidence_limit_set(ws->store, 0, &err), -1);
	assert_int_equal(evidence_limit_set(ws->store, EVIDENCE_LIMIT_MAX + 1, &err), -1);
	must(evidence_limit_get(ws->store, &max, &err), &err);
	assert_int_equal(max, 3 * MIB);
	must(store_meta_set(ws->store, EVIDENCE_LIMIT_KEY, "12 MB", &err), &err);
	assert_int_equal(evidence_store_open(ws, &es, &err), -1);
	assert_non_null(strstr(err.msg, EVIDENCE_LIMIT_KEY));
	must(store_meta_set(ws->store, EVIDENCE_LIMIT_KEY, "-5", &err), &err);
	assert_int_equal(evidence_limit_get(ws->store, &max, &err), -1);
	workspace_close(ws);
	free(wsdir);
}

/* Kinds not kept, text with a control character, an empty file: refused
 * by name, nothing left behind; good text is kept with its file's time. */
static void kinds_refused_text_kept(void **state)
{
	struct fixture *f = *state;
	char *bmp = make_file(f->dir, "photo.bmp", "BM", 2, 300000, 9);
	char *esc = test_path(f->dir, "notes.txt"), *empty = test_path(f->dir, "empty.txt");
	char *text = test_path(f->dir, "ok.txt"), *msg, stamp[FC_TIMESTAMP_LEN + 1];
	struct timeval tv[2] = { { 1790000000, 0 }, { 1790000000, 0 } };
	struct evidence_info in;
	struct fc_err err = { 0 };

	assert_int_equal(evidence_add(&f->es, bmp, &in, &err), -1);
	msg = xstrfmt("%s: not a kind of file fieldcheck keeps (JPEG, PNG, HEIC, PDF, MP4, M4A, "
		      "AMR, WAV, text)", bmp);
	assert_string_equal(err.msg, msg);
	free(msg);
	assert_int_equal(test_write_file(esc, "all fine\n\x1b]0;owned\a\n", 21), 0);
	assert_int_equal(evidence_add(&f->es, esc, &in, &err), -1);
	assert_non_null(strstr(err.msg, "notes.txt: not a kind of file"));
	assert_int_equal(test_write_file(empty, "", 0), 0);
	assert_int_equal(evidence_add(&f->es, empty, &in, &err), -1);
	assert_non_null(strstr(err.msg, "empty.txt"));
	assert_files(f->store, 0, 0);
	assert_int_equal(test_write_file(text, "消防通道畅通\r\n", 20), 0);
	assert_int_equal(utimes(text, tv), 0);
	must(evidence_add(&f->es, text, &in, &err), &err);
	assert_int_equal(in.type, MEDIA_TEXT);
	must(clock_stamp(1790000000, stamp, &err), &err);
	assert_string_equal(in.taken, stamp);
	assert_false(in.has_location);
	assert_files(f->store, 1, 0);
	free(bmp), free(esc), free(empty), free(text);
}

/* A photo whose Exif is broken is still kept, with its file's time and
 * the problem noted. */
static void broken_exif_noted(void **state)
{
	struct fixture *f = *state;
	unsigned char j[TEST_JPEG_LEN];
	char *src;
	struct evidence_info in;
	struct fc_err err = { 0 };

	test_jpeg(j, 1, "2026:05:01 10:20:30", NULL);
	test_tiff_put32(j, TEST_TIFF_IFD0 + 2 + 8, TEST_TIFF_IFD0);   /* a loop */
	src = make_file(f->dir, "loop.jpg", j, sizeof j, 4096, 1);
	must(evidence_add(&f->es, src, &in, &err), &err);
	assert_non_null(strstr(in.exif_problem, "loop"));
	assert_int_equal(strlen(in.taken), FC_TIMESTAMP_LEN);
	assert_false(in.has_location);
	free(src);
}

/* Names and files that are not evidence: a name with an escape sequence,
 * a FIFO (which must not block), a folder, a missing file. */
static void names_and_files_refused(void **state)
{
	struct fixture *f = *state;
	char *bad = make_jpeg(f->dir, "a\x1b[2Jb.jpg", 1000, 1), *fifo = test_path(f->dir, "fifo");
	char *missing = test_path(f->dir, "missing.jpg");
	struct evidence_info in;
	struct fc_err err = { 0 };

	assert_int_equal(evidence_add(&f->es, bad, &in, &err), -1);
	assert_null(strchr(err.msg, '\x1b'));
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(evidence_add(&f->es, fifo, &in, &err), -1);
	assert_non_null(strstr(err.msg, "not a regular file"));
	assert_int_equal(evidence_add(&f->es, f->dir, &in, &err), -1);
	assert_int_equal(evidence_add(&f->es, missing, &in, &err), -1);
	assert_int_equal(err.kind, FC_ENOTFOUND);
	assert_files(f->store, 0, 0);
	free(bad), free(fifo), free(missing);
}

/* A write that fails half-way (the file size limit stands in for a full
 * disk: the same failed write) leaves neither the copy nor a temporary
 * file. */
static void failed_write_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	char *src = make_jpeg(f->dir, "p.jpg", 3 * MIB, 2);
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { MIB, MIB };
		struct evidence_info in;
		struct fc_err err = { 0 };
		int rc;

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		rc = evidence_add(&f->es, src, &in, &err);
		free(src); /* nothing of the parent's left to a leak checker */
		_exit(rc == -1 && err.kind == FC_EIO && strstr(err.msg, "cannot write") ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_files(f->store, 0, 0);
	free(src);
}

/* Every file under a final name holds the bytes its name says. */
static void final_names_verify(const struct evidence_store *es, const char *sha)
{
	struct fc_err err = { 0 };
	char *path = evidence_path(es, sha);

	if (access(path, F_OK) == 0)
		must(evidence_check(es, sha, NULL, &err), &err);
	free(path);
}

/* The size of the temporary file under dir, or -1 when there is none. */
static long long tmp_size(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat st;
	long long size = -1;

	while (d && (de = readdir(d)))
		if (!strncmp(de->d_name, ".tmp-", 5)) {
			char *p = test_path(dir, de->d_name);
			if (stat(p, &st) == 0)
				size = st.st_size;
			free(p);
		}
	if (d)
		closedir(d);
	return size;
}

/* A process killed while it copies leaves at most a temporary file,
 * never a half file under the final name.  Killed as soon as the copy
 * has begun, a few times, until once it is caught in the middle. */
static void killed_leaves_no_half_file(void **state)
{
	struct fixture *f = *state;
	char *src = make_jpeg(f->dir, "video.jpg", 60 * MIB, 8), *cmd, sha[80];
	int tries, caught = 0, status, k, t;
	struct evidence_store es;

	evidence_store_init(&es, f->store, 64 * MIB);
	cmd = xstrfmt("sha256sum '%s'", src);
	first_word(cmd, sha, sizeof sha);
	for (tries = 0; tries < 10 && !caught; tries++) {
		pid_t pid = fork();
		struct timespec ms = { 0, 1000000 };
		int waited;

		assert_true(pid >= 0);
		if (pid == 0) {
			struct evidence_info in;
			struct fc_err err = { 0 };
			_exit(evidence_add(&es, src, &in, &err) ? 1 : 0);
		}
		for (waited = 0; waited < 5000 && tmp_size(f->store) <= 4 * MIB; waited++)
			nanosleep(&ms, NULL);
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		final_names_verify(&es, sha);
		k = t = 0;
		count_files(f->store, &k, &t);
		caught = WIFSIGNALED(status) && k == 0 && t == 1;
		test_rmrf(f->store);
	}
	evidence_store_release(&es);
	free(cmd);
	free(src);
	if (!caught)
		skip();
}

/* Memory does not grow with the file: adding 60 MiB raises the peak
 * resident size by far less than the file (it passes through one 64 KiB
 * buffer).  Measured in a child, whose peak starts from its own. */
static void streamed_not_read_whole(void **state)
{
	struct fixture *f = *state;
	char *src = make_jpeg(f->dir, "long.jpg", 60 * MIB, 11);
	int status;
	pid_t pid;

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct evidence_store es;
		struct evidence_info in;
		struct fc_err err = { 0 };
		struct rusage before, after;

		evidence_store_init(&es, f->store, 64 * MIB);
		getrusage(RUSAGE_SELF, &before);
		if (evidence_add(&es, src, &in, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			_exit(2);
		}
		getrusage(RUSAGE_SELF, &after);
		free(src); /* nothing of the parent's left to a leak checker */
		evidence_store_release(&es);
		fprintf(stderr, "peak resident size grew by %ld KiB adding %d MiB\n",
			after.ru_maxrss - before.ru_maxrss, 60);
		_exit(after.ru_maxrss - before.ru_maxrss < 8 * 1024 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_files(f->store, 1, 0);
	free(src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(jpeg_kept_as_tools_see_it, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicate_kept_once, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_copy_reported_and_mended, setup, teardown),
		cmocka_unit_test_setup_teardown(expected_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(reading_refuses_bad_names, setup, teardown),
		cmocka_unit_test_setup_teardown(size_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(limit_is_a_setting, setup, teardown),
		cmocka_unit_test_setup_teardown(kinds_refused_text_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(broken_exif_noted, setup, teardown),
		cmocka_unit_test_setup_teardown(names_and_files_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(failed_write_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(killed_leaves_no_half_file, setup, teardown),
		cmocka_unit_test_setup_teardown(streamed_not_read_whole, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
