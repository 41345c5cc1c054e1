/* ui_sync.c - the sync screen: commits what changed, sends it to the central
 * repository and brings what others sent (sync_run; a supervisor's workspace
 * sends its own writing too, unless it pulls several centrals), then says what arrived, from whom, what clashed, what was
 * refused and put aside, and, offline, how many commits wait to be sent.
 *
 * The sync blocks for as long as the network takes.  Its progress is drawn
 * from inside libgit2's transfer callbacks, at most every 50 ms, and a
 * resize seen there repaints at the new size; keys typed meanwhile are
 * dropped when it ends, so an impatient Esc does not hide the result.
 * Everything that came from a remote (authors, notes, quarantined paths) is
 * drawn through ui_put, never raw.  While the sync runs, stderr points at a
 * temporary file, so nothing a library might print lands on the screen;
 * what it caught is shown with the result, which is wrapped whole and
 * scrolls by rows (ui_scroll.h) when longer than the screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <stdarg.h>

#include "ui.h"
#include "ui_labels.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "ui_scroll.h"
#include "core/strbuf.h"
#include "sync/sync.h"

#define MAX_AUTHORS 20
#define CAUGHT_MAX 2000

struct line {
	char *text;
	enum ui_role role;
};

struct sync_view {
	struct ui *ui;
	struct sync_status st;
	int st_ok;
	char remote[600];          /* "origin  URL", or "" when none is set up */
	const char *state;         /* what is going on, translated */
	enum ui_role state_role;
	const char *phase;         /* "receiving", "sending", or NULL */
	int running;               /* the sync is under way */
	size_t done, total, bytes;
	struct timespec drawn;     /* when progress was last drawn */
	struct line *lines;        /* the result */
	size_t n_lines;
	struct ui_scroll sc;       /* the result's rows in view */
	int y0;
	long conflicted;           /* inspections with conflicting answers */
};

enum { REQ_AGAIN = UI_REQ_SCREEN, REQ_CONFLICTS };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 1, 0 },
	{ { UI_FN(KEY_F(5)), 'y', 'Y' }, REQ_AGAIN, "F5", N_("Sync again"), "F5  y",
	  N_("sync again: send what changed, bring what others sent"), 3, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_CONFLICTS, "Enter", N_("Conflicts"), "Enter",
	  N_("the inspections with conflicting answers, to resolve them"), 2, 0 },
	{ { 0 }, UI_REQ_NONE, NULL, NULL, "Up Down PgUp PgDn", N_("scroll the result"), 0, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Back"), "Esc",
	  N_("back (the sync is done; nothing waits on this screen)"), 9, 0 },
};

static void add_line(struct sync_view *v, enum ui_role role, const char *fmt, ...)
	FC_PRINTF(3, 4);

static void add_line(struct sync_view *v, enum ui_role role, const char *fmt, ...)
{
	va_list ap;

	v->lines = xrealloc(v->lines, (v->n_lines + 1) * sizeof *v->lines);
	va_start(ap, fmt);
	v->lines[v->n_lines].text = xstrvfmt(fmt, ap);
	va_end(ap);
	v->lines[v->n_lines++].role = role;
}

static void clear_lines(struct sync_view *v)
{
	size_t i;

	for (i = 0; i < v->n_lines; i++)
		free(v->lines[i].text);
	free(v->lines);
	v->lines = NULL;
	v->n_lines = v->sc.top = 0;
}

/* The status before and after: last sync, what waits, the remote. */
static void read_status(struct sync_view *v)
{
	struct sync_remote *rl = NULL;
	struct fc_err err = { 0 };
	size_t n = 0;

	v->st_ok = sync_status(v->ui->ws, &v->st, &err) == 0;
	v->remote[0] = '\0';
	if (sync_remote_list(v->ui->ws, &rl, &n, &err) == 0 && n)
		snprintf(v->remote, sizeof v->remote, n > 1 ? "%s  %s  (+%zu)" : "%s  %s", rl[0].name,
			 rl[0].url, n - 1);
	sync_remote_list_free(rl, n);
	v->conflicted = ui_conflicts_count(v->ui);
}

void ui_sync_waiting(const struct sync_status *st, char *buf, size_t size)
{
	char records[80];

	snprintf(records, sizeof records, ngettext("%zu record", "%zu records",
						   st->records_waiting), st->records_waiting);
	snprintf(buf, size, ngettext("%s, %zu commit", "%s, %zu commits", st->commits_waiting),
		 records, st->commits_waiting);
}

static void paint_status(struct ui *ui, struct sync_view *v, int y)
{
	const int lw = 20;
	char buf[200];

	ui_put(y, 2, _("Central repository"), lw, ui->attr[R_DIM]);
	ui_put(y, lw + 3, v->remote[0] ? v->remote : _("not set up"), COLS - lw - 4,
	       ui->attr[v->remote[0] ? R_NORMAL : R_WARN]);
	ui_put(y + 1, 2, _("Last sync"), lw, ui->attr[R_DIM]);
	if (v->st_ok && v->st.last[0])
		ui_when(v->st.last, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", _("never"));
	ui_put(y + 1, lw + 3, buf, COLS - lw - 4, ui->attr[R_NORMAL]);
	if (v->conflicted) {
		snprintf(buf, sizeof buf, ngettext("%ld inspection has conflicting answers: Enter "
						   "lists it", "%ld inspections have conflicting "
						   "answers: Enter lists them",
						   (unsigned long)v->conflicted), v->conflicted);
		ui_put(y + 3, lw + 3, buf, COLS - lw - 4, ui->attr[R_WARN]);
	}
	if (!v->st_ok)
		return;
	ui_put(y + 2, 2, _("Waiting to be sent"), lw, ui->attr[R_DIM]);
	ui_sync_waiting(&v->st, buf, sizeof buf);
	ui_put(y + 2, lw + 3, buf, COLS - lw - 4, ui->attr[R_NORMAL]);
}

/* What goes on; with `bar`, "Receiving: 12/40 objects, 5 KiB" and a bar
 * under it. */
static void paint_progress(struct ui *ui, struct sync_view *v, int y, int bar)
{
	int w = COLS - 10, fill, i;
	char buf[200];

	ui_put(y, 2, v->state, COLS - 4, ui->attr[v->state_role]);
	if (!bar)
		return;
	snprintf(buf, sizeof buf, _("%s: %zu/%zu objects, %zu KiB"),
		 !strcmp(v->phase, "sending") ? _("Sending") : _("Receiving"), v->done, v->total,
		 v->bytes / 1024);
	ui_put(y + 1, 2, buf, COLS - 4, ui->attr[R_NORMAL]);
	if (w < 4)
		return;
	fill = v->total ? (int)((double)w * (double)v->done / (double)v->total) : 0;
	ui_put(y + 2, 2, "[", 1, ui->attr[R_NORMAL]);
	for (i = 0; i < w; i++)
		ui_put(y + 2, 3 + i, i < fill ? "#" : "-", 1, ui->attr[i < fill ? R_PASS : R_DIM]);
	ui_put(y + 2, 3 + w, "]", 1, ui->attr[R_NORMAL]);
	snprintf(buf, sizeof buf, "%3d%%", v->total ? (int)(100 * v->done / v->total) : 0);
	ui_put(y + 2, COLS - 5, buf, 4, ui->attr[R_NORMAL]);
}

/* The result whole, each line wrapped (a merge's note names an item by its
 * whole label), scrolled when longer than the screen. */
static void paint_result(struct ui *ui, struct sync_view *v)
{
	int w = COLS - 4, r;
	size_t i, row = 0, total = 0;

	for (i = 0; i < v->n_lines; i++)
		total += (size_t)((r = ui_text_rows(v->lines[i].text, w)) > 0 ? r : 1);
	ui_scroll_begin(&v->sc, total, LINES - 3 - v->y0);
	for (i = 0; i < v->n_lines; i++)
		row = ui_scroll_text(&v->sc, v->y0, row, 2, w, v->lines[i].text,
				     ui->attr[v->lines[i].role]);
	ui_scroll_note(ui, &v->sc, v->y0 + v->sc.rows);
}

static void paint(struct ui *ui, void *ctx)
{
	struct sync_view *v = ctx;
	int y = 2;

	ui_title(ui, _("Sync with the central repository"), ui->today);
	if (LINES >= 18) {   /* on a small screen the result matters more */
		paint_status(ui, v, y);
		y += 4;
	}
	/* a small screen shows the progress while it runs, then the result */
	paint_progress(ui, v, y, v->phase && (v->running || LINES >= 18));
	v->y0 = y + (v->phase && (v->running || LINES >= 18) ? 4 : 2);
	paint_result(ui, v);
}

/* While syncing: the screen as the runner paints it, key bar and all. */
static void repaint(struct ui *ui)
{
	if (!ui_too_small(ui))
		ui_paint_under(ui);
	refresh();
}

/* Picks up a resize that happened during the sync (ncurses sees it only
 * when asked for a key); other keys are dropped. */
static void poll_resize(void)
{
	wint_t wc;

	timeout(0);
	while (get_wch(&wc) != ERR)
		;
	timeout(-1);
}

static long ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000L + (now.tv_nsec - t->tv_nsec) / 1000000L;
}

/* Called from inside libgit2's fetch and push: kept cheap. */
static void on_progress(void *ctx, const char *phase, size_t done, size_t total, size_t bytes)
{
	struct sync_view *v = ctx;

	v->phase = phase && !strcmp(phase, "sending") ? "sending" : "receiving";
	v->done = done;
	v->total = total;
	v->bytes = bytes;
	if (ms_since(&v->drawn) < 50 && !(total && done == total))
		return;
	clock_gettime(CLOCK_MONOTONIC, &v->drawn);
	poll_resize();
	repaint(v->ui);
}

/* stderr into a temporary file while the sync runs. */
struct guard {
	int saved;
	FILE *tmp;
};

static void guard_on(struct guard *g)
{
	fflush(stderr);
	g->saved = dup(STDERR_FILENO);
	g->tmp = g->saved >= 0 ? tmpfile() : NULL;
	if (g->tmp && dup2(fileno(g->tmp), STDERR_FILENO) < 0) {
		fclose(g->tmp);
		g->tmp = NULL;
	}
}

/* Puts stderr back; returns what was written meanwhile (free() it), or NULL. */
static char *guard_off(struct guard *g)
{
	char *buf = NULL;
	size_t n;

	fflush(stderr);
	if (g->saved >= 0) {
		dup2(g->saved, STDERR_FILENO);
		close(g->saved);
	}
	if (!g->tmp)
		return NULL;
	rewind(g->tmp);
	buf = xmalloc(CAUGHT_MAX + 1);
	n = fread(buf, 1, CAUGHT_MAX, g->tmp);
	buf[n] = '\0';
	fclose(g->tmp);
	if (n == 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void add_sent(struct sync_view *v, const struct sync_result *res, int push, int rc)
{
	if (res->committed)
		add_line(v, R_NORMAL, ngettext("Committed %zu changed record.",
					       "Committed %zu changed records.", res->exported),
			 res->exported);
	if (res->pushed)
		add_line(v, R_PASS, ngettext("Sent to %zu remote.", "Sent to %zu remotes.",
					     res->pushed), res->pushed);
	else if (rc == 0 && push)
		add_line(v, R_NORMAL, "%s", _("Nothing to send: the central repository has it all."));
	if (push && res->files_sent)
		add_line(v, R_NORMAL, ngettext("Sent %zu evidence file.", "Sent %zu evidence files.",
					       res->files_sent), res->files_sent);
}

/* Evidence files: own ones put back into the store, others' a supervisor's
 * pull kept (sync/evfetch.c). */
static void add_files(struct sync_view *v, const struct sync_result *res)
{
	if (res->files_restored)
		add_line(v, R_NORMAL, ngettext("Put back %zu own evidence file.",
					       "Put back %zu own evidence files.",
					       res->files_restored), res->files_restored);
	if (res->files_fetched)
		add_line(v, R_NORMAL, ngettext("Fetched %zu evidence file of others.",
					       "Fetched %zu evidence files of others.",
					       res->files_fetched), res->files_fetched);
}

static void add_arrived(struct sync_view *v, const struct sync_log *rep)
{
	struct strbuf sb;
	size_t i;

	add_line(v, R_SECTION, _("Arrived: inspections %zu, hazards %zu, enterprises %zu, "
				 "forms %zu"), rep->imported_inspections, rep->imported_hazards,
		 rep->imported_enterprises, rep->imported_forms);
	if (rep->n_authors) {
		strbuf_init(&sb);
		for (i = 0; i < rep->n_authors && i < MAX_AUTHORS; i++)
			strbuf_addf(&sb, "%s%s", i ? _(", ") : "", rep->authors[i]);
		if (rep->n_authors > MAX_AUTHORS)
			strbuf_addf(&sb, _(", and %zu more"), rep->n_authors - MAX_AUTHORS);
		add_line(v, R_NORMAL, _("From: %s"), sb.buf);
		strbuf_release(&sb);
	}
	if (rep->removed_hazards)
		add_line(v, R_NORMAL, _("Hazards withdrawn: %zu"), rep->removed_hazards);
}

static void add_trouble(struct sync_view *v, const struct sync_log *rep)
{
	size_t i;

	if (rep->conflicted)
		add_line(v, R_WARN, ngettext("%zu record merged with conflicting answers: Enter "
					     "lists what to resolve.",
					     "%zu records merged with conflicting answers: Enter "
					     "lists what to resolve.", rep->conflicted),
			 rep->conflicted);
	if (rep->refused)
		add_line(v, R_WARN, ngettext("%zu finalized record arrived changed and was "
					     "refused; ours stands.",
					     "%zu finalized records arrived changed and were "
					     "refused; ours stand.", rep->refused), rep->refused);
	for (i = 0; i < rep->n_notes; i++)
		add_line(v, R_NORMAL, _("Note: %s"), rep->notes[i].text);
	if (rep->n_quarantined)
		add_line(v, R_WARN, _("Refused and put aside in %s/quarantine (%zu):"),
			 v->ui->ws->dir, rep->refused_paths);
	for (i = 0; i < rep->n_quarantined; i++)
		add_line(v, R_WARN, "  %s", rep->quarantined[i].text);
}

static void add_failure(struct sync_view *v, const struct sync_result *res, int push,
			const struct fc_err *err)
{
	add_line(v, R_ERROR, "%s", err->msg[0] ? err->msg : _("something failed"));
	if (res->records_waiting)
		add_line(v, R_WARN, ngettext("%zu changed record not yet committed: nothing of it "
					     "is lost; the next sync commits it.",
					     "%zu changed records not yet committed: nothing of them "
					     "is lost; the next sync commits them.",
					     res->records_waiting), res->records_waiting);
	if (push && res->remotes && res->reached < res->remotes)
		add_line(v, R_WARN, ngettext("%zu commit waiting to be sent: the next sync that "
					     "reaches the central repository sends it.",
					     "%zu commits waiting to be sent: the next sync that "
					     "reaches the central repository sends them.",
					     res->waiting), res->waiting);
	else if (push)
		add_line(v, R_WARN, ngettext("%zu commit waiting to be sent.",
					     "%zu commits waiting to be sent.", res->waiting),
			 res->waiting);
}

static void run_sync(struct sync_view *v)
{
	struct ui *ui = v->ui;
	struct sync_progress prog = { on_progress, v };
	struct sync_options o = { NULL, 1, &prog, 0 };
	struct sync_result res;
	struct fc_err err = { 0 };
	struct guard g;
	char *caught;
	int rc;

	clear_lines(v);
	v->phase = NULL;
	v->state = o.push ? _("Syncing: committing, fetching, merging, sending...")
		   : _("Pulling: fetching, merging...");
	v->state_role = R_INFO;
	memset(&v->drawn, 0, sizeof v->drawn);
	repaint(ui);
	guard_on(&g);
	v->running = 1;
	rc = sync_run(ui->ws, &o, &res, &err);
	v->running = 0;
	caught = guard_off(&g);
	v->state = rc == 0 ? _("Done.") : res.reached < res.remotes
		   ? _("Offline: the central repository could not be reached.")
		   : _("The sync did not finish.");
	v->state_role = rc == 0 ? R_PASS : R_ERROR;
	if (rc)
		add_failure(v, &res, o.push, &err);
	add_sent(v, &res, o.push, rc);
	add_arrived(v, &res.rep);
	add_files(v, &res);
	add_trouble(v, &res.rep);
	if (caught)
		add_line(v, R_DIM, _("Printed while syncing: %s"), caught);
	free(caught);
	sync_result_release(&res);
	read_status(v);
	flushinp();
}

static void not_set_up(struct sync_view *v)
{
	clear_lines(v);
	v->state = _("Sync is not set up.");
	v->state_role = R_WARN;
	add_line(v, R_NORMAL, "%s", _("Add the central repository on the command line, then "
				      "come back here:"));
	add_line(v, R_SECTION, "    fieldcheck remote add origin URL");
}

static void start(struct ui *ui, void *ctx)
{
	struct sync_view *v = ctx;

	(void)ui;
	read_status(v);
	if (!v->remote[0])
		not_set_up(v);
	else
		run_sync(v);
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct sync_view *v = ctx;

	if (req == REQ_AGAIN) {
		start(ui, v);
	} else if (req == REQ_CONFLICTS) {
		ui_conflicts(ui);
		read_status(v);
	} else {
		ui_scroll_key(&v->sc, key);
	}
	return 0;
}

static const struct ui_screen screen = {
	N_("Sync: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, start,
};

void ui_sync(struct ui *ui)
{
	struct sync_view v;

	memset(&v, 0, sizeof v);
	v.ui = ui;
	ui_run(ui, &screen, &v);
	clear_lines(&v);
}
