/* ui_walk_conflict.c - c, F7: an item answered differently on two devices
 * keeps both values after a sync (in->conflicts holds the other side) until
 * a person chooses.  Here the person keeps one of them (inspect_resolve,
 * with the note it was given) or asks to answer anew, which the walk's
 * dispatcher does with the item's own editor.  Which values are offered is
 * conflict_choices (forms/inspect/conflict_items.h); plain answers never come here.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ui_dialog.h"
#include "ui_walk_conflict.h"
#include "core/strbuf.h"
#include "forms/inspect/conflict_items.h"

static void keep(struct walk *w, size_t item, const struct fc_answer *a)
{
	struct fc_err err = { 0 };
	char *v = walk_value_text(w, item, a->value), key[MAX_ITEM_KEY + 1];

	if (inspect_resolve(w->ui->ws, w->f, w->id, walk_key(w, item, key), a->value, a->note,
			    NULL, w->ui->lang, &err)) {
		ui_error_err(w->ui, &err);
	} else {
		walk_reload(w);
		ui_info(w->ui, _("Resolved: the answer is %s."), v);
	}
	free(v);
}

int walk_resolve(struct walk *w)
{
	long it = walk_item(w);
	const struct fc_answer **vals;
	const char **labels;
	size_t n, i;
	int c, anew = 0;
	char key[MAX_ITEM_KEY + 1];

	if (it < 0 || !w->clashes[it]) {
		ui_error(w->ui, _("This item has no conflicting answers."));
		return 0;
	}
	n = conflict_choices(&w->in, walk_key(w, (size_t)it, key), &vals);
	labels = xcalloc(n + 1, sizeof *labels);
	for (i = 0; i < n; i++)
		labels[i] = walk_answer_text(w, (size_t)it, vals[i]);
	labels[n] = _("Answer anew...");
	c = ui_choose(w->ui, _("Resolve the conflict: keep which answer?"), labels, n + 1, 0);
	if (c >= 0 && (size_t)c < n)
		keep(w, (size_t)it, vals[c]);
	else
		anew = (size_t)c == n;
	for (i = 0; i < n; i++)
		free((char *)labels[i]);
	free(labels);
	free(vals);
	return anew;
}
