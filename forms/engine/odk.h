/* odk.h - a form's sheets as ODK's converter takes them, and back.
 *
 * pyxform, ODK's XLSForm converter, refuses two things of fieldcheck's: the
 * `check` type and a title per language (form_title::zh).  `forms export`
 * therefore writes a workbook whose sheets say the same in ODK's terms, and
 * notes in the settings what it changed, so that reading the workbook back
 * undoes exactly that and gives the sheets that were exported, byte for
 * byte: the same form, kept and synced as the same bytes (see
 * docs/ARCHITECTURE.md, "Forms", and odk.c for the changes).
 */
#ifndef FC_FORMS_ODK_H
#define FC_FORMS_ODK_H

#include "core/err.h"
#include "forms/engine/form.h"
#include "forms/engine/xlsx.h"

#define ODK_CHECK_LIST "fieldcheck_check" /* the list a check becomes a select_one of */
#define ODK_MARK "fieldcheck_odk"         /* the settings column saying what changed */

/* The form's three sheets (f->survey_csv ...) as ODK takes them, into out
 * (new strings; out[XS_CHOICES] or out[XS_SETTINGS] NULL where the form has
 * none and needs none).  0, or -1 with err (a list of the form is already
 * called ODK_CHECK_LIST). */
int odk_export(const struct form *f, char *out[XS_COUNT], struct fc_err *err);

/* Undoes odk_export on a workbook's sheets, in place, when its settings
 * carry ODK_MARK (else leaves them alone): the lines' map to sheet rows
 * follows.  0, or -1 with err. */
int odk_import(struct xlsx_sheets *x, struct fc_err *err);

#endif
