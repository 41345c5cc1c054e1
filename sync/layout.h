/* layout.h - where each record lives in the replica's tree (see
 * docs/ARCHITECTURE.md, "The replica's layout").
 *
 *   FORMAT                                  ("fieldcheck 2\n"; absent: format 1)
 *   enterprises/<credit code>.json
 *   inspections/<YYYY>/<MM>/<uuid>.json     (the month it was started)
 *   hazards/<YYYY>/<MM>/<uuid>.json         (format 2: the month it was found)
 *   hazards/<first two hex of uuid>/<uuid>.json   (format 1)
 *   forms/<form id>/<version>/{survey,choices,settings}.csv
 *   forms/<form id>/<version>/<file>.csv     (a select_one_from_file's,
 *                                            named as form_file_name_ok says)
 *   roster/allowed_signers                  (who may sign: core/roster.h)
 *   numbers/<authority>/<YYYY>/<kind>/<start>.json
 *                                           (a block of document numbers
 *                                           claimed: sync/claims.h)
 *
 * Sharded so that no tree grows past a few thousand entries, which keeps
 * every commit's rewritten trees small; by month, so that a batch of new
 * records touches the trees of a month or two, not all 256 hex shards
 * (docs/ARCHITECTURE.md, "Format 2").  Anything fetched whose path is not
 * exactly one of these is refused (quarantined), never interpreted; a
 * hazard must be at the path of its tree's format.
 */
#ifndef FC_LAYOUT_H
#define FC_LAYOUT_H

#include <stddef.h>
#include "core/record.h"
#include "forms/engine/form.h"

/* The largest form file a sync takes (records: MAX_RECORD_BYTES). */
#define MAX_FORM_FILE (4u << 20)

/* The marker of a tree's format at its root, and the formats: a tree
 * without the marker is format 1, hazards sharded by hex. */
#define LAYOUT_FORMAT_PATH "FORMAT"
#define LAYOUT_FORMAT_OLD 1
#define LAYOUT_FORMAT 2             /* the format this fieldcheck writes */
#define LAYOUT_FORMAT_TEXT "fieldcheck 2\n"   /* FORMAT's content in format 2 */

enum layout_kind { LAY_RECORD, LAY_FORM_FILE, LAY_ROSTER, LAY_FORMAT, LAY_CLAIM, LAY_INVALID };

/* The folder of the claims of document numbers (sync/claims.h). */
#define LAYOUT_NUMBERS "numbers"

struct layout_path {
	enum layout_kind kind;
	enum record_kind rec;       /* LAY_RECORD */
	int format;                 /* a hazard's path: the format whose shape it
				     * has (1 by hex, 2 by month); else 0, any */
	char id[40];                /* LAY_RECORD: code or uuid; LAY_FORM_FILE: form id */
	int version;                /* LAY_FORM_FILE */
	char file[FORM_FILE_NAME_MAX]; /* LAY_FORM_FILE: survey.csv, choices.csv,
				     * settings.csv or one of the form's files */
};

/* The path of a record in a tree of `format`; created_at decides an
 * inspection's month, the first event's (found) time a hazard's. */
void layout_record_path(const struct fc_record *r, int format, char *out, size_t size);
/* A hazard's path from its id and the time it was found. */
void layout_hazard_path(const char *id, const char *found_at, int format, char *out,
			size_t size);
/* The format-1 path of a hazard's format-2 (month) path: where commits
 * made before the migration wrote it.  0 for any other path. */
int layout_format1_path(const char *path, char *out, size_t size);
/* The number N of a FORMAT file's content "fieldcheck N\n" (N without a
 * leading zero, at most 6 digits); 0 for any other bytes. */
int layout_format_number(const char *s, size_t len);
/* The path of a form file (`file` without .csv: "survey", "sites"). */
void layout_form_path(const char *form_id, int version, const char *file, char *out,
		      size_t size);
/* Parses a path from the tree, a hazard's in either format's shape (which
 * one a tree allows is layout_matches's to say); LAY_INVALID with a reason
 * in err otherwise. */
int layout_parse(const char *path, struct layout_path *out, struct fc_err *err);
/* Whether a record's id and placement agree with its path in a tree of
 * `format`. */
int layout_matches(const struct layout_path *p, const struct fc_record *r, const char *path,
		   int format, struct fc_err *err);

#endif
