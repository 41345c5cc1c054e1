/* ui_i18n.c - the UI's language: gettext catalogues, English as msgid.
 *
 * The catalogue is looked for in $FIELDCHECK_LOCALEDIR, then in build/locale
 * beside the binary (running from the build tree, as the tests do; see
 * core/exedir.h), then in FC_LOCALEDIR (where `make install` puts it).  The
 * language can be changed at run time (Settings), through LANGUAGE.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/exedir.h"
#include "core/strbuf.h"
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

void ui_i18n_init(void)
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
