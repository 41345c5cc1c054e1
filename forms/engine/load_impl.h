/* load_impl.h - what the parts of the form loader share (private to forms/engine/).
 *
 * Loading a form collects every problem rather than stopping at the first:
 * an author fixing a spreadsheet wants the whole list in one run.  Problems
 * carry their file, line and column so they can be printed in file order
 * whatever order the checks found them in.
 */
#ifndef FC_FORMS_LOAD_IMPL_H
#define FC_FORMS_LOAD_IMPL_H

#include <stddef.h>
#include "core/err.h"
#include "forms/engine/form.h"

/* The file a problem is in; FF_FILE + k: the form's file f->files[k]. */
enum form_file { FF_SURVEY, FF_CHOICES, FF_SETTINGS, FF_NONE, FF_FILE };

struct problem {
	enum form_file file;
	int line, col;      /* 0: the whole file (or the whole form) */
	size_t seq;         /* order found, to keep the sort stable */
	char *msg;
};

struct xlsx_sheets;

struct loader {
	const char *where;  /* the folder in messages ("" for none) */
	const struct xlsx_sheets *book; /* when read from a workbook: its sheets'
					 * rows, for messages (forms/load_xlsx.c) */
	const char *expect_id; /* the folder's name, or NULL */
	const struct form_files *files; /* what is loading (its file callback) */
	const char *default_id; /* the id when settings name none (the folder's or
				 * the workbook's name, as pyxform takes it) */
	int have_choices;   /* choices.csv exists */
	int choices_broken; /* ... but cannot be read: its lists are unknown */
	int choice_dups;    /* settings' allow_choice_duplicates is yes */
	struct form *f;
	size_t choice_cols_alloc;   /* of f->choice_cols */
	struct problem *probs;
	size_t n_probs, alloc_probs;
	struct problem *warns;  /* what loads but is not used (unknown columns) */
	size_t n_warns, alloc_warns;
};

#define NAME_MAX_LEN 64 /* bytes in an item or list name */
#define CHOICE_NAME_MAX 256 /* bytes in a choice's name (pyxform sets no
			     * limit; forms use sentences as names) */

/* Records a problem at file:line:col (line 0: no position). */
void load_problem(struct loader *ld, enum form_file file, int line, int col,
		  const char *fmt, ...) FC_PRINTF(5, 6);
/* The same for something that loads but is not used: a warning. */
void load_warning(struct loader *ld, enum form_file file, int line, int col,
		  const char *fmt, ...) FC_PRINTF(5, 6);
/* Sorts the problems and moves them into out as "PATH:LINE:COL: msg". */
void load_problems_finish(struct loader *ld, struct form_problems *out);
/* Moves the warnings into out as "PATH:LINE:COL: warning: msg" (dropped when
 * out is NULL). */
void load_warnings_finish(struct loader *ld, struct form_problems *out);
/* The file's name as messages print it. */
const char *load_file_name(const struct loader *ld, enum form_file file);

/* Puts a value from a form file into buf fit for a message: cut at about
 * 40 characters, control characters shown as \xNN.  Returns buf. */
const char *load_quote(const char *s, char *buf, size_t size);
#define QUOTE_SIZE 200

/* Whether s is a valid name: a letter or '_', then letters, digits, '_',
 * '-' or '.', at most NAME_MAX_LEN bytes. */
int load_name_ok(const char *s);
/* The same for a list's name, which may hold ':' too (not first). */
int load_list_name_ok(const char *s);

/* Whether s may name a choice (a record stores it; a select_multiple joins
 * them with spaces); 0 with err saying why not. */
int load_choice_name_ok(const char *s, struct fc_err *err);

/* The list of select item i's file (select_one_from_file F.csv): read
 * through ld->files once, kept in f->files (forms/engine/fromfile.c).
 * NULL after reporting at the item's type cell or in the file. */
struct survey;
const struct form_list *fromfile_list(struct loader *ld, struct survey *sv, size_t i,
				      const char *name);

/* Reads an XLSForm yes/no value: 1 for yes/true/true(), 0 for
 * no/false/false() or empty, -1 for anything else. */
int load_yesno(const char *s);

/* The settings of a form that has none: "form_id,version\nID,1\n", or NULL
 * when id is not a valid form id.  A new string. */
char *settings_default(const char *id);

/* A language a column's suffix names (forms/engine/lang.c): its index in
 * f->langs, added when new; -1 when the form has FORM_MAX_LANGS already. */
int lang_add(struct form *f, const char *suffix);
/* Settings' default_language (NULL or "": none), as written. */
void lang_set_default(struct form *f, const char *setting);
void lang_release(struct form *f);

/* The parts, in the order form_load_* runs them. */
void load_settings(struct loader *ld, const char *buf, size_t len);
void load_choices(struct loader *ld, const char *buf, size_t len);
/* The same sheet shape from `file` (itemsets.csv) into *lists, sorted by
 * name; their extra columns join f->choice_cols (choices.c). */
void load_lists(struct loader *ld, enum form_file file, const char *buf, size_t len,
		struct form_list **lists, size_t *n_lists);
void load_survey(struct loader *ld, const char *buf, size_t len);

/* Checks `value` against the type of item it (not its constraint); the message
 * names what is wrong.  0 or -1. */
int form_check_type(const struct form_item *it, const char *value, struct fc_err *err);
/* The types ODK adds (answer_odk.c): a geotrace's points (geoshape's when
 * shape), a range item's number, a rank item's order.  0 or -1 with err. */
int form_check_trace(const char *value, int shape, struct fc_err *err);
int form_check_range(const struct form_item *it, const char *value, struct fc_err *err);
int form_check_rank(const struct form_item *it, const char *value, struct fc_err *err);
/* A trace's or shape's points in their one spelling (closed for a shape):
 * "LAT LON ALT ACC" joined by ';'.  A new string. */
char *form_trace_canonical(const char *value, int shape);

#endif
