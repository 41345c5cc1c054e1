/* mergein.h - bringing a remote's fetched main into our branch (step 3
 * to 6 of docs/ARCHITECTURE.md, "Sync", after the history check): their
 * tree checked as git's fsck would and its format read, each commit we
 * lack judged against the roster, ours moved to format 2 when theirs is in
 * it or when we are to move the central (`migrates`; docs/ARCHITECTURE.md,
 * "Format 2"), base and theirs put in our format, the trees merged record
 * by record; a fast-forward when every change of theirs is accepted, else
 * a merge commit.  Nothing of theirs is merged when their tree is refused.
 */
#ifndef FC_MERGEIN_H
#define FC_MERGEIN_H

#include <git2.h>
#include "replica.h"
#include "synclog.h"

int merge_in(struct replica *r, const char *remote, const git_oid *theirs, int migrates,
	     struct sync_log *rep, struct fc_err *err);

#endif
