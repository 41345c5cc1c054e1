/* enterprise.c - storing and finding enterprises. */
#include "enterprise.h"

#include <string.h>

#include "store_impl.h"
#include "core/i18n.h"

static int save(struct fc_store *s, const struct fc_enterprise *e, int replace,
		 struct fc_err *err)
{
	char now[FC_TIMESTAMP_LEN + 1];
	sqlite3_stmt *st;
	int rc;

	if (enterprise_check(e, err) || clock_now(now, err))
		return -1;
	if (store_cached(s, replace ?
			 "INSERT INTO enterprises(code, name, town, industry, address, changed_at)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(code) DO UPDATE SET"
			 " name = excluded.name, town = excluded.town, industry = excluded.industry,"
			 " address = excluded.address, changed_at = excluded.changed_at" :
			 "INSERT INTO enterprises(code, name, town, industry, address, changed_at)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err))
		return -1;
	store_bind(st, 1, e->code);
	store_bind(st, 2, e->name);
	store_bind(st, 3, e->town);
	store_bind(st, 4, e->industry);
	store_bind(st, 5, e->address);
	store_bind(st, 6, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT || sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
		rc = fc_fail(err, _("enterprise %s is already registered; nothing was changed"), e->code);
	else
		rc = rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "saving the enterprise");
	store_release(s, st);
	return rc;
}

int enterprise_add(struct fc_store *s, const struct fc_enterprise *e, struct fc_err *err)
{
	return save(s, e, 0, err);
}

int enterprise_put(struct fc_store *s, const struct fc_enterprise *e, struct fc_err *err)
{
	return save(s, e, 1, err);
}

static void from_row(sqlite3_stmt *st, struct fc_enterprise *e)
{
	store_col_copy(st, 0, e->code, sizeof e->code);
	e->name = store_col_dup(st, 1);
	e->town = store_col_dup(st, 2);
	e->industry = store_col_dup(st, 3);
	e->address = store_col_dup(st, 4);
}

int enterprise_get(struct fc_store *s, const char *code, struct fc_enterprise *out,
		   struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (store_cached(s, "SELECT code, name, town, industry, address FROM enterprises"
			 " WHERE code = ?1", &st, err))
		return -1;
	store_bind(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		from_row(st, out);
	store_release(s, st);
	if (rc == SQLITE_DONE)
		return fc_failk(err, FC_ENOTFOUND, _("no enterprise with code %.40s (add it with "
				"'fieldcheck enterprise add')"), code);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(s, err, "reading the enterprise");
}

int enterprise_list(struct fc_store *s, const char *query, int limit, enterprise_cb cb,
		    void *ctx, struct fc_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT code, name, town, industry, address FROM enterprises"
			  " WHERE ?1 = '' OR instr(name, ?1) > 0 OR substr(code, 1, length(?1)) = ?1"
			  " ORDER BY name, code LIMIT ?2", &st, err))
		return -1;
	store_bind(st, 1, query);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fc_enterprise e;
		int stop;
		memset(&e, 0, sizeof e);
		from_row(st, &e);
		stop = cb(&e, ctx);
		enterprise_clear(&e);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, err, "listing enterprises");
}
