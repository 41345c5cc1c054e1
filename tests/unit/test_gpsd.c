/* test_gpsd.c - reading gpsd's TPV reports (core/gpsd.h): a fix with and
 * without its accuracy, no fix, and lines no receiver sends. */
#include "support.h"

#include <string.h>

#include "core/gpsd.h"

static void reports(void **state)
{
	char geo[MAX_GEO + 1];
	(void)state;

	assert_int_equal(gpsd_parse_tpv("{\"class\":\"TPV\",\"mode\":3,\"lat\":30.2741,"
					 "\"lon\":120.1551,\"altMSL\":12.0,\"alt\":12.0,\"eph\":17.1}",
					 geo), 2);
	assert_string_equal(geo, "30.2741000 120.1551000 12.0 17.1");
	assert_int_equal(gpsd_parse_tpv("{\"class\":\"TPV\",\"mode\":2,\"lat\":-33.9,"
					 "\"lon\":-70.6}", geo), 1);
	assert_string_equal(geo, "-33.9000000 -70.6000000 0.0 0.0");
	assert_int_equal(gpsd_parse_tpv("{\"class\":\"TPV\",\"mode\":1}", geo), 0);
	assert_int_equal(gpsd_parse_tpv("{\"class\":\"SKY\",\"mode\":3,\"lat\":1,\"lon\":1}", geo),
			 0);
	assert_int_equal(gpsd_parse_tpv("{\"class\":\"TPV\",\"mode\":3,\"lat\":1e308,\"lon\":1}",
					 geo), 0);
	assert_int_equal(gpsd_parse_tpv("{\"class\":\"TPV\",\"mode\":3,\"lat\":nan,\"lon\":1}", geo),
			 0);
	assert_int_equal(gpsd_parse_tpv("{\"class\":\"TPV\",\"mode\":3,\"lat\":\"x\",\"lon\":1}",
					 geo), 0);
	assert_int_equal(gpsd_parse_tpv("", geo), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(reports) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
