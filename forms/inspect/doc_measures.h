/* doc_measures.h - the on-site measures decision (现场处理措施决定书) of an
 * inspection as a document (core/doc.h): for the failed items whose
 * checklist row names a measure (the survey's `measure` column: the vehicle
 * is not filled or loaded, work stops, people are got out, a facility is
 * not used), the hazards, the measures decided, the legal basis and the
 * appeal, the officers' and the unit's signatures and the seal.  Its words
 * are the UI's language (gettext), the items' the form's in `lang`. */
#ifndef FC_DOC_MEASURES_H
#define FC_DOC_MEASURES_H

#include "core/doc.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

/* Builds the decision of inspection `id` (a full id) into out (doc_init'ed;
 * doc_release it either way).  Refuses, saying so, an inspection with no
 * failed item that calls for a measure, or whose form is not here. */
int measures_doc(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 struct doc *out, struct fc_err *err);

#endif
