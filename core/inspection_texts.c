/* inspection_texts.c - a draft's texts beyond its answers: the inspected
 * unit's responsible person, the findings and the opinion (see
 * inspection.h, inspection_set_texts). */
#include <string.h>

#include "inspection.h"
#include "store_impl.h"
#include "text.h"
#include "core/i18n.h"

struct text_field {
	const char *sql;     /* a literal: store_cached keys on it */
	enum text_kind kind;
	size_t max;
	const char *what;
};

static const struct text_field fields[INSP_TEXT_COUNT] = {
	{ "UPDATE inspections SET resp_name = ?2, changed_at = ?3 WHERE id = ?1", TEXT_LINE,
	  MAX_NAME, N_("the responsible person's name") },
	{ "UPDATE inspections SET resp_title = ?2, changed_at = ?3 WHERE id = ?1", TEXT_LINE,
	  MAX_TITLE, N_("the responsible person's title") },
	{ "UPDATE inspections SET resp_phone = ?2, changed_at = ?3 WHERE id = ?1", TEXT_LINE,
	  MAX_PHONE, N_("the responsible person's phone") },
	{ "UPDATE inspections SET findings = ?2, changed_at = ?3 WHERE id = ?1", TEXT_MULTILINE,
	  MAX_FINDINGS, N_("the findings") },
	{ "UPDATE inspections SET opinion = ?2, changed_at = ?3 WHERE id = ?1", TEXT_MULTILINE,
	  MAX_FINDINGS, N_("the opinion") },
};

const char *inspection_text_of(const struct fc_inspection *in, enum insp_text f)
{
	switch (f) {
	case INSP_RESP_NAME: return in->resp_name;
	case INSP_RESP_TITLE: return in->resp_title;
	case INSP_RESP_PHONE: return in->resp_phone;
	case INSP_FINDINGS: return in->findings ? in->findings : "";
	default: return in->opinion ? in->opinion : "";
	}
}

static int set_one(struct fc_store *s, const char *id, enum insp_text f, const char *v,
		   const char *now, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, fields[f].sql, &st, err))
		return -1;
	store_bind(st, 1, id);
	store_bind(st, 2, v);
	store_bind(st, 3, now);
	return store_run(s, st, "saving the inspection", err);
}

int inspection_set_texts(struct fc_store *s, const char *id,
			 const char *const values[INSP_TEXT_COUNT], struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	int f;

	for (f = 0; f < INSP_TEXT_COUNT; f++)
		if (values[f] && text_check(values[f], strlen(values[f]), fields[f].kind,
					    fields[f].max, _(fields[f].what), err))
			return -1;
	if (clock_now(now, err) || store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, id, err))
		goto fail;
	for (f = 0; f < INSP_TEXT_COUNT; f++)
		if (values[f] && set_one(s, id, (enum insp_text)f, values[f], now, err))
			goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}
