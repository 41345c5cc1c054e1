/* test_forms_lang.c - labels, hints, messages, titles and choices in any
 * language the form's columns name, and the one choice of the language a
 * person reads them in (form_text: the locale's, then default_language,
 * then the plain column, then the first). */
#include "support.h"
#include "support_forms.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

static const char survey[] =
	"type,name,label::Français (fr),label::English (en),label:Español,"
	"hint::Français (fr),hint::English (en),required,required_message::Français (fr),"
	"constraint,constraint_message::English (en),constraint_message::Français (fr),"
	"calculation\n"
	"select_one yn,ok,Extincteur en place ?,Extinguisher in place?,¿Extintor?,"
	"Regardez le manomètre,Look at the gauge,yes,Répondez,,,,\n"
	"integer,n,Nombre,Number,,,,,,. < 10,Under 10,Moins de 10,\n"
	/* the calculation reads a choice's label in the reader's language */
	"calculate,word,,,,,,,,,,,\"jr:choice-name(${ok}, '${ok}')\"\n";
static const char choices[] =
	"list_name,name,label::English (en),label::Français (fr)\n"
	"yn,yes,Yes,Oui\nyn,no,No,Non\n";

static void any_language_a_column_names(void **state)
{
	struct form *f = test_form(survey, choices,
				   "form_id,version,form_title::Français (fr),"
				   "form_title::English (en)\nt,1,Contrôle,Check\n");
	const struct form_item *ok = &f->items[0], *n = &f->items[1];
	(void)state;
	assert_int_equal(f->n_langs, 3);
	assert_string_equal(f->langs[0].name, "Français (fr)");
	assert_string_equal(f->langs[0].code, "fr");
	assert_string_equal(f->langs[2].name, "Español");   /* label:Español */
	assert_string_equal(f->langs[2].code, "es");
	assert_string_equal(test_text(f, &ok->label, "fr"), "Extincteur en place ?");
	assert_string_equal(test_text(f, &ok->label, "en"), "Extinguisher in place?");
	assert_string_equal(test_text(f, &ok->label, "es"), "¿Extintor?");
	assert_string_equal(test_text(f, &ok->hint, "fr"), "Regardez le manomètre");
	assert_string_equal(test_text(f, &ok->required_message, "fr"), "Répondez");
	assert_string_equal(test_text(f, &n->constraint_message, "fr"), "Moins de 10");
	assert_string_equal(test_text(f, &n->constraint_message, "en"), "Under 10");
	assert_string_equal(test_text(f, &f->title, "fr"), "Contrôle");
	assert_string_equal(test_text(f, &ok->list->choices[0].label, "fr"), "Oui");
	assert_string_equal(test_text(f, &ok->list->choices[0].label, "en"), "Yes");
	assert_string_equal(form_item_label(f, n, form_lang_of("fr_FR.UTF-8")), "Nombre");
	form_free(f);
}

/* No default_language: a language the form lacks reads the survey's first
 * label column's (choices.csv, read before, names English first). */
static void fallbacks(void **state)
{
	struct form *f = test_form(survey, choices, NULL);
	struct form *d = test_form(survey, choices,
				   "form_id,version,default_language\nt,1,English\n");
	struct form *p = test_form("type,name,label,label::en\ntext,a,Texte,Text\n"
				   "text,b,Seul,\n", NULL,
				   "form_id,version,default_language\nt,1,fr\n");
	(void)state;
	assert_string_equal(test_text(f, &f->items[0].label, "de"), "Extincteur en place ?");
	assert_string_equal(test_text(f, &f->items[0].label, ""), "Extincteur en place ?");
	assert_string_equal(test_text(d, &d->items[0].label, "de"), "Extinguisher in place?");
	assert_string_equal(test_text(d, &d->items[0].label, "zh"), "Extinguisher in place?");
	assert_string_equal(test_text(d, &d->items[1].label, "es"), "Number"); /* no es text */
	/* the plain column is default_language's */
	assert_string_equal(test_text(p, &p->items[0].label, "fr"), "Texte");
	assert_string_equal(test_text(p, &p->items[0].label, "en"), "Text");
	assert_string_equal(test_text(p, &p->items[0].label, "zh"), "Texte");
	assert_string_equal(test_text(p, &p->items[1].label, "en"), "Seul");
	assert_string_equal(test_text(p, &p->title, "en"), "t"); /* no title: the id */
	form_free(f);
	form_free(d);
	form_free(p);
}

static void messages_and_calculations_in_the_language(void **state)
{
	struct form *f = test_form(survey, choices, NULL);
	struct test_answers a;
	struct fc_err err = { 0 };
	char *v = NULL;
	(void)state;
	test_answers(&a, "2024-03-20", "ok", "no", NULL);
	assert_int_equal(form_check_value(f, 1, "12", &a.fa, form_lang_of("fr"), &err), -1);
	assert_string_equal(err.msg, "Moins de 10");
	a.fa.lang = form_lang_of("fr");
	assert_int_equal(form_value(f, 2, &a.fa, &v, &err), 0);
	assert_string_equal(v, "Non");
	free(v);
	a.fa.lang = form_lang_of("en");
	assert_int_equal(form_value(f, 2, &a.fa, &v, &err), 0);
	assert_string_equal(v, "No");
	free(v);
	a.fa.lang = form_lang_of("de");  /* none: the first language, the survey's */
	assert_int_equal(form_value(f, 2, &a.fa, &v, &err), 0);
	assert_string_equal(v, "Non");   /* though choices.csv's first is English */
	free(v);
	form_free(f);
}

static void languages_of_locales_and_names(void **state)
{
	static const struct {
		const char *in, *code;
	} cases[] = {
		{ "zh_CN.UTF-8", "zh" }, { "fr_FR.UTF-8", "fr" }, { "en", "en" },
		{ "C.UTF-8", "en" }, { "C", "en" }, { "POSIX", "en" }, { "zh_CN:zh", "zh" },
		{ "pt_BR.utf8@euro", "pt" }, { "English (en)", "en" }, { "Français", "fr" },
		{ "Chinese", "zh" }, { "Tok Pisin", "" }, { "", "" },
	};
	size_t i;
	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		if (strcmp(form_lang_of(cases[i].in).code, cases[i].code))
			fail_msg("form_lang_of(\"%s\") = \"%s\", not \"%s\"", cases[i].in,
				 form_lang_of(cases[i].in).code, cases[i].code);
	setenv("LANGUAGE", "", 1);
	setenv("LC_ALL", "fr_FR.UTF-8", 1);
	assert_string_equal(form_lang_locale().code, "fr");
	unsetenv("LC_ALL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(any_language_a_column_names),
		cmocka_unit_test(fallbacks),
		cmocka_unit_test(messages_and_calculations_in_the_language),
		cmocka_unit_test(languages_of_locales_and_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
