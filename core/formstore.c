/* formstore.c - keeping the exact form texts records were filled with. */
#include "formstore.h"

#include <stdlib.h>
#include <string.h>

#include "store_impl.h"
#include "core/i18n.h"

void formstore_texts_clear(struct formstore_texts *t)
{
	free(t->survey);
	free(t->choices);
	free(t->settings);
	memset(t, 0, sizeof *t);
}

int formstore_get(struct fc_store *s, const char *id, int version,
		  struct formstore_texts *out, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (store_prepare(s, "SELECT survey, choices, settings FROM forms WHERE id = ?1 AND"
			  " version = ?2", &st, err))
		return -1;
	store_bind(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->survey = store_col_dup(st, 0);
		out->choices = store_col_dup(st, 1);
		out->settings = store_col_dup(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return fc_failk(err, FC_ENOTFOUND, _("form %s version %d is not in the store"), id,
				version);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "reading a form");
}

static int same(const struct formstore_texts *a, const struct formstore_texts *b)
{
	return !strcmp(a->survey, b->survey) && !strcmp(a->choices, b->choices) &&
	       !strcmp(a->settings, b->settings);
}

int formstore_put(struct fc_store *s, const char *id, int version,
		  const struct formstore_texts *t, struct fc_err *err)
{
	struct formstore_texts old;
	struct fc_err miss = { 0 };
	sqlite3_stmt *st;
	int differs;

	if (formstore_get(s, id, version, &old, &miss) == 0) {
		differs = !same(&old, t);
		formstore_texts_clear(&old);
		if (differs)
			return fc_fail(err, _("form %s version %d differs from the copy kept with earlier "
				       "inspections; a changed form needs a new version number"), id,
				       version);
		return 0;
	}
	if (miss.kind != FC_ENOTFOUND) {
		*err = miss;
		return -1;
	}
	if (store_prepare(s, "INSERT INTO forms(id, version, survey, choices, settings)"
			  " VALUES (?1, ?2, ?3, ?4, ?5)", &st, err))
		return -1;
	store_bind(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	store_bind(st, 3, t->survey);
	store_bind(st, 4, t->choices);
	store_bind(st, 5, t->settings);
	return store_run(s, st, "keeping the form", err);
}
