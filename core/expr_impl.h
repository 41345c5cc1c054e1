/* expr_impl.h - what core/expr*.c share (private to them). */
#ifndef FC_EXPR_IMPL_H
#define FC_EXPR_IMPL_H

#include <stddef.h>
#include <sqlite3.h>

/* One SQL function of ours: its name, how many arguments, its body, and
 * whether it gives a new value on each call (uuid(): not deterministic,
 * so SQLite never folds two calls into one). */
struct expr_sql_fn {
	const char *name;
	int argc;
	void (*fn)(sqlite3_context *, int, sqlite3_value **);
	int varies;
};
/* Registers the n functions fns on db (expr.c).  0, or -1. */
int expr_register_fns(sqlite3 *db, const struct expr_sql_fn *fns, size_t n);

/* Registers the XPath functions of expr_fn.c on db.  0, or -1. */
int expr_register_xpath(sqlite3 *db);
/* Their names, NULL-terminated, for the connection's authorizer. */
extern const char *const expr_xpath_functions[];
/* The same for expr_math.c (trigonometry, logarithms, normalize-space). */
int expr_register_math(sqlite3 *db);
extern const char *const expr_math_functions[];
/* The same for expr_nodeset.c (repeats' values, geopoints), expr_text.c
 * and expr_date.c: ODK's functions beyond XPath 1.0. */
int expr_register_nodeset(sqlite3 *db);
extern const char *const expr_nodeset_functions[];
int expr_register_text(sqlite3 *db);
extern const char *const expr_text_functions[];
int expr_register_date(sqlite3 *db);
extern const char *const expr_date_functions[];

#endif
