/* hostkey.h - SSH host keys, pinned on first use (DESIGN §4).
 *
 * libssh2 does not read ~/.ssh/known_hosts, so fieldcheck keeps its own:
 * WORKSPACE/known_hosts, one line per "host:port" with the key's SHA-256.
 * The first connection pins the key (and says so); every later one must
 * present the same key, or the sync stops with both fingerprints shown.
 */
#ifndef FC_HOSTKEY_H
#define FC_HOSTKEY_H

#include <git2.h>
#include "replica.h"

int hostkey_check(struct replica *r, const char *url, const char *host,
		  const git_cert_hostkey *hk, struct fc_err *err);
/* "host:port" of an ssh URL (ssh://user@host:port/path or user@host:path). */
void hostkey_endpoint(const char *url, const char *host, char *out, size_t size);

#endif
