/* ui_histline.h - a record's history (sync/history.h) as a person reads it:
 * the commit subjects in the UI's language (sync/subject.h), each changed
 * line's field names as labels, items by their labels in the form, and the
 * model's words (states, severities, events) translated. */
#ifndef FC_UI_HISTLINE_H
#define FC_UI_HISTLINE_H

#include "ui_names.h"
#include "sync/history.h"

/* Rewrites h's subjects and lines in place; form_id may be "" (items keep
 * their names). */
void ui_history_localize(struct ui *ui, struct ui_names *names, struct history *h,
			 const char *form_id, int form_version);

#endif
