/* ui_labels.c - timestamps and answers as a person reads them (see ui_labels.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui.h"
#include "ui_labels.h"
#include "core/clock.h"
#include "forms/inspect/answer_text.h"

const char *ui_colon(void)
{
	/* TRANSLATORS: between a label and its value on a screen: "Type: routine" */
	return _(": ");
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

void ui_answer_text(const struct form *f, const struct form_item *it, const char *v,
		    struct form_lang lang, char *buf, size_t size)
{
	answer_text(f, it, v, lang, buf, size);
}
