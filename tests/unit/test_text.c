/* test_text.c - text from outside made visible before it is printed or
 * logged, and the characters refused in stored text. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/strbuf.h"
#include "core/text.h"

static void shown_is(const char *in, const char *want)
{
	char *s = text_shown(in);
	assert_string_equal(s, want);
	free(s);
}

static void controls_become_carets(void **state)
{
	(void)state;
	shown_is("a\033]0;x\007b", "a^[]0;x^Gb");
	shown_is("\033[2J\177", "^[[2J^?");
	shown_is("line\nnext\ttab\r", "line^Jnext^Itab^M");
	shown_is("\302\233c", "\\u009bc"); /* C1 CSI */
}

static void bidi_and_format_characters_are_named(void **state)
{
	(void)state;
	shown_is("a\342\200\256b", "a\\u202eb");           /* RLO */
	shown_is("\342\200\252\342\200\255", "\\u202a\\u202d");
	shown_is("\342\201\246x\342\201\251", "\\u2066x\\u2069"); /* LRI ... PDI */
	shown_is("\342\200\213\342\200\217", "\\u200b\\u200f"); /* ZWSP, RLM */
	shown_is("\357\273\277", "\\ufeff");
	shown_is("\363\240\200\201", "\\ue0001");               /* language tag */
}

static void ordinary_text_is_kept(void **state)
{
	(void)state;
	shown_is("华东化工 五必查 (ZJ-0001) 'x' \"y\" ^[ \\u", "华东化工 五必查 (ZJ-0001) 'x' \"y\" ^[ \\u");
	shown_is("", "");
}

static void bad_utf8_becomes_question_marks(void **state)
{
	(void)state;
	shown_is("a\377\376b", "a??b");
	shown_is("\340\200\200", "???"); /* overlong */
	shown_is("\342\200", "??");       /* cut short */
}

/* Shown twice is shown once: a note made visible and printed again through
 * fputs_safe does not grow. */
static void showing_is_idempotent(void **state)
{
	const char *in = "\033]0;\342\200\256\007\377x";
	char *once = text_shown(in), *twice = text_shown(once);
	(void)state;
	assert_string_equal(once, twice);
	free(once);
	free(twice);
}

static void every_error_message_is_visible(void **state)
{
	struct fc_err err = { 0 };
	(void)state;
	fc_fail(&err, "no form '%s'", "x\033[31m\342\200\256");
	assert_string_equal(err.msg, "no form 'x^[[31m\\u202e'");
	fc_err_prefix(&err, "item '%s'", "\007");
	assert_string_equal(err.msg, "item '^G': no form 'x^[[31m\\u202e'");
}

static void a_long_message_is_cut_between_characters(void **state)
{
	struct fc_err err = { 0 };
	char big[2000];
	size_t i;
	(void)state;
	for (i = 0; i + 3 < sizeof big; i += 3)
		memcpy(big + i, "\344\270\255", 3); /* 中 */
	big[i] = '\0';
	fc_fail(&err, "%s", big);
	assert_true(strlen(err.msg) < sizeof err.msg);
	assert_int_equal(strlen(err.msg) % 3, 0);
}

static void stored_text_refuses_bidi_controls(void **state)
{
	struct fc_err err = { 0 };
	static const char *const bad[] = {
		"a\342\200\252", "a\342\200\253", "a\342\200\254", "a\342\200\255", "a\342\200\256",
		"a\342\201\246", "a\342\201\247", "a\342\201\250", "a\342\201\251",
	};
	size_t i;
	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		assert_int_equal(text_check(bad[i], strlen(bad[i]), TEXT_MULTILINE, 100, "note", &err), -1);
		assert_non_null(strstr(err.msg, "bidirectional"));
		assert_non_null(strstr(err.msg, "character 2"));
	}
	assert_int_equal(text_check("安全 ok", 9, TEXT_LINE, 100, "name", &err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(controls_become_carets),
		cmocka_unit_test(bidi_and_format_characters_are_named),
		cmocka_unit_test(ordinary_text_is_kept),
		cmocka_unit_test(bad_utf8_becomes_question_marks),
		cmocka_unit_test(showing_is_idempotent),
		cmocka_unit_test(every_error_message_is_visible),
		cmocka_unit_test(a_long_message_is_cut_between_characters),
		cmocka_unit_test(stored_text_refuses_bidi_controls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
