/* doc_parts.c - the inspection behind the measures decision and the
 * re-inspection opinion, and the parts of the official forms they share
 * (see doc_parts.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_parts.h"
#include "inspect.h"
#include "core/enterprise.h"
#include "core/i18n.h"
#include "core/inspection.h"

struct ids {
	char (*id)[FC_UUID_LEN + 1];
	size_t n, alloc;
};

static int take_id(const struct hazard_row *r, void *ctx)
{
	struct ids *ids = ctx;

	ALLOC_GROW(ids->id, ids->n + 1, ids->alloc);
	memcpy(ids->id[ids->n++], r->id, sizeof ids->id[0]);
	return 0;
}

static int load_hazards(struct doc_src *src, struct fc_err *err)
{
	struct hazard_filter hf = { 0 };
	char today[FC_DATE_LEN + 1];
	struct ids ids = { 0 };
	size_t i;
	int rc = -1;

	if (clock_today(today, err))
		return -1;
	hf.inspection = src->in.id;
	hf.enterprise = "";
	hf.today = today;
	if (hazard_list(src->ws->store, &hf, take_id, &ids, err))
		goto out;
	src->hazards = xcalloc(ids.n ? ids.n : 1, sizeof *src->hazards);
	for (i = 0; i < ids.n; i++) {
		if (hazard_get(src->ws->store, ids.id[i], &src->hazards[i], err))
			goto out;
		src->n_hazards++;
	}
	rc = 0;
out:
	free(ids.id);
	return rc;
}

int doc_src_load(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 struct doc_src *src, struct fc_err *err)
{
	struct fc_err ferr = { 0 };

	memset(src, 0, sizeof *src);
	src->ws = ws;
	src->lang = lang;
	src->zh = form_lang_is(lang, "zh");
	if (inspection_get(ws->store, id, &src->in, err) ||
	    enterprise_get(ws->store, src->in.enterprise, &src->e, err))
		return -1;
	/* Without its form the items go by their keys and no measure is
	 * known: the caller says so. */
	src->f = inspect_form(ws, src->in.form_id, src->in.form_version, &ferr);
	return load_hazards(src, err);
}

void doc_src_release(struct doc_src *src)
{
	size_t i;

	for (i = 0; i < src->n_hazards; i++)
		hazard_clear(&src->hazards[i]);
	free(src->hazards);
	form_free(src->f);
	inspection_clear(&src->in);
	enterprise_clear(&src->e);
	memset(src, 0, sizeof *src);
}

const struct form_item *doc_src_item(const struct doc_src *src, const char *key)
{
	char name[MAX_ITEM + 1];
	const char *at = strchr(key, '@');
	size_t n = at ? (size_t)(at - key) : strlen(key);
	int idx;

	if (!src->f || !*key || n > MAX_ITEM)
		return NULL;
	memcpy(name, key, n);
	name[n] = '\0';
	idx = form_item_index(src->f, name);
	return idx < 0 ? NULL : &src->f->items[idx];
}

/* Why a final inspection's document without a number is a draft. */
#define UNNUMBERED N_("[DRAFT] Not numbered yet, not to be signed: sync to get document " \
		      "numbers, then print it again.")

void doc_parts_head(struct doc *d, const struct fc_inspection *in, int zh, const char *title,
		    const char *draft_line, enum docnum_kind k)
{
	int draft = in->status == INSP_DRAFT;

	d->title = xstrdup(title);
	d->title_mark = draft ? xstrdup(_(" (DRAFT)")) : NULL;
	d->draft = draft;
	d->zh = zh;
	/* a final inspection's document carries the number it was issued
	 * (core/docnum.h), or is marked a draft until it has one */
	if (!draft && !docnum_doc_number(in, k, d))
		doc_para(d, _(UNNUMBERED));
	if (draft)
		doc_para(d, draft_line);
}

void doc_parts_foot(struct doc *d, const struct fc_inspection *in, const char *draft_line)
{
	if (in->status == INSP_DRAFT)
		doc_para(d, draft_line);
	else if (!d->number)
		doc_para(d, _(UNNUMBERED));
}

void doc_parts_title(struct doc *d, const struct doc_src *src, const char *title,
		     const char *draft_line, enum docnum_kind k)
{
	doc_parts_head(d, &src->in, src->zh, title, draft_line, k);
}

void doc_parts_unit(struct doc *d, const struct doc_src *src)
{
	doc_field(d, _("Inspected unit: "), src->e.name ? src->e.name : "");
	doc_field(d, _("Credit code: "), src->in.enterprise);
	doc_field(d, _("Address: "), src->e.address ? src->e.address : "");
}

int doc_parts_appeal(struct doc *d, const struct doc_src *src, struct fc_err *err)
{
	const char *blank = "________________";
	char *review = NULL, *court = NULL;
	struct strbuf sb;

	if (store_meta_get(src->ws->store, "notice.review", &review, err) ||
	    store_meta_get(src->ws->store, "notice.court", &court, err)) {
		free(review);
		return -1;
	}
	strbuf_init(&sb);
	/* TRANSLATORS: the first %s is the authority for administrative
	 * review, the second the court. */
	strbuf_addf(&sb, _("If you disagree with this decision you may apply for administrative "
			   "review to %s within 60 days, or bring an administrative suit before %s "
			   "within 6 months; it remains in force meanwhile unless the law "
			   "provides otherwise."),
		    review && *review ? review : blank, court && *court ? court : blank);
	doc_para(d, sb.buf);
	strbuf_release(&sb);
	free(review);
	free(court);
	return 0;
}

void doc_parts_officers(struct doc *d, const struct fc_person *team, size_t n)
{
	char badge[MAX_BADGE + 64];
	size_t i;

	for (i = 0; i < n || i < 2; i++) {
		const struct fc_person *p = i < n ? &team[i] : NULL;
		snprintf(badge, sizeof badge, "%s%s", _("certificate no. "),
			 p ? p->badge : "__________");
		doc_add(d, DB_SIGN, _("Officer (signature): "), p ? p->name : "__________", badge);
	}
}

void doc_parts_day(const struct doc_src *src, const char *ts, char *buf, size_t size)
{
	if (!*ts)
		snprintf(buf, size, "%s", src->zh ? "    年  月  日" : "____-__-__");
	else if (src->zh)
		snprintf(buf, size, "%.4s年%.2s月%.2s日", ts, ts + 5, ts + 8);
	else
		snprintf(buf, size, "%.10s", ts);
}

void doc_parts_close(struct doc *d, const struct doc_src *src, const char *ts)
{
	char date[64];

	doc_add(d, DB_SIGN, _("Responsible person of the inspected unit (signature): "), "",
		NULL);
	doc_parts_day(src, ts, date, sizeof date);
	doc_add(d, DB_SEAL, src->in.n_team ? src->in.team[0].dept : "", date, _("(seal)"));
}
