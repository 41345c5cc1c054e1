/* test_treediff.c - sync/treediff.h against libgit2's own tree diff: 400
 * random pairs of trees over paths that nest, share prefixes ("b", "b.json",
 * "b/"), turn from file into folder, and change mode (program, link); the
 * two must name the same files with the same ids and modes, in the same
 * order.  Also: a prefix limits the walk, the walks of some top-level
 * folders and of the rest together make the whole, a callback's refusal
 * stops it, and folders deeper than TREE_MAX_DEPTH stop it.
 *
 * And sync/treecheck.h: trees git writes pass; each kind of tree git's
 * fsck calls bad, written raw, is refused naming the folder and entry; a
 * bad folder equal to the known tree's is not read again.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "core/strbuf.h"
#include "sync/treecheck.h"
#include "sync/treediff.h"

/* Each slot holds at most one of its paths: a file and a folder of one
 * name never share a tree. */
static const char *const slots[][2] = {
	{ "a/x.json", NULL }, { "a/y.json", NULL }, { "a/z/w.json", NULL },
	{ "b", "b/d/c.json" }, { "b.json", NULL }, { "b-c", NULL },
	{ "forms/f/1/survey.csv", NULL }, { "hazards/0a/u.json", NULL },
	{ "hazards/0a/v.json", NULL }, { "hazards/0b/u.json", NULL }, { "q", "q/r/s" },
	{ "top", NULL },
};
#define N_SLOTS (ARRAY_SIZE(slots))

static const git_filemode_t modes[] = { GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB,
					GIT_FILEMODE_BLOB_EXECUTABLE, GIT_FILEMODE_LINK };

struct fixture {
	char *dir;
	git_repository *repo;
	git_oid blobs[3];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char *path;
	int i;

	git_libgit2_init();
	f->dir = test_tmpdir();
	path = test_path(f->dir, "r.git");
	assert_int_equal(git_repository_init(&f->repo, path, 1), 0);
	free(path);
	for (i = 0; i < 3; i++) {
		char text[24];
		snprintf(text, sizeof text, "blob %d\n", i);
		assert_int_equal(git_blob_create_from_buffer(&f->blobs[i], f->repo, text, strlen(text)), 0);
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	git_repository_free(f->repo);
	test_rmrf(f->dir);
	free(f->dir);
	free(f);
	git_libgit2_shutdown();
	return 0;
}

static git_tree *random_tree(struct fixture *f, unsigned *seed)
{
	git_tree_update up[N_SLOTS];
	git_treebuilder *tb;
	git_oid empty, id;
	git_tree *base, *t;
	size_t i, n = 0;

	assert_int_equal(git_treebuilder_new(&tb, f->repo, NULL), 0);
	assert_int_equal(git_treebuilder_write(&empty, tb), 0);
	git_treebuilder_free(tb);
	assert_int_equal(git_tree_lookup(&base, f->repo, &empty), 0);
	for (i = 0; i < N_SLOTS; i++) {
		int pick = rand_r(seed) % 3; /* absent, first, second */
		if (pick == 0 || (pick == 2 && !slots[i][1]))
			continue;
		memset(&up[n], 0, sizeof up[n]);
		up[n].action = GIT_TREE_UPDATE_UPSERT;
		up[n].path = slots[i][pick - 1];
		up[n].filemode = modes[rand_r(seed) % 4];
		git_oid_cpy(&up[n].id, &f->blobs[rand_r(seed) % 3]);
		n++;
	}
	assert_int_equal(git_tree_create_updated(&id, f->repo, base, n, up), 0);
	git_tree_free(base);
	assert_int_equal(git_tree_lookup(&t, f->repo, &id), 0);
	return t;
}

static void line(struct strbuf *sb, const char *path, const git_oid *o, const git_oid *n,
		 unsigned om, unsigned nm)
{
	char a[GIT_OID_HEXSZ + 1] = "-", b[GIT_OID_HEXSZ + 1] = "-";
	if (o)
		git_oid_tostr(a, sizeof a, o);
	if (n)
		git_oid_tostr(b, sizeof b, n);
	strbuf_addf(sb, "%s %s %s %o %o\n", path, a, b, om, nm);
}

static int collect(const struct treediff_file *df, void *ctx)
{
	line(ctx, df->path, df->old_id, df->new_id, df->old_mode, df->new_mode);
	return 0;
}

/* libgit2's diff, a deletion and an addition of one path (a type change)
 * folded into one line as treediff reports it. */
static void git_lines(struct fixture *f, git_tree *a, git_tree *b, struct strbuf *sb)
{
	git_diff *d;
	size_t i, n;

	assert_int_equal(git_diff_tree_to_tree(&d, f->repo, a, b, NULL), 0);
	n = git_diff_num_deltas(d);
	for (i = 0; i < n; i++) {
		const git_diff_delta *x = git_diff_get_delta(d, i);
		const git_diff_delta *y = i + 1 < n ? git_diff_get_delta(d, i + 1) : NULL;
		int del = x->status == GIT_DELTA_DELETED, add = x->status == GIT_DELTA_ADDED;
		if (del && y && y->status == GIT_DELTA_ADDED && !strcmp(x->old_file.path, y->new_file.path)) {
			line(sb, x->old_file.path, &x->old_file.id, &y->new_file.id, x->old_file.mode,
			     y->new_file.mode);
			i++;
			continue;
		}
		line(sb, add ? x->new_file.path : x->old_file.path, add ? NULL : &x->old_file.id,
		     del ? NULL : &x->new_file.id, add ? 0 : x->old_file.mode, del ? 0 : x->new_file.mode);
	}
	git_diff_free(d);
}

static void same_as_git(void **state)
{
	struct fixture *f = *state;
	unsigned seed = 20261129;
	int round;

	for (round = 0; round < 400; round++) {
		git_tree *a = random_tree(f, &seed), *b = random_tree(f, &seed);
		struct strbuf ours, theirs;
		struct fc_err err = { 0 };
		strbuf_init(&ours);
		strbuf_init(&theirs);
		assert_int_equal(treediff_each(f->repo, a, b, NULL, collect, &ours, &err), 0);
		git_lines(f, a, b, &theirs);
		assert_string_equal(ours.buf, theirs.buf);
		strbuf_reset(&ours);
		strbuf_reset(&theirs);
		/* from nothing: every file added */
		assert_int_equal(treediff_each(f->repo, NULL, b, NULL, collect, &ours, &err), 0);
		git_lines(f, NULL, b, &theirs);
		assert_string_equal(ours.buf, theirs.buf);
		strbuf_release(&ours);
		strbuf_release(&theirs);
		git_tree_free(a);
		git_tree_free(b);
	}
}

static int line_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of sb, sorted, joined again. */
static char *sorted(const char *text)
{
	char *copy = xstrdup(text), *save = NULL, *l, *out, **lines = NULL;
	size_t n = 0, alloc = 0, i;
	struct strbuf sb;

	for (l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		ALLOC_GROW(lines, n + 1, alloc);
		lines[n++] = l;
	}
	qsort(lines, n, sizeof *lines, line_order);
	strbuf_init(&sb);
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s\n", lines[i]);
	out = strbuf_detach(&sb);
	free(lines);
	free(copy);
	return out;
}

/* Walks by top-level folder plus the walk of the rest cover the whole. */
static void parts_make_whole(void **state)
{
	static const char *const skip[] = { "a", "hazards", NULL };
	struct fixture *f = *state;
	unsigned seed = 77;
	int round;

	for (round = 0; round < 100; round++) {
		git_tree *a = random_tree(f, &seed), *b = random_tree(f, &seed);
		struct strbuf whole, parts, rest;
		struct fc_err err = { 0 };
		char *x, *y;
		strbuf_init(&whole);
		strbuf_init(&parts);
		strbuf_init(&rest);
		assert_int_equal(treediff_each(f->repo, a, b, NULL, collect, &whole, &err), 0);
		assert_int_equal(treediff_each(f->repo, a, b, "a", collect, &parts, &err), 0);
		assert_int_equal(treediff_each(f->repo, a, b, "hazards", collect, &parts, &err), 0);
		assert_int_equal(treediff_each_except(f->repo, a, b, skip, collect, &rest, &err), 0);
		assert_null(strstr(rest.buf, "hazards/"));
		assert_true(strncmp(rest.buf, "a/", 2) && !strstr(rest.buf, "\na/"));
		strbuf_adds(&parts, rest.buf);
		x = sorted(whole.buf);
		y = sorted(parts.buf);
		assert_string_equal(x, y);
		free(x);
		free(y);
		strbuf_release(&whole);
		strbuf_release(&parts);
		strbuf_release(&rest);
		git_tree_free(a);
		git_tree_free(b);
	}
}

static int stop_at_second(const struct treediff_file *df, void *ctx)
{
	int *n = ctx;
	(void)df;
	return ++*n == 2 ? 7 : 0;
}

static void prefix_and_stop(void **state)
{
	struct fixture *f = *state;
	unsigned seed = 5;
	struct strbuf sb;
	struct fc_err err = { 0 };
	git_tree *b;
	int n = 0;

	do
		b = random_tree(f, &seed);
	while (!git_tree_entry_byname(b, "hazards") || !git_tree_entry_byname(b, "a") ?
	       (git_tree_free(b), 1) : 0);
	strbuf_init(&sb);
	assert_int_equal(treediff_each(f->repo, NULL, b, "hazards", collect, &sb, &err), 0);
	assert_non_null(strstr(sb.buf, "hazards/"));
	assert_true(!strncmp(sb.buf, "hazards/", 8));
	assert_null(strstr(sb.buf, "\na/"));
	strbuf_reset(&sb);
	assert_int_equal(treediff_each(f->repo, NULL, b, "nothing-here", collect, &sb, &err), 0);
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);
	assert_int_equal(treediff_each(f->repo, NULL, b, NULL, stop_at_second, &n, &err), 7);
	assert_int_equal(n, 2);
	git_tree_free(b);
}


/* ---- depth ---- */

/* A chain of `depth` folders named "d" with a file at the bottom. */
static git_tree *chain(struct fixture *f, unsigned depth)
{
	struct strbuf path;
	git_tree_update up;
	git_treebuilder *tb;
	git_oid empty, id;
	git_tree *base, *t;
	unsigned i;

	strbuf_init(&path);
	for (i = 0; i < depth; i++)
		strbuf_adds(&path, "d/");
	strbuf_adds(&path, "x.json");
	assert_int_equal(git_treebuilder_new(&tb, f->repo, NULL), 0);
	assert_int_equal(git_treebuilder_write(&empty, tb), 0);
	git_treebuilder_free(tb);
	assert_int_equal(git_tree_lookup(&base, f->repo, &empty), 0);
	memset(&up, 0, sizeof up);
	up.action = GIT_TREE_UPDATE_UPSERT;
	up.path = path.buf;
	up.filemode = GIT_FILEMODE_BLOB;
	git_oid_cpy(&up.id, &f->blobs[0]);
	assert_int_equal(git_tree_create_updated(&id, f->repo, base, 1, &up), 0);
	git_tree_free(base);
	strbuf_release(&path);
	assert_int_equal(git_tree_lookup(&t, f->repo, &id), 0);
	return t;
}

static void deep_trees_stop(void **state)
{
	struct fixture *f = *state;
	git_tree *ok = chain(f, TREE_MAX_DEPTH), *deep = chain(f, TREE_MAX_DEPTH + 1);
	struct fc_err err = { 0 };
	struct strbuf sb;

	strbuf_init(&sb);
	assert_int_equal(treediff_each(f->repo, NULL, ok, NULL, collect, &sb, &err), 0);
	assert_non_null(strstr(sb.buf, "/d/x.json "));
	assert_int_equal(treecheck(f->repo, git_tree_id(ok), NULL, &err), 0);
	strbuf_reset(&sb);
	assert_int_equal(treediff_each(f->repo, NULL, deep, NULL, collect, &sb, &err), -1);
	assert_int_equal(sb.len, 0);
	assert_non_null(strstr(err.msg, "folders nested deeper than fieldcheck ever makes them"));
	assert_int_equal(treecheck(f->repo, git_tree_id(deep), NULL, &err), -1);
	assert_non_null(strstr(err.msg, "folders nested deeper"));
	strbuf_release(&sb);
	git_tree_free(ok);
	git_tree_free(deep);
}

/* ---- treecheck ---- */

struct raw {
	const char *mode, *name;
	const git_oid *id;
};

/* A tree object written exactly as given. */
static void raw_tree(struct fixture *f, const struct raw *e, size_t n, git_oid *out)
{
	struct strbuf sb;
	git_odb *odb;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < n; i++) {
		strbuf_addf(&sb, "%s %s", e[i].mode, e[i].name);
		strbuf_add(&sb, "", 1);
		strbuf_add(&sb, (const char *)e[i].id->id, GIT_OID_RAWSZ);
	}
	assert_int_equal(git_repository_odb(&odb, f->repo), 0);
	assert_int_equal(git_odb_write(out, odb, sb.buf, sb.len, GIT_OBJECT_TREE), 0);
	git_odb_free(odb);
	strbuf_release(&sb);
}

static void sound_trees_pass(void **state)
{
	struct fixture *f = *state;
	unsigned seed = 11;
	int round;

	for (round = 0; round < 100; round++) {
		git_tree *a = random_tree(f, &seed), *b = random_tree(f, &seed);
		struct fc_err err = { 0 };
		if (treecheck(f->repo, git_tree_id(b), NULL, &err) ||
		    treecheck(f->repo, git_tree_id(b), a, &err))
			fail_msg("a tree git wrote is refused: %s", err.msg);
		git_tree_free(a);
		git_tree_free(b);
	}
}

/* The root tree of `e` refused with `why` in the message. */
static void refused(struct fixture *f, const struct raw *e, size_t n, const char *why)
{
	struct fc_err err = { 0 };
	git_oid id;

	raw_tree(f, e, n, &id);
	if (treecheck(f->repo, &id, NULL, &err) != -1)
		fail_msg("'%s' was not refused", why);
	if (!strstr(err.msg, why))
		fail_msg("'%s' is not in: %s", why, err.msg);
	assert_int_equal(err.kind, FC_EFAIL);
}

#define REFUSED(f, why, ...)                                                              \
	do {                                                                              \
		const struct raw e_[] = { __VA_ARGS__ };                                  \
		refused(f, e_, ARRAY_SIZE(e_), why);                              \
	} while (0)

static void bad_trees_refused(void **state)
{
	struct fixture *f = *state;
	const git_oid *blob = &f->blobs[0];
	git_oid sub, bad, top, known_id, other;
	git_tree *known;
	struct fc_err err = { 0 };
	const struct raw one = { "100644", "x.json", blob };

	raw_tree(f, &one, 1, &sub);
	REFUSED(f, "top folder, entry \"11/u.json\": a name that holds '/'",
		{ "100644", "11/u.json", blob });
	REFUSED(f, "an empty name", { "100644", "", blob });
	REFUSED(f, "'.' or '..'", { "40000", ".", &sub });
	REFUSED(f, "'.' or '..'", { "40000", "..", &sub });
	REFUSED(f, "'.git'", { "40000", ".git", &sub });
	REFUSED(f, "'.git'", { "40000", ".GiT", &sub });
	REFUSED(f, "'.git'", { "40000", ".git. ", &sub });
	REFUSED(f, "'.git'", { "40000", "GIT~1", &sub });
	REFUSED(f, "'.git'", { "40000", ".g\xe2\x80\x8cit", &sub });
	REFUSED(f, "there twice", { "100644", "a", blob }, { "100644", "a", blob });
	REFUSED(f, "there twice", { "40000", "a", &sub }, { "40000", "a", &sub });
	REFUSED(f, "a file and a folder", { "100644", "x", blob }, { "100644", "x-a", blob },
		{ "100644", "x.json", blob }, { "40000", "x", &sub });
	REFUSED(f, "out of git's order", { "100644", "b", blob }, { "100644", "a", blob });
	REFUSED(f, "out of git's order", { "40000", "x", &sub }, { "100644", "x.json", blob });
	REFUSED(f, "a file mode git never writes", { "040000", "x", &sub });
	REFUSED(f, "a file mode git never writes", { "100664", "x", blob });
	REFUSED(f, "named a folder, but not a tree", { "40000", "x", blob });
	REFUSED(f, "entry \"\\x1b]0;t\\x07/\": a name that holds '/'", { "100644", "\x1b]0;t\a/", blob });
	/* a bad folder below: named by its path */
	{
		const struct raw in[] = { { "100644", "a/b", blob } };
		raw_tree(f, in, 1, &bad);
	}
	REFUSED(f, "folder \"inspections\", entry \"a/b\"", { "40000", "inspections", &bad });
	/* a tree cut short */
	{
		git_odb *odb;
		assert_int_equal(git_repository_odb(&odb, f->repo), 0);
		assert_int_equal(git_odb_write(&top, odb, "100644 a\0abc", 11, GIT_OBJECT_TREE), 0);
		git_odb_free(odb);
		assert_int_equal(treecheck(f->repo, &top, NULL, &err), -1);
		assert_non_null(strstr(err.msg, "cut short"));
	}
	/* What equals the known tree at its path is not read again: the bad
	 * folder a sound tree already holds (never so in a checked replica)
	 * proves it, and the same folder elsewhere is read and refused. */
	{
		const struct raw k[] = { { "40000", "inspections", &bad } };
		const struct raw t[] = { { "100644", "a.json", blob }, { "40000", "inspections", &bad } };
		const struct raw moved[] = { { "40000", "hazards", &bad } };
		raw_tree(f, k, 1, &known_id);
		assert_int_equal(git_tree_lookup(&known, f->repo, &known_id), 0);
		raw_tree(f, t, 2, &top);
		assert_int_equal(treecheck(f->repo, &top, known, &err), 0);
		raw_tree(f, moved, 1, &other);
		assert_int_equal(treecheck(f->repo, &other, known, &err), -1);
		assert_non_null(strstr(err.msg, "folder \"hazards\""));
		git_tree_free(known);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(same_as_git, setup, teardown),
		cmocka_unit_test_setup_teardown(prefix_and_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(parts_make_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_trees_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(sound_trees_pass, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_trees_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
