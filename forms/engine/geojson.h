/* geojson.h - a select's choices from a GeoJSON file, as ODK Collect reads
 * one (docs.getodk.org/form-datasets, "Building selects from GeoJSON
 * files"): one top-level FeatureCollection; each feature a choice whose
 * name is its top-level id, else its "id" property, and whose label is its
 * "title" property; its properties and its geometry in ODK's format
 * ("lat lon alt 0", points joined by ";") are columns a lookup reads
 * (instance('file')/root/item[id = ${x}]/geometry).  Point, LineString and
 * Polygon only (a polygon's outer ring), as ODK takes.
 *
 * The file comes with a form, perhaps from a remote: the reader is strict
 * (JSON as RFC 8259 has it, valid UTF-8, no control characters in text),
 * bounded (GEOJSON_* below, CSV's sizes) and refuses what it cannot hold
 * rather than guessing.
 */
#ifndef FC_FORMS_GEOJSON_H
#define FC_FORMS_GEOJSON_H

#include <stddef.h>
#include "core/err.h"
#include "forms/engine/form.h"

#define GEOJSON_DEPTH_MAX 32      /* nested arrays and objects */
#define GEOJSON_FEATURES_MAX 50000 /* features (choices) in one file */
#define GEOJSON_COLS_MAX 64       /* distinct properties, id and geometry included */

/* Reads buf[0..len) into *out (its name left NULL; release it as a form's
 * list).  0, or -1 with err and *line, *col where the problem is. */
int geojson_list(const char *buf, size_t len, struct form_list *out, int *line, int *col,
		 struct fc_err *err);
/* Releases a list geojson_list filled. */
void geojson_list_release(struct form_list *l);

#endif
