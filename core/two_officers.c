/* two_officers.c - the department's setting of which inspection types are
 * done in pairs (see two_officers.h). */
#include "two_officers.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "words.h"

int two_officers_parse(const char *s, unsigned *mask, struct fc_err *err)
{
	char *copy, *word, *save = NULL;
	enum insp_type t;
	int rc = 0;

	*mask = 0;
	if (!strcmp(s, "all"))
		return *mask = TWO_OFFICERS_ALL, 0;
	if (!strcmp(s, "none"))
		return 0;
	copy = xstrdup(s);
	for (word = strtok_r(copy, ",", &save); word && rc == 0; word = strtok_r(NULL, ",", &save))
		if (insp_type_parse(word, &t))
			rc = fc_fail(err, _("'%s' is not an inspection type (routine, unannounced, "
					    "joint, recheck; or all, none)"), word);
		else
			*mask |= 1u << t;
	free(copy);
	if (rc == 0 && *mask == 0)
		rc = fc_fail(err, _("no inspection type given (routine, unannounced, joint, "
				    "recheck; or all, none)"));
	return rc;
}

void two_officers_format(unsigned mask, struct strbuf *out)
{
	int t, any = 0;

	if ((mask & TWO_OFFICERS_ALL) == TWO_OFFICERS_ALL) {
		strbuf_adds(out, "all");
		return;
	}
	for (t = 0; t < INSP_TYPE_COUNT; t++)
		if (mask & (1u << t))
			strbuf_addf(out, "%s%s", any++ ? "," : "", insp_type_name((enum insp_type)t));
	if (!any)
		strbuf_adds(out, "none");
}

int two_officers_get(struct fc_store *s, unsigned *mask, struct fc_err *err)
{
	char *v = NULL;
	int rc;

	if (store_meta_get(s, TWO_OFFICERS_META, &v, err))
		return -1;
	if (!v || !*v) { /* unset: every type */
		free(v);
		*mask = TWO_OFFICERS_ALL;
		return 0;
	}
	rc = two_officers_parse(v, mask, err);
	free(v);
	return rc ? fc_err_prefix(err, _("the setting %s"), TWO_OFFICERS_META) : 0;
}

int two_officers_set(struct fc_store *s, unsigned mask, struct fc_err *err)
{
	struct strbuf sb;
	int rc;

	strbuf_init(&sb);
	two_officers_format(mask, &sb);
	rc = store_meta_set(s, TWO_OFFICERS_META, sb.buf, err);
	strbuf_release(&sb);
	return rc;
}

size_t two_officers_need(unsigned mask, enum insp_type t)
{
	size_t need = mask & (1u << t) ? 2 : 1;

	return insp_type_min_team(t) > need ? insp_type_min_team(t) : need;
}

void two_officers_warning(unsigned mask, enum insp_type t, size_t n_team, struct strbuf *out)
{
	size_t need = two_officers_need(mask, t);

	if (n_team >= need)
		return;
	/* TRANSLATORS: 1: the type (routine, joint...), 2: officers needed,
	 * 3: officers on the team. */
	strbuf_addf(out, _("a %s inspection is done by at least %zu officers (enforcement in "
			   "pairs), and the team has %zu"),
		    model_word(insp_type_name(t)), need, n_team);
}

int team_warning(struct fc_store *s, enum insp_type t, size_t n_team, struct strbuf *out,
		 struct fc_err *err)
{
	unsigned mask;

	if (two_officers_get(s, &mask, err))
		return -1;
	two_officers_warning(mask, t, n_team, out);
	return 0;
}
