/* cli_forms.c - `fieldcheck forms list | forms check [DIR...]`.
 *
 * `forms check` is the form author's compiler: every problem of every form
 * on stderr as PATH:LINE:COL: message (one per line, so editors can jump to
 * it), then a summary, exit 1 if anything is wrong.  `forms list` shows the
 * catalogue an inspector chooses from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/form.h"
#include "forms/inspect.h"

static const char usage[] =
	"fieldcheck forms list [--format text|csv|json]\n"
	"       fieldcheck forms check [DIR...]";

static void print_problems(const struct form_problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		fputs_safe(p->msgs[i], stderr);
		fputc('\n', stderr);
	}
}

static void add_row(struct table *t, const struct form *f, enum form_lang lang)
{
	char version[16], items[24], checks[24];

	snprintf(version, sizeof version, "%d", f->version);
	snprintf(items, sizeof items, "%zu", form_count_questions(f));
	snprintf(checks, sizeof checks, "%zu", form_count_checks(f));
	table_add(t, (const char *[]){ f->id, version, form_text(&f->title, lang),
				       items, checks, f->origin });
}

static int list(struct cli *cli, int argc, char **argv)
{
	static const struct table_col cols[] = {
		{ "id", N_("ID"), 0, 0, 0 }, { "version", N_("VERSION"), 1, 0, 0 }, { "title", N_("TITLE"), 0, 48, 0 },
		{ "items", N_("ITEMS"), 1, 0, 0 }, { "checks", N_("CHECKS"), 1, 0, 0 },
		{ "origin", N_("ORIGIN"), 0, 0, 0 },
	};
	const char *fmt = NULL;
	const struct cli_opt opts[] = {
		{ "format", OPT_VALUE, &fmt, NULL, NULL },
		{ 0 },
	};
	enum form_lang lang = inspect_lang();
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
	rc = table_print(&t, tf, stdout) ? 1 : 0;
	if (rc)
		fprintf(stderr, _("fieldcheck: cannot write the listing\n"));
	print_problems(&cat.problems);
	if (cat.problems.n)
		rc = 1;
	table_free(&t);
	form_catalog_free(&cat);
	return rc;
}

static int summary(size_t loaded, size_t total, size_t problems)
{
	if (!problems) {
		printf(_("%zu form%s checked, no problems\n"), total, total == 1 ? "" : "s");
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
	int rc;

	form_catalog_load(&cat, cli->workspace);
	print_problems(&cat.problems);
	rc = summary(cat.n, cat.n_tried, cat.problems.n);
	form_catalog_free(&cat);
	return rc;
}

static int check(struct cli *cli, int argc, char **argv)
{
	const char **dirs = NULL;
	const struct cli_opt opts[] = { { 0 } };
	struct form_problems probs = { 0 };
	size_t n_pos, i, loaded = 0;
	int rc;

	if (argc <= 1)
		return check_all(cli);
	dirs = xcalloc((size_t)argc, sizeof *dirs);
	if ((rc = cli_parse(argc, argv, opts, dirs, (size_t)argc - 1, &n_pos, usage))) {
		free(dirs);
		return rc;
	}
	for (i = 0; i < n_pos; i++) {
		struct form *f = form_load_dir(dirs[i], &probs);
		loaded += f != NULL;
		form_free(f);
	}
	print_problems(&probs);
	rc = summary(loaded, n_pos, probs.n);
	form_problems_release(&probs);
	free(dirs);
	return rc;
}

int cmd_forms(struct cli *cli, int argc, char **argv)
{
	static const struct cli_verb verbs[] = { { "list", list }, { "check", check }, { 0 } };

	return cli_dispatch(cli, argc, argv, verbs, usage, "forms needs a command: list or check", 1);
}
