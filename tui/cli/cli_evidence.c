/* cli_evidence.c - `fieldcheck evidence fetch [ID...]`: other officers'
 * files that records name, fetched from the central on demand
 * (sync/evfetch.h), a sync bringing only the officer's own; and
 * `evidence list [ID]`: which of them are on this laptop. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/attachment_store.h"
#include "core/evidence_store.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/words.h"
#include "core/workspace.h"
#include "sync/evfetch.h"

static const char evidence_usage[] =
	"fieldcheck evidence fetch [ID...]\n"
	"       fieldcheck evidence list [ID] [--format text|csv|json]";

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

/* Each file kept, by its record's name and where it went (never a
 * temporary file): "fetched IMG_0412.JPG (5.0 MB, sha256 3f2a…) by ZJ-0001
 * for inspection 1a2b3c4d: WORKSPACE/evidence/3f/3f2a…". */
static void report(const struct evfetch_result *res)
{
	char size[32];
	size_t i;

	for (i = 0; i < res->n_files; i++) {
		const struct evfetch_file *k = &res->files[i];
		fputs(_("fetched "), stdout);
		fputs_safe(k->name, stdout);
		printf(_(" (%s, sha256 %.12s) by "), size_words(k->size, size, sizeof size), k->sha256);
		fputs_safe(k->by, stdout);
		printf(_(" for %s %.8s: "), k->kind, k->record);
		fputs_safe(k->path, stdout);
		putchar('\n');
	}
	if (res->kept > res->n_files) {
		printf(_("and %zu more into "), res->kept - res->n_files);
		fputs_safe(res->dir, stdout);
		putchar('\n');
	}
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

struct listing {
	struct evidence_store es;
	struct table t;
};

static int list_line(const char *kind, const char *record, const struct fc_attachment *a,
		     void *ctx)
{
	struct listing *l = ctx;
	char size[24], rec[64];

	snprintf(size, sizeof size, "%lld", a->size);
	snprintf(rec, sizeof rec, "%s %.8s", kind, record);
	table_add(&l->t, (const char *[]){ rec, a->name, a->type, size, a->by, a->sha256,
		  evidence_has(&l->es, a->sha256) ? "yes" : "no" });
	return 0;
}

static int evidence_list(struct cli *cli, int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "record", N_("RECORD"), 0, 0, 0 }, { "name", N_("NAME"), 0, 40, 0 },
		{ "type", N_("TYPE"), 0, 0, 0 }, { "size", N_("SIZE"), 1, 0, 0 },
		{ "by", N_("BY"), 0, 0, 0 }, { "sha256", N_("SHA256"), 0, 12, COL_PREFIX },
		{ "here", N_("HERE"), 0, 0, COL_WORD },
	};
	const char *fmt = NULL, *pos[1];
	char id[FC_UUID_LEN + 1];
	struct evfetch_target t = { NULL, NULL };
	struct listing l;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	enum table_format tf;
	size_t n;
	int rc;
	const struct cli_opt opts[] = { { "format", OPT_VALUE, &fmt, NULL, NULL }, { 0 } };

	if ((rc = cli_parse(argc, argv, opts, pos, 1, &n, evidence_usage)) ||
	    (rc = cli_format(fmt, &tf, evidence_usage)))
		return rc;
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	if ((n && target(ws, pos[0], &t, id, &err)) || evidence_store_open(ws, &l.es, &err)) {
		workspace_close(ws);
		return cli_report(&err);
	}
	table_init(&l.t, cols, ARRAY_SIZE(cols));
	rc = attachments_each(ws->store, t.kind, t.id, list_line, &l, &err);
	if (rc == 0)
		rc = cli_print_listing(&l.t, tf);
	else
		rc = cli_report(&err);
	table_release(&l.t);
	evidence_store_release(&l.es);
	workspace_close(ws);
	return rc;
}

int cmd_evidence(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = {
		{ "fetch", evidence_fetch }, { "list", evidence_list }, { 0 },
	};

	return cli_dispatch(cli, argc, argv, verbs, evidence_usage,
			    "evidence needs a command: fetch or list", 0);
}
