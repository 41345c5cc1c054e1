/* test_two_officers.c - which inspection types the department does in
 * pairs (core/two_officers.h): the setting read and written back, every
 * type when unset, an unknown word refused naming it, the officers each
 * type needs (joint and unannounced two whatever the setting), and the
 * warning only for a team that is short. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "core/two_officers.h"

static void words_read_and_written_back(void **state)
{
	static const char *const ok[] = { "all", "none", "routine", "joint", "routine,recheck",
					  "routine,unannounced,joint,recheck" };
	static const char *const back[] = { "all", "none", "routine", "joint", "routine,recheck",
					    "all" };
	struct fc_err err = { 0 };
	struct strbuf sb;
	unsigned mask;
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		assert_int_equal(two_officers_parse(ok[i], &mask, &err), 0);
		strbuf_init(&sb);
		two_officers_format(mask, &sb);
		assert_string_equal(sb.buf, back[i]);
		strbuf_release(&sb);
	}
	assert_int_equal(two_officers_parse("routine,daily", &mask, &err), -1);
	assert_non_null(strstr(err.msg, "'daily' is not an inspection type"));
	assert_int_equal(two_officers_parse(",", &mask, &err), -1);
	assert_int_equal(two_officers_parse("", &mask, &err), -1);
}

static void need_and_warning(void **state)
{
	unsigned joint_only = 1u << INSP_JOINT;
	struct strbuf sb;
	(void)state;

	assert_int_equal(two_officers_need(TWO_OFFICERS_ALL, INSP_ROUTINE), 2);
	assert_int_equal(two_officers_need(joint_only, INSP_ROUTINE), 1);
	assert_int_equal(two_officers_need(0, INSP_RECHECK), 1);
	/* the type's own floor stands whatever the setting */
	assert_int_equal(two_officers_need(0, INSP_JOINT), 2);
	assert_int_equal(two_officers_need(0, INSP_UNANNOUNCED), 2);
	strbuf_init(&sb);
	two_officers_warning(TWO_OFFICERS_ALL, INSP_ROUTINE, 2, &sb);
	assert_int_equal(sb.len, 0);
	two_officers_warning(joint_only, INSP_ROUTINE, 1, &sb);
	assert_int_equal(sb.len, 0);
	two_officers_warning(TWO_OFFICERS_ALL, INSP_ROUTINE, 1, &sb);
	assert_string_equal(sb.buf, "a routine inspection is done by at least 2 officers "
			    "(enforcement in pairs), and the team has 1");
	strbuf_release(&sb);
}

static void kept_in_the_store(void **state)
{
	char *dir = test_tmpdir(), *path = test_path(dir, "store.db");
	struct fc_err err = { 0 };
	struct fc_store *s;
	struct strbuf sb;
	unsigned mask;
	(void)state;

	assert_int_equal(store_create(path, &s, &err), 0);
	assert_int_equal(two_officers_get(s, &mask, &err), 0);
	assert_int_equal(mask, TWO_OFFICERS_ALL); /* unset: every type */
	assert_int_equal(two_officers_set(s, 1u << INSP_JOINT, &err), 0);
	assert_int_equal(two_officers_get(s, &mask, &err), 0);
	assert_int_equal(mask, 1u << INSP_JOINT);
	strbuf_init(&sb);
	assert_int_equal(team_warning(s, INSP_ROUTINE, 1, &sb, &err), 0);
	assert_int_equal(sb.len, 0);
	assert_int_equal(store_meta_set(s, TWO_OFFICERS_META, "joint,sometimes", &err), 0);
	assert_int_equal(team_warning(s, INSP_ROUTINE, 1, &sb, &err), -1);
	assert_non_null(strstr(err.msg, "the setting team.two_officers"));
	strbuf_release(&sb);
	store_close(s);
	test_rmrf(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_read_and_written_back),
		cmocka_unit_test(need_and_warning),
		cmocka_unit_test(kept_in_the_store),
	};
	return cmocka_run_group_tests_name("two_officers", tests, NULL, NULL);
}
