/* test_dirlist.c - a folder as the file chooser lists it: folders first,
 * files newest first, hidden and unprintable names left out, bounded. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>

#include "core/dirlist.h"

static void touch_at(const char *dir, const char *name, time_t t, size_t size)
{
	char *p = test_path(dir, name);
	char *data = calloc(1, size + 1);
	struct timeval tv[2] = { { t, 0 }, { t, 0 } };

	assert_int_equal(test_write_file(p, data, size), 0);
	assert_int_equal(utimes(p, tv), 0);
	free(data);
	free(p);
}

static void order_and_filters(void **state)
{
	char *dir = test_tmpdir(), *sub = test_path(dir, "DCIM");
	struct dirlist l;
	struct fc_err err = { 0 };
	(void)state;

	touch_at(dir, "old.jpg", 1000, 3);
	touch_at(dir, "new.jpg", 3000, 5);
	touch_at(dir, "mid.pdf", 2000, 7);
	touch_at(dir, ".hidden.jpg", 4000, 1);
	touch_at(dir, "bad\x1b[31m.jpg", 5000, 1);
	touch_at(dir, "bad\xff.jpg", 5000, 1);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(dirlist_read(dir, &l, &err), 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.e[0].name, "DCIM");
	assert_true(l.e[0].is_dir);
	assert_string_equal(l.e[1].name, "new.jpg");
	assert_int_equal(l.e[1].size, 5);
	assert_string_equal(l.e[2].name, "mid.pdf");
	assert_string_equal(l.e[3].name, "old.jpg");
	assert_int_equal(l.unnamed, 2);
	assert_int_equal(l.more, 0);
	dirlist_release(&l);
	assert_int_equal(dirlist_read(sub, &l, &err), 0);
	assert_int_equal(l.n, 0);
	dirlist_release(&l);
	test_rmrf(dir);
	assert_int_equal(dirlist_read(dir, &l, &err), -1);
	assert_int_equal(err.kind, FC_ENOTFOUND);
	assert_non_null(strstr(err.msg, "cannot open the folder"));
	free(sub);
	free(dir);
}

/* A card with more files than a chooser lists: the rest are counted. */
static void bounded(void **state)
{
	char *dir = test_tmpdir(), name[32];
	struct dirlist l;
	struct fc_err err = { 0 };
	size_t i;
	(void)state;

	for (i = 0; i < DIRLIST_MAX + 7; i++) {
		snprintf(name, sizeof name, "IMG_%05zu.JPG", i);
		touch_at(dir, name, (time_t)(1000 + i), 0);
	}
	assert_int_equal(dirlist_read(dir, &l, &err), 0);
	assert_int_equal(l.n, DIRLIST_MAX);
	assert_int_equal(l.more, 7);
	/* the newest are kept: the oldest seven went */
	snprintf(name, sizeof name, "IMG_%05d.JPG", DIRLIST_MAX + 6);
	assert_string_equal(l.e[0].name, name);
	assert_string_equal(l.e[DIRLIST_MAX - 1].name, "IMG_00007.JPG");
	dirlist_release(&l);
	test_rmrf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(order_and_filters),
		cmocka_unit_test(bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
