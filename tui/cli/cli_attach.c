/* cli_attach.c - `fieldcheck inspection attach` and `hazard attach`: files
 * kept as evidence (core/evidence_store.h) and named in the record
 * (core/attach.h); and the list of a record's files as `show` prints it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "core/attach.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/words.h"
#include "core/workspace.h"
#include "forms/inspect/inspect.h"

/* Keeps each file and attaches it; a file that cannot be goes on to the
 * next, so one bad photo of twenty costs only itself.  1 if any failed. */
static int attach_each(struct fc_workspace *ws, const char *const *files, size_t n,
		       int (*one)(struct fc_workspace *, const struct evidence_info *, void *,
				  struct fc_err *),
		       void *ctx)
{
	struct evidence_store es;
	struct evidence_info info;
	struct fc_err err = { 0 };
	int failed = 0;
	size_t i;

	if (evidence_store_open(ws, &es, &err))
		return cli_report(&err);
	for (i = 0; i < n; i++) {
		if (evidence_add(&es, files[i], &info, &err) || one(ws, &info, ctx, &err)) {
			failed = cli_report(&err);
			continue;
		}
		printf(_("attached %s  %s  %llu bytes  %.12s\n"), info.name,
		       media_type_name(info.type), (unsigned long long)info.size, info.sha256);
	}
	evidence_store_release(&es);
	return failed;
}

struct insp_target {
	char id[FC_UUID_LEN + 1];
	const char *item;
};

static int to_inspection(struct fc_workspace *ws, const struct evidence_info *info, void *ctx,
			 struct fc_err *err)
{
	const struct insp_target *t = ctx;
	return attach_to_inspection(ws->store, &ws->me, t->id, t->item, info, err);
}

/* Whether ITEM names an item of the inspection's form (the first argument
 * after the id is an item when it is one and is no file here). */
static int is_item(struct fc_workspace *ws, const char *id, const char *arg)
{
	struct fc_inspection in;
	struct fc_err err = { 0 };
	struct stat st;
	struct form *f;
	int yes;

	if (stat(arg, &st) == 0 || inspection_get(ws->store, id, &in, &err))
		return 0;
	f = inspect_form(ws, in.form_id, in.form_version, &err);
	inspection_clear(&in);
	yes = f && form_item_index(f, arg) >= 0;
	form_free(f);
	return yes;
}

int cli_inspection_attach(struct cli *cli, int argc, char **argv, const char *usage)
{
	/* as many files as the shell passes (a camera card's worth) */
	const char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
	struct insp_target t = { "", "" };
	struct fc_workspace *ws = NULL;
	struct fc_err err = { 0 };
	size_t n = 0, first = 1;
	int rc;
	const struct cli_opt opts[] = { { 0 } };

	if ((rc = cli_parse(argc, argv, opts, pos, (size_t)argc, &n, usage)))
		goto out;
	if (n < 2) {
		rc = cli_usage(usage, _("inspection attach needs the inspection's id and a file"));
		goto out;
	}
	if (workspace_open(cli->workspace, &ws, &err) ||
	    store_expand_id(ws->store, "inspections", pos[0], t.id, &err)) {
		rc = cli_report(&err);
		goto out;
	}
	if (n > 2 && is_item(ws, t.id, pos[1]))
		t.item = pos[1], first = 2;
	rc = attach_each(ws, pos + first, n - first, to_inspection, &t);
out:
	if (ws)
		workspace_close(ws);
	free(pos);
	return rc;
}

struct haz_target {
	char id[FC_UUID_LEN + 1];
	size_t event;
};

static int to_hazard(struct fc_workspace *ws, const struct evidence_info *info, void *ctx,
		     struct fc_err *err)
{
	const struct haz_target *t = ctx;
	return attach_to_hazard(ws->store, &ws->me, t->id, t->event, info, err);
}

int cli_hazard_attach(struct cli *cli, int argc, char **argv, const char *usage)
{
	const char **pos = xcalloc((size_t)argc + 1, sizeof *pos), *event = NULL;
	struct haz_target t = { "", 0 };
	struct fc_workspace *ws = NULL;
	struct fc_err err = { 0 };
	size_t n = 0;
	char *end;
	long e;
	int rc;
	const struct cli_opt opts[] = { { "event", OPT_VALUE, &event, NULL, NULL }, { 0 } };

	if ((rc = cli_parse(argc, argv, opts, pos, (size_t)argc, &n, usage)))
		goto out;
	rc = 2;
	if (n < 2) {
		cli_usage(usage, _("hazard attach needs the hazard's id and a file"));
		goto out;
	}
	if (event && ((e = strtol(event, &end, 10)), *end || e < 1 || e > MAX_EVENTS)) {
		cli_usage(usage, _("--event takes an event's number as `hazard show` lists them "
			  "(1 is the finding)"));
		goto out;
	}
	t.event = event ? (size_t)e : 0;
	if (workspace_open(cli->workspace, &ws, &err) ||
	    store_expand_id(ws->store, "hazards", pos[0], t.id, &err)) {
		rc = cli_report(&err);
		goto out;
	}
	rc = attach_each(ws, pos + 1, n - 1, to_hazard, &t);
out:
	if (ws)
		workspace_close(ws);
	free(pos);
	return rc;
}

void cli_show_files(struct fc_workspace *ws, const struct fc_attachment *list, size_t n)
{
	struct evidence_store es;
	struct fc_err err = { 0 };
	int have_store;
	char size[32];
	size_t i;

	if (!n)
		return;   /* before the store is opened: nothing to release */
	have_store = evidence_store_open(ws, &es, &err) == 0;
	puts(_("\nfiles:"));
	for (i = 0; i < n; i++) {
		const struct fc_attachment *a = &list[i];
		struct fc_err miss = { 0 };
		int here = have_store && evidence_check(&es, a->sha256, NULL, &miss) == 0;

		size_words(a->size, size, sizeof size);
		fputs("  ", stdout);
		fputs_safe(a->name, stdout);
		printf("  %s  %s  %.12s", a->type, size, a->sha256);
		if (a->to[0])
			printf(_("  for %s"), a->to);
		if (a->taken[0])
			printf(_("  taken %s"), a->taken);
		if (a->geo[0])
			printf(_("  at %s"), a->geo);
		printf(_("  by %s"), a->by);
		if (a->withdrawn[0])
			printf(_("  withdrawn %s"), a->withdrawn);
		if (!here)
			fputs(miss.kind == FC_ENOTFOUND ? _("  (not on this laptop)")
							 : _("  (damaged here)"), stdout);
		putchar('\n');
	}
	if (have_store)
		evidence_store_release(&es);
}
