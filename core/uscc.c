/* uscc.c - unified social credit code validation (GB 32100-2015 §4). */
#include "uscc.h"
#include "core/i18n.h"

#include <string.h>

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int value_of(char c)
{
	const char *p = c ? strchr(alphabet, c) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

char uscc_check_char(const char *code17)
{
	int sum = 0, i, c;

	for (i = 0; i < 17; i++) {
		int v = value_of(code17[i]);
		if (v < 0)
			return '\0';
		sum += v * weights[i];
	}
	c = 31 - sum % 31;
	return alphabet[c == 31 ? 0 : c];
}

int uscc_check(const char *code, struct fc_err *err)
{
	size_t len = strlen(code), i;
	char want;

	if (len != USCC_LEN)
		return fc_fail(err, _("credit code '%.40s' has %zu characters; a unified social "
			       "credit code has 18"), code, len);
	for (i = 0; i < USCC_LEN; i++) {
		if (value_of(code[i]) < 0)
			return fc_fail(err, _("credit code '%s': character %zu ('%c') is not allowed "
				       "(digits and A-Y without I, O, S, V, Z)"), code, i + 1,
				       (code[i] >= 0x20 && code[i] < 0x7f) ? code[i] : '?');
	}
	want = uscc_check_char(code);
	if (code[17] != want)
		return fc_fail(err, _("credit code '%s': check character is '%c', expected '%c' "
			       "(mistyped?)"), code, code[17], want);
	return 0;
}
