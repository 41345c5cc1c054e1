/* inspection_last.c - the inspection saved last before another of the same
 * form by the same officer: what XLSForm's ${last-saved#x} reads (ODK's
 * last saved record of the form on the device), looked up here so a form's
 * text never reaches SQL (forms/inspect/last_saved.c asks, with the
 * record's own fields as bound parameters).
 */
#include "inspection.h"

#include "store_impl.h"

int inspection_last_saved(struct fc_store *s, const struct fc_inspection *in, char *id_out,
			  struct fc_err *err)
{
	/* julianday: a time with its offset, so +08:00 and Z compare right;
	 * the id breaks a tie so the choice is the same on every device */
	static const char sql[] =
		"SELECT id FROM inspections WHERE form_id = ?1 AND created_by = ?2 AND id <> ?4"
		" AND (julianday(created_at) < julianday(?3) OR"
		"      (julianday(created_at) = julianday(?3) AND id < ?4))"
		" ORDER BY julianday(created_at) DESC, id DESC LIMIT 1";
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, sql, &st, err))
		return -1;
	store_bind(st, 1, in->form_id);
	store_bind(st, 2, in->created_by);
	store_bind(st, 3, in->created_at);
	store_bind(st, 4, in->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_col_copy(st, 0, id_out, FC_UUID_LEN + 1);
	else if (rc != SQLITE_DONE)
		store_sqlerr(s, err, "finding the last saved inspection");
	store_release(s, st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
