/* test_judged.c - sync/judged.h: a verdict is found again for the same
 * object judged as the same thing, never for another; texts are cut to
 * their bound; past JUDGED_MAX verdicts the table forgets and starts over,
 * so it stays bounded however many objects a sync judges.
 */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include <git2.h>

#include "support_oid.h"
#include "sync/judged.h"

static void verdicts_found_again(void **state)
{
	struct judged *j = judged_new();
	git_oid a = test_oid(1), b = test_oid(2);
	const char *text;
	(void)state;
	assert_int_equal(judged_get(j, &a, JUDGED_AS_RECORD, &text), JUDGED_NONE);
	judged_put(j, &a, JUDGED_AS_RECORD, JUDGED_REFUSED, "too large");
	judged_put(j, &b, JUDGED_AS_RECORD, JUDGED_SOUND, "hazards/ab/x.json");
	assert_int_equal(judged_get(j, &a, JUDGED_AS_RECORD, &text), JUDGED_REFUSED);
	assert_string_equal(text, "too large");
	assert_int_equal(judged_get(j, &b, JUDGED_AS_RECORD, &text), JUDGED_SOUND);
	assert_string_equal(text, "hazards/ab/x.json");
	/* refused as a record says nothing of the same bytes as a form file */
	assert_int_equal(judged_get(j, &a, JUDGED_AS_FORM_FILE, &text), JUDGED_NONE);
	judged_put(j, &a, JUDGED_AS_FORM_FILE, JUDGED_SOUND, "");
	assert_int_equal(judged_get(j, &a, JUDGED_AS_FORM_FILE, &text), JUDGED_SOUND);
	assert_int_equal(judged_get(j, &a, JUDGED_AS_RECORD, &text), JUDGED_REFUSED);
	judged_free(j);
}

static void texts_cut(void **state)
{
	struct judged *j = judged_new();
	char big[JUDGED_TEXT * 3];
	git_oid a = test_oid(1);
	const char *text;
	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	judged_put(j, &a, JUDGED_AS_RECORD, JUDGED_REFUSED, big);
	judged_get(j, &a, JUDGED_AS_RECORD, &text);
	assert_int_equal(strlen(text), JUDGED_TEXT);
	judged_free(j);
}

static void bounded(void **state)
{
	struct judged *j = judged_new();
	git_oid first = test_oid(0), last = test_oid(JUDGED_MAX);
	const char *text;
	unsigned n;
	(void)state;
	for (n = 0; n < JUDGED_MAX; n++) {
		git_oid id = test_oid(n);
		judged_put(j, &id, JUDGED_AS_RECORD, JUDGED_REFUSED, "no");
	}
	for (n = 0; n < JUDGED_MAX; n++) {
		git_oid id = test_oid(n);
		assert_int_equal(judged_get(j, &id, JUDGED_AS_RECORD, &text), JUDGED_REFUSED);
	}
	/* one more: all forgotten but it */
	judged_put(j, &last, JUDGED_AS_RECORD, JUDGED_REFUSED, "no");
	assert_int_equal(judged_get(j, &first, JUDGED_AS_RECORD, &text), JUDGED_NONE);
	assert_int_equal(judged_get(j, &last, JUDGED_AS_RECORD, &text), JUDGED_REFUSED);
	judged_free(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdicts_found_again),
		cmocka_unit_test(texts_cut),
		cmocka_unit_test(bounded),
	};
	int rc;

	git_libgit2_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	git_libgit2_shutdown();
	return rc;
}
