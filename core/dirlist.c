/* dirlist.c - reading a folder for the file chooser (dirlist.h). */
#include "dirlist.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "strbuf.h"
#include "text.h"

/* Folders by name first, then files newest first (then by name). */
static int entry_cmp(const void *pa, const void *pb)
{
	const struct dirlist_entry *a = pa, *b = pb;

	if (a->is_dir != b->is_dir)
		return a->is_dir ? -1 : 1;
	if (!a->is_dir && a->mtime != b->mtime)
		return a->mtime > b->mtime ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* One entry of the folder open as dfd: a folder or a regular file (links
 * followed, as a user expects of ~/Pictures); 0 when it is neither. */
static int entry_of(int dfd, const char *name, struct dirlist_entry *e)
{
	struct stat st;

	if (fstatat(dfd, name, &st, 0) || !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)))
		return 0;
	e->name = xstrdup(name);
	e->is_dir = S_ISDIR(st.st_mode);
	e->size = (long long)st.st_size;
	e->mtime = st.st_mtime;
	return 1;
}

int dirlist_read(const char *dir, struct dirlist *out, struct fc_err *err)
{
	size_t alloc = 0;
	struct dirent *d;
	DIR *dp;

	memset(out, 0, sizeof *out);
	if (!(dp = opendir(dir)))
		return fc_failk(err, errno == ENOENT ? FC_ENOTFOUND : FC_EFAIL,
				_("cannot open the folder %.300s: %s"), dir, strerror(errno));
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		if (text_check(d->d_name, strlen(d->d_name), TEXT_LINE, 255, "", NULL)) {
			out->unnamed++;
			continue;
		}
		if (out->n == DIRLIST_READ_MAX) {
			out->more++;
			continue;
		}
		ALLOC_GROW(out->e, out->n + 1, alloc);
		out->n += entry_of(dirfd(dp), d->d_name, &out->e[out->n]);
	}
	closedir(dp);
	if (out->n)
		qsort(out->e, out->n, sizeof *out->e, entry_cmp);
	while (out->n > DIRLIST_MAX) /* the oldest go */
		free(out->e[--out->n].name), out->more++;
	return 0;
}

void dirlist_release(struct dirlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->e[i].name);
	free(l->e);
	memset(l, 0, sizeof *l);
}
