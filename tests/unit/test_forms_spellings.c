/* test_forms_spellings.c - the other spellings pyxform takes for types and
 * names, met in forms written for ODK (forms/engine/survey.c, choices.c):
 * each read as what pyxform reads it as, and what fieldcheck cannot do
 * refused by its name rather than as an unknown type. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

#define ITEM(f, name) (&(f)->items[form_item_index((f), (name))])

static const char choices[] =
	"list_name,name,label\n"
	"sex,f,Female\nsex,m,Male\n"
	"building:material,wood,Wood\nbuilding:material,brick,Brick\n";

/* pyxform's question types under their older or other names. */
static void other_names_of_types(void **state)
{
	struct form *f = test_form(
		"type,name,label\n"
		"phone number,phone,Phone\n"
		"gps,where,Where\n"
		"location,there,There\n"
		"imei,dev,\n"
		"uri:deviceid,dev2,\n"
		"uri:username,who,\n"
		"photo,pic,Picture\n"
		"osm sex,map,Map\n"
		"select one from sex or specify other,s1,Sex\n"
		"select all that apply from sex or other,s2,Sexes\n",
		choices, NULL);
	(void)state;

	assert_int_equal(ITEM(f, "phone")->type, FT_TEXT);
	assert_int_equal(ITEM(f, "where")->type, FT_GEOPOINT);
	assert_int_equal(ITEM(f, "there")->type, FT_GEOPOINT);
	assert_int_equal(ITEM(f, "dev")->type, FT_META);
	assert_int_equal(ITEM(f, "dev")->meta, META_DEVICEID);
	assert_int_equal(ITEM(f, "dev2")->meta, META_DEVICEID);
	assert_int_equal(ITEM(f, "who")->meta, META_USERNAME);
	assert_int_equal(ITEM(f, "pic")->type, FT_MEDIA);
	assert_int_equal(ITEM(f, "pic")->media, MEDIA_IMAGE);
	assert_int_equal(ITEM(f, "map")->type, FT_MEDIA); /* the .osm file, attached */
	assert_int_equal(f->warnings.n, 1);
	assert_non_null(strstr(f->warnings.msgs[0], "osm: answered by attaching the OSM file; "
			       "the tags of list 'sex' (the osm sheet) are not offered"));
	assert_int_equal(ITEM(f, "s1")->type, FT_SELECT_ONE);
	assert_true(ITEM(f, "s1")->or_other);
	assert_int_equal(ITEM(f, "s2")->type, FT_SELECT_MULTIPLE);
	assert_true(ITEM(f, "s2")->or_other);
	assert_int_equal(ITEM(f, "s1_other")->type, FT_TEXT);
	form_free(f);
}

/* A list named with a colon, as OpenStreetMap's tags are. */
static void list_names_with_a_colon(void **state)
{
	struct form *f = test_form("type,name,label\nselect_one building:material,m,Material\n",
				   choices, NULL);
	char *got;
	(void)state;

	assert_string_equal(ITEM(f, "m")->list->name, "building:material");
	form_free(f);
	got = test_form_problems("type,name,label\nselect_one :x,m,M\n",
				 "list_name,name,label\n:x,a,A\n", NULL);
	assert_non_null(strstr(got, "list_name ':x' is not a valid name"));
	free(got);
}

/* The name on an end row is not read by pyxform; here it is a warning. */
static void names_on_end_rows(void **state)
{
	struct form *f = test_form("type,name,label\nbegin group,g,G\ntext,a,A\n"
				   "end group,end of g,\n", NULL, NULL);
	(void)state;

	assert_int_equal(f->warnings.n, 1);
	assert_string_equal(f->warnings.msgs[0], "mem/survey.csv:4:2: warning: the name "
			    "'end of g' of an end_group row is not used (it closes the innermost "
			    "open one)");
	form_free(f);
}

/* What fieldcheck does not do is named as such, with its argument. */
static void unsupported_types_named(void **state)
{
	static const struct {
		const char *type, *name;
	} cases[] = {
		{ "background-audio", "background-audio" },
		{ "background-geopoint", "background-geopoint" },
	};
	size_t i;
	(void)state;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *survey = xstrfmt("type,name,label\n%s,x,X\n", cases[i].type);
		char *want = xstrfmt("mem/survey.csv:2:1: type '%s' is not supported by fieldcheck",
				     cases[i].name);
		char *got = test_form_problems(survey, choices, NULL);
		assert_string_equal(got, want);
		free(got);
		free(want);
		free(survey);
	}
}

/* time and dateTime take what ODK writes and refuse what is no time. */
static void times_and_date_times(void **state)
{
	static const char *const times[] = { "10:30", "23:59:60", "10:30:00.000+08:00",
					     "07:05:09Z", NULL };
	static const char *const not_times[] = { "24:00", "10:60", "1030", "10:30+8", "10:30 ", NULL };
	static const char *const dts[] = { "2026-03-01T10:30", "2024-02-29T00:00:00.000-05:00",
					   NULL };
	static const char *const not_dts[] = { "2026-03-01", "2026-02-30T10:30",
					       "2026-03-01 10:30", NULL };
	struct form *f = test_form("type,name,label,default\ntime,t,T,08:00\n"
				   "dateTime,dt,DT,\ndatetime,dt2,DT2,\n", NULL, NULL);
	int t = form_item_index(f, "t"), dt = form_item_index(f, "dt");
	struct fc_err err = { 0 };
	size_t i;
	char *got;
	(void)state;

	assert_int_equal(f->items[t].type, FT_TIME);
	assert_int_equal(f->items[dt].type, FT_DATETIME);
	assert_int_equal(ITEM(f, "dt2")->type, FT_DATETIME);
	for (i = 0; times[i]; i++)
		assert_int_equal(form_check_value(f, (size_t)t, times[i], NULL, form_lang_of("en"), &err), 0);
	for (i = 0; not_times[i]; i++)
		assert_int_equal(form_check_value(f, (size_t)t, not_times[i], NULL, form_lang_of("en"), &err), -1);
	for (i = 0; dts[i]; i++)
		assert_int_equal(form_check_value(f, (size_t)dt, dts[i], NULL, form_lang_of("en"), &err), 0);
	for (i = 0; not_dts[i]; i++)
		assert_int_equal(form_check_value(f, (size_t)dt, not_dts[i], NULL, form_lang_of("en"), &err), -1);
	form_free(f);
	got = test_form_problems("type,name,label,default\ntime,t,T,8 o'clock\n", NULL, NULL);
	assert_non_null(strstr(got, "is not a time (HH:MM)"));
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(other_names_of_types),
		cmocka_unit_test(list_names_with_a_colon),
		cmocka_unit_test(names_on_end_rows),
		cmocka_unit_test(unsupported_types_named),
		cmocka_unit_test(times_and_date_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
