/* doc_photo.c - the photos of a document, where the builder puts them (see
 * doc.h): which attachment lines are shown, their captions, and the caps
 * that keep a document's size bounded. */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "evidence_store.h"
#include "i18n.h"
#include "model.h"

int doc_photo_drawn(const char *type)
{
	return !strcmp(type, "image/jpeg") || !strcmp(type, "image/png");
}

static int shown(const struct fc_attachment *a, const char *to)
{
	return !a->withdrawn[0] && !strcmp(a->to, to);
}

int doc_photos_any(const struct fc_attachment *list, size_t n, const char *to)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (shown(&list[i], to))
			return 1;
	return 0;
}

/* "name · 2026-11-28 09:30 · 31.23067 121.47300": the file's own name,
 * when it was taken (its own local time) and where (a geopoint's latitude
 * and longitude), each left out when the line has none. */
static void caption(const struct fc_attachment *a, struct strbuf *sb)
{
	const char *alt;

	strbuf_adds(sb, a->name ? a->name : "");
	if (a->taken[0])
		strbuf_addf(sb, " · %.10s %.5s", a->taken,
			    strlen(a->taken) > 11 ? a->taken + 11 : "");
	if (a->geo[0]) {
		/* the third field is the altitude: "LAT LON" is the first two */
		alt = strchr(a->geo, ' ');
		alt = alt ? strchr(alt + 1, ' ') : NULL;
		strbuf_addf(sb, " · %.*s", alt ? (int)(alt - a->geo) : (int)strlen(a->geo), a->geo);
	}
}

static void add(struct doc *d, const struct fc_attachment *a)
{
	struct strbuf sb;
	int here = evidence_present(d->ev, a->sha256, a->size);
	int drawn = doc_photo_drawn(a->type);

	if (here && drawn && (d->n_photos >= DOC_PHOTOS_MAX ||
			      (unsigned long long)a->size > DOC_PHOTO_BYTES_MAX - d->photo_bytes)) {
		d->photos_over++;
		return;
	}
	strbuf_init(&sb);
	if (here) {
		caption(a, &sb);
	} else {
		/* TRANSLATORS: %s is a photo's file name. */
		strbuf_addf(&sb, _("%s (not on this laptop)"), a->name ? a->name : a->sha256);
	}
	doc_add(d, DB_PHOTO, here ? a->sha256 : "", sb.buf, a->type);
	d->blocks[d->n - 1].size = a->size;
	if (here && drawn) {
		d->n_photos++;
		d->photo_bytes += (unsigned long long)a->size;
	}
	strbuf_release(&sb);
}

void doc_photos(struct doc *d, const struct fc_attachment *list, size_t n, const char *to)
{
	size_t i;

	for (i = 0; d->ev && i < n; i++)
		if (shown(&list[i], to))
			add(d, &list[i]);
}

void doc_photos_close(struct doc *d, const char *inspection)
{
	char buf[1024];

	if (!d->photos_over)
		return;
	snprintf(buf, sizeof buf,
		 /* TRANSLATORS: 1: how many photos, 2: at most this many per document,
		  * 3: MiB, 4: the evidence folder, 5: the inspection's short id. */
		 _("%zu more photos are not printed here: a document prints at most %d photos "
		   "(%llu MiB). They are kept in %s; 'fieldcheck inspection show %.8s' and "
		   "'fieldcheck hazard show' list them."),
		 d->photos_over, DOC_PHOTOS_MAX, DOC_PHOTO_BYTES_MAX >> 20, d->ev->dir, inspection);
	doc_para(d, buf);
}
