/* doc_parts.h - what the on-site measures decision (doc_measures.c) and the
 * re-inspection opinion (doc_review.c) share: the inspection they are made
 * from with its unit, form and hazards, and the parts of an official form
 * both print (the unit's lines, the number, the appeal paragraph, the
 * officers' signature lines, the seal).  Private to forms/inspect/. */
#ifndef FC_DOC_PARTS_H
#define FC_DOC_PARTS_H

#include "core/doc.h"
#include "core/docnum.h"
#include "core/hazard.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

struct doc_src {
	struct fc_workspace *ws;
	struct fc_inspection in;
	struct fc_enterprise e;
	struct form *f;              /* NULL: items named by their keys */
	struct form_lang lang;
	int zh;
	struct fc_hazard *hazards;   /* the inspection's, in hazard_list's order */
	size_t n_hazards;
};

/* Loads inspection `id` (a full id), its unit, its form when the workspace
 * has it, and its hazards with their events.  doc_src_release either way. */
int doc_src_load(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 struct doc_src *src, struct fc_err *err);
void doc_src_release(struct doc_src *src);

/* The form's item of a hazard's item key ("name" or "name@instance"), or
 * NULL. */
const struct form_item *doc_src_item(const struct doc_src *src, const char *key);

/* The head every inspection document has: its title, the draft mark and
 * the number of kind k it was issued (core/docnum.h), else the line saying
 * it is a draft until it has one; a draft's carry none and say draft_line
 * first.  doc_parts_foot says the same again at the end. */
void doc_parts_head(struct doc *d, const struct fc_inspection *in, int zh, const char *title,
		    const char *draft_line, enum docnum_kind k);
void doc_parts_foot(struct doc *d, const struct fc_inspection *in, const char *draft_line);
/* doc_parts_head of src's inspection. */
void doc_parts_title(struct doc *d, const struct doc_src *src, const char *title,
		     const char *draft_line, enum docnum_kind k);
/* Inspected unit, credit code, address. */
void doc_parts_unit(struct doc *d, const struct doc_src *src);
/* The administrative review and the court (settings notice.review,
 * notice.court; blank lines when unset), as the order says them. */
int doc_parts_appeal(struct doc *d, const struct doc_src *src, struct fc_err *err);
/* A signature line per officer (at least two, blank where short). */
void doc_parts_officers(struct doc *d, const struct fc_person *team, size_t n);
/* The unit's responsible person's line, then the seal dated `ts` (a
 * timestamp or a date; "" for a blank date). */
void doc_parts_close(struct doc *d, const struct doc_src *src, const char *ts);
/* "2026-11-28..." as 2026年11月28日 or 2026-11-28. */
void doc_parts_day(const struct doc_src *src, const char *ts, char *buf, size_t size);

#endif
