/* test_uscc.c - unified social credit code validation (GB 32100-2015). */
#include "support.h"

#include <string.h>

#include "core/uscc.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static void real_codes_pass(void **state)
{
	struct fc_err err = { 0 };
	size_t i;
	(void)state;
	for (i = 0; i < test_uscc_valid_n; i++)
		assert_int_equal(uscc_check(test_uscc_valid[i], &err), 0);
}

/* Weights are distinct and coprime to 31: every single substitution fails. */
static void every_substitution_fails(void **state)
{
	struct fc_err err = { 0 };
	size_t i, pos, k;
	(void)state;
	for (i = 0; i < test_uscc_valid_n; i++)
		for (pos = 0; pos < 18; pos++)
			for (k = 0; k < 31; k++) {
				char code[19];
				memcpy(code, test_uscc_valid[i], 19);
				if (code[pos] == alphabet[k])
					continue;
				code[pos] = alphabet[k];
				assert_int_equal(uscc_check(code, &err), -1);
			}
}

static void adjacent_swaps_fail(void **state)
{
	struct fc_err err = { 0 };
	size_t i, pos;
	(void)state;
	for (i = 0; i < test_uscc_valid_n; i++)
		for (pos = 0; pos + 1 < 18; pos++) {
			char code[19], c;
			memcpy(code, test_uscc_valid[i], 19);
			if (code[pos] == code[pos + 1])
				continue;
			c = code[pos], code[pos] = code[pos + 1], code[pos + 1] = c;
			assert_int_equal(uscc_check(code, &err), -1);
		}
}

static void messages_name_the_fault(void **state)
{
	struct fc_err err = { 0 };
	(void)state;
	assert_int_equal(uscc_check("91350100M000100Y4", &err), -1);
	assert_string_equal(err.msg, "credit code '91350100M000100Y4' has 17 characters; a "
			    "unified social credit code has 18");
	assert_int_equal(uscc_check("91350100m000100Y43", &err), -1);
	assert_string_equal(err.msg, "credit code '91350100m000100Y43': character 9 ('m') is not "
			    "allowed (digits and A-Y without I, O, S, V, Z)");
	assert_int_equal(uscc_check("91350100M000100I43", &err), -1);
	assert_non_null(strstr(err.msg, "character 16 ('I')"));
	assert_int_equal(uscc_check("91350100M000100Y44", &err), -1);
	assert_string_equal(err.msg, "credit code '91350100M000100Y44': check character is '4', "
			    "expected '3' (mistyped?)");
	assert_int_equal(uscc_check("", &err), -1);
	assert_int_equal(uscc_check("91350100M000100Y43\x1b[2J", &err), -1);
}

static void check_char_computed(void **state)
{
	(void)state;
	assert_int_equal(uscc_check_char("91350100M000100Y4"), '3');
	assert_int_equal(uscc_check_char("9135010OM000100Y4"), '\0');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_codes_pass),
		cmocka_unit_test(every_substitution_fails),
		cmocka_unit_test(adjacent_swaps_fail),
		cmocka_unit_test(messages_name_the_fault),
		cmocka_unit_test(check_char_computed),
	};
	return cmocka_run_group_tests_name("uscc", tests, NULL, NULL);
}
