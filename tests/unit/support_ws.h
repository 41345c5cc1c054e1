/* support_ws.h - a workspace in a fresh folder, for the unit tests that need
 * a store (support_ws.c): the same setup and teardown every such test had
 * written out. */
#ifndef FC_TEST_SUPPORT_WS_H
#define FC_TEST_SUPPORT_WS_H

#include "support.h"
#include "core/workspace.h"

/* Fails the test with err's message when rc is not 0 (a macro, so cmocka
 * names the caller's line). */
#define test_must(rc, err) do { if (rc) fail_msg("%s", (err)->msg); } while (0)

/* A new workspace in a new temporary folder (*dir, free() it), opened into
 * *ws as `me` (a supervisor's when `supervisor`), the clock fixed at `now`
 * through FIELDCHECK_NOW (NULL: the real clock).  Fails the test if it
 * cannot. */
void test_ws_open(char **dir, struct fc_workspace **ws, const struct fc_person *me,
		  int supervisor, const char *now);
/* Closes ws, removes the folder and frees dir; unsets FIELDCHECK_NOW. */
void test_ws_close(char *dir, struct fc_workspace *ws);

#endif
