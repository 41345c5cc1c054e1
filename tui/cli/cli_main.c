/* cli_main.c - the command line's usage text and its table of subcommands:
 * main() (tui/main.c) hands over argv from the subcommand's name on.  The
 * usage text names every subcommand, verb and option: tests/cli/t_usage.sh
 * checks it against each subcommand's own. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "cli_export.h"
#include "cli_report.h"

/* The msgid of the usage text: printed through _(), so a user reads it in
 * the language of the locale; commands and options stay as typed. */
const char *const cli_usage_text = N_(
	"fieldcheck [-C WORKSPACE] [COMMAND [ARGS]]\n"
	"\n"
	"With no command, starts the terminal UI on the workspace (-C, else\n"
	"$FIELDCHECK_HOME, else $XDG_DATA_HOME/fieldcheck).\n"
	"\n"
	"Commands:\n"
	"  init --name N --badge B --dept D [--supervisor] [--sign-key KEY]\n"
	"       [--from URL [--key FILE] [--roster-key SHA256:...] [--records-only]]\n"
	"                                           create a workspace (from a central one)\n"
	"  whoami [--sign-key KEY] [--two-officers all|none|TYPE,...]\n"
	"                                           the identity, the key that signs, pairs\n"
	"  enterprise add --code USCC --name N [--town T] [--industry C26] [--address A]\n"
	"  enterprise list [--search TEXT]\n"
	"  forms list | forms check [DIR|FILE.xlsx...] | forms add DIR|FILE.xlsx\n"
	"  forms export ID [--out FILE.xlsx]          a form as a workbook to edit\n"
	"  inspection new --form ID --enterprise USCC [--type routine|unannounced|joint|recheck]\n"
	"                 [--member NAME:BADGE:DEPT]... [--location TEXT]\n"
	"  inspection answer ID ITEM VALUE [--instance N|N/M|UUID] [--note TEXT]\n"
	"                 [--severity general|major] [--deadline YYYY-MM-DD] [--description TEXT]\n"
	"  inspection repeat ID REPEAT add [IN] | remove N|UUID   a repeat's instances\n"
	"  inspection member ID NAME:BADGE:DEPT     add an officer to the team\n"
	"  inspection resolve ID ITEM VALUE         choose between conflicting answers\n"
	"                 [--note TEXT] and the hazard options of answer\n"
	"  inspection finalize ID\n"
	"  inspection amend ID ITEM VALUE --reason TEXT [--instance N|N/M|UUID] [--note TEXT]\n"
	"  inspection attach ID [ITEM] FILE...      photos and files as evidence\n"
	"  inspection locate ID --gps|--photo|LAT LON [ALT [ACCURACY]]\n"
	"                                           where it took place\n"
	"  inspection set ID [--responsible NAME] [--responsible-title TEXT]\n"
	"                 [--responsible-phone TEXT] [--findings TEXT] [--opinion TEXT]\n"
	"                                           the unit's responsible person, 检查情况, 处理意见\n"
	"  inspection show ID | list [--status draft|final|conflicted] [--form ID]\n"
	"  hazard list [--open] [--overdue] [--major] [--enterprise USCC] [--inspection ID]\n"
	"  hazard show ID\n"
	"  hazard add --inspection ID --description TEXT [--item ITEM]\n"
	"             [--severity general|major] [--deadline YYYY-MM-DD | --days N]\n"
	"             [--note TEXT] [--replace]  --replace: change the hazard ITEM made\n"
	"  hazard event ID notice|rectified|verified|extend|supervise|comment\n"
	"               [--date D] [--note TEXT]\n"
	"  hazard attach ID FILE... [--event N]     evidence of the hazard or its Nth event\n"
	"  evidence fetch [ID...]                   others' files the records name, from\n"
	"                                           the central (a sync brings your own)\n"
	"  evidence list [ID]                       the files records name; which are here\n"
	"  remote add NAME URL [--key FILE] | remote list\n"
	"  remote accept-history NAME COMMIT        after a person decides a rewritten\n"
	"                                           history is right\n"
	"  roster list | found [--remote R]         who may sign the central's commits\n"
	"  roster add --badge B --name N --dept D --key KEY.pub [--role inspector|supervisor]\n"
	"             [--from WHEN] [--until WHEN] [--remote R]\n"
	"  roster revoke BADGE [--at WHEN] [--remote R]\n"
	"  guard [--install BARE-REPO [--founder SHA256:...]]\n"
	"                                           a central's pre-receive hook\n"
	"  sync [REMOTE] [--records-only]           commit, fetch, merge, import, push\n"
	"  pull [REMOTE] [--records-only]           fetch, merge, import; never pushes\n"
	"                                           (a supervisor's also fetches every\n"
	"                                           file, unless --records-only)\n"
	"  verify | reindex                         check the store and replica; rebuild\n"
	"  repair [--name N --badge B --dept D [--supervisor]]\n"
	"                                           rebuild what is damaged: the store from\n"
	"                                           the replica, the replica from the central\n"
	"  report [--from D] [--to D] [--by form|town|dept|month|enterprise] [--final]\n"
	"         [--format text|csv|json|html] [--bom] [--out FILE]\n"
	"  export ID --out FILE.tar.gz [--force]    an inspection's evidence package\n"
	"  document ID record|order|measures|review [--format pdf|html|text] [--out FILE]\n"
	"                                           an inspection's documents, to print\n"
	"  numbers [--authority NAME] [--block N]   document numbers: the authority's short\n"
	"                                           name, the block size, the numbers left\n"
	"\n"
	"Listings take --format text|csv|json.  Exit status: 0 done, 1 failed (the\n"
	"message says why), 2 usage error.\n");

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
};

static const struct command commands[] = {
	{ "init", cmd_init },
	{ "whoami", cmd_whoami },
	{ "enterprise", cmd_enterprise },
	{ "forms", cmd_forms },
	{ "inspection", cmd_inspection },
	{ "hazard", cmd_hazard },
	{ "remote", cmd_remote },
	{ "roster", cmd_roster },
	{ "guard", cmd_guard },
	{ "sync", cmd_sync },
	{ "pull", cmd_pull },
	{ "verify", cmd_verify },
	{ "reindex", cmd_reindex },
	{ "repair", cmd_repair },
	{ "report", cmd_report },
	{ "export", cmd_export },
	{ "evidence", cmd_evidence },
	{ "document", cmd_document },
	{ "numbers", cmd_numbers },
};

int cli_main(struct cli *cli, int argc, char **argv)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(commands); k++)
		if (!strcmp(argv[0], commands[k].name))
			return commands[k].run(cli, argc, argv);
	if (!strcmp(argv[0], "help")) {
		fputs(_(cli_usage_text), stdout);
		return 0;
	}
	return cli_usage(cli_usage_text, _("unknown command '%s'"), argv[0]);
}
