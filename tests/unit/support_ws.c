/* support_ws.c - a workspace for the unit tests (see support_ws.h). */
#include "support_ws.h"

#include <stdlib.h>

void test_ws_open(char **dir, struct fc_workspace **ws, const struct fc_person *me,
		  int supervisor, const char *now)
{
	struct fc_err err = { 0 };

	if (now)
		setenv("FIELDCHECK_NOW", now, 1);
	*dir = test_tmpdir();
	test_must(workspace_init(*dir, me, supervisor, &err), &err);
	test_must(workspace_open(*dir, ws, &err), &err);
}

void test_ws_close(char *dir, struct fc_workspace *ws)
{
	workspace_close(ws);
	test_rmrf(dir);
	free(dir);
	unsetenv("FIELDCHECK_NOW");
}
