/* ui_texts.c - a dialog for an inspection's texts beyond its answers (the
 * unit's responsible person, the findings, the opinion: core/inspection.h,
 * inspection_set_texts): the start screen asks the first three, the review
 * all five.  Each is checked as the store will check it before the dialog
 * closes. */
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_screens.h"
#include "core/i18n.h"
#include "core/text.h"

static const struct {
	const char *label;
	size_t max;
	enum text_kind kind;
} fields[INSP_TEXT_COUNT] = {
	{ N_("Legal representative or responsible person"), MAX_NAME, TEXT_LINE },
	{ N_("Title"), MAX_TITLE, TEXT_LINE },
	{ N_("Phone"), MAX_PHONE, TEXT_LINE },
	{ N_("Findings (检查情况)"), MAX_FINDINGS, TEXT_MULTILINE },
	{ N_("Opinion on handling (处理意见)"), MAX_FINDINGS, TEXT_MULTILINE },
};

struct texts {
	int first;
};

static int texts_submit(struct ui_form *d, void *ctx)
{
	struct texts *t = ctx;
	struct fc_err err = { 0 };
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *v = ui_field_value(d, i);
		int bad = text_check(v, strlen(v), fields[t->first + (int)i].kind,
				     fields[t->first + (int)i].max, _(fields[t->first + (int)i].label),
				     &err);
		free(v);
		if (bad) {
			snprintf(d->msg, sizeof d->msg, "%s", err.msg);
			d->msg_err = 1;
			d->focus = i;
			return -1;
		}
	}
	return 0;
}

int ui_ask_texts(struct ui *ui, const char *title, const char *const init[INSP_TEXT_COUNT],
		 int first, int n, char *out[INSP_TEXT_COUNT])
{
	struct ui_field f[INSP_TEXT_COUNT];
	struct ui_form d;
	struct texts t = { first };
	int i, rc;

	memset(&d, 0, sizeof d);
	for (i = 0; i < n; i++)
		ui_field_text(&f[i], _(fields[first + i].label), init[first + i] ? init[first + i] : "",
			      fields[first + i].max);
	d.title = title;
	d.f = f;
	d.n = (size_t)n;
	d.submit = texts_submit;
	d.ctx = &t;
	rc = ui_form_run(ui, &d);
	for (i = 0; rc == 0 && i < n; i++)
		out[first + i] = text_trim(ui_field_value(&d, (size_t)i));
	ui_fields_free(f, (size_t)n);
	return rc;
}
