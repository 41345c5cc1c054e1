/* doc_record.h - the on-site inspection record (现场检查记录) of an
 * inspection as a document (core/doc.h): the inspected unit, the place and
 * times, the officers and the statement that they showed their
 * certificates, the recorder, every item checked with its result and note,
 * the hazards found, space to write the findings (检查情况) and the opinion
 * (处理意见), and the signature lines, with one for a refusal to sign and
 * its witness.  Its words are the UI's language (gettext), the items' the
 * form's in `lang`. */
#ifndef FC_DOC_RECORD_H
#define FC_DOC_RECORD_H

#include "core/doc.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

/* Builds the record of inspection `id` (a full id) into out (doc_init'ed;
 * doc_release it either way). */
int record_doc(struct fc_workspace *ws, const char *id, struct form_lang lang, struct doc *out,
	       struct fc_err *err);

#endif
