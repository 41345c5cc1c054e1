/* load.c - loading a form from its folder or from memory (see form.h).
 *
 * The three files are read whole (bounded: they may come from a remote),
 * then checked in order: settings (the default language the labels need),
 * choices (the lists the selects need), survey; a CSV file a
 * select_one_from_file names is read when the survey names it
 * (forms/engine/fromfile.c).  A form with any problem is not returned; all
 * its problems are.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/fileio.h"
#include "core/strbuf.h"
#include "forms/engine/csv.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/odk.h"
#include "forms/engine/xlsx.h"

#define MISSING "missing (a form is survey.csv, choices.csv for its selects, and settings.csv if it names its id and version)"

static char *copy(const char *s, size_t len)
{
	return s ? xstrndup(s, len) : NULL;
}

/* Loads from files; ld may hold problems already, `missing` says which
 * files were reported missing (bit per enum form_file). */
static struct form *load(struct loader *ld, const struct form_files *files,
			 unsigned missing, struct form_problems *probs)
{
	struct form *f = ld->f;
	struct fc_err err;

	ld->files = files;
	f->survey_csv = copy(files->survey, files->survey_len);
	f->choices_csv = copy(files->choices, files->choices_len);
	f->settings_csv = copy(files->settings, files->settings_len);
	f->engine = xcalloc(1, sizeof *f->engine);
	if (expr_db_open(&f->engine->db, &err))
		load_problem(ld, FF_NONE, 0, 0, "%s", err.msg);
	if (files->settings)
		load_settings(ld, files->settings, files->settings_len);
	else if (!(missing & (1u << FF_SETTINGS)))
		load_problem(ld, FF_SETTINGS, 0, 0, MISSING);
	/* an empty choices sheet (a workbook's, kept for later) is none */
	ld->have_choices = files->choices != NULL && files->choices_len > 0;
	if (ld->have_choices)
		load_choices(ld, files->choices, files->choices_len);
	if (files->survey && f->engine->db)
		load_survey(ld, files->survey, files->survey_len);
	else if (!files->survey && !(missing & (1u << FF_SURVEY)))
		load_problem(ld, FF_SURVEY, 0, 0, MISSING);
	if (!ld->n_probs) {
		load_warnings_finish(ld, &f->warnings);
		return f;
	}
	load_warnings_finish(ld, NULL); /* the form does not load: fix that first */
	if (probs) {
		load_problems_finish(ld, probs);
	} else {
		struct form_problems sink = { 0 };
		load_problems_finish(ld, &sink);
		form_problems_release(&sink);
	}
	form_free(f);
	return NULL;
}

struct form *form_load_mem(const char *where, const struct form_files *files,
			   struct form_problems *probs)
{
	struct loader ld;

	memset(&ld, 0, sizeof ld);
	ld.where = where ? where : "";
	ld.default_id = files->id;
	ld.f = xcalloc(1, sizeof *ld.f);
	ld.f->origin = xstrdup(ld.where);
	return load(&ld, files, 0, probs);
}

/* Reads dir/name whole.  0; 1 if it does not exist; -1 with err. */
static int read_file(const char *dir, const char *name, int flags, char **buf, size_t *len,
		     struct fc_err *err)
{
	struct strbuf path, sb;
	struct stat st;
	int fd, rc = -1;

	*buf = NULL;
	*len = 0;
	strbuf_init(&path);
	strbuf_addf(&path, "%s/%s", dir, name);
	fd = open(path.buf, O_RDONLY | O_NONBLOCK | O_CLOEXEC | flags);
	strbuf_release(&path);
	if (fd < 0)
		return errno == ENOENT ? 1 : fc_fail(err, _("cannot open: %s"), strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return fc_fail(err, _("not a regular file"));
	}
	if (st.st_size > (off_t)CSV_FILE_MAX) {
		close(fd);
		return fc_fail(err, _("file is too large (%lld bytes; at most %u MiB)"),
			       (long long)st.st_size, CSV_FILE_MAX >> 20);
	}
	strbuf_init(&sb);
	/* a file that grew while we read stops past the limit: csv_parse refuses it */
	if (file_read_fd(fd, CSV_FILE_MAX, &sb)) {
		fc_fail(err, _("cannot read: %s"), strerror(errno));
		strbuf_release(&sb);
	} else {
		sb.buf[sb.len] = '\0';
		*len = sb.len;
		*buf = strbuf_detach(&sb);
		rc = 0;
	}
	close(fd);
	return rc;
}

/* form_files.file for a form on disk: `name` in the folder ctx. */
static int folder_file(void *ctx, const char *name, char **text, size_t *len,
		       struct fc_err *err)
{
	/* a link could carry any file of this machine into the replica */
	return read_file(ctx, name, O_NOFOLLOW, text, len, err);
}

struct form *form_load_dir(const char *dir, struct form_problems *probs)
{
	static const enum form_file order[] = { FF_SURVEY, FF_CHOICES, FF_SETTINGS };
	char *where = xstrdup(dir), *base, *buf[3] = { NULL, NULL, NULL };
	size_t n = strlen(where), len[3] = { 0, 0, 0 }, k;
	struct form_files files = { 0 };
	struct loader ld;
	struct fc_err err;
	struct stat st;
	struct form *f = NULL;
	unsigned missing = 0;

	while (n > 1 && where[n - 1] == '/')
		where[--n] = '\0';
	base = strrchr(where, '/');
	memset(&ld, 0, sizeof ld);
	ld.where = where;
	ld.expect_id = base ? base + 1 : where;
	if (stat(where, &st) || !S_ISDIR(st.st_mode)) {
		if (stat(where, &st))
			load_problem(&ld, FF_NONE, 0, 0, "cannot open: %s", strerror(errno));
		else
			load_problem(&ld, FF_NONE, 0, 0, "not a folder");
		if (probs)
			load_problems_finish(&ld, probs);
		free(ld.probs);
		free(where);
		return NULL;
	}
	ld.default_id = ld.expect_id;
	for (k = 0; k < 3; k++) {
		int r = read_file(where, load_file_name(NULL, order[k]), 0, &buf[k], &len[k],
				  &err);
		if (r == 0 && order[k] == FF_SETTINGS && !len[k]) { /* empty: none, as an
								     * empty sheet */
			free(buf[k]);
			buf[k] = NULL;
			r = 1;
		}
		if (r > 0 && order[k] == FF_SETTINGS && (buf[k] = settings_default(ld.expect_id))) {
			len[k] = strlen(buf[k]); /* none: the folder's name, version 1 */
			continue;
		}
		if (r < 0 || (r > 0 && order[k] != FF_CHOICES))
			load_problem(&ld, order[k], 0, 0, "%s", r < 0 ? err.msg : MISSING);
		if (r != 0)
			missing |= 1u << order[k];
	}
	files.survey = buf[0], files.survey_len = len[0];
	files.choices = buf[1], files.choices_len = len[1];
	files.settings = buf[2], files.settings_len = len[2];
	files.file = folder_file;
	files.file_ctx = where;
	ld.f = xcalloc(1, sizeof *ld.f);
	ld.f->origin = xstrdup(where);
	f = load(&ld, &files, missing, probs);
	for (k = 0; k < 3; k++)
		free(buf[k]);
	free(where);
	return f;
}

/* The workbook's file name without its folder and .xlsx: the form's id when
 * its settings name none, as pyxform takes it; what an id cannot hold
 * ("tutorial .xlsx", "my form.xlsx") is read as '_', trailing spaces not at
 * all, so the name is one a folder can have. */
static char *workbook_stem(const char *path, int *changed)
{
	const char *base = strrchr(path, '/');
	char *stem;
	size_t n, i;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 5 && !strcasecmp(base + n - 5, ".xlsx"))
		n -= 5;
	*changed = base[n] == ' ';
	while (n && base[n - 1] == ' ')
		n--;
	stem = xstrndup(base, n);
	for (i = 0; stem[i]; i++)
		if (!((stem[i] >= 'a' && stem[i] <= 'z') || (stem[i] >= 'A' && stem[i] <= 'Z') ||
		      (stem[i] >= '0' && stem[i] <= '9') || (i && strchr("_-.", stem[i])))) {
			stem[i] = '_';
			*changed = 1;
		}
	return stem;
}

/* The folder a file is in ("." for a bare name). */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
}

/* A workbook's files: beside it, as pyxform's media; itemsets.csv, when
 * none is, from its external_choices sheet, as pyxform makes it. */
struct book_files {
	const char *dir;
	const struct xlsx_sheets *book;
};

static int book_file(void *ctx, const char *name, char **text, size_t *len,
		     struct fc_err *err)
{
	const struct book_files *bf = ctx;
	int rc = folder_file((void *)bf->dir, name, text, len, err);

	if (rc > 0 && !strcmp(name, ITEMSETS_FILE) && bf->book->csv[XS_EXTERNAL]) {
		*text = xstrdup(bf->book->csv[XS_EXTERNAL]);
		*len = bf->book->len[XS_EXTERNAL];
		return 0;
	}
	return rc;
}

/* The workbook's sheets, with what an ODK export changed undone. */
static int read_workbook(const char *path, struct xlsx_sheets *book, struct fc_err *err)
{
	if (xlsx_read_file(path, book, err))
		return -1;
	if (odk_import(book, err)) {
		xlsx_sheets_release(book);
		return -1;
	}
	return 0;
}

/* What the workbook's sheets hold past where pyxform stops reading them
 * (xlsx_sheet.c): not read, said. */
static void cut_warnings(struct loader *ld, const struct xlsx_sheets *book)
{
	char ref[8];
	size_t k;

	for (k = 0; k < XS_COUNT; k++) {
		if (book->cut_row[k])
			load_warning(ld, FF_NONE, 0, 0, "sheet %s: row %d and the rows below it are "
				     "not read: they follow a run of %d empty rows, where pyxform "
				     "stops reading a sheet", book->name[k], book->cut_row[k], 60);
		if (book->cut_col[k])
			load_warning(ld, FF_NONE, 0, 0, "sheet %s: column %s and the columns "
				     "right of it are not read: they follow a run of %d empty header "
				     "cells, where pyxform stops reading the header", book->name[k],
				     xlsx_column_name(book->cut_col[k], ref), 20);
	}
}

/* A workbook's sheets are the form's CSV files; a sheet it lacks is named as
 * a sheet, not as a file (settings it may lack: see workbook_stem). */
struct form *form_load_xlsx(const char *path, struct form_problems *probs)
{
	struct xlsx_sheets book;
	struct book_files bf;
	struct form_files files = { 0 };
	struct loader ld;
	struct fc_err err;
	struct form *f;
	unsigned missing = 0;
	size_t k;
	char *stem, *dir;
	int renamed;

	memset(&ld, 0, sizeof ld);
	ld.where = path;
	if (read_workbook(path, &book, &err)) {
		load_problem(&ld, FF_NONE, 0, 0, "%s", err.msg);
		if (probs)
			load_problems_finish(&ld, probs);
		free(ld.probs);
		return NULL;
	}
	ld.book = &book;
	if (book.unused)
		load_warning(&ld, FF_NONE, 0, 0, "the workbook's sheets %s are not read by "
			     "fieldcheck", book.unused);
	cut_warnings(&ld, &book);
	if (book.name[XS_SURVEY] && strcmp(book.name[XS_SURVEY], "survey"))
		load_warning(&ld, FF_NONE, 0, 0, "the workbook's one sheet '%s' is read as its "
			     "survey, as pyxform reads it", book.name[XS_SURVEY]);
	stem = workbook_stem(path, &renamed);
	ld.default_id = stem;
	if (book.csv[XS_SETTINGS] && !book.len[XS_SETTINGS]) { /* an empty sheet: none */
		free(book.csv[XS_SETTINGS]);
		book.csv[XS_SETTINGS] = NULL;
	}
	if (!book.csv[XS_SETTINGS] && (book.csv[XS_SETTINGS] = settings_default(stem))) {
		book.len[XS_SETTINGS] = strlen(book.csv[XS_SETTINGS]);
		if (renamed)
			load_warning(&ld, FF_NONE, 0, 0, "the form has no form_id: it is '%s', "
				     "the workbook's name as an id can hold it", stem);
	}
	for (k = 0; k < XS_COUNT; k++) {
		if (book.csv[k] || k == XS_CHOICES || k == XS_EXTERNAL)
			continue;
		load_problem(&ld, FF_NONE, 0, 0, "the workbook has no sheet called %s",
			     xlsx_sheet_name((enum xlsx_sheet)k));
		missing |= 1u << k;
	}
	files.survey = book.csv[XS_SURVEY], files.survey_len = book.len[XS_SURVEY];
	files.choices = book.csv[XS_CHOICES], files.choices_len = book.len[XS_CHOICES];
	files.settings = book.csv[XS_SETTINGS], files.settings_len = book.len[XS_SETTINGS];
	bf.dir = dir = folder_of(path);
	bf.book = &book;
	files.file = book_file;
	files.file_ctx = &bf;
	ld.f = xcalloc(1, sizeof *ld.f);
	ld.f->origin = xstrdup(path);
	f = load(&ld, &files, missing, probs);
	xlsx_sheets_release(&book);
	free(stem);
	free(dir);
	return f;
}

struct form *form_load_path(const char *path, struct form_problems *probs)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return form_load_xlsx(path, probs);
	return form_load_dir(path, probs);
}
