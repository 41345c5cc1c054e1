/* cli_export.c - `fieldcheck export ID --out FILE.tar.gz`: an inspection's
 * evidence package (sync/casefile.h), its notice worded with the form's
 * labels (forms/inspect/inspect_notice.h). */
#include <stdio.h>

#include "cli_export.h"
#include "core/i18n.h"
#include "core/workspace.h"
#include "forms/inspect/inspect_notice.h"
#include "sync/casefile.h"

static const char usage[] = "fieldcheck export ID --out FILE.tar.gz [--force]";

static void print_result(const struct casefile_result *res, const char *out)
{
	printf(_("exported inspection %.8s to "), res->inspection);
	fputs_safe(out, stdout);
	printf(_(": %zu files, %zu hazard%s%s\n"), res->files, res->hazards, res->hazards == 1 ? "" : "s",
	       res->notice ? ", rectification notice" : "");
	if (res->documents)
		printf(_("documents: %zu file%s under documents/\n"), res->documents,
		       res->documents == 1 ? "" : "s");
	if (res->fetched)
		printf(_("fetched %zu file%s not on this laptop first\n"), res->fetched,
		       res->fetched == 1 ? "" : "s");
	if (res->evidence || res->missing)
		printf(_("evidence: %zu file%s under files/\n"), res->evidence,
		       res->evidence == 1 ? "" : "s");
	if (res->missing)
		fprintf(stderr, _("fieldcheck: warning: %zu file%s not on this laptop: listed in "
			"manifest.json as missing (--force)\n"), res->missing,
			res->missing == 1 ? "" : "s");
	if (res->form_from_store)
		fprintf(stderr, _("fieldcheck: note: the form was not in the replica; the package "
			"holds the store's copy, which the central repository cannot vouch for\n"));
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	const char *out = NULL, *pos[1];
	int force = 0;
	const struct cli_opt opts[] = {
		{ "out", OPT_VALUE, &out, NULL, NULL },
		{ "force", OPT_FLAG, NULL, &force, NULL },
		{ 0 },
	};
	struct notice_formcache cache;
	struct casefile_options o;
	struct casefile_result res;
	struct notice_forms forms;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int rc;

	if ((rc = cli_parse_exact(argc, argv, opts, pos, 1, usage,
				  _("export needs the id of an inspection"))))
		return rc;
	if (!out || !*out)
		return cli_usage(usage, _("export needs --out FILE.tar.gz"));
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	notice_forms_init(&cache, ws, &forms);
	o.out = out;
	o.force = force;
	o.forms = &forms;
	rc = casefile_export(ws, pos[0], &o, &res, &err);
	notice_forms_release(&cache);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	print_result(&res, out);
	return 0;
}
