/* ui_filerows.c - one evidence file described in rows (see ui_filerows.h).
 * Names and places come from anyone's record: callers draw the rows
 * through ui_put only. */
#include <stdio.h>
#include <stdlib.h>

#include "ui_filerows.h"
#include "ui_labels.h"
#include "core/strbuf.h"
#include "core/words.h"

void ui_file_rows(const struct fc_attachment *a, const char *by, const char *what, int here,
		  int indent, ui_file_row_fn *emit, void *ctx)
{
	char when[UI_WHEN_LEN], taken[UI_WHEN_LEN], size[32];
	char *s;

	s = xstrfmt("%s · %s · %s%s", a->name, a->type, size_words(a->size, size, sizeof size),
		    what);
	emit(ctx, a->withdrawn[0] ? R_DIM : R_NORMAL, indent, s);
	free(s);
	if (a->taken[0] || a->geo[0]) {
		s = xstrfmt("%s %s%s%s", _("taken"),
			    a->taken[0] ? ui_when(a->taken, taken, sizeof taken) : "",
			    a->geo[0] ? _(" at ") : "", a->geo);
		emit(ctx, R_DIM, indent + 3, s);
		free(s);
	}
	s = xstrfmt("%s %s, %s%s", _("attached by"), by, ui_when(a->at, when, sizeof when),
		    a->withdrawn[0] ? _(" · withdrawn") : "");
	emit(ctx, R_DIM, indent + 3, s);
	free(s);
	if (!here)
		emit(ctx, R_WARN, indent + 3, _("not on this laptop (o fetches it)"));
}
