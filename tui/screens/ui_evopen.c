/* ui_evopen.c - opening a file attached as evidence with the desktop's
 * viewer (xdg-open).  The file opened is the one kept in the evidence store,
 * hashed again first (evidence_open), so what the viewer shows is what the
 * record names; it is run by fork and exec with the path as its one
 * argument, never through a shell (a name comes from anyone's record).  A
 * file not on this laptop is fetched first, as `evidence fetch` does
 * (sync/evfetch.h), when the officer agrees.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui_dialog.h"
#include "ui_screens.h"
#include "core/evidence_store.h"
#include "core/strbuf.h"
#include "core/words.h"
#include "sync/evfetch.h"

#define VIEWER "xdg-open"

/* Whether an executable `name` is in a folder of $PATH. */
static int on_path(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	int found = 0;

	for (p = path ? path : ""; !found && *p; p = *end ? end + 1 : end) {
		char *file;
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		file = xstrfmt("%.*s/%s", (int)(end - p), end == p ? "." : p, name);
		found = access(file, X_OK) == 0;
		free(file);
	}
	return found;
}

/* Runs the viewer on path with the screen handed back to the terminal
 * meanwhile (a viewer may be a terminal program); its exit status, or -1. */
static int run_viewer(const char *path)
{
	pid_t pid;
	int status = 0;

	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		execlp(VIEWER, VIEWER, path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* Fetches the files of the record from the central, saying what became
 * of them; 0 when the one wanted is here afterwards. */
static int fetch(struct ui *ui, const struct evidence_store *es, const char *kind,
		 const char *id, const struct fc_attachment *a)
{
	struct evfetch_target t = { kind, id };
	struct evfetch_result res;
	struct fc_err err = { 0 };
	char size[32];
	int rc;

	size_words(a->size, size, sizeof size);
	ui_info(ui, _("Fetching %s (%s)..."), a->name, size);
	refresh();
	rc = evfetch_run(ui->ws, &t, 1, NULL, &res, &err);
	if (rc)
		ui_error_err(ui, &err);
	else if (!evidence_has(es, a->sha256))
		ui_error(ui, _("%s is still not on this laptop: %zu refused, %zu on no remote"),
			 a->name, res.refused, res.missing);
	evfetch_result_release(&res);
	return rc || !evidence_has(es, a->sha256) ? -1 : 0;
}

static void open_one(struct ui *ui, const struct evidence_store *es, const char *kind,
		     const char *id, const struct fc_attachment *a)
{
	struct fc_err err = { 0 };
	char *path;
	int fd, rc;

	if (!evidence_has(es, a->sha256)) {
		if (ui_confirm(ui, a->name, _("This file is not on this laptop. Fetch it from the "
					      "central?"), 1) != 1 ||
		    fetch(ui, es, kind, id, a))
			return;
	}
	if (evidence_open(es, a->sha256, &fd, NULL, &err)) {
		ui_error_err(ui, &err);
		return;
	}
	close(fd);
	path = evidence_path(es, a->sha256);
	if (!path)
		return;
	if (!on_path(VIEWER))
		ui_info(ui, _("no viewer on this laptop: the file is at %s"), path);
	else if ((rc = run_viewer(path)) != 0)
		ui_error(ui, _("the viewer failed (%d): the file is at %s"), rc, path);
	else
		ui_info(ui, _("Opened %s"), a->name);
	free(path);
}

void ui_open_file(struct ui *ui, const struct fc_attachment *list, size_t n, const char *kind,
		  const char *id)
{
	struct evidence_store es;
	struct fc_err err = { 0 };
	const char **labels;
	char size[32];
	size_t i;
	int k = 0;

	if (!n) {
		ui_info(ui, "%s", _("No files attached"));
		return;
	}
	if (n > 1) {
		labels = xcalloc(n, sizeof *labels);
		for (i = 0; i < n; i++)
			labels[i] = xstrfmt("%s · %s · %s", list[i].name, list[i].type,
					    size_words(list[i].size, size, sizeof size));
		k = ui_choose(ui, _("Open which file?"), labels, n, 0);
		for (i = 0; i < n; i++)
			free((char *)labels[i]);
		free(labels);
		if (k < 0)
			return;
	}
	if (evidence_store_open(ui->ws, &es, &err)) {
		ui_error_err(ui, &err);
		return;
	}
	open_one(ui, &es, kind, id, &list[k]);
	evidence_store_release(&es);
}
