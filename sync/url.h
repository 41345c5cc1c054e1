/* url.h - what fieldcheck reads in a remote's URL.
 *
 * A URL comes from the command line or from a config a person may have
 * edited by hand.  It is read here once, so the SSH host key is pinned
 * under the host and port the connection really uses (an IPv6 address
 * holds colons of its own), and a password in it is refused when a remote
 * is added and masked wherever a URL is shown: passwords do not belong in
 * a replica's config, SSH keys do.
 *
 * Forms read: scheme://[user[:password]@]host[:port][/path] with host a
 * name, an IPv4 address or a bracketed IPv6 address; scp-like
 * [user@]host:path (host bracketed for IPv6, no port); and local paths
 * (/abs, ./rel, ../rel, file://...).
 */
#ifndef FC_SYNC_URL_H
#define FC_SYNC_URL_H

#include <stddef.h>
#include "core/err.h"

#define URL_MAX_HOST 255

struct remote_url {
	int local;                    /* a path or file:// URL: no host */
	char scheme[16];              /* "ssh", "https"...; "ssh" for scp-like; "" if local */
	char host[URL_MAX_HOST + 1];  /* without the IPv6 brackets */
	int port;                     /* 0 when the URL gives none */
	int has_user, has_password;
};

/* Reads url into *out; -1 with a message naming the URL (password masked)
 * when it is not one of the forms above. */
int url_parse(const char *url, struct remote_url *out, struct fc_err *err);
/* Refuses a URL that carries a password, pointing to SSH keys. */
int url_refuse_password(const char *url, struct fc_err *err);
/* A new string: url with the password of its user part, if any, replaced
 * by "***" (free() it).  Works on any string, parsed or not. */
char *url_public(const char *url);
/* "host:port" for an SSH host key ("[v6]:port" for IPv6; port 22 when the
 * URL gives none).  -1 when url is not a network URL. */
int url_endpoint(const char *url, char *out, size_t size, struct fc_err *err);

#endif
