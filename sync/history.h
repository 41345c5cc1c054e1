/* history.h - a record's history in the replica: the commits of branch main
 * that changed its file, newest first, each with its author (name and badge:
 * the commit's author name and e-mail), date, the first line of its message
 * and the lines of the record's canonical text it removed and added.
 *
 * The walk follows git log's default history simplification for one path:
 * where a merge left the file as one parent had it, only that parent is
 * followed, so a change another device made and the merge refused (a rewrite
 * of a finalized inspection, say) is not shown as if it had happened.  It
 * goes no further back than the commit that created the file, and it is
 * bounded: at most HISTORY_MAX_CHANGES changes and HISTORY_MAX_WALK commits
 * looked at, then `more` says older changes were not searched.
 *
 * Canonical text has one field, team member, answer, amendment or event per
 * line (core/record.h), so the lines that differ say what changed; brackets
 * and trailing commas are left out.  Only sync/ includes git2.h: callers see
 * plain C.
 */
#ifndef FC_HISTORY_H
#define FC_HISTORY_H

#include <stddef.h>

#include "core/clock.h"
#include "core/workspace.h"

#define HISTORY_MAX_CHANGES 200
#define HISTORY_MAX_WALK 20000
#define HISTORY_MAX_LINES 500      /* changed lines kept per change */

struct history_line {
	char sign;                  /* '-' removed, '+' added */
	char section[16];           /* "answers", "events"... or "" for a field */
	char *text;                 /* the line, without indent and trailing comma */
};

struct history_entry {
	char commit[16];            /* short hex */
	char *name, *email;         /* the commit's author: name and badge */
	char when[FC_TIMESTAMP_LEN + 1]; /* author time, in the author's offset */
	char *summary;              /* the message's first line */
	int created;                /* the file appeared here */
	struct history_line *lines;
	size_t n_lines, alloc_lines;
	size_t lines_left_out;      /* beyond HISTORY_MAX_LINES */
};

struct history {
	int has_replica;            /* 0: the workspace was never synced */
	struct history_entry *e;    /* newest first */
	size_t n, alloc;
	int more;                   /* stopped at a bound: older changes not shown */
	size_t walked;              /* commits looked at */
};

/* Reads the history of `path` (history_path) from the replica, without
 * taking the sync lock (a sync may run meanwhile).  No replica is not an
 * error: has_replica stays 0.  Empty it with history_release. */
int history_read(struct fc_workspace *ws, const char *path, struct history *out,
		 struct fc_err *err);
void history_release(struct history *h);

/* Where an inspection (by the month of its created_at) and a hazard (by
 * the month it was found, found_at its first event's time) live in the
 * replica (sync/layout.h).  A hazard's history follows it back across the
 * move to format 2, to its format-1 path. */
void history_path_inspection(const char *id, const char *created_at, char *out, size_t size);
void history_path_hazard(const char *id, const char *found_at, char *out, size_t size);

/* The changed lines between two versions of a record's canonical text
 * (either may be empty), appended to e (history_diff.c). */
void history_diff(const char *old, size_t old_len, const char *new_text, size_t new_len,
		  struct history_entry *e);
void history_entry_clear(struct history_entry *e);

#endif
