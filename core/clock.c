/* clock.c - local time, ISO 8601 formatting and date arithmetic. */
#include "clock.h"
#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static int digits(const char *s, int n)
{
	int v = 0, i;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_check(const char *s, const char *what, struct fc_err *err)
{
	int y, m, d;

	if (strlen(s) != FC_DATE_LEN || s[4] != '-' || s[7] != '-')
		return fc_fail(err, _("%s '%.32s' is not a date of the form YYYY-MM-DD"), what, s);
	y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 1900 || y > 9999 || m < 1 || m > 12)
		return fc_fail(err, _("%s '%s' is not a real date"), what, s);
	if (d < 1 || d > days_in_month(y, m))
		return fc_fail(err, _("%s '%s': month %d has no day %d"), what, s, m, d);
	return 0;
}

int timestamp_check(const char *s, const char *what, struct fc_err *err)
{
	char date[FC_DATE_LEN + 1];
	size_t n = strlen(s);
	int hh, mm, ss;

	if (n < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		goto bad;
	memcpy(date, s, FC_DATE_LEN);
	date[FC_DATE_LEN] = '\0';
	if (date_check(date, what, err))
		return -1;
	hh = digits(s + 11, 2), mm = digits(s + 14, 2), ss = digits(s + 17, 2);
	if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60)
		goto bad;
	if (n == 20 && s[19] == 'Z')
		return 0;
	if (n == FC_TIMESTAMP_LEN && (s[19] == '+' || s[19] == '-') && s[22] == ':' &&
	    digits(s + 20, 2) >= 0 && digits(s + 20, 2) <= 14 &&
	    digits(s + 23, 2) >= 0 && digits(s + 23, 2) <= 59)
		return 0;
bad:
	return fc_fail(err, _("%s '%.40s' is not an ISO 8601 time like 2026-11-28T09:30:00+08:00"),
		       what, s);
}

long clock_days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void clock_civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int date_add_days(const char *date, int days, char *out, struct fc_err *err)
{
	int y, m, d;

	if (date_check(date, _("date"), err))
		return -1;
	clock_civil_from_days(clock_days_from_civil(digits(date, 4), digits(date + 5, 2),
						    digits(date + 8, 2)) + days, &y, &m, &d);
	if (y < 1900 || y > 9999)
		return fc_fail(err, _("date %s plus %d days is out of range"), date, days);
	snprintf(out, FC_DATE_LEN + 1, "%04d-%02d-%02d", y, m, d);
	return 0;
}

int timestamp_epoch(const char *ts, long long *epoch, int *offset_min, struct fc_err *err)
{
	long days;
	int off = 0;

	if (timestamp_check(ts, "time", err))
		return -1;
	days = clock_days_from_civil(digits(ts, 4), digits(ts + 5, 2), digits(ts + 8, 2));
	if (ts[19] != 'Z')
		off = (ts[19] == '-' ? -1 : 1) * (digits(ts + 20, 2) * 60 + digits(ts + 23, 2));
	*epoch = (long long)days * 86400 + digits(ts + 11, 2) * 3600 + digits(ts + 14, 2) * 60 +
		 digits(ts + 17, 2) - off * 60LL;
	*offset_min = off;
	return 0;
}

int clock_stamp(long long epoch, char *out, struct fc_err *err)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	long off;
	char buf[96];

	if (!localtime_r(&t, &tm))
		return fc_fail(err, _("cannot read the local time"));
	off = tm.tm_gmtoff / 60;
	/* Through a roomy buffer: the compiler cannot know tm's fields are small. */
	snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		 tm.tm_sec, off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	if (strlen(buf) != FC_TIMESTAMP_LEN)
		return fc_fail(err, _("cannot read the local time"));
	memcpy(out, buf, FC_TIMESTAMP_LEN + 1);
	return 0;
}

int clock_stamp_local(const char *wall, char *out, struct fc_err *err)
{
	char z[FC_TIMESTAMP_LEN + 1];
	struct tm tm = { 0 };
	time_t t;

	if (strlen(wall) != 19)
		return timestamp_check(wall, "time", err);
	snprintf(z, sizeof z, "%sZ", wall);
	if (timestamp_check(z, "time", err))
		return -1;
	tm.tm_year = digits(wall, 4) - 1900;
	tm.tm_mon = digits(wall + 5, 2) - 1;
	tm.tm_mday = digits(wall + 8, 2);
	tm.tm_hour = digits(wall + 11, 2);
	tm.tm_min = digits(wall + 14, 2);
	tm.tm_sec = digits(wall + 17, 2);
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return fc_fail(err, _("cannot read the local time"));
	return clock_stamp((long long)t, out, err);
}

int clock_now(char *out, struct fc_err *err)
{
	const char *fixed = getenv("FIELDCHECK_NOW");

	if (fixed && *fixed) {
		if (timestamp_check(fixed, "FIELDCHECK_NOW", err))
			return -1;
		snprintf(out, FC_TIMESTAMP_LEN + 1, "%s", fixed);
		return 0;
	}
	return clock_stamp((long long)time(NULL), out, err);
}

int clock_today(char *out, struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];

	if (clock_now(now, err))
		return -1;
	memcpy(out, now, FC_DATE_LEN);
	out[FC_DATE_LEN] = '\0';
	return 0;
}
