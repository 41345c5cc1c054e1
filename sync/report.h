/* report.h - what a sync tells the person who ran it: what arrived, from
 * whom, what clashed, what was refused and where it was put aside. */
#ifndef FC_SYNC_REPORT_H
#define FC_SYNC_REPORT_H

#include <stddef.h>
#include "core/err.h"

struct sync_line {
	char *text;
};

struct sync_report {
	struct sync_line *notes;       /* merges and clashes a person should know of */
	size_t n_notes, alloc_notes;
	struct sync_line *quarantined; /* "COMMIT PATH: why", the first
					* QUARANTINE_LISTED, then a line on the rest */
	size_t n_quarantined, alloc_quarantined;
	size_t refused_paths;          /* paths refused and put aside in all */
	size_t imported_enterprises, imported_inspections, imported_hazards, imported_forms;
	size_t removed_hazards;
	size_t conflicted;             /* records merged with a clash kept for a person */
	size_t refused;                /* finalized records that arrived changed */
	size_t refused_commits;        /* commits the roster does not vouch for */
	char **authors;                /* who wrote the commits that arrived */
	size_t n_authors, alloc_authors;
};

void sync_report_note(struct sync_report *r, const char *fmt, ...)
	FC_PRINTF(2, 3);
void sync_report_author(struct sync_report *r, const char *who);
void sync_report_free(struct sync_report *r);

#endif
