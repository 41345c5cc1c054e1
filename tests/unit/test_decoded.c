/* test_decoded.c - sync/decoded.h: a record kept by the merge is taken by
 * the import once, and only for the same blob, path and format; past
 * DECODED_BUDGET bytes nothing more is kept (the caller keeps its record),
 * and what is taken frees its bytes for others.
 */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include <git2.h>

#include "core/strbuf.h"
#include "support_oid.h"
#include "sync/decoded.h"

/* An enterprise record named name (the table owns what it keeps). */
static struct fc_record enterprise(const char *name)
{
	struct fc_record r;

	memset(&r, 0, sizeof r);
	r.kind = REC_ENTERPRISE;
	r.u.enterprise.name = xstrdup(name);
	return r;
}

static void taken_once_by_its_key(void **state)
{
	struct decoded *d = decoded_new();
	git_oid a = test_oid(1), b = test_oid(2);
	struct fc_record r = enterprise("甲"), out;
	size_t bytes = 0;
	(void)state;
	assert_int_equal(decoded_keep(d, &a, "enterprises/x.json", 2, &r, 100), 1);
	assert_null(r.u.enterprise.name); /* the table's now */
	assert_int_equal(decoded_take(d, &b, "enterprises/x.json", 2, &out, &bytes), 0);
	assert_int_equal(decoded_take(d, &a, "enterprises/y.json", 2, &out, &bytes), 0);
	assert_int_equal(decoded_take(d, &a, "enterprises/x.json", 1, &out, &bytes), 0);
	assert_int_equal(decoded_take(d, &a, "enterprises/x.json", 2, &out, &bytes), 1);
	assert_string_equal(out.u.enterprise.name, "甲");
	assert_int_equal(bytes, 100);
	record_clear(&out);
	assert_int_equal(decoded_take(d, &a, "enterprises/x.json", 2, &out, &bytes), 0);
	decoded_free(d);
}

static void bounded(void **state)
{
	struct decoded *d = decoded_new();
	git_oid a = test_oid(1), b = test_oid(2);
	struct fc_record r = enterprise("甲"), s = enterprise("乙"), out;
	size_t bytes;
	(void)state;
	/* a record counts as its struct and twice its file (decoded.c): one of
	 * nearly half the budget's bytes fills it */
	assert_int_equal(decoded_keep(d, &a, "p", 2, &r, DECODED_BUDGET / 2 - 4096), 1);
	assert_int_equal(decoded_keep(d, &b, "q", 2, &s, 4096), 0);
	assert_string_equal(s.u.enterprise.name, "乙"); /* still the caller's */
	assert_int_equal(decoded_take(d, &a, "p", 2, &out, &bytes), 1);
	record_clear(&out);
	assert_int_equal(decoded_keep(d, &b, "q", 2, &s, 4096), 1);
	decoded_free(d); /* frees what was kept and not taken */
}

/* Many records kept and taken in turn: the table is rebuilt past its
 * taken slots and every one is found. */
static void many(void **state)
{
	struct decoded *d = decoded_new();
	struct fc_record out;
	size_t bytes;
	char name[16];
	unsigned n;
	(void)state;
	for (n = 0; n < 3000; n++) {
		git_oid id = test_oid(n);
		struct fc_record r;
		snprintf(name, sizeof name, "e%u", n);
		r = enterprise(name);
		assert_int_equal(decoded_keep(d, &id, name, 2, &r, 10), 1);
		if (n % 2) { /* take every other one at once */
			assert_int_equal(decoded_take(d, &id, name, 2, &out, &bytes), 1);
			record_clear(&out);
		}
	}
	for (n = 0; n < 3000; n += 2) {
		git_oid id = test_oid(n);
		snprintf(name, sizeof name, "e%u", n);
		assert_int_equal(decoded_take(d, &id, name, 2, &out, &bytes), 1);
		assert_string_equal(out.u.enterprise.name, name);
		record_clear(&out);
	}
	decoded_clear(d);
	decoded_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(taken_once_by_its_key),
		cmocka_unit_test(bounded),
		cmocka_unit_test(many),
	};
	int rc;

	git_libgit2_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	git_libgit2_shutdown();
	return rc;
}
