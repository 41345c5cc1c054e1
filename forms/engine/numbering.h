/* numbering.h - the fieldcheck version of a form whose XLSForm version is
 * text (numbering.c). */
#ifndef FC_FORMS_NUMBERING_H
#define FC_FORMS_NUMBERING_H

#include "core/err.h"

struct form;

/* The unnumbered form f (version 0) as `forms add` installs it beside old,
 * the workspace's copy of its id (or NULL): into *out, which shares f's
 * parts but its own settings_csv (free() that, never form_free(out)).
 * 0, or -1 with err. */
int form_number(const struct form *f, const struct form *old, struct form *out,
		struct fc_err *err);

#endif
