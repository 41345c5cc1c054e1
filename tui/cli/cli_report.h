/* cli_report.h - `fieldcheck report`: the supervisor's figures (core/report.h)
 * as text, CSV, JSON or an HTML page. */
#ifndef FC_CLI_REPORT_H
#define FC_CLI_REPORT_H

#include "cli.h"

int cmd_report(struct cli *cli, int argc, char **argv);

#endif
