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

/* What became of a document's number (core/docnum_store.h): its text (""
 * when it has none), whether it was given by this call, and, when a final
 * inspection's document has none, why and how to get one, for a person. */
struct document_number {
	char text[128];
	int given;
	char why[512];
};

/* Gives a final inspection's document of `kind` its number now, when it has
 * none and one is left (what document_make does first), for a front end
 * that shows the document some other way (the TUI's notice); num says what
 * became of it. */
int document_number(struct fc_workspace *ws, const char *id, enum document_kind kind,
		    struct document_number *num, struct fc_err *err);

/* Builds document `kind` of inspection `id` (a full id) in `lang` and
 * appends it to out in format f.  The order refuses an inspection without
 * hazards, the measures decision one without a failed item that calls for a
 * measure, the opinion one without a verified hazard (these two with
 * FC_ENOTFOUND: the document does not exist, nothing failed).  A final
 * inspection's document is given its number first (saved before anything
 * is printed: the same number ever after); without one left it is made
 * marked as a draft, and num->why says so.  num may be NULL. */
int document_make(struct fc_workspace *ws, const char *id, enum document_kind kind,
		  enum document_format f, struct form_lang lang, struct strbuf *out,
		  struct document_number *num, struct fc_err *err);
/* The same written to WORKSPACE/documents/<first 8 of id>-record.pdf (or
 * -order, "-draft" for a draft's, the format's ending), never replacing
 * one written before (notice_write_new).  *path_out gets the path (free()
 * it). */
int document_write(struct fc_workspace *ws, const char *id, enum document_kind kind,
		   enum document_format f, struct form_lang lang, char **path_out,
		   struct document_number *num, struct fc_err *err);

#endif
