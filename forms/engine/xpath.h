/* xpath.h - translating XLSForm expressions into SQLite expressions.
 *
 * relevant, constraint and required hold XLSForm's subset of XPath 1.0.
 * We do not evaluate it ourselves: the translator reads the text, checks it
 * and writes an equivalent SQLite expression, with ${name}, `.` and today()
 * as bound parameters; core/expr lets SQLite parse and evaluate it.  XPath's
 * loose typing is made explicit in the translation (XPath compares a string
 * with a number as numbers, SQLite orders every number below every text),
 * see xpath.c.
 */
#ifndef FC_FORMS_XPATH_H
#define FC_FORMS_XPATH_H

#include <stddef.h>
#include "core/err.h"
#include "forms/engine/form.h"

#define XP_EXPR_MAX  4096 /* bytes in one expression */
#define XP_DEPTH_MAX 48   /* nested parentheses, calls and signs */

/* How an item's answer reads in an expression. */
enum xp_kind {
	XK_TEXT,    /* text, select, check: compared as text */
	XK_NUMBER,  /* integer, decimal: compared as numbers */
	XK_DATE,    /* date: compared as ISO text, days in arithmetic */
	XK_NONE,    /* a note or group: no value, cannot be referenced */
};

/* Parameters that are not items. */
#define XP_PARAM_DOT   (-1) /* `.`: the item's own value */
#define XP_PARAM_TODAY (-2) /* today() */
#define XP_PARAM_NOW   (-3) /* now(): YYYY-MM-DDTHH:MM:SS+HH:MM */
#define XP_PARAM_LANG  (-4) /* the language labels are wanted in: its code ("fr") */
#define XP_PARAM_POSITION (-5) /* position(..): the instance's 1-based index */
/* count(${repeat}): the live instances of the repeat begun by item k. */
#define XP_PARAM_COUNT(k) (-1000000 - (k))
#define XP_PARAM_IS_COUNT(p) ((p) <= -1000000 && (p) > -2000000)
#define XP_PARAM_COUNT_OF(p) (-1000000 - (p))
/* indexed-repeat(${x}, ${repeat}, n): item x's answer in the k-th live
 * instance (k from 1 to FORM_REPEAT_MAX, below 256; x below
 * XP_INDEXED_ITEMS). */
#define XP_INDEXED_ITEMS 1000000
#define XP_PARAM_INDEXED(x, k) (-2000000 - ((x) * 256 + (k)))
#define XP_PARAM_IS_INDEXED(p) ((p) <= -2000000 && (p) > -2000000 - XP_INDEXED_ITEMS * 256)
#define XP_PARAM_INDEXED_ITEM(p) ((-2000000 - (p)) / 256)
#define XP_PARAM_INDEXED_K(p) ((-2000000 - (p)) % 256)
/* sum(${x}), join(', ', ${x})...: item x's value in every live instance of
 * its repeat (x below XP_INDEXED_ITEMS) as a nodeset (core/expr_nodeset.c)
 * when evaluated outside that repeat, its own instance's inside it. */
#define XP_PARAM_NODESET(x) (-1500000000 - (x))
#define XP_PARAM_IS_NODESET(p) ((p) <= -1500000000 && (p) > -1500000000 - XP_INDEXED_ITEMS)
#define XP_PARAM_NODESET_ITEM(p) (-1500000000 - (p))
/* current()/../x in a select_one ${q}'s choice_filter: item x in the
 * select's own instance, not the one tried (forms/engine/eval.c); as x
 * anywhere else. */
#define XP_PARAM_OWN(x) (-1600000000 - (x))
#define XP_PARAM_IS_OWN(p) ((p) <= -1600000000 && (p) > -1600000000 - XP_INDEXED_ITEMS)
#define XP_PARAM_OWN_OF(p) (-1600000000 - (p))
/* A choice's column, in a choice_filter: XP_PARAM_COLUMN(k) for column k of
 * choices.csv beyond list_name, name and label (the choice being tried). */
#define XP_PARAM_COLUMN(k) (-100 - (k))
#define XP_PARAM_IS_COLUMN(p) ((p) <= -100 && (p) > -1000000)
#define XP_PARAM_COLUMN_OF(p) (-100 - (p))
/* The column `name` a choice_filter reads: the choice's own name (ODK's
 * item/name), past any column a form can have. */
#define XP_COLUMN_NAME 999000

/* ${last-saved#x}: item k's answer in the last saved record of the form
 * (form_answers.last_saved), below every indexed-repeat's number. */
#define XP_PARAM_LAST(k) (-300000000 - (k))
#define XP_PARAM_IS_LAST(p) ((p) <= -300000000 && (p) > -300000000 - XP_INDEXED_ITEMS)
#define XP_PARAM_LAST_OF(p) (-300000000 - (p))
#define XP_LAST_SAVED "last-saved#" /* ${last-saved#x}, as pyxform writes it */

#define XP_AMBIGUOUS (-2)

struct xp_env {
	/* Returns the index of the item called name and its kind, or -1;
	 * XP_AMBIGUOUS when several items have that name. */
	int (*lookup)(void *ctx, const char *name, enum xp_kind *kind);
	void *ctx;
	enum xp_kind self;  /* the kind of `.` */
	/* The choice list of item idx (a select), or NULL: jr:choice-name. */
	const struct form_list *(*list)(void *ctx, int idx);
	const struct form *form; /* whose languages the choices' labels are in */
	/* In a choice_filter, a bare name is a column of choices.csv: its
	 * number, or -1.  NULL elsewhere (a bare name is then refused). */
	int (*column)(void *ctx, const char *name);
	/* The list instance('name') reads: a choices list, or a select's file
	 * by its name without the extension; NULL when none. */
	const struct form_list *(*instance)(void *ctx, const char *name);
	/* 1 + the item whose column the expression is in, which a relative
	 * path (../x, ./x) starts from; 0: none (xpath_path.c). */
	int at;
	/* In a select_one ${q}'s choice_filter: current()/... reads the
	 * select's own instance (XP_PARAM_OWN). */
	int own;
};

struct xp_sql {
	char *sql;          /* an SQLite expression yielding 0 or 1 */
	int *params;        /* params[k] is bound to ?k+1: an item index or XP_PARAM_* */
	size_t n_params;
	char *warning;      /* what translates but reads as nothing, or NULL */
	char *unread;       /* a choice_filter's name of no column of the
			     * choices, read as empty (SQL NULL), or NULL */
	int once;           /* a calculation that is once(...) as a whole:
			     * the SQL is its argument's (form_item.once) */
};

/* Translates `src`.  On failure the message says at which character and
 * what is wrong ("character 12: expected ')', found the end"). */
int xp_translate(const char *src, const struct xp_env *env, struct xp_sql *out,
		 struct fc_err *err);
/* The same for a calculation: the SQL yields the value as text, as XPath's
 * string() gives it ('' for NaN). */
int xp_translate_value(const char *src, const struct xp_env *env, struct xp_sql *out,
		       struct fc_err *err);
void xp_sql_release(struct xp_sql *x);

#endif
