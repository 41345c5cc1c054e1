/* guardev.h - the central's guard (sync/guard.c) over a push to an
 * officer's evidence ref, refs/evidence/<badge>: forward only, every new
 * commit's tree of the evidence shape (sync/evtree.h, files at most
 * EVIDENCE_LIMIT_MAX, judged from headers), and, when the central's main
 * has a roster, every new commit signed by a key the roster lists for that
 * badge at the commit's time. */
#ifndef FC_GUARDEV_H
#define FC_GUARDEV_H

#include <git2.h>
#include "core/err.h"
#include "core/strbuf.h"

/* Adds a line to msgs and sets *refused for each reason to refuse; -1
 * only when the repository cannot be read. */
int guard_evidence(git_repository *repo, const git_oid *old, const git_oid *new,
		   const char *ref, struct strbuf *msgs, int *refused, struct fc_err *err);

#endif
