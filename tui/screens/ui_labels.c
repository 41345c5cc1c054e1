/* ui_labels.c - translated words for the model's names (see ui_labels.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui.h"
#include "ui_labels.h"
#include "core/clock.h"
#include "core/strbuf.h"

const char *ui_type_label(enum insp_type t)
{
	static const char *const l[INSP_TYPE_COUNT] = {
		N_("Routine"), N_("Unannounced (four nos, two straights)"),
		N_("Joint enforcement"), N_("Re-inspection"),
	};
	return t < INSP_TYPE_COUNT ? _(l[t]) : "?";
}

const char *ui_word(const char *name)
{
	static const char *const w[][2] = {
		{ "open", N_("open") }, { "notified", N_("notified") },
		{ "rectified", N_("rectified") }, { "closed", N_("closed") },
		{ "general", N_("general") }, { "major", N_("major") },
		{ "draft", N_("draft") }, { "final", N_("final") },
		{ "routine", N_("routine") }, { "unannounced", N_("unannounced") },
		{ "joint", N_("joint") }, { "recheck", N_("recheck") },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(w); i++)
		if (!strcmp(name, w[i][0]))
			return _(w[i][1]);
	return name;
}

const char *ui_event_label(enum hazard_event_kind k)
{
	static const char *const l[HEV_KIND_COUNT] = {
		N_("found"), N_("notice issued"), N_("rectified"), N_("verified and closed"),
		N_("deadline extended"), N_("listed supervision"), N_("comment"),
	};
	return k < HEV_KIND_COUNT ? _(l[k]) : "?";
}

const char *ui_when(const char *ts, char *buf, size_t size)
{
	struct fc_err err;
	long long epoch;
	int off;
	time_t t;
	struct tm tm;

	if (!ts || !*ts) {
		snprintf(buf, size, "%s", "");
		return buf;
	}
	t = 0;
	if (timestamp_epoch(ts, &epoch, &off, &err) || (t = (time_t)epoch, (long long)t != epoch) ||
	    !localtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, size, "%s", ts);
	return buf;
}

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

void ui_answer_text(const struct form *f, const struct form_item *it, const char *v,
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
	if (!it || !it->list || (it->type != FT_SELECT_ONE && it->type != FT_SELECT_MULTIPLE)) {
		snprintf(buf, size, "%s", v);
		return;
	}
	strbuf_init(&sb);
	while (*(p += strspn(p, " "))) {
		n = strcspn(p, " ");
		if (sb.len)
			strbuf_adds(&sb, ", ");
		label = choice_label(f, it->list, p, n, lang);
		if (label)
			strbuf_adds(&sb, label);
		else
			strbuf_add(&sb, p, n);
		p += n;
	}
	snprintf(buf, size, "%s", sb.buf);
	strbuf_release(&sb);
}
