/* docnum_store.c - documents, claimed blocks and the issue of a number in
 * the store (see docnum_store.h). */
#include "docnum_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inspection.h"
#include "uuid.h"
#include "store_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

int docnum_authority_get(struct fc_store *s, char out[MAX_AUTHORITY + 1], struct fc_err *err)
{
	char *v = NULL;

	out[0] = '\0';
	if (store_meta_get(s, DOCNUM_AUTHORITY_KEY, &v, err))
		return -1;
	if (v && strlen(v) <= MAX_AUTHORITY)
		strcpy(out, v);
	free(v);
	return 0;
}

int docnum_authority_set(struct fc_store *s, const char *authority, struct fc_err *err)
{
	char device[FC_UUID_LEN + 1];

	if (authority_check(authority, err))
		return -1;
	return store_meta_set(s, DOCNUM_AUTHORITY_KEY, authority, err) ||
	       docnum_device_get(s, device, err) ? -1 : 0;
}

int docnum_device_get(struct fc_store *s, char out[FC_UUID_LEN + 1], struct fc_err *err)
{
	char *v = NULL;
	int rc = 0;

	if (store_meta_get(s, DOCNUM_DEVICE_KEY, &v, err))
		return -1;
	if (v && uuid_check(v, "device", NULL) == 0)
		snprintf(out, FC_UUID_LEN + 1, "%s", v);
	else
		rc = uuid_new(out, err) || store_meta_set(s, DOCNUM_DEVICE_KEY, out, err) ? -1 : 0;
	free(v);
	return rc;
}

int docnum_block_get(struct fc_store *s, int *out, struct fc_err *err)
{
	char *v = NULL;
	int n;

	*out = DOCNUM_BLOCK_DEFAULT;
	if (store_meta_get(s, DOCNUM_BLOCK_KEY, &v, err))
		return -1;
	if (v && (n = atoi(v)) >= 1 && n <= DOCNUM_MAX_BLOCK)
		*out = n;
	free(v);
	return 0;
}

int docnum_block_set(struct fc_store *s, int size, struct fc_err *err)
{
	char v[16];

	if (size < 1 || size > DOCNUM_MAX_BLOCK)
		return fc_failk(err, FC_EUSAGE, _("a block holds 1 to %d numbers, not %d"),
				DOCNUM_MAX_BLOCK, size);
	snprintf(v, sizeof v, "%d", size);
	return store_meta_set(s, DOCNUM_BLOCK_KEY, v, err);
}

int documents_read(struct fc_store *s, const char *id, struct fc_document **out, size_t *n,
		   struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (store_cached(s, "SELECT kind, authority, year, serial, by, at FROM documents"
			 " WHERE inspection = ?1", &st, err))
		return -1;
	store_bind(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fc_document *d;
		ALLOC_GROW(*out, *n + 1, alloc);
		d = &(*out)[(*n)++];
		store_col_copy(st, 0, d->kind, sizeof d->kind);
		store_col_copy(st, 1, d->authority, sizeof d->authority);
		d->year = sqlite3_column_int(st, 2);
		d->serial = sqlite3_column_int(st, 3);
		store_col_copy(st, 4, d->by, sizeof d->by);
		store_col_copy(st, 5, d->at, sizeof d->at);
	}
	store_release(s, st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, err, "reading the documents");
	if (*n)
		qsort(*out, *n, sizeof **out, document_cmp);
	return 0;
}

static int put_one(struct fc_store *s, const char *id, const struct fc_document *d,
		   struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, "INSERT INTO documents(inspection, kind, authority, year, serial, by,"
			 " at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM"
			 " documents WHERE inspection = ?1 AND kind = ?2 AND authority = ?3 AND"
			 " year = ?4 AND serial = ?5)", &st, err))
		return -1;
	store_bind(st, 1, id);
	store_bind(st, 2, d->kind);
	store_bind(st, 3, d->authority);
	sqlite3_bind_int(st, 4, d->year);
	sqlite3_bind_int(st, 5, d->serial);
	store_bind(st, 6, d->by);
	store_bind(st, 7, d->at);
	return store_run(s, st, "saving a document's number", err);
}

int documents_put(struct fc_store *s, const char *id, const struct fc_document *list,
		  size_t n, struct fc_err *err)
{
	struct strbuf num;
	size_t i;

	for (i = 0; i < n; i++)
		if (put_one(s, id, &list[i], err)) {
			strbuf_init(&num);
			docnum_text(&list[i], &num);
			fc_err_prefix(err, _("number %s of inspection %.8s"), num.buf, id);
			strbuf_release(&num);
			return -1;
		}
	return 0;
}

int docnum_block_put(struct fc_store *s, const struct docnum_claim *c, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, "INSERT INTO number_blocks(authority, kind, year, start, count, badge,"
			 " device, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?7) ON CONFLICT DO NOTHING",
			 &st, err))
		return -1;
	store_bind(st, 1, c->authority);
	store_bind(st, 2, docnum_kind_name(c->kind));
	sqlite3_bind_int(st, 3, c->year);
	sqlite3_bind_int(st, 4, c->start);
	sqlite3_bind_int(st, 5, c->count);
	store_bind(st, 6, c->badge);
	store_bind(st, 7, c->at);
	store_bind(st, 8, c->device);
	return store_run(s, st, "saving a block of numbers", err);
}

int docnum_left(struct fc_store *s, const char *authority, enum docnum_kind k, int year,
		const char *badge, int *left, int *claimed, struct fc_err *err)
{
	char device[FC_UUID_LEN + 1];
	sqlite3_stmt *st;
	int rc;

	*left = *claimed = 0;
	if (docnum_device_get(s, device, err))
		return -1;
	if (store_cached(s, "SELECT coalesce(sum(b.count), 0), coalesce(sum((SELECT count(*) FROM"
			 " documents d WHERE d.authority = b.authority AND d.kind = b.kind AND"
			 " d.year = b.year AND d.serial >= b.start AND d.serial < b.start +"
			 " b.count)), 0) FROM number_blocks b WHERE b.authority = ?1 AND"
			 " b.kind = ?2 AND b.year = ?3 AND b.badge = ?4 AND b.device = ?5", &st, err))
		return -1;
	store_bind(st, 1, authority);
	store_bind(st, 2, docnum_kind_name(k));
	sqlite3_bind_int(st, 3, year);
	store_bind(st, 4, badge);
	store_bind(st, 5, device);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*claimed = sqlite3_column_int(st, 0);
		*left = *claimed - sqlite3_column_int(st, 1);
	}
	store_release(s, st);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "counting the numbers left");
}

/* The lowest serial of this laptop's blocks of me's that no document
 * holds, or 0. */
static int free_serial(struct fc_store *s, const struct fc_document *d, int *out,
		       struct fc_err *err)
{
	char device[FC_UUID_LEN + 1];
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if (docnum_device_get(s, device, err))
		return -1;
	/* a block's first serial if free, else the serial after a given one
	 * that is free and inside the block */
	if (store_cached(s, "SELECT min(c) FROM (SELECT b.start AS c, b.start AS s, b.count AS n"
			 " FROM number_blocks b WHERE b.authority = ?1 AND b.kind = ?2 AND"
			 " b.year = ?3 AND b.badge = ?4 AND b.device = ?5 UNION ALL SELECT d.serial + 1, b.start,"
			 " b.count FROM documents d JOIN number_blocks b ON d.authority ="
			 " b.authority AND d.kind = b.kind AND d.year = b.year AND d.serial >="
			 " b.start AND d.serial < b.start + b.count WHERE b.authority = ?1 AND"
			 " b.kind = ?2 AND b.year = ?3 AND b.badge = ?4 AND b.device = ?5)"
			 " WHERE c < s + n AND NOT"
			 " EXISTS (SELECT 1 FROM documents x WHERE x.authority = ?1 AND x.kind = ?2"
			 " AND x.year = ?3 AND x.serial = c)", &st, err))
		return -1;
	store_bind(st, 1, d->authority);
	store_bind(st, 2, d->kind);
	sqlite3_bind_int(st, 3, d->year);
	store_bind(st, 4, d->by);
	store_bind(st, 5, device);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	store_release(s, st);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "finding a free number");
}

/* Inside the transaction: the number to give, or none. */
static int give(struct fc_store *s, const struct fc_inspection *in, const struct fc_person *me,
		enum docnum_kind k, struct fc_document *out, enum docnum_outcome *how,
		struct fc_err *err)
{
	const struct fc_document *had = documents_first(in, k);

	if (had) {
		*out = *had;
		*how = DOCNUM_HAD;
		return 0;
	}
	if (in->status != INSP_FINAL) {
		*how = DOCNUM_DRAFT;
		return 0;
	}
	memset(out, 0, sizeof *out);
	if (docnum_authority_get(s, out->authority, err) || clock_now(out->at, err))
		return -1;
	if (!out->authority[0]) {
		*how = DOCNUM_NO_AUTHORITY;
		return 0;
	}
	snprintf(out->kind, sizeof out->kind, "%s", docnum_kind_name(k));
	snprintf(out->by, sizeof out->by, "%s", me->badge);
	out->year = atoi(out->at);
	if (free_serial(s, out, &out->serial, err))
		return -1;
	if (!out->serial) {
		*how = DOCNUM_NONE_LEFT;
		return 0;
	}
	*how = DOCNUM_GIVEN;
	return documents_put(s, in->id, out, 1, err);
}

int docnum_issue(struct fc_store *s, const struct fc_person *me, const char *id,
		 enum docnum_kind k, struct fc_document *out, enum docnum_outcome *how,
		 struct fc_err *err)
{
	struct fc_inspection in;
	int rc;

	if (store_begin(s, err))
		return -1;
	if (inspection_get(s, id, &in, err)) {
		store_rollback(s);
		return -1;
	}
	rc = give(s, &in, me, k, out, how, err);
	inspection_clear(&in);
	if (rc) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}
