/* support_forms.h - building forms in memory and answering them, for the
 * form tests. */
#ifndef FC_TEST_SUPPORT_FORMS_H
#define FC_TEST_SUPPORT_FORMS_H

#include <stddef.h>
#include "forms/engine/form.h"

/* The shipped checklists' folder: FIELDCHECK_FORMS (make test sets it),
 * else forms/checklists under FIELDCHECK_TOP or here.  free() it. */
char *test_shipped_forms_dir(void);

/* Loads a form from the three texts (choices may be NULL; settings NULL
 * means "form_id,version\nt,1\n").  Fails the test, printing every problem,
 * if it does not load. */
struct form *test_form(const char *survey, const char *choices, const char *settings);
/* The problems of a form that must not load, joined by "\n". free() it. */
char *test_form_problems(const char *survey, const char *choices, const char *settings);
/* Fails the test (naming case n) unless the survey is refused with a
 * problem that says want. */
void test_form_refused(size_t n, const char *survey, const char *want);

/* t's own text in the language its columns call `lang` ("zh", "Français
 * (fr)"; NULL: the plain column), or NULL: no fallback, unlike form_text. */
const char *test_text_in(const struct form *f, const struct form_text *t, const char *lang);
/* form_text(f, t, form_lang_of(code)). */
const char *test_text(const struct form *f, const struct form_text *t, const char *code);

/* Answers: pairs name, value (value NULL: unanswered), up to 16. */
struct test_answers {
	const char *pairs[32];
	size_t n;
	struct form_answers fa;
};
/* Sets up a with `today` and the pairs given as a NULL-terminated list of
 * name, value, name, value, ... (use TEST_NONE for an unanswered value). */
void test_answers(struct test_answers *a, const char *today, ...);
extern const char TEST_NONE[];

/* form_value of item (by name) given a's answers, failing the test if it
 * cannot be had; free() it (NULL: no value). */
char *test_value(const struct form *f, const char *item, const struct test_answers *a);
/* Fails the test unless item's value is want (NULL: none). */
void test_value_is(const struct form *f, const char *item, const struct test_answers *a,
		   const char *want);

#endif
