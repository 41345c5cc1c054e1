/* synclog.h - a sync's log: what a sync tells the person who ran it, what
 * arrived, from whom, what clashed, what was refused and where it was put
 * aside.  (core/report.h is another thing: the figures over the store.) */
#ifndef FC_SYNC_SYNCLOG_H
#define FC_SYNC_SYNCLOG_H

#include <stddef.h>
#include "core/err.h"

struct sync_line {
	char *text;
};

struct sync_log {
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

void sync_log_note(struct sync_log *r, const char *fmt, ...)
	FC_PRINTF(2, 3);
void sync_log_author(struct sync_log *r, const char *who);
void sync_log_release(struct sync_log *r);

#endif
