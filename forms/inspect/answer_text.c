/* answer_text.c - an answer as a person reads it (see answer_text.h). */
#include <stdio.h>
#include <string.h>

#include "answer_text.h"
#include "core/i18n.h"
#include "core/strbuf.h"

/* The label of choice `name` (n bytes) of list l, or NULL. */
static const char *choice_label(const struct form *f, const struct form_list *l,
				const char *name, size_t n, struct form_lang lang)
{
	size_t i;

	for (i = 0; l && i < l->n; i++)
		if (strlen(l->choices[i].name) == n && !memcmp(l->choices[i].name, name, n))
			return form_text(f, &l->choices[i].label, lang);
	return NULL;
}

void answer_text(const struct form *f, const struct form_item *it, const char *v,
		 struct form_lang lang, char *buf, size_t size)
{
	struct strbuf sb;
	const char *p = v, *label;
	size_t n;

	if (it && it->type == FT_CHECK) {
		snprintf(buf, size, "%s", !strcmp(v, "pass") ? _("Pass") : !strcmp(v, "fail")
			 ? _("Fail") : !strcmp(v, "na") ? _("Not applicable") : v);
		return;
	}
	if (!it || (!it->list && !it->choices_of) ||
	    (it->type != FT_SELECT_ONE && it->type != FT_SELECT_MULTIPLE && it->type != FT_RANK) ||
	    (it->choices_of && it->type == FT_SELECT_ONE)) { /* a repeat's answer: as is */
		snprintf(buf, size, "%s", v);
		return;
	}
	strbuf_init(&sb);
	while (*(p += strspn(p, " "))) {
		n = strcspn(p, " ");
		if (sb.len)
			strbuf_adds(&sb, ", ");
		label = it->list ? choice_label(f, it->list, p, n, lang) : NULL; /* a value's
										   * label is itself */
		if (label)
			strbuf_adds(&sb, label);
		else
			strbuf_add(&sb, p, n);
		p += n;
	}
	snprintf(buf, size, "%s", sb.buf);
	strbuf_release(&sb);
}
