/* settings.c - settings.csv: the form's id, version, title and default
 * language.
 *
 * The id names the form in every record and is a folder name in the
 * replica (forms/<id>/<version>/), so it is kept to safe characters; the
 * version is a positive whole number so "highest version wins" is an
 * integer comparison.  XLSForm's own versions are any text ("2.2", a date,
 * KoBo's "vTEmiygu..."): such a form loads unnumbered (version 0, the text
 * in odk_version) and `forms add` numbers it (install.c), keeping the text
 * in an odk_version column that the numbered form loads it back from.
 */
#include <limits.h>
#include <string.h>

#include "core/model.h"
#include "core/strbuf.h"
#include "forms/engine/sheet.h"

enum { C_ID, C_VERSION, C_TITLE, C_LANG, C_NOTE, C_DUPS, C_ODKVER };

static const struct sheet_col cols[] = {
	[C_ID] = { "form_id", 0 },
	[C_VERSION] = { "version", SHEET_TEXT },
	[C_TITLE] = { "form_title", SHEET_LANG | SHEET_MULTI },
	[C_LANG] = { "default_language", SHEET_TEXT },
	[C_NOTE] = { "note", SHEET_LANG | SHEET_MULTI },
	[C_DUPS] = { "allow_choice_duplicates", 0 },
	[C_ODKVER] = { "odk_version", SHEET_TEXT },
};

/* allow_choice_duplicates: yes lets a list name a choice twice (cascading
 * lists whose filter tells them apart), as pyxform allows it. */
static void read_dups(struct loader *ld, const struct sheet *sh, const struct csv_row *row)
{
	const char *v = sheet_get(sh, row, C_DUPS, SLOT_PLAIN);
	char q[QUOTE_SIZE];
	int yes = load_yesno(v);

	if (yes < 0)
		sheet_problem(ld, sh, row, C_DUPS, SLOT_PLAIN, "allow_choice_duplicates "
			      "'%s' is neither yes nor no", load_quote(v, q, sizeof q));
	ld->choice_dups = yes > 0;
}

/* default_language: the language of the plain columns, and the one a text
 * is shown in when the reader's is not there.  Any language's name or code
 * (pyxform takes any); fieldcheck matches it against the form's languages
 * (lang.c). */
static void read_lang(struct loader *ld, const struct sheet *sh, const struct csv_row *row)
{
	const char *v = sheet_get(sh, row, C_LANG, SLOT_PLAIN);
	char q[QUOTE_SIZE];

	if (strlen(v) > FORM_LANG_NAME_MAX) {
		sheet_problem(ld, sh, row, C_LANG, SLOT_PLAIN, "default_language '%s' is "
			      "longer than a language's name may be (%d bytes)",
			      load_quote(v, q, sizeof q), FORM_LANG_NAME_MAX);
		return;
	}
	lang_set_default(ld->f, v);
}

char *settings_default(const char *id)
{
	return id && fc_form_id_ok(id) ? xstrfmt("form_id,version\n%s,1\n", id) : NULL;
}

static void read_id(struct loader *ld, const struct sheet *sh, const struct csv_row *row)
{
	const char *v = sheet_get(sh, row, C_ID, SLOT_PLAIN);
	char q[QUOTE_SIZE], q2[QUOTE_SIZE];

	if (sh->idx[C_ID][SLOT_PLAIN] < 0) { /* no column: the file's name, as pyxform */
		if (ld->default_id && fc_form_id_ok(ld->default_id))
			ld->f->id = xstrdup(ld->default_id);
		else
			load_problem(ld, FF_SETTINGS, sh->csv.rows[0].line, 1,
				     "missing column 'form_id'");
		return;
	}

	if (!*v) {
		sheet_problem(ld, sh, row, C_ID, SLOT_PLAIN, "form_id is empty");
		return;
	}
	if (!fc_form_id_ok(v)) {
		sheet_problem(ld, sh, row, C_ID, SLOT_PLAIN, "form_id '%s' is not a valid id "
			      "(letters, digits, then also _ - .; at most %d)",
			      load_quote(v, q, sizeof q), NAME_MAX_LEN);
		return;
	}
	if (ld->expect_id && strcmp(v, ld->expect_id))
		sheet_problem(ld, sh, row, C_ID, SLOT_PLAIN, "form_id '%s' does not match "
			      "the folder name '%s'", v, load_quote(ld->expect_id, q2, sizeof q2));
	ld->f->id = xstrdup(v);
}

/* An XLSForm version that is not a whole number: kept as text, the form
 * unnumbered until `forms add` numbers it. */
static void unnumbered(struct loader *ld, const struct sheet *sh, const struct csv_row *row,
		       const char *v)
{
	char q[QUOTE_SIZE];

	if (strlen(v) > FORM_ODK_VERSION_MAX) {
		sheet_problem(ld, sh, row, C_VERSION, SLOT_PLAIN, "version '%s' is neither a "
			      "whole number up to %d nor a version text (at most %d bytes)", load_quote(v, q, sizeof q), MAX_FORM_VERSION,
			      FORM_ODK_VERSION_MAX);
		return;
	}
	ld->f->version = 0;
	ld->f->odk_version = xstrdup(v);
	sheet_warning(ld, sh, row, C_VERSION, SLOT_PLAIN, "version '%s' is not a whole "
		      "number: `fieldcheck forms add` numbers the form (the next version of "
		      "its id) and keeps '%s' as its odk_version", load_quote(v, q, sizeof q), q);
}

static void read_version(struct loader *ld, const struct sheet *sh, const struct csv_row *row)
{
	const char *v = sheet_get(sh, row, C_VERSION, SLOT_PLAIN);
	const char *odk = sheet_get(sh, row, C_ODKVER, SLOT_PLAIN);
	long long n = 0;
	size_t i;

	/* no column or an empty cell: the first version, as pyxform has none */
	if (sh->idx[C_VERSION][SLOT_PLAIN] < 0 || !*v) {
		ld->f->version = 1;
		return;
	}
	for (i = 0; v[i] >= '0' && v[i] <= '9' && n <= MAX_FORM_VERSION; i++)
		n = n * 10 + (v[i] - '0');
	if (i == 0 || v[i] || n < 1 || n > MAX_FORM_VERSION) {
		unnumbered(ld, sh, row, v);
		return;
	}
	ld->f->version = (int)n;
	if (*odk && strlen(odk) <= FORM_ODK_VERSION_MAX)
		ld->f->odk_version = xstrdup(odk);
	else if (*odk)
		sheet_problem(ld, sh, row, C_ODKVER, SLOT_PLAIN, "odk_version is longer than "
			      "%d bytes", FORM_ODK_VERSION_MAX);
}

void load_settings(struct loader *ld, const char *buf, size_t len)
{
	struct sheet sh;
	const struct csv_row *row = NULL;
	size_t r;

	if (sheet_load(ld, &sh, FF_SETTINGS, buf, len, cols, ARRAY_SIZE(cols))) {
		sheet_release(&sh);
		return;
	}
	for (r = 1; r < sh.csv.n; r++) {
		if (sheet_row_blank(&sh.csv.rows[r]))
			continue;
		if (row) {
			load_problem(ld, FF_SETTINGS, sh.csv.rows[r].line, 1,
				     "settings.csv has more than one row of settings");
			break;
		}
		row = &sh.csv.rows[r];
	}
	if (!row) {
		load_problem(ld, FF_SETTINGS, sh.csv.rows[0].line + 1, 1,
			     "no settings under the header row");
		sheet_release(&sh);
		return;
	}
	read_lang(ld, &sh, row);
	read_id(ld, &sh, row);
	read_version(ld, &sh, row);
	read_dups(ld, &sh, row);
	sheet_text(&sh, row, C_TITLE, &ld->f->title);
	sheet_text(&sh, row, C_NOTE, &ld->f->note);
	if (!ld->f->title.n && ld->f->id) {
		ld->f->title.tr = xcalloc(1, sizeof *ld->f->title.tr);
		ld->f->title.tr[0].lang = FORM_LANG_PLAIN;
		ld->f->title.tr[0].s = xstrdup(ld->f->id);
		ld->f->title.n = 1;
	}
	sheet_release(&sh);
}
