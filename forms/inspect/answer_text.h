/* answer_text.h - an answer as a person reads it, for every front end and
 * for the printed documents: Pass / Fail / Not applicable for a check, the
 * choices' labels (of form f, in `lang`) for a select, else the value. */
#ifndef FC_ANSWER_TEXT_H
#define FC_ANSWER_TEXT_H

#include <stddef.h>
#include "forms/engine/form.h"

/* The text into buf (cut to size).  `it` may be NULL (an item the form
 * does not have): the value as it is. */
void answer_text(const struct form *f, const struct form_item *it, const char *v,
		 struct form_lang lang, char *buf, size_t size);

#endif
