/* tui_main.h - the terminal UI's entry point, for main() (tui/main.c).
 * No curses here: main.c chooses between the UI and the command line
 * without including either's internals. */
#ifndef FC_TUI_MAIN_H
#define FC_TUI_MAIN_H

#include "core/err.h"

/* Runs the terminal UI on the workspace folder until the user quits.
 * Returns 0, or -1 with err when it could not start (no terminal, the
 * workspace cannot be opened); the caller prints it. */
int tui_main(const char *workspace, struct fc_err *err);

#endif
