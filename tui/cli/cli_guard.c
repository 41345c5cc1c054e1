/* cli_guard.c - `fieldcheck guard`: the central repository's pre-receive
 * hook (sync/guard.h), and `guard --install` to put it in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "sync/guard.h"

static const char guard_usage[] =
	"fieldcheck guard                  (run by git as a central's pre-receive hook)\n"
	"       fieldcheck guard --install BARE-REPO [--founder SHA256:FINGERPRINT]";

/* This program's own path, for the hook to run. */
static char *self_path(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

int cmd_guard(struct cli *cli, int argc, char **argv)
{
	const char *install = NULL, *founder = NULL;
	struct fc_err err = { 0 };
	struct strbuf msgs;
	char *self;
	int rc, refused = 0;
	const struct cli_opt opts[] = { { "install", OPT_VALUE, &install, NULL, NULL },
					{ "founder", OPT_VALUE, &founder, NULL, NULL }, { 0 } };

	(void)cli;
	if ((rc = cli_parse_opts(argc, argv, opts, guard_usage)))
		return rc;
	if (install) {
		if (!(self = self_path()))
			return fc_fail(&err, _("cannot tell where this program is")), cli_report(&err);
		rc = guard_install(install, self, founder, &err);
		if (rc == 0) {
			fputs_safe(install, stdout);
			fputs(_("/hooks/pre-receive now runs "), stdout);
			fputs_safe(self, stdout);
			fputs(_(" guard\n"), stdout);
		}
		free(self);
		return rc ? cli_report(&err) : 0;
	}
	if (founder)
		return cli_usage(guard_usage, _("--founder goes with --install"));
	strbuf_init(&msgs);
	rc = guard_run(stdin, &msgs, &refused, &err);
	if (msgs.len) {
		char *line = msgs.buf, *nl;
		for (; (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = '\0';
			fputs(_("fieldcheck guard: "), stderr);
			fputs_safe(line, stderr);
			fputc('\n', stderr);
		}
	}
	strbuf_release(&msgs);
	if (rc)
		return cli_report(&err);
	if (refused)
		fputs(_("fieldcheck guard: push refused; nothing of it was kept\n"), stderr);
	return refused ? 1 : 0;
}
