/* exif.h - the time and place a JPEG photo says it was taken.
 *
 * A bounded reader of the Exif block (APP1) of a JPEG: the TIFF header in
 * either byte order, IFD0, its Exif IFD (DateTimeOriginal and, when
 * present, OffsetTimeOriginal) and its GPS IFD (latitude and longitude with
 * their references, and the horizontal error when given).  The photo comes
 * from anyone's camera or phone: every offset and count is checked against
 * the segment, an IFD is read at most once and holds at most
 * EXIF_MAX_ENTRIES entries, and only the first EXIF_MAX_READ bytes of the
 * file are ever looked at.
 */
#ifndef FC_EXIF_H
#define FC_EXIF_H

#include <stddef.h>
#include "err.h"

#define EXIF_MAX_READ (128 * 1024)
#define EXIF_MAX_ENTRIES 1024

struct exif_info {
	int has_time;
	char taken[20];      /* YYYY-MM-DDTHH:MM:SS, the camera's clock */
	char offset[7];      /* +HH:MM from OffsetTimeOriginal, or "" */
	int has_gps;
	double lat, lon;     /* decimal degrees, north and east positive */
	double error_m;      /* GPSHPositioningError in metres, or -1 */
};

/* Reads the Exif of the JPEG whose first len bytes are buf (bytes past
 * EXIF_MAX_READ are ignored).  0 with what was found (a JPEG without Exif,
 * or with a date or position that is blank or impossible, gives 0 with
 * has_time / has_gps unset); -1 when the Exif block itself is malformed:
 * cut short, an offset or count outside it, an IFD reached twice, too many
 * entries. */
int exif_read(const unsigned char *buf, size_t len, struct exif_info *out, struct fc_err *err);

#endif
