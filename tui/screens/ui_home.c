/* ui_home.c - the first screen: who is signed in, where the data lives, what
 * is waiting (drafts, open and overdue hazards, changes not yet sent to the
 * central repository, conflicting answers), and where to go from here.
 *
 * The counts are read when the screen is entered and each time the user
 * comes back to it, not on every redraw.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui_data.h"
#include "ui_labels.h"
#include "ui_list.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/enterprise.h"
#include "core/inspection.h"
#include "core/recordio.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect.h"
#include "sync/sync.h"

enum action {
	A_CONTINUE, A_NEW, A_DRAFTS, A_HAZARDS, A_DASHBOARD, A_SYNC, A_CONFLICTS, A_SETTINGS, A_QUIT,
	A_COUNT
};

struct home {
	struct data_counts counts;
	int counts_ok;
	struct sync_status sync;       /* last sync, what waits to be sent */
	int sync_ok, has_remote;
	long conflicts;                /* drafts with conflicting answers */
	char draft[FC_UUID_LEN + 1];   /* the draft to continue, or "" */
	char draft_label[400];
	struct ui_list menu;           /* over the actions shown */
	enum action shown[A_COUNT];
	int menu_y;
	int supervisor;                /* the workspace's role (mode) */
};

/* The request of action a is REQ(a); REQ_CHOOSE is the action under the
 * cursor. */
#define REQ(a) (UI_REQ_SCREEN + (a))
#define REQ_CHOOSE REQ(A_COUNT)
#define REQ_NOT_HERE REQ(A_COUNT + 1)   /* n in a supervisor's workspace */

/* The keys that depend on the role: a supervisor's workspace starts no
 * inspection, so New is neither offered nor on the bar there. */
enum { M_INSPECTOR = 1, M_SUPERVISOR = 2 };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 7, 0 },
	{ { 'c', 'C' }, REQ(A_CONTINUE), NULL, NULL, "c",
	  N_("continue the last draft, where it was left"), 0, 0 },
	{ { UI_FN(KEY_F(2)), 'n', 'N' }, REQ(A_NEW), "F2", N_("New"), "n  F2",
	  N_("start a new inspection"), 6, M_INSPECTOR },
	{ { UI_FN(KEY_F(2)), 'n', 'N' }, REQ_NOT_HERE, NULL, NULL, NULL, NULL, 0, M_SUPERVISOR },
	{ { UI_FN(KEY_F(3)), 'd', 'D' }, REQ(A_DRAFTS), "F3", N_("Drafts"), "d  F3",
	  N_("drafts and finished inspections"), 5, 0 },
	{ { UI_FN(KEY_F(4)), 'h', 'H' }, REQ(A_HAZARDS), "F4", N_("Hazards"), "h  F4",
	  N_("hazards: open, overdue, major; their closed loop"), 4, 0 },
	{ { UI_FN(KEY_F(6)), 'f', 'F' }, REQ(A_DASHBOARD), NULL, NULL, "f  F6",
	  N_("figures for a period, bar charts, the records behind them"), 0, 0 },
	{ { UI_FN(KEY_F(5)), 'y', 'Y' }, REQ(A_SYNC), "F5", N_("Sync"), "y  F5",
	  N_("sync: send what changed to the central repository, bring what "
	     "others sent"), 3, 0 },
	{ { 'r', 'R' }, REQ(A_CONFLICTS), NULL, NULL, "r",
	  N_("resolve answers given differently on two devices"), 0, 0 },
	{ { UI_FN(KEY_F(9)), 's', 'S' }, REQ(A_SETTINGS), "F9", N_("Settings"), "s  F9",
	  N_("settings: identity, language, theme"), 2, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_CHOOSE, NULL, NULL, "Up Down Enter",
	  N_("choose an action"), 0, 0 },
	{ { UI_FN(KEY_F(10)), 'q', 'Q' }, REQ(A_QUIT), "F10", N_("Quit"), "q  F10",
	  N_("quit (everything is saved already)"), 9, 0 },
	{ { UI_ESC }, UI_REQ_NONE, NULL, NULL, NULL, NULL, 0, 0 },  /* home stays */
};

static const char *action_label(enum action a)
{
	static const char *const labels[A_COUNT] = {
		N_("Continue the last draft"), N_("New inspection"),
		N_("Drafts and inspections"), N_("Hazards"), N_("Figures for a period (dashboard)"),
		N_("Sync with the central repository"), N_("Resolve conflicting answers"),
		N_("Settings"), N_("Quit"),
	};
	return _(labels[a]);
}

static const char *action_key(enum action a)
{
	static const char *const k[A_COUNT] = { "c", "n", "d", "h", "f", "y", "r", "s", "q" };
	return k[a];
}

/* "2026-11-28 09:30 · 华东化工 · 危险化学品充装检查表": which draft c opens. */
static void draft_label(struct ui *ui, struct home *h, const struct fc_inspection *in)
{
	struct fc_enterprise e;
	struct fc_err err;
	struct form *f = inspect_form(ui->ws, in->form_id, in->form_version, &err);
	char when[UI_WHEN_LEN];
	int have_e = enterprise_get(ui->ws->store, in->enterprise, &e, &err) == 0;

	snprintf(h->draft_label, sizeof h->draft_label, "%s · %s · %s",
		 ui_when(in->created_at, when, sizeof when), have_e ? e.name : in->enterprise,
		 f ? form_text(f, &f->title, ui->lang) : in->form_id);
	if (have_e)
		enterprise_clear(&e);
	form_free(f);
}

/* The draft c continues: the one open last, or, when that one is no
 * longer a draft (finalized since, or never here), the newest draft, so
 * c stays while drafts remain. */
static void find_draft(struct ui *ui, struct home *h)
{
	struct fc_inspection in;
	struct data_insp d = { 0 };
	struct fc_err err;
	char *id = data_last_draft(ui->ws);
	int got = id && strlen(id) == FC_UUID_LEN &&
		  inspection_get(ui->ws->store, id, &in, &err) == 0;

	h->draft[0] = '\0';
	if (got && in.status != INSP_DRAFT) {
		inspection_clear(&in);
		got = 0;
	}
	if (!got && data_insp_more(ui->ws->store, "draft", &d, 1, &err) == 0 && d.n)
		got = inspection_get(ui->ws->store, d.rows[0].id, &in, &err) == 0;
	data_insp_release(&d);
	free(id);
	if (!got)
		return;
	memcpy(h->draft, in.id, sizeof h->draft);
	draft_label(ui, h, &in);
	inspection_clear(&in);
}

/* The sync status: sync_status, and whether a remote is set up.  Both read
 * the replica's git config, where libgit2 1.5 (Debian 12) leaks about 20 KiB
 * a config entry; so they are read when Home opens and after the sync
 * screen, and other returns only count the records waiting (the store's
 * outbox: only a sync changes the rest). */
static void read_sync(struct ui *ui, struct home *h, int full)
{
	struct sync_remote *rl = NULL;
	struct fc_err err = { 0 };
	size_t n = 0;

	if (!full) {
		if (h->sync_ok && outbox_count(ui->ws->store, &n, &err) == 0)
			h->sync.records_waiting = n;
		h->conflicts = ui_conflicts_count(ui);
		return;
	}
	h->sync_ok = sync_status(ui->ws, &h->sync, &err) == 0;
	if (!h->sync_ok)
		ui_error_err(ui, &err);
	h->has_remote = h->sync.has_replica && sync_remote_list(ui->ws, &rl, &n, &err) == 0 && n;
	sync_remote_list_free(rl, n);
	h->conflicts = ui_conflicts_count(ui);
}

static void refresh_data(struct ui *ui, struct home *h, int full_sync)
{
	struct fc_err err = { 0 };
	size_t n = 0;
	int a;

	h->counts_ok = data_counts(ui->ws, ui->today, &h->counts, &err) == 0;
	if (!h->counts_ok)
		ui_error_err(ui, &err);
	find_draft(ui, h);
	read_sync(ui, h, full_sync);
	for (a = 0; a < A_COUNT; a++)
		if ((a != A_CONTINUE || h->draft[0]) && (a != A_CONFLICTS || h->conflicts) &&
		    (a != A_NEW || !ui->ws->supervisor))
			h->shown[n++] = (enum action)a;
	h->menu.n = n;
	ui_list_clamp(&h->menu, (int)n);
}

static void paint_who(struct ui *ui, int y)
{
	const struct fc_person *me = &ui->ws->me;
	int x = 2, lw = 14;
	char buf[64];

	ui_put(y, x, _("Signed in"), lw, ui->attr[R_DIM]);
	x += lw + 1;
	x += ui_put(y, x, me->name, COLS - x - 1, ui->attr[R_SECTION]) + 2;
	snprintf(buf, sizeof buf, "(%s)", me->badge);
	x += ui_put(y, x, buf, COLS - x - 1, ui->attr[R_NORMAL]) + 2;
	ui_put(y, x, me->dept, COLS - x - 1, ui->attr[R_NORMAL]);
	ui_put(y + 1, 2, _("Workspace"), lw, ui->attr[R_DIM]);
	ui_put(y + 1, lw + 3, ui->ws->dir, COLS - lw - 4, ui->attr[R_NORMAL]);
}

static void paint_counts(struct ui *ui, const struct home *h, int y)
{
	char buf[200];

	if (!h->counts_ok)
		return;
	snprintf(buf, sizeof buf, _("Drafts: %ld"), h->counts.drafts);
	ui_put(y, 2, buf, COLS / 2 - 2, ui->attr[R_NORMAL]);
	snprintf(buf, sizeof buf, _("Open hazards: %ld"), h->counts.open);
	ui_put(y, COLS / 2, buf, COLS / 2 - 1, ui->attr[R_NORMAL]);
	snprintf(buf, sizeof buf, _("Overdue: %ld"), h->counts.overdue);
	ui_put(y + 1, 2, buf, COLS / 2 - 2, ui->attr[h->counts.overdue ? R_WARN : R_NORMAL]);
	snprintf(buf, sizeof buf, _("Major, open: %ld"), h->counts.major);
	ui_put(y + 1, COLS / 2, buf, COLS / 2 - 1, ui->attr[h->counts.major ? R_WARN : R_NORMAL]);
}

/* "last 2026-11-28 09:30 · to send: 3 records, 1 commit" */
static void sync_text(struct ui *ui, const struct home *h, char *buf, size_t size)
{
	char when[40], waiting[200];

	if (h->sync.last[0])
		ui_when(h->sync.last, when, sizeof when);
	else
		snprintf(when, sizeof when, "%s", _("never"));
	if (ui->ws->supervisor) {
		snprintf(buf, size, _("last %s · pulls only"), when);
		return;
	}
	ui_sync_waiting(&h->sync, waiting, sizeof waiting);
	snprintf(buf, size, _("last %s · to send: %s"), when, waiting);
}

/* Last sync and what waits to be sent; the drafts with conflicting answers.
 * Returns the rows used. */
static int paint_sync(struct ui *ui, const struct home *h, int y)
{
	char buf[300];
	int waiting = h->sync.records_waiting || h->sync.commits_waiting, used = 1;

	ui_put(y, 2, _("Sync"), 14, ui->attr[R_DIM]);
	if (!h->sync_ok)
		return 1;
	if (!h->has_remote) {
		ui_put(y, 17, _("not set up: add a remote with"), COLS - 18, ui->attr[R_DIM]);
		ui_put(y + 1, 17, "`fieldcheck remote add origin URL`", COLS - 18, ui->attr[R_DIM]);
		used = 2;
	} else {
		sync_text(ui, h, buf, sizeof buf);
		ui_put(y, 17, buf, COLS - 18, ui->attr[waiting ? R_WARN : R_NORMAL]);
	}
	if (!h->conflicts)
		return used;
	snprintf(buf, sizeof buf, ngettext("%ld inspection has conflicting answers: r resolves",
					   "%ld inspections have conflicting answers: r resolves",
					   (unsigned long)h->conflicts), h->conflicts);
	ui_put(y + used, 17, buf, COLS - 18, ui->attr[R_WARN]);
	return used + 1;
}

static void paint_menu(struct ui *ui, struct home *h, int y)
{
	int rows = LINES - 2 - y, r;

	h->menu_y = y;
	ui_list_clamp(&h->menu, rows);
	for (r = 0; r < rows && h->menu.top + (size_t)r < h->menu.n; r++) {
		size_t i = h->menu.top + (size_t)r;
		enum action a = h->shown[i];
		attr_t at = ui->attr[i == h->menu.cur ? R_SELECT : R_NORMAL];
		int x = 4;
		ui_fill(y + r, 2, COLS - 4, at);
		x += ui_put(y + r, x, action_key(a), 2, at | A_BOLD) + 2;
		x += ui_put(y + r, x, action_label(a), COLS - x - 2, at);
		if (a == A_CONTINUE)
			ui_put(y + r, x + 2, h->draft_label, COLS - x - 5, at);
	}
}

static void paint(struct ui *ui, void *ctx)
{
	struct home *h = ctx;
	int y = 2;

	ui_title(ui, "fieldcheck", ui->today);
	paint_who(ui, y);
	y += 3;
	if (LINES >= 18) {
		paint_counts(ui, h, y);
		y += 3;
		y += paint_sync(ui, h, y) + 1;
	} else if (LINES >= 14) {
		paint_counts(ui, h, y);
		y += 2;
	}
	paint_menu(ui, h, y);
}

/* Runs an action; returns 1 to leave the program. */
static int run(struct ui *ui, struct home *h, enum action a)
{
	char id[FC_UUID_LEN + 1];

	switch (a) {
	case A_CONTINUE:
		if (h->draft[0])
			ui_open_inspection(ui, h->draft);
		break;
	case A_NEW:
		if (ui_new(ui, id) == 0 && !ui->quit)
			ui_walk(ui, id);
		break;
	case A_DRAFTS: ui_drafts(ui); break;
	case A_HAZARDS: ui_hazards(ui, NULL); break;
	case A_DASHBOARD: ui_dashboard(ui); break;
	case A_SYNC: ui_sync(ui); break;
	case A_CONFLICTS: ui_conflicts(ui); break;
	case A_SETTINGS: ui_settings(ui); break;
	case A_QUIT: return 1;
	case A_COUNT: break;
	}
	return ui->quit;
}

/* An action asked by its key, by Enter or by a click on the menu. */
static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct home *h = ctx;
	int a = req - UI_REQ_SCREEN, menu_h = LINES - 2 - h->menu_y;

	if (req == REQ_NOT_HERE) {
		ui_info(ui, "%s", _("A supervisor's workspace reviews what inspectors send; "
				    "inspections are started on an inspector's workspace."));
		return 0;
	}
	if (req == UI_REQ_NONE) {
		if (ui_list_key(&h->menu, key, menu_h) || key != UI_FN(KEY_MOUSE) ||
		    !ui_list_click(&h->menu, ui, h->menu_y, menu_h))
			return 0;
		a = (int)h->shown[h->menu.cur];
	} else if (req == REQ_CHOOSE) {
		if (!h->menu.n)
			return 0;
		a = (int)h->shown[h->menu.cur];
	}
	if ((a == A_CONTINUE && !h->draft[0]) || (a == A_CONFLICTS && !h->conflicts))
		return 0;
	if (run(ui, h, (enum action)a))
		return 1;
	refresh_data(ui, h, a == A_SYNC);
	return 0;
}

static unsigned mode(void *ctx)
{
	return ((struct home *)ctx)->supervisor ? M_SUPERVISOR : M_INSPECTOR;
}

static const struct ui_screen screen = {
	N_("Home: keys"), keys, ARRAY_SIZE(keys), paint, act, mode, NULL,
};

void ui_home(struct ui *ui)
{
	struct home h;

	memset(&h, 0, sizeof h);
	h.supervisor = ui->ws->supervisor;
	refresh_data(ui, &h, 1);
	ui_run(ui, &screen, &h);
	ui_list_release(&h.menu);
}
