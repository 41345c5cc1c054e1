/* cli_inspection.h - what the `inspection` subcommands share: an
 * inspection named on the command line, opened with its form. */
#ifndef FC_CLI_INSPECTION_H
#define FC_CLI_INSPECTION_H

#include "core/model.h"
#include "core/workspace.h"
#include "forms/engine/form.h"
#include "tui/cli/cli.h"

/* An inspection named on the command line, with its workspace and the
 * form it was filled with open: what most subcommands start from. */
struct opened {
	struct fc_workspace *ws;
	struct form *f;
	char id[FC_UUID_LEN + 1];
};

/* Opens the workspace, expands the id (or its prefix) and loads the form;
 * on failure nothing stays open. */
int cli_open_inspection(struct cli *cli, const char *prefix, struct opened *o,
			struct fc_err *err);
void cli_close_inspection(struct opened *o);

/* The record key ITEM --instance WHICH names: ITEM alone without
 * --instance, else "ITEM@<uuid>" of the live instance WHICH ("2" or a
 * uuid) of ITEM's repeat.  key holds MAX_ITEM_KEY + 1.  0, or -1 with err. */
int cli_item_key(struct opened *o, const char *item, const char *which, char *key,
		 struct fc_err *err);

/* `inspection repeat ID REPEAT add|remove [INSTANCE]`. */
int cmd_inspection_repeat(struct cli *cli, int argc, char **argv);

#endif
