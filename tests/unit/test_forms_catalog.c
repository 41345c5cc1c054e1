/* test_forms_catalog.c - the shipped checklists load, and the catalogue
 * picks the right copy of each form. */
#include "support.h"
#include "support_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void every_shipped_form_loads(void **state)
{
	char *dir = test_shipped_forms_dir();
	struct form_catalog cat;
	size_t i;
	(void)state;

	setenv("FIELDCHECK_FORMS", dir, 1);
	form_catalog_load(&cat, NULL);
	for (i = 0; i < cat.problems.n; i++)
		print_error("%s\n", cat.problems.msgs[i]);
	assert_int_equal(cat.problems.n, 0);
	assert_int_equal(cat.n, cat.n_tried);
	assert_true(cat.n >= 6);
	for (i = 0; i < cat.n; i++) {
		const struct form *f = cat.forms[i];
		size_t k;
		assert_true(form_count_checks(f) > 0);
		assert_true(*form_text(f, &f->title, form_lang_of("zh")));
		assert_true(*form_text(f, &f->title, form_lang_of("en")));
		for (k = 0; k < f->n_items; k++) /* bilingual: an inspector works in either language */
			if (form_item_answerable(&f->items[k]) || f->items[k].type == FT_NOTE)
				if (!test_text_in(f, &f->items[k].label, "zh") ||
				    !test_text_in(f, &f->items[k].label, "en") ||
				    /* and zh and en read their own columns */
				    strcmp(test_text(f, &f->items[k].label, "zh"),
					   test_text_in(f, &f->items[k].label, "zh")) ||
				    strcmp(test_text(f, &f->items[k].label, "en"),
					   test_text_in(f, &f->items[k].label, "en")))
					fail_msg("%s: %s lacks a label in one language", f->id,
						 f->items[k].name);
		if (i > 0)
			assert_true(strcmp(cat.forms[i - 1]->id, f->id) < 0);
	}
	form_catalog_release(&cat);
	free(dir);
}

/* The seed: "five must-checks", "six verifications" and others, 14 items. */
static void hazmat_loading_has_fourteen_checks(void **state)
{
	char *base = test_shipped_forms_dir(), *dir = test_path(base, "hazmat-loading");
	struct form_problems p = { 0 };
	struct form *f = form_load_dir(dir, &p);
	size_t i, major = 0;
	(void)state;

	for (i = 0; i < p.n; i++)
		print_error("%s\n", p.msgs[i]);
	assert_non_null(f);
	assert_int_equal(form_count_checks(f), 14);
	for (i = 0; i < f->n_items; i++)
		if (f->items[i].type == FT_CHECK) {
			assert_int_not_equal(f->items[i].hazard, SEV_NONE);
			major += f->items[i].hazard == SEV_MAJOR;
		}
	assert_true(major > 0);
	form_free(f);
	form_problems_release(&p);
	free(dir);
	free(base);
}

static void write_form(const char *root, const char *id, int version, const char *label)
{
	char *dir = test_path(root, id), *path;
	char buf[256];

	mkdir(root, 0755);
	mkdir(dir, 0755);
	path = test_path(dir, "survey.csv");
	snprintf(buf, sizeof buf, "type,name,label,hazard\ncheck,c1,%s,general\n", label);
	test_write_file(path, buf, strlen(buf));
	free(path);
	path = test_path(dir, "settings.csv");
	snprintf(buf, sizeof buf, "form_id,version,form_title\n%s,%d,%s title\n", id, version, id);
	test_write_file(path, buf, strlen(buf));
	free(path);
	free(dir);
}

static void highest_version_wins_and_clashes_are_reported(void **state)
{
	char *tmp = test_tmpdir(), *inst = test_path(tmp, "installed");
	char *ws = test_path(tmp, "ws"), *wsforms = test_path(ws, "forms"), *inst_now;
	struct form_catalog cat;
	const struct form *f;
	char want[512];
	(void)state;

	write_form(inst, "alpha", 1, "A");
	write_form(inst, "beta", 3, "B");
	write_form(inst, "gamma", 2, "C");
	write_form(inst, "delta", 1, "D");
	mkdir(ws, 0755);
	write_form(wsforms, "alpha", 2, "A2");  /* newer in the workspace */
	write_form(wsforms, "beta", 2, "B");    /* older in the workspace */
	write_form(wsforms, "gamma", 2, "C!");  /* same version, other bytes */
	write_form(wsforms, "delta", 1, "D");   /* the same form twice: fine */
	write_form(wsforms, "broken", 0, "X");
	setenv("FIELDCHECK_FORMS", inst, 1);
	form_catalog_load(&cat, ws);
	assert_int_equal(cat.n_tried, 9);
	assert_int_equal(cat.n, 3);
	f = form_catalog_find(&cat, "alpha");
	assert_non_null(f);
	assert_int_equal(f->version, 2);
	assert_string_equal(form_text(f, &f->items[0].label, form_lang_of("en")), "A2");
	assert_int_equal(form_catalog_find(&cat, "beta")->version, 3);
	assert_non_null(form_catalog_find(&cat, "delta"));
	assert_null(form_catalog_find(&cat, "gamma"));
	assert_null(form_catalog_find(&cat, "broken"));
	assert_int_equal(cat.problems.n, 2);
	snprintf(want, sizeof want, "%s/broken: version '0' is not a whole number; add the "
		 "form with `fieldcheck forms add`, which numbers it", wsforms);
	assert_string_equal(cat.problems.msgs[0], want);
	snprintf(want, sizeof want, "%s/gamma: version 2 of form gamma differs from "
		 "%s/gamma; neither is used (give the changed one a higher version)",
		 wsforms, inst);
	assert_string_equal(cat.problems.msgs[1], want);
	form_catalog_release(&cat);

	setenv("FIELDCHECK_FORMS", tmp, 1); /* its folders are no forms */
	form_catalog_load(&cat, NULL);
	assert_int_equal(cat.n, 0);
	assert_int_equal(cat.n_tried, 2);
	assert_int_equal(cat.problems.n, 2); /* no survey.csv, twice (a folder without
					      * settings.csv takes its name, version 1) */
	form_catalog_release(&cat);
	setenv("FIELDCHECK_FORMS", wsforms, 1);
	form_catalog_load(&cat, ""); /* no workspace */
	assert_int_equal(cat.n, 4);
	assert_int_equal(cat.problems.n, 1);
	form_catalog_release(&cat);
	setenv("FIELDCHECK_FORMS", "/nonexistent/forms", 1);
	form_catalog_load(&cat, "/nonexistent/ws");
	assert_int_equal(cat.problems.n, 1); /* the installed folder, not the workspace's */
	assert_string_equal(cat.problems.msgs[0], "/nonexistent/forms: cannot open the forms "
			    "folder: No such file or directory");
	inst_now = form_installed_dir();
	assert_string_equal(inst_now, "/nonexistent/forms");
	free(inst_now);
	form_catalog_release(&cat);

	test_rmrf(tmp);
	free(wsforms);
	free(ws);
	free(inst);
	free(tmp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_shipped_form_loads),
		cmocka_unit_test(hazmat_loading_has_fourteen_checks),
		cmocka_unit_test(highest_version_wins_and_clashes_are_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
