/* xlsx_date.c - a number in a date-formatted cell written as pyxform does.
 *
 * openpyxl turns the number into a datetime (openpyxl/utils/datetime.py,
 * from_excel) and pyxform writes it with Python's str(): a date
 * "2024-03-27 00:00:00", a number below 1 a time "10:30:00", a duration
 * format ([h]:mm:ss) a timedelta "1 day, 2:00:00".  The arithmetic is
 * openpyxl's, step by step, so the text is the same to the microsecond:
 * days from the workbook's epoch (1899-12-30, or 1904-01-01 when its
 * workbookPr says date1904), the fraction of a day rounded to the
 * millisecond half to even as Python's round(), and the serials below 60
 * moved a day on for Excel's 1900 leap-year bug (Excel counts a
 * 1900-02-29 that was never; openpyxl gives 59 and 60 both 1900-02-28).
 * A serial past the dates Python holds (years 1 to 9999) is what openpyxl
 * makes an error cell of: refused, as error cells are.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "forms/engine/xlsx_impl.h"

#define MS_PER_DAY 86400000.0
#define US_PER_DAY 86400000000LL
#define TIMEDELTA_DAYS_MAX 999999999.0 /* Python's timedelta */

/* Python's divmod(v, 1.0) for a float (Objects/floatobject.c). */
static void py_divmod1(double v, double *div, double *mod)
{
	double m = fmod(v, 1.0), d = v - m, f;

	if (m) {
		if (m < 0) {
			m += 1.0;
			d -= 1.0;
		}
	} else {
		m = 0.0;
	}
	if (d) {
		f = floor(d);
		if (d - f > 0.5)
			f += 1.0;
		d = f;
	}
	*div = d;
	*mod = m;
}

/* "HH:MM:SS", then ".ffffff" when there are microseconds, as str() of a
 * Python time or datetime writes them. */
static void add_clock(struct strbuf *out, long long us_of_day)
{
	long long s = us_of_day / 1000000, us = us_of_day % 1000000;

	strbuf_addf(out, "%02lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
	if (us)
		strbuf_addf(out, ".%06lld", us);
}

/* from_excel without timedelta: a datetime, or a time for 0 <= v < 1. */
static int as_datetime(double v, int is_int, int date1904, struct strbuf *out)
{
	double day = v, frac = 0, ms;
	long long days, lo = clock_days_from_civil(1, 1, 1), hi = clock_days_from_civil(9999, 12, 31);
	int y, m, d;

	if (!is_int)
		py_divmod1(v, &day, &frac);
	ms = nearbyint(frac * 86400 * 1000); /* Python: fraction * SECS_PER_DAY * 1000 */
	if (v >= 0 && v < 1 && ms < MS_PER_DAY) {
		add_clock(out, (long long)ms * 1000);
		return 0;
	}
	if (!date1904 && v > 0 && v < 60)
		day += 1;
	if (fabs(day) > TIMEDELTA_DAYS_MAX)
		return -1;
	days = (date1904 ? clock_days_from_civil(1904, 1, 1) : clock_days_from_civil(1899, 12, 30)) +
	       (long long)day;
	if (days < lo || days > hi) /* epoch + timedelta(days=day) */
		return -1;
	if (ms >= MS_PER_DAY) { /* the fraction rounded up to a whole day */
		days++;
		ms -= MS_PER_DAY;
	}
	if (days > hi)
		return -1;
	clock_civil_from_days((long)days, &y, &m, &d); /* years 1 to 9999: checked above */
	strbuf_addf(out, "%04d-%02d-%02d ", y, m, d);
	add_clock(out, (long long)ms * 1000);
	return 0;
}

/* Python's round(n, -3) for an int: to thousands, half to even. */
static long long round_thousand(long long n)
{
	long long q = n / 1000, r = n % 1000;

	if (r > 500 || (r == 500 && q % 2))
		q++;
	return q * 1000;
}

/* from_excel with timedelta: timedelta(days=v), its microseconds rounded
 * to milliseconds; written as str() of a timedelta ("-1 day, 23:00:00"). */
static int as_timedelta(double v, int is_int, struct strbuf *out)
{
	double whole = v, dayfrac = 0;
	long long d, us;

	if (fabs(v) > TIMEDELTA_DAYS_MAX)
		return -1;
	if (!is_int) /* CPython's timedelta(days=float): the fraction of the
		      * day in microseconds, rounded half to even */
		dayfrac = modf(v, &whole);
	d = (long long)whole;
	us = (long long)nearbyint(dayfrac * (double)US_PER_DAY);
	d += us / US_PER_DAY; /* normalised: 0 <= us < a day */
	us %= US_PER_DAY;
	if (us < 0) {
		us += US_PER_DAY;
		d--;
	}
	if (us % 1000000) {
		us = us / 1000000 * 1000000 + round_thousand(us % 1000000);
		if (us == US_PER_DAY) {
			us = 0;
			d++;
		}
	}
	if (d > (long long)TIMEDELTA_DAYS_MAX || d < -(long long)TIMEDELTA_DAYS_MAX)
		return -1;
	if (d)
		strbuf_addf(out, "%lld day%s, ", d, d == 1 || d == -1 ? "" : "s");
	strbuf_addf(out, "%lld:%02lld:%02lld", us / 1000000 / 3600, us / 1000000 / 60 % 60,
		    us / 1000000 % 60);
	if (us % 1000000)
		strbuf_addf(out, ".%06lld", us % 1000000);
	return 0;
}

int xlsx_serial_text(const char *v, enum xlsx_num kind, int date1904, struct strbuf *out)
{
	char *end;
	double x;
	int is_int = !strpbrk(v, ".eE"); /* openpyxl's _cast_number: int() or float() */

	if (!*v || v[strspn(v, "0123456789+-.eE")]) /* no hex, inf, nan, spaces */
		return -1;
	x = strtod(v, &end);
	if (*end || !isfinite(x) || (is_int && strspn(v + (*v == '-' || *v == '+'),
						      "0123456789") != strlen(v) - (*v == '-' || *v == '+')))
		return -1;
	return kind == XN_DURATION ? as_timedelta(x, is_int, out) :
				     as_datetime(x, is_int, date1904, out);
}
