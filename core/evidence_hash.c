/* evidence_hash.c - a file's SHA-256, git blob id and media type in one
 * pass over its bytes (see evidence_impl.h). */
#include "evidence_impl.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "core/i18n.h"

int evidence_hash_init(struct evidence_hash *h, uint64_t size, struct fc_err *err)
{
	char head[32];
	int n = snprintf(head, sizeof head, "blob %" PRIu64, size);

	sha256_init(&h->sha256);
	media_sniff_init(&h->sniff);
	h->sha1 = EVP_MD_CTX_new();
	/* git's header ends with its NUL: n + 1 bytes. */
	if (!h->sha1 || EVP_DigestInit_ex(h->sha1, EVP_sha1(), NULL) != 1 ||
	    EVP_DigestUpdate(h->sha1, head, (size_t)n + 1) != 1) {
		evidence_hash_release(h);
		return fc_failk(err, FC_EIO, _("cannot compute a SHA-1 (OpenSSL)"));
	}
	return 0;
}

void evidence_hash_update(struct evidence_hash *h, const void *data, size_t len)
{
	sha256_update(&h->sha256, data, len);
	EVP_DigestUpdate(h->sha1, data, len);
	media_sniff_update(&h->sniff, data, len);
}

static void hex(const unsigned char *d, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

int evidence_hash_final(struct evidence_hash *h, const char *name, struct evidence_info *out,
			struct fc_err *err)
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned len = 0;

	if (media_sniff_final(&h->sniff, name, &out->type, err))
		return -1;
	out->size = h->sniff.bytes;
	sha256_final(&h->sha256, d);
	hex(d, SHA256_LEN, out->sha256);
	if (EVP_DigestFinal_ex(h->sha1, d, &len) != 1 || len * 2 != EVIDENCE_BLOB_HEX_LEN)
		return fc_failk(err, FC_EIO, _("cannot compute a SHA-1 (OpenSSL)"));
	hex(d, len, out->blob);
	return 0;
}

void evidence_hash_release(struct evidence_hash *h)
{
	EVP_MD_CTX_free(h->sha1);
	h->sha1 = NULL;
}

ssize_t evidence_read(int fd, void *buf, size_t len)
{
	ssize_t n;

	do
		n = read(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return n;
}
