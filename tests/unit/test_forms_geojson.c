/* test_forms_geojson.c - a GeoJSON FeatureCollection as a select's
 * choices (forms/engine/geojson.c): ODK's own example read as ODK's
 * documentation says (the id the value, the title the label, the geometry
 * "46.5841618 7.0801379 0 0"), the three geometry types, and what a
 * hostile or broken file is refused for, with where. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/geojson.h"

static const char museums[] =
	"{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\n"
	"      \"type\": \"Feature\",\n"
	"      \"geometry\": { \"type\": \"Point\", \"coordinates\": [7.0801379, 46.5841618] },\n"
	"      \"properties\": { \"id\": \"fs87b\", \"title\": \"HR Giger Museum\",\n"
	"                       \"annual_visits\": 40000 }\n    }\n  ]\n}\n";

static const char *prop(const struct form_list *l, size_t k, const char *col)
{
	size_t c;

	for (c = 0; c < l->n_cols; c++)
		if (!strcmp(l->cols[c], col))
			return l->choices[k].props[c];
	fail_msg("no column %s", col);
	return NULL;
}

static void odk_example(void **state)
{
	struct form_list l;
	struct fc_err err = { 0 };
	int line, col;
	(void)state;

	if (geojson_list(museums, strlen(museums), &l, &line, &col, &err))
		fail_msg("%d:%d: %s", line, col, err.msg);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.choices[0].name, "fs87b");
	assert_int_equal(l.choices[0].label.n, 1);
	assert_string_equal(l.choices[0].label.tr[0].s, "HR Giger Museum");
	assert_string_equal(prop(&l, 0, "geometry"), "46.5841618 7.0801379 0 0");
	assert_string_equal(prop(&l, 0, "annual_visits"), "40000");
	assert_string_equal(prop(&l, 0, "id"), "fs87b");
	geojson_list_release(&l);
}

static void geometries_and_values(void **state)
{
	static const char doc[] =
		"\xef\xbb\xbf{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
		"\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\"features\":[\n"
		"{\"type\":\"Feature\",\"id\":101,\"properties\":{\"id\":\"lost\",\"title\":\"Caf\\u00e9\","
		"\"flag\":true,\"none\":null,\"n\":-1.5e3},\"geometry\":{\"type\":\"LineString\","
		"\"coordinates\":[[85.31,27.71],[85.32,27.72,1300.5]]}},\n"
		"{\"type\":\"Feature\",\"id\":\"way/7\",\"properties\":{\"title\":\"\\ud83d\\ude00\"},"
		"\"geometry\":{\"coordinates\":[[[1,2],[3,4],[1,2]],[[9,9],[8,8],[9,9]]],"
		"\"type\":\"Polygon\"}},\n"
		"{\"properties\":{\"id\":\"p3\"},\"geometry\":null,\"type\":\"Feature\"}]}";
	struct form_list l;
	struct fc_err err = { 0 };
	int line, col;
	(void)state;

	if (geojson_list(doc, strlen(doc), &l, &line, &col, &err))
		fail_msg("%d:%d: %s", line, col, err.msg);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.choices[0].name, "101");     /* the top-level id wins */
	assert_string_equal(l.choices[0].label.tr[0].s, "Caf\xc3\xa9");
	assert_string_equal(prop(&l, 0, "geometry"), "27.71 85.31 0 0;27.72 85.32 1300.5 0");
	assert_string_equal(prop(&l, 0, "flag"), "true");
	assert_string_equal(prop(&l, 0, "none"), "");
	assert_string_equal(prop(&l, 0, "n"), "-1.5e3");
	assert_string_equal(prop(&l, 1, "flag"), "");      /* a column it lacks */
	assert_string_equal(l.choices[1].label.tr[0].s, "\xf0\x9f\x98\x80");
	assert_string_equal(prop(&l, 1, "geometry"), "2 1 0 0;4 3 0 0;2 1 0 0"); /* outer ring */
	assert_string_equal(l.choices[2].name, "p3");
	assert_int_equal(l.choices[2].label.n, 0);
	assert_string_equal(prop(&l, 2, "geometry"), "");
	geojson_list_release(&l);
}

static void refused(void **state)
{
	static const struct { const char *doc, *want; int line, col; } cases[] = {
		{ "[]", "expected an object", 1, 1 },
		{ "{\"type\":\"Feature\",\"features\":[]}", "is a Feature, not a FeatureCollection", 1, 2 },
		{ "{\"type\":\"FeatureCollection\"}", "not a FeatureCollection", 1, 1 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[]}", "no features", 1, 1 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}",
		  "a feature without an id", 1, 41 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1},\n"
		  "{\"type\":\"Feature\",\"id\":1}]}", "id '1' is given to two features", 1, 1 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":[[1,2]]}}]}",
		  "geometry type 'MultiPoint' is not one ODK takes", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"geometry\":{\"type\":\"Point\",\"coordinates\":[[1,2]]}}]}",
		  "the coordinates are not a Point's", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"properties\":{\"a\":{\"b\":1}}}]}", "property 'a' holds an object", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"properties\":{\"a\":\"x\\u0007\"}}]}", "control", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"properties\":{\"a\":\"\\ud800\"}}]}", "lone surrogate", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"properties\":{\"a\":1,\"a\":2}}]}", "'a' is given twice", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"properties\":{\"geometry\":\"x\"}}]}", "may not be called geometry", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":01}]}",
		  "expected ',' or '}'", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1}]} x",
		  "something after the FeatureCollection", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"\xff\"}]}",
		  "UTF-8", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":1,"
		  "\"bbox\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}",
		  "nests deeper than 32 levels", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a b\"}",
		  "expected ',' or ']'", 1, 0 },
		{ "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":"
		  "\"0123456789012345678901234567890123456789012345678901234567890123456789"
		  "0123456789012345678901234567890123456789012345678901234567890123456789"
		  "0123456789012345678901234567890123456789012345678901234567890123456789"
		  "0123456789012345678901234567890123456789012345678901234567890123456789\"}]}",
		  "id: ", 1, 41 },
	};
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct form_list l;
		struct fc_err err = { 0 };
		int line = 0, col = 0;
		if (!geojson_list(cases[i].doc, strlen(cases[i].doc), &l, &line, &col, &err))
			fail_msg("case %zu loads", i);
		if (!strstr(err.msg, cases[i].want))
			fail_msg("case %zu: wanted '%s' in '%s'", i, cases[i].want, err.msg);
		if (line != cases[i].line || (cases[i].col && col != cases[i].col))
			fail_msg("case %zu: at %d:%d, not %d:%d", i, line, col, cases[i].line,
				 cases[i].col);
		assert_int_equal(l.n, 0);
	}
}

/* A file of many features reads in one pass and stops at the bound. */
static void bounded(void **state)
{
	struct strbuf sb;
	struct form_list l;
	struct fc_err err = { 0 };
	int line, col;
	size_t k;
	(void)state;

	strbuf_init(&sb);
	strbuf_adds(&sb, "{\"type\":\"FeatureCollection\",\"features\":[");
	for (k = 0; k <= GEOJSON_FEATURES_MAX; k++)
		strbuf_addf(&sb, "%s{\"type\":\"Feature\",\"id\":%zu}", k ? "," : "", k);
	strbuf_adds(&sb, "]}");
	assert_int_equal(geojson_list(sb.buf, sb.len, &l, &line, &col, &err), -1);
	assert_non_null(strstr(err.msg, "more than 50000 features"));
	strbuf_release(&sb);
}


/* tests/forms/good/geojson: a select from a GeoJSON file, its features'
 * values looked up (instance('toilets')/root/item[id=${existing}]/...) as
 * ODK does, what the triggered ones are set to; such a form loads but is not kept
 * with an inspection (the sync carries CSV files). */
static void form_with_geojson(void **state)
{
	const char *top = getenv("FIELDCHECK_TOP");
	char *dir = test_path(top && *top ? top : ".", "tests/forms/good/geojson"), *v;
	struct form_problems p = { 0 };
	struct form *f = form_load_dir(dir, &p);
	struct test_answers a;
	struct fc_err err = { 0 };
	(void)state;

	if (!f)
		fail_msg("%s: %s", dir, p.n ? p.msgs[0] : "?");
	test_answers(&a, NULL, "existing", "w1", NULL);
	v = test_value(f, "where", &a);
	assert_string_equal(v, "27.7172 85.3123 0 0");
	free(v);
	assert_int_equal(form_calculate(f, (size_t)form_item_index(f, "name"), &a.fa, &v, &err),
			 0);
	assert_string_equal(v, "Thamel block");
	free(v);
	test_answers(&a, NULL, "existing", "w2", NULL);
	assert_int_equal(form_calculate(f, (size_t)form_item_index(f, "fee"), &a.fa, &v, &err),
			 0);
	assert_string_equal(v, "no");              /* its id property names it */
	free(v);
	v = test_value(f, "where", &a);
	assert_string_equal(v, "27.71 85.31 0 0;27.71 85.32 0 0;27.72 85.32 0 0;27.71 85.31 0 0");
	free(v);
	v = test_value(f, "wheelchair", &a);
	assert_null(v);                             /* a property none has: '' */
	assert_int_equal(f->warnings.n, 1);
	assert_int_equal(form_check_value(f, 0, "w2", &a.fa, form_lang_of("en"), &err), 0);
	assert_int_equal(form_check_value(f, 0, "w3", &a.fa, form_lang_of("en"), &err), -1);
	assert_true(form_kept_file_name_ok(f->files[0].name)); /* kept and synced */
	form_free(f);
	form_problems_release(&p);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(odk_example),
		cmocka_unit_test(geometries_and_values),
		cmocka_unit_test(refused),
		cmocka_unit_test(bounded),
		cmocka_unit_test(form_with_geojson),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
