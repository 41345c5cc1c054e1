/* cli_document.c - `fieldcheck document ID record|order|measures|review
 * [--format pdf|html|text] [--out FILE]`: an inspection's on-site record,
 * its rectification order, its on-site measures decision or its
 * re-inspection opinion (forms/inspect/inspect_document.h), as text on stdout
 * or into a new file; a PDF only into a file.  A final inspection's document
 * is given its number first (core/docnum_store.h); the number, or why there
 * is none, goes to standard error. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/fileio.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/workspace.h"
#include "forms/inspect/inspect_document.h"

static const char usage[] =
	"fieldcheck document ID record|order|measures|review [--format pdf|html|text] "
	"[--out FILE]";

static int emit(const struct strbuf *sb, const char *out, struct fc_err *err)
{
	if (out)
		return file_write_new(out, sb->buf, sb->len, 0644, err);
	if (fwrite(sb->buf, 1, sb->len, stdout) != sb->len || fflush(stdout))
		return fc_failk(err, FC_EIO, _("cannot write the document to standard output"));
	return 0;
}

static void say_number(const struct document_number *num)
{
	if (num->text[0])
		fprintf(stderr, num->given ? _("number %s (given now)\n") : _("number %s\n"),
			num->text);
	else if (num->why[0])
		fprintf(stderr, _("warning: %s\n"), num->why);
}

static int run(struct cli *cli, const char *prefix, enum document_kind kind,
	       enum document_format f, const char *out)
{
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	char id[FC_UUID_LEN + 1];
	struct document_number num;
	struct strbuf sb;
	int rc;

	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	strbuf_init(&sb);
	rc = store_expand_id(ws->store, "inspections", prefix, id, &err) ||
	     document_make(ws, id, kind, f, form_lang_locale(), &sb, &num, &err) ||
	     emit(&sb, out, &err);
	if (rc == 0)
		say_number(&num);
	strbuf_release(&sb);
	workspace_close(ws);
	return rc ? cli_report(&err) : 0;
}

int cmd_document(struct cli *cli, int argc, char **argv)
{
	const char *fmt = NULL, *out = NULL, *pos[2];
	const struct cli_opt opts[] = {
		{ "format", OPT_VALUE, &fmt, NULL, NULL },
		{ "out", OPT_VALUE, &out, NULL, NULL },
		{ 0 },
	};
	enum document_format f = DOCUMENT_TEXT;
	enum document_kind kind;
	int rc;

	if ((rc = cli_parse_exact(argc, argv, opts, pos, 2, usage,
				  _("document needs the id of an inspection and record, order, measures "
				    "or review"))))
		return rc;
	if (document_kind_parse(pos[1], &kind))
		return cli_usage(usage, _("unknown document '%s' (record, order, measures, "
				 "review)"), pos[1]);
	if (fmt && document_format_parse(fmt, &f))
		return cli_usage(usage, _("unknown format '%s' (pdf, html, text)"), fmt);
	if (out && !*out)
		return cli_usage(usage, _("--out needs a file name"));
	if (f == DOCUMENT_PDF && !out)
		return cli_usage(usage, _("a PDF needs --out FILE"));
	return run(cli, pos[0], kind, f, out);
}
