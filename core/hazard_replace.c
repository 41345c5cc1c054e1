/* hazard_replace.c - changing the hazard a failed item of a draft created:
 * the old one is withdrawn and the new one added in one transaction, so a
 * reader never sees the item with two hazards or none. */
#include "hazard.h"
#include "inspection.h"
#include "core/i18n.h"

int hazard_replace(struct fc_store *s, const struct fc_person *me, const struct hazard_new *n,
		   char *id_out, struct fc_err *err)
{
	char old[FC_UUID_LEN + 1];
	int have;

	if (!n->item || !*n->item)
		return fc_failk(err, FC_EUSAGE, _("replacing a hazard needs its item"));
	if (date_check(n->deadline, _("deadline"), err) || store_begin(s, err))
		return -1;
	if (inspection_require_draft(s, n->inspection, err) ||
	    (have = hazard_find_for_item(s, n->inspection, n->item, old, err)) < 0)
		goto fail;
	if (have == 0) {
		fc_fail(err, _("item '%s' has no hazard to change"), n->item);
		goto fail;
	}
	if (hazard_withdraw(s, old, err) || hazard_add(s, me, n, id_out, err))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}
