/* sshkey.h - OpenSSH ed25519 public keys: parsed from the one-line form of
 * a .pub file or an allowed-signers line, their SHA256 fingerprint as
 * ssh-keygen -l prints it, and the wire format (RFC 4251 strings) that keys
 * and signatures travel in.  Only ed25519: the officers' keys are ed25519
 * (what libssh2 and OpenSSH agree on, see README), and a roster that
 * accepted other types would have to verify them too.
 */
#ifndef FC_SSHKEY_H
#define FC_SSHKEY_H

#include <stddef.h>
#include <stdint.h>
#include "err.h"
#include "strbuf.h"

#define SSHKEY_ED25519_LEN 32
#define SSHKEY_FP_LEN 51             /* "SHA256:" + 43 base64 + NUL */

struct sshkey {
	unsigned char pk[SSHKEY_ED25519_LEN];
};

/* A cursor over SSH wire data: uint32 big-endian and length-prefixed
 * strings.  Reads past the end fail; nothing is copied. */
struct sshwire {
	const unsigned char *p;
	size_t n;
};
int sshwire_u32(struct sshwire *w, uint32_t *out);
int sshwire_string(struct sshwire *w, const unsigned char **s, size_t *len);
/* The next string equals the NUL-terminated `want`. */
int sshwire_expect(struct sshwire *w, const char *want);
void sshwire_put_u32(struct strbuf *sb, uint32_t v);
void sshwire_put_string(struct strbuf *sb, const void *s, size_t len);

/* "ssh-ed25519 BASE64" at s (len bytes), followed by the end or a space;
 * *end (may be NULL) is set past the key.  `what` names it in messages. */
int sshkey_parse(const char *s, size_t len, struct sshkey *out, const char **end,
		 const char *what, struct fc_err *err);
/* The key from its wire blob: string "ssh-ed25519", string pk. */
int sshkey_from_blob(const unsigned char *b, size_t n, struct sshkey *out, struct fc_err *err);
void sshkey_blob(const struct sshkey *k, struct strbuf *out);
/* "ssh-ed25519 BASE64", as in a .pub file without its comment. */
void sshkey_format(const struct sshkey *k, struct strbuf *out);
/* "SHA256:..." as ssh-keygen -l shows it. */
void sshkey_fingerprint(const struct sshkey *k, char out[SSHKEY_FP_LEN]);
int sshkey_equal(const struct sshkey *a, const struct sshkey *b);

/* Reads the public half of the key at path: path itself when it is a .pub
 * file, else path.pub beside the private key (as ssh-keygen writes them). */
int sshkey_load_public(const char *path, struct sshkey *out, struct fc_err *err);

#endif
