/* exif.c - a bounded reader of a JPEG's Exif block (see exif.h).
 *
 * The JPEG's segments are walked from the start to the first APP1 that
 * begins "Exif\0\0"; its body is a little TIFF file whose offsets count
 * from the TIFF header.  Only the values read are looked at, so a maker
 * note we never read cannot refuse a photo; every value read is checked to
 * lie inside the block.
 */
#include "exif.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "strbuf.h"
#include "core/i18n.h"

#define TAG_EXIF_IFD 0x8769
#define TAG_GPS_IFD 0x8825
#define TAG_DATE_ORIGINAL 0x9003
#define TAG_OFFSET_ORIGINAL 0x9011
#define TYPE_ASCII 2
#define TYPE_LONG 4
#define TYPE_RATIONAL 5
#define TYPE_IFD 13

struct tiff {
	const unsigned char *p;
	size_t n;
	int be;                 /* "MM": big-endian */
	size_t seen[3];         /* the IFDs read: IFD0, Exif, GPS */
	size_t nseen;
	struct fc_err *err;
};

struct entry {
	unsigned tag, type;
	uint32_t count;
	size_t field;           /* where the value or its offset sits */
};

static unsigned u16(const struct tiff *t, size_t off)
{
	const unsigned char *b = t->p + off;
	return t->be ? (unsigned)b[0] << 8 | b[1] : (unsigned)b[1] << 8 | b[0];
}

static uint32_t u32(const struct tiff *t, size_t off)
{
	const unsigned char *b = t->p + off;
	return t->be ? (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]
		     : (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

static int outside(struct tiff *t, size_t off)
{
	return fc_fail(t->err, _("Exif: an offset outside the block (byte %zu)"), off);
}

/* Where the value of e starts, checked: count values of size `each`,
 * inline when they fit in four bytes, else at the offset the entry gives. */
static int value_at(struct tiff *t, const struct entry *e, size_t each, size_t *at)
{
	size_t size, off;

	if (e->count > t->n / each)
		return outside(t, e->field);
	size = e->count * each;
	off = size <= 4 ? e->field : u32(t, e->field);
	if (off > t->n || size > t->n - off)
		return outside(t, off);
	*at = off;
	return 0;
}

/* The entry's ASCII value when it has at least `want` characters. */
static int ascii(struct tiff *t, const struct entry *e, size_t want, const char **s)
{
	size_t at;

	*s = NULL;
	if (e->type != TYPE_ASCII || e->count < want)
		return 0;
	if (value_at(t, e, 1, &at))
		return -1;
	*s = (const char *)t->p + at;
	return 0;
}

typedef int (*tag_fn)(struct tiff *t, const struct entry *e, void *ctx);

/* Calls fn for each entry of the IFD at off, which must not have been read
 * before (an IFD that points back at one read is a loop). */
static int ifd_walk(struct tiff *t, size_t off, tag_fn fn, void *ctx)
{
	size_t i, count;

	for (i = 0; i < t->nseen; i++)
		if (t->seen[i] == off)
			return fc_fail(t->err, _("Exif: an IFD reached twice (a loop, byte %zu)"), off);
	if (t->nseen == ARRAY_SIZE(t->seen))
		return outside(t, off);
	t->seen[t->nseen++] = off;
	if (off > t->n || t->n - off < 2)
		return outside(t, off);
	count = u16(t, off);
	if (count > EXIF_MAX_ENTRIES)
		return fc_fail(t->err, _("Exif: an IFD of %zu entries (at most %d)"), count,
			       EXIF_MAX_ENTRIES);
	if ((t->n - off - 2) / 12 < count)
		return fc_fail(t->err, _("Exif block cut short at byte %zu"), t->n);
	for (i = 0; i < count; i++) {
		size_t at = off + 2 + 12 * i;
		struct entry e = { u16(t, at), u16(t, at + 2), u32(t, at + 4), at + 8 };
		if (fn(t, &e, ctx))
			return -1;
	}
	return 0;
}

/* "YYYY:MM:DD HH:MM:SS" into out as YYYY-MM-DDTHH:MM:SS; cameras write
 * blanks or zeros when their clock was never set, which is no date. */
static int parse_date(const char *s, struct exif_info *out)
{
	char ts[FC_TIMESTAMP_LEN + 1];

	/* checked as a timestamp (core/clock.h) at UTC; the offset is apart */
	if (s[4] != ':' || s[7] != ':' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
		return 0;
	snprintf(ts, sizeof ts, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s+00:00", s, s + 5, s + 8, s + 11,
		 s + 14, s + 17);
	if (timestamp_check(ts, "", NULL))
		return 0;
	snprintf(out->taken, sizeof out->taken, "%.19s", ts);
	out->has_time = 1;
	return 0;
}

static void parse_offset(const char *s, struct exif_info *out)
{
	char ts[FC_TIMESTAMP_LEN + 1];

	snprintf(ts, sizeof ts, "2000-01-01T00:00:00%.6s", s);
	if (timestamp_check(ts, "", NULL) == 0)
		snprintf(out->offset, sizeof out->offset, "%.6s", s);
}

static int exif_tag(struct tiff *t, const struct entry *e, void *ctx)
{
	struct exif_info *out = ctx;
	const char *s;

	if (e->tag == TAG_DATE_ORIGINAL) {
		if (ascii(t, e, 19, &s))
			return -1;
		return s ? parse_date(s, out) : 0;
	}
	if (e->tag == TAG_OFFSET_ORIGINAL) {
		if (ascii(t, e, 6, &s))
			return -1;
		if (s)
			parse_offset(s, out);
	}
	return 0;
}

/* What the GPS IFD says, gathered before it is judged. */
struct gps {
	char lat_ref, lon_ref;
	double lat, lon, error_m;
	int have;               /* bit 0 latitude, bit 1 longitude */
};

/* The entry's count rationals into v, *ok set when it holds exactly that
 * many with no zero denominator; -1 only for an offset outside the block. */
static int rationals(struct tiff *t, const struct entry *e, double *v, uint32_t count,
		     int *ok)
{
	size_t at;
	uint32_t i;

	*ok = 0;
	if (e->type != TYPE_RATIONAL || e->count != count)
		return 0;
	if (value_at(t, e, 8, &at))
		return -1;
	for (i = 0; i < count; i++) {
		uint32_t den = u32(t, at + 8 * i + 4);
		if (den == 0)
			return 0;
		v[i] = (double)u32(t, at + 8 * i) / den;
	}
	*ok = 1;
	return 0;
}

/* Degrees, minutes and seconds as degrees; -1 when they cannot be one. */
static double dms(const double v[3], double max)
{
	double d = v[0] + v[1] / 60 + v[2] / 3600;
	return v[1] >= 60 || v[2] >= 60 || d > max ? -1 : d;
}

static int gps_tag(struct tiff *t, const struct entry *e, void *ctx)
{
	struct gps *g = ctx;
	const char *s;
	double v[3];
	int ok;

	if (e->tag == 1 || e->tag == 3) {
		if (ascii(t, e, 1, &s))
			return -1;
		if (s)
			*(e->tag == 1 ? &g->lat_ref : &g->lon_ref) = s[0];
	} else if (e->tag == 2 || e->tag == 4) {
		if (rationals(t, e, v, 3, &ok))
			return -1;
		if (ok && dms(v, e->tag == 2 ? 90 : 180) >= 0) {
			*(e->tag == 2 ? &g->lat : &g->lon) = dms(v, e->tag == 2 ? 90 : 180);
			g->have |= e->tag == 2 ? 1 : 2;
		}
	} else if (e->tag == 0x1f) {
		if (rationals(t, e, v, 1, &ok))
			return -1;
		if (ok)
			g->error_m = v[0];
	}
	return 0;
}

struct ifd0 {
	size_t exif, gps;       /* 0: none */
};

static int ifd0_tag(struct tiff *t, const struct entry *e, void *ctx)
{
	struct ifd0 *z = ctx;
	size_t at;

	if ((e->tag != TAG_EXIF_IFD && e->tag != TAG_GPS_IFD) || e->count != 1 ||
	    (e->type != TYPE_LONG && e->type != TYPE_IFD))
		return 0;
	if (value_at(t, e, 4, &at))
		return -1;
	*(e->tag == TAG_EXIF_IFD ? &z->exif : &z->gps) = u32(t, at);
	return 0;
}

static int gps_read(struct tiff *t, size_t off, struct exif_info *out)
{
	struct gps g = { 0, 0, 0, 0, -1, 0 };

	if (ifd_walk(t, off, gps_tag, &g))
		return -1;
	if (g.have != 3 || (g.lat_ref != 'N' && g.lat_ref != 'S') ||
	    (g.lon_ref != 'E' && g.lon_ref != 'W'))
		return 0;
	out->has_gps = 1;
	out->lat = g.lat_ref == 'S' ? -g.lat : g.lat;
	out->lon = g.lon_ref == 'W' ? -g.lon : g.lon;
	out->error_m = g.error_m;
	return 0;
}

static int tiff_read(const unsigned char *p, size_t n, struct exif_info *out,
		     struct fc_err *err)
{
	struct tiff t = { p, n, 0, { 0 }, 0, err };
	struct ifd0 z = { 0, 0 };

	if (n < 8 || !((p[0] == 'I' && p[1] == 'I') || (p[0] == 'M' && p[1] == 'M')))
		return fc_fail(err, _("Exif: not a TIFF header"));
	t.be = p[0] == 'M';
	if (u16(&t, 2) != 42)
		return fc_fail(err, _("Exif: not a TIFF header"));
	if (ifd_walk(&t, u32(&t, 4), ifd0_tag, &z))
		return -1;
	if (z.exif && ifd_walk(&t, z.exif, exif_tag, out))
		return -1;
	return z.gps ? gps_read(&t, z.gps, out) : 0;
}

int exif_read(const unsigned char *buf, size_t len, struct exif_info *out, struct fc_err *err)
{
	size_t pos = 2, seg;

	memset(out, 0, sizeof *out);
	out->error_m = -1;
	if (len > EXIF_MAX_READ)
		len = EXIF_MAX_READ;
	if (len < 2 || buf[0] != 0xff || buf[1] != 0xd8)
		return 0;
	while (pos + 4 <= len && buf[pos] == 0xff) {
		unsigned m = buf[pos + 1];
		if (m == 0xff) {                        /* fill byte */
			pos++;
			continue;
		}
		if (m == 0xd9 || m == 0xda)             /* end, or the image data */
			return 0;
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			pos += 2;
			continue;
		}
		seg = (size_t)buf[pos + 2] << 8 | buf[pos + 3];
		if (seg < 2)
			return fc_fail(err, _("Exif block cut short at byte %zu"), pos);
		if (m == 0xe1 && seg >= 8 && pos + 10 <= len && !memcmp(buf + pos + 4, "Exif\0\0", 6)) {
			if (seg > len - pos - 2)
				return fc_fail(err, _("Exif block cut short at byte %zu"), len);
			return tiff_read(buf + pos + 10, seg - 8, out, err);
		}
		pos += 2 + seg;
	}
	return 0;
}
