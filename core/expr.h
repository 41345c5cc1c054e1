/* expr.h - evaluating form expressions with SQLite.
 *
 * Checklists carry XLSForm expressions (relevant, constraint, required).
 * Rather than write an evaluator, forms/engine/ translates each one into an SQLite
 * expression and this module lets SQLite parse and evaluate it on a private
 * in-memory connection (only core/ talks SQL; see docs/ARCHITECTURE.md,
 * "Forms").  The connection knows a few application functions the
 * translation relies on:
 *
 *   fc_num(x)            XPath number(): the number x spells, else NULL
 *                        (NULL plays XPath's NaN)
 *   selected(list, v)    1 if v is one of the space-separated values in list
 *   count_selected(list) how many space-separated values list holds
 *   regexp(pattern, s)   1 if the POSIX extended regex matches somewhere in s
 *
 * Expressions come from form files, which may come from a remote: the
 * connection refuses everything but a plain SELECT of whitelisted functions,
 * and evaluation is bounded.
 */
#ifndef FC_EXPR_H
#define FC_EXPR_H

#include <stddef.h>
#include "err.h"

struct expr_db;  /* the private connection */
struct expr;     /* one compiled expression */

#define EXPR_REGEX_MAX 256 /* bytes in a regular expression */

int expr_db_open(struct expr_db **out, struct fc_err *err);
/* Closes the connection; every expression compiled on it must be freed
 * first. NULL is accepted. */
void expr_db_close(struct expr_db *db);

/* Compiles `sql`, an SQLite expression whose parameters are ?1..?N.
 * On failure the message is SQLite's. */
int expr_compile(struct expr_db *db, const char *sql, struct expr **out,
		 struct fc_err *err);
void expr_free(struct expr *e);
/* The number of parameters the expression uses (its highest ?N). */
int expr_param_count(const struct expr *e);

/* Evaluates with params[k] bound as text to ?k+1 (a NULL entry binds '').
 * expr_eval_bool returns 1 if the result is true (a non-zero number, or a
 * non-empty text), 0 if false or NULL, -1 with err if evaluation failed.
 * expr_eval_text writes the result as text into out (size outsz, cut
 * there); NULL gives "".  Returns 0 or -1. */
int expr_eval_bool(struct expr *e, const char *const *params, size_t n,
		   struct fc_err *err);
int expr_eval_text(struct expr *e, const char *const *params, size_t n,
		   char *out, size_t outsz, struct fc_err *err);

/* Whether s (n bytes) spells a number the way XPath's number() reads one
 * (optional white space and minus, digits with an optional fraction): the
 * values fc_num() turns into numbers. */
int expr_number_text(const char *s, size_t n);

/* Appends a member to a nodeset, the text core/expr_nodeset.c's fc_ns_*
 * functions read: a repeat's values, each as "<bytes>:<text>". */
struct strbuf;
void expr_nodeset_add(struct strbuf *sb, const char *v, size_t n);
/* Whether digest() knows algorithm alg ('MD5', 'SHA-1', 'SHA-256',
 * 'SHA-384', 'SHA-512') and encoding enc ('base64', 'hex'); NULL: either. */
int expr_digest_known(const char *alg, const char *enc);

/* Checks that `pattern` compiles the way regexp() compiles it (POSIX
 * extended, plus \d and \D for digits; no back-references; bounded size). */
int expr_regex_check(const char *pattern, struct fc_err *err);

#endif
