/* words.c - the model's names in the user's language (see words.h). */
#include "words.h"

#include <stdio.h>

#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"

const char *model_word(const char *name)
{
	static const char *const w[][2] = {
		{ "open", N_("open") }, { "notified", N_("notified") },
		{ "rectified", N_("rectified") }, { "closed", N_("closed") },
		{ "general", N_("general") }, { "major", N_("major") },
		{ "draft", N_("draft") }, { "final", N_("final") },
		{ "routine", N_("routine") }, { "unannounced", N_("unannounced") },
		{ "joint", N_("joint") }, { "recheck", N_("recheck") },
		{ "inspector", N_("inspector") }, { "supervisor", N_("supervisor") },
		{ "yes", N_("yes") }, { "no", N_("no") },
	};
	size_t i;

	for (i = 0; name && i < ARRAY_SIZE(w); i++)
		if (!strcmp(name, w[i][0]))
			return _(w[i][1]);
	return name;
}

const char *insp_type_label(enum insp_type t)
{
	static const char *const l[INSP_TYPE_COUNT] = {
		N_("Routine"), N_("Unannounced (four nos, two straights)"),
		N_("Joint enforcement"), N_("Re-inspection"),
	};
	return (unsigned)t < INSP_TYPE_COUNT ? _(l[t]) : "?";
}

const char *hazard_event_label(enum hazard_event_kind k)
{
	static const char *const l[HEV_KIND_COUNT] = {
		N_("found"), N_("notice issued"), N_("rectified"), N_("verified and closed"),
		N_("deadline extended"), N_("listed supervision"), N_("comment"),
	};
	return (unsigned)k < HEV_KIND_COUNT ? _(l[k]) : "?";
}

const char *size_words(long long n, char *buf, size_t size)
{
	if (n < 1024)
		snprintf(buf, size, "%lld B", n);
	else if (n < 1024 * 1024)
		snprintf(buf, size, "%.0f KB", (double)n / 1024);
	else
		snprintf(buf, size, "%.1f MB", (double)n / (1024 * 1024));
	return buf;
}
