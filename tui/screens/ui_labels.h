/* ui_labels.h - what the screens show for a record's timestamps (local date
 * and time) and answers (labels); the model's names in the user's language
 * come from core/words.h, which the command line shares. */
#ifndef FC_UI_LABELS_H
#define FC_UI_LABELS_H

#include <stddef.h>

#include "core/model.h"
#include "core/words.h"
#include "forms/engine/form.h"

/* A record's timestamp ("2026-12-02T02:21:36+00:00", written in the
 * offset of the device that made it) as this device's local date and time,
 * "2026-12-02 10:21", in buf (at least UI_WHEN_LEN bytes).  A text that is
 * not a timestamp is copied as it is (ui_put shows it safely). */
#define UI_WHEN_LEN 32
const char *ui_when(const char *ts, char *buf, size_t size);

/* What follows a label before its value: ": ", or "：" in Chinese (the
 * translation's), so "Type: routine" reads 类型：例行检查. */
const char *ui_colon(void);

/* How an answer reads: Pass / Fail / Not applicable for a check, the
 * choices' labels (of form f) for a select, else the value itself. */
void ui_answer_text(const struct form *f, const struct form_item *it, const char *v,
		    struct form_lang lang, char *buf, size_t size);

#endif
