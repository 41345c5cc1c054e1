/* survey_impl.h - survey.csv while it loads (private to forms/engine/).
 *
 * survey.c turns rows into items; the checks that need every item to exist
 * first (lists, expressions that name later items, defaults, relevance
 * cycles) run afterwards over the same sheet, in refs.c and cycles.c.
 */
#ifndef FC_FORMS_SURVEY_IMPL_H
#define FC_FORMS_SURVEY_IMPL_H

#include "forms/engine/sheet.h"

enum {
	S_TYPE, S_NAME, S_LABEL, S_HINT, S_REQUIRED, S_REQUIRED_MSG, S_RELEVANT,
	S_CONSTRAINT, S_CONSTRAINT_MSG, S_DEFAULT, S_APPEARANCE, S_HAZARD, S_LEGAL,
	S_RECTIFY, S_DEPT, S_LOCAL, S_CALCULATION, S_CHOICE_FILTER, S_REPEAT_COUNT, S_MEASURE,
	S_TRIGGER, S_PARAMETERS, S_HAZARD_IF, S_NCOLS
};

#define GROUP_DEPTH_MAX 32
#define RELEVANCE_CHAIN_MAX 64 /* items one relevance may depend on in a row */

/* The rows items are made of, in order: the sheet's, each loop expanded
 * into the groups pyxform makes of it (loop.c). */
struct loop_rows {
	struct csv_row **row;
	size_t n, alloc;
	struct csv_row **made;        /* the rows loop.c made (owned) */
	size_t n_made, alloc_made;
};

struct survey {
	struct sheet sh;
	struct loop_rows rows;
	const struct csv_row **row;   /* the row of each item */
	char **list_name;             /* select items: the list the type names */
	size_t alloc;
};

/* Fills sv->rows from the sheet, expanding "begin loop over LIST" ...
 * "end loop" (problems reported); loop_rows_release frees them. */
void loop_expand(struct loader *ld, struct survey *sv);
void loop_rows_release(struct loop_rows *r);

/* The media column (image, audio, video ...) row has a value in, as its
 * header names it, or NULL (media_cols.c). */
const char *survey_row_media(const struct survey *sv, const struct csv_row *row);

/* Reads file `name` beside the form into f->files (fromfile.c): its index,
 * or -1 after reporting at item i's column key (`reader`: what reads it,
 * for the message; NULL for the item's select). */
int fromfile_add(struct loader *ld, struct survey *sv, size_t i, int key, const char *name,
		 const char *reader);
/* Reads the files pulldata() names in column key of item i (pulldata.c). */
void pulldata_files(struct loader *ld, struct survey *sv, size_t i, int key);

/* select_one ${q}: links item i to q (list is "${q}") and compiles its
 * choice_filter, reporting what is wrong (dyn_choices.c). */
void survey_link_dyn(struct loader *ld, struct survey *sv, size_t i, const char *list);

/* The parameters column (params.c): a range's start, end and step. */
void survey_read_parameters(struct loader *ld, struct survey *sv, const struct csv_row *row,
			    struct form_item *it);

/* select_one_external's list from itemsets.csv (fromfile.c), or NULL after
 * reporting. */
const struct form_list *external_list(struct loader *ld, struct survey *sv, size_t i,
				      const char *name);
/* Item i's trigger column: the items whose change sets it (triggers.c). */
void survey_link_triggers(struct loader *ld, struct survey *sv, size_t i);
/* Sets item->list for selects, compiles every expression, checks defaults. */
void survey_link_refs(struct loader *ld, struct survey *sv);
/* hazard_if of item i: its names are choices of its list (hazard_if.c). */
void survey_check_hazard_if(struct loader *ld, struct survey *sv, size_t i);
/* pyxform's rules for names (unique among siblings; a repeat's among
 * repeats), then scoped names for the items whose name other items carry
 * too, and f's index by name (names.c). */
void survey_check_names(struct loader *ld, struct survey *sv);
/* Refuses relevance that depends on itself, or on too long a chain. */
void survey_check_cycles(struct loader *ld, struct survey *sv);

#endif
