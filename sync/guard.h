/* guard.h - `fieldcheck guard`: the central repository's pre-receive hook.
 *
 * git-receive-pack (over SSH and git daemon alike) runs the hook with the
 * pushed objects in a quarantine it names in the environment, and the
 * lines "OLD NEW REF" on standard input; a non-zero exit refuses the whole
 * push, and what the hook prints reaches the pushing officer.  The guard
 * applies the devices' own rules at the door (sync/trust.h with content
 * checks): only main moves, only forward; every new commit before the
 * roster carries valid records, every one after it is signed by a key the
 * roster lists and writes only what its signer may.  A central on a path
 * runs no hooks: there the devices' own checks are the guard.
 *
 * The founder of a central's roster can be fixed in its config
 * (git config fieldcheck.founder SHA256:...); without it the first roster
 * pushed founds the signed era.
 */
#ifndef FC_GUARD_H
#define FC_GUARD_H

#include <stdio.h>
#include "core/err.h"
#include "core/strbuf.h"

/* Reads the update lines from in and judges them in the repository the
 * environment names (GIT_DIR, the quarantine).  *refused is set when the
 * push must be refused; msgs gets one line per reason.  -1 with err when
 * the guard itself cannot work (it then refuses too). */
int guard_run(FILE *in, struct strbuf *msgs, int *refused, struct fc_err *err);

/* Installs the hook into the bare repository dir: hooks/pre-receive runs
 * `bin guard`; founder (NULL: none) is kept as fieldcheck.founder. */
int guard_install(const char *dir, const char *bin, const char *founder, struct fc_err *err);

#endif
