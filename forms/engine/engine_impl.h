/* engine_impl.h - a loaded form's evaluation state (private to forms/engine/).
 *
 * Each form owns a private expression connection (core/expr) holding its
 * compiled expressions, and an index of its items by name.  Nothing is
 * shared between forms, so freeing one never disturbs another.
 */
#ifndef FC_FORMS_ENGINE_IMPL_H
#define FC_FORMS_ENGINE_IMPL_H

#include <stddef.h>
#include "core/expr.h"
#include "core/uuid.h"
#include "forms/engine/form.h"
#include "forms/engine/xpath.h"

struct form_expr {
	struct expr *e;
	int *params;        /* item index or XP_PARAM_* for each ?k+1 */
	size_t n_params;
	char *src;          /* the XLSForm text, for messages */
	char *warning;      /* what loads but reads as nothing: the loader
			     * reports it at the cell (refs.c), or NULL */
	char *unread;       /* a choice_filter's name of no column, read as
			     * empty (refs.c warns), or NULL */
	int once;           /* it is once(...) as a whole: what is compiled
			     * is the argument, kept by the caller (refs.c) */
};

struct form_engine {
	struct expr_db *db;
	size_t *by_name;    /* item indices sorted by name (then line) */
	size_t n_by_name;
	/* While a choice_filter compiles: its select's list, whose own columns
	 * (a file's, form_list.cols) it reads too; NULL otherwise. */
	const struct form_list *filter_list;
	int at;             /* while an item's expressions compile: 1 + its
			     * index, where relative paths start (refs.c) */
	int filter_repeat;  /* or 1 + the repeat whose items a select_one
			     * ${q}'s choice_filter reads by bare name */
	const char **shared; /* the survey's names several items carry (their
			      * xls_name), sorted, each once (names.c) */
	size_t n_shared;
};

/* How item it's answer reads in expressions. */
enum xp_kind form_item_kind(const struct form_item *it);

/* Builds f->engine->by_name from f->items. */
void form_index_names(struct form *f);

/* Translates and compiles src for an item whose `.` reads as `self`.
 * NULL with err (the translator's or SQLite's message) on failure. */
struct form_expr *form_expr_compile(struct form *f, const char *src,
				    enum xp_kind self, struct fc_err *err);
/* What an expression yields: a truth (0 or 1), a value (a calculation's
 * text), or a truth over a choice's columns too (a choice_filter). */
enum { FORM_EXPR_TRUTH, FORM_EXPR_VALUE, FORM_EXPR_FILTER };
/* form_expr_compile for one of those. */
struct form_expr *form_expr_compile_as(struct form *f, const char *src, enum xp_kind self,
				       int value, struct fc_err *err);
/* A choice_filter of a select of list l: bare names are l's own columns
 * (column n_choice_cols + k: its choices' props[k]) or the choices sheet's
 * (column k: attrs[k]). */
struct form_expr *form_expr_compile_filter(struct form *f, const char *src, enum xp_kind self,
					   const struct form_list *l, struct fc_err *err);
void form_expr_free(struct form_expr *e);

/* Answers as read inside the k-th instance (uuid) of repeat `repeat`, the
 * rest as `up` reads them (eval_in.c): a nodeset's members. */
struct eval_in {
	struct form_answers fa;
	const struct form_answers *up;
	size_t repeat;
	char uuid[FC_UUID_LEN + 1];
	char position[24];
	/* The instances of a repeat directly inside this one that are in
	 * this instance (eval_in.c lists them when first asked). */
	int kids_of;
	char (*kids)[FC_UUID_LEN + 1];
	size_t n_kids, alloc_kids;
};
void eval_in_init(struct eval_in *w, const struct form_answers *up, size_t repeat,
		  const char *uuid, size_t k);
void eval_in_release(struct eval_in *w);
/* Calls fn with the answers as read in each live instance of repeat r
 * that a sees (eval_in.c), in order, until it returns non-zero: that, or
 * 0 (eval.c): the members of a nodeset, a select_one ${q}'s choices. */
int form_each_instance(const struct form *f, size_t r, const struct form_answers *a,
		       int (*fn)(void *arg, const struct form_answers *in), void *arg);
/* Whether select_one ${q} item i's choice_filter keeps the instance of q's
 * repeat that `in` reads, the rest read as `a` (eval.c).  0/1, -1 with err. */
int form_dyn_kept(const struct form *f, size_t i, const struct form_answers *a,
		  const struct form_answers *in, struct fc_err *err);
/* A choice_filter of a select_one ${q}: bare names are the items of q's
 * repeat r (column k: item k), read in the instance tried (engine.c). */
struct form_expr *form_expr_compile_dyn_filter(struct form *f, const char *src,
					       enum xp_kind self, size_t r, struct fc_err *err);

#endif
