/* casefile_docs.c - the inspection's documents in the case export:
 * documents/<kind>.pdf and documents/<kind>.txt for the on-site record, the
 * rectification order, the on-site measures decision and the re-inspection
 * opinion (forms/inspect/inspect_document.h), each that applies, in the
 * language of the exporting user's locale, as `fieldcheck document` makes
 * them.  They are built from the store, which casefile.c has checked
 * against the replica's records, and listed in manifest.json with their
 * size, SHA-256 and blob id like every file of the package. */
#include "casefile_impl.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "forms/inspect/inspect_document.h"

static int take_one(struct casefile *cf, enum document_kind k, enum document_format f,
		    struct casefile_result *res, struct fc_err *err)
{
	char path[64];
	struct strbuf sb;
	size_t len;

	strbuf_init(&sb);
	if (document_make(cf->ws, cf->id, k, f, form_lang_locale(), &sb, NULL, err)) {
		strbuf_release(&sb);
		if (err->kind == FC_ENOTFOUND) { /* it does not apply: nothing to add */
			fc_err_clear(err);
			return 0;
		}
		return fc_err_prefix(err, _("the document %s"), document_kind_name(k));
	}
	snprintf(path, sizeof path, "documents/%s.%s", document_kind_name(k),
		 document_format_ext(f));
	len = sb.len;
	cf_add_file(cf, path, NULL, strbuf_detach(&sb), len);
	res->documents++;
	return 0;
}

int cf_take_documents(struct casefile *cf, struct casefile_result *res, struct fc_err *err)
{
	static const enum document_format fmts[] = { DOCUMENT_PDF, DOCUMENT_TEXT };
	int k;
	size_t i;

	for (k = 0; k < DOCUMENT_KIND_COUNT; k++) {
		if (k == DOCUMENT_ORDER && !res->hazards)
			continue; /* nothing to order rectified */
		for (i = 0; i < ARRAY_SIZE(fmts); i++)
			if (take_one(cf, (enum document_kind)k, fmts[i], res, err))
				return -1;
	}
	return 0;
}
