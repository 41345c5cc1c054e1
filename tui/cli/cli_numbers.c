/* cli_numbers.c - `fieldcheck numbers [--authority NAME] [--block N]`: the
 * issuing authority's short name that begins every document number, the
 * size of the blocks this laptop claims through the central repository,
 * and how many numbers its confirmed blocks still hold this year (see
 * core/docnum_store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/docnum_store.h"
#include "core/i18n.h"
#include "core/workspace.h"

static const char usage[] = "fieldcheck numbers [--authority NAME] [--block N]";

static int show(struct fc_workspace *ws, struct fc_err *err)
{
	char auth[MAX_AUTHORITY + 1], now[FC_TIMESTAMP_LEN + 1];
	int block, k, left, claimed, year;

	if (docnum_authority_get(ws->store, auth, err) || docnum_block_get(ws->store, &block, err) ||
	    clock_now(now, err))
		return -1;
	year = atoi(now);
	printf(_("authority   %s\nblock       %d numbers\n"),
	       auth[0] ? auth : _("(not set: no document is numbered)"), block);
	for (k = 0; auth[0] && k < DOCNUM_KIND_COUNT; k++) {
		if (docnum_left(ws->store, auth, (enum docnum_kind)k, year, ws->me.badge, &left,
				&claimed, err))
			return -1;
		printf(_("%-11s %d of %d left in %d (%s)\n"), docnum_kind_name((enum docnum_kind)k),
		       left, claimed, year, docnum_kind_word((enum docnum_kind)k));
	}
	if (auth[0])
		puts(_("A sync claims a new block from the central repository when fewer than "
		       "half of one are left."));
	return 0;
}

int cmd_numbers(struct cli *cli, int argc, char **argv)
{
	const char *auth = NULL, *block = NULL;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	char *end = NULL;
	long n = 0;
	int rc;
	const struct cli_opt opts[] = {
		{ "authority", OPT_VALUE, &auth, NULL, NULL },
		{ "block", OPT_VALUE, &block, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)))
		return rc;
	if (block && ((n = strtol(block, &end, 10)) < 1 || n > DOCNUM_MAX_BLOCK || *end))
		return cli_usage(usage, _("--block takes a number from 1 to %d"), DOCNUM_MAX_BLOCK);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = (auth && docnum_authority_set(ws->store, auth, &err)) ||
	     (block && docnum_block_set(ws->store, (int)n, &err)) || show(ws, &err);
	workspace_close(ws);
	return rc ? cli_report(&err) : 0;
}
