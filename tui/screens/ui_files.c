/* ui_files.c - attaching photos and files: a chooser over a folder (a
 * camera's card, ~/Pictures), newest first with size and date, several at
 * once; each chosen file is kept in the evidence store and named in the
 * record (core/evidence_store.h, core/attach.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attach.h"
#include "core/clock.h"
#include "core/dirlist.h"
#include "core/strbuf.h"
#include "core/words.h"
#include "core/workspace.h"

#include "ui_labels.h"
#include "ui_list.h"
#include "ui_run.h"
#include "ui_screens.h"

struct files {
	char *dir;
	struct dirlist d;
	unsigned char *marked;     /* per entry of d */
	size_t n_marked;
	struct ui_list l;          /* row 0 is ".." (up), then d's entries */
	int y0, h;
	char **chosen;             /* what Enter chose, NULL until then */
	size_t n_chosen;
};

enum { REQ_ENTER = UI_REQ_SCREEN, REQ_MARK, REQ_UP, REQ_HOME, REQ_FIND };

static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_F(1)), '?' }, UI_REQ_HELP, "F1", N_("Help"), NULL, NULL, 6, 0 },
	{ { '\n', UI_FN(KEY_ENTER) }, REQ_ENTER, "Enter", N_("Attach"), "Enter",
	  N_("attach the marked files, or this one; open a folder"), 9, 0 },
	{ { ' ' }, REQ_MARK, N_("Space"), N_("Mark"), N_("Space"),
	  N_("mark or unmark a file, to attach several at once"), 8, 0 },
	{ { UI_FN(KEY_BACKSPACE), 127, UI_FN(KEY_LEFT) }, REQ_UP, "Bksp", N_("Up"),
	  N_("Backspace  Left"), N_("the folder above"), 5, 0 },
	{ { '~' }, REQ_HOME, "~", N_("Home"), "~", N_("your home folder"), 2, 0 },
	{ { '/' }, REQ_FIND, "/", N_("Find"), "/", N_("find a file by its name"), 3, 0 },
	{ { UI_ESC }, UI_REQ_BACK, "Esc", N_("Cancel"), "Esc", N_("attach nothing"), 7, 0 },
};

/* Where the chooser opens: $FIELDCHECK_FILES, else ~/Pictures, else ~. */
static char *start_dir(void)
{
	const char *env = getenv("FIELDCHECK_FILES"), *home = getenv("HOME");
	struct dirlist probe;
	char *pics;

	if (env && *env)
		return xstrdup(env);
	if (!home || !*home)
		return xstrdup("/");
	pics = xstrfmt("%s/Pictures", home);
	if (dirlist_read(pics, &probe, NULL) == 0) {
		dirlist_release(&probe);
		return pics;
	}
	free(pics);
	return xstrdup(home);
}

static void load(struct ui *ui, struct files *s, const char *dir)
{
	struct fc_err err = { 0 };
	struct dirlist d;

	if (dirlist_read(dir, &d, &err)) {
		ui_error_err(ui, &err);
		return;
	}
	dirlist_release(&s->d);
	free(s->marked);
	s->d = d;
	s->marked = xcalloc(d.n + 1, 1);
	s->n_marked = 0;
	if (s->dir != dir) {
		free(s->dir);
		s->dir = xstrdup(dir);
	}
	s->l.n = d.n + 1;
	s->l.cur = d.n ? 1 : 0;
	s->l.top = 0;
	if (d.more || d.unnamed)
		ui_info(ui, _("%zu newest shown; %zu more, %zu with names that cannot be shown"),
			d.n, d.more, d.unnamed);
}

static void paint_row(struct ui *ui, struct files *s, size_t i, int y)
{
	int sel = i == s->l.cur, x = 1;
	attr_t a = ui->attr[sel ? R_SELECT : R_NORMAL];
	const struct dirlist_entry *e;
	char size[24], ts[FC_TIMESTAMP_LEN + 1], when[40], name[300];

	ui_fill(y, 0, COLS, a);
	if (i == 0) {
		ui_put(y, 5, _(".. (the folder above)"), COLS - 6, sel ? a : ui->attr[R_DIM]);
		return;
	}
	e = &s->d.e[i - 1];
	x += ui_put(y, x, e->is_dir ? "   " : s->marked[i - 1] ? "[x]" : "[ ]", 3, a) + 1;
	snprintf(name, sizeof name, "%s%s", e->name, e->is_dir ? "/" : "");
	if (e->is_dir) {
		ui_put(y, x, name, COLS - x - 1, a);
		return;
	}
	/* the name keeps most of a narrow screen: the date goes first */
	size_words(e->size, size, sizeof size);
	when[0] = '\0';
	if (COLS >= 64 && clock_stamp((long long)e->mtime, ts, NULL) == 0)
		ui_when(ts, when, sizeof when);
	x += ui_col(y, x, name, COLS - x - 11 - (when[0] ? 17 : 0), a);
	x += ui_col(y, x, size, 9, a);
	if (when[0])
		ui_put(y, x, when, COLS - x - 1, a);
}

static void paint(struct ui *ui, void *ctx)
{
	struct files *s = ctx;
	char right[64];
	int r;

	snprintf(right, sizeof right, _("%zu marked"), s->n_marked);
	ui_title(ui, _("Attach files"), s->n_marked ? right : NULL);
	ui_put(1, 1, s->dir, COLS - 2, ui->attr[R_SECTION]);
	s->y0 = 2;
	s->h = LINES - 2 - s->y0;
	ui_list_clamp(&s->l, s->h);
	for (r = 0; r < s->h && s->l.top + (size_t)r < s->l.n; r++)
		paint_row(ui, s, s->l.top + (size_t)r, s->y0 + r);
	if (s->d.n == 0 && s->h > 1)
		ui_put(s->y0 + 1, 5, _("(nothing to attach here: Backspace goes up, ~ home)"),
		       COLS - 6, ui->attr[R_DIM]);
}

static const char *row_text(void *ctx, size_t i, char *buf, size_t size)
{
	struct files *s = ctx;
	(void)buf, (void)size;
	return i ? s->d.e[i - 1].name : "..";
}

static void go_up(struct ui *ui, struct files *s)
{
	char *up = xstrdup(s->dir), *slash = strrchr(up, '/');

	if (slash)
		*(slash == up ? slash + 1 : slash) = '\0';
	if (strcmp(up, s->dir))
		load(ui, s, up);
	free(up);
}

/* The paths Enter chooses: the marked files, else the file under the cursor. */
static void choose(struct files *s)
{
	size_t i;

	s->chosen = xcalloc(s->d.n + 1, sizeof *s->chosen);
	for (i = 0; i < s->d.n; i++)
		if (s->marked[i] || (!s->n_marked && i + 1 == s->l.cur))
			s->chosen[s->n_chosen++] = xstrfmt("%s/%s", s->dir, s->d.e[i].name);
}

static int enter(struct ui *ui, struct files *s)
{
	const struct dirlist_entry *e = s->l.cur ? &s->d.e[s->l.cur - 1] : NULL;
	char *sub;

	if (!e) {
		go_up(ui, s);
		return 0;
	}
	if (e->is_dir && !s->n_marked) {
		sub = xstrfmt("%s%s%s", s->dir, strcmp(s->dir, "/") ? "/" : "", e->name);
		load(ui, s, sub);
		free(sub);
		return 0;
	}
	choose(s);
	return s->n_chosen > 0;
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct files *s = ctx;
	size_t i = s->l.cur;

	if (req == UI_REQ_NONE) {
		ui_list_key(&s->l, key, s->h);
		if (key == UI_FN(KEY_MOUSE) && ui_list_click(&s->l, ui, s->y0, s->h) == 2)
			return enter(ui, s);
	} else if (req == REQ_ENTER) {
		return enter(ui, s);
	} else if (req == REQ_MARK && i && !s->d.e[i - 1].is_dir) {
		s->marked[i - 1] = !s->marked[i - 1];
		s->n_marked += s->marked[i - 1] ? 1 : (size_t)-1;
		if (s->l.cur + 1 < s->l.n)
			s->l.cur++;
	} else if (req == REQ_UP) {
		go_up(ui, s);
	} else if (req == REQ_HOME && getenv("HOME")) {
		load(ui, s, getenv("HOME"));
	} else if (req == REQ_FIND) {
		ui_list_search(ui, &s->l, row_text, s);
	}
	return 0;
}

static const struct ui_screen screen = {
	N_("Attach files: keys"), keys, ARRAY_SIZE(keys), paint, act, NULL, NULL,
};

/* The chosen files' folder is on the screen already: a message names a
 * file by its name alone, so it fits a narrow message line. */
static void drop_folder(char *msg, const char *dir)
{
	size_t n = strlen(dir);
	char *at;

	while ((at = strstr(msg, dir)) && at[n] == '/')
		memmove(at, at + n + 1, strlen(at + n + 1) + 1);
}

/* Keeps and attaches each chosen file; says how many, and the first
 * refusal (a file of a kind not kept, too big, attached already). */
static void attach_chosen(struct ui *ui, struct files *s, const struct ui_attach_to *to)
{
	struct evidence_store es;
	struct evidence_info info;
	struct fc_err err = { 0 }, first = { 0 };
	size_t i, done = 0;

	if (evidence_store_open(ui->ws, &es, &err)) {
		ui_error_err(ui, &err);
		return;
	}
	for (i = 0; i < s->n_chosen; i++) {
		int rc = evidence_add(&es, s->chosen[i], &info, &err);
		if (!rc)
			rc = to->hazard && to->hazard[0] ?
			     attach_to_hazard(ui->ws->store, &ui->ws->me, to->hazard, to->event, &info,
					      &err) :
			     attach_to_inspection(ui->ws->store, &ui->ws->me, to->inspection, to->item,
						  &info, &err);
		if (rc && !first.msg[0])
			first = err;
		done += rc == 0;
	}
	evidence_store_release(&es);
	drop_folder(first.msg, s->dir);
	if (first.msg[0])
		ui_error(ui, _("%zu of %zu attached; %s"), done, s->n_chosen, first.msg);
	else
		ui_info(ui, _("Files attached: %zu"), done);
}

void ui_attach_files(struct ui *ui, const struct ui_attach_to *to)
{
	struct files s;
	char *dir = start_dir();
	size_t i;

	memset(&s, 0, sizeof s);
	s.h = 1;
	load(ui, &s, dir);
	free(dir);
	if (!s.dir) /* not even the start could be read: said on the message line */
		return;
	ui_run(ui, &screen, &s);
	if (s.n_chosen)
		attach_chosen(ui, &s, to);
	for (i = 0; i < s.n_chosen; i++)
		free(s.chosen[i]);
	free(s.chosen);
	free(s.marked);
	free(s.dir);
	dirlist_release(&s.d);
	ui_list_release(&s.l);
}
