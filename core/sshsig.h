/* sshsig.h - SSH signatures (OpenSSH's PROTOCOL.sshsig), the format git
 * writes into a commit's gpgsig header when gpg.format=ssh.
 *
 * Signing goes through `ssh-keygen -Y sign`, as git does it, so a key kept
 * in ssh-agent or on a hardware token signs just as a key file does.
 * Verifying is done here with OpenSSL's Ed25519, not by running ssh-keygen
 * once per commit: a pull checks every commit it brings.
 */
#ifndef FC_SSHSIG_H
#define FC_SSHSIG_H

#include <stddef.h>
#include "err.h"
#include "sshkey.h"
#include "strbuf.h"

#define SSHSIG_NAMESPACE_GIT "git"
#define SSHSIG_MAX 8192                /* an armoured ed25519 signature is ~300 bytes */

/* Appends the armoured signature of data[0..len) by the key at keyfile (a
 * private key, or a public key whose private half is in ssh-agent), in
 * namespace ns. */
int sshsig_sign(const char *keyfile, const char *ns, const void *data, size_t len,
		struct strbuf *out, struct fc_err *err);

/* Checks the armoured signature sig[0..siglen) over data[0..len) in
 * namespace ns; on success *signer is the key that made it (the caller
 * decides whether that key may sign).  -1 with the reason otherwise. */
int sshsig_verify(const char *sig, size_t siglen, const char *ns, const void *data, size_t len,
		  struct sshkey *signer, struct fc_err *err);

#endif
