/* doc_measures.c - the on-site measures decision (see doc_measures.h): the
 * hazards whose checklist item calls for a measure (the form's `measure`
 * column), the measures decided, each once with the hazards that call for
 * it, the legal basis and the appeal, the signatures and the seal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_measures.h"
#include "doc_parts.h"
#include "core/i18n.h"

static enum form_measure measure_of(const struct doc_src *src, const struct fc_hazard *h)
{
	const struct form_item *it = doc_src_item(src, h->item);

	return it && form_item_raises(it) ? it->measure : MEASURE_NONE;
}

static size_t measures_count(const struct doc_src *src)
{
	size_t i, n = 0;

	for (i = 0; i < src->n_hazards; i++)
		n += measure_of(src, &src->hazards[i]) != MEASURE_NONE;
	return n;
}

/* The hazards that call for a measure, numbered, with the item, the
 * measure and the item's legal basis. */
static void found(struct doc *d, const struct doc_src *src)
{
	const char *headc[5] = { _("No."), _("Hazard"), _("Item"), _("Measure"), _("Basis") };
	const char *cells[5];
	char num[24];
	size_t i, no = 0;

	doc_para(d, _("The inspection found the following at your unit, which must be stopped "
		      "at once:"));
	doc_row(d, 1, headc, 5);
	for (i = 0; i < src->n_hazards; i++) {
		const struct fc_hazard *h = &src->hazards[i];
		const struct form_item *it = doc_src_item(src, h->item);
		enum form_measure m = measure_of(src, h);
		const char *label;
		if (m == MEASURE_NONE)
			continue;
		label = form_item_label(src->f, it, src->lang);
		snprintf(num, sizeof num, "%zu", ++no);
		cells[0] = num;
		cells[1] = h->description;
		cells[2] = strcmp(label, h->description) ? label : "";
		cells[3] = _(form_measure_text(m));
		cells[4] = form_text(src->f, &it->legal_basis, src->lang);
		doc_row(d, 0, cells, 5);
	}
}

/* The numbers (in found()'s numbering) of the hazards that call for
 * measure m, "1、2" or "1, 2"; 0 when none does. */
static int numbers_of(const struct doc_src *src, enum form_measure m, struct strbuf *out)
{
	size_t i, no = 0;
	int any = 0;

	for (i = 0; i < src->n_hazards; i++) {
		enum form_measure hm = measure_of(src, &src->hazards[i]);
		if (hm == MEASURE_NONE)
			continue;
		no++;
		if (hm == m)
			strbuf_addf(out, "%s%zu", any++ ? (src->zh ? "、" : ", ") : "", no);
	}
	return any;
}

/* Each measure once, with the numbers of the hazards that call for it. */
static void decided(struct doc *d, const struct doc_src *src)
{
	struct strbuf nums, line;
	size_t k = 0;
	int m;

	strbuf_init(&nums);
	strbuf_init(&line);
	doc_heading(d, _("Measures decided on the spot:"));
	for (m = MEASURE_NONE + 1; m < MEASURE_COUNT; m++) {
		strbuf_reset(&nums);
		if (!numbers_of(src, (enum form_measure)m, &nums))
			continue;
		strbuf_reset(&line);
		/* TRANSLATORS: 1: the line's number, 2: the measure, 3: the
		 * numbers of the hazards above. */
		strbuf_addf(&line, _("%zu. %s (hazards %s above)."), ++k,
			    _(form_measure_text((enum form_measure)m)), nums.buf);
		doc_add(d, DB_ITEM, line.buf, NULL, NULL);
	}
	strbuf_release(&nums);
	strbuf_release(&line);
	doc_para(d, _("The measures take effect at once. They are lifted only when the hazards "
		      "have been removed and the officers have re-inspected the site."));
	doc_para(d, _("This decision is made under the Work Safety Law of the People's Republic "
		      "of China, Article ______."));
}

int measures_doc(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 struct doc *out, struct fc_err *err)
{
	char day[FC_DATE_LEN + 1];
	struct doc_src src;
	int rc = -1;

	if (doc_src_load(ws, id, lang, &src, err))
		goto done;
	if (!src.f) {
		fc_fail(err, _("form %s version %d is not in this workspace: which items call "
			       "for an on-site measure is not known"), src.in.form_id,
			src.in.form_version);
		goto done;
	}
	if (measures_count(&src) == 0) {
		fc_failk(err, FC_ENOTFOUND, _("inspection %.8s has no failed item that calls for "
					      "an on-site measure: there is no on-site measures "
					      "decision to make"), id);
		goto done;
	}
	doc_parts_title(out, &src, _("On-site measures decision"),
			_("[DRAFT] Made from an inspection not yet finalized: for checking only, "
			  "not to be served."), DOCNUM_MEASURES);
	doc_parts_unit(out, &src);
	doc_field(out, _("Place inspected: "), src.in.location ? src.in.location : "");
	snprintf(day, sizeof day, "%.10s", src.in.created_at);
	doc_field(out, _("Inspected on: "), day);
	found(out, &src);
	decided(out, &src);
	if (doc_parts_appeal(out, &src, err))
		goto done;
	doc_parts_officers(out, src.in.team, src.in.n_team);
	doc_parts_close(out, &src, src.in.created_at);
	doc_parts_foot(out, &src.in, _("[DRAFT] Made from an inspection not yet finalized: for "
				       "checking only, not to be served."));
	rc = 0;
done:
	doc_src_release(&src);
	return rc;
}
