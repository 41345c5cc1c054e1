/* casefile.h - an inspection's evidence package (`fieldcheck export`).
 *
 * A gzip-compressed tar archive (core/tarball.h) holding
 *
 *   manifest.json                  what follows, and how to check it
 *   notice.txt                     the rectification order (core/notice.h),
 *                                  when the inspection found hazards
 *   records/<path in the replica>  the inspection, its enterprise, its
 *                                  hazards with their event logs, and the
 *                                  three CSV files of its form, each byte for
 *                                  byte as on the replica's branch main
 *
 * The manifest gives each file's size, SHA-256 and git blob id, and for the
 * records the path in the central repository and the commits that carried
 * that blob there (sync/carried.h), with the URLs of the workspace's
 * remotes, the export time and the exporting officer: anyone can check the
 * package against the central repository with plain git.
 *
 * So that the package says what the central repository says, it refuses an
 * inspection whose records have changes not yet synced, whose store and
 * replica disagree, or whose commits have not reached a remote: "sync
 * first".  The archive is written to FILE.tmp and renamed to FILE; an
 * existing FILE is replaced only when asked (`force`).
 */
#ifndef FC_CASEFILE_H
#define FC_CASEFILE_H

#include "core/notice.h"
#include "core/workspace.h"

#define CASEFILE_FORMAT "fieldcheck/case/1"

struct casefile_options {
	const char *out;                    /* FILE.tar.gz */
	int force;                          /* replace FILE if it exists */
	const struct notice_forms *forms;   /* the checklist's words for the
					     * notice, or NULL */
};

struct casefile_result {
	char inspection[FC_UUID_LEN + 1];   /* the full id */
	size_t files;                       /* in the archive, manifest included */
	size_t hazards;
	int notice;                         /* notice.txt is there */
	int form_from_store;                /* the form was not in the replica */
};

/* Writes the package of inspection `id` (a full id or a unique prefix). */
int casefile_export(struct fc_workspace *ws, const char *id, const struct casefile_options *o,
		    struct casefile_result *res, struct fc_err *err);

#endif
