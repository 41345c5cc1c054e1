/* numbering.c - giving an unnumbered XLSForm its fieldcheck version.
 *
 * XLSForm versions are any text, and ODK tools only compare them for
 * equality; fieldcheck's are whole numbers so that "highest wins" is an
 * integer comparison in every record and path (settings.c).  `forms add` of
 * a form whose version is text numbers it the next after the workspace's
 * copy of that id (1 if none), or the copy's own number when the copy was
 * numbered from the same text, so adding one workbook twice is a no-op.
 * The settings written carry the number in `version` and the text in
 * `odk_version`, so the installed form loads numbered and names its
 * origin, and every laptop that syncs it reads the same number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "forms/engine/form.h"
#include "forms/engine/grid.h"
#include "forms/engine/numbering.h"

static int row_blank(const struct grid *g, size_t r)
{
	size_t c;

	for (c = 0; c < g->cols; c++)
		if (g->cell[r][c][0])
			return 0;
	return 1;
}

/* settings_csv with `version` = n and `odk_version` = text in its settings
 * row (the first row under the header that is not blank, as settings.c
 * reads it); a new string, or NULL with err. */
static char *numbered_settings(const char *settings_csv, int n, const char *text,
			       struct fc_err *err)
{
	struct grid g;
	char num[16];
	size_t r;
	int col;
	char *out;

	if (grid_read(settings_csv, &g, err))
		return NULL;
	for (r = 1; r < g.rows && row_blank(&g, r); r++)
		;
	if (r >= g.rows || (col = grid_col(&g, "version")) < 0) {
		grid_release(&g);
		fc_fail(err, _("the form's settings have no version to number"));
		return NULL;
	}
	snprintf(num, sizeof num, "%d", n);
	grid_set(&g, r, (size_t)col, num);
	col = grid_col(&g, "odk_version");
	grid_set(&g, r, col < 0 ? grid_add_col(&g, "odk_version") : (size_t)col, text);
	out = grid_text(&g);
	grid_release(&g);
	return out;
}

int form_number(const struct form *f, const struct form *old, struct form *out,
		struct fc_err *err)
{
	int n = 1;

	if (old && old->odk_version && !strcmp(old->odk_version, f->odk_version))
		n = old->version;
	else if (old && old->version >= MAX_FORM_VERSION)
		return fc_fail(err, _("form %s has version %d in the workspace, the highest "
			       "there is; '%s' cannot be numbered after it"), f->id,
			       old->version, f->odk_version);
	else if (old)
		n = old->version + 1;
	*out = *f; /* shares f's parts: out lives no longer than f */
	out->version = n;
	out->settings_csv = numbered_settings(f->settings_csv, n, f->odk_version, err);
	return out->settings_csv ? 0 : -1;
}
