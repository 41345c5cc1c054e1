/* cli_enterprise.c - `fieldcheck enterprise add|list`. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/enterprise.h"
#include "core/i18n.h"
#include "core/workspace.h"

static const char usage[] =
	"fieldcheck enterprise add --code USCC --name NAME [--town T] [--industry C26] [--address A]\n"
	"       fieldcheck enterprise list [--search TEXT] [--format text|csv|json]";

static int add(struct cli *cli, int argc, char **argv)
{
	const char *code = NULL, *name = NULL, *town = "", *industry = "", *address = "";
	struct fc_enterprise e;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int rc;
	const struct cli_opt opts[] = {
		{ "code", OPT_VALUE, &code, NULL, NULL },
		{ "name", OPT_VALUE, &name, NULL, NULL },
		{ "town", OPT_VALUE, &town, NULL, NULL },
		{ "industry", OPT_VALUE, &industry, NULL, NULL },
		{ "address", OPT_VALUE, &address, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)))
		return rc;
	if (!code || !name)
		return cli_usage(usage, _("enterprise add needs --code and --name"));
	memset(&e, 0, sizeof e);
	if (uscc_check(code, &err))
		return cli_report(&err);
	memcpy(e.code, code, sizeof e.code);
	e.name = (char *)name;
	e.town = (char *)town;
	e.industry = (char *)industry;
	e.address = (char *)address;
	if (enterprise_check(&e, &err))
		return cli_report(&err);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = enterprise_add(ws->store, &e, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	printf(_("added %s "), e.code);
	fputs_safe(e.name, stdout);
	putchar('\n');
	return 0;
}

static int add_row(const struct fc_enterprise *e, void *ctx)
{
	table_add(ctx, (const char *[]){ e->code, e->name, e->town, e->industry, e->address });
	return 0;
}

static int list(struct cli *cli, int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "code", N_("CODE"), 0, 0, 0 }, { "name", N_("NAME"), 0, 0, 0 }, { "town", N_("TOWN"), 0, 0, 0 },
		{ "industry", N_("INDUSTRY"), 0, 0, 0 }, { "address", N_("ADDRESS"), 0, 0, 0 },
	};
	const char *search = "", *fmt = NULL;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	enum table_format f;
	struct table t;
	int rc;
	const struct cli_opt opts[] = {
		{ "search", OPT_VALUE, &search, NULL, NULL },
		{ "format", OPT_VALUE, &fmt, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)) ||
	    (rc = cli_format(fmt, &f, usage)))
		return rc;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	table_init(&t, cols, 5);
	rc = enterprise_list(ws->store, search, 0, add_row, &t, &err);
	workspace_close(ws);
	return cli_end_listing(&t, f, rc, &err);
}

int cmd_enterprise(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = { { "add", add }, { "list", list }, { 0 } };

	return cli_dispatch(cli, argc, argv, verbs, usage,
			    "enterprise needs a command: add or list", 1);
}
