/* test_conflict_items.c - which items of an inspection are in conflict and
 * the choices for one (forms/inspect/conflict_items.c): one entry per item in the
 * stored order, items the form does not know left out, the standing answer
 * offered first. */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "forms/inspect/conflict_items.h"

static const char survey[] =
	"type,name,label,hazard\n"
	"check,a,A,general\ncheck,b,B,general\ncheck,c,C,major\ntext,d,D,\n";

static struct fc_answer ans(const char *item, const char *value)
{
	struct fc_answer a;

	memset(&a, 0, sizeof a);
	a.item = (char *)item;
	a.value = (char *)value;
	a.note = (char *)"";
	return a;
}

/* b clashes twice, c once, "gone" (not in the form) once; a has none. */
static void fill(struct fc_inspection *in, struct fc_answer *answers, struct fc_answer *other)
{
	memset(in, 0, sizeof *in);
	answers[0] = ans("a", "pass");
	answers[1] = ans("b", "pass");
	in->answers = answers;
	in->n_answers = 2;
	other[0] = ans("b", "fail");
	other[1] = ans("b", "na");
	other[2] = ans("c", "fail");
	other[3] = ans("gone", "x");
	in->conflicts = other;
	in->n_conflicts = 4;
}

static void items_once_each_known_only(void **state)
{
	struct form *f = test_form(survey, NULL, NULL);
	struct fc_answer answers[2], other[4];
	struct fc_inspection in;
	size_t *items, n;

	(void)state;
	fill(&in, answers, other);
	items = conflict_items(f, &in, &n);
	assert_int_equal(n, 2);
	assert_string_equal(f->items[items[0]].name, "b");
	assert_string_equal(f->items[items[1]].name, "c");
	free(items);
	in.n_conflicts = 0;
	items = conflict_items(f, &in, &n);
	assert_int_equal(n, 0);
	free(items);
	form_free(f);
}

static void counts_per_item(void **state)
{
	struct fc_answer answers[2], other[4];
	struct fc_inspection in;

	(void)state;
	fill(&in, answers, other);
	assert_int_equal(conflict_count(&in, "a"), 0);
	assert_int_equal(conflict_count(&in, "b"), 2);
	assert_int_equal(conflict_count(&in, "c"), 1);
	assert_int_equal(conflict_count(&in, "d"), 0);
	assert_int_equal(conflict_count(&in, NULL), 0);
}

static void choices_standing_answer_first(void **state)
{
	struct fc_answer answers[2], other[4];
	const struct fc_answer **ch;
	struct fc_inspection in;

	(void)state;
	fill(&in, answers, other);
	assert_int_equal(conflict_choices(&in, "b", &ch), 3);
	assert_ptr_equal(ch[0], &answers[1]);
	assert_ptr_equal(ch[1], &other[0]);
	assert_ptr_equal(ch[2], &other[1]);
	free(ch);
	/* c has no standing answer: only the other side is offered */
	assert_int_equal(conflict_choices(&in, "c", &ch), 1);
	assert_string_equal(ch[0]->value, "fail");
	free(ch);
	assert_int_equal(conflict_choices(&in, "a", &ch), 1);
	assert_ptr_equal(ch[0], &answers[0]);
	free(ch);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(items_once_each_known_only),
		cmocka_unit_test(counts_per_item),
		cmocka_unit_test(choices_standing_answer_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
