/* centralhead.h - a central repository's HEAD names main.
 *
 * fieldcheck writes only refs/heads/main.  A central made with a plain
 * `git init --bare` has HEAD on master, a branch nobody ever makes: then
 * `git log` and `git clone` of the central show nothing, as if our records
 * were not there.  A central on a path whose HEAD is unborn is pointed at
 * main; one over the network cannot be, so the sync says so, with the
 * command to run on the server.  What was done or is to do goes into
 * r->notice, which the sync's report prints.
 */
#ifndef FC_CENTRALHEAD_H
#define FC_CENTRALHEAD_H

#include <git2.h>
#include "replica.h"

/* The central `remote` open as `central` (a path): an unborn HEAD that
 * names another branch is made to name main. */
void central_head_fix(struct replica *r, const char *remote, git_repository *central);
/* Same, opening the repository at `path` first. */
void central_head_fix_path(struct replica *r, const char *remote, const char *path);
/* The central `remote` over the network, just fetched from (its refs are
 * those rm advertised): when it has main but its HEAD does not name it. */
void central_head_check(struct replica *r, const char *remote, git_remote *rm);

#endif
