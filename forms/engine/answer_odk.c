/* answer_odk.c - the answers of the question types ODK adds to plain
 * XLSForm, as ODK Collect records them, so a record means what it would:
 *
 *   acknowledge, trigger  "OK"
 *   range                 a number from start to end (either way) by step
 *   geotrace              points "LAT LON ALT ACC" joined by ';', two or more
 *   geoshape              the same, at least three points, closed (the last
 *                         point is the first again; added when typed without)
 *   rank                  every choice of the list once, in order, joined by
 *                         spaces
 *
 * A point may be typed as "LAT LON" (altitude and accuracy 0) and with
 * spaces around the ';'; it is stored in the one spelling above
 * (form_canonical_value).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/load_impl.h"

#define TRACE_POINTS_MAX 500

/* One point of a trace, p[0..n), into sb as "LAT LON ALT ACC"; 0 or -1. */
static int trace_point(const char *p, size_t n, struct strbuf *sb, struct fc_err *err)
{
	char pt[MAX_GEO + 1], *w[5], *save = NULL;
	size_t k = 0;

	if (n > MAX_GEO)
		return fc_fail(err, _("a point is longer than %d characters"), MAX_GEO);
	memcpy(pt, p, n);
	pt[n] = '\0';
	for (w[k] = strtok_r(pt, " \t", &save); w[k] && k < 4; w[k] = strtok_r(NULL, " \t", &save))
		k++;
	if (k < 2 || w[k]) {
		char q[MAX_GEO + 1];
		memcpy(q, p, n);
		q[n] = '\0';
		return fc_fail(err, _("'%s' is not a point (latitude longitude, then altitude "
				      "and accuracy if known)"), q);
	}
	{
		char *one = xstrfmt("%s %s %s %s", w[0], w[1], k > 2 ? w[2] : "0",
				    k > 3 ? w[3] : "0");
		int rc = geo_check(one, _("point"), err);
		if (!rc)
			strbuf_adds(sb, one);
		free(one);
		return rc;
	}
}

/* The points of v in their one spelling into sb (closed when shape); the
 * number of points (before closing), or -1 with err. */
static int trace_parse(const char *v, int shape, struct strbuf *sb, struct fc_err *err)
{
	const char *p = v;
	size_t first_len = 0;
	int n = 0;

	while (*p) {
		size_t len = strcspn(p, ";"), at = sb->len;
		const char *next = p + len + (p[len] == ';');
		while (len && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (!len && !*next && n)
			break; /* a ';' after the last point, as some tools write */
		if (n == TRACE_POINTS_MAX)
			return fc_fail(err, _("more than %d points"), TRACE_POINTS_MAX);
		if (n)
			strbuf_addc(sb, ';');
		if (trace_point(p, len, sb, err))
			return -1;
		if (!n++)
			first_len = sb->len - at;
		p = next;
	}
	if (shape && n >= 2 && !memcmp(sb->buf + sb->len - first_len, sb->buf, first_len) &&
	    sb->buf[sb->len - first_len - 1] == ';')
		n--; /* closed already */
	else if (shape && n) {
		char *f0 = xcalloc(first_len + 1, 1);
		memcpy(f0, sb->buf, first_len);
		strbuf_addf(sb, ";%s", f0);
		free(f0);
	}
	return n;
}

int form_check_trace(const char *v, int shape, struct fc_err *err)
{
	struct strbuf sb;
	int n;

	strbuf_init(&sb);
	n = trace_parse(v, shape, &sb, err);
	if (n >= 0 && sb.len > MAX_VALUE)
		n = fc_fail(err, _("the points are more than %d characters"), MAX_VALUE);
	else if (n >= 0 && n < (shape ? 3 : 2))
		n = fc_fail(err, shape ? _("a shape needs at least 3 points (separated by ';')")
			    : _("a line needs at least 2 points (separated by ';')"));
	strbuf_release(&sb);
	return n < 0 ? -1 : 0;
}

char *form_trace_canonical(const char *v, int shape)
{
	struct strbuf sb;
	struct fc_err err;

	strbuf_init(&sb);
	if (trace_parse(v, shape, &sb, &err) < 0) {
		strbuf_release(&sb);
		return xstrdup(v);
	}
	return strbuf_detach(&sb);
}

/* A number as written plainly (an optional minus, digits, a point with
 * digits); 0 with *out, or -1. */
static int plain_number(const char *s, double *out)
{
	const char *p = s + (*s == '-');
	size_t whole = strspn(p, "0123456789"), frac = 0;

	if (p[whole] == '.')
		frac = strspn(p + whole + 1, "0123456789");
	if (!whole || whole > 15 || frac > 15 || p[whole + (p[whole] == '.' ? 1 + frac : 0)] ||
	    (p[whole] == '.' && !frac))
		return -1;
	*out = strtod(s, NULL);
	return 0;
}

int form_check_range(const struct form_item *it, const char *v, struct fc_err *err)
{
	double x, lo = fmin(it->range.start, it->range.end), hi = fmax(it->range.start,
									 it->range.end);
	double k;

	if (plain_number(v, &x) || (!it->range.decimal && strchr(v, '.')))
		return fc_fail(err, it->range.decimal ? _("'%.40s' is not a number") :
			       _("'%.40s' is not a whole number"), v);
	if (x < lo || x > hi)
		return fc_fail(err, _("%.40s is not from %g to %g"), v, it->range.start,
			       it->range.end);
	k = (x - it->range.start) / it->range.step;
	if (fabs(k - round(k)) > 1e-9 * fmax(1, fabs(k)))
		return fc_fail(err, _("%.40s is not %g plus a multiple of %g"), v,
			       it->range.start, it->range.step);
	return 0;
}

int form_check_rank(const struct form_item *it, const char *v, struct fc_err *err)
{
	const char *p = v;
	size_t n = 0, k, len;

	if (!it->list)
		return fc_fail(err, _("the item has no list"));
	for (p += strspn(p, " "); *p; p += strspn(p, " ")) {
		const char *o;
		len = strcspn(p, " ");
		for (k = 0; k < it->list->n; k++)
			if (strlen(it->list->choices[k].name) == len &&
			    !memcmp(it->list->choices[k].name, p, len))
				break;
		if (k == it->list->n)
			return fc_fail(err, _("'%.*s' is not one of the item's choices"),
				       (int)(len > 64 ? 64 : len), p);
		for (o = v + strspn(v, " "); o < p; o += strcspn(o, " "), o += strspn(o, " "))
			if (strcspn(o, " ") == len && !memcmp(o, p, len))
				return fc_fail(err, _("'%.*s' is ranked twice"), (int)len, p);
		n++;
		p += len;
	}
	if (n != it->list->n)
		return fc_fail(err, _("a ranking puts every choice in order: %zu of %zu are "
				      "given"), n, it->list->n);
	return 0;
}
