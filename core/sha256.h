/* sha256.h - SHA-256 (FIPS 180-4), for digests anyone can check with
 * sha256sum: the case export's manifest lists one per file. */
#ifndef FC_SHA256_H
#define FC_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32
#define SHA256_HEX_LEN 64

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;
	unsigned char buf[64];
	size_t n;                 /* bytes waiting in buf */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);
/* The digest of data[0..len) as lower-case hex; out holds SHA256_HEX_LEN + 1. */
void sha256_hex(const void *data, size_t len, char *out);

#endif
