/* xpath_impl.h - the translator's parts (private to forms/engine/xpath*.c).
 *
 * xpath_lex.c cuts the text into tokens, xpath.c parses them by XPath's
 * precedence and writes SQL for operators, xpath_fn.c writes SQL for
 * function calls.  Each parsed piece is a node: its SQL text and the type
 * that text has in SQLite, which decides the conversions around it.
 */
#ifndef FC_FORMS_XPATH_IMPL_H
#define FC_FORMS_XPATH_IMPL_H

#include <stddef.h>
#include "core/err.h"
#include "forms/engine/xpath.h"

enum tk {
	TK_END, TK_NUM, TK_STR, TK_REF, TK_DOT, TK_DOTDOT, TK_WORD,
	TK_LPAREN, TK_RPAREN, TK_COMMA,
	TK_PLUS, TK_MINUS, TK_STAR, TK_DIV, TK_MOD,
	TK_EQ, TK_NE, TK_LT, TK_LE, TK_GT, TK_GE,
	TK_AND, TK_OR,
	TK_SLASH, TK_LBRACK, TK_RBRACK, /* only in instance('list')/root/item[...]/col */
};

struct tok {
	enum tk kind;
	size_t pos, len;    /* the token's bytes in the source */
	unsigned char qopen, qclose; /* TK_STR: bytes of its quotes (1, or 3 for
				      * a typographic quote) */
};

/* What an SQL fragment yields.  Invariants the translation keeps: STR,
 * NUMSTR and DATE fragments are never NULL; NUM may be NULL (XPath's NaN);
 * BOOL is 0 or 1. */
enum xt {
	XT_STR,     /* text */
	XT_NUMSTR,  /* text holding an integer/decimal answer, or '' */
	XT_DATE,    /* text holding YYYY-MM-DD, or '' */
	XT_NUM,     /* a number, or NULL */
	XT_BOOL,    /* 0 or 1 */
};

struct node {
	char *sql;
	enum xt type;
	char *lit;  /* a string literal's value, else NULL */
};

struct xp {
	const char *src;
	size_t len, i;
	struct tok t;       /* the current token */
	const struct xp_env *env;
	int depth;
	int *params;
	size_t n_params, alloc_params;
	struct fc_err *err;
	/* Inside a lookup's [predicate]: the list and the item it is tried on
	 * (its 1-based position), whose columns bare names read. */
	const struct form_list *in_list;
	const struct form_choice *in_item;
	size_t in_pos;
	char *warning;      /* the first thing that reads as nothing (xp_sql) */
	char *unread;       /* a choice_filter's first name of no column */
	int value;          /* translating a calculation (xp_translate_value) */
	size_t first;       /* the first token's position */
	int once;           /* the whole calculation is once(...) */
};

/* Reads the next token into x->t.  0, or -1 with the message. */
int xp_next(struct xp *x);
/* Fails with "character N: MSG" (N counted in characters from 1). */
int xp_fail_at(struct xp *x, size_t pos, const char *fmt, ...) FC_PRINTF(3, 4);
/* Describes the current token for a message: "')'", "the end". */
const char *xp_tok_desc(const struct xp *x, char *buf, size_t size);

/* A new string, printf-style. */
void xp_node_release(struct node *n);
/* Rewrites n's SQL so it yields a number / text / boolean as XPath's
 * number(), string() and boolean() would. */
void xp_to_num(struct node *n);
void xp_to_str(struct node *n);
void xp_to_bool(struct node *n);
/* The parameter number (1-based) for an item index or XP_PARAM_*. */
int xp_param(struct xp *x, int key);
/* Whether the current token starts a path to an item (./x, ../x, /data/x,
 * current()/x), which xp_path translates as ${x} (xpath_path.c). */
int xp_is_path(const struct xp *x);
int xp_path(struct xp *x, struct node *out);

/* Translates a call of `name` (at source position pos) with n arguments.
 * The arguments stay the caller's.  0, or -1 with the message. */
int xp_call(struct xp *x, const char *name, size_t pos, struct node *args, int n,
	    struct node *out);
/* instance('list')/root/item[predicate]/column: the current token is the
 * one after "instance(".  0, or -1 with the message (xpath_instance.c). */
int xp_instance(struct xp *x, size_t pos, struct node *out);
enum xp_lookup { XP_LOOKUP_VALUE, XP_LOOKUP_COUNT, XP_LOOKUP_SUM };
/* count(instance(...)/root/item[...]) or sum(.../column) (name says which):
 * the current token is "instance"; leaves the one after the closing ')'. */
int xp_instance_aggregate(struct xp *x, const char *name, size_t pos, struct node *out);
/* The column called name of list l as xp_lookup_value reads it, or
 * XP_NO_COLUMN. */
#define XP_NO_COLUMN (-100)
int xp_lookup_column(const struct form *f, const struct form_list *l, const char *name);
/* Item c's value in column col of list l ("" when none). */
const char *xp_lookup_value(const struct form *f, const struct form_list *l,
			    const struct form_choice *c, int col);
/* A column a lookup names that list l lacks (len bytes at pos): refused
 * for a choices sheet's list (the form says what columns it has); for a
 * file's, which ODK reads as empty and which may gain it, a warning and
 * 0.  -1 with the message. */
int xp_lookup_unknown(struct xp *x, const struct form_list *l, size_t pos, size_t len);
/* SQL for the text literal s (n bytes). A new string. */
char *xp_sql_string(const char *s, size_t n);
/* The same appended to sb. */
void xp_sql_quote(struct strbuf *sb, const char *s, size_t n);
/* A function compiled from its arguments' SQL: its name, how many
 * arguments it takes, and what writes its SQL into out. */
typedef int (*xp_emit_fn)(struct xp *x, size_t pos, struct node *a, int n, struct node *out);
struct xp_fn {
	const char *name;
	int min, max;
	xp_emit_fn emit;
};
/* Calls `name` from the n_fns functions fns, its arguments counted and a
 * wrong count said at pos (xpath_fn.c): 0, -1 with the message, or 1 when
 * name is none of them. */
int xp_call_table(struct xp *x, const struct xp_fn *fns, size_t n_fns, const char *name,
		  size_t pos, struct node *a, int n, struct node *out);
/* The functions of xpath_fn_more.c (trigonometry, logarithms,
 * normalize-space): 0, -1 with the message, or 1 when name is none of them. */
int xp_call_more(struct xp *x, const char *name, size_t pos, struct node *args, int n,
		 struct node *out);
/* ODK's functions of xpath_fn_odk.c (text, digests, dates, checklists,
 * version): 0, -1 with the message, or 1 when name is none of them. */
int xp_call_odk(struct xp *x, const char *name, size_t pos, struct node *args, int n,
		struct node *out);
/* Whether name is a function of xpath_fn_nodeset.c, whose arguments may
 * be a repeat's values: sum, count-non-empty, join, max, min, area,
 * distance, geofence. */
int xp_nodeset_fn(const char *name);
/* Such a call: the current token is the one after '('.  0, or -1 with the
 * message. */
int xp_call_nodeset(struct xp *x, const char *name, size_t pos, struct node *out);
/* pulldata(file, column, key_column, key) over a file of env->form
 * (xpath_pulldata.c).  0, or -1 with the message. */
int xp_call_pulldata(struct xp *x, size_t pos, struct node *a, int n, struct node *out);
/* Parses an expression into out (a function's argument). */
int xp_parse_expr(struct xp *x, struct node *out);
/* position(..), count(${repeat}) and indexed-repeat(${x}, ${repeat}, n),
 * whose arguments are not all values: the
 * current token is the one after '('.  0, or -1 with the message. */
int xp_call_repeat(struct xp *x, const char *name, size_t pos, struct node *out);

#endif
