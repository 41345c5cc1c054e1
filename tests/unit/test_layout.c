/* test_layout.c - where records live in the replica's tree (sync/layout.h)
 * and the format of a tree (sync/format.h): a hazard by the month it was
 * found in format 2 and by hex in format 1, each path parsed and matched
 * against the tree's format, paths of neither shape refused, the FORMAT
 * marker read strictly, and a format-1 tree moved to format 2 with every
 * hazard's bytes unchanged, the same tree whoever moves it. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "core/record.h"
#include "sync/format.h"
#include "sync/layout.h"

#define HID "c3f1a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b"
#define IID "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"

static const char hazard_text[] =
	"{\n"
	"  \"format\": \"fieldcheck/hazard/1\",\n"
	"  \"id\": \"" HID "\",\n"
	"  \"inspection\": \"" IID "\",\n"
	"  \"item\": \"safety_office\",\n"
	"  \"severity\": \"general\",\n"
	"  \"description\": \"无专职人员\",\n"
	"  \"deadline\": \"2026-12-05\",\n"
	"  \"events\": [\n"
	"    {\"kind\": \"found\", \"at\": \"2026-09-30T23:30:00+08:00\", \"by\": \"ZJ-0001\", "
	"\"name\": \"张三\", \"date\": \"\", \"note\": \"\"},\n"
	"    {\"kind\": \"comment\", \"at\": \"2026-10-02T09:00:00+08:00\", \"by\": \"ZJ-0001\", "
	"\"name\": \"张三\", \"date\": \"\", \"note\": \"复查\"}\n"
	"  ]\n"
	"}\n";

#define MONTH_PATH "hazards/2026/09/" HID ".json"
#define HEX_PATH "hazards/c3/" HID ".json"

static void decode_hazard(struct fc_record *r)
{
	struct fc_err err = { 0 };

	assert_int_equal(record_decode(hazard_text, strlen(hazard_text), "h", r, &err), 0);
}

/* The month is the found event's, as written: its own offset, not UTC. */
static void hazard_paths(void **state)
{
	struct fc_record r;
	char p[128];
	(void)state;

	decode_hazard(&r);
	layout_record_path(&r, LAYOUT_FORMAT, p, sizeof p);
	assert_string_equal(p, MONTH_PATH);
	layout_record_path(&r, LAYOUT_FORMAT_OLD, p, sizeof p);
	assert_string_equal(p, HEX_PATH);
	layout_hazard_path(HID, "2027-01-02T00:00:00Z", LAYOUT_FORMAT, p, sizeof p);
	assert_string_equal(p, "hazards/2027/01/" HID ".json");
	record_clear(&r);
}

static void parse_both_shapes(void **state)
{
	struct layout_path lp;
	struct fc_err err = { 0 };
	(void)state;

	assert_int_equal(layout_parse(MONTH_PATH, &lp, &err), 0);
	assert_int_equal(lp.kind, LAY_RECORD);
	assert_int_equal(lp.rec, REC_HAZARD);
	assert_int_equal(lp.format, LAYOUT_FORMAT);
	assert_string_equal(lp.id, HID);
	assert_int_equal(layout_parse(HEX_PATH, &lp, &err), 0);
	assert_int_equal(lp.format, LAYOUT_FORMAT_OLD);
	assert_string_equal(lp.id, HID);
	assert_int_equal(layout_parse("FORMAT", &lp, &err), 0);
	assert_int_equal(lp.kind, LAY_FORMAT);
	assert_int_equal(layout_parse("inspections/2026/09/" IID ".json", &lp, &err), 0);
	assert_int_equal(lp.format, 0);
}

static void parse_refused(void **state)
{
	static const char *const bad[] = {
		"hazards/ab/" HID ".json",             /* another shard than the id's */
		"hazards/2026/9/" HID ".json",         /* one digit of month */
		"hazards/20x6/09/" HID ".json",
		"hazards/2026/09/10/" HID ".json",     /* a folder too deep */
		"hazards/2026/" HID ".json",
		"hazards/" HID ".json",
		"hazards/2026/09/" HID ".txt",
		"hazards/2026/09/.json",
		"FORMAT/x",
		"format",
		"FORMAT.txt",
	};
	struct layout_path lp;
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct fc_err err = { 0 };
		assert_int_equal(layout_parse(bad[i], &lp, &err), -1);
		assert_non_null(strstr(err.msg, "is not a place where fieldcheck keeps records"));
	}
}

/* A tree's format decides which of the two paths is the hazard's. */
static void matches_by_format(void **state)
{
	struct layout_path lp;
	struct fc_record r;
	struct fc_err err = { 0 };
	(void)state;

	decode_hazard(&r);
	assert_int_equal(layout_parse(MONTH_PATH, &lp, &err), 0);
	assert_int_equal(layout_matches(&lp, &r, MONTH_PATH, LAYOUT_FORMAT, &err), 0);
	assert_int_equal(layout_matches(&lp, &r, MONTH_PATH, LAYOUT_FORMAT_OLD, &err), -1);
	assert_string_equal(err.msg, MONTH_PATH " should be at " HEX_PATH
			    " (the tree is in format 1)");
	assert_int_equal(layout_parse(HEX_PATH, &lp, &err), 0);
	assert_int_equal(layout_matches(&lp, &r, HEX_PATH, LAYOUT_FORMAT_OLD, &err), 0);
	assert_int_equal(layout_matches(&lp, &r, HEX_PATH, LAYOUT_FORMAT, &err), -1);
	assert_string_equal(err.msg, HEX_PATH " should be at " MONTH_PATH
			    " (the tree is in format 2)");
	/* the wrong month */
	assert_int_equal(layout_parse("hazards/2026/10/" HID ".json", &lp, &err), 0);
	assert_int_equal(layout_matches(&lp, &r, "hazards/2026/10/" HID ".json", LAYOUT_FORMAT,
					&err), -1);
	record_clear(&r);
}

struct repo {
	char *dir;
	git_repository *git;
};

static void open_repo(struct repo *r)
{
	r->dir = test_tmpdir();
	assert_int_equal(git_repository_init(&r->git, r->dir, 1), 0);
}

static void close_repo(struct repo *r)
{
	git_repository_free(r->git);
	test_rmrf(r->dir);
	free(r->dir);
}

/* A tree of (path, content) pairs, NULL-ended. */
static git_tree *tree_of(struct repo *r, const char *const *files)
{
	git_index *idx;
	git_oid id;
	git_tree *t;

	assert_int_equal(git_index_new(&idx), 0);
	for (; files[0]; files += 2) {
		git_index_entry e;
		memset(&e, 0, sizeof e);
		e.mode = GIT_FILEMODE_BLOB;
		e.path = files[0];
		assert_int_equal(git_blob_create_from_buffer(&e.id, r->git, files[1],
							     strlen(files[1])), 0);
		assert_int_equal(git_index_add(idx, &e), 0);
	}
	assert_int_equal(git_index_write_tree_to(&id, idx, r->git), 0);
	assert_int_equal(git_tree_lookup(&t, r->git, &id), 0);
	git_index_free(idx);
	return t;
}

static int format_says(struct repo *r, const char *text, struct fc_err *err)
{
	const char *const files[] = { "FORMAT", text, NULL };
	git_tree *t = tree_of(r, files);
	int format = 0, rc = format_of_tree(r->git, t, "the central", &format, err);

	git_tree_free(t);
	return rc ? -1 : format;
}

/* Exactly "fieldcheck 2\n"; none is format 1; anything else is refused. */
static void marker_strict(void **state)
{
	static const char *const bad[] = {
		"fieldcheck 2", "fieldcheck 2\n\n", "fieldcheck 02\n", "fieldcheck 1\n",
		"fieldcheck  2\n", "Fieldcheck 2\n", "", "fieldcheck 2\r\n", "fieldcheck -2\n",
	};
	const char *const none[] = { "enterprises/x.json", "{}", NULL };
	struct fc_err err = { 0 };
	struct repo r;
	git_tree *t;
	size_t i;
	int format = 0;
	(void)state;

	open_repo(&r);
	assert_int_equal(format_says(&r, "fieldcheck 2\n", &err), 2);
	t = tree_of(&r, none);
	assert_int_equal(format_of_tree(r.git, t, "the central", &format, &err), 0);
	assert_int_equal(format, 1);
	git_tree_free(t);
	assert_int_equal(format_of_tree(r.git, NULL, "the central", &format, &err), 0);
	assert_int_equal(format, 2); /* nothing yet: a new replica starts in format 2 */
	assert_int_equal(format_says(&r, "fieldcheck 3\n", &err), -1);
	assert_string_equal(err.msg, "the central is in format 3; this fieldcheck reads formats "
			    "1 and 2: upgrade it");
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_int_equal(format_says(&r, bad[i], &err), -1);
		assert_non_null(strstr(err.msg, "not a format marker"));
	}
	close_repo(&r);
}

/* Every hazard that decodes moves with its bytes; what does not stays for
 * the merge to refuse; the same tree moved twice is one tree. */
static void normalise_moves(void **state)
{
	const char *const files[] = {
		HEX_PATH, hazard_text,
		"hazards/ab/abababab-0000-4000-8000-000000000000.json", "not a record",
		"inspections/2026/09/" IID ".json", "{}",
		NULL,
	};
	struct fc_err err = { 0 };
	git_tree_entry *e = NULL;
	git_tree *t, *out, *again, *same;
	git_oid blob;
	struct format_memo memo;
	struct repo r;
	size_t moved;
	int format;
	(void)state;

	open_repo(&r);
	format_memo_init(&memo);
	t = tree_of(&r, files);
	assert_int_equal(format_normalise(r.git, t, &memo, &out, &moved, &err), 0);
	assert_int_equal(moved, 1);
	assert_int_equal(format_of_tree(r.git, out, "the tree", &format, &err), 0);
	assert_int_equal(format, 2);
	assert_int_equal(git_tree_entry_bypath(&e, t, HEX_PATH), 0);
	blob = *git_tree_entry_id(e);
	git_tree_entry_free(e);
	assert_int_equal(git_tree_entry_bypath(&e, out, MONTH_PATH), 0);
	assert_true(git_oid_equal(git_tree_entry_id(e), &blob));
	git_tree_entry_free(e);
	assert_int_equal(git_tree_entry_bypath(&e, out, "hazards/c3"), GIT_ENOTFOUND);
	assert_int_equal(git_tree_entry_bypath(&e, out,
		"hazards/ab/abababab-0000-4000-8000-000000000000.json"), 0);
	git_tree_entry_free(e);
	/* again, the months from the memo: the same tree */
	assert_int_equal(format_normalise(r.git, t, &memo, &again, NULL, &err), 0);
	assert_true(git_oid_equal(git_tree_id(again), git_tree_id(out)));
	assert_int_equal(format_normalise(r.git, out, &memo, &same, &moved, &err), 0);
	assert_true(git_oid_equal(git_tree_id(same), git_tree_id(out)));
	assert_int_equal(moved, 0);
	git_tree_free(same);
	git_tree_free(again);
	git_tree_free(out);
	git_tree_free(t);
	format_memo_release(&memo);
	close_repo(&r);
}

static int setup(void **state)
{
	(void)state;
	return git_libgit2_init() < 0;
}

static int teardown(void **state)
{
	(void)state;
	git_libgit2_shutdown();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hazard_paths),
		cmocka_unit_test(parse_both_shapes),
		cmocka_unit_test(parse_refused),
		cmocka_unit_test(matches_by_format),
		cmocka_unit_test(marker_strict),
		cmocka_unit_test(normalise_moves),
	};
	return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
