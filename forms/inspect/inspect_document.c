/* inspect_document.c - an inspection's documents in a format, and written
 * beside the workspace (see inspect_document.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inspect_document.h"
#include "doc_measures.h"
#include "doc_record.h"
#include "doc_review.h"
#include "inspect_notice.h"
#include "core/docnum_store.h"
#include "core/evidence_store.h"
#include "core/i18n.h"
#include "core/inspection.h"

static const char *const kinds[DOCUMENT_KIND_COUNT] = { "record", "order", "measures",
							 "review" };
static const char *const formats[] = { "text", "html", "pdf" };
static const char *const exts[] = { "txt", "html", "pdf" };

int document_kind_parse(const char *s, enum document_kind *out)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(kinds); k++)
		if (!strcmp(s, kinds[k]))
			return *out = (enum document_kind)k, 0;
	return -1;
}

const char *document_kind_name(enum document_kind k)
{
	return k < DOCUMENT_KIND_COUNT ? kinds[k] : "";
}

int document_format_parse(const char *s, enum document_format *out)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(formats); k++)
		if (!strcmp(s, formats[k]))
			return *out = (enum document_format)k, 0;
	return -1;
}

const char *document_format_ext(enum document_format f)
{
	return exts[f];
}

/* Builds document `kind` into d (doc_init'ed here), its photos read from
 * the workspace's evidence store es. */
static int build(struct fc_workspace *ws, const char *id, enum document_kind kind,
		 struct form_lang lang, const struct evidence_store *es, struct doc *d,
		 struct fc_err *err)
{
	struct notice_formcache cache;
	struct notice_forms forms;
	int rc;

	doc_init(d);
	d->ev = es;

	if (kind == DOCUMENT_RECORD)
		return record_doc(ws, id, lang, d, err);
	if (kind == DOCUMENT_MEASURES)
		return measures_doc(ws, id, lang, d, err);
	if (kind == DOCUMENT_REVIEW)
		return review_doc(ws, id, lang, d, err);
	notice_forms_init(&cache, ws, &forms);
	cache.lang = lang;
	rc = notice_doc(ws->store, id, form_lang_is(lang, "zh") ? NOTICE_ZH : NOTICE_EN, &forms,
			d, err);
	notice_forms_release(&cache);
	return rc;
}

/* The numbered kind of each document. */
static enum docnum_kind numbered_as(enum document_kind kind)
{
	switch (kind) {
	case DOCUMENT_RECORD: return DOCNUM_RECORD;
	case DOCUMENT_MEASURES: return DOCNUM_MEASURES;
	case DOCUMENT_REVIEW: return DOCNUM_REVIEW;
	default: return DOCNUM_ORDER;
	}
}

static void why_none(struct fc_workspace *ws, enum docnum_kind k, enum docnum_outcome how,
		     struct document_number *num)
{
	char auth[MAX_AUTHORITY + 1];
	struct fc_err ignore;

	if (how == DOCNUM_NO_AUTHORITY) {
		snprintf(num->why, sizeof num->why, _("no document number: this workspace has no "
			 "issuing authority's short name; set it with 'fieldcheck numbers "
			 "--authority NAME' and sync. The document is marked as a draft."));
		return;
	}
	if (docnum_authority_get(ws->store, auth, &ignore))
		auth[0] = '\0';
	snprintf(num->why, sizeof num->why, _("no document number left on this laptop for %s "
		 "(%s): sync with the central repository to claim more ('fieldcheck sync'), "
		 "then print it again. The document is marked as a draft and carries no number."),
		 docnum_kind_word(k), auth);
}

/* A final inspection's document without a number is given one, in its own
 * transaction, before the document is made again and printed. */
static int number(struct fc_workspace *ws, const char *id, enum document_kind kind,
		  struct document_number *num, int *again, struct fc_err *err)
{
	enum docnum_kind k = numbered_as(kind);
	enum docnum_outcome how;
	struct fc_document doc;

	*again = 0;
	if (docnum_issue(ws->store, &ws->me, id, k, &doc, &how, err))
		return -1;
	if (how == DOCNUM_GIVEN)
		*again = num->given = 1;
	else if (how == DOCNUM_NO_AUTHORITY || how == DOCNUM_NONE_LEFT)
		why_none(ws, k, how, num);
	return 0;
}

int document_number(struct fc_workspace *ws, const char *id, enum document_kind kind,
		    struct document_number *num, struct fc_err *err)
{
	struct fc_inspection in;
	const struct fc_document *d;
	struct strbuf sb;
	int again;

	memset(num, 0, sizeof *num);
	if (number(ws, id, kind, num, &again, err) || inspection_get(ws->store, id, &in, err))
		return -1;
	if ((d = documents_first(&in, numbered_as(kind)))) {
		strbuf_init(&sb);
		docnum_text(d, &sb);
		snprintf(num->text, sizeof num->text, "%s", sb.buf);
		strbuf_release(&sb);
	}
	inspection_clear(&in);
	return 0;
}

int document_make(struct fc_workspace *ws, const char *id, enum document_kind kind,
		  enum document_format f, struct form_lang lang, struct strbuf *out,
		  struct document_number *num, struct fc_err *err)
{
	struct document_number ignore;
	struct evidence_store es;
	struct doc d;
	int rc, again = 0;

	if (!num)
		num = &ignore;
	memset(num, 0, sizeof *num);
	if (evidence_store_open(ws, &es, err))
		return -1;
	rc = build(ws, id, kind, lang, &es, &d, err);
	if (rc == 0 && !d.number && d.draft)
		rc = number(ws, id, kind, num, &again, err);
	if (rc == 0 && again) {
		doc_release(&d);
		rc = build(ws, id, kind, lang, &es, &d, err);
	}
	if (rc == 0 && d.number)
		snprintf(num->text, sizeof num->text, "%s", d.number);
	if (rc == 0 && f == DOCUMENT_TEXT)
		doc_text(&d, out);
	else if (rc == 0 && f == DOCUMENT_HTML)
		doc_html(&d, out);
	else if (rc == 0)
		rc = doc_pdf(&d, out, err);
	doc_release(&d);
	evidence_store_release(&es);
	return rc;
}

int document_write(struct fc_workspace *ws, const char *id, enum document_kind kind,
		   enum document_format f, struct form_lang lang, char **path_out,
		   struct document_number *num, struct fc_err *err)
{
	char stem[16];
	struct strbuf sb;
	int rc;

	*path_out = NULL;
	strbuf_init(&sb);
	snprintf(stem, sizeof stem, "-%s", kinds[kind]);
	rc = document_make(ws, id, kind, f, lang, &sb, num, err) ||
	     notice_save(ws, "documents", id, stem, exts[f], &sb, path_out, err) ? -1 : 0;
	strbuf_release(&sb);
	return rc;
}
