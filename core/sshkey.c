/* sshkey.c - ed25519 public keys in OpenSSH's forms (see sshkey.h). */
#include "sshkey.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "sha256.h"
#include "core/i18n.h"

#define KEYTYPE "ssh-ed25519"

int sshwire_u32(struct sshwire *w, uint32_t *out)
{
	if (w->n < 4)
		return -1;
	*out = (uint32_t)w->p[0] << 24 | (uint32_t)w->p[1] << 16 | (uint32_t)w->p[2] << 8 | w->p[3];
	w->p += 4;
	w->n -= 4;
	return 0;
}

int sshwire_string(struct sshwire *w, const unsigned char **s, size_t *len)
{
	uint32_t n;

	if (sshwire_u32(w, &n) || n > w->n)
		return -1;
	*s = w->p;
	*len = n;
	w->p += n;
	w->n -= n;
	return 0;
}

int sshwire_expect(struct sshwire *w, const char *want)
{
	const unsigned char *s;
	size_t n;

	if (sshwire_string(w, &s, &n))
		return -1;
	return n == strlen(want) && !memcmp(s, want, n) ? 0 : -1;
}

void sshwire_put_u32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16),
			       (unsigned char)(v >> 8), (unsigned char)v };
	strbuf_add(sb, b, 4);
}

void sshwire_put_string(struct strbuf *sb, const void *s, size_t len)
{
	sshwire_put_u32(sb, (uint32_t)len);
	strbuf_add(sb, s, len);
}

int sshkey_from_blob(const unsigned char *b, size_t n, struct sshkey *out, struct fc_err *err)
{
	struct sshwire w = { b, n };
	const unsigned char *pk;
	size_t len;

	if (sshwire_expect(&w, KEYTYPE))
		return fc_fail(err, _("not an ed25519 key (only ssh-ed25519 keys can sign)"));
	if (sshwire_string(&w, &pk, &len) || len != SSHKEY_ED25519_LEN || w.n)
		return fc_fail(err, _("a damaged ed25519 key"));
	memcpy(out->pk, pk, SSHKEY_ED25519_LEN);
	return 0;
}

void sshkey_blob(const struct sshkey *k, struct strbuf *out)
{
	sshwire_put_string(out, KEYTYPE, strlen(KEYTYPE));
	sshwire_put_string(out, k->pk, SSHKEY_ED25519_LEN);
}

int sshkey_parse(const char *s, size_t len, struct sshkey *out, const char **end,
		 const char *what, struct fc_err *err)
{
	size_t tl = strlen(KEYTYPE), i;
	struct strbuf blob;
	int rc;

	if (len <= tl || memcmp(s, KEYTYPE " ", tl + 1))
		return fc_fail(err, _("%s is not an ssh-ed25519 key (only ed25519 keys can sign)"),
			       what);
	for (i = tl + 1; i < len && s[i] != ' ' && s[i] != '\n'; i++)
		;
	strbuf_init(&blob);
	rc = base64_decode(s + tl + 1, i - tl - 1, &blob) ?
		fc_fail(err, _("%s: the key is not base64"), what) :
		sshkey_from_blob((unsigned char *)blob.buf, blob.len, out, err);
	strbuf_release(&blob);
	if (rc)
		return rc;
	if (end)
		*end = s + i;
	return 0;
}

void sshkey_format(const struct sshkey *k, struct strbuf *out)
{
	struct strbuf blob;

	strbuf_init(&blob);
	sshkey_blob(k, &blob);
	strbuf_adds(out, KEYTYPE " ");
	base64_encode((unsigned char *)blob.buf, blob.len, 1, out);
	strbuf_release(&blob);
}

void sshkey_fingerprint(const struct sshkey *k, char out[SSHKEY_FP_LEN])
{
	struct strbuf blob, b64;
	unsigned char h[SHA256_LEN];
	struct sha256 c;

	strbuf_init(&blob);
	strbuf_init(&b64);
	sshkey_blob(k, &blob);
	sha256_init(&c);
	sha256_update(&c, blob.buf, blob.len);
	sha256_final(&c, h);
	base64_encode(h, sizeof h, 0, &b64);
	snprintf(out, SSHKEY_FP_LEN, "SHA256:%s", b64.buf);
	strbuf_release(&blob);
	strbuf_release(&b64);
}

int sshkey_equal(const struct sshkey *a, const struct sshkey *b)
{
	return !memcmp(a->pk, b->pk, SSHKEY_ED25519_LEN);
}

int sshkey_load_public(const char *path, struct sshkey *out, struct fc_err *err)
{
	size_t n = strlen(path);
	char *pub = n > 4 && !strcmp(path + n - 4, ".pub") ? xstrdup(path) : xstrfmt("%s.pub", path);
	char line[4096];
	FILE *f = fopen(pub, "r");
	int rc;

	if (!f) {
		rc = fc_failk(err, errno == ENOENT ? FC_ENOTFOUND : FC_EIO, _("cannot read the public "
			      "key %s: %s"), pub, strerror(errno));
	} else if (!fgets(line, sizeof line, f)) {
		rc = fc_fail(err, _("%s is empty"), pub);
	} else {
		rc = sshkey_parse(line, strcspn(line, "\r\n"), out, NULL, pub, err);
	}
	if (f)
		fclose(f);
	free(pub);
	return rc;
}
