/* cli_init.c - `fieldcheck init` and `fieldcheck whoami`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/sshkey.h"
#include "core/two_officers.h"
#include "core/workspace.h"
#include "sync/sync.h"
#include "sync/url.h"

static const char init_usage[] =
	"fieldcheck init --name NAME --badge BADGE --dept DEPT [--supervisor] [--sign-key KEY]\n"
	"       [--from URL [--key FILE] [--roster-key SHA256:FINGERPRINT] [--records-only]]";
static const char whoami_usage[] =
	"fieldcheck whoami [--sign-key KEY] [--two-officers all|none|TYPE,...] "
	"[--format text|csv|json]";

/* The key that signs the workspace's commits, checked and kept. */
static int set_sign_key(struct cli *cli, const char *key)
{
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	char fp[SSHKEY_FP_LEN];
	struct sshkey k;

	if (workspace_open(cli->workspace, &ws, &err) || workspace_set_sign_key(ws, key, &err) ||
	    sshkey_load_public(ws->sign_key, &k, &err)) {
		workspace_close(ws);
		return cli_report(&err);
	}
	sshkey_fingerprint(&k, fp);
	fputs(_("commits are signed with "), stdout);
	fputs_safe(ws->sign_key, stdout);
	printf(" (%s)\n", fp);
	workspace_close(ws);
	return 0;
}

/* A new device starting from a central repository: origin, then a pull.
 * When it fails (a refused central, an unreachable one) the caller takes
 * back everything the init made: no half-made workspace is left behind. */
static int init_from(struct cli *cli, const char *url, const char *ssh_key,
		     const char *roster_key, int records_only)
{
	struct sync_options o = { "origin", 0, NULL, records_only };
	struct sync_result res;
	struct fc_workspace *ws = NULL;
	struct fc_err err = { 0 };
	int rc = -1;

	memset(&res, 0, sizeof res);
	if (workspace_open(cli->workspace, &ws, &err) == 0 &&
	    sync_remote_add(ws, "origin", url, ssh_key, &err) == 0 &&
	    (!roster_key || trust_expect_founder(ws, "origin", roster_key, &err) == 0))
		rc = sync_run(ws, &o, &res, &err);
	if (rc == 0) {
		fputs(_("imported from "), stdout);
		fputs_safe(url, stdout);
		printf(_(": %zu inspections, %zu hazards, %zu enterprises\n"),
		       res.rep.imported_inspections, res.rep.imported_hazards,
		       res.rep.imported_enterprises);
		if (res.files_restored) /* a laptop reinstalled: its own files back */
			printf(_("%zu evidence file%s of yours put back from the central\n"),
			       res.files_restored, res.files_restored == 1 ? "" : "s");
		if (res.files_fetched) /* a supervisor's */
			printf(_("fetched %zu evidence file%s of others into the evidence store\n"),
			       res.files_fetched, res.files_fetched == 1 ? "" : "s");
	}
	cli_sync_notes(&res.rep); /* a refusal too says why */
	if (rc == 0 && res.rep.refused_paths) {
		fprintf(stderr, _("fieldcheck: %zu file%s quarantined (see "),
			res.rep.refused_paths, res.rep.refused_paths == 1 ? "" : "s");
		fputs_safe(ws->dir, stderr);
		fputs(_("/quarantine/log)\n"), stderr);
	}
	sync_result_release(&res);
	workspace_close(ws);
	if (rc) {
		fc_err_prefix(&err, _("the first pull from %s failed, so no workspace was made in %s"),
			      url, cli->workspace);
		return cli_report(&err);
	}
	return 0;
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *badge = NULL, *dept = NULL, *from = NULL, *key = NULL;
	const char *roster_key = NULL, *ssh_key = NULL;
	int supervisor = 0, records_only = 0, rc;
	struct fc_person me;
	struct workspace_undo undo;
	struct remote_url url;
	struct fc_err err = { 0 };
	const struct cli_opt opts[] = {
		{ "name", OPT_VALUE, &name, NULL, NULL },
		{ "badge", OPT_VALUE, &badge, NULL, NULL },
		{ "dept", OPT_VALUE, &dept, NULL, NULL },
		{ "supervisor", OPT_FLAG, NULL, &supervisor, NULL },
		{ "from", OPT_VALUE, &from, NULL, NULL },
		{ "sign-key", OPT_VALUE, &key, NULL, NULL },
		{ "roster-key", OPT_VALUE, &roster_key, NULL, NULL },
		{ "key", OPT_VALUE, &ssh_key, NULL, NULL },
		{ "records-only", OPT_FLAG, NULL, &records_only, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, init_usage)))
		return rc;
	if (roster_key && !from)
		return cli_usage(init_usage, _("--roster-key goes with --from"));
	if (records_only && !from)
		return cli_usage(init_usage, _("--records-only goes with --from"));
	if (ssh_key && !from)
		return cli_usage(init_usage, _("--key goes with --from"));
	/* before the workspace is made, as every other wrong argument */
	if (ssh_key) {
		char *abs = sync_key_path(ssh_key, &err);
		if (!abs)
			return cli_report(&err);
		free(abs);
	}
	if (!name || !badge || !dept)
		return cli_usage(init_usage, _("init needs --name, --badge and --dept: the identity "
				 "that signs everything this workspace records"));
	memset(&me, 0, sizeof me);
	/* A URL origin will refuse is refused before the workspace is made. */
	if (from && (url_parse(from, &url, &err) || url_refuse_password(from, &err)))
		return cli_report(&err);
	if (copy_field(me.name, sizeof me.name, name, "name", &err) ||
	    copy_field(me.badge, sizeof me.badge, badge, "badge number", &err) ||
	    copy_field(me.dept, sizeof me.dept, dept, "department", &err) ||
	    (from && workspace_undo_note(cli->workspace, &undo, &err)))
		return cli_report(&err);
	if (workspace_init(cli->workspace, &me, supervisor, &err)) {
		rc = cli_report(&err);
		goto out;
	}
	printf(_("created %s workspace in "), supervisor ? _("a supervisor") : _("an inspector"));
	fputs_safe(cli->workspace, stdout);
	fputs(_(" for "), stdout);
	fputs_safe(me.name, stdout);
	printf(_(" (badge %s, "), me.badge);
	fputs_safe(me.dept, stdout);
	printf(")\n");
	if (key && (rc = set_sign_key(cli, key)))
		goto undo;
	if (from)
		rc = init_from(cli, from, ssh_key, roster_key, records_only);
undo:
	if (from && rc)
		workspace_undo_run(&undo); /* only what init made: see core/workspace.h */
out:
	if (from)
		workspace_undo_release(&undo);
	return rc;
}

/* `whoami --two-officers LIST`: which inspection types the department does
 * in pairs (core/two_officers.h). */
static int set_two_officers(struct cli *cli, const char *list)
{
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	unsigned mask;
	int rc;

	if (two_officers_parse(list, &mask, &err))
		return cli_usage(whoami_usage, "%s", err.msg);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = two_officers_set(ws->store, mask, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	printf(_("two officers for: %s\n"), list);
	return 0;
}

int cmd_whoami(struct cli *cli, int argc, char **argv)
{
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	const char *fmt = NULL, *key = NULL, *pairs = NULL;
	enum table_format f;
	int rc;
	const struct cli_opt opts[] = { { "format", OPT_VALUE, &fmt, NULL, NULL },
					{ "sign-key", OPT_VALUE, &key, NULL, NULL },
					{ "two-officers", OPT_VALUE, &pairs, NULL, NULL }, { 0 } };
	static const struct table_col cols[] = {
		{ "name", N_("NAME"), 0, 0, 0 }, { "badge", N_("BADGE"), 0, 0, 0 }, { "dept", N_("DEPT"), 0, 0, 0 },
		{ "role", N_("ROLE"), 0, 0, COL_WORD }, { "workspace", N_("WORKSPACE"), 0, 0, 0 },
		{ "sign_key", N_("SIGNING KEY"), 0, 0, 0 },
		{ "two_officers", N_("TWO OFFICERS"), 0, 0, 0 },
	};
	char fp[SSHKEY_FP_LEN] = "";
	struct strbuf two;
	unsigned mask;
	struct sshkey k;
	struct table t;

	if ((rc = cli_parse_opts(argc, argv, opts, whoami_usage)) ||
	    (rc = cli_format(fmt, &f, whoami_usage)))
		return rc;
	if (key)
		return set_sign_key(cli, key);
	if (pairs)
		return set_two_officers(cli, pairs);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	if (two_officers_get(ws->store, &mask, &err)) {
		workspace_close(ws);
		return cli_report(&err);
	}
	strbuf_init(&two);
	two_officers_format(mask, &two);
	if (ws->sign_key && sshkey_load_public(ws->sign_key, &k, &err) == 0)
		sshkey_fingerprint(&k, fp);
	else if (ws->sign_key)
		snprintf(fp, sizeof fp, "(missing: %.30s)", ws->sign_key);
	table_init(&t, cols, 7);
	table_add(&t, (const char *[]){ ws->me.name, ws->me.badge, ws->me.dept,
					ws->supervisor ? "supervisor" : "inspector", ws->dir, fp,
					two.buf });
	rc = cli_print_listing(&t, f);
	table_release(&t);
	strbuf_release(&two);
	workspace_close(ws);
	return rc;
}
