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

static int build(struct fc_workspace *ws, const char *id, enum document_kind kind,
		 struct form_lang lang, struct doc *d, struct fc_err *err)
{
	struct notice_formcache cache;
	struct notice_forms forms;
	int rc;

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

int document_make(struct fc_workspace *ws, const char *id, enum document_kind kind,
		  enum document_format f, struct form_lang lang, struct strbuf *out,
		  struct fc_err *err)
{
	struct doc d;
	int rc;

	doc_init(&d);
	rc = build(ws, id, kind, lang, &d, err);
	if (rc == 0 && f == DOCUMENT_TEXT)
		doc_text(&d, out);
	else if (rc == 0 && f == DOCUMENT_HTML)
		doc_html(&d, out);
	else if (rc == 0)
		rc = doc_pdf(&d, out, err);
	doc_release(&d);
	return rc;
}

int document_write(struct fc_workspace *ws, const char *id, enum document_kind kind,
		   enum document_format f, struct form_lang lang, char **path_out,
		   struct fc_err *err)
{
	char stem[16];
	struct strbuf sb;
	int rc;

	*path_out = NULL;
	strbuf_init(&sb);
	snprintf(stem, sizeof stem, "-%s", kinds[kind]);
	rc = document_make(ws, id, kind, f, lang, &sb, err) ||
	     notice_save(ws, "documents", id, stem, exts[f], &sb, path_out, err) ? -1 : 0;
	strbuf_release(&sb);
	return rc;
}
