/* exedir.c - data found beside the running binary (see exedir.h). */
#include "core/exedir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/strbuf.h"

char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(*buf ? buf : "/");
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* path without "." and ".." (it names folders users read in messages);
 * as it is when realpath cannot tell.  Takes path over. */
static char *canonical(char *path)
{
	char *real = realpath(path, NULL);

	if (!real)
		return path;
	free(path);
	path = xstrdup(real);
	free(real);
	return path;
}

char *exe_find_beside(const char *const *rel, size_t n, int (*has)(const char *path))
{
	char *dir = exe_dir(), *path = NULL;
	size_t i;

	for (i = 0; dir && i < n; i++) {
		path = xstrfmt("%s/%s", dir, rel[i]);
		if (has ? has(path) : is_dir(path))
			break;
		free(path);
		path = NULL;
	}
	free(dir);
	return path ? canonical(path) : NULL;
}
