/* cli_inspection.c - `fieldcheck inspection new|answer|finalize|amend|member|show|list`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/docnum.h"
#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/listing.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/two_officers.h"
#include "core/words.h"
#include "core/workspace.h"
#include "forms/inspect/inspect.h"
#include "forms/inspect/instances.h"
#include "forms/inspect/visit.h"
#include "tui/cli/cli_inspection.h"

static const char usage[] =
	"fieldcheck inspection new --form ID --enterprise USCC [--type routine|unannounced|joint|recheck]\n"
	"                  [--member NAME:BADGE:DEPT]... [--location TEXT]\n"
	"       fieldcheck inspection answer ID ITEM VALUE [--instance N|UUID] [--note TEXT]\n"
	"                  [--severity general|major] [--deadline YYYY-MM-DD] [--description TEXT]\n"
	"       fieldcheck inspection repeat ID REPEAT add|remove [INSTANCE]\n"
	"       fieldcheck inspection member ID NAME:BADGE:DEPT\n"
	"       fieldcheck inspection resolve ID ITEM VALUE [--instance N|UUID] [--note TEXT]\n"
	"                  [--severity general|major] [--deadline YYYY-MM-DD] [--description TEXT]\n"
	"       fieldcheck inspection finalize ID\n"
	"       fieldcheck inspection amend ID ITEM VALUE --reason TEXT [--instance N|UUID] [--note TEXT]\n"
	"       fieldcheck inspection attach ID [ITEM] FILE...\n"
	"       fieldcheck inspection locate ID --gps|--photo|LAT LON [ALT [ACCURACY]]\n"
	"       fieldcheck inspection set ID [--responsible NAME] [--responsible-title TEXT]\n"
	"                  [--responsible-phone TEXT] [--findings TEXT] [--opinion TEXT]\n"
	"       fieldcheck inspection show ID [--format text|json]\n"
	"       fieldcheck inspection list [--status draft|final|conflicted] [--form ID]\n"
	"                  [--format text|csv|json]";

/* "NAME:BADGE:DEPT" -> person; the name may not hold ':'. */
static int parse_member(const char *s, struct fc_person *p, struct fc_err *err)
{
	const char *a = strchr(s, ':'), *b = a ? strchr(a + 1, ':') : NULL;

	memset(p, 0, sizeof *p);
	if (!a || !b)
		return fc_failk(err, FC_EUSAGE, _("--member '%.80s' is not NAME:BADGE:DEPT"), s);
	if ((size_t)(a - s) > MAX_NAME || (size_t)(b - a - 1) > MAX_BADGE || strlen(b + 1) > MAX_DEPT)
		return fc_fail(err, _("--member '%.80s': a part is too long"), s);
	memcpy(p->name, s, (size_t)(a - s));
	memcpy(p->badge, a + 1, (size_t)(b - a - 1));
	strcpy(p->dept, b + 1);
	if (person_check(p, err))
		return fc_err_prefix(err, _("--member '%.80s'"), s);
	return 0;
}

static int open_form_of(struct fc_workspace *ws, const char *prefix, char *id,
			struct form **f, struct fc_err *err)
{
	struct fc_inspection in;

	if (store_expand_id(ws->store, "inspections", prefix, id, err) ||
	    inspection_get(ws->store, id, &in, err))
		return -1;
	*f = inspect_form(ws, in.form_id, in.form_version, err);
	inspection_clear(&in);
	return *f ? 0 : -1;
}

/* Opens the workspace, expands the id (or its prefix) and loads the form;
 * on failure nothing stays open. */
int cli_open_inspection(struct cli *cli, const char *prefix, struct opened *o,
			struct fc_err *err)
{
	o->f = NULL;
	if (workspace_open(cli->workspace, &o->ws, err))
		return -1;
	if (open_form_of(o->ws, prefix, o->id, &o->f, err)) {
		form_free(o->f);
		workspace_close(o->ws);
		return -1;
	}
	return 0;
}

void cli_close_inspection(struct opened *o)
{
	form_free(o->f);
	workspace_close(o->ws);
}

/* Says on stderr when the team is smaller than the department does this
 * type of inspection with (core/two_officers.h): at the start, where an
 * officer can still be added, and again when it is finalized. */
static void warn_team(struct fc_workspace *ws, enum insp_type t, size_t n_team)
{
	struct fc_err err = { 0 };
	struct strbuf sb;

	strbuf_init(&sb);
	if (team_warning(ws->store, t, n_team, &sb, &err))
		cli_report(&err);
	else if (sb.len)
		fprintf(stderr, _("fieldcheck: warning: %s: add one with 'fieldcheck inspection "
				  "member ID NAME:BADGE:DEPT'\n"), sb.buf);
	strbuf_release(&sb);
}

static int cmd_new(struct cli *cli, int argc, char **argv)
{
	const char *form = NULL, *ent = NULL, *type = "routine", *loc = "";
	struct cli_list members = { 0 };
	struct fc_person *team = NULL;
	struct form_catalog cat;
	const struct form *f;
	struct fc_workspace *ws = NULL;
	struct fc_err err = { 0 };
	enum insp_type t;
	char id[FC_UUID_LEN + 1];
	size_t i;
	int rc;
	const struct cli_opt opts[] = {
		{ "form", OPT_VALUE, &form, NULL, NULL },
		{ "enterprise", OPT_VALUE, &ent, NULL, NULL },
		{ "type", OPT_VALUE, &type, NULL, NULL },
		{ "location", OPT_VALUE, &loc, NULL, NULL },
		{ "member", OPT_LIST, NULL, NULL, &members },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)))
		goto out_list;
	rc = 2;
	if (!form || !ent) {
		cli_usage(usage, _("inspection new needs --form and --enterprise"));
		goto out_list;
	}
	if (insp_type_parse(type, &t)) {
		cli_usage(usage, _("unknown type '%s' (routine, unannounced, joint or recheck)"), type);
		goto out_list;
	}
	team = xcalloc(members.n + 1, sizeof *team);
	for (i = 0; i < members.n; i++)
		if (parse_member(members.items[i], &team[i], &err)) {
			rc = cli_report(&err);
			goto out_list;
		}
	if (workspace_open(cli->workspace, &ws, &err)) {
		rc = cli_report(&err);
		goto out_list;
	}
	form_catalog_load(&cat, ws->dir);
	f = form_catalog_find(&cat, form);
	if (!f)
		rc = fc_failk(&err, FC_ENOTFOUND, _("no form '%s' is installed (see 'fieldcheck forms "
			      "list')"), form);
	else
		rc = inspect_new(ws, f, ent, t, loc, team, members.n, id, &err);
	if (rc == 0)
		warn_team(ws, t, members.n + 1);
	form_catalog_release(&cat);
	workspace_close(ws);
	if (rc)
		rc = cli_report(&err);
	else
		puts(id);
out_list:
	free(team);
	cli_list_release(&members);
	return rc;
}

/* The hazard options of `answer` and `resolve`; -1 for an unknown severity. */
static int hazard_opts(const char *sev, const char *deadline, const char *desc,
		       struct inspect_hazard *hz)
{
	hz->severity = -1;
	if (sev && strcmp(sev, "general") && strcmp(sev, "major"))
		return -1;
	if (sev)
		hz->severity = !strcmp(sev, "major") ? SEV_MAJOR : SEV_GENERAL;
	hz->deadline = deadline;
	hz->description = desc;
	return 0;
}

/* Prints the hazard item `item` has now, if any; -1 if it cannot be read. */
static int print_hazard(struct opened *o, const char *item, struct fc_err *err)
{
	char hid[FC_UUID_LEN + 1];
	struct fc_hazard h;
	int have = hazard_find_for_item(o->ws->store, o->id, item, hid, err);

	if (have <= 0)
		return have;
	if (hazard_get(o->ws->store, hid, &h, err) == 0) {
		printf(_("hazard %.8s: %s, due %s\n"), hid, model_word(hazard_sev_name(h.severity)),
		       h.deadline);
		hazard_clear(&h);
	}
	return 0;
}

/* `answer` and `resolve`: VALUE with --note and the hazard options. */
static int answer_or_resolve(struct cli *cli, int argc, char **argv, int resolve)
{
	const char *note = "", *sev = NULL, *deadline = NULL, *desc = NULL, *pos[3];
	const char *instance = NULL;
	char key[MAX_ITEM_KEY + 1];
	struct inspect_hazard hz;
	struct fc_err err = { 0 };
	struct opened o;
	int rc;
	const struct cli_opt opts[] = {
		{ "note", OPT_VALUE, &note, NULL, NULL },
		{ "severity", OPT_VALUE, &sev, NULL, NULL },
		{ "deadline", OPT_VALUE, &deadline, NULL, NULL },
		{ "description", OPT_VALUE, &desc, NULL, NULL },
		{ "instance", OPT_VALUE, &instance, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_exact(argc, argv, opts, pos, 3, usage, resolve ?
				  _("inspection resolve needs the id, the item and the value chosen") :
				  _("inspection answer needs the id, the item and the value "
				    "(\"\" clears an answer)"))))
		return rc;
	if (hazard_opts(sev, deadline, desc, &hz))
		return cli_usage(usage, _("unknown severity '%s' (general or major)"), sev);
	if (cli_open_inspection(cli, pos[0], &o, &err))
		return cli_report(&err);
	rc = cli_item_key(&o, pos[1], instance, key, &err) ||
	     (resolve ? inspect_resolve(o.ws, o.f, o.id, key, pos[2], note, &hz,
					form_lang_locale(), &err)
		      : inspect_answer(o.ws, o.f, o.id, key, pos[2], note, &hz,
				       form_lang_locale(), &err)) ||
	     print_hazard(&o, key, &err);
	cli_close_inspection(&o);
	return rc ? cli_report(&err) : 0;
}

static int cmd_answer(struct cli *cli, int argc, char **argv)
{
	return answer_or_resolve(cli, argc, argv, 0);
}

static int cmd_member(struct cli *cli, int argc, char **argv)
{
	const char *pos[2];
	char id[FC_UUID_LEN + 1];
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	struct fc_person p;
	int rc;

	if ((rc = cli_parse_exact(argc, argv, NULL, pos, 2, usage,
				  _("inspection member needs the id and NAME:BADGE:DEPT"))))
		return rc;
	if (parse_member(pos[1], &p, &err))
		return cli_report(&err);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = store_expand_id(ws->store, "inspections", pos[0], id, &err) ||
	     inspection_add_member(ws->store, id, &p, &err);
	workspace_close(ws);
	return rc ? cli_report(&err) : 0;
}

static int cmd_resolve(struct cli *cli, int argc, char **argv)
{
	return answer_or_resolve(cli, argc, argv, 1);
}

/* After a refused finalize: the items left unanswered with the names that
 * 'inspection answer' takes, since the refusal names them by label. */
static void print_missing_names(struct opened *o)
{
	struct fc_err err = { 0 };
	struct inspect_missing *miss;
	struct strbuf sb;
	size_t *idx, n, k, m = 0;

	if (inspect_missing(o->ws, o->f, o->id, &miss, &n, &err) || n == 0)
		return;
	idx = xcalloc(n, sizeof *idx);   /* each item once: the names answer takes */
	for (k = 0; k < n; k++)
		if (!m || idx[m - 1] != miss[k].idx)
			idx[m++] = miss[k].idx;
	strbuf_init(&sb);
	inspect_items_text(o->f, idx, m, form_lang_locale(), 1, &sb);
	free(idx);
	fputs(_("to answer with 'fieldcheck inspection answer': "), stderr);
	fputs_safe(sb.buf, stderr);
	fputc('\n', stderr);
	strbuf_release(&sb);
	free(miss);
}

/* After finalizing: a team short of the department's setting is said once
 * more (it no longer changes). */
static void warn_finalized(struct cli *cli, const char *id)
{
	struct fc_workspace *ws;
	struct fc_inspection in;
	struct fc_err err = { 0 };

	if (workspace_open(cli->workspace, &ws, &err)) {
		cli_report(&err);
		return;
	}
	if (inspection_get(ws->store, id, &in, &err) == 0) {
		warn_team(ws, in.type, in.n_team);
		inspection_clear(&in);
	} else {
		cli_report(&err);
	}
	workspace_close(ws);
}

static int cmd_finalize(struct cli *cli, int argc, char **argv)
{
	const char *pos[1];
	struct fc_err err = { 0 };
	struct opened o;
	int rc;

	if ((rc = cli_parse_exact(argc, argv, NULL, pos, 1, usage,
				  _("inspection finalize needs the id"))))
		return rc;
	if (cli_open_inspection(cli, pos[0], &o, &err))
		return cli_report(&err);
	rc = inspect_finalize(o.ws, o.f, o.id, form_lang_locale(), &err);
	if (rc) {
		rc = cli_report(&err);
		print_missing_names(&o);
	}
	cli_close_inspection(&o);
	if (rc)
		return rc;
	printf(_("inspection %.8s finalized\n"), o.id);
	warn_finalized(cli, o.id);
	return 0;
}

static int cmd_amend(struct cli *cli, int argc, char **argv)
{
	const char *note = "", *reason = NULL, *pos[3], *instance = NULL;
	char key[MAX_ITEM_KEY + 1];
	struct fc_err err = { 0 };
	struct opened o;
	size_t n_pos;
	int rc, idx;
	const struct cli_opt opts[] = {
		{ "note", OPT_VALUE, &note, NULL, NULL },
		{ "reason", OPT_VALUE, &reason, NULL, NULL },
		{ "instance", OPT_VALUE, &instance, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse(argc, argv, opts, pos, 3, &n_pos, usage)))
		return rc;
	if (n_pos != 3 || !reason)
		return cli_usage(usage, _("inspection amend needs the id, the item, the value and --reason"));
	if (cli_open_inspection(cli, pos[0], &o, &err))
		return cli_report(&err);
	if ((idx = form_item_index(o.f, pos[1])) < 0)
		rc = fc_fail(&err, _("form %s has no item '%.64s'"), o.f->id, pos[1]);
	else if (!form_item_answerable(&o.f->items[idx]))
		rc = fc_fail(&err, _("item '%s' takes no answer"), pos[1]);
	else if ((o.f->items[idx].repeat >= 0) != (instance != NULL))
		rc = instance ? fc_fail(&err, _("item “%s” is not inside a repeat: it takes no "
						"instance"), pos[1])
			      : fc_fail(&err, _("item “%s” is answered once for each “%s”: say "
						"which (--instance N)"), pos[1],
					o.f->items[o.f->items[idx].repeat].name);
	else
		rc = cli_item_key(&o, pos[1], instance, key, &err) ||
		     inspection_amend(o.ws->store, &o.ws->me, o.id, key, pos[2], note, reason, &err);
	cli_close_inspection(&o);
	return rc ? cli_report(&err) : 0;
}

static const char *answer_of(const struct fc_inspection *in, const char *key)
{
	const struct fc_answer *a = inspection_answer(in, key);

	return a ? a->value : NULL;
}

/* An item's label with the values its ${name}s show. */
static void put_label(const struct form *f, const struct form_item *it,
		      const struct form_answers *fa, struct form_lang lang)
{
	char *s = form_fill(f, form_text(f, &it->label, lang), fa);

	fputs_safe(s, stdout);
	free(s);
}

/* A calculate or metadata item or a computed question: "= value",
 * computed from the answers or the inspection, never typed. */
static void show_calculated(const struct form *f, size_t i, struct inspect_answers *a,
			    struct form_lang lang)
{
	const struct form_item *it = &f->items[i];
	struct fc_err err = { 0 };
	char *v = NULL;

	if (form_value(f, i, &a->fa, &v, &err))
		v = xstrfmt("(%s)", err.msg);
	printf("  %-28s = ", it->name);
	fputs_safe(v ? v : "", stdout);
	if (*form_text(f, &it->label, lang)) {
		fputs("  ", stdout);
		put_label(f, it, &a->fa, lang);
	}
	putchar('\n');
	free(v);
}

/* One line for an item: its value, "n/a" when it does not apply given the
 * answers, "-" when unanswered ("*" marks a required one); a group's
 * heading; a calculated value. */
static void show_item(const struct form *f, const struct fc_inspection *in,
		      const struct inspect_visit *vi, struct form_lang lang)
{
	const struct form_item *it = &f->items[vi->item];
	struct fc_err err = { 0 };
	const char *v, *shown;
	int rel, req = 0;

	if (it->type == FT_BEGIN_GROUP) {
		fputs("\n[", stdout);
		put_label(f, it, &vi->a->fa, lang);
		puts("]");
		return;
	}
	if (it->type == FT_CALCULATE || it->computed ||
	    (it->type == FT_META && it->meta != META_AUDIT)) {
		show_calculated(f, vi->item, vi->a, lang);
		return;
	}
	if (!form_item_answerable(it))
		return;
	v = it->type == FT_MEDIA ? inspect_item_file(in, vi->key) : answer_of(in, vi->key);
	rel = form_relevant(f, vi->item, &vi->a->fa, &err);
	if (rel > 0 && !v)
		req = form_required(f, vi->item, &vi->a->fa, &err) > 0;
	shown = v ? (strlen(v) <= 6 ? v : "*") : rel == 0 ? "n/a" : req ? "-*" : "-";
	printf("  %-28s %-6s ", it->name, shown);
	put_label(f, it, &vi->a->fa, lang);
	if (v && strlen(v) > 6) {
		printf("\n  %-28s ", "");
		fputs_safe(v, stdout);
	}
	putchar('\n');
}

struct show_ctx {
	const struct form *f;
	const struct fc_inspection *in;
	struct form_lang lang;
};

/* A repeat shows its heading, then each live instance under "Vehicle 2
 * (uuid)" with its items. */
static void show_visit(void *ctx, const struct inspect_visit *vi)
{
	struct show_ctx *c = ctx;
	const struct form_item *it = &c->f->items[vi->item];

	switch (vi->kind) {
	case IV_REPEAT:
		fputs("\n[", stdout);
		put_label(c->f, it, &vi->a->fa, c->lang);
		printf("] %s\n", it->name);
		if (!vi->count && it->repeat < 0)
			printf(_("  (no instances: add one with 'fieldcheck inspection repeat ID %s add')\n"),
			       it->name);
		else if (!vi->count) /* inside an instance of another repeat: say which */
			printf(_("  (no instances: add one with 'fieldcheck inspection repeat ID %s add "
				 "%s')\n"), it->name, vi->instance);
		break;
	case IV_INSTANCE:
		printf("\n  ");
		put_label(c->f, it, &vi->a->fa, c->lang);
		printf(" %zu  (%s)\n", vi->position, vi->instance);
		break;
	case IV_ITEM:
		show_item(c->f, c->in, vi, c->lang);
		break;
	}
}

/* ${last-saved#x} reads the record inspect_last_load finds (none when it
 * cannot be read: the rest still shows). */
static void show_items(struct fc_workspace *ws, const struct form *f,
		       const struct fc_inspection *in, struct form_lang lang)
{
	struct show_ctx c = { f, in, lang };
	struct inspect_last last;
	struct fc_err err;

	if (inspect_last_load(ws, f, in, &last, &err) < 0)
		fprintf(stderr, "fieldcheck: %s\n", err.msg);
	inspect_visit_last(f, in, &last, lang, show_visit, &c);
	inspect_last_release(&last);
}

/* The columns the widest word of names[0..n-1] takes (core/words.h). */
static size_t words_width(const char *const *names, size_t n)
{
	size_t w = 0, i;

	for (i = 0; i < n; i++)
		if (text_width(model_word(names[i])) > w)
			w = text_width(model_word(names[i]));
	return w;
}

static int show_hazard(const struct hazard_row *r, void *ctx)
{
	static const char *const sevs[] = { "general", "major" };
	static const char *const states[] = { "open", "notified", "rectified", "closed" };

	++*(int *)ctx;
	printf("  %.8s  ", r->id);
	cli_pad(model_word(r->severity), words_width(sevs, ARRAY_SIZE(sevs)) + 2);
	cli_pad(model_word(r->state), words_width(states, ARRAY_SIZE(states)) + 2);
	printf(_("due %s%s  "), r->due, r->overdue ? _(", OVERDUE") : "");
	fputs_safe(r->item[0] ? r->item : "-", stdout);
	fputs("  ", stdout);
	fputs_safe(r->description, stdout);
	putchar('\n');
	return 0;
}

/* The unit's legal representative or responsible person on site. */
static void show_responsible(const struct fc_inspection *in)
{
	if (!in->resp_name[0] && !in->resp_title[0] && !in->resp_phone[0])
		return;
	fputs(_("\nresponsible "), stdout);
	fputs_safe(in->resp_name, stdout);
	if (in->resp_title[0] || in->resp_phone[0]) {
		fputs(" (", stdout);
		fputs_safe(in->resp_title, stdout);
		fputs(in->resp_title[0] && in->resp_phone[0] ? ", " : "", stdout);
		fputs_safe(in->resp_phone, stdout);
		fputs(")", stdout);
	}
}

/* Free text line by line, each made visible, indented. */
static void put_lines(const char *heading, const char *s)
{
	char *copy, *line, *save = NULL;

	if (!s || !*s)
		return;
	fputs(heading, stdout);
	copy = xstrdup(s);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		fputs("  ", stdout);
		fputs_safe(line, stdout);
		putchar('\n');
	}
	free(copy);
}

/* The findings, the opinion and the numbered documents. */
static void show_texts(const struct fc_inspection *in)
{
	struct strbuf sb;
	size_t i;

	put_lines(_("\nfindings:\n"), in->findings);
	put_lines(_("\nopinion:\n"), in->opinion);
	strbuf_init(&sb);
	for (i = 0; i < in->n_documents; i++) {
		const struct fc_document *d = &in->documents[i];
		if (i == 0)
			puts(_("\ndocuments:"));
		strbuf_reset(&sb);
		docnum_text(d, &sb);
		printf("  %-7s %s  %s %s\n", d->kind, sb.buf, d->at, d->by);
	}
	strbuf_release(&sb);
}

static void show_text(struct fc_workspace *ws, const struct form *f,
		      const struct fc_inspection *in, const char *today)
{
	struct form_lang lang = form_lang_locale();
	struct hazard_filter hf = { 0 };
	struct fc_enterprise e;
	struct fc_err err = { 0 };
	size_t i;
	int n_haz, k;

	printf(_("inspection  %s  (%s)\nform        %s v%d  "), in->id,
	       model_word(insp_status_name(in->status)),
	       in->form_id, in->form_version);
	fputs_safe(form_text(f, &f->title, lang), stdout);
	printf(_("\nenterprise  %s  "), in->enterprise);
	if (enterprise_get(ws->store, in->enterprise, &e, &err) == 0) {
		fputs_safe(e.name, stdout);
		enterprise_clear(&e);
	}
	printf(_("\ntype        %s\nlocation    "), insp_type_label(in->type));
	fputs_safe(in->location, stdout);
	if (in->geo[0])
		printf(_("\nposition    %s (%s)"), in->geo, in->geo_source);
	show_responsible(in);
	printf(_("\ncreated     %s by %s\n"), in->created_at, in->created_by);
	if (in->finalized_at[0])
		printf(_("finalized   %s\n"), in->finalized_at);
	for (i = 0; i < in->n_team; i++) {
		fputs(i ? "            " : _("team        "), stdout);
		fputs_safe(in->team[i].name, stdout);
		printf(" (%s, ", in->team[i].badge);
		fputs_safe(in->team[i].dept, stdout);
		puts(")");
	}
	show_items(ws, f, in, lang);
	for (i = 0; i < in->n_conflicts; i++) {
		const struct fc_answer *c = &in->conflicts[i];
		if (i == 0)
			puts(_("\nconflicts (answered differently on two devices; choose with "
			     "'inspection resolve'):"));
		printf(_("  %-28s now "), c->item);
		fputs_safe(answer_of(in, c->item) ? answer_of(in, c->item) : "-", stdout);
		fputs(_(", also "), stdout);
		fputs_safe(c->value, stdout);
		printf(_(" (by %s at %s)\n"), c->by, c->at);
	}
	puts(_("\nhazards:"));
	hf.today = today;
	hf.inspection = in->id;
	n_haz = 0;
	hazard_list(ws->store, &hf, show_hazard, &n_haz, &err);
	if (n_haz == 0)
		puts(_("  none"));
	show_texts(in);
	cli_show_files(ws, in->attachments, in->n_attachments);
	for (i = 0; i < in->n_amendments; i++) {
		const struct fc_amendment *m = &in->amendments[i];
		if (i == 0)
			puts(_("\namendments:"));
		k = form_item_index(f, m->item);
		printf("  %s  %s  ", m->at, m->by);
		fputs_safe(k >= 0 ? form_item_label(f, &f->items[k], lang) : m->item, stdout);
		fputs(" \u2192 ", stdout);   /* the arrow, in any language */
		fputs_safe(m->value, stdout);
		fputs(_("  reason: "), stdout);
		fputs_safe(m->reason, stdout);
		putchar('\n');
	}
}

static int cmd_show(struct cli *cli, int argc, char **argv)
{
	const char *arg;
	char today[FC_DATE_LEN + 1];
	struct fc_err err = { 0 };
	struct fc_inspection in;
	enum table_format tf;
	struct opened o;
	int rc;

	if ((rc = cli_parse_show(argc, argv, usage, "inspection", &arg, &tf)))
		return rc;
	if (clock_today(today, &err) || cli_open_inspection(cli, arg, &o, &err))
		return cli_report(&err);
	rc = inspection_get(o.ws->store, o.id, &in, &err);
	if (rc == 0) {
		if (tf == FMT_JSON) {
			struct strbuf sb;
			strbuf_init(&sb);
			record_encode_inspection(&in, &sb);
			fwrite(sb.buf, 1, sb.len, stdout);
			strbuf_release(&sb);
		} else {
			show_text(o.ws, o.f, &in, today);
		}
		inspection_clear(&in);
	}
	cli_close_inspection(&o);
	return rc ? cli_report(&err) : 0;
}

static int cmd_attach(struct cli *cli, int argc, char **argv)
{
	return cli_inspection_attach(cli, argc, argv, usage);
}

static int cmd_locate(struct cli *cli, int argc, char **argv)
{
	return cli_inspection_locate(cli, argc, argv, usage);
}

static int cmd_set(struct cli *cli, int argc, char **argv)
{
	return cli_inspection_set(cli, argc, argv, usage);
}

static int add_row(const struct insp_row *r, void *ctx)
{
	char ver[16], na[16], nh[16];
	snprintf(ver, sizeof ver, "%d", r->form_version);
	snprintf(na, sizeof na, "%d", r->n_answers);
	snprintf(nh, sizeof nh, "%d", r->n_hazards);
	return cli_listing_add(ctx, (const char *[]){ r->id, r->status, r->form_id, ver, r->type,
		r->enterprise, r->enterprise_name, r->created_at, na, nh });
}

static int cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "id", N_("ID"), 0, 8, COL_PREFIX }, { "status", N_("STATUS"), 0, 0, COL_WORD }, { "form", N_("FORM"), 0, 0, 0 },
		{ "form_version", N_("V"), 1, 0, 0 }, { "type", N_("TYPE"), 0, 0, COL_WORD },
		{ "enterprise", N_("ENTERPRISE"), 0, 0, 0 }, { "enterprise_name", N_("NAME"), 0, 16, 0 },
		{ "created_at", N_("CREATED"), 0, 16, 0 }, { "answers", N_("ANSWERS"), 1, 0, 0 },
		{ "hazards", N_("HAZARDS"), 1, 0, 0 },
	};
	const char *status = "", *form = "", *fmt = NULL;
	struct insp_filter f;
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	enum table_format tf;
	struct cli_listing l;
	int rc;
	const struct cli_opt opts[] = {
		{ "status", OPT_VALUE, &status, NULL, NULL },
		{ "form", OPT_VALUE, &form, NULL, NULL },
		{ "format", OPT_VALUE, &fmt, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)) ||
	    (rc = cli_format(fmt, &tf, usage)))
		return rc;
	if (*status && strcmp(status, "draft") && strcmp(status, "final") &&
	    strcmp(status, "conflicted"))
		return cli_usage(usage, _("unknown status '%s' (draft, final or conflicted)"), status);
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	cli_listing_start(&l, cols, ARRAY_SIZE(cols), tf);
	f.status = status;
	f.form = form;
	rc = inspection_walk(ws->store, &f, add_row, &l, &err);
	workspace_close(ws);
	return cli_listing_end(&l, rc, &err);
}

int cmd_inspection(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = {
		{ "new", cmd_new }, { "answer", cmd_answer }, { "member", cmd_member },
		{ "finalize", cmd_finalize }, { "amend", cmd_amend }, { "show", cmd_show },
		{ "resolve", cmd_resolve }, { "list", cmd_list }, { "attach", cmd_attach },
		{ "locate", cmd_locate }, { "repeat", cmd_inspection_repeat }, { "set", cmd_set },
		{ 0 },
	};

	return cli_dispatch(cli, argc, argv, verbs, usage, "inspection needs a command: new, "
			    "answer, repeat, member, set, finalize, amend, show or list", 1);
}
