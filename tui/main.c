/* main.c - fieldcheck's entry point: the global options, then the command
 * line (tui/cli/) when a command follows them, else the terminal UI
 * (tui/screens/).  Neither front end calls the other. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/store.h"
#include "core/workspace.h"
#include "tui/cli/cli.h"
#include "tui/screens/tui_main.h"

#define FC_VERSION "0.1.0"

int main(int argc, char **argv)
{
	struct cli cli = { NULL, "fieldcheck" };
	struct fc_err err = { 0 };
	const char *opt_dir = NULL;
	char *dir = NULL;
	int i = 1, rc;

	store_single_thread(); /* fieldcheck never starts a thread */
	setlocale(LC_ALL, "");
	i18n_init();
	/* A file-size limit must fail the write, not kill us mid-transaction. */
	signal(SIGXFSZ, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-C") && i + 1 < argc)
			opt_dir = argv[++i];
		else if (!strncmp(argv[i], "-C", 2) && argv[i][2])
			opt_dir = argv[i] + 2;
		else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(_(cli_usage_text), stdout);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			puts("fieldcheck " FC_VERSION);
			return 0;
		} else
			return cli_usage(cli_usage_text, _("unknown option '%s'"), argv[i]);
	}
	if (workspace_locate(opt_dir, &dir, &err))
		return cli_report(&err);
	if (i == argc) {
		rc = tui_main(dir, &err) ? cli_report(&err) : 0;
	} else {
		cli.workspace = dir;
		rc = cli_main(&cli, argc - i, argv + i);
	}
	free(dir);
	return rc;
}
