/* url.c - reading remote URLs (see url.h). */
#include "url.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"

/* Where a URL's parts lie: user[:password] in [user, user_end), the host
 * (brackets included) in [host, host_end), then ':' and a port or a path. */
struct url_spans {
	const char *scheme_end;       /* the "://", or NULL for scp-like */
	const char *user, *user_end;  /* NULL when there is no user part */
	const char *host, *host_end;
};

static int is_local(const char *url)
{
	const char *colon = strchr(url, ':'), *slash = strchr(url, '/');

	if (!strncmp(url, "file://", 7) || url[0] == '/' || !strncmp(url, "./", 2) ||
	    !strncmp(url, "../", 3))
		return 1;
	/* git's rule: a colon before the first slash makes it a URL. */
	return !colon || (slash && slash < colon);
}

/* The end of a host starting at s: past the ']' of an IPv6 address, else
 * at the first ':' or '/' (or stop). */
static const char *host_end(const char *s, const char *stop)
{
	const char *p = s;

	if (*s == '[') {
		while (p < stop && *p != ']')
			p++;
		return p < stop ? p + 1 : s; /* no ']': an empty host, refused */
	}
	while (p < stop && *p != ':' && *p != '/')
		p++;
	return p;
}

static void spans_of(const char *url, struct url_spans *sp)
{
	const char *p = strstr(url, "://"), *end, *at = NULL, *q;

	memset(sp, 0, sizeof *sp);
	if (p && strchr(url, ':') == p) {
		sp->scheme_end = p;
		p += 3;
		end = p + strcspn(p, "/");
		for (q = p; q < end; q++)  /* the last '@' of the authority */
			if (*q == '@')
				at = q;
	} else {
		/* scp-like: a user part only if a host and ':' follow it. */
		p = url;
		end = p + strcspn(p, "/");
		at = memchr(p, '@', (size_t)(end - p));
		if (at && *host_end(at + 1, end) != ':')
			at = NULL;
	}
	if (at) {
		sp->user = p;
		sp->user_end = at;
		p = at + 1;
	}
	sp->host = p;
	sp->host_end = host_end(p, end);
}

char *url_public(const char *url)
{
	struct url_spans sp;
	const char *colon;
	struct strbuf sb;

	spans_of(url, &sp);
	if (!sp.user || !(colon = memchr(sp.user, ':', (size_t)(sp.user_end - sp.user))))
		return xstrdup(url);
	strbuf_init(&sb);
	strbuf_add(&sb, url, (size_t)(colon + 1 - url));
	strbuf_adds(&sb, "***");
	strbuf_adds(&sb, sp.user_end);
	return strbuf_detach(&sb);
}

static int bad(const char *url, struct fc_err *err, const char *why)
{
	char *shown = url_public(url);
	fc_failk(err, FC_EUSAGE, _("'%.300s' is not a URL fieldcheck can use: %s"), shown, why);
	free(shown);
	return -1;
}

static int host_char(char c, int v6)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '-' || c == '_' || (v6 && (c == ':' || c == '%'));
}

static int read_host(const char *url, const struct url_spans *sp, struct remote_url *out,
		     struct fc_err *err)
{
	const char *h = sp->host, *e = sp->host_end;
	int v6 = *h == '[';
	size_t n;

	if (v6)
		h++, e--;
	n = (size_t)(e - h);
	if (n == 0)
		return bad(url, err, "it names no host");
	if (n > URL_MAX_HOST)
		return bad(url, err, "its host name is too long");
	for (; h < e; h++)
		if (!host_char(*h, v6))
			return bad(url, err, v6 ? "its IPv6 address holds a character no address has"
						: "its host name holds a character no host name has");
	memcpy(out->host, sp->host + v6, n);
	out->host[n] = '\0';
	return 0;
}

static int read_port(const char *url, const char *p, struct remote_url *out, struct fc_err *err)
{
	long port = 0;

	if (*p && *p != ':' && *p != '/')
		return bad(url, err, "its host is followed by neither a port nor a path");
	if (*p != ':')
		return 0;
	for (p++; *p >= '0' && *p <= '9' && port <= 65535; p++)
		port = port * 10 + (*p - '0');
	if ((*p && *p != '/') || port < 1 || port > 65535)
		return bad(url, err, "its port is not a number from 1 to 65535");
	out->port = (int)port;
	return 0;
}

int url_parse(const char *url, struct remote_url *out, struct fc_err *err)
{
	struct url_spans sp;
	size_t n;

	memset(out, 0, sizeof *out);
	if (!*url)
		return bad(url, err, "it is empty");
	if (text_check(url, strlen(url), TEXT_LINE, 4096, _("the URL"), err))
		return -1;
	spans_of(url, &sp);
	if (sp.user) {
		out->has_user = 1;
		out->has_password = memchr(sp.user, ':', (size_t)(sp.user_end - sp.user)) != NULL;
	}
	if (is_local(url) && !sp.scheme_end) {
		out->local = 1;
		return 0;
	}
	if (!sp.scheme_end) {
		strcpy(out->scheme, "ssh");
		if (*sp.host_end != ':')
			return bad(url, err, "an scp-like URL is HOST:PATH");
		return read_host(url, &sp, out, err);
	}
	n = (size_t)(sp.scheme_end - url);
	if (n == 0 || n >= sizeof out->scheme)
		return bad(url, err, "its scheme is not one git knows");
	memcpy(out->scheme, url, n);
	out->scheme[n] = '\0';
	if (!strcmp(out->scheme, "file")) {
		out->local = 1;
		return 0;
	}
	return read_host(url, &sp, out, err) || read_port(url, sp.host_end, out, err);
}

int url_refuse_password(const char *url, struct fc_err *err)
{
	struct url_spans sp;
	char *shown;

	spans_of(url, &sp);
	if (!sp.user || !memchr(sp.user, ':', (size_t)(sp.user_end - sp.user)))
		return 0;
	shown = url_public(url);
	fc_failk(err, FC_EUSAGE, _("the URL %.300s holds a password: fieldcheck never stores one "
		 "(it would sit in clear in the replica's config). Give the URL without it and "
		 "sign in with an SSH key: fieldcheck remote add NAME ssh://USER@HOST/PATH "
		 "--key ~/.ssh/id_ed25519"), shown);
	free(shown);
	return -1;
}

static int default_port(const char *scheme)
{
	return !strcmp(scheme, "git") ? 9418 : !strcmp(scheme, "http") ? 80
		: !strcmp(scheme, "https") ? 443 : 22;
}

int url_endpoint(const char *url, char *out, size_t size, struct fc_err *err)
{
	struct remote_url u;
	int port;

	if (url_parse(url, &u, err))
		return -1;
	if (u.local)
		return bad(url, err, "it names no host");
	port = u.port ? u.port : default_port(u.scheme);
	snprintf(out, size, strchr(u.host, ':') ? "[%s]:%d" : "%s:%d", u.host, port);
	return 0;
}
