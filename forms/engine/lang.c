/* lang.c - a form's languages, and the one choice of the language a text is
 * shown in (see form.h, form_text).
 *
 * XLSForm names a language by a column's suffix, as the author wrote it:
 * "label::Français (fr)", "label::English", "label:zh" (pyxform takes a
 * single colon too).  A person's language comes from the locale as a code,
 * so each suffix's code is read once when the form loads: the code in
 * parentheses, a suffix that is a code itself, or a language's name we know.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/load_impl.h"

/* Names forms give languages instead of codes (XLSForm's own examples say
 * "English", "French", "Español"); a suffix with a code in parentheses
 * needs none of them. */
static const struct {
	const char *name, *code;
} names[] = {
	{ "english", "en" }, { "chinese", "zh" }, { "中文", "zh" }, { "汉语", "zh" },
	{ "french", "fr" }, { "français", "fr" }, { "francais", "fr" },
	{ "spanish", "es" }, { "español", "es" }, { "espanol", "es" },
	{ "portuguese", "pt" }, { "português", "pt" }, { "arabic", "ar" },
	{ "swahili", "sw" }, { "kiswahili", "sw" }, { "hindi", "hi" },
	{ "russian", "ru" }, { "german", "de" }, { "deutsch", "de" },
};

/* Whether s[0..n) is a language tag ("fr", "zh-CN", "pt_BR"): its
 * lower-case first part into code, 1; else 0. */
static int tag_code(const char *s, size_t n, char code[8])
{
	size_t i = 0, k;

	while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
		i++;
	if (i < 2 || i > 3 || (i < n && s[i] != '-' && s[i] != '_'))
		return 0;
	for (k = i; k < n; k++)
		if (!((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') &&
		    !(s[k] >= '0' && s[k] <= '9') && s[k] != '-' && s[k] != '_')
			return 0;
	for (k = 0; k < i; k++)
		code[k] = (char)(s[k] | 0x20);
	code[i] = '\0';
	return 1;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* The code a suffix or a setting names, into code ("" when none). */
static void code_of(const char *s, char code[8])
{
	const char *open = strrchr(s, '(');
	size_t n = strlen(s), i;
	const char *in;
	size_t in_n;

	code[0] = '\0';
	trim(&s, &n);
	if (open && n && s[n - 1] == ')' && open > s) {
		in = open + 1;
		in_n = (size_t)(s + n - 1 - in);
		trim(&in, &in_n);
		if (tag_code(in, in_n, code))
			return;
		n = (size_t)(open - s); /* "Name (something)": the name says */
		trim(&s, &n);
	}
	if (tag_code(s, n, code))
		return;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i].name) == n && !strncasecmp(s, names[i].name, n)) {
			strcpy(code, names[i].code);
			return;
		}
}

struct form_lang form_lang_of(const char *s)
{
	struct form_lang l;
	size_t n;

	memset(&l, 0, sizeof l);
	if (!s)
		return l;
	n = strcspn(s, ":");                /* LANGUAGE is a list: its first */
	if ((n == 1 && *s == 'C') || (n == 5 && !strncmp(s, "POSIX", 5)) ||
	    !strncmp(s, "C.", 2)) {
		strcpy(l.code, "en");       /* the messages' own language */
		return l;
	}
	if (tag_code(s, strcspn(s, ".@:"), l.code))
		return l;                   /* a locale: zh_CN.UTF-8 */
	if (strlen(s) < 128)
		code_of(s, l.code);
	return l;
}

struct form_lang form_lang_locale(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(vars); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v && *v != ':')
			return form_lang_of(v);
	}
	return form_lang_of("C");
}

int form_lang_is(struct form_lang l, const char *code)
{
	return !strcmp(l.code, code);
}

/* Whether langs[k] is what settings' default_language names: the same
 * suffix, or the same code. */
static int is_default(const struct form *f, size_t k)
{
	char code[8];

	if (!f->default_language)
		return 0;
	code_of(f->default_language, code);
	return !strcasecmp(f->langs[k].name, f->default_language) ||
	       (*code && !strcmp(f->langs[k].code, code));
}

int lang_add(struct form *f, const char *suffix)
{
	size_t k;

	for (k = 0; k < f->n_langs; k++)
		if (!strcmp(f->langs[k].name, suffix))
			return (int)k;
	if (f->n_langs == FORM_MAX_LANGS)
		return -1;
	f->langs[k].name = xstrdup(suffix);
	code_of(suffix, f->langs[k].code);
	f->default_langs |= (unsigned)is_default(f, k) << k;
	f->n_langs++;
	return (int)k;
}

void lang_set_default(struct form *f, const char *setting)
{
	size_t k;

	free(f->default_language);
	f->default_language = setting && *setting ? xstrdup(setting) : NULL;
	f->default_langs = 0;
	for (k = 0; k < f->n_langs; k++)
		f->default_langs |= (unsigned)is_default(f, k) << k;
}

void lang_release(struct form *f)
{
	size_t k;

	for (k = 0; k < f->n_langs; k++)
		free(f->langs[k].name);
	free(f->default_language);
}

const char *form_text(const struct form *f, const struct form_text *t, struct form_lang lang)
{
	size_t k;

	if (t->msgid)
		return _(t->msgid);
	if (!t->n)
		return "";
	for (k = 0; lang.code[0] && k < t->n; k++)
		if (t->tr[k].lang >= 0 && !strcmp(f->langs[t->tr[k].lang].code, lang.code))
			return t->tr[k].s;
	for (k = 0; k < t->n; k++)
		if (t->tr[k].lang >= 0 && (f->default_langs >> t->tr[k].lang & 1))
			return t->tr[k].s;
	if (t->tr[0].lang == FORM_LANG_PLAIN)
		return t->tr[0].s;
	for (k = 0; k < t->n; k++)
		if (t->tr[k].lang == (int)f->first_lang)
			return t->tr[k].s;
	return t->tr[0].s;
}

const char *form_item_label(const struct form *f, const struct form_item *it,
			    struct form_lang lang)
{
	const char *l = form_text(f, &it->label, lang);

	return *l ? l : it->name ? it->name : "";
}
