/* stale_choices.c - a select_one ${q}'s answer that is no longer one of
 * its choices (forms/engine/dyn_choices.c): the instance of q's repeat it
 * named was removed, or q answered otherwise since.  The answer stays as
 * recorded (nothing is dropped behind the inspector's back); finalizing,
 * and the review before it, say which it is, so it is answered again. */
#include "inspect.h"
#include "instances.h"
#include "inspect_impl.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"

/* Item i's answer in instance inst ("" outside repeats), if it applies:
 * still among its choices.  0, or -1 with err saying why not. */
static int still_offered(const struct form *f, const struct fc_inspection *in, size_t i,
			 const char *inst, struct form_lang lang, struct fc_err *err)
{
	struct inspect_answers a;
	char key[MAX_ITEM_KEY + 1];
	const char *v;
	int rel;

	inspect_answers_init(&a, in);
	snprintf(key, sizeof key, *inst ? "%s@%s" : "%s", f->items[i].name, inst);
	if (!(v = inspect_lookup_get(&a.l, key)) || !*v)
		return 0;
	inspect_answers_in(&a, f, i, inst);
	a.fa.lang = lang;
	if ((rel = form_relevant(f, i, &a.fa, err)) <= 0)
		return rel;
	return form_dyn_check(f, i, v, &a.fa, lang, err);
}

int inspect_stale_choices(const struct form *f, const struct fc_inspection *in,
			  struct form_lang lang, struct fc_err *err)
{
	struct inspect_instance *v;
	size_t i, k, n;
	int rc = 0;

	for (i = 0; i < f->n_items && !rc; i++) {
		if (!f->items[i].choices_of)
			continue;
		if (f->items[i].repeat < 0) {
			rc = still_offered(f, in, i, "", lang, err);
			continue;
		}
		n = inspect_instances(f, in, (size_t)f->items[i].repeat, NULL, 0, &v);
		for (k = 0; k < n && !rc; k++)
			rc = still_offered(f, in, i, v[k].uuid, lang, err);
		free(v);
	}
	if (rc)
		fc_err_prefix(err, _("cannot finalize: answer “%s” again"),
			      form_item_label(f, &f->items[i - 1], lang));
	return rc;
}
