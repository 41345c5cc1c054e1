/* answer.c - whether a value is a possible answer to an item, by its type.
 *
 * Shared by the default column (checked when the form loads) and by every
 * answer an inspector gives (form_check_value), so both read values the
 * same way.
 */
#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"
#include "core/i18n.h"
#include "core/strbuf.h"

#include "core/clock.h"
#include "core/text.h"
#include "forms/engine/csv.h"
#include "forms/engine/load_impl.h"

static int is_integer(const char *s)
{
	size_t i = s[0] == '-', d = 0;

	for (; s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	return !s[i] && d > 0 && d <= 18;
}

static int is_decimal(const char *s)
{
	size_t i = s[0] == '-', d = 0;

	for (; s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	if (s[i] == '.')
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	return !s[i] && d > 0 && i <= 32;
}

/* Whether two digits at s make a number below `below`. */
static int two_digits(const char *s, int below)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
	       (s[0] - '0') * 10 + (s[1] - '0') < below;
}

/* A time as ODK writes one: HH:MM, then :SS, .fraction and an offset (Z or
 * +HH:MM) as it adds them ("10:30", "10:30:00.000+08:00"). */
static int is_time(const char *s)
{
	size_t i = 5;

	if (!two_digits(s, 24) || s[2] != ':' || !two_digits(s + 3, 60))
		return 0;
	if (s[i] == ':') {
		if (!two_digits(s + i + 1, 61))
			return 0;
		i += 3;
		if (s[i] == '.')
			for (i++; s[i] >= '0' && s[i] <= '9' && i < 16; i++)
				;
	}
	if (s[i] == 'Z')
		i++;
	else if ((s[i] == '+' || s[i] == '-') && two_digits(s + i + 1, 15) && s[i + 3] == ':' &&
		 two_digits(s + i + 4, 60))
		i += 6;
	return !s[i];
}

static int is_choice(const struct form_list *l, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strlen(l->choices[i].name) == n && !memcmp(l->choices[i].name, s, n))
			return 1;
	return 0;
}

static int check_choice(const struct form_item *it, const char *value, struct fc_err *err)
{
	char q[QUOTE_SIZE];

	if (it->choices_of) /* its choices depend on the answers: form_dyn_check */
		return 0;
	if (!it->list || !is_choice(it->list, value, strlen(value)))
		return fc_fail(err, _("'%s' is not one of the item's choices"),
			       load_quote(value, q, sizeof q));
	return 0;
}

/* Space-separated choices, each once. */
static int check_choices(const struct form_item *it, const char *value, struct fc_err *err)
{
	char q[QUOTE_SIZE], w[CHOICE_NAME_MAX + 1];
	const char *p = value, *o;
	size_t n;

	if (it->choices_of) /* its choices depend on the answers: form_dyn_check */
		return 0;
	for (;;) {
		p += strspn(p, " ");
		if (!*p)
			return 0;
		n = strcspn(p, " ");
		if (n > CHOICE_NAME_MAX || !it->list || !is_choice(it->list, p, n)) {
			memcpy(w, p, n < CHOICE_NAME_MAX ? n : CHOICE_NAME_MAX);
			w[n < CHOICE_NAME_MAX ? n : CHOICE_NAME_MAX] = '\0';
			return fc_fail(err, _("'%s' is not one of the item's choices"),
				       load_quote(w, q, sizeof q));
		}
		for (o = value; o < p; o += strcspn(o, " ")) {
			o += strspn(o, " ");
			if (o < p && strcspn(o, " ") == n && !memcmp(o, p, n)) {
				memcpy(w, p, n);
				w[n] = '\0';
				return fc_fail(err, _("'%s' is chosen twice"),
					       load_quote(w, q, sizeof q));
			}
		}
		p += n;
	}
}

/* A typed geopoint as JavaRosa takes it: latitude and longitude, then
 * altitude and accuracy if known; the ones left out are 0, so the value
 * kept is always ODK's four numbers.  A new string. */
static char *geo_four(const char *value)
{
	size_t n = 1;
	const char *p;

	for (p = value; *p; p++)
		n += *p == ' ';
	if (n == 2)
		return xstrfmt("%s 0 0", value);
	if (n == 3)
		return xstrfmt("%s 0", value);
	return xstrdup(value);
}

int form_check_type(const struct form_item *it, const char *value, struct fc_err *err)
{
	char q[QUOTE_SIZE];

	switch (it->type) {
	case FT_TEXT:
		return text_check(value, strlen(value), TEXT_MULTILINE, CSV_FIELD_MAX,
				  _("text"), err);
	case FT_INTEGER:
		if (!is_integer(value))
			return fc_fail(err, _("'%s' is not a whole number"),
				       load_quote(value, q, sizeof q));
		return 0;
	case FT_DECIMAL:
		if (!is_decimal(value))
			return fc_fail(err, _("'%s' is not a number"), load_quote(value, q, sizeof q));
		return 0;
	case FT_DATE:
		if (strspn(value, "0123456789-") != strlen(value) || strlen(value) > 10)
			return fc_fail(err, _("'%s' is not a date (YYYY-MM-DD)"),
				       load_quote(value, q, sizeof q));
		return date_check(value, _("date"), err);
	case FT_GEOPOINT: {
		char *four = geo_four(value);
		int rc = geo_check(four, _("position"), err);
		free(four);
		if (rc) /* said with what was typed, not with the zeros added */
			return fc_fail(err, _("position '%s' is not a position (latitude and "
				       "longitude, then altitude and accuracy if known: like 30.27 "
				       "120.15 or 30.27 120.15 12 5)"), load_quote(value, q, sizeof q));
		return 0;
	}
	case FT_TIME:
		if (!is_time(value))
			return fc_fail(err, _("'%s' is not a time (HH:MM)"), load_quote(value, q, sizeof q));
		return 0;
	case FT_DATETIME: {
		char date[FC_DATE_LEN + 1];
		if (strlen(value) < FC_DATE_LEN + 6 || value[FC_DATE_LEN] != 'T' ||
		    !is_time(value + FC_DATE_LEN + 1))
			return fc_fail(err, _("'%s' is not a date and time (YYYY-MM-DDTHH:MM)"),
				       load_quote(value, q, sizeof q));
		memcpy(date, value, FC_DATE_LEN);
		date[FC_DATE_LEN] = '\0';
		return date_check(date, _("date"), err);
	}
	case FT_MEDIA:
		return fc_fail(err, _("it is answered by attaching a file (inspection attach ID "
				      "%s FILE), not by typing"), it->name);
	case FT_SELECT_ONE:
		return check_choice(it, value, err);
	case FT_SELECT_MULTIPLE:
		return check_choices(it, value, err);
	case FT_ACKNOWLEDGE:
		if (strcmp(value, "OK"))
			return fc_fail(err, _("'%s' is not OK (an acknowledgement is answered "
					      "OK)"), load_quote(value, q, sizeof q));
		return 0;
	case FT_RANGE:
		return form_check_range(it, value, err);
	case FT_GEOTRACE:
	case FT_GEOSHAPE:
		return form_check_trace(value, it->type == FT_GEOSHAPE, err);
	case FT_RANK:
		return form_check_rank(it, value, err);
	case FT_CHECK:
		if (strcmp(value, "pass") && strcmp(value, "fail") && strcmp(value, "na"))
			return fc_fail(err, _("'%s' is not pass, fail or na"),
				       load_quote(value, q, sizeof q));
		return 0;
	default:
		return fc_fail(err, _("a %s takes no answer"), form_type_name(it->type));
	}
}

/* Whether the digits of s (dots aside) are all zeros. */
static int is_zero(const char *s)
{
	return s[strspn(s, "0.")] == '\0';
}

char *form_canonical_value(const struct form *f, size_t i, const char *value)
{
	enum form_type t = f->items[i].type;
	const char *digits = value + (value[0] == '-');

	if ((t == FT_INTEGER || (t == FT_RANGE && !f->items[i].range.decimal)) &&
	    is_integer(value)) {
		digits += strspn(digits, "0");
		if (!*digits)
			return xstrdup("0");
		return xstrfmt("%s%s", value[0] == '-' ? "-" : "", digits);
	}
	if ((t == FT_DECIMAL || t == FT_RANGE) && is_decimal(value) && value[0] == '-' &&
	    is_zero(digits))
		return xstrdup(digits);
	if (t == FT_GEOPOINT)
		return geo_four(value);
	if (t == FT_GEOTRACE || t == FT_GEOSHAPE)
		return form_trace_canonical(value, t == FT_GEOSHAPE);
	return xstrdup(value);
}
