/* support_forms.c - forms in memory for the form tests (support_forms.h). */
#include "support.h"
#include "support_forms.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

const char TEST_NONE[] = "(none)";

static struct form *load(const char *survey, const char *choices, const char *settings,
			 struct form_problems *p)
{
	struct form_files files = { 0 };

	if (!settings)
		settings = "form_id,version\nt,1\n";
	files.survey = survey;
	files.survey_len = strlen(survey);
	files.choices = choices;
	files.choices_len = choices ? strlen(choices) : 0;
	files.settings = settings;
	files.settings_len = strlen(settings);
	return form_load_mem("mem", &files, p);
}

struct form *test_form(const char *survey, const char *choices, const char *settings)
{
	struct form_problems p = { 0 };
	struct form *f = load(survey, choices, settings, &p);
	size_t i;

	for (i = 0; i < p.n; i++)
		print_error("%s\n", p.msgs[i]);
	form_problems_release(&p);
	if (!f)
		fail_msg("the form does not load");
	return f;
}

char *test_form_problems(const char *survey, const char *choices, const char *settings)
{
	struct form_problems p = { 0 };
	struct form *f = load(survey, choices, settings, &p);
	struct strbuf sb;
	size_t i;

	if (f) {
		form_free(f);
		fail_msg("the form loads, and should not");
	}
	strbuf_init(&sb);
	for (i = 0; i < p.n; i++)
		strbuf_addf(&sb, "%s%s", i ? "\n" : "", p.msgs[i]);
	form_problems_release(&p);
	return strbuf_detach(&sb);
}

static const char *get(void *ctx, const char *name)
{
	const struct test_answers *a = ctx;
	size_t i;

	for (i = 0; i + 1 < a->n; i += 2)
		if (!strcmp(a->pairs[i], name))
			return a->pairs[i + 1] == TEST_NONE ? NULL : a->pairs[i + 1];
	return NULL;
}

void test_answers(struct test_answers *a, const char *today, ...)
{
	const char *s;
	va_list ap;

	memset(a, 0, sizeof *a);
	va_start(ap, today);
	while ((s = va_arg(ap, const char *)) != NULL && a->n < 32)
		a->pairs[a->n++] = s;
	va_end(ap);
	a->fa.get = get;
	a->fa.ctx = a;
	a->fa.today = today;
}

const char *test_text_in(const struct form *f, const struct form_text *t, const char *lang)
{
	size_t k;

	for (k = 0; k < t->n; k++)
		if (lang ? t->tr[k].lang >= 0 && !strcmp(f->langs[t->tr[k].lang].name, lang)
			 : t->tr[k].lang == FORM_LANG_PLAIN)
			return t->tr[k].s;
	return NULL;
}

const char *test_text(const struct form *f, const struct form_text *t, const char *code)
{
	return form_text(f, t, form_lang_of(code));
}

char *test_shipped_forms_dir(void)
{
	const char *env = getenv("FIELDCHECK_FORMS"), *t = getenv("FIELDCHECK_TOP");

	if (env && *env)
		return xstrdup(env);
	return test_path(t && *t ? t : ".", "forms/checklists");
}

char *test_value(const struct form *f, const char *item, const struct test_answers *a)
{
	struct fc_err err = { 0 };
	char *v;

	if (form_value(f, (size_t)form_item_index(f, item), &a->fa, &v, &err))
		fail_msg("form_value(%s): %s", item, err.msg);
	return v;
}

void test_value_is(const struct form *f, const char *item, const struct test_answers *a,
		   const char *want)
{
	char *v = test_value(f, item, a);

	if (want ? !v || strcmp(v, want) : v != NULL)
		fail_msg("%s is '%s', not '%s'", item, v ? v : "(none)", want ? want : "(none)");
	free(v);
}

void test_form_refused(size_t n, const char *survey, const char *want)
{
	char *got = test_form_problems(survey, NULL, NULL);

	if (!strstr(got, want))
		fail_msg("case %zu: got\n%s\nwanted %s", n, got, want);
	free(got);
}
