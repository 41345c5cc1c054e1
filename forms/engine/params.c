/* params.c - the survey's parameters column ("start=0 end=100 step=5").
 *
 * pyxform reads KEY=VALUE pairs separated by spaces, commas or semicolons
 * (parsing/parameters.py), keys without case.  fieldcheck uses a range's
 * start, end and step (pyxform's defaults 1, 10 and 1; a range is a
 * decimal when one of them is not whole, as pyxform binds it); what only
 * draws a slider (tick_interval, placeholder, tick_labelset) and the
 * parameters of other types (an image's max-pixels, a select's randomize)
 * load with a warning that they are not used.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/strbuf.h"
#include "forms/engine/survey_impl.h"

#define PARAM_LEN 64

/* The next KEY=VALUE of *p into key and val; 1, 0 at the end, -1 when
 * malformed. */
static int next_pair(const char **p, char *key, char *val)
{
	const char *s = *p + strspn(*p, " \t,;"), *eq;
	size_t n;

	if (!*s)
		return 0;
	n = strcspn(s, " \t,;=");
	eq = s + n;
	if (!n || *eq != '=' || n >= PARAM_LEN)
		return -1;
	memcpy(key, s, n);
	key[n] = '\0';
	s = eq + 1;
	n = strcspn(s, " \t,;=");
	if (!n || s[n] == '=' || n >= PARAM_LEN)
		return -1;
	memcpy(val, s, n);
	val[n] = '\0';
	*p = s + n;
	return 1;
}

/* A finite number, all of s; 0 or -1. */
static int number(const char *s, double *out)
{
	char *end;

	*out = strtod(s, &end);
	return *s && !*end && isfinite(*out) && fabs(*out) < 1e15 ? 0 : -1;
}

static void read_range(struct loader *ld, struct survey *sv, const struct csv_row *row,
		       struct form_item *it, const char *v)
{
	static const char *const draw[] = { "tick_interval", "placeholder", "tick_labelset" };
	double *slot[3] = { &it->range.start, &it->range.end, &it->range.step };
	static const char *const names[3] = { "start", "end", "step" };
	char key[PARAM_LEN], val[PARAM_LEN];
	size_t k;
	int r;

	it->range.start = 1;
	it->range.end = 10;
	it->range.step = 1;
	while ((r = next_pair(&v, key, val)) > 0) {
		for (k = 0; k < 3 && strcasecmp(key, names[k]); k++)
			;
		if (k < 3 && number(val, slot[k]))
			sheet_problem(ld, &sv->sh, row, S_PARAMETERS, SLOT_PLAIN, "parameters: "
				      "%s '%s' is not a number", names[k], val);
		else if (k < 3)
			continue;
		for (k = 0; k < ARRAY_SIZE(draw) && strcasecmp(key, draw[k]); k++)
			;
		if (k < ARRAY_SIZE(draw))
			sheet_warning(ld, &sv->sh, row, S_PARAMETERS, SLOT_PLAIN, "parameters: "
				      "%s only draws a slider, which a terminal does not", key);
		else
			sheet_problem(ld, &sv->sh, row, S_PARAMETERS, SLOT_PLAIN, "parameters: "
				      "'%s' is not a range's (start, end, step, tick_interval, "
				      "placeholder, tick_labelset)", key);
	}
	if (r < 0)
		sheet_problem(ld, &sv->sh, row, S_PARAMETERS, SLOT_PLAIN, "parameters: not "
			      "KEY=VALUE pairs separated by spaces");
	if (it->range.step == 0 || fabs(it->range.step) > fabs(it->range.end - it->range.start))
		sheet_problem(ld, &sv->sh, row, S_PARAMETERS, SLOT_PLAIN, "parameters: step "
			      "%g is 0 or wider than the range from %g to %g", it->range.step,
			      it->range.start, it->range.end);
	for (k = 0; k < 3; k++)
		if (*slot[k] != floor(*slot[k]))
			it->range.decimal = 1;
}

void survey_read_parameters(struct loader *ld, struct survey *sv, const struct csv_row *row,
			    struct form_item *it)
{
	const char *v = sheet_get(&sv->sh, row, S_PARAMETERS, SLOT_PLAIN);

	if (it->type == FT_RANGE)
		read_range(ld, sv, row, it, v);
	else if (*v)
		sheet_warning(ld, &sv->sh, row, S_PARAMETERS, SLOT_PLAIN, "parameters are not "
			      "used for items of type %s", form_type_name(it->type));
}
