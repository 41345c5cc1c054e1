/* cli_sync.c - `fieldcheck remote add|list|accept-history`, `sync`, `pull`, `verify`,
 * `reindex`: the command line over sync/sync.h. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/workspace.h"
#include "sync/sync.h"

static const char remote_usage[] =
	"fieldcheck remote add NAME URL [--key SSH-KEY-FILE]\n"
	"       fieldcheck remote list [--format text|csv|json]\n"
	"       fieldcheck remote accept-history NAME COMMIT";

/* A progress line on a terminal: objects and bytes while fetching/pushing. */
static void progress_line(void *ctx, const char *phase, size_t done, size_t total, size_t bytes)
{
	const char *what = !phase ? "" : !strcmp(phase, "sending") ? _("sending") : _("receiving");

	(void)ctx;
	fputc('\r', stderr);
	fprintf(stderr, _("%s objects: %zu/%zu, %zu KiB   "), what, done, total, bytes / 1024);
	if (total && done == total)
		fputc('\n', stderr);
}

static int remote_add(struct cli *cli, int argc, char **argv)
{
	const char *key = NULL, *pos[2];
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int rc;
	const struct cli_opt opts[] = { { "key", OPT_VALUE, &key, NULL, NULL }, { 0 } };

	if ((rc = cli_parse_exact(argc, argv, opts, pos, 2, remote_usage,
				  _("remote add needs a name and a URL"))))
		return rc;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = sync_remote_add(ws, pos[0], pos[1], key, &err);
	workspace_close(ws);
	return rc ? cli_report(&err) : 0;
}

static int remote_list(struct cli *cli, int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "name", N_("NAME"), 0, 0, 0 }, { "url", N_("URL"), 0, 0, 0 },
	};
	const char *fmt = NULL;
	struct sync_remote *l;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	enum table_format tf;
	struct table t;
	size_t n, i;
	int rc;
	const struct cli_opt opts[] = { { "format", OPT_VALUE, &fmt, NULL, NULL }, { 0 } };

	if ((rc = cli_parse_opts(argc, argv, opts, remote_usage)) ||
	    (rc = cli_format(fmt, &tf, remote_usage)))
		return rc;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = sync_remote_list(ws, &l, &n, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	table_init(&t, cols, 2);
	for (i = 0; i < n; i++)
		table_add(&t, (const char *[]){ l[i].name, l[i].url });
	rc = cli_print_listing(&t, tf);
	table_release(&t);
	sync_remote_list_free(l, n);
	return rc;
}

/* A person's decision that a remote's rewritten history is right. */
static int remote_accept(struct cli *cli, int argc, char **argv)
{
	const char *pos[2];
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int rc;

	if ((rc = cli_parse_exact(argc, argv, NULL, pos, 2, remote_usage,
				  _("remote accept-history needs the remote's name and "
				  "the commit its sync named"))))
		return rc;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = synced_accept(ws, pos[0], pos[1], &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	printf(_("accepted; the next sync merges that history (finalized records held here "
	       "still stand)\n"));
	return 0;
}

int cmd_remote(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = {
		{ "accept-history", remote_accept }, { "add", remote_add }, { "list", remote_list },
		{ 0 },
	};

	return cli_dispatch(cli, argc, argv, verbs, remote_usage,
			    "remote needs a command: add, list or accept-history", 0);
}

void cli_sync_report(const struct sync_result *res, int push)
{
	const struct sync_log *rep = &res->rep;

	if (res->committed)
		printf(_("committed %zu changed record%s\n"), res->exported, res->exported == 1 ? "" : "s");
	printf(_("arrived: %zu inspection%s, %zu hazard%s, %zu enterprise%s, %zu form%s\n"),
	       rep->imported_inspections, rep->imported_inspections == 1 ? "" : "s",
	       rep->imported_hazards, rep->imported_hazards == 1 ? "" : "s",
	       rep->imported_enterprises, rep->imported_enterprises == 1 ? "" : "s",
	       rep->imported_forms, rep->imported_forms == 1 ? "" : "s");
	cli_sync_notes(rep);
	if (rep->conflicted)
		printf(_("%zu record%s with conflicting answers: see 'fieldcheck inspection list "
		       "--status conflicted'\n"), rep->conflicted, rep->conflicted == 1 ? "" : "s");
	if (push && res->pushed)
		printf(_("sent to %zu remote%s\n"), res->pushed, res->pushed == 1 ? "" : "s");
	if (push && res->files_sent)
		printf(_("sent %zu evidence file%s\n"), res->files_sent, res->files_sent == 1 ? "" : "s");
	if (res->files_restored)
		printf(_("%zu evidence file%s of yours put back from the central\n"),
		       res->files_restored, res->files_restored == 1 ? "" : "s");
	if (res->files_fetched)
		printf(_("fetched %zu evidence file%s of others into the evidence store\n"),
		       res->files_fetched, res->files_fetched == 1 ? "" : "s");
	if (res->files_refused || res->files_missing)
		printf(_("%zu evidence file%s the records name still not on this laptop "
		       "(see the notes above; 'fieldcheck evidence list' lists them)\n"),
		       res->files_refused + res->files_missing,
		       res->files_refused + res->files_missing == 1 ? "" : "s");
}

void cli_sync_notes(const struct sync_log *rep)
{
	size_t i;

	for (i = 0; i < rep->n_authors && i < 20; i++) {
		fputs(i ? _(", ") : _("from: "), stdout);
		fputs_safe(rep->authors[i], stdout);
	}
	if (rep->n_authors)
		putchar('\n');
	for (i = 0; i < rep->n_notes; i++) {
		fputs(_("note: "), stdout);
		fputs_safe(rep->notes[i].text, stdout);
		putchar('\n');
	}
	for (i = 0; i < rep->n_quarantined; i++) {
		fputs(_("quarantined: "), stderr);
		fputs_safe(rep->quarantined[i].text, stderr);
		fputc('\n', stderr);
	}
}

static int run_sync(struct cli *cli, int argc, char **argv, int push)
{
	const char *pos[1];
	struct sync_progress prog = { isatty(2) ? progress_line : NULL, NULL };
	struct sync_options o = { NULL, push, &prog, 0 };
	struct sync_result res;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	size_t n_pos;
	int rc;
	const struct cli_opt opts[] = {
		{ "records-only", OPT_FLAG, NULL, &o.records_only, NULL }, { 0 },
	};

	if ((rc = cli_parse(argc, argv, opts, pos, 1, &n_pos,
			    push ? "fieldcheck sync [REMOTE] [--records-only]"
				 : "fieldcheck pull [REMOTE] [--records-only]")))
		return rc;
	o.remote = n_pos ? pos[0] : NULL;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = sync_run(ws, &o, &res, &err);
	cli_sync_report(&res, push);
	if (rc) {
		if (res.records_waiting)
			fprintf(stderr, _("fieldcheck: %zu changed record%s not yet committed\n"),
				res.records_waiting, res.records_waiting == 1 ? "" : "s");
		if (push)
			fprintf(stderr, _("fieldcheck: %zu commit%s waiting to be sent\n"), res.waiting,
				res.waiting == 1 ? "" : "s");
		rc = cli_report(&err);
	}
	sync_result_release(&res);
	workspace_close(ws);
	return rc;
}

int cmd_sync(struct cli *cli, int argc, char **argv)
{
	return run_sync(cli, argc, argv, 1);
}

int cmd_pull(struct cli *cli, int argc, char **argv)
{
	return run_sync(cli, argc, argv, 0);
}

static int run_check(struct cli *cli, int argc, char **argv, int reindex)
{
	struct sync_log rep = { 0 };
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	size_t i;
	int rc;

	if ((rc = cli_parse_opts(argc, argv, NULL,
				 reindex ? "fieldcheck reindex" : "fieldcheck verify")))
		return rc;
	/* verify only reads: it works on a workspace it cannot write. */
	if ((reindex ? workspace_open(cli->workspace, &ws, &err)
		     : workspace_open_readonly(cli->workspace, &ws, &err)))
		return cli_report(&err);
	rc = reindex ? sync_reindex(ws, &rep, &err) : sync_verify(ws, &rep, &err);
	workspace_close(ws);
	for (i = 0; i < rep.n_notes; i++) {
		fputs(reindex ? _("note: ") : _("problem: "), reindex ? stdout : stderr);
		fputs_safe(rep.notes[i].text, reindex ? stdout : stderr);
		fputc('\n', reindex ? stdout : stderr);
	}
	for (i = 0; i < rep.n_quarantined; i++) {
		fputs(_("quarantined: "), stderr);
		fputs_safe(rep.quarantined[i].text, stderr);
		fputc('\n', stderr);
	}
	if (rc == 0)
		printf(reindex ? _("reindexed: %zu inspections, %zu hazards, %zu enterprises\n")
			       : _("ok: the store is sound and the replica's %zu records are valid\n"),
		       reindex ? rep.imported_inspections : rep.imported_inspections,
		       rep.imported_hazards, rep.imported_enterprises);
	sync_log_release(&rep);
	return rc ? cli_report(&err) : 0;
}

int cmd_verify(struct cli *cli, int argc, char **argv)
{
	return run_check(cli, argc, argv, 0);
}

int cmd_reindex(struct cli *cli, int argc, char **argv)
{
	return run_check(cli, argc, argv, 1);
}
