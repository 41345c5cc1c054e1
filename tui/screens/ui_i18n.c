/* ui_i18n.c - the UI's language, changed at run time (Settings) through
 * LANGUAGE.  main() has bound the catalogues already (core/i18n.c). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

#define DOMAIN "fieldcheck"

static int is_c_locale(const char *l)
{
	return !l || !strcmp(l, "C") || !strcmp(l, "POSIX") || !strncmp(l, "C.", 2);
}

void ui_lang_apply(struct form_lang lang)
{
	int zh = form_lang_is(lang, "zh");

	/* a language without a catalogue reads the messages in English */
	setenv("LANGUAGE", zh ? "zh_CN:zh" : lang.code[0] ? lang.code : "en", 1);
	/* gettext ignores LANGUAGE in the C locale: borrow a real one. */
	if (zh && is_c_locale(setlocale(LC_MESSAGES, NULL)) &&
	    !setlocale(LC_MESSAGES, "zh_CN.UTF-8"))
		setlocale(LC_MESSAGES, "zh_CN.utf8");
	textdomain(DOMAIN);   /* makes gettext drop what it has cached */
}
