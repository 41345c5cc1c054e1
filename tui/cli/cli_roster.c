/* cli_roster.c - `fieldcheck roster`: who may sign a central's commits
 * (core/roster.h), listed from the workspace's branch and changed by a
 * supervisor on the central itself (sync/rosteredit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/roster.h"
#include "core/workspace.h"
#include "sync/rosteredit.h"

static const char roster_usage[] =
	"fieldcheck roster list [--format text|csv|json]\n"
	"       fieldcheck roster found [--remote NAME]\n"
	"       fieldcheck roster add --badge B --name N --dept D --key KEY.pub\n"
	"                  [--role inspector|supervisor] [--from WHEN] [--until WHEN] "
	"[--remote NAME]\n"
	"       fieldcheck roster revoke BADGE [--at WHEN] [--remote NAME]\n"
	"WHEN is a date (YYYY-MM-DD, its midnight here) or a timestamp with its offset.";

/* A date or a timestamp as seconds since the epoch; "" or NULL: now. */
static int when(const char *s, long long *out, struct fc_err *err)
{
	char ts[FC_TIMESTAMP_LEN + 1], now[FC_TIMESTAMP_LEN + 1];
	int off;

	if (clock_now(now, err))
		return -1;
	if (!s || !*s)
		snprintf(ts, sizeof ts, "%s", now);
	else if (date_check(s, _("date"), err) == 0)
		snprintf(ts, sizeof ts, "%.10sT00:00:00%s", s, now + 19);
	else if (timestamp_check(s, "time", err) == 0)
		snprintf(ts, sizeof ts, "%s", s);
	else
		return fc_failk(err, FC_EUSAGE, _("'%.40s' is neither a date (YYYY-MM-DD) nor a "
				"timestamp (YYYY-MM-DDTHH:MM:SS+08:00)"), s);
	return timestamp_epoch(ts, out, &off, err);
}

static int run_edit(struct cli *cli, const char *remote, struct roster_edit *ed)
{
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	struct sync_log rep;
	char commit[41];
	int rc;

	memset(&rep, 0, sizeof rep);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	if (ed->kind == ROSTER_FOUND) {
		ed->e.who = ws->me;
		ed->e.role = ROLE_SUPERVISOR;
		ed->e.valid_after = ed->at;
		if (!ws->sign_key || sshkey_load_public(ws->sign_key, &ed->e.key, &err)) {
			if (!ws->sign_key)
				fc_fail(&err, _("set your signing key first: 'fieldcheck whoami "
					"--sign-key ~/.ssh/id_ed25519'"));
			workspace_close(ws);
			return cli_report(&err);
		}
	}
	rc = roster_edit_push(ws, remote ? remote : "origin", ed, commit, &rep, &err);
	cli_sync_notes(&rep);
	sync_log_release(&rep);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	fputs(_("roster of "), stdout);
	fputs_safe(remote ? remote : "origin", stdout);
	printf(_(" changed in commit %.12s\n"), commit);
	return 0;
}

static int roster_found(struct cli *cli, int argc, char **argv)
{
	const char *remote = NULL;
	struct roster_edit ed;
	struct fc_err err = { 0 };
	int rc;
	const struct cli_opt opts[] = { { "remote", OPT_VALUE, &remote, NULL, NULL }, { 0 } };

	if ((rc = cli_parse_opts(argc, argv, opts, roster_usage)))
		return rc;
	memset(&ed, 0, sizeof ed);
	ed.kind = ROSTER_FOUND;
	if (when(NULL, &ed.at, &err))
		return cli_report(&err);
	return run_edit(cli, remote, &ed);
}

static int roster_add_cmd(struct cli *cli, int argc, char **argv)
{
	const char *badge = NULL, *name = NULL, *dept = NULL, *key = NULL, *role = NULL;
	const char *from = NULL, *until = NULL, *remote = NULL;
	struct roster_edit ed;
	struct fc_err err = { 0 };
	int rc;
	const struct cli_opt opts[] = {
		{ "badge", OPT_VALUE, &badge, NULL, NULL }, { "name", OPT_VALUE, &name, NULL, NULL },
		{ "dept", OPT_VALUE, &dept, NULL, NULL }, { "key", OPT_VALUE, &key, NULL, NULL },
		{ "role", OPT_VALUE, &role, NULL, NULL }, { "from", OPT_VALUE, &from, NULL, NULL },
		{ "until", OPT_VALUE, &until, NULL, NULL },
		{ "remote", OPT_VALUE, &remote, NULL, NULL }, { 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, roster_usage)))
		return rc;
	if (!badge || !name || !dept || !key)
		return cli_usage(roster_usage, _("roster add needs --badge, --name, --dept and --key"));
	if (role && strcmp(role, "inspector") && strcmp(role, "supervisor"))
		return cli_usage(roster_usage, _("--role is inspector or supervisor"));
	memset(&ed, 0, sizeof ed);
	ed.kind = ROSTER_ADD;
	ed.e.role = role && !strcmp(role, "supervisor") ? ROLE_SUPERVISOR : ROLE_INSPECTOR;
	if (copy_field(ed.e.who.badge, sizeof ed.e.who.badge, badge, "badge number", &err) ||
	    copy_field(ed.e.who.name, sizeof ed.e.who.name, name, "name", &err) ||
	    copy_field(ed.e.who.dept, sizeof ed.e.who.dept, dept, "department", &err) ||
	    sshkey_load_public(key, &ed.e.key, &err) || when(from, &ed.e.valid_after, &err) ||
	    (until && when(until, &ed.e.valid_before, &err)))
		return cli_report(&err);
	return run_edit(cli, remote, &ed);
}

static int roster_revoke_cmd(struct cli *cli, int argc, char **argv)
{
	const char *at = NULL, *remote = NULL, *pos[1];
	struct roster_edit ed;
	struct fc_err err = { 0 };
	int rc;
	const struct cli_opt opts[] = { { "at", OPT_VALUE, &at, NULL, NULL },
					{ "remote", OPT_VALUE, &remote, NULL, NULL }, { 0 } };

	if ((rc = cli_parse_exact(argc, argv, opts, pos, 1, roster_usage,
				  _("roster revoke needs the badge whose keys end"))))
		return rc;
	memset(&ed, 0, sizeof ed);
	ed.kind = ROSTER_REVOKE;
	if (copy_field(ed.badge, sizeof ed.badge, pos[0], "badge number", &err) ||
	    badge_check(ed.badge, &err) || when(at, &ed.at, &err))
		return cli_report(&err);
	return run_edit(cli, remote, &ed);
}

static int roster_list(struct cli *cli, int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "badge", N_("BADGE"), 0, 0, 0 }, { "name", N_("NAME"), 0, 0, 0 },
		{ "dept", N_("DEPT"), 0, 0, 0 }, { "role", N_("ROLE"), 0, 0, COL_WORD },
		{ "key", N_("KEY"), 0, 0, 0 }, { "from", N_("FROM"), 0, 0, 0 },
		{ "until", N_("UNTIL"), 0, 0, 0 },
	};
	const char *fmt = NULL;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	enum table_format tf;
	struct roster ro;
	struct table t;
	size_t i;
	int rc;
	const struct cli_opt opts[] = { { "format", OPT_VALUE, &fmt, NULL, NULL }, { 0 } };

	if ((rc = cli_parse_opts(argc, argv, opts, roster_usage)) ||
	    (rc = cli_format(fmt, &tf, roster_usage)))
		return rc;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = roster_read_head(ws, &ro, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	table_init(&t, cols, 7);
	for (i = 0; i < ro.n; i++) {
		const struct roster_entry *e = &ro.e[i];
		char fp[SSHKEY_FP_LEN], from[16], until[16] = "";
		sshkey_fingerprint(&e->key, fp);
		roster_time_format(e->valid_after, from);
		if (e->valid_before)
			roster_time_format(e->valid_before, until);
		table_add(&t, (const char *[]){ e->who.badge, e->who.name, e->who.dept,
						roster_role_name(e->role), fp, from, until });
	}
	rc = cli_print_listing(&t, tf);
	table_release(&t);
	roster_release(&ro);
	return rc;
}

int cmd_roster(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = {
		{ "list", roster_list }, { "found", roster_found },
		{ "add", roster_add_cmd }, { "revoke", roster_revoke_cmd }, { 0 },
	};

	return cli_dispatch(cli, argc, argv, verbs, roster_usage,
			    "roster needs list, found, add or revoke", 0);
}
