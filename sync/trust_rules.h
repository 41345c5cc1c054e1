/* trust_rules.h - what an officer may write into a record.
 *
 * A signed commit proves who made it; these rules say whether that officer
 * could make the change it carries.  What the commit's record holds that no
 * parent's version held (an answer, a conflict, an amendment, an event, a
 * new status) is the signer's own writing, so:
 *   - every such answer, conflict, amendment and event carries the
 *     signer's badge (nobody answers or rectifies in another's name);
 *   - only a member of the team finalizes an inspection or adds to its
 *     team, and a new inspection is created by its signer;
 *   - only a supervisor puts a hazard under listed supervision;
 *   - a numbered document newly on an inspection carries the signer's badge.
 * Enterprises and forms may be written by anyone on the roster.
 */
#ifndef FC_TRUST_RULES_H
#define FC_TRUST_RULES_H

#include <git2.h>
#include "core/record.h"
#include "core/roster.h"

/* Whether `signer` may have written `path` as the blob `now` (NULL:
 * deleted) when the commit's parents held before[0..n) there (zero or NULL
 * entries: absent).  Blobs that are no records, or that do not decode,
 * are left to the merge's own checks (0).  -1 with the reason in why. */
int trust_rules_check(git_repository *repo, const char *path, const git_oid *now,
		      const git_oid *const *before, size_t n, const struct roster_entry *signer,
		      struct fc_err *why);

/* Reads the blob id as a record, refusing one larger than a record may be
 * before inflating it.  1: read; 0: absent or not a record; -1: error. */
int trust_read_record(git_repository *repo, const char *path, const git_oid *id,
		      struct fc_record *out);

#endif
