/* cli_forms.c - `fieldcheck forms list | check [PATH...] | add PATH | export ID`.
 *
 * `forms check` is the form author's compiler: every problem of every form
 * on stderr as PATH:LINE:COL: message (FILE.xlsx:survey!C12: for a
 * workbook; one per line, so editors can jump to it), then a summary, exit 1
 * if anything is wrong.  `forms add` puts a form folder or an .xlsx
 * workbook into the workspace's own forms; `forms export` writes a form as a
 * workbook to edit.  `forms list` shows the
 * catalogue an inspector chooses from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/fileio.h"
#include "core/strbuf.h"
#include "forms/engine/form.h"
#include "forms/engine/odk.h"
#include "forms/engine/xlsx.h"
#include "forms/inspect/inspect.h"

static const char usage[] =
	"fieldcheck forms list [--format text|csv|json]\n"
	"       fieldcheck forms check [DIR|FILE.xlsx...]\n"
	"       fieldcheck forms add DIR|FILE.xlsx\n"
	"       fieldcheck forms export ID [--out FILE.xlsx]";

static void print_problems(const struct form_problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		fputs_safe(p->msgs[i], stderr);
		fputc('\n', stderr);
	}
}

static void add_row(struct table *t, const struct form *f, struct form_lang lang)
{
	char version[16], items[24], checks[24];

	snprintf(version, sizeof version, "%d", f->version);
	snprintf(items, sizeof items, "%zu", form_count_questions(f));
	snprintf(checks, sizeof checks, "%zu", form_count_checks(f));
	table_add(t, (const char *[]){ f->id, version, items, checks, f->origin,
				       form_text(f, &f->title, lang) });
}

static int list(struct cli *cli, int argc, char **argv)
{
	/* The title last: quotes such as “” are drawn one column wide by some
	 * terminals and two by others (East Asian "ambiguous" width), so no
	 * column may come after a title and be shifted by it. */
	static const struct table_col cols[] = {
		{ "id", N_("ID"), 0, 0, 0 }, { "version", N_("VERSION"), 1, 0, 0 },
		{ "items", N_("ITEMS"), 1, 0, 0 }, { "checks", N_("CHECKS"), 1, 0, 0 },
		{ "origin", N_("ORIGIN"), 0, 0, 0 }, { "title", N_("TITLE"), 0, 48, 0 },
	};
	const char *fmt = NULL;
	const struct cli_opt opts[] = {
		{ "format", OPT_VALUE, &fmt, NULL, NULL },
		{ 0 },
	};
	struct form_lang lang = form_lang_locale();
	struct form_catalog cat;
	enum table_format tf;
	struct table t;
	size_t i;
	int rc;

	if ((rc = cli_parse_opts(argc, argv, opts, usage)) ||
	    (rc = cli_format(fmt, &tf, usage)))
		return rc;
	form_catalog_load(&cat, cli->workspace);
	table_init(&t, cols, ARRAY_SIZE(cols));
	for (i = 0; i < cat.n; i++)
		add_row(&t, cat.forms[i], lang);
	rc = cli_print_listing(&t, tf);
	print_problems(&cat.problems);
	if (cat.problems.n)
		rc = 1;
	table_release(&t);
	form_catalog_release(&cat);
	return rc;
}

static int summary(size_t loaded, size_t total, size_t problems, size_t warnings)
{
	if (!problems) {
		printf(_("%zu form%s checked, no problems"), total, total == 1 ? "" : "s");
		if (warnings)
			printf(_(" (%zu warning%s)"), warnings, warnings == 1 ? "" : "s");
		putchar('\n');
		return 0;
	}
	fprintf(stderr, _("%zu form%s checked, %zu load; %zu problem%s\n"), total,
		total == 1 ? "" : "s", loaded, problems, problems == 1 ? "" : "s");
	return 1;
}

/* No folder named: the whole catalogue, as the program would load it. */
static int check_all(struct cli *cli)
{
	struct form_catalog cat;
	size_t i, warnings = 0;
	int rc;

	form_catalog_load(&cat, cli->workspace);
	print_problems(&cat.problems);
	for (i = 0; i < cat.n; i++) {
		print_problems(&cat.forms[i]->warnings);
		warnings += cat.forms[i]->warnings.n;
	}
	rc = summary(cat.n, cat.n_tried, cat.problems.n, warnings);
	form_catalog_release(&cat);
	return rc;
}

static int check(struct cli *cli, int argc, char **argv)
{
	const char **dirs = NULL;
	const struct cli_opt opts[] = { { 0 } };
	struct form_problems probs = { 0 };
	size_t n_pos, i, loaded = 0, warnings = 0;
	int rc;

	if (argc <= 1)
		return check_all(cli);
	dirs = xcalloc((size_t)argc, sizeof *dirs);
	if ((rc = cli_parse(argc, argv, opts, dirs, (size_t)argc - 1, &n_pos, usage))) {
		free(dirs);
		return rc;
	}
	for (i = 0; i < n_pos; i++) {
		struct form *f = form_load_path(dirs[i], &probs);
		loaded += f != NULL;
		if (f) {
			print_problems(&f->warnings);
			warnings += f->warnings.n;
		}
		form_free(f);
	}
	print_problems(&probs);
	rc = summary(loaded, n_pos, probs.n, warnings);
	form_problems_release(&probs);
	free(dirs);
	return rc;
}

/* Problems the catalogue has with form `id` once it is in the workspace
 * (the same version installed with other contents); printed, counted. */
static size_t catalog_problems(struct cli *cli, const char *id)
{
	struct form_catalog cat;
	size_t i, n = 0;
	/* the words the catalogue's problems name a form with, in the user's
	 * language as they are */
	char *needle = xstrfmt(_("form %s "), id);

	form_catalog_load(&cat, cli->workspace);
	for (i = 0; i < cat.problems.n; i++) {
		if (!strstr(cat.problems.msgs[i], needle))
			continue;
		fputs_safe(cat.problems.msgs[i], stderr);
		fputc('\n', stderr);
		n++;
	}
	free(needle);
	form_catalog_release(&cat);
	return n;
}

static int add(struct cli *cli, int argc, char **argv)
{
	const char *path = NULL;
	struct form_problems probs = { 0 };
	struct fc_err err;
	struct form *f;
	int rc, already, version;

	const struct cli_opt opts[] = { { 0 } };

	if ((rc = cli_parse_exact(argc, argv, opts, &path, 1, usage,
				  _("forms add needs a form folder or an .xlsx workbook"))))
		return rc;
	f = form_load_path(path, &probs);
	print_problems(&probs);
	form_problems_release(&probs);
	if (!f)
		return 1;
	print_problems(&f->warnings); /* a file not beside it, say, is said here too */
	if (form_install(f, cli->workspace, &already, &version, &err)) {
		rc = cli_report(&err);
		form_free(f);
		return rc;
	}
	printf(already ? "form %s version %d is in the workspace already" :
	       "form %s version %d added to the workspace's forms", f->id, version);
	if (f->odk_version)
		printf(" (XLSForm version %s)", f->odk_version);
	putchar('\n');
	rc = catalog_problems(cli, f->id) ? 1 : 0;
	form_free(f);
	return rc;
}

/* The CSV files the form's selects read, beside the workbook, where
 * pyxform and `forms add FILE.xlsx` look for them. */
static int export_files(const struct form *f, const char *book, struct fc_err *err)
{
	const char *slash = strrchr(book, '/');
	size_t k;

	for (k = 0; k < f->n_files; k++) {
		if (f->files[k].missing) { /* never beside it: nothing to write */
			fprintf(stderr, _("%s: not written: it was not beside the form when it "
					  "was added\n"), f->files[k].name);
			continue;
		}
		char *p = slash ? xstrfmt("%.*s/%s", (int)(slash - book), book, f->files[k].name)
				: xstrdup(f->files[k].name);
		int rc = file_write_new(p, f->files[k].csv, f->files[k].len, 0644, err);
		if (rc == 0)
			printf(strcmp(f->files[k].name, ITEMSETS_FILE) ?
			       _("%s: the choices of its select_one_from_file\n") :
			       _("%s: the choices of its select_one_external\n"), p);
		free(p);
		if (rc)
			return -1;
	}
	return 0;
}

/* The form as a workbook to edit in a spreadsheet and `forms add` back,
 * which ODK's pyxform converts too (forms/engine/odk.h). */
static int export(struct cli *cli, int argc, char **argv)
{
	const char *id = NULL, *out = NULL;
	const struct cli_opt opts[] = { { "out", OPT_VALUE, &out, NULL, NULL }, { 0 } };
	const struct form *f;
	struct form_catalog cat;
	struct fc_err err;
	char *path, *sheets[XS_COUNT] = { 0 };
	size_t k;
	int rc;

	if ((rc = cli_parse_exact(argc, argv, opts, &id, 1, usage, _("forms export needs a form id"))))
		return rc;
	form_catalog_load(&cat, cli->workspace);
	f = form_catalog_find(&cat, id);
	if (!f) {
		fc_fail(&err, _("no form '%s' (fieldcheck forms list shows them)"), id);
		form_catalog_release(&cat);
		return cli_report(&err);
	}
	path = out ? xstrdup(out) : xstrfmt("%s.xlsx", f->id);
	if (odk_export(f, sheets, &err) ||
	    xlsx_write_file((const char *const *)sheets, path, &err)) {
		rc = cli_report(&err);
	} else {
		printf(_("%s: form %s version %d\n"), path, f->id, f->version);
		if (export_files(f, path, &err))
			rc = cli_report(&err);
	}
	free(path);
	for (k = 0; k < XS_COUNT; k++)
		free(sheets[k]);
	form_catalog_release(&cat);
	return rc;
}

int cmd_forms(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = {
		{ "list", list }, { "check", check }, { "add", add }, { "export", export }, { 0 }
	};

	return cli_dispatch(cli, argc, argv, verbs, usage,
			    "forms needs a command: list, check, add or export", 1);
}
