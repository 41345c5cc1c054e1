/* expr_impl.h - what core/expr*.c share (private to them). */
#ifndef FC_EXPR_IMPL_H
#define FC_EXPR_IMPL_H

#include <sqlite3.h>

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
