/* cli.h - what every subcommand gets, and the small option parser they share.
 *
 * A subcommand is `int cmd_X(struct cli *cli, int argc, char **argv)` where
 * argv[0] is the subcommand's own name.  It returns the exit status:
 * 0 success, 1 a failure the user can act on (message already on stderr),
 * 2 a usage error.
 */
#ifndef FC_CLI_H
#define FC_CLI_H

#include <stddef.h>
#include "core/err.h"
#include "core/table.h"

struct cli {
	const char *workspace;   /* located workspace folder */
	const char *prog;        /* "fieldcheck" */
};

/* One option a subcommand accepts.  Long options only (--name VALUE or
 * --name=VALUE); a flag takes no value. */
struct cli_opt {
	const char *name;        /* without the dashes */
	enum { OPT_VALUE, OPT_FLAG, OPT_LIST } kind;
	const char **value;      /* OPT_VALUE: where to store the value */
	int *flag;               /* OPT_FLAG: set to 1 when present */
	struct cli_list *list;   /* OPT_LIST: every occurrence, in order */
};

struct cli_list {
	const char **items;
	size_t n, alloc;
};

/* The whole program's usage (--help, `fieldcheck help`). */
extern const char *const cli_usage_text;
/* Runs the subcommand named by argv[0] (or `help`) on cli->workspace and
 * returns its exit status; an unknown name is a usage error (2). */
int cli_main(struct cli *cli, int argc, char **argv);

/* Parses argv[1..]: options from `opts` (terminated by a zero entry),
 * everything else into positional (at most max_pos; more is a usage error).
 * `usage` is printed on error.  Returns 0, or 2 after printing a message. */
int cli_parse(int argc, char **argv, const struct cli_opt *opts,
	      const char **positional, size_t max_pos, size_t *n_pos, const char *usage);
/* cli_parse for a verb that takes options and no argument. */
int cli_parse_opts(int argc, char **argv, const struct cli_opt *opts, const char *usage);
/* cli_parse that wants exactly n positional arguments: fewer is a usage
 * error saying `missing`.  Returns 0, or 2 after printing a message. */
int cli_parse_exact(int argc, char **argv, const struct cli_opt *opts, const char **positional,
		    size_t n, const char *usage, const char *missing);
void cli_list_release(struct cli_list *l);

/* Prints "fieldcheck: MSG" on stderr and returns the exit status for the
 * error's kind (2 for usage errors, 1 otherwise). */
int cli_report(const struct fc_err *err);
/* Prints a usage error and the usage text; returns 2. */
int cli_usage(const char *usage, const char *fmt, ...) FC_PRINTF(2, 3);

/* Prints a listing on stdout; when it cannot be written (a full disk, a
 * closed pipe) says so as every listing does and returns 1, else 0. */
int cli_print_listing(const struct table *t, enum table_format f);
/* The end of a listing command whose rows were read with status rc: reports
 * err if rc is non-zero, else prints the table (cli_print_listing); releases
 * the table either way.  Returns the exit status. */
int cli_end_listing(struct table *t, enum table_format f, int rc, const struct fc_err *err);

/* A listing printed as its rows are read (core/table.h's stream): CSV and
 * JSON go out a page at a time, so a list of 100 000 starts at once and
 * holds a page in memory.  cli_listing_add returns non-zero once the
 * output failed (a row callback returns it to stop the reading);
 * cli_listing_end reports err if rc is non-zero, else a failed write as
 * cli_print_listing does, releases the table and returns the exit status. */
#define CLI_LISTING_PAGE 256
struct cli_listing {
	struct table t;
	struct table_stream ts;
	int failed, errnum;
};
void cli_listing_start(struct cli_listing *l, const struct table_col *cols, size_t n_cols,
		       enum table_format f);
int cli_listing_add(struct cli_listing *l, const char *const *vals);
int cli_listing_end(struct cli_listing *l, int rc, const struct fc_err *err);
/* Parses --format text|csv|json (NULL means text). */
int cli_format(const char *s, enum table_format *out, const char *usage);
/* Prints s (made visible) and spaces after it up to `width` display
 * columns, for text output that lines up whatever the language. */
void cli_pad(const char *s, size_t width);
/* The arguments of a `KIND show ID [--format text|json]`: a record is shown
 * whole, so CSV is refused.  Returns 0, or 2 after printing a message. */
int cli_parse_show(int argc, char **argv, const char *usage, const char *kind,
		   const char **id, enum table_format *tf);

/* One sub-verb of a subcommand: `enterprise add` is { "add", add }. */
struct cli_verb {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
};
/* Runs the verb argv[1] names from `verbs` (ended by a zero entry) with
 * argv shifted so that its argv[0] is the verb.  No verb is a usage error
 * saying `missing`; an unknown one says "unknown CMD command 'VERB'" when
 * say_unknown is set, `missing` otherwise.  Returns the verb's exit status. */
int cli_dispatch(struct cli *cli, int argc, char **argv, const struct cli_verb *verbs,
		 const char *usage, const char *missing, int say_unknown);

/* What a sync or pull did, as `fieldcheck sync` prints it (tui/cli/cli_sync.c). */
struct sync_result;
struct sync_log;
void cli_sync_report(const struct sync_result *res, int push);
/* Its authors, notes and quarantined files alone. */
void cli_sync_notes(const struct sync_log *rep);

/* `inspection attach` and `hazard attach` (cli_attach.c), and a record's
 * files as `show` lists them, each marked when not on this laptop. */
struct fc_workspace;
struct fc_attachment;
int cli_inspection_attach(struct cli *cli, int argc, char **argv, const char *usage);
int cli_hazard_attach(struct cli *cli, int argc, char **argv, const char *usage);
void cli_show_files(struct fc_workspace *ws, const struct fc_attachment *list, size_t n);
/* `inspection locate` (cli_locate.c). */
int cli_inspection_locate(struct cli *cli, int argc, char **argv, const char *usage);
/* `inspection set`: a draft's responsible person, findings and opinion. */
int cli_inspection_set(struct cli *cli, int argc, char **argv, const char *usage);

/* Subcommands. */
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_enterprise(struct cli *cli, int argc, char **argv);
int cmd_hazard(struct cli *cli, int argc, char **argv);
int cmd_inspection(struct cli *cli, int argc, char **argv);
int cmd_forms(struct cli *cli, int argc, char **argv);
int cmd_whoami(struct cli *cli, int argc, char **argv);
int cmd_remote(struct cli *cli, int argc, char **argv);
int cmd_sync(struct cli *cli, int argc, char **argv);
int cmd_pull(struct cli *cli, int argc, char **argv);
int cmd_verify(struct cli *cli, int argc, char **argv);
int cmd_reindex(struct cli *cli, int argc, char **argv);
int cmd_roster(struct cli *cli, int argc, char **argv);
int cmd_guard(struct cli *cli, int argc, char **argv);
int cmd_repair(struct cli *cli, int argc, char **argv);
int cmd_evidence(struct cli *cli, int argc, char **argv);
int cmd_document(struct cli *cli, int argc, char **argv);
int cmd_numbers(struct cli *cli, int argc, char **argv);

#endif
