/* attachment.c - checks, order and merge of a record's attachment lines
 * (attachment.h). */
#include "attachment.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "media_type.h"
#include "strbuf.h"
#include "text.h"

static int hex_check(const char *s, size_t len, const char *what, struct fc_err *err)
{
	size_t i;
	for (i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			break;
	if (i != len || s[len])
		return fc_fail(err, _("%s '%.70s' is not %zu lower-case hex digits"), what, s, len);
	return 0;
}

/* One of the kinds of file the evidence store keeps (core/media_type.h):
 * a line claiming any other could point a viewer at anything. */
static int type_check(const char *t, struct fc_err *err)
{
	if (media_type_parse(t) == MEDIA_UNKNOWN)
		return fc_fail(err, _("'%.60s' is not a kind of file fieldcheck keeps"), t);
	return 0;
}

/* One decimal number between lo and hi, written plainly: an optional minus,
 * digits, and an optional point with digits (no exponent, no hex, no inf:
 * the text is kept as written, so one way of writing it). */
static const char *geo_number(const char *s, double lo, double hi)
{
	const char *p = s + (*s == '-');
	size_t whole = strspn(p, "0123456789"), frac = 0;
	double v;

	if (!whole || whole > 12)
		return NULL;
	p += whole;
	if (*p == '.') {
		frac = strspn(p + 1, "0123456789");
		if (!frac || frac > 12)
			return NULL;
		p += 1 + frac;
	}
	v = strtod(s, NULL);
	return v < lo || v > hi ? NULL : p;
}

int geo_check(const char *geo, const char *what, struct fc_err *err)
{
	static const double range[4][2] = { { -90, 90 }, { -180, 180 }, { -12000, 100000 },
					    { 0, 1e7 } };
	const char *p = geo;
	size_t i;

	if (!*geo)
		return 0;
	if (strlen(geo) > MAX_GEO)
		goto bad;
	for (i = 0; i < 4; i++) {
		if (i && *p++ != ' ')
			goto bad;
		if (!(p = geo_number(p, range[i][0], range[i][1])))
			goto bad;
	}
	if (!*p)
		return 0;
bad:
	return fc_fail(err, _("%s '%.80s' is not a position (latitude, longitude, altitude and "
		       "accuracy: four numbers, like 30.27 120.15 12 5)"), what, geo);
}

static int name_check(const char *name, struct fc_err *err)
{
	if (!*name)
		return fc_fail(err, _("the file has no name"));
	if (strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return fc_fail(err, _("file name '%.80s' names a folder"), name);
	return text_check(name, strlen(name), TEXT_LINE, MAX_FILE_NAME, _("file name"), err);
}

int attachment_check(const struct fc_attachment *a, struct fc_err *err)
{
	if (text_check(a->to, strlen(a->to), TEXT_LINE, MAX_ITEM_KEY + FC_TIMESTAMP_LEN,
		       _("what the file documents"), err) ||
	    hex_check(a->sha256, 64, "sha256", err) || hex_check(a->blob, 40, "blob", err) ||
	    type_check(a->type, err) || name_check(a->name, err) ||
	    geo_check(a->geo, _("where the file was taken"), err) || badge_check(a->by, err) ||
	    timestamp_check(a->at, "attachment time", err) ||
	    (a->taken[0] && timestamp_check(a->taken, "time taken", err)) ||
	    (a->withdrawn[0] && timestamp_check(a->withdrawn, "withdrawal time", err)))
		return fc_err_prefix(err, _("file '%.80s'"), a->name ? a->name : "");
	if (a->size < 0)
		return fc_fail(err, _("file '%.80s': size %lld is negative"), a->name, a->size);
	return 0;
}

static int key_cmp(const struct fc_attachment *a, const struct fc_attachment *b)
{
	int c = strcmp(a->to, b->to);
	return c ? c : strcmp(a->sha256, b->sha256);
}

int attachments_check(const struct fc_attachment *list, size_t n, struct fc_err *err)
{
	size_t i, j;

	if (n > MAX_ATTACHMENTS)
		return fc_fail(err, _("%zu attached files, at most %d"), n, MAX_ATTACHMENTS);
	for (i = 0; i < n; i++) {
		if (attachment_check(&list[i], err))
			return fc_err_prefix(err, _("attachment %zu"), i + 1);
		if (i && attachment_cmp(&list[i - 1], &list[i]) >= 0)
			return fc_fail(err, _("attachment %zu is out of order"), i + 1);
		/* the same file for the same thing once: in order, equal keys
		 * share `to` and so sit in one run */
		for (j = i; j-- > 0 && !strcmp(list[j].to, list[i].to);)
			if (!key_cmp(&list[j], &list[i]))
				return fc_fail(err, _("file %s is attached twice to the same thing"),
					       list[i].sha256);
	}
	return 0;
}

int attachment_cmp(const void *pa, const void *pb)
{
	const struct fc_attachment *a = pa, *b = pb;
	int c = strcmp(a->to, b->to);
	if (!c)
		c = strcmp(a->at, b->at);
	return c ? c : strcmp(a->sha256, b->sha256);
}

void attachment_copy(struct fc_attachment *dst, const struct fc_attachment *src)
{
	*dst = *src;
	dst->to = xstrdup(src->to);
	dst->name = xstrdup(src->name);
}

void attachment_clear(struct fc_attachment *a)
{
	free(a->to);
	free(a->name);
	memset(a, 0, sizeof *a);
}

void attachments_free(struct fc_attachment *list, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		attachment_clear(&list[i]);
	free(list);
}

static int key_order(const void *pa, const void *pb)
{
	return key_cmp(*(const struct fc_attachment *const *)pa,
		       *(const struct fc_attachment *const *)pb);
}

/* A total order of lines for one (to, sha256): by `at`, then every other
 * field, so that which of two differing lines wins never depends on which
 * side held it. */
static int line_cmp(const struct fc_attachment *x, const struct fc_attachment *y)
{
	int c = strcmp(x->at, y->at);
	if (!c)
		c = strcmp(x->by, y->by);
	if (!c)
		c = strcmp(x->name, y->name);
	if (!c)
		c = strcmp(x->blob, y->blob);
	if (!c)
		c = (x->size > y->size) - (x->size < y->size);
	if (!c)
		c = strcmp(x->type, y->type);
	if (!c)
		c = strcmp(x->taken, y->taken);
	return c ? c : strcmp(x->geo, y->geo);
}

/* Of two lines for one (to, sha256): the earlier `at` (then the rest of
 * the line, so the choice never depends on which side is which), with the
 * earlier withdrawal of the two. */
static void pick(struct fc_attachment *out, const struct fc_attachment *x,
		 const struct fc_attachment *y)
{
	const struct fc_attachment *w = line_cmp(x, y) > 0 ? y : x;

	attachment_copy(out, w);
	if (!x->withdrawn[0] || (y->withdrawn[0] && strcmp(y->withdrawn, x->withdrawn) < 0))
		memcpy(out->withdrawn, y->withdrawn, sizeof out->withdrawn);
	else
		memcpy(out->withdrawn, x->withdrawn, sizeof out->withdrawn);
}

void attachments_union(const struct fc_attachment *a, size_t na,
		       const struct fc_attachment *b, size_t nb,
		       struct fc_attachment **out, size_t *n_out)
{
	const struct fc_attachment **all = xcalloc(na + nb + 1, sizeof *all);
	struct fc_attachment *res = xcalloc(na + nb + 1, sizeof *res);
	size_t i, n = 0;

	for (i = 0; i < na; i++)
		all[i] = &a[i];
	for (i = 0; i < nb; i++)
		all[na + i] = &b[i];
	if (na + nb)
		qsort(all, na + nb, sizeof *all, key_order);
	for (i = 0; i < na + nb; i++) {
		if (i + 1 < na + nb && !key_cmp(all[i], all[i + 1])) {
			pick(&res[n++], all[i], all[i + 1]);
			i++;
		} else {
			attachment_copy(&res[n++], all[i]);
		}
	}
	if (n)
		qsort(res, n, sizeof *res, attachment_cmp);
	free(all);
	*out = res;
	*n_out = n;
}
