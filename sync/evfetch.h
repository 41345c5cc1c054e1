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

struct replica;

struct evfetch_target {
	const char *kind;     /* "inspection" or "hazard" */
	const char *id;       /* the record's full id */
};

/* A file kept: what the person is told (its record's name, never a
 * temporary file's). */
struct evfetch_file {
	char kind[16];
	char record[FC_UUID_LEN + 1];
	char *name;           /* the record's, from anyone: print it made safe */
	char sha256[64 + 1];
	char by[MAX_BADGE + 1];
	long long size;
	char *path;           /* where it is kept: WORKSPACE/evidence/xx/<sha256> */
};
#define EVFETCH_LISTED 100 /* files listed one by one; the rest counted */

struct evfetch_result {
	size_t needed;        /* files the records name that were not here */
	size_t kept;          /* fetched and kept */
	size_t refused;       /* fetched and quarantined */
	size_t missing;       /* on no remote */
	struct evfetch_file *files; /* the first EVFETCH_LISTED kept */
	size_t n_files, alloc_files;
	char *dir;            /* the evidence store's folder */
	struct sync_log rep;
};
void evfetch_result_release(struct evfetch_result *res);

/* n == 0: every record's files.  0 when every remote could be asked;
 * refusals and files found nowhere are in res, not errors. */
int evfetch_run(struct fc_workspace *ws, const struct evfetch_target *t, size_t n,
		struct sync_progress *prog, struct evfetch_result *res, struct fc_err *err);
/* The same within a sync that holds the replica open (a supervisor's
 * pull): every file the records name and this workspace lacks, from
 * `remotes`; notes and refusals go to rep (res->rep stays empty). */
int evfetch_in(struct replica *r, char *const *remotes, size_t n_remotes,
	       struct sync_progress *prog, struct evfetch_result *res, struct sync_log *rep,
	       struct fc_err *err);

#endif
