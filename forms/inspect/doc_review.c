/* doc_review.c - the re-inspection opinion (see doc_review.h).  What it
 * says of each hazard is what the hazard's event log says, never stored
 * apart: the last 'verified' event (who re-inspected, when, the note), or a
 * 'rectified' one without it, or neither. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_review.h"
#include "doc_parts.h"
#include "core/i18n.h"

/* The last event of kind k, or NULL. */
static const struct fc_hazard_event *last_event(const struct fc_hazard *h,
						enum hazard_event_kind k)
{
	size_t i;

	for (i = h->n_events; i-- > 0;)
		if (h->events[i].kind == k)
			return &h->events[i];
	return NULL;
}

static size_t verified_count(const struct doc_src *src)
{
	size_t i, n = 0;

	for (i = 0; i < src->n_hazards; i++)
		n += last_event(&src->hazards[i], HEV_VERIFIED) != NULL;
	return n;
}

/* The date of the first notice served (the order being followed), else
 * the inspection's own. */
static const char *order_date(const struct doc_src *src)
{
	const char *first = src->in.created_at;
	size_t i, k;

	for (i = 0; i < src->n_hazards; i++)
		for (k = 0; k < src->hazards[i].n_events; k++)
			if (src->hazards[i].events[k].kind == HEV_NOTICE &&
			    (first == src->in.created_at ||
			     strcmp(src->hazards[i].events[k].at, first) < 0))
				first = src->hazards[i].events[k].at;
	return first;
}

static void opinion(const struct doc_src *src, const struct fc_hazard *h, char *buf,
		    size_t size, char *on, size_t on_size)
{
	const struct fc_hazard_event *v = last_event(h, HEV_VERIFIED);
	const struct fc_hazard_event *r = last_event(h, HEV_RECTIFIED);

	on[0] = '\0';
	if (v) {
		doc_parts_day(src, v->at, on, on_size);
		snprintf(buf, size, "%s%s%s", _("Rectified"), v->note && *v->note ?
			 (src->zh ? "：" : ": ") : "", v->note ? v->note : "");
	} else if (r) {
		snprintf(buf, size, "%s", _("Reported rectified, not yet re-inspected"));
	} else {
		snprintf(buf, size, "%s", _("Not rectified"));
	}
}

/* The photos of the repair: those attached to the hazard's 'rectified'
 * events, under its row. */
static void repair_photos(struct doc *d, const struct fc_hazard *h)
{
	char ref[64]; /* "rectified@" and a timestamp */
	size_t k;

	for (k = 0; k < h->n_events; k++)
		if (h->events[k].kind == HEV_RECTIFIED) {
			hazard_event_ref(&h->events[k], ref, sizeof ref);
			doc_photos(d, h->attachments, h->n_attachments, ref);
		}
}

static void table(struct doc *d, const struct doc_src *src, const char *number)
{
	const char *headc[5] = { _("No."), _("Hazard"), _("Rectify by"), _("Re-inspected on"),
				 _("Opinion") };
	const char *cells[5];
	char num[24], text[2048], on[64], day[64];
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	doc_parts_day(src, order_date(src), day, sizeof day);
	/* TRANSLATORS: 1: the order's number, 2: its date. */
	strbuf_addf(&sb, _("Following the order to rectify within a time limit %s of %s, the "
			   "officers re-inspected the rectification of the hazards it lists:"),
		    number, day);
	doc_para(d, sb.buf);
	strbuf_release(&sb);
	doc_row(d, 1, headc, 5);
	for (i = 0; i < src->n_hazards; i++) {
		const struct fc_hazard *h = &src->hazards[i];
		snprintf(num, sizeof num, "%zu", i + 1);
		opinion(src, h, text, sizeof text, on, sizeof on);
		cells[0] = num;
		cells[1] = h->description;
		cells[2] = hazard_due(h);
		cells[3] = on;
		cells[4] = text;
		doc_row(d, 0, cells, 5);
		repair_photos(d, h);
	}
}

/* The officers who re-inspected (each verifier once, in the order they
 * verified), for the signature lines; *last the latest verification. */
static size_t verifiers(const struct doc_src *src, struct fc_person *out, size_t max,
			const char **last)
{
	size_t i, k, n = 0;

	*last = "";
	for (i = 0; i < src->n_hazards; i++) {
		const struct fc_hazard_event *v = last_event(&src->hazards[i], HEV_VERIFIED);
		if (!v)
			continue;
		if (strcmp(v->at, *last) > 0)
			*last = v->at;
		for (k = 0; k < n && strcmp(out[k].badge, v->by); k++)
			;
		if (k < n || n == max)
			continue;
		memset(&out[n], 0, sizeof out[n]);
		snprintf(out[n].badge, sizeof out[n].badge, "%s", v->by);
		snprintf(out[n].name, sizeof out[n].name, "%s", v->by_name && *v->by_name ?
			 v->by_name : v->by);
		n++;
	}
	return n;
}

/* The order's number as the order prints it (core/docnum.h), or that it
 * has none yet. */
static void order_number(const struct doc_src *src, struct strbuf *out)
{
	const struct fc_document *n = documents_first(&src->in, DOCNUM_ORDER);

	strbuf_init(out);
	if (n)
		docnum_text(n, out);
	else
		strbuf_adds(out, _("(not numbered yet)"));
}

int review_doc(struct fc_workspace *ws, const char *id, struct form_lang lang,
	       struct doc *out, struct fc_err *err)
{
	struct fc_person who[8];
	const char *last;
	struct strbuf number;
	struct doc_src src;
	size_t n;
	int rc = -1;

	if (doc_src_load(ws, id, lang, &src, err))
		goto done;
	if (verified_count(&src) == 0) {
		fc_failk(err, FC_ENOTFOUND, _("no hazard of inspection %.8s has been verified "
					      "yet: there is no re-inspection opinion to write"),
			 id);
		goto done;
	}
	doc_parts_title(out, &src, _("Re-inspection opinion"),
			_("[DRAFT] Made from an inspection not yet finalized: for checking only, "
			  "not to be served."), DOCNUM_REVIEW);
	doc_parts_unit(out, &src);
	order_number(&src, &number);
	table(out, &src, number.buf);
	strbuf_release(&number);
	doc_para(out, verified_count(&src) == src.n_hazards
		 ? _("All the hazards the order lists have been rectified.")
		 : _("The hazards not yet rectified remain under the order; those not rectified "
		     "by their deadline will be dealt with under the law."));
	n = verifiers(&src, who, ARRAY_SIZE(who), &last);
	doc_parts_officers(out, who, n);
	doc_parts_close(out, &src, last);
	doc_parts_foot(out, &src.in, _("[DRAFT] Made from an inspection not yet finalized: for "
				       "checking only, not to be served."));
	doc_photos_close(out, src.in.id);
	rc = 0;
done:
	doc_src_release(&src);
	return rc;
}
