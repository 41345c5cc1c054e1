/* trust.h - which fetched commits to believe.
 *
 * A repository's history has two eras.  Before its roster (see
 * core/roster.h) commits are unsigned and taken as they come: centrals
 * made before signatures keep working.  The commit that adds the roster
 * founds the signed era: it is signed by a supervisor it lists, whose key
 * each device pins the first time it sees it (as host keys are pinned).
 * From then on every commit must be signed by a key the roster in force
 * lists at the commit's time, by the officer named as its author, and
 * carry only changes its signer may make (sync/trust_rules.h); only a
 * supervisor changes the roster, and nobody removes it.  The commit that
 * moves a tree to format 2 moves hazards unchanged and adds FORMAT, nothing
 * else, and nobody removes FORMAT (docs/ARCHITECTURE.md, "Format 2").
 *
 * A commit that fails is refused whole: what it wrote (each path and the
 * blob it put there) is remembered, so the merge keeps our version of
 * those paths, while the commits after it are judged on their own.  The
 * roster in force follows accepted commits only, so a roster written by a
 * refused commit never authorizes anything.
 */
#ifndef FC_TRUST_H
#define FC_TRUST_H

#include <git2.h>
#include "core/roster.h"
#include "oidmap.h"

#define TRUST_MAX_REASONS 100          /* refusals kept with their reason */
#define TRUST_MAX_WRITES 100000        /* paths written by refused commits */

struct trust_refusal {
	git_oid commit;
	char why[400];
};

struct trust_write {                   /* a path as a refused commit left it */
	char *path;
	git_oid blob;                      /* zero: deleted */
	git_oid prev;                      /* what the first parent held there */
	size_t refusal;                    /* index in refusals, or TRUST_MAX_REASONS */
};

struct trust_options {
	git_oid known_roster;              /* the roster in force in every commit
					    * not walked (judged before); zero: none */
	const struct sshkey *founders;     /* pinned founders' keys */
	size_t n_founders;                 /* 0: none pinned yet (first sight) */
	const char *founder_fp;            /* or the founder's fingerprint, or NULL */
	int strict_content;                /* also refuse commits, signed or not,
					    * writing what is no valid record or
					    * deleting records (the guard at a central) */
};

struct trust_result {
	size_t checked;                    /* commits checked against the roster */
	size_t unsigned_era;               /* commits from before the roster */
	size_t n_refused;
	struct trust_refusal refusals[TRUST_MAX_REASONS];
	struct trust_write *writes;
	size_t n_writes, alloc_writes;
	git_oid tip_roster;                /* the roster in force at the tip; zero: none */
	int founded;                       /* the walk met the founding commit */
	struct sshkey founder;             /* and this key signed it */
	struct oidmap roster_at;           /* commit -> roster blob in force there */
};

void trust_result_init(struct trust_result *t);
void trust_result_release(struct trust_result *t);

/* Judges every commit reachable from tip but not from hide (NULL: none),
 * parents first.  In hidden commits, judged before, the roster in force is
 * o->known_roster, never the one in their tree: a refused commit may be
 * among them, merged as a parent with its writes undone.  -1
 * only for errors that stop the walk (a broken object, too many refused
 * writes); refusals are results. */
int trust_walk(git_repository *repo, const git_oid *tip, const git_oid *hide,
	       const struct trust_options *o, struct trust_result *out, struct fc_err *err);

/* The refusal behind (path, blob) at the tip, when a refused commit wrote
 * it there; NULL otherwise. */
const struct trust_write *trust_refused_write(const struct trust_result *t, const char *path,
					      const git_oid *blob);
/* Which commit wrote it and why that commit was refused (free() it). */
char *trust_write_reason(const struct trust_result *t, const struct trust_write *w);
/* The version of path that stands when (path, blob) is refused: the one
 * before the refused commits that wrote it.  NULL when there was none
 * (they added the path). */
const git_oid *trust_fallback(const struct trust_result *t, const char *path, const git_oid *blob);

/* The roster's blob in a tree (NULL: none), zero when it has none. */
void trust_roster_blob(git_tree *tree, git_oid *out);
/* The same in the tree of a commit (zero oid, or no commit: zero). */
void trust_roster_at(git_repository *repo, const git_oid *commit, git_oid *out);
/* Reads the roster in blob id; *exists 0 (and an empty roster) when id is
 * zero.  The repository's own branch only: a fetched roster is read by
 * the walk, its size checked first. */
int trust_roster_read(git_repository *repo, const git_oid *id, struct roster *out, int *exists,
		      struct fc_err *err);

/* The key that signed commit id, verified; 1 when signed and sound, 0 when
 * unsigned, -1 with the reason when the signature is bad. */
int trust_commit_signer(git_repository *repo, const git_oid *id, struct sshkey *out,
			struct fc_err *why);

#endif
