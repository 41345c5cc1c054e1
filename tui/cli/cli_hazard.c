/* cli_hazard.c - `fieldcheck hazard add|list|show|event`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/hazard.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/words.h"
#include "core/workspace.h"
#include "forms/inspect/inspect.h"
#include "forms/inspect/visit.h"

static const char usage[] =
	"fieldcheck hazard list [--open] [--overdue] [--major] [--enterprise USCC]\n"
	"                  [--inspection ID] [--format text|csv|json]\n"
	"       fieldcheck hazard show ID [--format text|json]\n"
	"       fieldcheck hazard add --inspection ID --description TEXT [--item ITEM]\n"
	"                  [--severity general|major] [--deadline YYYY-MM-DD | --days N]\n"
	"                  [--note TEXT] [--replace]\n"
	"       fieldcheck hazard event ID notice|rectified|verified|extend|supervise|comment\n"
	"                  [--date YYYY-MM-DD] [--note TEXT]\n"
	"       fieldcheck hazard attach ID FILE... [--event N]";

static const struct table_col list_cols[] = {
	{ "id", N_("ID"), 0, 8, COL_PREFIX },
	{ "enterprise", N_("ENTERPRISE"), 0, 0, 0 },
	{ "enterprise_name", N_("NAME"), 0, 16, 0 },
	{ "severity", N_("SEVERITY"), 0, 0, COL_WORD },
	{ "state", N_("STATE"), 0, 0, COL_WORD },
	{ "due", N_("DUE"), 0, 0, 0 },
	{ "overdue", N_("OVERDUE"), 0, 0, COL_WORD },
	{ "supervised", N_("SUPERVISED"), 0, 0, COL_WORD },
	{ "item", N_("ITEM"), 0, 0, 0 },
	{ "description", N_("DESCRIPTION"), 0, 24, 0 },
	{ "inspection", N_("INSPECTION"), 0, 8, COL_PREFIX },
	{ "deadline", N_("DEADLINE"), 0, 0, 0 },
};
#define N_LIST_COLS (ARRAY_SIZE(list_cols))

static int add_row(const struct hazard_row *r, void *ctx)
{
	return cli_listing_add(ctx, (const char *[]){ r->id, r->enterprise, r->enterprise_name,
		r->severity, r->state, r->due, r->overdue ? "yes" : "no",
		r->supervised ? "yes" : "no", r->item, r->description, r->inspection, r->deadline });
}

static int list(struct cli *cli, int argc, char **argv)
{
	const char *fmt = NULL, *enterprise = "", *inspection = "";
	char today[FC_DATE_LEN + 1], full[FC_UUID_LEN + 1] = "";
	struct hazard_filter f = { 0 };
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	enum table_format tf;
	struct cli_listing l;
	int rc;
	const struct cli_opt opts[] = {
		{ "open", OPT_FLAG, NULL, &f.open, NULL },
		{ "overdue", OPT_FLAG, NULL, &f.overdue, NULL },
		{ "major", OPT_FLAG, NULL, &f.major, NULL },
		{ "enterprise", OPT_VALUE, &enterprise, NULL, NULL },
		{ "inspection", OPT_VALUE, &inspection, NULL, NULL },
		{ "format", OPT_VALUE, &fmt, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)) ||
	    (rc = cli_format(fmt, &tf, usage)))
		return rc;
	if (clock_today(today, &err) || workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	if (*inspection && store_expand_id(ws->store, "inspections", inspection, full, &err)) {
		workspace_close(ws);
		return cli_report(&err);
	}
	f.today = today;
	f.enterprise = enterprise;
	f.inspection = full;
	cli_listing_start(&l, list_cols, N_LIST_COLS, tf);
	rc = hazard_list(ws->store, &f, add_row, &l, &err);
	workspace_close(ws);
	return cli_listing_end(&l, rc, &err);
}

/* The full id of the hazard whose id is or starts with prefix. */
static int expand_hazard_id(struct fc_workspace *ws, const char *prefix, char *full,
			    struct fc_err *err)
{
	return store_expand_id(ws->store, "hazards", prefix, full, err);
}

/* The hazard's item as "label (key)" ("Plate (Vehicle 2) (plate@<uuid>)"
 * inside a repeat), by the form its inspection was filled with; the key
 * alone when the store lacks it.  A new string. */
static char *item_shown(struct fc_workspace *ws, const struct fc_hazard *h)
{
	struct fc_err err = { 0 };
	struct fc_inspection in;
	struct form *f = NULL;
	struct strbuf sb;

	if (!h->item[0])
		return xstrdup("-");
	if (inspection_get(ws->store, h->inspection, &in, &err))
		return xstrdup(h->item);
	f = inspect_form(ws, in.form_id, in.form_version, &err);
	strbuf_init(&sb);
	inspect_key_label(f, &in, h->item, form_lang_locale(), &sb);
	if (strcmp(sb.buf, h->item))
		strbuf_addf(&sb, " (%s)", h->item);
	form_free(f);
	inspection_clear(&in);
	return strbuf_detach(&sb);
}

/* The columns the widest event's label takes, so the events line up. */
static size_t event_width(void)
{
	size_t w = 0;
	int k;

	for (k = 0; k < HEV_KIND_COUNT; k++)
		if (text_width(hazard_event_label((enum hazard_event_kind)k)) > w)
			w = text_width(hazard_event_label((enum hazard_event_kind)k));
	return w;
}

static void print_text(const struct fc_hazard *h, const char *item, const char *today)
{
	size_t i, ew = event_width();

	printf(_("hazard      %s\ninspection  %s\nitem        "), h->id, h->inspection);
	fputs_safe(item, stdout);
	printf(_("\nseverity    %s\n"), model_word(hazard_sev_name(h->severity)));
	printf(_("state       %s%s%s\ndeadline    %s"),
	       model_word(hazard_state_name(hazard_state_of(h))),
	       hazard_overdue(h, today) ? _(", OVERDUE") : "",
	       hazard_supervised(h) ? _(", under listed supervision") : "", h->deadline);
	if (strcmp(hazard_due(h), h->deadline))
		printf(_(" (now due %s)"), hazard_due(h));
	fputs(_("\ndescription "), stdout);
	fputs_safe(h->description, stdout);
	puts(_("\nevents:"));
	for (i = 0; i < h->n_events; i++) {
		const struct fc_hazard_event *ev = &h->events[i];
		/* numbered: `hazard attach --event N` names an event so */
		printf("  %zu  %s  ", i + 1, ev->at);
		cli_pad(hazard_event_label(ev->kind), ew + 2);
		fputs_safe(ev->by_name, stdout);
		printf(" (%s)", ev->by);
		if (ev->date[0])
			printf(_("  due %s"), ev->date);
		if (ev->note[0]) {
			fputs("  ", stdout);
			fputs_safe(ev->note, stdout);
		}
		putchar('\n');
	}
}

static int show(struct cli *cli, int argc, char **argv)
{
	const char *arg;
	char full[FC_UUID_LEN + 1], today[FC_DATE_LEN + 1];
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	enum table_format tf;
	struct fc_hazard h;
	int rc;

	if ((rc = cli_parse_show(argc, argv, usage, "hazard", &arg, &tf)))
		return rc;
	if (clock_today(today, &err) || workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = expand_hazard_id(ws, arg, full, &err) || hazard_get(ws->store, full, &h, &err);
	if (rc) {
		workspace_close(ws);
		return cli_report(&err);
	}
	if (tf == FMT_TEXT) {
		char *item = item_shown(ws, &h);
		print_text(&h, item, today);
		cli_show_files(ws, h.attachments, h.n_attachments);
		free(item);
	} else {
		/* The record itself, the same bytes the replica holds. */
		struct strbuf sb;
		strbuf_init(&sb);
		record_encode_hazard(&h, &sb);
		fwrite(sb.buf, 1, sb.len, stdout);
		strbuf_release(&sb);
	}
	hazard_clear(&h);
	workspace_close(ws);
	return 0;
}

static int event(struct cli *cli, int argc, char **argv)
{
	const char *date = NULL, *note = NULL, *pos[2];
	char full[FC_UUID_LEN + 1];
	enum hazard_event_kind kind;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int rc;
	const struct cli_opt opts[] = {
		{ "date", OPT_VALUE, &date, NULL, NULL },
		{ "note", OPT_VALUE, &note, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_exact(argc, argv, opts, pos, 2, usage,
				  _("hazard event needs the hazard's id and what happened"))))
		return rc;
	if (hazard_event_parse(pos[1], &kind) || kind == HEV_FOUND)
		return cli_usage(usage, _("unknown event '%s' (notice, rectified, verified, extend, "
				 "supervise or comment)"), pos[1]);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = expand_hazard_id(ws, pos[0], full, &err) ||
	     hazard_event_add(ws->store, &ws->me, full, kind, date, note, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	printf(_("hazard %.8s: %s recorded\n"), full, hazard_event_label(kind));
	return 0;
}

static int add(struct cli *cli, int argc, char **argv)
{
	const char *insp = NULL, *item = "", *sev = "general", *desc = NULL, *deadline = NULL,
		   *days = NULL, *note = NULL;
	char full[FC_UUID_LEN + 1], id[FC_UUID_LEN + 1], due[FC_DATE_LEN + 1];
	struct hazard_new n = { 0 };
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int rc, replace = 0;
	const struct cli_opt opts[] = {
		{ "inspection", OPT_VALUE, &insp, NULL, NULL },
		{ "replace", OPT_FLAG, NULL, &replace, NULL },
		{ "item", OPT_VALUE, &item, NULL, NULL },
		{ "severity", OPT_VALUE, &sev, NULL, NULL },
		{ "description", OPT_VALUE, &desc, NULL, NULL },
		{ "deadline", OPT_VALUE, &deadline, NULL, NULL },
		{ "days", OPT_VALUE, &days, NULL, NULL },
		{ "note", OPT_VALUE, &note, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)))
		return rc;
	if (!insp || !desc)
		return cli_usage(usage, _("hazard add needs --inspection and --description"));
	if (replace && !*item)
		return cli_usage(usage, _("hazard add --replace needs the --item whose hazard it replaces"));
	if (hazard_sev_parse(sev, &n.severity))
		return cli_usage(usage, _("unknown severity '%s' (general or major)"), sev);
	if (deadline && days)
		return cli_usage(usage, _("give --deadline or --days, not both"));
	if (!deadline) {
		char *end;
		long d = days ? strtol(days, &end, 10) : 7;
		if (days && (*end || d < 0 || d > 3650))
			return cli_usage(usage, _("--days takes a number of days from 0 to 3650"));
		if (clock_today(due, &err) || date_add_days(due, (int)d, due, &err))
			return cli_report(&err);
		deadline = due;
	}
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	n.item = item;
	n.description = desc;
	n.deadline = deadline;
	n.note = note;
	n.inspection = full;
	/* --replace: the hazard a failed item created is changed, as the walk does */
	rc = store_expand_id(ws->store, "inspections", insp, full, &err) ||
	     (replace ? hazard_replace : hazard_add)(ws->store, &ws->me, &n, id, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	puts(id);
	return 0;
}

static int attach(struct cli *cli, int argc, char **argv)
{
	return cli_hazard_attach(cli, argc, argv, usage);
}

int cmd_hazard(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = {
		{ "list", list }, { "show", show }, { "event", event }, { "add", add },
		{ "attach", attach }, { 0 },
	};

	return cli_dispatch(cli, argc, argv, verbs, usage,
			    "hazard needs a command: list, show, event, add or attach", 1);
}
