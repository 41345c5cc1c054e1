/* test_odk.c - a form's sheets as ODK's pyxform takes them, and back
 * (forms/engine/odk.c): what the export changes, that reading the workbook
 * undoes exactly that for every shipped form and for forms without choices
 * or settings, and what it refuses. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/odk.h"
#include "forms/engine/xlsx.h"

/* out's sheets through a workbook (xlsx_write, xlsx_read) and odk_import. */
static void through_workbook(char *const out[XS_COUNT], struct xlsx_sheets *x)
{
	struct fc_err err = { 0 };
	struct strbuf b;

	strbuf_init(&b);
	if (xlsx_write((const char *const *)out, &b, &err) || xlsx_read(b.buf, b.len, x, &err) ||
	    odk_import(x, &err))
		fail_msg("%s", err.msg);
	strbuf_release(&b);
}

static void release(char *out[XS_COUNT])
{
	size_t k;

	for (k = 0; k < XS_COUNT; k++)
		free(out[k]);
}

static const char survey[] =
	"type,name,label::zh,label::en,hazard\n"
	"text,site,场所,Site,\n"
	"check,exits,安全出口畅通,Exits clear,major\n"
	"check,alarm,报警器完好,Alarm works,general\n";
static const char settings[] =
	"form_id,version,form_title::zh,form_title::en,default_language\n"
	"fire,3,消防检查,Fire check,en\n";

/* A check is a select_one of pass, fail and na, labelled per language; the
 * titles are renamed and one plain title added in the default language;
 * the settings say so. */
static void export_changes(void **state)
{
	struct form *f = test_form(survey, NULL, settings);
	struct fc_err err = { 0 };
	char *out[XS_COUNT];
	(void)state;

	assert_int_equal(odk_export(f, out, &err), 0);
	assert_string_equal(out[XS_SURVEY],
			    "type,name,label::zh,label::en,hazard\n"
			    "text,site,场所,Site,\n"
			    "select_one fieldcheck_check,exits,安全出口畅通,Exits clear,major\n"
			    "select_one fieldcheck_check,alarm,报警器完好,Alarm works,general\n");
	assert_string_equal(out[XS_CHOICES],
			    "list_name,name,label::zh,label::en\n"
			    "fieldcheck_check,pass,合格,Pass\n"
			    "fieldcheck_check,fail,不合格,Fail\n"
			    "fieldcheck_check,na,不适用,Not applicable\n");
	assert_string_equal(out[XS_SETTINGS],
			    "form_id,version,fieldcheck_form_title::zh,fieldcheck_form_title::en,"
			    "default_language,form_title,fieldcheck_odk\n"
			    "fire,3,消防检查,Fire check,en,Fire check,1 choices check title form_title\n");
	release(out);
	form_free(f);
}

/* Read back, the sheets are the form's own bytes: no choices sheet where
 * it had none, its settings as they were. */
static void import_undoes_export(void **state)
{
	struct form *f = test_form(survey, NULL, settings);
	struct fc_err err = { 0 };
	struct xlsx_sheets x;
	char *out[XS_COUNT];
	(void)state;

	assert_int_equal(odk_export(f, out, &err), 0);
	through_workbook(out, &x);
	assert_string_equal(x.csv[XS_SURVEY], survey);
	assert_null(x.csv[XS_CHOICES]);
	assert_string_equal(x.csv[XS_SETTINGS], settings);
	assert_int_equal(xlsx_row(&x, XS_SURVEY, 3), 3);
	xlsx_sheets_release(&x);
	release(out);
	form_free(f);
}

/* Every shipped form: exported, through a workbook, imported: the same
 * three sheets, byte for byte. */
static void shipped_forms_come_back(void **state)
{
	struct form_catalog cat;
	char *dir = test_shipped_forms_dir();
	size_t i;
	(void)state;

	setenv("FIELDCHECK_FORMS", dir, 1);
	free(dir);
	form_catalog_load(&cat, NULL);
	assert_true(cat.n >= 5);
	for (i = 0; i < cat.n; i++) {
		const struct form *f = cat.forms[i];
		struct fc_err err = { 0 };
		struct xlsx_sheets x;
		char *out[XS_COUNT];

		assert_int_equal(odk_export(f, out, &err), 0);
		assert_null(strstr(out[XS_SURVEY], "\ncheck,"));
		through_workbook(out, &x);
		assert_string_equal(x.csv[XS_SURVEY], f->survey_csv);
		assert_string_equal(x.csv[XS_CHOICES], f->choices_csv);
		assert_string_equal(x.csv[XS_SETTINGS], f->settings_csv);
		xlsx_sheets_release(&x);
		release(out);
	}
	form_catalog_release(&cat);
}

/* A form without settings gets a settings sheet of ours only, which the
 * import takes away again; a form without checks keeps its choices. */
static void form_without_settings(void **state)
{
	static const char sv[] = "type,name,label\nselect_one yn,ok,OK?\n";
	static const char ch[] = "list_name,name,label\nyn,yes,Yes\nyn,no,No\n";
	struct form *f = test_form(sv, ch, NULL);
	struct fc_err err = { 0 };
	struct xlsx_sheets x;
	char *out[XS_COUNT];
	(void)state;

	free(f->settings_csv);
	f->settings_csv = NULL;
	assert_int_equal(odk_export(f, out, &err), 0);
	assert_string_equal(out[XS_CHOICES], ch);
	assert_string_equal(out[XS_SETTINGS], "fieldcheck_odk\n1 settings\n");
	through_workbook(out, &x);
	assert_string_equal(x.csv[XS_SURVEY], sv);
	assert_string_equal(x.csv[XS_CHOICES], ch);
	assert_null(x.csv[XS_SETTINGS]);
	xlsx_sheets_release(&x);
	release(out);
	form_free(f);
}

/* A list already called fieldcheck_check cannot be told from the checks';
 * a mark of another way is not guessed at; a workbook without the mark is
 * left as it is. */
static void refused(void **state)
{
	static const char sv[] = "type,name,label,hazard\ncheck,a,A,major\n"
		"select_one fieldcheck_check,b,B,\n";
	static const char ch[] = "list_name,name,label\nfieldcheck_check,x,X\n";
	struct form *f = test_form(sv, ch, NULL);
	char *out[XS_COUNT] = { xstrdup("type,name\ntext,a\n"), NULL,
				xstrdup("form_id,fieldcheck_odk\nt,2 check\n") };
	char *none[XS_COUNT];
	struct fc_err err = { 0 };
	struct xlsx_sheets x;
	struct strbuf b;
	(void)state;

	assert_int_equal(odk_export(f, none, &err), -1);
	assert_non_null(strstr(err.msg, "list called fieldcheck_check"));
	assert_null(none[XS_SURVEY]);
	form_free(f);
	strbuf_init(&b);
	assert_int_equal(xlsx_write((const char *const *)out, &b, &err), 0);
	assert_int_equal(xlsx_read(b.buf, b.len, &x, &err), 0);
	assert_int_equal(odk_import(&x, &err), -1);
	assert_non_null(strstr(err.msg, "fieldcheck_odk is '2 check'"));
	xlsx_sheets_release(&x);
	free(out[2]);
	out[2] = xstrdup("form_id\nt\n");
	strbuf_reset(&b);
	assert_int_equal(xlsx_write((const char *const *)out, &b, &err), 0);
	assert_int_equal(xlsx_read(b.buf, b.len, &x, &err), 0);
	assert_int_equal(odk_import(&x, &err), 0);
	assert_string_equal(x.csv[XS_SETTINGS], "form_id\nt\n");
	xlsx_sheets_release(&x);
	strbuf_release(&b);
	release(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(export_changes),
		cmocka_unit_test(import_undoes_export),
		cmocka_unit_test(shipped_forms_come_back),
		cmocka_unit_test(form_without_settings),
		cmocka_unit_test(refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
