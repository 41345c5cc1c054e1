/* expr_math.c - the rest of ODK's XPath functions on numbers and text,
 * with JavaRosa's meanings: sin, cos, tan, asin, acos, atan, exp, exp10,
 * log (natural), log10 (fc_math(op, x)), atan2(y, x) (fc_atan2), and
 * normalize-space (fc_normalize: white space trimmed, each run one space),
 * random() (fc_random: a new number in [0, 1) each call, from the kernel's
 * random source, so it is registered as not deterministic).
 * A value that is not a number is NaN, returned as NULL as in expr_fn.c.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>

#include "expr.h"
#include "expr_impl.h"
#include "strbuf.h"

const char *const expr_math_functions[] = { "fc_math", "fc_atan2", "fc_normalize", "fc_random",
					     NULL };

static double arg(sqlite3_value *v, int *ok)
{
	const char *s;
	double d;

	if (sqlite3_value_type(v) == SQLITE_NULL)
		return *ok = 0, 0;
	if (sqlite3_value_type(v) == SQLITE_TEXT &&
	    (!(s = (const char *)sqlite3_value_text(v)) || !expr_number_text(s, strlen(s))))
		return *ok = 0, 0;
	d = sqlite3_value_double(v);
	if (!isfinite(d))
		*ok = 0;
	return d;
}

static void result(sqlite3_context *ctx, double d, int ok)
{
	if (ok && isfinite(d))
		sqlite3_result_double(ctx, d);
	else
		sqlite3_result_null(ctx);
}

static void fn_math(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const struct { const char *name; double (*f)(double); } ops[] = {
		{ "sin", sin }, { "cos", cos }, { "tan", tan }, { "asin", asin },
		{ "acos", acos }, { "atan", atan }, { "exp", exp }, { "log", log },
		{ "log10", log10 },
	};
	const char *op = (const char *)sqlite3_value_text(argv[0]);
	int ok = 1;
	double x = arg(argv[1], &ok);
	size_t k;

	(void)argc;
	if (op && !strcmp(op, "exp10")) {
		result(ctx, pow(10, x), ok);
		return;
	}
	for (k = 0; op && k < ARRAY_SIZE(ops); k++)
		if (!strcmp(op, ops[k].name)) {
			result(ctx, ops[k].f(x), ok);
			return;
		}
	sqlite3_result_null(ctx);
}

static void fn_atan2(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int ok = 1;
	double y = arg(argv[0], &ok), x = arg(argv[1], &ok);

	(void)argc;
	result(ctx, atan2(y, x), ok);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void fn_normalize(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	struct strbuf sb;

	(void)argc;
	strbuf_init(&sb);
	for (; s && *s; s++)
		if (!is_space(*s))
			strbuf_addc(&sb, *s);
		else if (sb.len && !is_space(s[1]) && s[1])
			strbuf_addc(&sb, ' ');
	sqlite3_result_text(ctx, sb.buf ? sb.buf : "", (int)sb.len, SQLITE_TRANSIENT);
	strbuf_release(&sb);
}

/* fc_random(): JavaRosa's random(), a double in [0, 1): 53 random bits of
 * getrandom(2) scaled, so every value is as likely (not rand(), whose
 * state is the process's and whose bits are few). */
static void fn_random(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint64_t r = 0;
	size_t got = 0;

	(void)argc, (void)argv;
	while (got < sizeof r) {
		ssize_t n = getrandom((unsigned char *)&r + got, sizeof r - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			sqlite3_result_error(ctx, "random(): cannot read random bytes", -1);
			return;
		}
		got += (size_t)n;
	}
	sqlite3_result_double(ctx, (double)(r >> 11) * 0x1.0p-53);
}

int expr_register_math(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	if (sqlite3_create_function(db, "fc_math", 2, flags, NULL, fn_math, NULL, NULL) ||
	    sqlite3_create_function(db, "fc_atan2", 2, flags, NULL, fn_atan2, NULL, NULL) ||
	    sqlite3_create_function(db, "fc_normalize", 1, flags, NULL, fn_normalize, NULL,
				    NULL) ||
	    sqlite3_create_function(db, "fc_random", 0, SQLITE_UTF8, NULL, fn_random, NULL,
				    NULL))
		return -1;
	return 0;
}
