/* attachment_store.c - a record's attachment lines in the store (the
 * `attachments` table, schema.c migration 7): read in record order, and
 * merged in from a record as a union, never rewritten (attachment_store.h). */
#include "attachment_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attachment.h"
#include "store_impl.h"
#include "strbuf.h"

int attachments_read(struct fc_store *s, const char *kind, const char *record,
		     struct fc_attachment **list, size_t *n, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	*list = NULL, *n = 0;
	if (store_cached(s, "SELECT to_, sha256, blob, size, type, name, taken, geo, by, at,"
			 " withdrawn FROM attachments WHERE kind = ?1 AND record = ?2", &st, err))
		return -1;
	store_bind(st, 1, kind);
	store_bind(st, 2, record);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fc_attachment *a;
		ALLOC_GROW(*list, *n + 1, alloc);
		a = &(*list)[(*n)++];
		a->to = store_col_dup(st, 0);
		store_col_copy(st, 1, a->sha256, sizeof a->sha256);
		store_col_copy(st, 2, a->blob, sizeof a->blob);
		a->size = sqlite3_column_int64(st, 3);
		store_col_copy(st, 4, a->type, sizeof a->type);
		a->name = store_col_dup(st, 5);
		store_col_copy(st, 6, a->taken, sizeof a->taken);
		store_col_copy(st, 7, a->geo, sizeof a->geo);
		store_col_copy(st, 8, a->by, sizeof a->by);
		store_col_copy(st, 9, a->at, sizeof a->at);
		store_col_copy(st, 10, a->withdrawn, sizeof a->withdrawn);
	}
	store_release(s, st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, err, "reading the attached files");
	if (*n) /* record order (attachment_cmp), the same on every device */
		qsort(*list, *n, sizeof **list, attachment_cmp);
	return 0;
}

static int put_line(struct fc_store *s, const char *kind, const char *record,
		    const struct fc_attachment *a, struct fc_err *err)
{
	sqlite3_stmt *st;
	char size[24];

	snprintf(size, sizeof size, "%lld", a->size);
	if (store_cached(s, "INSERT INTO attachments(kind, record, to_, sha256, blob, size, type,"
			 " name, taken, geo, by, at, withdrawn) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
			 " ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT(kind, record, to_, sha256) DO NOTHING",
			 &st, err))
		return -1;
	store_bind(st, 1, kind);
	store_bind(st, 2, record);
	store_bind(st, 3, a->to);
	store_bind(st, 4, a->sha256);
	store_bind(st, 5, a->blob);
	sqlite3_bind_int64(st, 6, a->size);
	store_bind(st, 7, a->type);
	store_bind(st, 8, a->name);
	store_bind(st, 9, a->taken);
	store_bind(st, 10, a->geo);
	store_bind(st, 11, a->by);
	store_bind(st, 12, a->at);
	store_bind(st, 13, a->withdrawn);
	return store_run(s, st, "saving an attached file", err);
}

static int put_withdrawal(struct fc_store *s, const char *kind, const char *record,
			  const struct fc_attachment *a, struct fc_err *err)
{
	sqlite3_stmt *st;

	if (store_cached(s, "UPDATE attachments SET withdrawn = ?5 WHERE kind = ?1 AND record = ?2"
			 " AND to_ = ?3 AND sha256 = ?4 AND withdrawn = ''", &st, err))
		return -1;
	store_bind(st, 1, kind);
	store_bind(st, 2, record);
	store_bind(st, 3, a->to);
	store_bind(st, 4, a->sha256);
	store_bind(st, 5, a->withdrawn);
	return store_run(s, st, "withdrawing an attached file", err);
}

int attachments_put(struct fc_store *s, const char *kind, const char *record,
		    const struct fc_attachment *list, size_t n, struct fc_err *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (put_line(s, kind, record, &list[i], err) ||
		    (list[i].withdrawn[0] && put_withdrawal(s, kind, record, &list[i], err)))
			return -1;
	return 0;
}

int attachments_files_by(struct fc_store *s, const char *badge, attachment_file_fn fn,
			 void *ctx, struct fc_err *err)
{
	struct fc_attachment a = { 0 };
	sqlite3_stmt *st;
	int rc = 0, step;

	if (store_cached(s, "SELECT sha256, blob, size, type FROM attachments WHERE by = ?1"
			 " GROUP BY sha256 ORDER BY sha256", &st, err))
		return -1;
	store_bind(st, 1, badge);
	a.to = a.name = (char *)"";
	snprintf(a.by, sizeof a.by, "%s", badge);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		store_col_copy(st, 0, a.sha256, sizeof a.sha256);
		store_col_copy(st, 1, a.blob, sizeof a.blob);
		a.size = sqlite3_column_int64(st, 2);
		store_col_copy(st, 3, a.type, sizeof a.type);
		rc = fn(&a, ctx);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_sqlerr(s, err, "reading the attached files");
	store_release(s, st);
	return rc;
}

struct a_record {
	char kind[16];
	char record[FC_UUID_LEN + 1];
};

static int read_all(struct fc_store *s, const char *kind, const char *record,
		    struct a_record **out, size_t *n, struct fc_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	*out = NULL, *n = 0;
	if (store_cached(s, "SELECT kind, record FROM attachments WHERE ?1 = '' OR (kind = ?2"
			 " AND record = ?1) GROUP BY kind, record ORDER BY kind, record", &st, err))
		return -1;
	store_bind(st, 1, record ? record : "");
	store_bind(st, 2, kind ? kind : "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*out, *n + 1, alloc);
		store_col_copy(st, 0, (*out)[*n].kind, sizeof (*out)[*n].kind);
		store_col_copy(st, 1, (*out)[*n].record, sizeof (*out)[*n].record);
		(*n)++;
	}
	store_release(s, st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "reading the attached files");
}

int attachments_each(struct fc_store *s, const char *kind, const char *record,
		     attachment_line_fn fn, void *ctx, struct fc_err *err)
{
	struct a_record *recs;
	size_t n, i, j;
	int rc = read_all(s, kind, record, &recs, &n, err);

	for (i = 0; rc == 0 && i < n; i++) {
		struct fc_attachment *list;
		size_t nl;
		if ((rc = attachments_read(s, recs[i].kind, recs[i].record, &list, &nl, err)))
			break;
		for (j = 0; rc == 0 && j < nl; j++)
			rc = fn(recs[i].kind, recs[i].record, &list[j], ctx);
		attachments_free(list, nl);
	}
	free(recs);
	return rc;
}
