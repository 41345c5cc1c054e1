/* claims.h - blocks of document numbers claimed through the central
 * repository (core/docnum.h; docs/ARCHITECTURE.md, "Document numbers").
 *
 * A claim is a small file at numbers/<authority>/<YYYY>/<kind>/<start>.json
 * saying which officer holds serials start .. start + count - 1, added by a
 * signed commit of that officer.  A laptop claims just before it pushes,
 * from the tree it is about to push (which holds every claim the central
 * had when it fetched), and its main takes the claim only once the push
 * succeeded: the central's compare-and-swap lets one of two laptops that
 * claimed the same serials in, and the other claims again after its next
 * fetch.  So every claim a laptop's store knows is on the central, and no
 * two claims on the central share a serial; the trust walk and the guard
 * refuse a commit whose tree would hold two that do, a claim made in
 * another officer's name, and a claim changed or removed.
 */
#ifndef FC_CLAIMS_H
#define FC_CLAIMS_H

#include <git2.h>
#include "core/docnum.h"
#include "core/roster.h"
#include "replica.h"
#include "core/strbuf.h"

/* The most claims one folder (authority, year, kind) may hold: beyond it a
 * tree is refused rather than read. */
#define CLAIMS_MAX_PER_FOLDER 10000

/* Reads the claim blob id at path, bounded and strictly, and checks that it
 * lies at its own path. */
int claim_read(git_repository *repo, const char *path, const git_oid *id,
	       struct docnum_claim *out, struct fc_err *err);

/* A commit's write of a claim's path, judged: never removed or changed,
 * valid where it lies, in its signer's name (when signer is not NULL), and
 * sharing no serial with another claim of the commit's tree. */
int claim_judge(git_repository *repo, git_tree *tree, const char *path, const git_oid *now,
		const git_oid *const *before, size_t n, const struct roster_entry *signer,
		struct fc_err *why);

/* Before a push of head: for each kind of numbered document, when this
 * officer's numbers left this year (the store's confirmed blocks) are fewer
 * than half a block, a claim of the next block free in head's tree.  The
 * claims go into one signed commit on top of head, written but not on main:
 * *made says whether there is one, *out is its id, and `said` gets what
 * it claims ("order 51-100 (北应急 2026)").  Nothing for a supervisor or a
 * workspace without an authority's short name. */
int claims_make(struct replica *r, const git_oid *head, git_oid *out, int *made,
		struct strbuf *said, struct fc_err *err);

#endif
