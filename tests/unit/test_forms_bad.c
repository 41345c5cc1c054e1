/* test_forms_bad.c - forms that must not load say exactly why.
 *
 * Each folder tests/forms/bad/NN-name holds a malformed form and a file
 * `expected` with the exact problem lines, paths relative to the folder
 * (the loader prints "FOLDER/survey.csv:LINE:COL: message"; the test takes
 * "FOLDER/" off).  Every folder under tests/forms/good must load.
 */
#include "support.h"
#include "support_forms.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

static const char *top(void)
{
	const char *t = getenv("FIELDCHECK_TOP");
	return t && *t ? t : ".";
}

/* The sorted names of the folders in dir. */
static char **folders(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t i, j, alloc = 0;

	if (!d)
		fail_msg("cannot open %s (run from the top of the tree or set FIELDCHECK_TOP)", dir);
	*n = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		ALLOC_GROW(v, *n + 1, alloc);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	for (i = 1; i < *n; i++) /* insertion sort: a few dozen names */
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v;
}

/* Loads dir and returns its problems, one per line, "dir/" taken off. */
static char *problems_of(const char *dir, int *loaded)
{
	struct form_problems p = { 0 };
	struct form *f = form_load_dir(dir, &p);
	struct strbuf sb;
	size_t i, n = strlen(dir);

	*loaded = f != NULL;
	form_free(f);
	strbuf_init(&sb);
	for (i = 0; i < p.n; i++) {
		const char *m = p.msgs[i];
		if (!strncmp(m, dir, n) && m[n] == '/')
			m += n + 1;
		strbuf_addf(&sb, "%s\n", m);
	}
	form_problems_release(&p);
	return strbuf_detach(&sb);
}

static void every_bad_form_says_why(void **state)
{
	char *base = test_path(top(), "tests/forms/bad");
	size_t n, i, failed = 0;
	char **names = folders(base, &n);
	(void)state;

	assert_true(n >= 30);
	for (i = 0; i < n; i++) {
		char *dir = test_path(base, names[i]);
		char *exp_path = test_path(dir, "expected");
		char *want = test_read_file(exp_path, NULL);
		int loaded;
		char *got = problems_of(dir, &loaded);

		if (!want) {
			print_error("%s: no expected file\n", names[i]);
			failed++;
		} else if (loaded || strcmp(got, want)) {
			print_error("%s:\n--- expected\n%s--- got%s\n%s", names[i], want,
				    loaded ? " (and it loads)" : "", got);
			failed++;
		}
		free(got);
		free(want);
		free(exp_path);
		free(dir);
		free(names[i]);
	}
	free(names);
	free(base);
	assert_int_equal(failed, 0);
}

static void every_good_form_loads(void **state)
{
	char *base = test_path(top(), "tests/forms/good");
	size_t n, i;
	char **names = folders(base, &n);
	(void)state;

	assert_true(n >= 3);
	for (i = 0; i < n; i++) {
		char *dir = test_path(base, names[i]);
		int loaded;
		char *got = problems_of(dir, &loaded);
		if (!loaded)
			fail_msg("%s does not load:\n%s", names[i], got);
		free(got);
		free(dir);
		free(names[i]);
	}
	free(names);
	free(base);
}

/* Settings a form does not give are pyxform's: the id is the folder's
 * name, the version 1; the kept settings text says so. */
static void settings_default_as_pyxform(void **state)
{
	char *dir = test_path(top(), "tests/forms/good/no-settings");
	struct form *f = form_load_dir(dir, NULL);
	(void)state;

	assert_non_null(f);
	assert_string_equal(f->id, "no-settings");
	assert_int_equal(f->version, 1);
	assert_string_equal(f->settings_csv, "form_id,version\nno-settings,1\n");
	form_free(f);
	free(dir);
	dir = test_path(top(), "tests/forms/good/no-version");
	f = form_load_dir(dir, NULL);
	assert_non_null(f);
	assert_int_equal(f->version, 1);
	form_free(f);
	free(dir);
}

static void the_full_good_form(void **state)
{
	char *dir = test_path(top(), "tests/forms/good/full");
	struct form *f = form_load_dir(dir, NULL);
	struct test_answers a;
	struct fc_err err = { 0 };
	int remark;
	(void)state;
	assert_non_null(f);
	assert_string_equal(f->id, "full");
	assert_int_equal(f->version, 2024031501);
	assert_int_equal(form_count_checks(f), 2);
	assert_string_equal(form_text(f, &f->items[form_item_index(f, "remark")].label, form_lang_of("zh")),
			    "备注\n（可多行）");
	assert_string_equal(form_text(f, &f->items[form_item_index(f, "signs")].label, form_lang_of("zh")),
			    "是否设置\"明显\"警示标志");
	remark = form_item_index(f, "remark");
	test_answers(&a, "2024-03-20", "work", "yes", "plate", "AB1234", NULL);
	assert_int_equal(form_relevant(f, (size_t)remark, &a.fa, &err), 1);
	test_answers(&a, "2024-03-20", "work", "no", "plate", "AB1234", NULL);
	assert_int_equal(form_relevant(f, (size_t)remark, &a.fa, &err), 0);
	assert_string_equal(f->origin, dir);
	form_free(f);
	free(dir);
}

static void missing_folder(void **state)
{
	struct form_problems p = { 0 };
	char *tmp = test_tmpdir(), *file = test_path(tmp, "plain");
	(void)state;
	assert_null(form_load_dir("/nonexistent/forms/x/", &p));
	assert_int_equal(p.n, 1);
	assert_string_equal(p.msgs[0], "/nonexistent/forms/x: cannot open: No such file or "
			    "directory");
	test_write_file(file, "x", 1);
	assert_null(form_load_dir(file, &p));
	assert_int_equal(p.n, 2); /* appended */
	assert_non_null(strstr(p.msgs[1], "/plain: not a folder"));
	assert_null(form_load_dir(tmp, &p));
	assert_int_equal(p.n, 3); /* no settings.csv: the folder's name, version 1 */
	assert_non_null(strstr(p.msgs[2], "/survey.csv: missing"));
	form_problems_release(&p);
	test_rmrf(tmp);
	free(file);
	free(tmp);
}

static void problems_in_memory_name_the_source(void **state)
{
	char *got;
	(void)state;
	got = test_form_problems("type,name,label\nchek,x,X\n", NULL, NULL);
	assert_string_equal(got, "mem/survey.csv:2:1: unknown type 'chek'");
	free(got);
	got = test_form_problems("type,name,label\nselect_one yn,x,X\n", NULL, NULL);
	assert_string_equal(got, "mem/survey.csv:2:1: list 'yn' is not in choices.csv "
			    "(there is no choices.csv)");
	free(got);
}

/* Messages reach the terminal: what came from the file is made visible. */
static void values_in_messages_are_made_safe(void **state)
{
	char *got;
	(void)state;
	got = test_form_problems("type,name,label\n\"te\x1b]0;pwn\x07xt\",x,X\n", NULL, NULL);
	assert_string_equal(got, "mem/survey.csv:2:1: unknown type 'te\\x1b]0;pwn\\x07xt'");
	free(got);
	got = test_form_problems("type,name,label\ntext,x,X\n", NULL,
				 "form_id,version\nt,\"1\x1b[2J\"\n");
	assert_string_equal(got, "mem/settings.csv:2:2: version holds control character "
			    "U+001B at character 2");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_bad_form_says_why),
		cmocka_unit_test(every_good_form_loads),
		cmocka_unit_test(settings_default_as_pyxform),
		cmocka_unit_test(the_full_good_form),
		cmocka_unit_test(missing_folder),
		cmocka_unit_test(problems_in_memory_name_the_source),
		cmocka_unit_test(values_in_messages_are_made_safe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
