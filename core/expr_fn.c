/* expr_fn.c - the XPath functions of ODK forms that SQLite lacks, with the
 * meanings ODK Collect (JavaRosa) gives them.
 *
 * Numbers: round (one argument: XPath's floor(x + 0.5); two: half away from
 * zero at that many places, as JavaRosa's BigDecimal HALF_UP), pow, sqrt,
 * floor, ceiling.  Text: substr with 0-based start and exclusive end,
 * selected-at (0-based word).  Dates: format-date's %Y %y %m %n %b %d %e %a
 * %H %h %M %S %3.  A value that is not a number where a number is wanted is
 * NaN, which these functions return as NULL, as the translation expects.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "expr_impl.h"
#include "strbuf.h"

const char *const expr_xpath_functions[] = {
	"fc_round", "fc_pow", "fc_sqrt", "fc_floor", "fc_ceiling", "fc_substr",
	"fc_selected_at", "fc_format_date", "fc_numstr", NULL,
};

/* The argument as a finite number, or 0 with *ok cleared. */
static double num_arg(sqlite3_value *v, int *ok)
{
	double d;

	if (sqlite3_value_type(v) == SQLITE_NULL) {
		*ok = 0;
		return 0;
	}
	if (sqlite3_value_type(v) == SQLITE_TEXT) {
		const char *s = (const char *)sqlite3_value_text(v);
		if (!s || !expr_number_text(s, strlen(s))) {
			*ok = 0;
			return 0;
		}
	}
	d = sqlite3_value_double(v);
	if (!isfinite(d))
		*ok = 0;
	return d;
}

static void result_num(sqlite3_context *ctx, double d, int ok)
{
	if (ok && isfinite(d))
		sqlite3_result_double(ctx, d);
	else
		sqlite3_result_null(ctx);
}

static void fn_round(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int ok = 1;
	double x = num_arg(argv[0], &ok), places = argc > 1 ? num_arg(argv[1], &ok) : 0, f;

	if (argc == 1) {
		result_num(ctx, floor(x + 0.5), ok);
		return;
	}
	if (!ok || places > 15 || places < -15) {
		result_num(ctx, x, ok && places > 15);
		return;
	}
	f = pow(10, (int)places);
	x *= f;
	x = x < 0 ? -floor(-x + 0.5) : floor(x + 0.5);
	result_num(ctx, x / f, ok);
}

static void fn_pow(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int ok = 1;
	double a = num_arg(argv[0], &ok), b = num_arg(argv[1], &ok);

	(void)argc;
	result_num(ctx, pow(a, b), ok);
}

static void fn_sqrt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int ok = 1;
	double a = num_arg(argv[0], &ok);

	(void)argc;
	result_num(ctx, sqrt(a), ok && a >= 0);
}

static void fn_floor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int ok = 1;
	double a = num_arg(argv[0], &ok);

	(void)argc;
	result_num(ctx, floor(a), ok);
}

static void fn_ceiling(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int ok = 1;
	double a = num_arg(argv[0], &ok);

	(void)argc;
	result_num(ctx, ceil(a), ok);
}

/* The byte offset of character `ch` of s (len bytes), or len. */
static size_t char_offset(const char *s, size_t len, long ch)
{
	size_t i = 0;

	while (i < len && ch > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		ch--;
	}
	return i;
}

static long char_count(const char *s, size_t len)
{
	long n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* substr(s, start[, end]): characters start .. end-1, counted from 0;
 * a negative index counts from the end, as JavaRosa's does. */
static void fn_substr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]), a, b;
	int ok = 1;
	double ds = num_arg(argv[1], &ok), de;
	long n, start, end;

	if (!s)
		s = "", len = 0;
	n = char_count(s, len);
	de = argc > 2 ? num_arg(argv[2], &ok) : (double)n;
	if (!ok) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	start = ds < -n ? 0 : ds < 0 ? n + (long)ds : ds > n ? n : (long)ds;
	end = de < -n ? 0 : de < 0 ? n + (long)de : de > n ? n : (long)de;
	if (end <= start) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	a = char_offset(s, len, start);
	b = char_offset(s, len, end);
	sqlite3_result_text(ctx, s + a, (int)(b - a), SQLITE_TRANSIENT);
}

static void fn_selected_at(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *p = (const char *)sqlite3_value_text(argv[0]);
	int ok = 1;
	double k = num_arg(argv[1], &ok);
	long want = ok && k >= 0 && k < 1e9 ? (long)k : -1;

	(void)argc;
	while (p && *p && want >= 0) {
		size_t n;
		p += strspn(p, " \t\n\r");
		n = strcspn(p, " \t\n\r");
		if (!n)
			break;
		if (want-- == 0) {
			sqlite3_result_text(ctx, p, (int)n, SQLITE_TRANSIENT);
			return;
		}
		p += n;
	}
	sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
}

/* fc_numstr(x): a number as XPath's string() writes it: no ".0" on a whole
 * number, the shortest digits that read back as the same double; NULL
 * (NaN) stays NULL for the caller to spell. */
static void fn_numstr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[40];
	double d;
	int prec;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
		snprintf(buf, sizeof buf, "%lld", (long long)sqlite3_value_int64(argv[0]));
	} else if (sqlite3_value_type(argv[0]) == SQLITE_FLOAT) {
		d = sqlite3_value_double(argv[0]);
		if (!isfinite(d)) {
			sqlite3_result_text(ctx, d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN",
					    -1, SQLITE_STATIC);
			return;
		}
		if (d == floor(d) && fabs(d) < 1e15) {
			snprintf(buf, sizeof buf, "%.0f", d == 0 ? 0.0 : d);
		} else {
			for (prec = 1; prec <= 17; prec++) {
				snprintf(buf, sizeof buf, "%.*g", prec, d);
				if (strtod(buf, NULL) == d)
					break;
			}
		}
	} else {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

struct when {
	int y, mo, d, h, mi, s, ms;
};

static int digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "YYYY-MM-DD", optionally "THH:MM[:SS[.sss]]" and a zone, which is kept as
 * written (the time is shown as it was recorded, not converted). */
static int parse_when(const char *s, struct when *w)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	memset(w, 0, sizeof *w);
	if (strlen(s) < 10 || digits(s, 4, &w->y) || s[4] != '-' || digits(s + 5, 2, &w->mo) ||
	    s[7] != '-' || digits(s + 8, 2, &w->d) || w->mo < 1 || w->mo > 12 || w->d < 1 ||
	    w->d > mdays[w->mo - 1] ||
	    (w->mo == 2 && w->d == 29 && (w->y % 4 || (w->y % 100 == 0 && w->y % 400))))
		return -1;
	s += 10;
	if (*s != 'T')
		return *s ? -1 : 0;
	if (digits(s + 1, 2, &w->h) || s[3] != ':' || digits(s + 4, 2, &w->mi) || w->h > 23 ||
	    w->mi > 59)
		return -1;
	s += 6;
	if (*s == ':' && (digits(s + 1, 2, &w->s) || w->s > 59))
		return -1;
	if (*s == ':' && s[3] == '.' && digits(s + 4, 3, &w->ms))
		return -1;
	return 0;
}

/* 0 for Sunday (days from 1970-01-01, a Thursday, as in days_from_civil). */
static int weekday(const struct when *w)
{
	int y = w->y - (w->mo <= 2), era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (w->mo + (w->mo > 2 ? -3 : 9)) + 2) / 5 + w->d - 1);
	long days = (long)era * 146097 + (long)(yoe * 365 + yoe / 4 - yoe / 100 + doy) - 719468;

	return (int)(((days % 7) + 11) % 7);
}

static void fn_format_date(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					   "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const char *const day[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	const char *d = (const char *)sqlite3_value_text(argv[0]);
	const char *f = (const char *)sqlite3_value_text(argv[1]);
	struct strbuf sb;
	struct when w;

	(void)argc;
	if (!d || !f || parse_when(d, &w)) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	strbuf_init(&sb);
	for (; *f && sb.len < 4096; f++) {
		if (*f != '%' || !f[1]) {
			strbuf_addc(&sb, *f);
			continue;
		}
		switch (*++f) {
		case 'Y': strbuf_addf(&sb, "%04d", w.y); break;
		case 'y': strbuf_addf(&sb, "%02d", w.y % 100); break;
		case 'm': strbuf_addf(&sb, "%02d", w.mo); break;
		case 'n': strbuf_addf(&sb, "%d", w.mo); break;
		case 'b': strbuf_adds(&sb, mon[w.mo - 1]); break;
		case 'd': strbuf_addf(&sb, "%02d", w.d); break;
		case 'e': strbuf_addf(&sb, "%d", w.d); break;
		case 'a': strbuf_adds(&sb, day[weekday(&w)]); break;
		case 'H': strbuf_addf(&sb, "%02d", w.h); break;
		case 'h': strbuf_addf(&sb, "%d", w.h); break;
		case 'M': strbuf_addf(&sb, "%02d", w.mi); break;
		case 'S': strbuf_addf(&sb, "%02d", w.s); break;
		case '3': strbuf_addf(&sb, "%03d", w.ms); break;
		default: strbuf_addc(&sb, '%'); strbuf_addc(&sb, *f); break;
		}
	}
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_release(&sb);
}

int expr_register_xpath(sqlite3 *db)
{
	static const struct expr_sql_fn fns[] = {
		{ "fc_round", 1, fn_round, 0 }, { "fc_round", 2, fn_round, 0 },
		{ "fc_pow", 2, fn_pow, 0 }, { "fc_sqrt", 1, fn_sqrt, 0 },
		{ "fc_floor", 1, fn_floor, 0 }, { "fc_ceiling", 1, fn_ceiling, 0 },
		{ "fc_substr", 2, fn_substr, 0 }, { "fc_substr", 3, fn_substr, 0 },
		{ "fc_selected_at", 2, fn_selected_at, 0 }, { "fc_format_date", 2, fn_format_date, 0 },
		{ "fc_numstr", 1, fn_numstr, 0 },
	};
	return expr_register_fns(db, fns, ARRAY_SIZE(fns));
}
