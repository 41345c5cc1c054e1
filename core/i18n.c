/* i18n.c - finding the message catalogues (see i18n.h). */
#include "i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "exedir.h"
#include "strbuf.h"

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

void i18n_init(void)
{
	/* build/locale beside ./fieldcheck, locale beside $(BUILD)/fieldcheck */
	static const char *const beside[] = { "build/locale", "locale" };
	const char *env = getenv("FIELDCHECK_LOCALEDIR");
	char *found = NULL;

	if (!(env && *env))
		found = exe_find_beside(beside, ARRAY_SIZE(beside), has_catalogue);
	bindtextdomain(DOMAIN, env && *env ? env : found ? found : FC_LOCALEDIR);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
	free(found);
}
