/* trust_rules.c - who may write what into a record (see trust_rules.h). */
#include "trust_rules.h"

#include <string.h>

#include "core/i18n.h"
#include "core/record.h"
#include "blobread.h"
#include "layout.h"

int trust_read_record(git_repository *repo, const char *path, const git_oid *id,
		      struct fc_record *out)
{
	struct layout_path lp;
	struct fc_err ignore;
	git_blob *b = NULL;
	int rc = 0;

	if (!id || git_oid_is_zero(id) || layout_parse(path, &lp, &ignore) || lp.kind != LAY_RECORD)
		return 0;
	/* the size from the object's header: a huge blob is never inflated */
	if (blob_read(repo, id, path, MAX_RECORD_BYTES, "a record", &b, &ignore))
		return 0;
	rc = record_decode(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), path, out,
			   &ignore) == 0;
	git_blob_free(b);
	return rc;
}

static int same_answer(const struct fc_answer *a, const struct fc_answer *b)
{
	return !strcmp(a->item, b->item) && !strcmp(a->value, b->value) &&
	       !strcmp(a->note, b->note) && !strcmp(a->by, b->by) && !strcmp(a->at, b->at);
}

/* Whether answer a stands, as answer or conflict, in one of the versions. */
static int answer_known(const struct fc_answer *a, struct fc_record *const *old, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct fc_inspection *in = &old[i]->u.inspection;
		for (j = 0; j < in->n_answers; j++)
			if (same_answer(a, &in->answers[j]))
				return 1;
		for (j = 0; j < in->n_conflicts; j++)
			if (same_answer(a, &in->conflicts[j]))
				return 1;
	}
	return 0;
}

static int same_amendment(const struct fc_amendment *a, const struct fc_amendment *b)
{
	return !strcmp(a->item, b->item) && !strcmp(a->value, b->value) &&
	       !strcmp(a->note, b->note) && !strcmp(a->reason, b->reason) &&
	       !strcmp(a->by, b->by) && !strcmp(a->at, b->at);
}

/* An amendment a version held, or one the record merge made of an answer
 * (or clashing value) a version held: a late answer keeps its author. */
static int amendment_known(const struct fc_amendment *a, struct fc_record *const *old, size_t n)
{
	struct fc_answer as = { a->item, a->value, a->note, "", "" };
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < old[i]->u.inspection.n_amendments; j++)
			if (same_amendment(a, &old[i]->u.inspection.amendments[j]))
				return 1;
	memcpy(as.by, a->by, sizeof as.by);
	memcpy(as.at, a->at, sizeof as.at);
	return answer_known(&as, old, n);
}

static int in_team(const struct fc_inspection *in, const char *badge)
{
	size_t i;

	for (i = 0; i < in->n_team; i++)
		if (!strcmp(in->team[i].badge, badge))
			return 1;
	return 0;
}

static int team_known(const struct fc_person *p, struct fc_record *const *old, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (in_team(&old[i]->u.inspection, p->badge))
			return 1;
	return 0;
}

/* A record's attachment lines, whichever kind it is. */
static void files_of(const struct fc_record *r, const struct fc_attachment **list, size_t *n)
{
	*list = r->kind == REC_HAZARD ? r->u.hazard.attachments : r->u.inspection.attachments;
	*n = r->kind == REC_HAZARD ? r->u.hazard.n_attachments : r->u.inspection.n_attachments;
}

/* The line a version held for the same file and thing: NULL if none, or
 * if it said otherwise about the file (only `withdrawn` may change). */
static const struct fc_attachment *file_known(const struct fc_attachment *a,
					      struct fc_record *const *old, size_t n)
{
	const struct fc_attachment *list;
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		files_of(old[i], &list, &k);
		for (j = 0; j < k; j++) {
			const struct fc_attachment *b = &list[j];
			if (!strcmp(a->to, b->to) && !strcmp(a->sha256, b->sha256) &&
			    !strcmp(a->blob, b->blob) && a->size == b->size &&
			    !strcmp(a->type, b->type) && !strcmp(a->name, b->name) &&
			    !strcmp(a->taken, b->taken) && !strcmp(a->geo, b->geo) &&
			    !strcmp(a->by, b->by) && !strcmp(a->at, b->at))
				return b;
		}
	}
	return NULL;
}

/* A new file line is its author's; a new withdrawal is its author's or,
 * on an inspection, a team member's (may_withdraw). */
static int files_rules(const struct fc_record *r, const char *id, struct fc_record *const *old,
		       size_t n, const char *me, int may_withdraw, struct fc_err *why)
{
	const struct fc_attachment *list, *was;
	size_t i, k;

	files_of(r, &list, &k);
	for (i = 0; i < k; i++) {
		const struct fc_attachment *a = &list[i];
		was = file_known(a, old, n);
		if (!was && strcmp(a->by, me))
			return fc_fail(why, _("%.8s: the file %.80s claims badge %s"), id, a->name,
				       a->by);
		if (was && a->withdrawn[0] && strcmp(a->withdrawn, was->withdrawn) &&
		    strcmp(a->by, me) && !may_withdraw)
			return fc_fail(why, _("%.8s: the file %.80s is withdrawn by %s, who neither "
				       "attached it nor is on the team"), id, a->name, me);
	}
	return 0;
}

static int inspection_rules(const struct fc_inspection *in, struct fc_record *const *old,
			    size_t n, const struct roster_entry *s, struct fc_err *why)
{
	const char *me = s->who.badge;
	int was_final = 0, member = 0;
	size_t i;

	if (!n && strcmp(in->created_by, me))
		return fc_fail(why, _("inspection %.8s is created in the name of %s"), in->id,
			       in->created_by);
	for (i = 0; i < n; i++) {
		was_final |= old[i]->u.inspection.status == INSP_FINAL;
		member |= in_team(&old[i]->u.inspection, me);
	}
	if (!n)
		member = in_team(in, me);
	if (in->status == INSP_FINAL && !was_final && !member)
		return fc_fail(why, _("inspection %.8s is finalized by %s, who is not on its team"),
			       in->id, me);
	for (i = 0; i < in->n_team && !member; i++)
		if (!team_known(&in->team[i], old, n))
			return fc_fail(why, _("inspection %.8s: %s joins the team, added by %s, who "
				       "is not on it"), in->id, in->team[i].badge, me);
	for (i = 0; i < in->n_answers; i++)
		if (strcmp(in->answers[i].by, me) && !answer_known(&in->answers[i], old, n))
			return fc_fail(why, _("inspection %.8s: the answer to '%s' claims badge %s"),
				       in->id, in->answers[i].item, in->answers[i].by);
	for (i = 0; i < in->n_conflicts; i++)
		if (strcmp(in->conflicts[i].by, me) && !answer_known(&in->conflicts[i], old, n))
			return fc_fail(why, _("inspection %.8s: a value for '%s' claims badge %s"),
				       in->id, in->conflicts[i].item, in->conflicts[i].by);
	for (i = 0; i < in->n_amendments; i++)
		if (strcmp(in->amendments[i].by, me) && !amendment_known(&in->amendments[i], old, n))
			return fc_fail(why, _("inspection %.8s: an amendment of '%s' claims badge %s"),
				       in->id, in->amendments[i].item, in->amendments[i].by);
	return 0;
}

static int document_known(const struct fc_document *d, struct fc_record *const *old, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < old[i]->u.inspection.n_documents; j++)
			if (!document_cmp(d, &old[i]->u.inspection.documents[j]))
				return 1;
	return 0;
}

/* A number newly written into an inspection is its signer's: nobody
 * issues a document in another officer's name. */
static int documents_rules(const struct fc_inspection *in, struct fc_record *const *old,
			   size_t n, const char *me, struct fc_err *why)
{
	size_t i;

	for (i = 0; i < in->n_documents; i++)
		if (strcmp(in->documents[i].by, me) && !document_known(&in->documents[i], old, n))
			return fc_fail(why, _("inspection %.8s: document number %d of %s claims "
				       "badge %s"), in->id, in->documents[i].serial,
				       in->documents[i].kind, in->documents[i].by);
	return 0;
}

static int inspection_files_rules(const struct fc_record *r, struct fc_record *const *old,
				  size_t n, const struct roster_entry *s, struct fc_err *why)
{
	const struct fc_inspection *in = &r->u.inspection;
	int member = in_team(in, s->who.badge);
	size_t i;

	for (i = 0; i < n; i++)
		member |= in_team(&old[i]->u.inspection, s->who.badge);
	return files_rules(r, in->id, old, n, s->who.badge, member, why);
}

static int same_event(const struct fc_hazard_event *a, const struct fc_hazard_event *b)
{
	return a->kind == b->kind && !strcmp(a->at, b->at) && !strcmp(a->by, b->by) &&
	       !strcmp(a->by_name, b->by_name) && !strcmp(a->date, b->date) &&
	       !strcmp(a->note, b->note);
}

static int hazard_rules(const struct fc_hazard *h, struct fc_record *const *old, size_t n,
			const struct roster_entry *s, struct fc_err *why)
{
	size_t i, j, k;

	for (i = 0; i < h->n_events; i++) {
		const struct fc_hazard_event *ev = &h->events[i];
		int known = 0;
		for (j = 0; j < n && !known; j++)
			for (k = 0; k < old[j]->u.hazard.n_events && !known; k++)
				known = same_event(ev, &old[j]->u.hazard.events[k]);
		if (known)
			continue;
		if (strcmp(ev->by, s->who.badge))
			return fc_fail(why, _("hazard %.8s: a '%s' event claims badge %s"), h->id,
				       hazard_event_name(ev->kind), ev->by);
		if (ev->kind == HEV_SUPERVISE && s->role != ROLE_SUPERVISOR)
			return fc_fail(why, _("hazard %.8s: only a supervisor puts a hazard under "
				       "listed supervision, and %s is an inspector"), h->id,
				       s->who.badge);
	}
	return 0;
}

int trust_rules_check(git_repository *repo, const char *path, const git_oid *now,
		      const git_oid *const *before, size_t n, const struct roster_entry *signer,
		      struct fc_err *why)
{
	struct fc_record rec, olds[8], *old[8];
	size_t i, k = 0;
	int rc = 0;

	if (trust_read_record(repo, path, now, &rec) != 1)
		return 0;
	for (i = 0; i < n && k < 8; i++)
		if (trust_read_record(repo, path, before[i], &olds[k]) == 1) {
			if (olds[k].kind != rec.kind) {
				record_clear(&olds[k]);
				continue;
			}
			old[k] = &olds[k];
			k++;
		}
	if (rec.kind == REC_INSPECTION)
		rc = inspection_rules(&rec.u.inspection, old, k, signer, why) ||
		     inspection_files_rules(&rec, old, k, signer, why) ||
		     documents_rules(&rec.u.inspection, old, k, signer->who.badge, why) ? -1 : 0;
	else if (rec.kind == REC_HAZARD)
		rc = hazard_rules(&rec.u.hazard, old, k, signer, why) ||
		     files_rules(&rec, rec.u.hazard.id, old, k, signer->who.badge, 0, why) ? -1 : 0;
	for (i = 0; i < k; i++)
		record_clear(&olds[i]);
	record_clear(&rec);
	return rc;
}
