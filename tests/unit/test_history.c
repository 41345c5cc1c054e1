/* test_history.c - a record's history in the replica (sync/history.h): the
 * changed lines of canonical text (a changed answer, a new last element
 * whose neighbour gains a comma, an empty array filled, a record created),
 * and the walk over commits built here with libgit2: changes on two
 * branches with their authors, a merge that only combined them left out, a
 * rewrite another device made and the merge refused not shown, the bound,
 * a record not synced yet, a workspace without a replica, and a hazard
 * followed across its move to format 2 (hex path to month path). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "core/workspace.h"
#include "sync/history.h"

static const char v1[] =
	"{\n  \"format\": \"fieldcheck/hazard/1\",\n  \"id\": \"ab12\",\n"
	"  \"severity\": \"general\",\n  \"events\": [\n"
	"    {\"kind\": \"found\", \"by\": \"ZJ-0001\"}\n  ]\n}\n";
static const char v2[] =
	"{\n  \"format\": \"fieldcheck/hazard/1\",\n  \"id\": \"ab12\",\n"
	"  \"severity\": \"major\",\n  \"events\": [\n"
	"    {\"kind\": \"found\", \"by\": \"ZJ-0001\"},\n"
	"    {\"kind\": \"notice\", \"by\": \"JT-0042\"}\n  ]\n}\n";
static const char v3[] =
	"{\n  \"format\": \"fieldcheck/hazard/1\",\n  \"id\": \"ab12\",\n"
	"  \"severity\": \"major\",\n  \"events\": [\n"
	"    {\"kind\": \"found\", \"by\": \"ZJ-0001\"},\n"
	"    {\"kind\": \"notice\", \"by\": \"JT-0042\"},\n"
	"    {\"kind\": \"rectified\", \"by\": \"ZJ-0001\"}\n  ]\n}\n";

static void diff_lines(void **state)
{
	struct history_entry e;
	(void)state;

	memset(&e, 0, sizeof e);
	history_diff(v1, strlen(v1), v2, strlen(v2), &e);
	assert_int_equal(e.n_lines, 3);   /* severity out and in, the notice in */
	assert_int_equal(e.lines[0].sign, '-');
	assert_string_equal(e.lines[0].section, "");
	assert_string_equal(e.lines[0].text, "\"severity\": \"general\"");
	assert_int_equal(e.lines[1].sign, '+');
	assert_string_equal(e.lines[1].text, "\"severity\": \"major\"");
	assert_int_equal(e.lines[2].sign, '+');
	assert_string_equal(e.lines[2].section, "events");
	assert_string_equal(e.lines[2].text, "{\"kind\": \"notice\", \"by\": \"JT-0042\"}");
	history_entry_clear(&e);

	history_diff(v1, strlen(v1), v1, strlen(v1), &e);
	assert_int_equal(e.n_lines, 0);
	history_diff(NULL, 0, v1, strlen(v1), &e);   /* created: every content line */
	assert_int_equal(e.n_lines, 4);
	assert_string_equal(e.lines[3].section, "events");
	history_entry_clear(&e);

	{
		const char *empty = "{\n  \"team\": []\n}\n";
		const char *one = "{\n  \"team\": [\n    {\"badge\": \"A\"}\n  ]\n}\n";
		history_diff(empty, strlen(empty), one, strlen(one), &e);
	}
	assert_int_equal(e.n_lines, 1);   /* the brackets are not a change */
	assert_string_equal(e.lines[0].section, "team");
	history_entry_clear(&e);
}

static void diff_bounded(void **state)
{
	struct history_entry e;
	size_t n = HISTORY_MAX_LINES + 50, i;
	char *big = malloc(n * 20 + 10), *p = big;
	(void)state;

	for (i = 0; i < n; i++)
		p += sprintf(p, "  \"k%zu\": %zu,\n", i, i);
	memset(&e, 0, sizeof e);
	history_diff(NULL, 0, big, strlen(big), &e);
	assert_int_equal(e.n_lines, HISTORY_MAX_LINES);
	assert_int_equal(e.lines_left_out, 50);
	history_entry_clear(&e);
	free(big);
}

/* The repository under test: commits made by hand. */
struct repo {
	char *dir;
	struct fc_workspace *ws;
	git_repository *git;
};

#define PATH "hazards/ab/ab12.json"

/* A commit of `files` (path, content pairs, NULL-ended) by NAME <BADGE>. */
static git_oid commit(struct repo *r, const char *name, const char *badge, long when,
		      const git_oid *p1, const git_oid *p2, const char *const *files)
{
	git_commit *parents[2] = { NULL, NULL };
	git_signature *sig;
	git_index *idx;
	git_oid tree_id, id;
	git_tree *tree;
	size_t np = 0;

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
	assert_int_equal(git_index_write_tree_to(&tree_id, idx, r->git), 0);
	assert_int_equal(git_tree_lookup(&tree, r->git, &tree_id), 0);
	if (p1)
		assert_int_equal(git_commit_lookup(&parents[np++], r->git, p1), 0);
	if (p2)
		assert_int_equal(git_commit_lookup(&parents[np++], r->git, p2), 0);
	assert_int_equal(git_signature_new(&sig, name, badge, when, 480), 0);
	assert_int_equal(git_commit_create(&id, r->git, NULL, sig, sig, "UTF-8", "change\n\nmore",
					   tree, np, (const git_commit **)parents), 0);
	git_signature_free(sig);
	git_tree_free(tree);
	git_commit_free(parents[0]);
	git_commit_free(parents[1]);
	git_index_free(idx);
	return id;
}

static void set_main(struct repo *r, const git_oid *id)
{
	git_reference *ref;

	assert_int_equal(git_reference_create(&ref, r->git, "refs/heads/main", id, 1, "test"), 0);
	git_reference_free(ref);
}

static void open_repo(struct repo *r)
{
	struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };
	struct fc_err err = { 0 };
	char *path;

	r->dir = test_tmpdir();
	assert_int_equal(workspace_init(r->dir, &me, 1, &err), 0);
	assert_int_equal(workspace_open(r->dir, &r->ws, &err), 0);
	path = test_path(r->dir, "replica.git");
	assert_int_equal(git_repository_init(&r->git, path, 1), 0);
	free(path);
}

static void close_repo(struct repo *r)
{
	git_repository_free(r->git);
	workspace_close(r->ws);
	test_rmrf(r->dir);
	free(r->dir);
}

static void walk_branches(void **state)
{
	const char *const f1[] = { PATH, v1, NULL }, *const f2[] = { PATH, v2, NULL };
	const char *const f3[] = { PATH, v3, NULL };
	const char *const other[] = { PATH, v1, "hazards/cd/cd34.json", v1, NULL };
	const char *const merged[] = { PATH, v2, "hazards/cd/cd34.json", v1, NULL };
	struct fc_err err = { 0 };
	struct history h;
	struct repo r;
	git_oid a, b, c, m, x, m2;
	(void)state;

	open_repo(&r);
	a = commit(&r, "张三", "ZJ-0001", 1000, NULL, NULL, f1);
	b = commit(&r, "李四", "JT-0042", 2000, &a, NULL, f2);      /* another device */
	c = commit(&r, "张三", "ZJ-0001", 3000, &a, NULL, other);   /* an unrelated record */
	m = commit(&r, "张三", "ZJ-0001", 4000, &c, &b, merged);    /* takes b's version */
	x = commit(&r, "mallory", "m@x", 5000, &b, NULL, f3);       /* refused by the merge */
	m2 = commit(&r, "张三", "ZJ-0001", 6000, &m, &x, merged);
	set_main(&r, &m2);

	assert_int_equal(history_read(r.ws, PATH, &h, &err), 0);
	assert_true(h.has_replica);
	assert_int_equal(h.n, 2);
	assert_false(h.more);
	assert_string_equal(h.e[0].name, "李四");
	assert_string_equal(h.e[0].email, "JT-0042");
	assert_string_equal(h.e[0].summary, "change");
	assert_string_equal(h.e[0].when, "1970-01-01T08:33:20+08:00");
	assert_false(h.e[0].created);
	assert_int_equal(h.e[0].n_lines, 3);
	assert_string_equal(h.e[1].name, "张三");
	assert_true(h.e[1].created);
	history_release(&h);

	assert_int_equal(history_read(r.ws, "hazards/ef/ef56.json", &h, &err), 0);
	assert_true(h.has_replica);
	assert_int_equal(h.n, 0);     /* not synced yet */
	history_release(&h);
	close_repo(&r);
}

static void walk_bounded(void **state)
{
	const char *const fa[] = { PATH, v1, NULL }, *const fb[] = { PATH, v2, NULL };
	struct fc_err err = { 0 };
	struct history h;
	struct repo r;
	git_oid id;
	int i;
	(void)state;

	open_repo(&r);
	id = commit(&r, "张三", "ZJ-0001", 1000, NULL, NULL, fa);
	for (i = 1; i <= HISTORY_MAX_CHANGES + 5; i++)
		id = commit(&r, "张三", "ZJ-0001", 1000 + i, &id, NULL, i % 2 ? fb : fa);
	set_main(&r, &id);
	assert_int_equal(history_read(r.ws, PATH, &h, &err), 0);
	assert_int_equal(h.n, HISTORY_MAX_CHANGES);
	assert_true(h.more);
	history_release(&h);
	close_repo(&r);
}

/* The move to format 2 changes the hazard's path, not its bytes: the
 * history read at the month path goes on at the hex path before it, and
 * the move itself is no change. */
static void walk_across_move(void **state)
{
	static const char month[] = "hazards/2026/11/ab12.json";
	const char *const f1[] = { PATH, v1, NULL }, *const f2[] = { PATH, v2, NULL };
	const char *const moved[] = { month, v2, "FORMAT", "fieldcheck 2\n", NULL };
	const char *const f3[] = { month, v3, "FORMAT", "fieldcheck 2\n", NULL };
	struct fc_err err = { 0 };
	struct history h;
	struct repo r;
	git_oid a, b, m, c;
	char path[200];
	(void)state;

	history_path_hazard("ab12", "2026-11-28T09:30:00+08:00", path, sizeof path);
	assert_string_equal(path, month);
	open_repo(&r);
	a = commit(&r, "张三", "ZJ-0001", 1000, NULL, NULL, f1);
	b = commit(&r, "李四", "JT-0042", 2000, &a, NULL, f2);
	m = commit(&r, "王五", "ZJ-0003", 3000, &b, NULL, moved);
	c = commit(&r, "张三", "ZJ-0001", 4000, &m, NULL, f3);
	set_main(&r, &c);
	assert_int_equal(history_read(r.ws, month, &h, &err), 0);
	assert_int_equal(h.n, 3);
	assert_string_equal(h.e[0].when, "1970-01-01T09:06:40+08:00");
	assert_string_equal(h.e[1].name, "李四");   /* not 王五's move */
	assert_string_equal(h.e[2].name, "张三");
	assert_true(h.e[2].created);
	history_release(&h);
	close_repo(&r);
}

static void no_replica(void **state)
{
	struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	struct history h;
	char *dir = test_tmpdir(), path[200];
	(void)state;

	assert_int_equal(workspace_init(dir, &me, 0, &err), 0);
	assert_int_equal(workspace_open(dir, &ws, &err), 0);
	history_path_inspection("26974f5c-5750-4413-a9ba-87ce9611222b", "2026-11-20T10:00:00+08:00",
				path, sizeof path);
	assert_string_equal(path, "inspections/2026/11/26974f5c-5750-4413-a9ba-87ce9611222b.json");
	assert_int_equal(history_read(ws, path, &h, &err), 0);
	assert_false(h.has_replica);
	assert_int_equal(h.n, 0);
	history_release(&h);
	workspace_close(ws);
	test_rmrf(dir);
	free(dir);
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
		cmocka_unit_test(diff_lines),
		cmocka_unit_test(diff_bounded),
		cmocka_unit_test(walk_branches),
		cmocka_unit_test(walk_bounded),
		cmocka_unit_test(walk_across_move),
		cmocka_unit_test(no_replica),
	};
	return cmocka_run_group_tests_name("history", tests, setup, teardown);
}
