/* tui_main.c - starting and stopping the terminal UI: the workspace, the
 * language and theme saved in it, and ncurses. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui_main.h"
#include "ui.h"
#include "ui_screens.h"
#include "forms/inspect/inspect.h"

static void load_settings(struct ui *ui)
{
	struct fc_err err;
	char *v = NULL;

	ui->locale_lang = form_lang_locale();
	ui->lang = ui->locale_lang;
	if (store_meta_get(ui->ws->store, "ui.lang", &v, &err) == 0 && v &&
	    form_lang_of(v).code[0])
		ui->lang = form_lang_of(v);
	free(v);
	v = NULL;
	ui->theme = THEME_NORMAL;
	if (store_meta_get(ui->ws->store, "ui.theme", &v, &err) == 0 && v)
		ui_theme_parse(v, &ui->theme);
	free(v);
}

static SCREEN *start(void)
{
	SCREEN *scr = newterm(NULL, stdout, stdin);

	if (!scr)
		return NULL;
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		  | BUTTON5_PRESSED
#endif
		  , NULL);
	return scr;
}

int tui_main(const char *workspace, struct fc_err *err)
{
	struct ui ui;
	SCREEN *scr;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return fc_fail(err, "the terminal UI needs a terminal; "
			       "'fieldcheck --help' lists the commands");
	memset(&ui, 0, sizeof ui);
	if (workspace_open(workspace, &ui.ws, err))
		return -1;
	if (clock_today(ui.today, err)) {
		workspace_close(ui.ws);
		return -1;
	}
	load_settings(&ui);
	ui_lang_apply(ui.lang);
	scr = start();
	if (!scr) {
		const char *term = getenv("TERM");
		workspace_close(ui.ws);
		return fc_fail(err, "cannot drive this terminal (TERM=%s)", term ? term : "");
	}
	ui_theme_apply(&ui);
	if (ui.ws->supervisor)   /* a supervisor comes for the figures; Esc goes Home */
		ui_dashboard(&ui);
	if (!ui.quit)
		ui_home(&ui);
	endwin();
	delscreen(scr);
	workspace_close(ui.ws);
	return 0;
}
