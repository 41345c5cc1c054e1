/* expr_date.c - ODK's conversions between dates and numbers, with
 * JavaRosa's meanings (XPathFuncExpr.toDate, toDecimalDateTime):
 *
 *   fc_date(x)          date(): a number is days since 1970-01-01 (its
 *                       integer part), text a date or date-time whose
 *                       date it keeps; 'YYYY-MM-DD', NULL for neither
 *   fc_date_time(x)     date-time(): a number is days with a fraction;
 *                       'YYYY-MM-DDTHH:MM:SS.sss+00:00' (UTC); text that
 *                       is a date or date-time comes back as such
 *   fc_decimal_dt(x)    decimal-date-time(): days since 1970-01-01T00:00Z
 *                       with a fraction; a time zone in the text counts,
 *                       text without one is read as UTC
 *   fc_decimal_time(x)  decimal-time(): the fraction of a day a time (or
 *                       a date-time's time) is; a number's fraction
 *
 * JavaRosa reads a time in the device's zone (decimalTimeOfLocalDay), so a
 * time recorded on the device gives its clock time; fieldcheck has no
 * device zone and takes the clock time written in the value, which is the
 * same for a value recorded where it is read.  Years 0001-9999 only.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "expr_impl.h"
#include "strbuf.h"

const char *const expr_date_functions[] = {
	"fc_date", "fc_date_time", "fc_decimal_dt", "fc_decimal_time", NULL,
};

#define DAYS_MIN (-719162L)  /* 0001-01-01 */
#define DAYS_MAX 2932896L    /* 9999-12-31 */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

/* A date, time or date-time as read from text. */
struct when {
	int has_date, has_time, has_zone;
	long days;          /* since 1970-01-01 */
	double secs;        /* into the day, as written */
	long zone;          /* seconds east of UTC */
};

static int digits(const char **s, int n, int *v)
{
	int k;

	*v = 0;
	for (k = 0; k < n; k++, (*s)++) {
		if (**s < '0' || **s > '9')
			return -1;
		*v = *v * 10 + (**s - '0');
	}
	return 0;
}

static int parse_time(const char **s, struct when *w)
{
	int h, mi, se = 0, sign;
	double frac = 0, scale = 0.1;

	if (digits(s, 2, &h) || *(*s)++ != ':' || digits(s, 2, &mi) || h > 24 || mi > 59)
		return -1;
	if (**s == ':' && ((*s)++, digits(s, 2, &se) || se > 60))
		return -1;
	if (**s == '.')
		for ((*s)++; **s >= '0' && **s <= '9'; (*s)++, scale /= 10)
			frac += (**s - '0') * scale;
	w->has_time = 1;
	w->secs = h * 3600.0 + mi * 60.0 + se + frac;
	if (**s == 'Z') {
		(*s)++;
		w->has_zone = 1;
	} else if (**s == '+' || **s == '-') {
		sign = *(*s)++ == '-' ? -1 : 1;
		if (digits(s, 2, &h) || (**s == ':' && !(*s)[1]) || h > 23)
			return -1;
		mi = 0;
		if (**s == ':')
			(*s)++;
		if (**s && digits(s, 2, &mi))
			return -1;
		w->has_zone = 1;
		w->zone = sign * (h * 3600L + mi * 60L);
	}
	return 0;
}

/* Reads "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.f]][zone]" or a time alone. */
static int parse_when(const char *s, struct when *w)
{
	int y, m, d;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	memset(w, 0, sizeof *w);
	while (*s == ' ')
		s++;
	if (strlen(s) >= 5 && s[2] == ':')
		return parse_time(&s, w) || *s ? -1 : 0;
	if (digits(&s, 4, &y) || *s++ != '-' || digits(&s, 2, &m) || *s++ != '-' ||
	    digits(&s, 2, &d) || y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400))))
		return -1;
	w->has_date = 1;
	w->days = days_from_civil(y, (unsigned)m, (unsigned)d);
	if (*s == 'T' || *s == ' ') {
		s++;
		if (parse_time(&s, w))
			return -1;
	}
	while (*s == ' ')
		s++;
	return *s ? -1 : 0;
}

/* The argument as a number (1) or as text (0, *s), or -1 for NULL. */
static int arg(sqlite3_value *v, double *d, const char **s)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		*d = sqlite3_value_double(v);
		return isfinite(*d) ? 1 : -1;
	case SQLITE_NULL:
		return -1;
	default:
		*s = (const char *)sqlite3_value_text(v);
		return *s ? 0 : -1;
	}
}

static void result_date(sqlite3_context *ctx, long days)
{
	char buf[16];
	long y;
	unsigned m, d;

	if (days < DAYS_MIN || days > DAYS_MAX) {
		sqlite3_result_null(ctx);
		return;
	}
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static void fn_date(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	double d = 0;
	const char *s = NULL;
	struct when w;
	int k = arg(argv[0], &d, &s);

	(void)argc;
	if (k == 1 && fabs(d) < 1e7)
		result_date(ctx, (long)d); /* toInt: towards zero */
	else if (k == 0 && !parse_when(s, &w) && w.has_date)
		result_date(ctx, w.days);
	else
		sqlite3_result_null(ctx);
}

static void fn_date_time(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	double d = 0, ms;
	const char *s = NULL;
	struct when w;
	char buf[48];
	long y, days;
	unsigned m, dd;
	int k = arg(argv[0], &d, &s);

	(void)argc;
	if (k == 0 && !parse_when(s, &w) && w.has_date) {
		sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
		return;
	}
	if (k != 1 || !(fabs(d) < 1e7)) {
		sqlite3_result_null(ctx);
		return;
	}
	ms = floor(d * 86400000.0 + 0.5); /* JavaRosa keeps milliseconds */
	days = (long)floor(ms / 86400000.0);
	ms -= days * 86400000.0;
	if (days < DAYS_MIN || days > DAYS_MAX) {
		sqlite3_result_null(ctx);
		return;
	}
	civil_from_days(days, &y, &m, &dd);
	snprintf(buf, sizeof buf, "%04ld-%02u-%02uT%02d:%02d:%02d.%03d+00:00", y, m, dd,
		 (int)(ms / 3600000), (int)fmod(ms / 60000, 60), (int)fmod(ms / 1000, 60),
		 (int)fmod(ms, 1000));
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static void fn_decimal_dt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	double d = 0;
	const char *s = NULL;
	struct when w;
	int k = arg(argv[0], &d, &s);

	(void)argc;
	if (k == 1)
		sqlite3_result_double(ctx, d);
	else if (k == 0 && !parse_when(s, &w) && w.has_date)
		sqlite3_result_double(ctx, w.days + (w.secs - (double)w.zone) / 86400.0);
	else
		sqlite3_result_null(ctx);
}

static void fn_decimal_time(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	double d = 0;
	const char *s = NULL;
	struct when w;
	int k = arg(argv[0], &d, &s);

	(void)argc;
	if (k == 1)
		sqlite3_result_double(ctx, d - floor(d));
	else if (k == 0 && !parse_when(s, &w) && (w.has_time || w.has_date))
		sqlite3_result_double(ctx, fmod(w.secs, 86400.0) / 86400.0);
	else
		sqlite3_result_null(ctx);
}

int expr_register_date(sqlite3 *db)
{
	static const struct expr_sql_fn fns[] = {
		{ "fc_date", 1, fn_date, 0 }, { "fc_date_time", 1, fn_date_time, 0 },
		{ "fc_decimal_dt", 1, fn_decimal_dt, 0 }, { "fc_decimal_time", 1, fn_decimal_time, 0 },
	};

	return expr_register_fns(db, fns, ARRAY_SIZE(fns));
}
