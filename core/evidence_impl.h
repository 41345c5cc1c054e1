/* evidence_impl.h - what the files of the evidence store share: the one
 * pass that hashes a file's bytes both ways and judges its kind, and
 * reading through the fixed buffer. */
#ifndef FC_EVIDENCE_IMPL_H
#define FC_EVIDENCE_IMPL_H

#include <openssl/evp.h>
#include <sys/types.h>

#include "evidence_store.h"

/* The one buffer a file passes through, whatever its size. */
#define EVIDENCE_BUF (64 * 1024)

struct evidence_hash {
	struct sha256 sha256;
	EVP_MD_CTX *sha1;       /* over "blob <size>\0" and the bytes: git's id */
	struct media_sniff sniff;
};

/* size is what the bytes will add up to (git's header holds it first). */
int evidence_hash_init(struct evidence_hash *h, uint64_t size, struct fc_err *err);
void evidence_hash_update(struct evidence_hash *h, const void *data, size_t len);
/* Fills out's sha256, blob, size and type; a kind not kept is refused,
 * naming the file by `name`. */
int evidence_hash_final(struct evidence_hash *h, const char *name, struct evidence_info *out,
			struct fc_err *err);
void evidence_hash_release(struct evidence_hash *h);

/* read() retried on EINTR: bytes read, 0 at the end, -1 with errno. */
ssize_t evidence_read(int fd, void *buf, size_t len);

#endif
