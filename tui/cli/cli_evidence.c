/* cli_evidence.c - `fieldcheck evidence fetch [ID...]`: other officers'
 * files that records name, fetched from the central on demand
 * (sync/evfetch.h); a sync brings only the officer's own. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/workspace.h"
#include "sync/evfetch.h"

static const char evidence_usage[] = "fieldcheck evidence fetch [ID...]";

/* An inspection's or a hazard's id, or a unique prefix of one. */
static int target(struct fc_workspace *ws, const char *arg, struct evfetch_target *t,
		  char *id, struct fc_err *err)
{
	struct fc_err not_insp = { 0 };

	if (store_expand_id(ws->store, "inspections", arg, id, &not_insp) == 0) {
		t->kind = "inspection", t->id = id;
		return 0;
	}
	if (not_insp.kind != FC_ENOTFOUND) {
		*err = not_insp;
		return -1;
	}
	if (store_expand_id(ws->store, "hazards", arg, id, err))
		return err->kind == FC_ENOTFOUND ?
		       fc_failk(err, FC_ENOTFOUND, _("no inspection or hazard '%s'"), arg) : -1;
	t->kind = "hazard", t->id = id;
	return 0;
}

static void report(const struct evfetch_result *res)
{
	cli_sync_notes(&res->rep);
	if (!res->needed)
		puts(_("every file these records name is on this laptop"));
	else
		printf(_("fetched %zu of %zu file%s not on this laptop\n"), res->kept, res->needed,
		       res->needed == 1 ? "" : "s");
}

static int evidence_fetch(struct cli *cli, int argc, char **argv)
{
	const char *pos[64];
	char ids[64][FC_UUID_LEN + 1];
	struct evfetch_target t[64];
	struct evfetch_result res;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	size_t n, i;
	int rc;

	if ((rc = cli_parse(argc, argv, NULL, pos, ARRAY_SIZE(pos), &n, evidence_usage)))
		return rc;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	for (i = 0; i < n; i++)
		if (target(ws, pos[i], &t[i], ids[i], &err)) {
			workspace_close(ws);
			return cli_report(&err);
		}
	rc = evfetch_run(ws, t, n, NULL, &res, &err);
	report(&res);
	if (rc == 0 && (res.refused || res.missing))
		rc = fc_fail(&err, _("%zu file%s still not on this laptop"), res.refused + res.missing,
			     res.refused + res.missing == 1 ? "" : "s");
	evfetch_result_release(&res);
	workspace_close(ws);
	return rc ? cli_report(&err) : 0;
}

int cmd_evidence(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = { { "fetch", evidence_fetch }, { 0 } };

	return cli_dispatch(cli, argc, argv, verbs, evidence_usage,
			    "evidence needs a command: fetch", 0);
}
