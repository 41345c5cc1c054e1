/* cli_run.c - what the subcommands with sub-verbs (`enterprise add`,
 * `hazard list`, ...) do alike: pick the verb's function from a table, and
 * answer a missing or unknown verb with a usage error. */
#include "cli.h"
#include "core/i18n.h"

#include <string.h>

int cli_dispatch(struct cli *cli, int argc, char **argv, const struct cli_verb *verbs,
		 const char *usage, const char *missing, int say_unknown)
{
	const struct cli_verb *v;

	for (v = verbs; argc >= 2 && v->name; v++)
		if (!strcmp(argv[1], v->name))
			return v->run(cli, argc - 1, argv + 1);
	if (argc >= 2 && say_unknown)
		return cli_usage(usage, _("unknown %s command '%s'"), argv[0], argv[1]);
	return cli_usage(usage, "%s", missing);
}
