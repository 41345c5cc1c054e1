/* cli_args.c - the option parser and error reporting shared by subcommands. */
#include "cli.h"

#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"

static const struct cli_opt *find_opt(const struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && !strncmp(opts->name, name, len))
			return opts;
	return NULL;
}

static void list_push(struct cli_list *l, const char *v)
{
	ALLOC_GROW(l->items, l->n + 1, l->alloc);
	l->items[l->n++] = v;
}

void cli_list_release(struct cli_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = l->alloc = 0;
}

int cli_parse(int argc, char **argv, const struct cli_opt *opts,
	      const char **positional, size_t max_pos, size_t *n_pos, const char *usage)
{
	int i, only_pos = 0;

	*n_pos = 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *eq, *val = NULL;
		const struct cli_opt *o;

		if (only_pos || a[0] != '-' || a[1] == '\0' || (a[1] != '-' && !(a[1] >= 'a' && a[1] <= 'z'))) {
			if (*n_pos >= max_pos)
				return cli_usage(usage, _("unexpected argument '%s'"), a);
			positional[(*n_pos)++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = 1;
			continue;
		}
		if (a[1] != '-')
			return cli_usage(usage, _("unknown option '%s' (options are spelt --name)"), a);
		a += 2;
		eq = strchr(a, '=');
		o = find_opt(opts, a, eq ? (size_t)(eq - a) : strlen(a));
		if (!o)
			return cli_usage(usage, _("unknown option '--%.*s'"), (int)(eq ? eq - a : (long)strlen(a)), a);
		if (o->kind == OPT_FLAG) {
			if (eq)
				return cli_usage(usage, _("option '--%s' takes no value"), o->name);
			*o->flag = 1;
			continue;
		}
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return cli_usage(usage, _("option '--%s' needs a value"), o->name);
		if (o->kind == OPT_LIST)
			list_push(o->list, val);
		else
			*o->value = val;
	}
	return 0;
}

int cli_report(const struct fc_err *err)
{
	fputs("fieldcheck: ", stderr);
	fputs_safe(err->msg[0] ? err->msg : "failed (no message)", stderr);
	fputc('\n', stderr);
	return err->kind == FC_EUSAGE ? 2 : 1;
}

/* The message echoes arguments (an unknown option, a misspelt kind), which
 * may hold anything a script passed: printed made visible. */
int cli_usage(const char *usage, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	fputs("fieldcheck: ", stderr);
	va_start(ap, fmt);
	msg = xstrvfmt(fmt, ap);
	va_end(ap);
	fputs_safe(msg, stderr);
	free(msg);
	fputc('\n', stderr);
	if (usage && *usage)
		fprintf(stderr, _("usage: %s\n"), _(usage));
	return 2;
}

int cli_format(const char *s, enum table_format *out, const char *usage)
{
	if (!s || !strcmp(s, "text"))
		*out = FMT_TEXT;
	else if (!strcmp(s, "csv"))
		*out = FMT_CSV;
	else if (!strcmp(s, "json"))
		*out = FMT_JSON;
	else
		return cli_usage(usage, _("unknown format '%s' (text, csv or json)"), s);
	return 0;
}

void cli_pad(const char *s, size_t width)
{
	size_t w = text_width(s);

	fputs_safe(s, stdout);
	for (; w < width; w++)
		putchar(' ');
}

int cli_parse_opts(int argc, char **argv, const struct cli_opt *opts, const char *usage)
{
	size_t n_pos;

	return cli_parse(argc, argv, opts, NULL, 0, &n_pos, usage);
}

int cli_parse_exact(int argc, char **argv, const struct cli_opt *opts, const char **positional,
		    size_t n, const char *usage, const char *missing)
{
	size_t n_pos;
	int rc;

	if ((rc = cli_parse(argc, argv, opts, positional, n, &n_pos, usage)))
		return rc;
	return n_pos == n ? 0 : cli_usage(usage, "%s", missing);
}

int cli_parse_show(int argc, char **argv, const char *usage, const char *kind,
		   const char **id, enum table_format *tf)
{
	const char *fmt = NULL, *pos[1];
	const struct cli_opt opts[] = { { "format", OPT_VALUE, &fmt, NULL, NULL }, { 0 } };
	size_t n_pos;
	int rc;

	if ((rc = cli_parse(argc, argv, opts, pos, 1, &n_pos, usage)) ||
	    (rc = cli_format(fmt, tf, usage)))
		return rc;
	if (n_pos != 1)
		return cli_usage(usage, _("%s show needs the id"), kind);
	if (*tf == FMT_CSV)
		return cli_usage(usage, _("%s show prints text or json (the record itself)"), kind);
	*id = pos[0];
	return 0;
}

int cli_print_listing(const struct table *t, enum table_format f)
{
	struct fc_err err;
	int e;

	errno = 0;
	if (table_print(t, f, stdout) == 0)
		return 0;
	e = errno ? errno : EIO;
	fc_failk(&err, FC_EIO, _("cannot write the listing: %s"), strerror(e));
	cli_report(&err);
	return 1;
}

/* Notes the first failed write with its errno. */
static int listing_failed(struct cli_listing *l, int rc)
{
	if (rc && !l->failed) {
		l->failed = 1;
		l->errnum = errno ? errno : EIO;
	}
	return l->failed;
}

void cli_listing_start(struct cli_listing *l, const struct table_col *cols, size_t n_cols,
		       enum table_format f)
{
	memset(l, 0, sizeof *l);
	table_init(&l->t, cols, n_cols);
	errno = 0;
	listing_failed(l, table_stream_start(&l->ts, &l->t, f, stdout));
}

int cli_listing_add(struct cli_listing *l, const char *const *vals)
{
	if (l->failed)
		return 1;
	table_add(&l->t, vals);
	errno = 0;
	return l->t.n_rows < CLI_LISTING_PAGE ? 0 : listing_failed(l, table_stream_flush(&l->ts));
}

int cli_listing_end(struct cli_listing *l, int rc, const struct fc_err *err)
{
	struct fc_err werr;

	if (rc)
		rc = cli_report(err);
	else {
		errno = 0;
		if (!l->failed)
			listing_failed(l, table_stream_end(&l->ts));
		if (l->failed) {
			fc_failk(&werr, FC_EIO, _("cannot write the listing: %s"),
				 strerror(l->errnum));
			rc = cli_report(&werr);
		}
	}
	table_release(&l->t);
	return rc;
}

int cli_end_listing(struct table *t, enum table_format f, int rc, const struct fc_err *err)
{
	rc = rc ? cli_report(err) : cli_print_listing(t, f);
	table_release(t);
	return rc;
}
