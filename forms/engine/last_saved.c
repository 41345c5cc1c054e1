/* last_saved.c - ${last-saved#x}: x's value in the form's last saved
 * record (ODK's jr://instance/last-saved, as pyxform writes it in a
 * default, a calculation, any expression or a label).  The engine only
 * names it: the translator binds it as XP_PARAM_LAST(x) (xpath.c), labels
 * read it in form_fill and a default offers it (eval.c), each through
 * form_answers.last_saved, which the inspection's layer fills from the
 * store (forms/inspect/last_saved.c).  No form text reaches a query.
 */
#include <string.h>

#include "forms/engine/form.h"
#include "forms/engine/xpath.h"

size_t form_last_saved_prefix(const char *name)
{
	size_t ls = strlen(XP_LAST_SAVED);

	return strncmp(name, XP_LAST_SAVED, ls) ? 0 : ls;
}
