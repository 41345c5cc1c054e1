/* exedir.h - data found beside the running binary, in its build tree.
 *
 * `make && ./fieldcheck` should use the tree's own data (the translations
 * the build compiled, the shipped checklists) rather than installed copies,
 * which may be missing or older.  The binary's folder comes from
 * /proc/self/exe, never from the current directory: fieldcheck run inside
 * someone else's folder must not pick up forms lying there.  An installed
 * binary has nothing of the kind beside it and keeps the installed paths.
 */
#ifndef FC_EXEDIR_H
#define FC_EXEDIR_H

#include <stddef.h>

/* The folder of the running binary, as a new string; NULL when unknown. */
char *exe_dir(void);

/* The first of the n paths rel[] (relative to the binary's folder) that
 * has(path) accepts, or that is a folder when has is NULL, as a new string
 * without "." or ".." in it; NULL when none is. */
char *exe_find_beside(const char *const *rel, size_t n, int (*has)(const char *path));

#endif
