/* notice.c - the rectification order as a document (core/doc.h), and as
 * text (see notice.h). */
#include "notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "docnum.h"
#include "enterprise.h"
#include "hazard.h"
#include "inspection.h"
#include "table.h"
#include "core/i18n.h"

/* The texts of the order in each language.  Sentences with a value inside
 * are split around it (no format strings from a table). */
struct words {
	const char *title, *unit, *code, *address, *found, *cols[6], *sev[2];
	const char *due_after, *items_head, *item_line[3], *order[2], *review[3];
	const char *officers, *badge, *signature, *inspected_on;
	const char *draft_title, *draft_line; /* an order made from a draft */
	const char *unnumbered;               /* a final one's, without a number */
	const char *seal;                     /* in the seal's circle */
};

static const struct words zh = {
	"责令限期整改指令书", "被检查单位：", "统一社会信用代码：", "地址：",
	"经查，你单位存在下列事故隐患：", { "序号", "事故隐患", "检查项目", "隐患等级", "依据", "整改期限" },
	{ "一般隐患", "重大隐患" }, "前",
	"整改事项：", { "对上述第", "项隐患，于", "前整改完毕。" },
	{ "现责令你单位对上述隐患于", "前整改完毕，达到有关法律法规规章和标准规定的要求。"
	  "整改期间，你单位应当采取措施，确保安全生产。" },
	{ "如果不服本指令，可以依法在60日内向", "申请行政复议，或者在6个月内依法向",
	  "提起行政诉讼，但本指令不停止执行，法律另有规定的除外。" },
	"安全生产行政执法人员（签名）：", "执法证号：",
	"被检查单位负责人（签名）：", "检查日期：",
	"（草稿）", "【草稿】本指令书据尚未定稿的检查记录生成，仅供核对，不得送达。",
	"【草稿】本指令书尚未编号，不得送达：同步取得文书编号后重新打印。",
	"（印章）",
};

static const struct words en = {
	"ORDER TO RECTIFY WITHIN A TIME LIMIT", "Inspected unit: ", "Credit code: ",
	"Address: ", "The inspection found the following hazards:",
	{ "No.", "Hazard", "Item", "Severity", "Basis",
	  "Rectify by" }, { "general hazard", "major hazard" }, "",
	"Rectification items:", { "Hazard ", " above: rectify by ", "." },
	{ "You are ordered to rectify the hazards above by ", ", to the requirements of the "
	  "applicable laws, regulations, rules and standards, and to keep production safe "
	  "while doing so." },
	{ "If you disagree with this order you may apply for administrative review to ",
	  " within 60 days, or bring an administrative suit before ", " within 6 months; the "
	  "order remains in force meanwhile unless the law provides otherwise." },
	"Enforcement officers (signature): ", "ID no. ",
	"Responsible person of the inspected unit (signature): ", "Inspected on: ",
	" (DRAFT)", "[DRAFT] Made from an inspection not yet finalized: for checking only, "
	"not to be served.", "[DRAFT] Not numbered yet, not to be served: sync to get document "
	"numbers, then print it again.", "(seal)",
};

struct ctx {
	struct fc_store *s;
	const struct words *w;
	enum notice_lang lang;
	const struct notice_forms *forms;
	struct fc_inspection in;
	struct fc_enterprise e;
	struct hazard_row *rows;     /* each description a heap copy */
	size_t n, alloc;
	struct fc_hazard *haz;       /* each row's hazard, for its photos; or NULL */
	char *review, *court;
	char today[FC_DATE_LEN + 1];
};

static void item_of(struct ctx *c, const char *item, struct notice_item *out)
{
	out->label = out->basis = NULL;
	if (item[0] && c->forms && c->forms->item)
		c->forms->item(c->forms->ctx, c->in.form_id, c->in.form_version, item, c->lang,
			       out);
}

/* The hazards as a table: number, description, the checklist's item,
 * severity, legal basis, deadline. */
static void hazards(struct ctx *c, struct doc *d)
{
	const char *cells[6];
	struct notice_item it;
	char no[24], due[64];
	size_t i;

	doc_heading(d, c->w->found);
	doc_row(d, 1, c->w->cols, 6);
	for (i = 0; i < c->n; i++) {
		const struct hazard_row *r = &c->rows[i];
		item_of(c, r->item, &it);
		snprintf(no, sizeof no, "%zu", i + 1);
		snprintf(due, sizeof due, "%s%s", r->due, c->w->due_after);
		cells[0] = no;
		cells[1] = r->description;
		cells[2] = it.label && strcmp(r->description, it.label) ? it.label : "";
		cells[3] = c->w->sev[!strcmp(r->severity, "major")];
		cells[4] = it.basis ? it.basis : "";
		cells[5] = due;
		doc_row(d, 0, cells, 6);
		/* the hazard's own photos under its row */
		if (c->haz)
			doc_photos(d, c->haz[i].attachments, c->haz[i].n_attachments, "");
	}
}

static void items(struct ctx *c, struct doc *d, char *latest)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	doc_heading(d, c->w->items_head);
	latest[0] = '\0';
	for (i = 0; i < c->n; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%zu%s%s%s", c->w->item_line[0], i + 1, c->w->item_line[1],
			    c->rows[i].due, c->w->item_line[2]);
		doc_add(d, DB_ITEM, sb.buf, NULL, NULL);
		if (strcmp(c->rows[i].due, latest) > 0)
			strcpy(latest, c->rows[i].due);
	}
	strbuf_release(&sb);
}

/* Two officers' lines, filled from the team, blank where it is short. */
static void officers(struct ctx *c, struct doc *d)
{
	char badge[MAX_BADGE + 64];
	size_t i;

	for (i = 0; i < 2; i++) {
		const struct fc_person *p = i < c->in.n_team ? &c->in.team[i] : NULL;
		snprintf(badge, sizeof badge, "%s%s", c->w->badge, p ? p->badge : "__________");
		doc_add(d, DB_SIGN, c->w->officers, p ? p->name : "__________", badge);
	}
}

static void body(struct ctx *c, struct doc *d)
{
	const char *blank = "________________", *today = c->today;
	char latest[FC_DATE_LEN + 1], day[FC_DATE_LEN + 1], date[64];
	struct strbuf sb;
	/* A draft's order says so in its title, first and last, so that no
	 * page of it passes for the order served after finalizing; it has no
	 * number. */
	int draft = c->in.status == INSP_DRAFT;

	strbuf_init(&sb);
	d->title = xstrdup(c->w->title);
	d->title_mark = draft ? xstrdup(c->w->draft_title) : NULL;
	d->draft = draft;
	d->zh = c->lang == NOTICE_ZH;
	/* a final inspection's order carries the number it was issued, or
	 * says it has none and is no order yet (core/docnum.h) */
	if (!draft && !docnum_doc_number(&c->in, DOCNUM_ORDER, d))
		doc_para(d, c->w->unnumbered);
	if (draft)
		doc_para(d, c->w->draft_line);
	doc_field(d, c->w->unit, c->e.name ? c->e.name : "");
	doc_field(d, c->w->code, c->in.enterprise);
	if (c->e.address && *c->e.address)
		doc_field(d, c->w->address, c->e.address);
	memcpy(day, c->in.created_at, FC_DATE_LEN);
	day[FC_DATE_LEN] = '\0';
	doc_field(d, c->w->inspected_on, day);
	hazards(c, d);
	items(c, d, latest);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s%s%s", c->w->order[0], latest, c->w->order[1]);
	doc_para(d, sb.buf);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s%s%s%s%s", c->w->review[0], c->review && *c->review ? c->review : blank,
		    c->w->review[1], c->court && *c->court ? c->court : blank, c->w->review[2]);
	doc_para(d, sb.buf);
	officers(c, d);
	doc_add(d, DB_SIGN, c->w->signature, "", "");
	if (c->lang == NOTICE_ZH)
		snprintf(date, sizeof date, "%.4s年%.2s月%.2s日", today, today + 5, today + 8);
	else
		snprintf(date, sizeof date, "%s", today);
	doc_add(d, DB_SEAL, c->in.n_team ? c->in.team[0].dept : "", date, c->w->seal);
	if (draft)
		doc_para(d, c->w->draft_line);
	else if (!d->number)
		doc_para(d, c->w->unnumbered);
	doc_photos_close(d, c->in.id);
	strbuf_release(&sb);
}

static int take_row(const struct hazard_row *r, void *ctx)
{
	struct ctx *c = ctx;

	ALLOC_GROW(c->rows, c->n + 1, c->alloc);
	c->rows[c->n] = *r;
	c->rows[c->n++].description = xstrdup(r->description ? r->description : "");
	return 0;
}

static int load(struct ctx *c, const char *id, struct fc_err *err)
{
	struct hazard_filter hf = { 0 };

	if (clock_today(c->today, err) || inspection_get(c->s, id, &c->in, err) ||
	    enterprise_get(c->s, c->in.enterprise, &c->e, err))
		return -1;
	hf.inspection = c->in.id;
	hf.enterprise = "";
	hf.today = c->today;
	if (hazard_list(c->s, &hf, take_row, c, err))
		return -1;
	if (c->n == 0)
		return fc_fail(err, _("inspection %.8s found no hazards: there is nothing to order "
			       "rectified"), id);
	return store_meta_get(c->s, "notice.review", &c->review, err) ||
	       store_meta_get(c->s, "notice.court", &c->court, err) ? -1 : 0;
}

/* Each hazard whole, for the files attached to it. */
static int load_photos(struct ctx *c, struct fc_err *err)
{
	size_t i;

	c->haz = xcalloc(c->n, sizeof *c->haz);
	for (i = 0; i < c->n; i++)
		if (hazard_get(c->s, c->rows[i].id, &c->haz[i], err))
			return -1;
	return 0;
}

int notice_doc(struct fc_store *s, const char *id, enum notice_lang lang,
	       const struct notice_forms *forms, struct doc *out, struct fc_err *err)
{
	struct ctx c;
	size_t i;
	int rc;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.lang = lang;
	c.w = lang == NOTICE_ZH ? &zh : &en;
	c.forms = forms;
	rc = load(&c, id, err);
	if (rc == 0 && out->ev)
		rc = load_photos(&c, err);
	if (rc == 0)
		body(&c, out);
	for (i = 0; i < c.n; i++) {
		free(c.rows[i].description);
		if (c.haz)
			hazard_clear(&c.haz[i]);
	}
	free(c.haz);
	free(c.rows);
	inspection_clear(&c.in);
	enterprise_clear(&c.e);
	free(c.review);
	free(c.court);
	return rc;
}

int notice_text(struct fc_store *s, const char *id, enum notice_lang lang,
		const struct notice_forms *forms, struct strbuf *out, struct fc_err *err)
{
	struct doc d;
	int rc;

	doc_init(&d);
	rc = notice_doc(s, id, lang, forms, &d, err);
	if (rc == 0)
		doc_text(&d, out);
	doc_release(&d);
	return rc;
}
