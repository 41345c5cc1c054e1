/* ui_i18n.c - the UI's language: gettext catalogues, English as msgid.
 *
 * The catalogue is looked for in $FIELDCHECK_LOCALEDIR, then in build/locale
 * next to the binary (running from the source tree, as the tests do), then
 * in FC_LOCALEDIR (where `make install` puts it).  The language can be
 * changed at run time (Settings), through LANGUAGE.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "ui.h"

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

void ui_i18n_init(void)
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

static int is_c_locale(const char *l)
{
	return !l || !strcmp(l, "C") || !strcmp(l, "POSIX") || !strncmp(l, "C.", 2);
}

void ui_lang_apply(enum form_lang lang)
{
	setenv("LANGUAGE", lang == LANG_ZH ? "zh_CN:zh" : "en", 1);
	/* gettext ignores LANGUAGE in the C locale: borrow a real one. */
	if (lang == LANG_ZH && is_c_locale(setlocale(LC_MESSAGES, NULL)) &&
	    !setlocale(LC_MESSAGES, "zh_CN.UTF-8"))
		setlocale(LC_MESSAGES, "zh_CN.utf8");
	textdomain(DOMAIN);   /* makes gettext drop what it has cached */
}
