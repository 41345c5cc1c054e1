/* rppush.h - a push over git:// or ssh:// that sends only what
 * sync/sendset.c computes.
 *
 * libgit2 1.5's git_remote_push packs with git_packbuilder_insert_walk,
 * which marks the remote head's whole tree uninteresting on every push:
 * its cost grows with the central, not with the change.  Here libgit2
 * still makes the connection (sync/rpconn.c: ssh with our credentials and
 * pinned host keys, or the git:// socket), and we speak receive-pack
 * (sync/rpproto.c): read the advertisement, send one update command from
 * the advertised old value, a pack of the sendset's objects streamed as
 * git_packbuilder_foreach writes it, and read the report.
 */
#ifndef FC_RPPUSH_H
#define FC_RPPUSH_H

#include <git2.h>

enum {
	RPPUSH_MOVED = 1,    /* the remote's ref is not `expected`: nothing sent */
	RPPUSH_UNUSABLE = 2, /* this URL or server needs git_remote_push */
};

/* Pushes head to the remote's refname, whose value must be `expected`
 * (NULL: none), at the remote's push URL.  The callbacks are used as
 * git_remote_push uses them: credentials and certificate_check to
 * connect, push_transfer_progress while sending, sideband_progress with
 * what the remote says, push_update_reference with the ref's status (NULL
 * when it moved; not called when nothing was sent).  0, RPPUSH_*, or -1
 * with libgit2's error set. */
int rppush(git_repository *repo, git_remote *rm, const char *refname, const git_oid *head,
	   const git_oid *expected, const git_remote_callbacks *cb);

#endif
