/* ui_answer_odk.c - answering the types ODK adds that are not typed: an
 * acknowledgement (its one answer, OK) and a ranking (the list's choices
 * put in order by choosing the first, then the next of those left, as a
 * terminal can).  The typed ones (range, geotrace, geoshape) use the walk's
 * line editor (ui_answer.c). */
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_answer.h"
#include "core/strbuf.h"

int walk_acknowledge(struct walk *w, size_t idx, enum walk_how how)
{
	const char *const labels[] = { _("OK") };

	if (ui_choose(w->ui, walk_label(w, idx), labels, 1, 0) < 0)
		return -1;
	return walk_answer(w, "OK", walk_note(w, idx), NULL, how);
}

/* Chooses each place of the ranking in turn; the names in order into sb.
 * 0, or -1 when cancelled. */
static int rank_places(struct walk *w, const struct form_list *l, size_t idx,
		       struct strbuf *sb)
{
	const char **labels = xcalloc(l->n + 1, sizeof *labels);
	size_t *left = xcalloc(l->n + 1, sizeof *left), n = l->n, place, k;
	int rc = 0;

	for (k = 0; k < n; k++)
		left[k] = k;
	for (place = 1; n > 0 && rc == 0; place++) {
		char *title = xstrfmt(_("%s: place %zu of %zu"), walk_label(w, idx), place, l->n);
		int c;
		for (k = 0; k < n; k++)
			labels[k] = form_text(w->f, &l->choices[left[k]].label, w->ui->lang);
		c = n == 1 ? 0 : ui_choose(w->ui, title, labels, n, 0);
		free(title);
		if (c < 0) {
			rc = -1;
			break;
		}
		strbuf_addf(sb, "%s%s", sb->len ? " " : "", l->choices[left[c]].name);
		memmove(&left[c], &left[c + 1], (n - (size_t)c - 1) * sizeof *left);
		n--;
	}
	free(left);
	free(labels);
	return rc;
}

int walk_rank(struct walk *w, const struct form_item *it, size_t idx, enum walk_how how)
{
	struct strbuf sb;
	int rc;

	if (!it->list || !it->list->n)
		return -1;
	strbuf_init(&sb);
	rc = rank_places(w, it->list, idx, &sb);
	if (rc == 0)
		rc = walk_answer(w, sb.buf, walk_note(w, idx), NULL, how);
	strbuf_release(&sb);
	return rc;
}
