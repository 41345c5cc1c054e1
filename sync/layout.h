/* layout.h - where each record lives in the replica's tree (see
 * docs/ARCHITECTURE.md, "The replica's layout").
 *
 *   enterprises/<credit code>.json
 *   inspections/<YYYY>/<MM>/<uuid>.json     (the month it was started)
 *   hazards/<first two hex of uuid>/<uuid>.json
 *   forms/<form id>/<version>/{survey,choices,settings}.csv
 *   forms/<form id>/<version>/<file>.csv     (a select_one_from_file's,
 *                                            named as form_file_name_ok says)
 *   roster/allowed_signers                  (who may sign: core/roster.h)
 *
 * Sharded so that no tree grows past a few thousand entries, which keeps
 * every commit's rewritten trees small.  Anything fetched whose path is not
 * exactly one of these is refused (quarantined), never interpreted.
 */
#ifndef FC_LAYOUT_H
#define FC_LAYOUT_H

#include <stddef.h>
#include "core/record.h"
#include "forms/engine/form.h"

/* The largest form file a sync takes (records: MAX_RECORD_BYTES). */
#define MAX_FORM_FILE (4u << 20)

enum layout_kind { LAY_RECORD, LAY_FORM_FILE, LAY_ROSTER, LAY_INVALID };

struct layout_path {
	enum layout_kind kind;
	enum record_kind rec;       /* LAY_RECORD */
	char id[40];                /* LAY_RECORD: code or uuid; LAY_FORM_FILE: form id */
	int version;                /* LAY_FORM_FILE */
	char file[FORM_FILE_NAME_MAX]; /* LAY_FORM_FILE: survey, choices, settings or
				     * one of the form's files, without .csv */
};

/* The path of a record; created_at decides an inspection's month. */
void layout_record_path(const struct fc_record *r, char *out, size_t size);
/* The path of a form file (`file` without .csv: "survey", "sites"). */
void layout_form_path(const char *form_id, int version, const char *file, char *out,
		      size_t size);
/* Parses a path from the tree; LAY_INVALID with a reason in err otherwise. */
int layout_parse(const char *path, struct layout_path *out, struct fc_err *err);
/* Whether a record's id and placement agree with its path. */
int layout_matches(const struct layout_path *p, const struct fc_record *r, const char *path,
		   struct fc_err *err);

#endif
