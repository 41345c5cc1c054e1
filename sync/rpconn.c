/* rpconn.c - libgit2's git:// and ssh:// streams, taken from under its
 * smart transport (see rpconn.h). */
#include "rpconn.h"

#include <git2/sys/transport.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

struct rpconn {
	git_smart_subtransport proxy;       /* what the smart transport wraps */
	git_smart_subtransport_stream fake; /* what it reads: no refs */
	int fake_read;
	git_smart_subtransport_cb make_real;
	git_smart_subtransport *real;       /* libgit2's ssh or git subtransport */
	git_smart_subtransport_stream *stream; /* to git-receive-pack */
	git_transport *smart;
};

#define CONN_OF_PROXY(p) ((struct rpconn *)(void *)(p))
#define CONN_OF_FAKE(s) ((struct rpconn *)(void *)((char *)(s) - offsetof(struct rpconn, fake)))

/* An empty advertisement: one flush. */
static int fake_read(git_smart_subtransport_stream *s, char *buf, size_t size, size_t *got)
{
	struct rpconn *c = CONN_OF_FAKE(s);

	*got = 0;
	if (!c->fake_read && size >= 4) {
		memcpy(buf, "0000", 4);
		*got = 4;
		c->fake_read = 1;
	}
	return 0;
}

/* The smart transport's goodbye flush on closing, not for receive-pack. */
static int fake_write(git_smart_subtransport_stream *s, const char *buf, size_t len)
{
	(void)s, (void)buf, (void)len;
	return 0;
}

static void fake_free(git_smart_subtransport_stream *s)
{
	(void)s;
}

static int proxy_action(git_smart_subtransport_stream **out, git_smart_subtransport *p,
			const char *url, git_smart_service_t action)
{
	struct rpconn *c = CONN_OF_PROXY(p);
	int rc;

	*out = NULL;
	if (action == GIT_SERVICE_RECEIVEPACK_LS && !c->stream) {
		rc = c->real->action(&c->stream, c->real, url, action);
		if (rc < 0) {
			c->stream = NULL;
			return rc;
		}
		*out = &c->fake;
		return 0;
	}
	if (action == GIT_SERVICE_UPLOADPACK && c->stream) {
		*out = &c->fake;
		return 0;
	}
	git_error_set_str(GIT_ERROR_NET, "unexpected transport action");
	return -1;
}

static int proxy_close(git_smart_subtransport *p)
{
	struct rpconn *c = CONN_OF_PROXY(p);

	if (c->stream) {
		c->stream->free(c->stream);
		c->stream = NULL;
	}
	return c->real ? c->real->close(c->real) : 0;
}

static void proxy_free(git_smart_subtransport *p)
{
	struct rpconn *c = CONN_OF_PROXY(p);

	if (c->real)
		c->real->free(c->real);
	c->real = NULL;
}

static int proxy_new(git_smart_subtransport **out, git_transport *owner, void *param)
{
	struct rpconn *c = param;

	if (c->make_real(&c->real, owner, NULL) < 0)
		return -1;
	*out = &c->proxy;
	return 0;
}

int rpconn_open(struct rpconn **out, git_remote *rm, const char *url, int ssh,
		const git_remote_callbacks *cb)
{
	struct rpconn *c = xcalloc(1, sizeof *c);
	git_smart_subtransport_definition def = { proxy_new, 0, c };
	git_remote_connect_options opts;
	int rc;

	c->proxy.action = proxy_action;
	c->proxy.close = proxy_close;
	c->proxy.free = proxy_free;
	c->fake.subtransport = &c->proxy;
	c->fake.read = fake_read;
	c->fake.write = fake_write;
	c->fake.free = fake_free;
	c->make_real = ssh ? git_smart_subtransport_ssh : git_smart_subtransport_git;
	rc = git_remote_connect_options_init(&opts, GIT_REMOTE_CONNECT_OPTIONS_VERSION);
	if (rc == 0) {
		opts.callbacks = *cb;
		rc = git_transport_smart(&c->smart, rm, &def);
	}
	if (rc == 0)
		rc = c->smart->connect(c->smart, url, GIT_DIRECTION_PUSH, &opts);
	if (rc == 0 && !c->stream) {
		git_error_set_str(GIT_ERROR_NET, "no stream to git-receive-pack");
		rc = -1;
	}
	if (rc < 0) {
		rpconn_close(c);
		return rc;
	}
	*out = c;
	return 0;
}

int rpconn_read(void *conn, char *buf, size_t size, size_t *got)
{
	struct rpconn *c = conn;

	return c->stream->read(c->stream, buf, size, got) < 0 ? -1 : 0;
}

int rpconn_write(struct rpconn *c, const char *buf, size_t len)
{
	return c->stream->write(c->stream, buf, len) < 0 ? -1 : 0;
}

/* The smart transport closes ours (proxy_close: the real stream, then
 * libgit2's subtransport) and frees it (proxy_free). */
void rpconn_close(struct rpconn *c)
{
	if (!c)
		return;
	if (c->smart) {
		c->smart->free(c->smart);
	} else if (c->real) {
		proxy_close(&c->proxy);
		proxy_free(&c->proxy);
	}
	free(c);
}
