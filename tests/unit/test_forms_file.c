/* test_forms_file.c - select_one_from_file / select_multiple_from_file: the
 * choices in a CSV file beside the survey, which is part of the form (kept,
 * compared and refused like its sheets); .xml files, a .geojson file not
 * beside the form (test_forms_geojson reads one that is), names
 * that could leave the folder and bad rows refused naming file, row and
 * column. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/xlsx.h"

struct files {
	const char *name[4], *text[4];
	int asked;
};

static int file(void *ctx, const char *name, char **text, size_t *len, struct fc_err *err)
{
	struct files *fs = ctx;
	size_t k;

	(void)err;
	fs->asked++;
	for (k = 0; k < 4 && fs->name[k]; k++)
		if (!strcmp(fs->name[k], name)) {
			*text = xstrdup(fs->text[k]);
			*len = strlen(*text);
			return 0;
		}
	return 1;
}

/* Loads survey with the files fs; NULL and the problems in *probs if it
 * does not load. */
static struct form *load(const char *survey, struct files *fs, char **probs)
{
	struct form_problems p = { 0 };
	struct form_files files;
	struct strbuf sb;
	struct form *f;
	size_t i;

	memset(&files, 0, sizeof files);
	files.survey = survey, files.survey_len = strlen(survey);
	files.settings = "form_id,version\nt,1\n";
	files.settings_len = strlen(files.settings);
	files.file = file;
	files.file_ctx = fs;
	f = form_load_mem("mem", &files, &p);
	strbuf_init(&sb);
	for (i = 0; i < p.n; i++)
		strbuf_addf(&sb, "%s\n", p.msgs[i]);
	form_problems_release(&p);
	*probs = strbuf_detach(&sb);
	return f;
}

static void choices_from_a_file(void **state)
{
	struct files fs = { { "sites.csv" },
			    { "name,label::English (en),label::Français (fr)\n"
			      "port,Port,Port maritime\nmine,Mine,Mine de charbon\n" }, 0 };
	char *probs;
	struct form *f = load("type,name,label\nselect_one_from_file sites.csv,site,Site\n"
			      "select_multiple_from_file sites.csv,sites,Sites\n", &fs, &probs);
	struct test_answers a;
	struct fc_err err = { 0 };
	(void)state;
	if (!f)
		fail_msg("%s", probs);
	assert_int_equal(fs.asked, 1);             /* read once for both selects */
	assert_int_equal(f->n_files, 1);
	assert_string_equal(f->files[0].name, "sites.csv");
	assert_string_equal(f->files[0].csv, fs.text[0]); /* kept byte for byte */
	assert_true(f->items[0].from_file);
	assert_ptr_equal(f->items[0].list, f->items[1].list);
	assert_int_equal(f->items[0].list->n, 2);
	assert_string_equal(test_text(f, &f->items[0].list->choices[1].label, "fr"),
			    "Mine de charbon");
	test_answers(&a, "2024-03-20", NULL);
	assert_int_equal(form_check_value(f, 0, "mine", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 1, "mine port", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 0, "quarry", &a.fa, form_lang_of("en"), &err), -1);
	free(probs);
	form_free(f);
}

static void same_files_compare_the_file_too(void **state)
{
	static const char survey[] = "type,name,label\nselect_one_from_file s.csv,q,Q\n";
	struct files one = { { "s.csv" }, { "name,label\na,A\n" }, 0 };
	struct files two = { { "s.csv" }, { "name,label\na,A\nb,B\n" }, 0 };
	char *p1, *p2;
	struct form *a = load(survey, &one, &p1), *b = load(survey, &two, &p2);
	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_false(form_same_files(a, b));
	assert_true(form_same_files(a, a));
	free(p1);
	free(p2);
	form_free(a);
	form_free(b);
}

static void bad_files_refused_where_they_are(void **state)
{
	static const struct {
		const char *survey, *file, *want;
	} cases[] = {
		{ "type,name,label\nselect_one_from_file sites.xml,q,Q\n", NULL,
		  "mem/survey.csv:2:1: sites.xml: fieldcheck reads choices from a .csv or .geojson "
		  "file, not .xml" },
		{ "type,name,label\nselect_one_from_file Areas.json,q,Q\n", NULL,
		  "'Areas.json' is not a file name fieldcheck takes (1 to 64 of A-Z, a-z, 0-9, _ "
		  "and -, then .csv or .geojson" },
		{ "type,name,label\nselect_one_from_file ../../etc/passwd.csv,q,Q\n", NULL,
		  "mem/survey.csv:2:1: '../../etc/passwd.csv' is not a file name fieldcheck takes" },
		{ "type,name,label\nselect_one_from_file survey.csv,q,Q\n", NULL,
		  "is not a file name fieldcheck takes" },
		{ "type,name,label\nselect_one_from_file Survey.csv,q,Q\n", NULL,
		  "is not a file name fieldcheck takes" },
		{ "type,name,label\nselect_one_from_file s.csv or_other,q,Q\n", NULL,
		  "mem/survey.csv:2:1: or_other on a select from a file is not supported" },
		{ "type,name,label\nselect_one_from_file,q,Q\n", NULL,
		  "select_one_from_file needs one file name" },
		{ "type,name,label\nselect_one_from_file s.csv,q,Q\n", "name,label\na,A\na,B\n",
		  "mem/s.csv:3:1: choice 'a' appears twice (also line 2)" },
		{ "type,name,label\nselect_multiple_from_file s.csv,q,Q\n", "name,label\na b,A\n",
		  "mem/survey.csv:2:1: choice 'a b' of list 's.csv' holds a space, which a "
		  "select_multiple cannot take" },
		{ "type,name,label\nselect_one_from_file s.csv,q,Q\n", "name,label\nb,\n",
		  "mem/s.csv:2:2: choice 'b' has no label" },
		{ "type,name,label\nselect_one_from_file s.csv,q,Q\n", "label\nA\n",
		  "mem/s.csv:1:1: missing column 'name'" },
		{ "type,name,label\nselect_one_from_file s.csv,q,Q\n", "name,label\n",
		  "mem/s.csv:1:1: no choices under the header row" },
		{ "type,name,label\nselect_one_from_file s.csv,q,Q\n", "name,label\n\"a,A\n",
		  "mem/s.csv:2:1:" },
	};
	size_t i;
	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct files fs = { { "s.csv" }, { cases[i].file }, 0 };
		char *got;
		struct form *f;
		if (!cases[i].file)
			fs.name[0] = NULL;
		f = load(cases[i].survey, &fs, &got);
		if (f || !strstr(got, cases[i].want))
			fail_msg("case %zu: %s\ngot\n%swanted %s", i, f ? "loads" : "",
				 got, cases[i].want);
		free(got);
		form_free(f);
	}
}

/* A file the form names that is not beside it (pyxform converts such a
 * form, ODK Central takes it and the file apart): the form loads with a
 * warning at the cell; the select reading it is shown but not asked, a
 * lookup and pulldata() of it read as empty, and nothing of it is kept. */
static void missing_file_loads_with_a_warning(void **state)
{
	static const char survey[] =
		"type,name,label,required,calculation,choice_filter\n"
		"select_one_from_file Sites.csv,q,Q,yes,,kind='a'\n"
		"select_multiple_from_file areas.geojson,r,R,,,\n"
		"calculate,p,,,\"pulldata('prices','price','name',${q})\",\n"
		"calculate,t,,,instance('areas')/root/item[name=${r}]/title,\n"
		"text,x,X,yes,,\n";
	struct files fs = { { NULL }, { NULL }, 0 };
	struct test_answers a;
	struct fc_err err = { 0 };
	struct form *f;
	char *got, *v = NULL;
	int q;
	(void)state;

	f = load(survey, &fs, &got);
	if (!f)
		fail_msg("does not load:\n%s", got);
	assert_string_equal(got, "");
	assert_int_equal(f->warnings.n, 3);
	assert_non_null(strstr(f->warnings.msgs[0], "mem/survey.csv:2:1: warning: Sites.csv is "
			       "not beside the form (select_one_from_file reads its choices from "
			       "it): 'q' is shown but cannot be answered"));
	assert_non_null(strstr(f->warnings.msgs[1], "mem/survey.csv:3:1: warning: areas.geojson"));
	assert_non_null(strstr(f->warnings.msgs[2], "mem/survey.csv:4:5: warning: prices.csv is "
			       "not beside the form (pulldata() reads from it): it reads as empty"));
	q = form_item_index(f, "q");
	assert_true(f->items[q].missing_file);
	assert_false(form_item_answerable(&f->items[q]));
	assert_null(f->items[q].required);
	assert_int_equal(form_count_questions(f), 1); /* x */
	test_answers(&a, "2024-03-20", NULL);
	assert_int_equal(form_check_value(f, (size_t)q, "a", &a.fa, form_lang_of("en"), &err), -1);
	assert_non_null(strstr(err.msg, "its choices file Sites.csv was not beside the form"));
	assert_int_equal(form_value(f, (size_t)form_item_index(f, "p"), &a.fa, &v, &err), 0);
	assert_true(!v || !*v);
	free(v);
	v = NULL;
	assert_int_equal(form_value(f, (size_t)form_item_index(f, "t"), &a.fa, &v, &err), 0);
	assert_true(!v || !*v);
	free(v);
	free(got);
	form_free(f);
}

/* select_one_external L: the list L of itemsets.csv, whose own columns a
 * choice_filter reads (cascading selects kept outside the choices sheet);
 * the choices sheet's list of the same name is another list. */
static const char ext_survey[] =
	"type,name,label,choice_filter\n"
	"select_one states,state,State,\n"
	"select_one_external counties,county,County,state=${state}\n";
static const char ext_choices[] = "list_name,name,label\nstates,tx,Texas\nstates,wa,Washington\n";
static const char ext_items[] = "list_name,name,label,state\nstates,xx,Not this one,\n"
				"counties,king,King,wa\ncounties,harris,Harris,tx\n";

static void external_choices(void **state)
{
	struct files fs = { { "itemsets.csv" }, { ext_items }, 0 };
	struct form_problems p = { 0 };
	struct form_files files;
	struct test_answers a;
	struct fc_err err = { 0 };
	struct form *f;
	int county;
	(void)state;

	memset(&files, 0, sizeof files);
	files.survey = ext_survey, files.survey_len = strlen(ext_survey);
	files.choices = ext_choices, files.choices_len = strlen(ext_choices);
	files.settings = "form_id,version\nt,1\n";
	files.settings_len = strlen(files.settings);
	files.file = file;
	files.file_ctx = &fs;
	f = form_load_mem("mem", &files, &p);
	if (!f)
		fail_msg("%s", p.n ? p.msgs[0] : "?");
	county = form_item_index(f, "county");
	assert_true(f->items[county].external);
	assert_int_equal(f->items[county].list->n, 2);
	assert_int_equal(f->items[form_item_index(f, "state")].list->n, 2); /* choices' */
	assert_string_equal(f->files[0].name, "itemsets.csv");
	test_answers(&a, "2024-03-20", "state", "tx", NULL);
	assert_int_equal(form_choice_allowed(f, (size_t)county, 0, &a.fa, &err), 0); /* king */
	assert_int_equal(form_choice_allowed(f, (size_t)county, 1, &a.fa, &err), 1); /* harris */
	assert_int_equal(form_check_value(f, (size_t)county, "harris", &a.fa,
					  form_lang_of("en"), &err), 0);
	form_free(f);
	fs.name[0] = NULL;
	f = form_load_mem("mem", &files, &p);
	assert_null(f);
	assert_non_null(strstr(p.msgs[0], "itemsets.csv is not beside the form, nor an "
			       "external_choices sheet in the workbook"));
	form_problems_release(&p);
}

/* From a workbook, the external_choices sheet is itemsets.csv, as pyxform
 * makes it. */
static void external_choices_sheet(void **state)
{
	const char *sheets[XS_COUNT] = { ext_survey, ext_choices, "form_id,version\next,1\n",
					 ext_items };
	char *dir = test_tmpdir(), *path = test_path(dir, "ext.xlsx");
	struct form_problems p = { 0 };
	struct fc_err err = { 0 };
	struct form *f;
	(void)state;

	assert_int_equal(xlsx_write_file(sheets, path, &err), 0);
	f = form_load_xlsx(path, &p);
	if (!f)
		fail_msg("%s", p.n ? p.msgs[0] : "?");
	assert_int_equal(f->items[form_item_index(f, "county")].list->n, 2);
	assert_string_equal(f->files[0].name, "itemsets.csv");
	assert_string_equal(f->files[0].csv, ext_items);
	form_free(f);
	free(path);
	test_rmrf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(choices_from_a_file),
		cmocka_unit_test(same_files_compare_the_file_too),
		cmocka_unit_test(bad_files_refused_where_they_are),
		cmocka_unit_test(missing_file_loads_with_a_warning),
		cmocka_unit_test(external_choices),
		cmocka_unit_test(external_choices_sheet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
