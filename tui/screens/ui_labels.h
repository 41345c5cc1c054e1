/* ui_labels.h - the words the screens show for the model's names
 * (inspection types, hazard states, severities, events), translated. */
#ifndef FC_UI_LABELS_H
#define FC_UI_LABELS_H

#include "core/model.h"

const char *ui_type_label(enum insp_type t);
/* By the name used in records and listings ("open", "major", "draft"...). */
const char *ui_word(const char *name);
const char *ui_event_label(enum hazard_event_kind k);

#endif
