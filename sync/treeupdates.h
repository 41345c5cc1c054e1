/* treeupdates.h - changes to a tree gathered for one
 * git_tree_create_updated call: the updates and the paths they own. */
#ifndef FC_TREEUPDATES_H
#define FC_TREEUPDATES_H

#include <git2.h>

struct tree_updates {
	git_tree_update *u;
	char **paths;                /* u[i].path points into paths[i] */
	size_t n, alloc;             /* alloc: of both arrays */
};

/* Adds an upsert of blob `id` (a plain file) or, with id NULL, a removal. */
void tree_updates_add(struct tree_updates *t, git_tree_update_t action, const git_oid *id,
		      const char *path);
void tree_updates_release(struct tree_updates *t);

#endif
