/* formstore.c - keeping the exact form texts records were filled with. */
#include "formstore.h"

#include <stdlib.h>
#include <string.h>

#include "store_impl.h"
#include "core/i18n.h"
#include "core/strbuf.h"

void formstore_texts_clear(struct formstore_texts *t)
{
	size_t k;

	free(t->survey);
	free(t->choices);
	free(t->settings);
	for (k = 0; k < t->n_files; k++) {
		free(t->files[k].name);
		free(t->files[k].text);
	}
	free(t->files);
	memset(t, 0, sizeof *t);
}

static int get_files(struct fc_store *s, const char *id, int version,
		     struct formstore_texts *out, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	if (store_prepare(s, "SELECT name, text FROM form_files WHERE form_id = ?1 AND"
			  " version = ?2 ORDER BY name", &st, err))
		return -1;
	store_bind(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(out->files, out->n_files + 1, alloc);
		out->files[out->n_files].name = store_col_dup(st, 0);
		out->files[out->n_files++].text = store_col_dup(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "reading a form's files");
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
	if (rc != SQLITE_ROW)
		return store_sqlerr(s, err, "reading a form");
	if (get_files(s, id, version, out, err)) {
		formstore_texts_clear(out);
		return -1;
	}
	return 0;
}

/* The file of t called name, or NULL. */
static const struct formstore_file *file_of(const struct formstore_texts *t, const char *name)
{
	size_t k;

	for (k = 0; k < t->n_files; k++)
		if (!strcmp(t->files[k].name, name))
			return &t->files[k];
	return NULL;
}

static int same(const struct formstore_texts *a, const struct formstore_texts *b)
{
	const struct formstore_file *o;
	size_t k;

	if (a->n_files != b->n_files)
		return 0;
	for (k = 0; k < a->n_files; k++)
		if (!(o = file_of(b, a->files[k].name)) || strcmp(o->text, a->files[k].text))
			return 0;
	return !strcmp(a->survey, b->survey) && !strcmp(a->choices, b->choices) &&
	       !strcmp(a->settings, b->settings);
}

static int put_files(struct fc_store *s, const char *id, int version,
		     const struct formstore_texts *t, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t k;

	for (k = 0; k < t->n_files; k++) {
		if (store_prepare(s, "INSERT INTO form_files(form_id, version, name, text)"
				  " VALUES (?1, ?2, ?3, ?4)", &st, err))
			return -1;
		store_bind(st, 1, id);
		sqlite3_bind_int(st, 2, version);
		store_bind(st, 3, t->files[k].name);
		store_bind(st, 4, t->files[k].text);
		if (store_run(s, st, "keeping the form's files", err))
			return -1;
	}
	return 0;
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
	if (store_begin(s, err))
		return -1;
	if (store_prepare(s, "INSERT INTO forms(id, version, survey, choices, settings)"
			  " VALUES (?1, ?2, ?3, ?4, ?5)", &st, err))
		goto fail;
	store_bind(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	store_bind(st, 3, t->survey);
	store_bind(st, 4, t->choices);
	store_bind(st, 5, t->settings);
	if (store_run(s, st, "keeping the form", err) || put_files(s, id, version, t, err))
		goto fail;
	return store_commit(s, err); /* the form and its files, or nothing */
fail:
	store_rollback(s);
	return -1;
}
