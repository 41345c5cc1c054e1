/* rpconn.h - a byte stream to git-receive-pack over git:// or ssh://, made
 * by libgit2 with our credentials and host-key callbacks, so that
 * sync/rppush.c speaks the protocol itself.
 *
 * libgit2 1.5 has no public call that hands out that stream: its ssh and
 * git subtransports (git_smart_subtransport_ssh/_git) make it, but the ssh
 * one reads the credential and certificate callbacks from its owner, which
 * must be a smart transport (git_transport_smart) that has connected.  So
 * a smart transport is made around a subtransport of ours that wraps
 * libgit2's: when the smart transport connects it asks ours for
 * RECEIVEPACK_LS; ours lets libgit2's subtransport open the real stream
 * (ssh session, host key check, authentication, or the git:// socket),
 * keeps it, and gives the smart transport an empty advertisement to read
 * instead, so the real one is left unread for us.
 */
#ifndef FC_RPCONN_H
#define FC_RPCONN_H

#include <git2.h>

struct rpconn;

/* Opens the stream for url (git:// when !ssh, else ssh:// or scp-like)
 * with cb's credentials and certificate_check.  rm must outlive it.
 * -1 with libgit2's error set (or the callback's own report). */
int rpconn_open(struct rpconn **out, git_remote *rm, const char *url, int ssh,
		const git_remote_callbacks *cb);
int rpconn_read(void *conn, char *buf, size_t size, size_t *got);
int rpconn_write(struct rpconn *c, const char *buf, size_t len);
void rpconn_close(struct rpconn *c);

#endif
