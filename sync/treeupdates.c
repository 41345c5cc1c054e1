/* treeupdates.c - changes to a tree, gathered (see treeupdates.h). */
#include "treeupdates.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

void tree_updates_add(struct tree_updates *t, git_tree_update_t action, const git_oid *id,
		      const char *path)
{
	size_t had = t->alloc;

	ALLOC_GROW(t->u, t->n + 1, t->alloc);
	if (t->alloc != had)
		t->paths = xreallocarray(t->paths, t->alloc, sizeof *t->paths);
	t->paths[t->n] = xstrdup(path);
	memset(&t->u[t->n], 0, sizeof t->u[t->n]);
	t->u[t->n].action = action;
	if (id)
		git_oid_cpy(&t->u[t->n].id, id);
	t->u[t->n].filemode = GIT_FILEMODE_BLOB;
	t->u[t->n].path = t->paths[t->n];
	t->n++;
}

void tree_updates_release(struct tree_updates *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->paths[i]);
	free(t->paths);
	free(t->u);
	memset(t, 0, sizeof *t);
}
