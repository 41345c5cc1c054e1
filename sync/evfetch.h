/* evfetch.h - other officers' evidence files, fetched on demand
 * (`fieldcheck evidence fetch`).
 *
 * A sync brings everyone's records but only the officer's own files
 * (sync/evsync.h).  For the records asked (all when none), the files they
 * name that this workspace lacks are fetched from refs/evidence/<by> of
 * each remote in turn: the ref's tree is judged first (sync/evtree.h:
 * shape and sizes from headers, no file read), then each file is kept only
 * when it is what its line says (sync/evkeep.h).  Anything else is
 * quarantined with the record, the file's name and the officer.
 */
#ifndef FC_EVFETCH_H
#define FC_EVFETCH_H

#include "core/workspace.h"
#include "progress.h"
#include "synclog.h"

struct evfetch_target {
	const char *kind;     /* "inspection" or "hazard" */
	const char *id;       /* the record's full id */
};

struct evfetch_result {
	size_t needed;        /* files the records name that were not here */
	size_t kept;          /* fetched and kept */
	size_t refused;       /* fetched and quarantined */
	size_t missing;       /* on no remote */
	struct sync_log rep;
};
void evfetch_result_release(struct evfetch_result *res);

/* n == 0: every record's files.  0 when every remote could be asked;
 * refusals and files found nowhere are in res, not errors. */
int evfetch_run(struct fc_workspace *ws, const struct evfetch_target *t, size_t n,
		struct sync_progress *prog, struct evfetch_result *res, struct fc_err *err);

#endif
