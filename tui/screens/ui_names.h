/* ui_names.h - what a person calls a form and an item: the form's title and
 * the item's label in the UI's language, for screens that hold only ids (the
 * dashboard's rows and bars, a hazard, a record's history).
 *
 * A screen keeps one struct ui_names for its life: forms are read once, from
 * the store's copy an inspection was filled with (id and version), else from
 * the installed and workspace forms; at most UI_NAMES_MAX of them, then the
 * id is shown.  Whatever is not found is shown as its id. */
#ifndef FC_UI_NAMES_H
#define FC_UI_NAMES_H

#include <stddef.h>

#include "ui.h"
#include "core/strbuf.h"

#define UI_NAMES_MAX 32

struct ui_names {
	struct ui_names_form {
		char *id;
		int version;            /* 0: the catalogue's, whatever version */
		struct form *f;         /* NULL: looked for, not found */
	} *e;
	size_t n, alloc;
	struct form_catalog *cat;   /* loaded when first needed */
};

/* The title of form `id` (version 0: any). */
const char *ui_form_title(struct ui *ui, struct ui_names *c, const char *id, int version);
/* The label of an answer's key ("plate", "plate@<uuid>") of form `id`
 * version `version` (0: any), added to out: "Plate (Vehicle 2)" with the
 * instance's position in `in` (forms/inspect/visit.h), the key itself when
 * the form lacks the item.  in may be NULL. */
void ui_item_name(struct ui *ui, struct ui_names *c, const char *id, int version,
		  const struct fc_inspection *in, const char *key, struct strbuf *out);
void ui_names_release(struct ui_names *c);

#endif
