/* hazard_if.c - a select_one that raises a hazard: our `hazard_if` column
 * names the choices that mean one ("no unsafe"), as `fail` does for a
 * check, so a form written elsewhere (a yes/no checklist) raises hazards
 * with the severity of its `hazard` column and closes them through the
 * same loop. */
#include <stdio.h>
#include <string.h>

#include "forms/engine/form.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/survey_impl.h"

/* Whether the space-separated words of `list` hold `word`. */
static int word_in(const char *list, const char *word, size_t n)
{
	const char *p = list;

	while (*(p += strspn(p, " \t"))) {
		size_t k = strcspn(p, " \t");
		if (k == n && !memcmp(p, word, n))
			return 1;
		p += k;
	}
	return 0;
}

int form_item_raises(const struct form_item *it)
{
	return it->type == FT_CHECK || (it->type == FT_SELECT_ONE && it->hazard_if);
}

int form_item_hazard_on(const struct form_item *it, const char *value)
{
	if (it->type == FT_CHECK)
		return !strcmp(value, "fail");
	return form_item_raises(it) && *value && word_in(it->hazard_if, value, strlen(value));
}

void survey_check_hazard_if(struct loader *ld, struct survey *sv, size_t i)
{
	const struct form_item *it = &ld->f->items[i];
	const char *p;
	char q[QUOTE_SIZE];
	size_t c;

	if (!it->hazard_if || !it->list)
		return;
	for (p = it->hazard_if; *(p += strspn(p, " \t"));) {
		size_t k = strcspn(p, " \t");
		for (c = 0; c < it->list->n; c++)
			if (strlen(it->list->choices[c].name) == k &&
			    !memcmp(it->list->choices[c].name, p, k))
				break;
		if (c == it->list->n) {
			snprintf(q, sizeof q, "%.*s", (int)(k < 40 ? k : 40), p);
			sheet_problem(ld, &sv->sh, sv->row[i], S_HAZARD_IF, SLOT_PLAIN,
				      "hazard_if: '%s' is no choice of list '%s'", q,
				      it->list->name);
			return;
		}
		p += k;
	}
}
