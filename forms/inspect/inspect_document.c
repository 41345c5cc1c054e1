/* inspect_document.c - an inspection's documents in a format, and written
 * beside the workspace (see inspect_document.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inspect_document.h"
#include "doc_record.h"
#include "inspect_notice.h"
#include "core/i18n.h"
#include "core/inspection.h"

static const char *const kinds[] = { "record", "order" };
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
	char *dir = workspace_file(ws, "documents"), path[4200], base[48];
	struct fc_inspection in;
	struct strbuf sb;
	int rc = -1;

	*path_out = NULL;
	strbuf_init(&sb);
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fc_failk(err, FC_EIO, _("cannot create %s: %s"), dir, strerror(errno));
		goto out;
	}
	if (inspection_get(ws->store, id, &in, err))
		goto out;
	snprintf(base, sizeof base, "%.8s-%s%s", id, kinds[kind],
		 in.status == INSP_DRAFT ? "-draft" : "");
	inspection_clear(&in);
	if (document_make(ws, id, kind, f, lang, &sb, err) ||
	    notice_write_new(dir, base, exts[f], &sb, path, sizeof path, err))
		goto out;
	*path_out = xstrdup(path);
	rc = 0;
out:
	strbuf_release(&sb);
	free(dir);
	return rc;
}
