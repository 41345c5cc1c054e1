/* install.c - adding a form to the workspace's own (`forms add`).
 *
 * The workspace keeps its forms as WORKSPACE/forms/<id>/ with the three CSV
 * files (and the CSV files its selects read choices from), whatever they were read from (a workbook, another folder), so the
 * catalogue and the sync format see one kind of form.  A form replaces the
 * workspace's copy only with a higher version: the same id and version with
 * other contents would make two records naming that form mean different
 * things.  A form whose XLSForm version is text is numbered first
 * (numbering.c).  The new folder is written and fsynced aside, then swapped
 * in by rename, so a crash leaves the old form or the whole new one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fileio.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/form.h"
#include "forms/engine/numbering.h"

static int write_file(const char *dir, const char *name, const char *text, struct fc_err *err)
{
	char *path = xstrfmt("%s/%s", dir, name);
	int rc = file_write_new(path, text, strlen(text), 0644, err);

	free(path);
	return rc;
}

/* Removes a form folder fieldcheck wrote: its CSV files, then itself (a
 * file it did not write keeps the folder, and the form, there). */
static void remove_tree(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		char *p;
		if (n < 5 || strcmp(de->d_name + n - 4, ".csv"))
			continue;
		p = xstrfmt("%s/%s", dir, de->d_name);
		unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

/* The form `target` holds into *old (NULL when there is none); 0, or -1
 * with err when it holds one that does not load. */
static int load_current(const char *target, struct form **old, struct fc_err *err)
{
	struct form_problems probs = { 0 };
	struct stat st;
	int rc = 0;

	*old = NULL;
	if (lstat(target, &st))
		return errno == ENOENT ? 0 : fc_failk(err, FC_EIO, "%s: %s", target, strerror(errno));
	if (!(*old = form_load_dir(target, &probs)))
		rc = fc_fail(err, _("%s holds a form that does not load (%s); move it away first"),
			     target, probs.n ? probs.msgs[0] : "unreadable");
	form_problems_release(&probs);
	return rc;
}

/* Whether f may take the place of old (NULL: none); 1 if old is f already
 * (nothing to do). */
static int may_replace(const struct form *f, const struct form *old, struct fc_err *err)
{
	if (!old || old->version < f->version)
		return 0;
	if (old->version > f->version)
		return fc_fail(err, _("the workspace has version %d of form %s; this is version %d "
			       "(give it a higher version)"), old->version, f->id, f->version);
	return form_same_files(old, f) ? 1 :
	       fc_fail(err, _("the workspace has another version %d of form %s (give the "
		       "changed one a higher version)"), f->version, f->id);
}

/* The CSV files f's selects read (names checked when it loaded). */
static int write_files(const struct form *f, const char *dir, struct fc_err *err)
{
	size_t k;

	for (k = 0; k < f->n_files; k++)
		if (!f->files[k].missing && write_file(dir, f->files[k].name, f->files[k].csv, err))
			return -1;
	return 0;
}

/* Writes f's files into the new folder `tmp`. */
static int write_form(const struct form *f, const char *tmp, struct fc_err *err)
{
	if (mkdir(tmp, 0755))
		return fc_failk(err, FC_EIO, _("cannot create %s: %s"), tmp, strerror(errno));
	if (write_file(tmp, "survey.csv", f->survey_csv, err) ||
	    (f->choices_csv && write_file(tmp, "choices.csv", f->choices_csv, err)) ||
	    write_file(tmp, "settings.csv", f->settings_csv, err) ||
	    write_files(f, tmp, err) || file_fsync_dir(tmp)) {
		if (!err->msg[0])
			fc_failk(err, FC_EIO, _("cannot write %s: %s"), tmp, strerror(errno));
		remove_tree(tmp);
		return -1;
	}
	return 0;
}

int form_install(const struct form *f, const char *workspace, int *already, int *version,
		 struct fc_err *err)
{
	char *dir = xstrfmt("%s/forms", workspace), *target = xstrfmt("%s/%s", dir, f->id);
	char *tmp = xstrfmt("%s/.%s.new-%ld", dir, f->id, (long)getpid());
	char *old = xstrfmt("%s/.%s.old-%ld", dir, f->id, (long)getpid());
	struct form numbered = { 0 }, *current = NULL;
	int rc, had;

	*already = 0;
	*version = f->version;
	err->msg[0] = '\0';
	if (mkdir(dir, 0755) && errno != EEXIST) {
		rc = fc_failk(err, FC_EIO, _("cannot create %s: %s"), dir, strerror(errno));
		goto out;
	}
	if ((rc = load_current(target, &current, err)))
		goto out;
	if (!f->version) { /* numbered beside the copy there (numbering.c) */
		if ((rc = form_number(f, current, &numbered, err)))
			goto out;
		f = &numbered;
		*version = f->version;
	}
	rc = may_replace(f, current, err);
	if (rc) {
		*already = rc > 0;
		rc = rc > 0 ? 0 : -1;
		goto out;
	}
	if ((rc = write_form(f, tmp, err)))
		goto out;
	had = rename(target, old) == 0;
	if (rename(tmp, target)) {
		rc = fc_failk(err, FC_EIO, _("cannot move %s into place: %s"), target, strerror(errno));
		if (had)
			rename(old, target);
		remove_tree(tmp);
		goto out;
	}
	if (had)
		remove_tree(old);
	if (file_fsync_dir(dir))
		rc = fc_failk(err, FC_EIO, _("cannot sync %s: %s"), dir, strerror(errno));
out:
	form_free(current);
	free(numbered.settings_csv);
	free(dir);
	free(target);
	free(tmp);
	free(old);
	return rc;
}
