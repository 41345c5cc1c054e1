/* support_filter.c - one unit test picked by name: FIELDCHECK_TEST=PATTERN
 * runs only the tests of a program whose names match it ('*' any run of
 * characters, '?' one), as `sh tests/run unit:test_roster:hostile` does.
 *
 * cmocka 1.1.5 (Debian 12) has cmocka_set_test_filter but reads no
 * variable for it, and each program's main() only lists its tests; so the
 * filter is set here, before main(), in every program this file is linked
 * into, rather than in eighteen copies of the same lines. */
#include "support.h"

#include <stdlib.h>

__attribute__((constructor)) static void test_filter_from_env(void)
{
	const char *pattern = getenv("FIELDCHECK_TEST");

	if (pattern && *pattern)
		cmocka_set_test_filter(pattern);
}
