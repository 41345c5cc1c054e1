/* test_attachment.c - a record's attachment lines: their checks and the
 * union two devices' lists merge to (core/attachment.h). */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"

#define SHA_A "1111111111111111111111111111111111111111111111111111111111111111"
#define SHA_B "2222222222222222222222222222222222222222222222222222222222222222"
#define BLOB "30d74d258442c7c65512eafab474568dd706c430"
#define T1 "2026-12-02T10:00:00+08:00"
#define T2 "2026-12-02T11:00:00+08:00"
#define T3 "2026-12-02T12:00:00+08:00"

static struct fc_attachment line(const char *to, const char *sha, const char *by, const char *at,
				 const char *withdrawn)
{
	struct fc_attachment a = { 0 };
	a.to = (char *)to;
	a.name = (char *)"IMG_1.JPG";
	strcpy(a.sha256, sha);
	strcpy(a.blob, BLOB);
	a.size = 100;
	strcpy(a.type, "image/jpeg");
	strcpy(a.by, by);
	strcpy(a.at, at);
	strcpy(a.withdrawn, withdrawn);
	return a;
}

static void checks(void **state)
{
	struct fc_attachment a = line("", SHA_A, "B-1", T1, "");
	struct fc_err err = { 0 };
	(void)state;

	assert_int_equal(attachment_check(&a, &err), 0);
	a.sha256[3] = 'G';
	assert_int_equal(attachment_check(&a, &err), -1);
	assert_non_null(strstr(err.msg, "sha256"));
	a = line("", SHA_A, "B-1", T1, "");
	strcpy(a.type, "image/../x");
	assert_int_equal(attachment_check(&a, &err), -1);
	strcpy(a.type, "image/jpeg");
	a.name = (char *)"a\x1b[31m.jpg";
	assert_int_equal(attachment_check(&a, &err), -1);
	a.name = (char *)"";
	assert_int_equal(attachment_check(&a, &err), -1);
	a.name = (char *)"IMG_1.JPG";
	a.size = -1;
	assert_int_equal(attachment_check(&a, &err), -1);
	assert_int_equal(geo_check("30.27 120.15 12 5", "p", &err), 0);
	assert_int_equal(geo_check("-33.9 -70.6 0 0", "p", &err), 0);
	assert_int_equal(geo_check("30.27 120.15", "p", &err), -1);
	assert_int_equal(geo_check("30.27 190 0 0", "p", &err), -1);
	assert_int_equal(geo_check("30.27  120.15 0 0", "p", &err), -1);
	assert_int_equal(geo_check("30.27 120.15 0 0 ", "p", &err), -1);
	assert_int_equal(geo_check("nan 120.15 0 0", "p", &err), -1);
	assert_int_equal(geo_check("1e1 120.15 0 0", "p", &err), -1);
	assert_int_equal(geo_check("0x1 120.15 0 0", "p", &err), -1);
	assert_int_equal(geo_check("1. 120.15 0 0", "p", &err), -1);
}

static void list_order_and_twice(void **state)
{
	struct fc_attachment l[2] = { line("", SHA_A, "B-1", T1, ""), line("", SHA_B, "B-1", T2, "") };
	struct fc_err err = { 0 };
	(void)state;

	assert_int_equal(attachments_check(l, 2, &err), 0);
	l[1] = line("", SHA_A, "B-2", T2, "");
	assert_int_equal(attachments_check(l, 2, &err), -1);
	assert_non_null(strstr(err.msg, "attached twice"));
	l[0] = line("", SHA_B, "B-1", T3, "");
	assert_int_equal(attachments_check(l, 2, &err), -1);
	assert_non_null(strstr(err.msg, "out of order"));
	/* the same file may document two things */
	l[0] = line("", SHA_A, "B-1", T1, "");
	l[1] = line("item_a", SHA_A, "B-1", T1, "");
	assert_int_equal(attachments_check(l, 2, &err), 0);
}

/* Both sides added the same file to the same thing: one line, the earlier
 * `at`, the earlier withdrawal; the result does not depend on the order
 * the two lists are given in. */
static void union_is_symmetric(void **state)
{
	struct fc_attachment a[2] = { line("", SHA_A, "B-2", T2, ""), line("x", SHA_B, "B-1", T1, "") };
	struct fc_attachment b[2] = { line("", SHA_A, "B-1", T1, T3), line("y", SHA_B, "B-1", T1, "") };
	struct fc_attachment *u1, *u2;
	size_t n1, n2, i;
	struct fc_err err = { 0 };
	(void)state;

	attachments_union(a, 2, b, 2, &u1, &n1);
	attachments_union(b, 2, a, 2, &u2, &n2);
	assert_int_equal(n1, 3);
	assert_int_equal(n2, 3);
	assert_int_equal(attachments_check(u1, n1, &err), 0);
	for (i = 0; i < n1; i++) {
		assert_string_equal(u1[i].to, u2[i].to);
		assert_string_equal(u1[i].sha256, u2[i].sha256);
		assert_string_equal(u1[i].by, u2[i].by);
		assert_string_equal(u1[i].withdrawn, u2[i].withdrawn);
	}
	assert_string_equal(u1[0].to, "");
	assert_string_equal(u1[0].by, "B-1");
	assert_string_equal(u1[0].at, T1);
	assert_string_equal(u1[0].withdrawn, T3);
	attachments_free(u1, n1);
	attachments_free(u2, n2);
	/* lines that differ only past at, by and name: still one winner */
	a[0] = line("", SHA_A, "B-1", T1, ""), b[0] = line("", SHA_A, "B-1", T1, "");
	b[0].blob[0] = '4';
	attachments_union(a, 1, b, 1, &u1, &n1);
	attachments_union(b, 1, a, 1, &u2, &n2);
	assert_int_equal(n1, 1);
	assert_string_equal(u1[0].blob, u2[0].blob);
	attachments_free(u1, n1);
	attachments_free(u2, n2);
	attachments_union(NULL, 0, NULL, 0, &u1, &n1);
	assert_int_equal(n1, 0);
	attachments_free(u1, n1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(checks),
		cmocka_unit_test(list_order_and_twice),
		cmocka_unit_test(union_is_symmetric),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
