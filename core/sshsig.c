/* sshsig.c - verifying SSH signatures with OpenSSL (see sshsig.h). */
#include "sshsig.h"

#include <string.h>

#include <openssl/evp.h>

#include "base64.h"
#include "core/i18n.h"

#define BEGIN "-----BEGIN SSH SIGNATURE-----"
#define END "-----END SSH SIGNATURE-----"
#define MAGIC "SSHSIG"

struct parsed {
	struct sshkey key;
	const unsigned char *ns, *reserved, *hash, *sig;
	size_t ns_len, reserved_len, hash_len, sig_len;
};

/* The binary blob inside the armour. */
static int dearmour(const char *sig, size_t len, struct strbuf *blob, struct fc_err *err)
{
	size_t bl = strlen(BEGIN), el = strlen(END);

	while (len && (sig[len - 1] == '\n' || sig[len - 1] == '\r'))
		len--;
	if (len < bl + el || memcmp(sig, BEGIN, bl) || memcmp(sig + len - el, END, el))
		return fc_fail(err, _("not an SSH signature"));
	if (base64_decode(sig + bl, len - bl - el, blob))
		return fc_fail(err, _("the SSH signature is not valid base64"));
	return 0;
}

static int parse(const struct strbuf *blob, struct parsed *p, struct fc_err *err)
{
	struct sshwire w = { (const unsigned char *)blob->buf, blob->len }, s;
	const unsigned char *key;
	size_t key_len;
	uint32_t version;

	if (w.n < 6 || memcmp(w.p, MAGIC, 6))
		return fc_fail(err, _("not an SSH signature"));
	w.p += 6, w.n -= 6;
	if (sshwire_u32(&w, &version) || version != 1)
		return fc_fail(err, _("an SSH signature of an unknown version"));
	if (sshwire_string(&w, &key, &key_len) || sshwire_string(&w, &p->ns, &p->ns_len) ||
	    sshwire_string(&w, &p->reserved, &p->reserved_len) ||
	    sshwire_string(&w, &p->hash, &p->hash_len) || sshwire_string(&w, &p->sig, &p->sig_len) ||
	    w.n)
		return fc_fail(err, _("a damaged SSH signature"));
	if (sshkey_from_blob(key, key_len, &p->key, err))
		return -1;
	s.p = p->sig, s.n = p->sig_len;
	if (sshwire_expect(&s, "ssh-ed25519") || sshwire_string(&s, &p->sig, &p->sig_len) ||
	    p->sig_len != 64 || s.n)
		return fc_fail(err, _("not an ed25519 signature"));
	return 0;
}

/* What the key actually signed: the magic, the namespace, the reserved
 * field, the hash's name and the message's hash. */
static int signed_blob(const struct parsed *p, const void *data, size_t len, struct strbuf *out,
		       struct fc_err *err)
{
	unsigned char h[EVP_MAX_MD_SIZE];
	unsigned int hl = 0;
	const EVP_MD *md;

	if (p->hash_len == 6 && !memcmp(p->hash, "sha512", 6))
		md = EVP_sha512();
	else if (p->hash_len == 6 && !memcmp(p->hash, "sha256", 6))
		md = EVP_sha256();
	else
		return fc_fail(err, _("an SSH signature with an unknown hash"));
	if (EVP_Digest(data, len, h, &hl, md, NULL) != 1)
		return fc_failk(err, FC_EIO, _("hashing the signed data failed"));
	strbuf_add(out, MAGIC, 6);
	sshwire_put_string(out, p->ns, p->ns_len);
	sshwire_put_string(out, p->reserved, p->reserved_len);
	sshwire_put_string(out, p->hash, p->hash_len);
	sshwire_put_string(out, h, hl);
	return 0;
}

static int ed25519_ok(const struct sshkey *k, const unsigned char *sig, const struct strbuf *msg)
{
	EVP_PKEY *pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, k->pk,
						     SSHKEY_ED25519_LEN);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok = pkey && ctx && EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, pkey) == 1 &&
		 EVP_DigestVerify(ctx, sig, 64, (const unsigned char *)msg->buf, msg->len) == 1;

	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(pkey);
	return ok;
}

int sshsig_verify(const char *sig, size_t siglen, const char *ns, const void *data, size_t len,
		  struct sshkey *signer, struct fc_err *err)
{
	struct strbuf blob, msg;
	struct parsed p;
	int rc = -1;

	if (siglen > SSHSIG_MAX)
		return fc_fail(err, _("the signature is %zu bytes, too long to be one"), siglen);
	strbuf_init(&blob);
	strbuf_init(&msg);
	if (dearmour(sig, siglen, &blob, err) || parse(&blob, &p, err))
		goto out;
	if (p.ns_len != strlen(ns) || memcmp(p.ns, ns, p.ns_len)) {
		fc_fail(err, _("the signature was made for another purpose than \"%s\""), ns);
		goto out;
	}
	if (signed_blob(&p, data, len, &msg, err))
		goto out;
	if (!ed25519_ok(&p.key, p.sig, &msg)) {
		fc_fail(err, _("the signature does not match what it signs"));
		goto out;
	}
	*signer = p.key;
	rc = 0;
out:
	strbuf_release(&blob);
	strbuf_release(&msg);
	return rc;
}
