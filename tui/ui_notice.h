/* ui_notice.h - the rectification order (责令限期整改指令书) of an
 * inspection, as printable text.
 *
 * Plain C, no curses: the CLI can print the same text.  The fields follow
 * DOMAIN.md: inspected unit; hazard list; rectification items; deadline;
 * the authority for administrative review and the court for litigation
 * (workspace settings "notice.review" and "notice.court", blank lines to
 * fill in by hand when unset); two officers with their ID numbers; the
 * signature line of the inspected party's responsible person; the date.
 */
#ifndef FC_UI_NOTICE_H
#define FC_UI_NOTICE_H

#include "core/strbuf.h"
#include "core/workspace.h"
#include "forms/form.h"

/* Appends the text of inspection `id`'s order in `lang` to out.  Refuses an
 * inspection without hazards (there is nothing to order). */
int notice_build(struct fc_workspace *ws, const char *id, enum form_lang lang,
		 struct strbuf *out, struct fc_err *err);
/* Writes it to WORKSPACE/notices/<first 8 of id>.txt (replacing an older
 * one, atomically); *path_out gets the path (free() it). */
int notice_write(struct fc_workspace *ws, const char *id, enum form_lang lang,
		 char **path_out, struct fc_err *err);

#endif
