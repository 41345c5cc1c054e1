/* test_warnings.c - the warnings a form raises (forms/inspect/warnings.c): a note
 * shown only when the answers call for it is a warning, and applies exactly
 * while its condition holds (out of range low or high, not at the limits,
 * not while its group does not apply); a note always shown is no warning. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "forms/inspect/warnings.h"

static const char survey[] =
	"type,name,label,relevant,hazard\n"
	"note,intro,Read me,,\n"
	"select_one yn,work,Work under way?,,\n"
	"begin_group,site,Site,${work} = 'yes',\n"
	"decimal,o2,Oxygen,,\n"
	"note,alarm,Out of range,${o2} != '' and (${o2} < 19.5 or ${o2} > 23.5),\n"
	"check,ok,Readings acceptable,,general\n"
	"end_group,,,,\n";
static const char choices[] = "list_name,name,label\nyn,yes,Yes\nyn,no,No\n";

/* How many warnings apply with work and o2 as given (NULL: unanswered). */
static size_t warnings(const struct form *f, const char *work, const char *o2)
{
	struct fc_answer a[2];
	struct fc_inspection in;
	size_t n = 0, k, *w;

	memset(&in, 0, sizeof in);
	memset(a, 0, sizeof a);
	if (o2) {
		a[n].item = (char *)"o2", a[n].value = (char *)o2, a[n++].note = (char *)"";
	}
	if (work) {
		a[n].item = (char *)"work", a[n].value = (char *)work, a[n++].note = (char *)"";
	}
	in.answers = a;
	in.n_answers = n;
	w = inspect_warnings(f, &in, &k);
	if (k)
		assert_string_equal(f->items[w[0]].name, "alarm");
	free(w);
	return k;
}

static void conditional_notes_warn(void **state)
{
	struct form *f = test_form(survey, choices, NULL);

	(void)state;
	assert_false(form_item_warns(&f->items[form_item_index(f, "intro")]));
	assert_true(form_item_warns(&f->items[form_item_index(f, "alarm")]));
	assert_false(form_item_warns(&f->items[form_item_index(f, "o2")]));
	form_free(f);
}

static void applies_while_out_of_range(void **state)
{
	struct form *f = test_form(survey, choices, NULL);

	(void)state;
	assert_int_equal(warnings(f, "yes", NULL), 0);
	assert_int_equal(warnings(f, "yes", "20.9"), 0);
	assert_int_equal(warnings(f, "yes", "19.5"), 0);
	assert_int_equal(warnings(f, "yes", "23.5"), 0);
	assert_int_equal(warnings(f, "yes", "25"), 1);
	assert_int_equal(warnings(f, "yes", "18"), 1);
	/* its group does not apply: neither does the warning */
	assert_int_equal(warnings(f, "no", "25"), 0);
	form_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(conditional_notes_warn),
		cmocka_unit_test(applies_while_out_of_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
