/* cli_repair.c - `fieldcheck repair`: the store from the replica, the
 * replica from the central; nothing is thrown away (sync/repair.h). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "sync/repair.h"
#include "core/i18n.h"

static const char repair_usage[] =
	"fieldcheck repair [--name NAME --badge BADGE --dept DEPT [--supervisor]]\n"
	"  (the identity is needed only when the damaged store has lost it)";

static void say(const char *label, const char *text)
{
	fputs(label, stdout);
	fputs_safe(text, stdout);
	putchar('\n');
}

static void print_store(const struct repair_result *res)
{
	const struct salvage *sv = &res->salvage;
	size_t i;

	if (!res->store_damage) {
		puts(_("store: sound"));
		return;
	}
	say(_("store: damaged: "), res->store_damage);
	if (!res->store_aside)
		return; /* the repair could not start: the error says why */
	say(_("  set aside as "), res->store_aside);
	printf(_("  rebuilt from the replica: %zu inspections, %zu hazards, %zu enterprises\n"),
	       res->rep.imported_inspections, res->rep.imported_hazards,
	       res->rep.imported_enterprises);
	printf(_("  saved from the damaged store (sent by the next sync): %zu inspections, "
	       "%zu hazards, %zu enterprises\n"), sv->restored[1], sv->restored[2], sv->restored[0]);
	for (i = 0; i < sv->n_notes; i++)
		say(_("  could not save: "), sv->notes[i]);
	if (sv->more_notes)
		printf(_("  could not save: %zu more\n"), sv->more_notes);
}

static void print_replica(const struct repair_result *res)
{
	if (!res->replica_damage) {
		puts(res->store_damage ? _("replica: sound (the store was rebuilt from it)")
				       : _("replica: sound"));
		return;
	}
	say(_("replica: damaged: "), res->replica_damage);
	if (!res->replica_aside)
		return;
	say(_("  set aside as "), res->replica_aside);
	printf(_("  fetched again from %zu remote%s\n"), res->remotes_fetched,
	       res->remotes_fetched == 1 ? "" : "s");
	if (!res->store_damage)
		printf(_("  %zu record%s the central lacks committed again (sent by the next sync)%s\n"),
		       res->reexported, res->reexported == 1 ? "" : "s",
		       res->based ? "" : _("; where the store last agreed with the central is "
					   "not known: the next sync merges them with no common base"));
}

int cmd_repair(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *badge = NULL, *dept = NULL;
	struct repair_options o = { NULL, 0 };
	struct repair_result res;
	struct fc_person me;
	struct fc_err err = { 0 };
	size_t i;
	int rc;
	const struct cli_opt opts[] = {
		{ "name", OPT_VALUE, &name, NULL, NULL },
		{ "badge", OPT_VALUE, &badge, NULL, NULL },
		{ "dept", OPT_VALUE, &dept, NULL, NULL },
		{ "supervisor", OPT_FLAG, NULL, &o.supervisor, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, repair_usage)))
		return rc;
	memset(&me, 0, sizeof me);
	if (name || badge || dept) {
		if (!name || !badge || !dept)
			return cli_usage(repair_usage, _("the identity needs --name, --badge and --dept"));
		if (copy_field(me.name, sizeof me.name, name, "name", &err) ||
		    copy_field(me.badge, sizeof me.badge, badge, "badge number", &err) ||
		    copy_field(me.dept, sizeof me.dept, dept, "department", &err))
			return cli_report(&err);
		o.who = &me;
	}
	rc = sync_repair(cli->workspace, &o, &res, &err);
	if (rc == 0 || res.store_damage || res.replica_damage) {
		print_store(&res);
		print_replica(&res);
	}
	for (i = 0; i < res.rep.n_notes; i++)
		say(_("note: "), res.rep.notes[i].text);
	if (rc == 0 && (res.store_damage || res.replica_damage))
		puts(_("nothing was deleted: what was damaged is kept beside the new files"));
	else if (rc == 0)
		puts(_("nothing to repair"));
	repair_result_release(&res);
	return rc ? cli_report(&err) : 0;
}
