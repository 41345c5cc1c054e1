/* two_officers.h - which inspection types the department does in pairs: a
 * setting of the workspace (meta "team.two_officers": "all", "none" or a
 * comma list of type names, "routine,joint"), unset meaning all, because
 * law enforcement is done by at least two officers (行政处罚法 Art.42 for
 * penalties; local rules extend it to inspections).
 *
 * It decides when a short team is warned of: when an inspection starts
 * (`inspection new`, the TUI's start screen), and when it is finalized;
 * it does not refuse.  Joint and unannounced inspections need two officers
 * to be finalized whatever it says (insp_type_min_team, model.h). */
#ifndef FC_TWO_OFFICERS_H
#define FC_TWO_OFFICERS_H

#include "err.h"
#include "model.h"
#include "store.h"
#include "strbuf.h"

#define TWO_OFFICERS_META "team.two_officers"
#define TWO_OFFICERS_ALL ((1u << INSP_TYPE_COUNT) - 1)

/* "all", "none" or "routine,joint...": bit t for type t.  An unknown word
 * is refused, naming it. */
int two_officers_parse(const char *s, unsigned *mask, struct fc_err *err);
/* The setting as parse reads it back: "all", "none" or the names. */
void two_officers_format(unsigned mask, struct strbuf *out);
int two_officers_get(struct fc_store *s, unsigned *mask, struct fc_err *err);
int two_officers_set(struct fc_store *s, unsigned mask, struct fc_err *err);

/* How many officers an inspection of type t should have under setting
 * `mask`: 2 where the setting or the type asks it, else 1. */
size_t two_officers_need(unsigned mask, enum insp_type t);
/* Appends to out, in the user's language, why a team of n_team is too
 * small for type t under `mask`, or nothing when it is not. */
void two_officers_warning(unsigned mask, enum insp_type t, size_t n_team, struct strbuf *out);
/* The same, reading the setting from the store. */
int team_warning(struct fc_store *s, enum insp_type t, size_t n_team, struct strbuf *out,
		 struct fc_err *err);

#endif
