/* ui_pick.h - the pickers of the new-inspection screen: an enterprise
 * found as you type (or added on the spot), and the team. */
#ifndef FC_UI_PICK_H
#define FC_UI_PICK_H

#include "ui.h"
#include "core/model.h"

/* What an enterprise is chosen for: a new inspection (one may be added on
 * the spot), or a filter of a list (only those there are). */
enum pick_mode { PICK_FOR_NEW, PICK_FILTER };
/* Finds an enterprise by name or code as the user types; 0 with its code in
 * code_out (USCC_LEN + 1) and its name in name_out, or -1 if abandoned. */
int ui_pick_enterprise(struct ui *ui, enum pick_mode mode, char *code_out, char *name_out,
		       size_t name_size);
/* Adds an enterprise through a dialog (code checked as typed); 0 with its
 * code and name, or -1 if abandoned. */
int ui_add_enterprise(struct ui *ui, const char *typed, char *code_out, char *name_out,
		      size_t name_size);
/* Edits the team of an inspection of type `type` being started (the
 * signed-in officer stays first). */
void ui_edit_team(struct ui *ui, struct fc_person **team, size_t *n, enum insp_type type);

#endif
