/* hostkey.h - SSH host keys, pinned on first use.
 *
 * libssh2 does not read ~/.ssh/known_hosts, so fieldcheck keeps its own:
 * WORKSPACE/known_hosts, one line per "host:port" (url_endpoint: "[v6]:port"
 * for IPv6) with the key's SHA-256.
 * The first connection pins the key (and says so); every later one must
 * present the same key, or the sync stops with both fingerprints shown.
 */
#ifndef FC_HOSTKEY_H
#define FC_HOSTKEY_H

#include <git2.h>
#include "replica.h"

int hostkey_check(struct replica *r, const char *url, const char *host,
		  const git_cert_hostkey *hk, struct fc_err *err);

#endif
