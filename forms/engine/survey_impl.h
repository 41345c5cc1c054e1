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
	S_RECTIFY, S_DEPT, S_LOCAL, S_CALCULATION, S_CHOICE_FILTER, S_REPEAT_COUNT, S_MEASURE, S_NCOLS
};

#define GROUP_DEPTH_MAX 32
#define RELEVANCE_CHAIN_MAX 64 /* items one relevance may depend on in a row */

struct survey {
	struct sheet sh;
	const struct csv_row **row;   /* the row of each item */
	char **list_name;             /* select items: the list the type names */
	size_t alloc;
};

/* select_one_external's list from itemsets.csv (fromfile.c), or NULL after
 * reporting. */
const struct form_list *external_list(struct loader *ld, struct survey *sv, size_t i,
				      const char *name);
/* Sets item->list for selects, compiles every expression, checks defaults. */
void survey_link_refs(struct loader *ld, struct survey *sv);
/* pyxform's rules for names (unique among siblings; a repeat's among
 * repeats), then scoped names for the items whose name other items carry
 * too, and f's index by name (names.c). */
void survey_check_names(struct loader *ld, struct survey *sv);
/* Refuses relevance that depends on itself, or on too long a chain. */
void survey_check_cycles(struct loader *ld, struct survey *sv);

#endif
