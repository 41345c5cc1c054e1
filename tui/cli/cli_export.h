/* cli_export.h - `fieldcheck export ID --out FILE.tar.gz`. */
#ifndef FC_CLI_EXPORT_H
#define FC_CLI_EXPORT_H

#include "cli.h"

int cmd_export(struct cli *cli, int argc, char **argv);

#endif
