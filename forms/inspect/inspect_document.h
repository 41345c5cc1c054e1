/* inspect_document.h - an inspection's printable documents, the on-site
 * record (doc_record.h), the rectification order (core/notice.h), the
 * on-site measures decision (doc_measures.h) and the re-inspection opinion
 * (doc_review.h), made
 * into text, HTML or PDF (core/doc.h) and written where asked.  The command
 * line (`fieldcheck document`) and the screens both come here. */
#ifndef FC_INSPECT_DOCUMENT_H
#define FC_INSPECT_DOCUMENT_H

#include "core/doc.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

enum document_kind {
	DOCUMENT_RECORD, DOCUMENT_ORDER, DOCUMENT_MEASURES, DOCUMENT_REVIEW, DOCUMENT_KIND_COUNT
};
enum document_format { DOCUMENT_TEXT, DOCUMENT_HTML, DOCUMENT_PDF };

/* "record"/"order"/"measures"/"review", "text"/"html"/"pdf": 0, or -1 for
 * another word. */
const char *document_kind_name(enum document_kind k);
int document_kind_parse(const char *s, enum document_kind *out);
int document_format_parse(const char *s, enum document_format *out);
/* The file name's ending of a format: "txt", "html", "pdf". */
const char *document_format_ext(enum document_format f);

/* Builds document `kind` of inspection `id` (a full id) in `lang` and
 * appends it to out in format f.  The order refuses an inspection without
 * hazards, the measures decision one without a failed item that calls for a
 * measure, the opinion one without a verified hazard (these two with
 * FC_ENOTFOUND: the document does not exist, nothing failed). */
int document_make(struct fc_workspace *ws, const char *id, enum document_kind kind,
		  enum document_format f, struct form_lang lang, struct strbuf *out,
		  struct fc_err *err);
/* The same written to WORKSPACE/documents/<first 8 of id>-record.pdf (or
 * -order, "-draft" for a draft's, the format's ending), never replacing
 * one written before (notice_write_new).  *path_out gets the path (free()
 * it). */
int document_write(struct fc_workspace *ws, const char *id, enum document_kind kind,
		   enum document_format f, struct form_lang lang, char **path_out,
		   struct fc_err *err);

#endif
