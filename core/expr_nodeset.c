/* expr_nodeset.c - ODK's functions over a repeat's values (a nodeset) and
 * over geopoints, with JavaRosa's meanings.
 *
 * A nodeset reaches SQL as one text value: each member as "<bytes>:<text>"
 * (expr_nodeset_add), so members may hold any text and two nodesets join
 * by SQL's ||.  forms/engine/eval.c builds it from the record's instances;
 * a single value becomes one with fc_ns1().
 *
 *   fc_ns_sum(ns)        sum of the members that are numbers (JavaRosa
 *                        skips NaN), 0 when none
 *   fc_ns_max/min(ns)    the largest/smallest number, NULL (NaN) when none
 *   fc_ns_nonempty(ns)   how many members are not ''
 *   fc_ns_join(sep, ns)  the members separated by sep
 *   fc_area(ns)          area(): m² enclosed by the points
 *   fc_distance(ns)      distance(): m along the points
 *   fc_geofence(p, ns)   geofence(): 1 when point p is inside the shape
 *   fc_in_range(v, lo, hi, whole)  checklist()'s test: lo <= v <= hi; with
 *                        whole, lo and hi are cut to integers (NaN is 0) and
 *                        a negative one is no bound (weighted-checklist:
 *                        not, and NaN anywhere is false)
 *
 * Each member of a geo nodeset is a geopoint "lat lon [alt [acc]]" or a
 * geotrace/geoshape, points separated by ';'.  GeoUtils.java's formulas:
 * a sphere of radius 6378100 m; area sums triangles on a plane projected
 * at the first point; distance is the great circle between successive
 * points; geofence is the even-odd crossing test.  Work is linear in the
 * input, which SQLite bounds (SQLITE_LIMIT_LENGTH).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "expr_impl.h"
#include "strbuf.h"

#define EARTH_RADIUS 6378100.0
#define EARTH_CIRCUMFERENCE (2 * EARTH_RADIUS * M_PI)

const char *const expr_nodeset_functions[] = {
	"fc_ns1", "fc_ns_sum", "fc_ns_max", "fc_ns_min", "fc_ns_nonempty", "fc_ns_join",
	"fc_area", "fc_distance", "fc_geofence", "fc_in_range", NULL,
};

void expr_nodeset_add(struct strbuf *sb, const char *v, size_t n)
{
	strbuf_addf(sb, "%zu:", n);
	strbuf_add(sb, v, n);
}

/* The next member of the nodeset at *p (up to end) into v, n: 1, or 0 at
 * the end or on anything malformed. */
static int ns_next(const char **p, const char *end, const char **v, size_t *n)
{
	size_t len = 0;
	const char *s = *p;

	if (s >= end)
		return 0;
	while (s < end && *s >= '0' && *s <= '9' && len < (1u << 30))
		len = len * 10 + (size_t)(*s++ - '0');
	if (s >= end || *s != ':' || s == *p || len > (size_t)(end - s - 1))
		return 0;
	*v = s + 1;
	*n = len;
	*p = s + 1 + len;
	return 1;
}

struct ns {
	const char *p, *end;
};

static struct ns ns_arg(sqlite3_value *v)
{
	struct ns ns;

	ns.p = (const char *)sqlite3_value_text(v);
	ns.end = ns.p ? ns.p + sqlite3_value_bytes(v) : NULL;
	return ns;
}

/* A member as XPath's number(): 1 with *d, or 0 for NaN. */
static int member_num(const char *v, size_t n, double *d)
{
	char buf[64];

	if (!n || n >= sizeof buf || !expr_number_text(v, n))
		return 0;
	memcpy(buf, v, n);
	buf[n] = '\0';
	*d = strtod(buf, NULL);
	return isfinite(*d);
}

static void fn_ns1(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf sb;
	const char *v = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	strbuf_init(&sb);
	expr_nodeset_add(&sb, v ? v : "", v ? (size_t)sqlite3_value_bytes(argv[0]) : 0);
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, free);
}

/* sum, max and min: which says. */
static void aggregate(sqlite3_context *ctx, sqlite3_value *arg, int which)
{
	struct ns ns = ns_arg(arg);
	const char *v;
	size_t n;
	double d, acc = 0;
	int any = 0;

	while (ns.p && ns_next(&ns.p, ns.end, &v, &n)) {
		if (!member_num(v, n, &d))
			continue;
		if (which == 0)
			acc += d;
		else if (!any || (which > 0 ? d > acc : d < acc))
			acc = d;
		any = 1;
	}
	if ((which && !any) || !isfinite(acc))
		sqlite3_result_null(ctx);
	else
		sqlite3_result_double(ctx, acc);
}

static void fn_ns_sum(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	aggregate(ctx, argv[0], 0);
}

static void fn_ns_max(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	aggregate(ctx, argv[0], 1);
}

static void fn_ns_min(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	aggregate(ctx, argv[0], -1);
}

static void fn_ns_nonempty(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct ns ns = ns_arg(argv[0]);
	const char *v;
	size_t n;
	long count = 0;

	(void)argc;
	while (ns.p && ns_next(&ns.p, ns.end, &v, &n))
		count += n > 0;
	sqlite3_result_int64(ctx, count);
}

static void fn_ns_join(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *sep = (const char *)sqlite3_value_text(argv[0]), *v;
	struct ns ns = ns_arg(argv[1]);
	struct strbuf sb;
	size_t n;
	int first = 1;

	(void)argc;
	strbuf_init(&sb);
	while (ns.p && ns_next(&ns.p, ns.end, &v, &n)) {
		if (!first && sep)
			strbuf_adds(&sb, sep);
		strbuf_add(&sb, v, n);
		first = 0;
	}
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, free);
}

/* --- geopoints ------------------------------------------------------- */

struct points {
	struct ns ns;
	const char *v, *vend; /* the rest of the member being read */
};

/* Reads "lat lon ..." from s..end: 1 with lat, lon; 0 if it is no point. */
static int parse_point(const char *s, const char *end, double *lat, double *lon)
{
	char buf[128], *e1, *e2;
	size_t n = (size_t)(end - s);

	if (n >= sizeof buf)
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*lat = strtod(buf, &e1);
	if (e1 == buf || (*e1 != ' ' && *e1 != '\t'))
		return 0;
	*lon = strtod(e1, &e2);
	if (e2 == e1 || (*e2 && *e2 != ' ' && *e2 != '\t'))
		return 0;
	return isfinite(*lat) && isfinite(*lon) && fabs(*lat) <= 90 && fabs(*lon) <= 180;
}

/* The next point: 1, 0 at the end, -1 on text that is no point. */
static int next_point(struct points *pt, double *lat, double *lon)
{
	for (;;) {
		const char *s, *e;
		size_t n;

		if (!pt->v || pt->v >= pt->vend) {
			if (!pt->ns.p || !ns_next(&pt->ns.p, pt->ns.end, &pt->v, &n))
				return 0;
			pt->vend = pt->v + n;
		}
		s = pt->v;
		e = memchr(s, ';', (size_t)(pt->vend - s));
		if (!e)
			e = pt->vend;
		pt->v = e + (e < pt->vend);
		while (s < e && (*s == ' ' || *s == '\t' || *s == '\n'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
			e--;
		if (s == e)
			continue; /* '' or the ';' a shape may end with */
		return parse_point(s, e, lat, lon) ? 1 : -1;
	}
}

static double rad(double deg)
{
	return deg * M_PI / 180.0;
}

static void fn_area(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct points pt = { ns_arg(argv[0]), NULL, NULL };
	double lat, lon, lat0 = 0, lon0 = 0, x, y, px = 0, py = 0, sum = 0;
	int r, k = 0;

	(void)argc;
	while ((r = next_point(&pt, &lat, &lon)) == 1) {
		if (k == 0) {
			lat0 = lat;
			lon0 = lon;
		} else {
			y = (lat - lat0) * EARTH_CIRCUMFERENCE / 360.0;
			x = (lon - lon0) * EARTH_CIRCUMFERENCE * cos(rad(lat)) / 360.0;
			if (k >= 2)
				sum += (py * x - px * y) / 2;
			px = x;
			py = y;
		}
		k++;
	}
	if (r < 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_double(ctx, fabs(sum));
}

static double between(double lat1, double lon1, double lat2, double lon2)
{
	double c = sin(rad(lat1)) * sin(rad(lat2)) +
		   cos(rad(lat1)) * cos(rad(lat2)) * cos(rad(lon1 - lon2));

	return acos(c > 1 ? 1 : c < -1 ? -1 : c) * EARTH_RADIUS;
}

static void fn_distance(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct points pt = { ns_arg(argv[0]), NULL, NULL };
	double lat, lon, plat = 0, plon = 0, sum = 0;
	int r, k = 0;

	(void)argc;
	while ((r = next_point(&pt, &lat, &lon)) == 1) {
		if (k++)
			sum += between(plat, plon, lat, lon);
		plat = lat;
		plon = lon;
	}
	if (r < 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_double(ctx, sum);
}

static void fn_geofence(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *p = (const char *)sqlite3_value_text(argv[0]);
	struct points pt = { ns_arg(argv[1]), NULL, NULL };
	double tx, ty, lat, lon, plat = 0, plon = 0;
	int r, k = 0, in = 0;

	(void)argc;
	if (!p || !parse_point(p, p + strlen(p), &ty, &tx)) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	while ((r = next_point(&pt, &lat, &lon)) == 1) {
		if (k++ && (lat > ty) != (plat > ty) &&
		    tx < (plon - lon) * (ty - lat) / (plat - lat) + lon)
			in = !in;
		plat = lat;
		plon = lon;
	}
	sqlite3_result_int(ctx, r == 0 && in);
}

static double num(sqlite3_value *v, int *nan)
{
	const char *s;

	if (sqlite3_value_type(v) == SQLITE_NULL ||
	    (sqlite3_value_type(v) == SQLITE_TEXT &&
	     (!(s = (const char *)sqlite3_value_text(v)) || !expr_number_text(s, strlen(s))))) {
		*nan = 1;
		return 0;
	}
	return sqlite3_value_double(v);
}

static void fn_in_range(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int nan = 0, nlo = 0, nhi = 0, whole = sqlite3_value_int(argv[3]);
	double v = num(argv[0], &nan), lo = num(argv[1], &nlo), hi = num(argv[2], &nhi);

	(void)argc;
	if (whole) {
		lo = nlo || !isfinite(lo) ? 0 : trunc(lo);
		hi = nhi || !isfinite(hi) ? 0 : trunc(hi);
		sqlite3_result_int(ctx, !nan && (lo < 0 || v >= lo) && (hi < 0 || v <= hi));
		return;
	}
	sqlite3_result_int(ctx, !nan && !nlo && !nhi && v >= lo && v <= hi);
}

int expr_register_nodeset(sqlite3 *db)
{
	static const struct expr_sql_fn fns[] = {
		{ "fc_ns1", 1, fn_ns1, 0 }, { "fc_ns_sum", 1, fn_ns_sum, 0 },
		{ "fc_ns_max", 1, fn_ns_max, 0 }, { "fc_ns_min", 1, fn_ns_min, 0 },
		{ "fc_ns_nonempty", 1, fn_ns_nonempty, 0 }, { "fc_ns_join", 2, fn_ns_join, 0 },
		{ "fc_area", 1, fn_area, 0 }, { "fc_distance", 1, fn_distance, 0 },
		{ "fc_geofence", 2, fn_geofence, 0 }, { "fc_in_range", 4, fn_in_range, 0 },
	};
	return expr_register_fns(db, fns, ARRAY_SIZE(fns));
}
