/* i18n.c - finding the message catalogues (see i18n.h). */
#include "i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#ifndef FC_LOCALEDIR
#define FC_LOCALEDIR "/usr/local/share/locale"
#endif
#define DOMAIN "fieldcheck"

static int has_catalogue(const char *dir)
{
	char path[PATH_MAX + 64];
	struct stat st;

	snprintf(path, sizeof path, "%s/zh_CN/LC_MESSAGES/" DOMAIN ".mo", dir);
	return stat(path, &st) == 0;
}

/* The folder of the running binary, into buf. */
static int exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	char *slash;

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return 0;
}

void i18n_init(void)
{
	const char *env = getenv("FIELDCHECK_LOCALEDIR");
	char dir[PATH_MAX], path[PATH_MAX + 32];
	const char *use = FC_LOCALEDIR;

	if (env && *env) {
		use = env;
	} else if (exe_dir(dir, sizeof dir) == 0) {
		snprintf(path, sizeof path, "%s/build/locale", dir);
		if (has_catalogue(path))
			use = path;
		else if (snprintf(path, sizeof path, "%s/locale", dir), has_catalogue(path))
			use = path;
	}
	bindtextdomain(DOMAIN, use);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
}
