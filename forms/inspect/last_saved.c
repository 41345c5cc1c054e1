/* last_saved.c - the record XLSForm's ${last-saved#x} reads (inspect.h).
 *
 * ODK reads the last saved record of the form on the device.  Here it is
 * the inspection of the same form (any version) that the same officer
 * started last before this one (core/inspection_last.c), so the choice
 * depends only on records: it is the same when the draft is reopened and
 * on another laptop that has synced them.  The store is asked with the
 * record's own fields as bound parameters; the engine only gets the
 * values, through form_answers.last_saved.
 */
#include <string.h>

#include "core/inspection.h"
#include "forms/inspect/inspect_impl.h"

int inspect_last_load(struct fc_workspace *ws, const struct form *f,
		      const struct fc_inspection *in, struct inspect_last *out, struct fc_err *err)
{
	char id[FC_UUID_LEN + 1];
	int r;

	memset(out, 0, sizeof *out);
	if (!f->reads_last_saved)
		return 0;
	r = inspection_last_saved(ws->store, in, id, err);
	if (r <= 0)
		return r;
	if (inspection_get(ws->store, id, &out->in, err))
		return -1;
	out->have = 1;
	return 1;
}

void inspect_last_release(struct inspect_last *l)
{
	if (l->have)
		inspection_clear(&l->in);
	l->have = 0;
}

void inspect_answers_last(struct inspect_answers *a, const struct inspect_last *l)
{
	a->l.last = l && l->have ? &l->in : NULL;
}

const char *inspect_lookup_last(void *ctx, const char *key)
{
	const struct inspect_lookup *l = ctx;
	const struct fc_answer *a = l->last ? inspection_answer(l->last, key) : NULL;

	return a ? a->value : NULL;
}
