/* cli_inspection_set.c - `fieldcheck inspection set ID [--responsible NAME]
 * [--responsible-title TEXT] [--responsible-phone TEXT] [--findings TEXT]
 * [--opinion TEXT]`: a draft's texts beyond its answers, for the on-site
 * record (core/inspection.h, inspection_set_texts). */
#include <stdio.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/workspace.h"
#include "tui/cli/cli_inspection.h"

int cli_inspection_set(struct cli *cli, int argc, char **argv, const char *usage)
{
	const char *v[INSP_TEXT_COUNT] = { NULL }, *pos[1];
	char id[FC_UUID_LEN + 1];
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int rc, f, any = 0;
	const struct cli_opt opts[] = {
		{ "responsible", OPT_VALUE, &v[INSP_RESP_NAME], NULL, NULL },
		{ "responsible-title", OPT_VALUE, &v[INSP_RESP_TITLE], NULL, NULL },
		{ "responsible-phone", OPT_VALUE, &v[INSP_RESP_PHONE], NULL, NULL },
		{ "findings", OPT_VALUE, &v[INSP_FINDINGS], NULL, NULL },
		{ "opinion", OPT_VALUE, &v[INSP_OPINION], NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_exact(argc, argv, opts, pos, 1, usage,
				  _("inspection set needs the id of an inspection"))))
		return rc;
	for (f = 0; f < INSP_TEXT_COUNT; f++)
		any |= v[f] != NULL;
	if (!any)
		return cli_usage(usage, _("inspection set needs --responsible, --responsible-title, "
				 "--responsible-phone, --findings or --opinion"));
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = store_expand_id(ws->store, "inspections", pos[0], id, &err) ||
	     inspection_set_texts(ws->store, id, v, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	printf(_("inspection %.8s updated\n"), id);
	return 0;
}
