/* cli_report.c - `fieldcheck report`: parses the options, runs the report
 * (core/report.c) and prints it to stdout or, with --out, to a file that
 * appears whole or not at all. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_report.h"
#include "core/i18n.h"
#include "core/report.h"
#include "core/roster.h"
#include "core/strbuf.h"
#include "core/workspace.h"
#include "sync/rosteredit.h"

static const char usage[] =
	"fieldcheck report [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
	"                  [--by form|town|dept|month|enterprise] [--final]\n"
	"                  [--format text|csv|json|html] [--bom] [--out FILE]";

static int parse_format(const char *s, enum report_format *out)
{
	static const char *const names[] = { "text", "csv", "json", "html" };
	size_t k;

	if (!s) {
		*out = REPORT_TEXT;
		return 0;
	}
	for (k = 0; k < ARRAY_SIZE(names); k++)
		if (!strcmp(s, names[k])) {
			*out = (enum report_format)k;
			return 0;
		}
	return cli_usage(usage, _("unknown format '%s' (text, csv, json or html)"), s);
}

/* Writes the report into `path` through a temporary file in the same
 * folder, renamed over it once complete. */
static int write_file(const struct report *r, enum report_format fmt, int bom,
		      const char *path, struct fc_err *err)
{
	char *tmp = xmalloc(strlen(path) + 8);
	mode_t mask = umask(0);  /* mkstemp makes 0600; the report is an ordinary file */
	FILE *fp;
	int fd, rc;

	umask(mask);

	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || fchmod(fd, 0666 & ~mask) || !(fp = fdopen(fd, "w"))) {
		rc = fc_failk(err, FC_EIO, _("cannot write %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd), unlink(tmp);
		free(tmp);
		return rc;
	}
	rc = report_print(r, fmt, bom, fp, err);
	if (fclose(fp) && !rc)
		rc = fc_failk(err, FC_EIO, _("cannot write %s: %s"), path, strerror(errno));
	if (!rc && rename(tmp, path))
		rc = fc_failk(err, FC_EIO, _("cannot write %s: %s"), path, strerror(errno));
	if (rc) {
		unlink(tmp);
		fc_err_prefix(err, "%s", path);
	}
	free(tmp);
	return rc;
}

/* Since when the records are signed: the roster's earliest start. */
static int signed_since(struct fc_workspace *ws, struct report *r, struct fc_err *err)
{
	struct roster ro;
	long long first = 0;
	size_t i;
	char t[16];

	if (roster_read_head(ws, &ro, err))
		return -1;
	for (i = 0; i < ro.n; i++)
		if (!i || ro.e[i].valid_after < first)
			first = ro.e[i].valid_after;
	if (ro.n) {
		roster_time_format(first, t);
		snprintf(r->signed_since, sizeof r->signed_since, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ",
			 t, t + 4, t + 6, t + 8, t + 10, t + 12);
	}
	roster_release(&ro);
	return 0;
}

static int run(struct cli *cli, const struct report_query *q, enum report_format fmt, int bom,
	       const char *out)
{
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	struct report r;
	int rc;

	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	rc = report_run(ws->store, q, &r, &err);
	if (rc == 0)
		rc = signed_since(ws, &r, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	if (out)
		rc = write_file(&r, fmt, bom, out, &err);
	else
		rc = report_print(&r, fmt, bom, stdout, &err);
	report_release(&r);
	return rc ? cli_report(&err) : 0;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *by = NULL, *fmt = NULL, *out = NULL;
	char today[FC_DATE_LEN + 1];
	struct report_query q = { 0 };
	struct fc_err err = { 0 };
	enum report_format rf = REPORT_TEXT;
	int bom = 0, rc;
	const struct cli_opt opts[] = {
		{ "from", OPT_VALUE, &from, NULL, NULL },
		{ "to", OPT_VALUE, &to, NULL, NULL },
		{ "by", OPT_VALUE, &by, NULL, NULL },
		{ "final", OPT_FLAG, NULL, &q.final_only, NULL },
		{ "format", OPT_VALUE, &fmt, NULL, NULL },
		{ "bom", OPT_FLAG, NULL, &bom, NULL },
		{ "out", OPT_VALUE, &out, NULL, NULL },
		{ 0 },
	};

	if ((rc = cli_parse_opts(argc, argv, opts, usage)) ||
	    (rc = parse_format(fmt, &rf)))
		return rc;
	if (by && report_by_parse(by, &q.by))
		return cli_usage(usage, _("unknown grouping '%s' (form, town, dept, month or "
				 "enterprise)"), by);
	if (bom && rf != REPORT_CSV)
		return cli_usage(usage, _("--bom is for --format csv (spreadsheet programs)"));
	if ((from && date_check(from, "--from", &err)) || (to && date_check(to, "--to", &err)))
		return cli_usage(usage, "%s", err.msg);
	if (from && to && strcmp(from, to) > 0)
		return cli_usage(usage, _("--from %s is after --to %s"), from, to);
	if (out && !*out)
		return cli_usage(usage, _("--out needs a file name"));
	if (clock_today(today, &err))
		return cli_report(&err);
	q.from = from;
	q.to = to;
	q.today = today;
	return run(cli, &q, rf, bom, out);
}
