/* doc_review.h - the re-inspection opinion (整改复查意见书) of an
 * inspection as a document (core/doc.h): following the rectification
 * order, per hazard whether it was rectified, read from the hazard's
 * events (verified: rectified and re-inspected; rectified only: reported,
 * not yet re-inspected; else not rectified), the conclusion, the
 * re-inspecting officers' and the unit's signatures and the seal. */
#ifndef FC_DOC_REVIEW_H
#define FC_DOC_REVIEW_H

#include "core/doc.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

/* Builds the opinion of inspection `id` (a full id) into out (doc_init'ed;
 * doc_release it either way).  Refuses, saying so, an inspection none of
 * whose hazards has been verified yet. */
int review_doc(struct fc_workspace *ws, const char *id, struct form_lang lang,
	       struct doc *out, struct fc_err *err);

#endif
