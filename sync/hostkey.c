/* hostkey.c - pinning SSH host keys (see hostkey.h). */
#include "hostkey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base64.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "url.h"

/* "SHA256:..." of a host key's hash, unpadded as OpenSSH prints it. */
static void fingerprint(const unsigned char *sha256, char *out, size_t size)
{
	struct strbuf b64;

	strbuf_init(&b64);
	base64_encode(sha256, 32, 0, &b64);
	snprintf(out, size, "SHA256:%s", b64.buf);
	strbuf_release(&b64);
}
/* The pinned fingerprint of endpoint, or NULL. */
static char *pinned(const char *file, const char *endpoint)
{
	char line[512], *fp = NULL;
	size_t n = strlen(endpoint);
	FILE *f = fopen(file, "r");

	if (!f)
		return NULL;
	while (!fp && fgets(line, sizeof line, f))
		if (!strncmp(line, endpoint, n) && line[n] == ' ') {
			line[strcspn(line, "\n")] = '\0';
			fp = xstrdup(line + n + 1);
		}
	fclose(f);
	return fp;
}

int hostkey_check(struct replica *r, const char *url, const char *host,
		  const git_cert_hostkey *hk, struct fc_err *err)
{
	char endpoint[300], fp[64];
	char *file = workspace_file(r->ws, "known_hosts"), *have;
	FILE *f;
	int rc = 0;

	if (!(hk->type & GIT_CERT_SSH_SHA256)) {
		free(file);
		return fc_failk(err, FC_EFAIL, _("the SSH server %s sent no SHA-256 host key"), host);
	}
	fingerprint(hk->hash_sha256, fp, sizeof fp);
	/* Pinned under the host and port of the URL the connection uses. */
	if (url_endpoint(url, endpoint, sizeof endpoint, err)) {
		free(file);
		return -1;
	}
	have = pinned(file, endpoint);
	if (have && strcmp(have, fp)) {
		rc = fc_failk(err, FC_EFAIL, _("the host key of %s has changed: it was %s and is now %s. "
			      "Refusing to sync. If the server was really re-keyed, remove its line "
			      "from %s and sync again"), endpoint, have, fp, file);
	} else if (!have) {
		if ((f = fopen(file, "a")) == NULL || fprintf(f, "%s %s\n", endpoint, fp) < 0 ||
		    fclose(f) != 0) {
			rc = fc_failk(err, FC_EFAIL, _("cannot record the host key in %s"), file);
		} else {
			struct strbuf sb;
			strbuf_init(&sb);
			strbuf_addf(&sb, _("pinned the host key of %s on first use: %s"), endpoint, fp);
			free(r->notice);
			r->notice = strbuf_detach(&sb);
		}
	}
	free(have);
	free(file);
	return rc;
}
