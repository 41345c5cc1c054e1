/* words.h - what a person reads for the model's names: inspection types,
 * statuses, hazard states, severities, events and officers' roles in the
 * user's language, for both front ends (the screens and the command line's
 * text output).
 *
 * The names themselves (model.h: "open", "major", "draft"...) are what
 * records, CSV and --format json carry, in English; only text for a person
 * goes through these. */
#ifndef FC_WORDS_H
#define FC_WORDS_H

#include "core/model.h"

/* The word for a name used in records and listings ("open", "major",
 * "draft", "routine", "supervisor", "yes"...); a name it does not know is returned as it
 * is. */
const char *model_word(const char *name);
/* The longer label of an inspection type ("Joint enforcement"). */
const char *insp_type_label(enum insp_type t);
/* What happened to a hazard ("notice issued", "verified and closed"). */
const char *hazard_event_label(enum hazard_event_kind k);
/* A file's size as a person reads it: "812 B", "34 KB", "5.0 MB"; buf. */
const char *size_words(long long bytes, char *buf, size_t size);

#endif
