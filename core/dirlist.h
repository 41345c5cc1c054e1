/* dirlist.h - a folder's entries as a file chooser shows them: folders
 * first by name, then files newest first, each with its size and time.
 *
 * The folder is anyone's (a camera's card, a USB stick): the listing is
 * bounded (the first DIRLIST_MAX in that order, the rest counted), hidden
 * entries are left out, and a name that is no clean text (invalid UTF-8, control or bidi
 * characters: core/text.h) is counted, not listed, since it could not be
 * shown safely or kept as a file's name. */
#ifndef FC_DIRLIST_H
#define FC_DIRLIST_H

#include <stddef.h>
#include <time.h>

#include "err.h"

#define DIRLIST_MAX 5000
/* Entries read to find the newest DIRLIST_MAX of a bigger folder. */
#define DIRLIST_READ_MAX 100000

struct dirlist_entry {
	char *name;
	int is_dir;
	long long size;
	time_t mtime;
};

struct dirlist {
	struct dirlist_entry *e;
	size_t n;
	size_t more;        /* entries past DIRLIST_MAX, not listed */
	size_t unnamed;     /* entries whose names are no clean text */
};

int dirlist_read(const char *dir, struct dirlist *out, struct fc_err *err);
void dirlist_release(struct dirlist *l);

#endif
