/* casefile.h - an inspection's evidence package (`fieldcheck export`).
 *
 * A gzip-compressed tar archive (core/tarball.h) holding
 *
 *   manifest.json                  what follows, and how to check it
 *   notice.txt                     the rectification order (core/notice.h),
 *                                  when the inspection found hazards
 *   documents/<kind>.pdf, .txt     the on-site record, the order, the on-site
 *                                  measures decision and the re-inspection
 *                                  opinion, each that applies, as
 *                                  `fieldcheck document` makes them
 *   records/<path in the replica>  the inspection, its enterprise, its
 *                                  hazards with their event logs, and the
 *                                  three CSV files of its form, each byte for
 *                                  byte as on the replica's branch main
 *   files/<sha256>                 the photos and files the inspection and
 *                                  its hazards name as evidence, each once
 *
 * The manifest gives each file's size, SHA-256 and git blob id, and for the
 * records the path in the central repository and the commits that carried
 * that blob there (sync/carried.h), with the URLs of the workspace's
 * remotes, the export time and the exporting officer: anyone can check the
 * package against the central repository with plain git.  Its "evidence"
 * lists every attachment line: the file's SHA-256, git blob id, size, type
 * and name, the record and what in it the file documents, and the commits
 * that carried the line.  A file not on this laptop is fetched first
 * (casefile_fetch_missing); one still missing refuses the export unless
 * `force`, and is then listed as missing.
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
	int force;                          /* replace FILE if it exists, and
					     * export with files missing */
	const struct notice_forms *forms;   /* the checklist's words for the
					     * notice, or NULL */
};

struct casefile_result {
	char inspection[FC_UUID_LEN + 1];   /* the full id */
	size_t files;                       /* in the archive, manifest included */
	size_t hazards;
	int notice;                         /* notice.txt is there */
	size_t documents;                   /* files under documents/ */
	int form_from_store;                /* the form was not in the replica */
	size_t evidence;                    /* files under files/ */
	size_t missing;                     /* files named but not here */
	size_t fetched;                     /* fetched for the export */
};

/* Fetches the files the inspection `id` (a full id) and its hazards name
 * that are not on this laptop, as `evidence fetch` does; *fetched says how
 * many came.  A remote that cannot be reached is not an error here: the
 * export says what is still missing. */
int casefile_fetch_missing(struct fc_workspace *ws, const char *id, size_t *fetched,
			   struct fc_err *err);
/* Writes the package of inspection `id` (a full id or a unique prefix). */
int casefile_export(struct fc_workspace *ws, const char *id, const struct casefile_options *o,
		    struct casefile_result *res, struct fc_err *err);

#endif
