/* expr.c - form expressions evaluated by SQLite (see expr.h).
 *
 * The SQL comes from forms/engine/'s translator, never straight from a form file,
 * but the form file may come from anyone: the connection is locked down
 * (an authorizer that admits a plain SELECT of whitelisted functions only,
 * tight limits, defensive mode) so a translation bug cannot become a way to
 * touch the file system or exhaust memory.
 */
#include "expr.h"

#include <regex.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr_impl.h"
#include "strbuf.h"
#include "core/i18n.h"

struct expr_db {
	sqlite3 *db;
};

struct expr {
	struct expr_db *db;
	sqlite3_stmt *st;
	int n_params;
};

#define REGEX_REPEAT_MAX 4096 /* product of every {m,n} bound in a regex */

/* --- regular expressions --------------------------------------------- */

/* Reads a {m}, {m,} or {m,n} bound at p (just after '{'); returns the
 * largest count it allows, or -1 if it is not a bound. */
static long brace_bound(const char *p)
{
	long lo = 0, hi = -1;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9' && lo <= 100000)
		lo = lo * 10 + (*p++ - '0');
	if (*p == ',') {
		p++;
		if (*p >= '0' && *p <= '9')
			for (hi = 0; *p >= '0' && *p <= '9' && hi <= 100000; )
				hi = hi * 10 + (*p++ - '0');
	}
	if (*p != '}')
		return -1;
	return hi > lo ? hi : lo;
}

/* One escape inside a bracket, as Java's regex (ODK's) reads it: \d \w \s
 * as the POSIX classes, any other escaped character as itself ('-', ']'
 * and '^' noted, to be placed where POSIX reads them literally).  Returns
 * 1 for a class (after which '-' is literal), else 0. */
static int bracket_escape(char n, struct strbuf *items, int *dash, int *close, int *caret)
{
	switch (n) {
	case 'd': strbuf_adds(items, "0-9"); return 1;
	case 'w': strbuf_adds(items, "[:alnum:]_"); return 1;
	case 's': strbuf_adds(items, "[:space:]"); return 1;
	case 't': strbuf_addc(items, '\t'); return 0;
	case 'n': strbuf_addc(items, '\n'); return 0;
	case '-': *dash = 1; return 0;
	case ']': *close = 1; return 0;
	case '^': *caret = 1; return 0;
	default: strbuf_addc(items, n); return 0;
	}
}

/* Copies a bracket expression starting at pat[i] == '[' to out, written
 * for regcomp: Java's escapes inside it (\w, \d, \., \-) read as Java
 * reads them, a '-' that starts no range (first, last, after a class) and
 * a ']' moved to where POSIX takes them literally.  Returns the index just
 * after it (or the end of the pattern if it never closes, which regcomp
 * then reports). */
static size_t copy_bracket(const char *pat, size_t i, struct strbuf *out)
{
	struct strbuf items;
	int neg = 0, dash = 0, close = 0, caret = 0, after_class = 0;
	size_t start = i;

	strbuf_init(&items);
	i++;
	if (pat[i] == '^')
		neg = 1, i++;
	if (pat[i] == ']')
		close = 1, i++;
	while (pat[i] && pat[i] != ']') {
		if (pat[i] == '[' && (pat[i + 1] == ':' || pat[i + 1] == '.' ||
				      pat[i + 1] == '=')) {
			char end = pat[i + 1];
			size_t from = i;
			i += 2;
			while (pat[i] && !(pat[i] == end && pat[i + 1] == ']'))
				i++;
			if (pat[i])
				i += 2;
			strbuf_add(&items, pat + from, i - from);
			after_class = 1;
		} else if (pat[i] == '\\' && pat[i + 1]) {
			after_class = bracket_escape(pat[i + 1], &items, &dash, &close, &caret);
			i += 2;
		} else if (pat[i] == '-' && (!items.len || after_class || pat[i + 1] == ']')) {
			dash = 1;
			i++;
		} else {
			strbuf_addc(&items, pat[i++]);
			after_class = 0;
		}
	}
	if (pat[i] != ']') /* never closed: as written, for regcomp to refuse */
		strbuf_add(out, pat + start, i - start);
	else if (caret && !items.len && !close && !dash && !neg)
		strbuf_adds(out, "\\^"); /* [\^] alone: a caret */
	else
		strbuf_addf(out, "[%s%s%s%s%s]", neg ? "^" : "", close ? "]" : "",
			    items.len ? items.buf : "", caret ? "^" : "", dash ? "-" : "");
	strbuf_release(&items);
	if (pat[i] == ']')
		i++;
	return i;
}

/* Rewrites the pattern for regcomp: \d and \D become bracket expressions
 * (form authors write them; POSIX lacks them), back-references are refused
 * (they make matching exponential) and repetition counts are bounded. */
static int regex_rewrite(const char *pat, struct strbuf *out, struct fc_err *err)
{
	size_t i = 0;
	long product = 1;

	if (strlen(pat) > EXPR_REGEX_MAX)
		return fc_fail(err, _("regular expression is longer than %d bytes"),
			       EXPR_REGEX_MAX);
	while (pat[i]) {
		char c = pat[i];

		if (c == '[') {
			i = copy_bracket(pat, i, out);
			continue;
		}
		if (c == '\\' && pat[i + 1]) {
			char n = pat[i + 1];
			if (n >= '1' && n <= '9')
				return fc_fail(err, _("regular expression uses a back-reference "
					       "(\\%c), which is not supported"), n);
			if (n == 'd' || n == 'D')
				strbuf_adds(out, n == 'd' ? "[0-9]" : "[^0-9]");
			else
				strbuf_add(out, pat + i, 2);
			i += 2;
			continue;
		}
		if (c == '{') {
			long b = brace_bound(pat + i + 1);
			if (b > 0)
				product *= b;
			if (b > REGEX_REPEAT_MAX || product > REGEX_REPEAT_MAX)
				return fc_fail(err, _("regular expression repeats too much "
					       "(its {m,n} counts multiply to over %d)"),
					       REGEX_REPEAT_MAX);
		}
		strbuf_addc(out, c);
		i++;
	}
	return 0;
}

static int regex_compile(const char *pat, regex_t *re, struct fc_err *err)
{
	struct strbuf sb;
	int rc;

	strbuf_init(&sb);
	if (regex_rewrite(pat, &sb, err)) {
		strbuf_release(&sb);
		return -1;
	}
	rc = regcomp(re, sb.buf, REG_EXTENDED | REG_NOSUB);
	strbuf_release(&sb);
	if (rc) {
		char msg[256];
		regerror(rc, re, msg, sizeof msg);
		return fc_fail(err, _("bad regular expression: %s"), msg);
	}
	return 0;
}

int expr_regex_check(const char *pattern, struct fc_err *err)
{
	regex_t re;

	if (regex_compile(pattern, &re, err))
		return -1;
	regfree(&re);
	return 0;
}

/* --- application functions ------------------------------------------- */

static void free_regex(void *p)
{
	regfree(p);
	free(p);
}

static void fn_regexp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *pat = (const char *)sqlite3_value_text(argv[0]);
	const char *s = (const char *)sqlite3_value_text(argv[1]);
	regex_t *re = sqlite3_get_auxdata(ctx, 0);
	struct fc_err err;

	(void)argc;
	if (!pat || !s) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	if (!re) {
		re = xmalloc(sizeof *re);
		if (regex_compile(pat, re, &err)) {
			free(re);
			sqlite3_result_error(ctx, err.msg, -1);
			return;
		}
		sqlite3_set_auxdata(ctx, 0, re, free_regex);
		/* SQLite may have freed it already if it cannot cache it. */
		re = sqlite3_get_auxdata(ctx, 0);
		if (!re) {
			regex_t tmp;
			if (regex_compile(pat, &tmp, &err)) {
				sqlite3_result_error(ctx, err.msg, -1);
				return;
			}
			sqlite3_result_int(ctx, regexec(&tmp, s, 0, NULL, 0) == 0);
			regfree(&tmp);
			return;
		}
	}
	sqlite3_result_int(ctx, regexec(re, s, 0, NULL, 0) == 0);
}

int expr_number_text(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i < n && s[i] == '-')
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return digits > 0 && i == n;
}

/* fc_num(x): numbers pass, text that spells a number becomes that number
 * (converted by SQLite itself, so the locale's decimal point never
 * matters), anything else is NULL. */
static void fn_num(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_value *v = argv[0];
	const char *s;

	(void)argc;
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		sqlite3_result_value(ctx, v);
		return;
	case SQLITE_TEXT:
		s = (const char *)sqlite3_value_text(v);
		if (s && expr_number_text(s, (size_t)sqlite3_value_bytes(v)) &&
		    sqlite3_value_numeric_type(v) != SQLITE_TEXT) {
			sqlite3_result_value(ctx, v);
			return;
		}
		/* fall through */
	default:
		sqlite3_result_null(ctx);
	}
}

/* Calls fn for each space-separated word of list; stops when fn returns
 * non-zero and returns that. */
static int each_word(const char *list, int (*fn)(const char *w, size_t n, void *arg),
		     void *arg)
{
	const char *p = list;
	int r;

	while (*p) {
		size_t n;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		n = strcspn(p, " \t\n\r");
		if (n && (r = fn(p, n, arg)) != 0)
			return r;
		p += n;
	}
	return 0;
}

static int word_is(const char *w, size_t n, void *arg)
{
	const char *want = arg;
	return strlen(want) == n && memcmp(w, want, n) == 0;
}

static int word_count(const char *w, size_t n, void *arg)
{
	(void)w, (void)n;
	(*(long *)arg)++;
	return 0;
}

static void fn_selected(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *list = (const char *)sqlite3_value_text(argv[0]);
	const char *v = (const char *)sqlite3_value_text(argv[1]);
	char *want;

	(void)argc;
	if (!list || !v) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	want = xstrdup(v);
	sqlite3_result_int(ctx, *want ? each_word(list, word_is, want) : 0);
	free(want);
}

static void fn_count_selected(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *list = (const char *)sqlite3_value_text(argv[0]);
	long n = 0;

	(void)argc;
	if (list)
		each_word(list, word_count, &n);
	sqlite3_result_int64(ctx, n);
}

/* --- the connection -------------------------------------------------- */

static const char *const allowed_functions[] = {
	"fc_num", "selected", "count_selected", "regexp",
	"length", "instr", "coalesce", "nullif", "julianday", "typeof", "max", "min",
	"abs", NULL,
};

static int authorize(void *arg, int action, const char *a, const char *b,
		     const char *c, const char *d)
{
	static const char *const *const odk[] = {
		expr_nodeset_functions, expr_text_functions, expr_date_functions,
	};
	size_t i, k;

	(void)arg, (void)a, (void)c, (void)d;
	if (action == SQLITE_SELECT)
		return SQLITE_OK;
	if (action == SQLITE_FUNCTION && b) {
		for (i = 0; allowed_functions[i]; i++)
			if (!strcmp(b, allowed_functions[i]))
				return SQLITE_OK;
		for (i = 0; expr_xpath_functions[i]; i++)
			if (!strcmp(b, expr_xpath_functions[i]))
				return SQLITE_OK;
		for (i = 0; expr_math_functions[i]; i++)
			if (!strcmp(b, expr_math_functions[i]))
				return SQLITE_OK;
		for (k = 0; k < ARRAY_SIZE(odk); k++)
			for (i = 0; odk[k][i]; i++)
				if (!strcmp(b, odk[k][i]))
					return SQLITE_OK;
	}
	return SQLITE_DENY;
}

int expr_register_fns(sqlite3 *db, const struct expr_sql_fn *fns, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sqlite3_create_function(db, fns[i].name, fns[i].argc,
					    SQLITE_UTF8 | (fns[i].varies ? 0 : SQLITE_DETERMINISTIC),
					    NULL, fns[i].fn, NULL, NULL))
			return -1;
	return 0;
}

static int register_functions(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	if (sqlite3_create_function(db, "fc_num", 1, flags, NULL, fn_num, NULL, NULL) ||
	    sqlite3_create_function(db, "selected", 2, flags, NULL, fn_selected, NULL, NULL) ||
	    sqlite3_create_function(db, "count_selected", 1, flags, NULL,
				    fn_count_selected, NULL, NULL) ||
	    sqlite3_create_function(db, "regexp", 2, flags, NULL, fn_regexp, NULL, NULL) ||
	    expr_register_xpath(db) || expr_register_math(db) ||
	    expr_register_nodeset(db) || expr_register_text(db) || expr_register_date(db))
		return -1;
	return 0;
}

static void set_limits(sqlite3 *db)
{
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
	sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
	sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 1000);
	sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 16);
	sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 1);
	sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 4096);
	sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 8);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 0);
}

int expr_db_open(struct expr_db **out, struct fc_err *err)
{
	sqlite3 *db = NULL;
	int rc;

	*out = NULL;
	rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			     SQLITE_OPEN_PRIVATECACHE, NULL);
	if (rc != SQLITE_OK) {
		fc_failk(err, FC_EIO, _("cannot open the expression engine: %s"),
			 db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return -1;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	set_limits(db);
	if (register_functions(db)) {
		fc_failk(err, FC_EIO, _("cannot set up the expression engine: %s"),
			 sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	sqlite3_set_authorizer(db, authorize, NULL);
	*out = xcalloc(1, sizeof **out);
	(*out)->db = db;
	return 0;
}

void expr_db_close(struct expr_db *db)
{
	if (!db)
		return;
	sqlite3_close_v2(db->db);
	free(db);
}

/* --- expressions ----------------------------------------------------- */

int expr_compile(struct expr_db *db, const char *sql, struct expr **out,
		 struct fc_err *err)
{
	struct strbuf q;
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	int rc;

	*out = NULL;
	strbuf_init(&q);
	strbuf_addf(&q, "SELECT %s", sql);
	rc = sqlite3_prepare_v2(db->db, q.buf, (int)q.len + 1, &st, &tail);
	if (rc != SQLITE_OK || !st) {
		fc_fail(err, "%s", rc != SQLITE_OK ? sqlite3_errmsg(db->db) : "empty expression");
		goto fail;
	}
	while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t'))
		tail++;
	if ((tail && *tail) || sqlite3_column_count(st) != 1) {
		fc_fail(err, _("not a single expression"));
		goto fail;
	}
	strbuf_release(&q);
	*out = xcalloc(1, sizeof **out);
	(*out)->db = db;
	(*out)->st = st;
	(*out)->n_params = sqlite3_bind_parameter_count(st);
	return 0;
fail:
	sqlite3_finalize(st);
	strbuf_release(&q);
	return -1;
}

void expr_free(struct expr *e)
{
	if (!e)
		return;
	sqlite3_finalize(e->st);
	free(e);
}

int expr_param_count(const struct expr *e)
{
	return e->n_params;
}

/* Binds the parameters and steps once; on success the result is column 0
 * until the caller resets the statement. */
static int run(struct expr *e, const char *const *params, size_t n, struct fc_err *err)
{
	int k, rc;

	sqlite3_reset(e->st);
	for (k = 0; k < e->n_params; k++) {
		const char *v = (size_t)k < n && params[k] ? params[k] : "";
		if (sqlite3_bind_text(e->st, k + 1, v, -1, SQLITE_STATIC) != SQLITE_OK)
			return fc_fail(err, _("cannot bind a value: %s"),
				       sqlite3_errmsg(e->db->db));
	}
	rc = sqlite3_step(e->st);
	if (rc != SQLITE_ROW) {
		fc_fail(err, "%s", sqlite3_errmsg(e->db->db));
		sqlite3_reset(e->st);
		return -1;
	}
	return 0;
}

int expr_eval_bool(struct expr *e, const char *const *params, size_t n,
		   struct fc_err *err)
{
	int r;

	if (run(e, params, n, err))
		return -1;
	switch (sqlite3_column_type(e->st, 0)) {
	case SQLITE_INTEGER:
		r = sqlite3_column_int64(e->st, 0) != 0;
		break;
	case SQLITE_FLOAT:
		r = sqlite3_column_double(e->st, 0) != 0.0;
		break;
	case SQLITE_NULL:
		r = 0;
		break;
	default:
		r = sqlite3_column_bytes(e->st, 0) > 0;
	}
	sqlite3_reset(e->st);
	sqlite3_clear_bindings(e->st);
	return r;
}

int expr_eval_text(struct expr *e, const char *const *params, size_t n,
		   char *out, size_t outsz, struct fc_err *err)
{
	const unsigned char *s;

	if (run(e, params, n, err))
		return -1;
	s = sqlite3_column_text(e->st, 0);
	if (outsz)
		snprintf(out, outsz, "%s", s ? (const char *)s : "");
	sqlite3_reset(e->st);
	sqlite3_clear_bindings(e->st);
	return 0;
}
