/* media_cols.c - whether a survey row shows media: a value in one of
 * XLSForm's media columns (image, big-image, audio, video, each also as
 * media::image and per language), which fieldcheck reads as unused columns.
 * pyxform lets such a row go without a label (the picture is the text);
 * the loader then takes it with a warning rather than refusing it. */
#include <string.h>
#include <strings.h>

#include "forms/engine/survey_impl.h"

/* Whether header cell h names a media column. */
static int media_header(const char *h)
{
	static const char *const kinds[] = { "image", "big-image", "audio", "video" };
	size_t k, n;

	if (!strncasecmp(h, "media:", 6))
		h += 6 + (h[6] == ':');
	for (k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		n = strlen(kinds[k]);
		if (!strncasecmp(h, kinds[k], n) && (!h[n] || h[n] == ':'))
			return 1;
	}
	return 0;
}

const char *survey_row_media(const struct survey *sv, const struct csv_row *row)
{
	const struct csv_row *head = &sv->sh.csv.rows[0];
	size_t k;

	for (k = 0; k < head->n && k < row->n; k++)
		if (row->cells[k].len && media_header(head->cells[k].s))
			return head->cells[k].s;
	return NULL;
}
