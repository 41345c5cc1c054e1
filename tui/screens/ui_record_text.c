/* ui_record_text.c - an inspection laid out to be read whole: who, where,
 * when (local date and time), the team, the answers by section under the
 * items' labels with their notes, the values given on two devices, the
 * hazards and the amendments.  Everything comes from a record that may
 * have come from elsewhere: it is drawn through ui_put only.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_filerows.h"
#include "ui_labels.h"
#include "ui_record_impl.h"
#include "core/evidence_store.h"
#include "core/strbuf.h"
#include "core/words.h"
#include "forms/inspect/visit.h"

static void FC_PRINTF(4, 5) line(struct rec *r, enum ui_role role, int indent,
				 const char *fmt, ...)
{
	struct rec_line *l;
	va_list ap;

	ALLOC_GROW(r->lines, r->n_lines + 1, r->alloc);
	l = &r->lines[r->n_lines++];
	l->role = role;
	l->indent = indent;
	va_start(ap, fmt);
	l->text = xstrvfmt(fmt, ap);
	va_end(ap);
}

void rec_lines_release(struct rec *r)
{
	size_t i;

	for (i = 0; i < r->n_lines; i++)
		free(r->lines[i].text);
	free(r->lines);
	r->lines = NULL;
	r->n_lines = r->alloc = 0;
}

/* "张三 (ZJ-0001)": a badge with its name when the team knows it. */
static void who(const struct fc_inspection *in, const char *badge, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < in->n_team; i++)
		if (!strcmp(in->team[i].badge, badge)) {
			snprintf(buf, size, "%s (%s)", in->team[i].name, badge);
			return;
		}
	snprintf(buf, size, "%s", badge);
}

/* The label of an answer's key: "Plate (Vehicle 2)" (forms/inspect/visit.h). */
static const char *item_label(const struct rec *r, const char *key, char *buf, size_t size)
{
	struct strbuf sb;

	strbuf_init(&sb);
	inspect_key_label(r->f, &r->in, key, r->ui->lang, &sb);
	snprintf(buf, size, "%s", sb.buf);
	strbuf_release(&sb);
	return buf;
}

static void head(struct rec *r)
{
	const struct fc_inspection *in = &r->in;
	char when[UI_WHEN_LEN], by[MAX_NAME + MAX_BADGE + 8];
	size_t i;

	line(r, R_NORMAL, 0, "%s%s%s  %s", _("Enterprise"), ui_colon(), r->ent_name, in->enterprise);
	line(r, R_NORMAL, 0, "%s%s%s (%s v%d)", _("Form"), ui_colon(),
	     r->f ? form_text(r->f, &r->f->title, r->ui->lang) : in->form_id, in->form_id,
	     in->form_version);
	line(r, R_NORMAL, 0, "%s%s%s   %s%s%s", _("Type"), ui_colon(), insp_type_label(in->type),
	     _("Status"), ui_colon(),
	     model_word(insp_status_name(in->status)));
	if (in->location && *in->location)
		line(r, R_NORMAL, 0, "%s%s%s", _("Location"), ui_colon(), in->location);
	who(in, in->created_by, by, sizeof by);
	line(r, R_NORMAL, 0, _("Started: %s by %s"), ui_when(in->created_at, when, sizeof when),
	     by);
	if (in->finalized_at[0])
		line(r, R_NORMAL, 0, _("Finalized: %s"),
		     ui_when(in->finalized_at, when, sizeof when));
	line(r, R_SECTION, 0, _("Team (%zu)"), in->n_team);
	for (i = 0; i < in->n_team; i++)
		line(r, R_NORMAL, 2, "%s  %s  %s", in->team[i].name, in->team[i].badge,
		     in->team[i].dept);
}

static enum ui_role value_role(const struct form_item *it, const char *v)
{
	if (!it || it->type != FT_CHECK)
		return R_FIELD;
	return !strcmp(v, "pass") ? R_PASS : !strcmp(v, "fail") ? R_FAIL : R_DIM;
}

/* One answered item: its label, the answer, its note, the amendments. */
static void answer(struct rec *r, const struct form_item *it, const struct fc_answer *a)
{
	char buf[2048], when[UI_WHEN_LEN];
	size_t k;

	line(r, R_NORMAL, 2, "%s", it ? form_text(r->f, &it->label, r->ui->lang) : a->item);
	ui_answer_text(r->f, it, a->value, r->ui->lang, buf, sizeof buf);
	line(r, value_role(it, a->value), 5, "%s", buf);
	if (a->note && *a->note)
		line(r, R_DIM, 5, "%s%s%s", _("Note"), ui_colon(), a->note);
	for (k = 0; k < r->in.n_amendments; k++) {
		const struct fc_amendment *m = &r->in.amendments[k];
		if (strcmp(m->item, a->item))
			continue;
		ui_answer_text(r->f, it, m->value, r->ui->lang, buf, sizeof buf);
		line(r, R_WARN, 5, _("Amended %s: %s"), ui_when(m->at, when, sizeof when), buf);
	}
}

struct answers_walk {
	struct rec *r;
	long shown_group;           /* the section whose heading is shown */
};

/* A repeat is a section, each live instance a heading within it; other
 * answered items come under the label of their group. */
static void answer_visit(void *ctx, const struct inspect_visit *v)
{
	struct answers_walk *w = ctx;
	struct rec *r = w->r;
	const struct form_item *it = &r->f->items[v->item];
	const struct fc_answer *a;
	long group = it->group;

	if (v->kind == IV_REPEAT) {
		if (v->count)
			line(r, R_SECTION, 0, "%s", form_text(r->f, &it->label, r->ui->lang));
		w->shown_group = (long)v->item;
		return;
	}
	if (v->kind == IV_INSTANCE) {
		line(r, R_SECTION, 1, "%s %zu", form_text(r->f, &it->label, r->ui->lang),
		     v->position);
		w->shown_group = (long)v->item;
		return;
	}
	if (!form_item_answerable(it) || !(a = inspection_answer(&r->in, v->key)))
		return;
	if (group != w->shown_group) {
		w->shown_group = group;
		line(r, R_SECTION, 0, "%s", group >= 0 ?
		     form_text(r->f, &r->f->items[group].label, r->ui->lang) : _("Answers"));
	}
	answer(r, it, a);
}

/* The answers in the form's order, under the label of their section, then
 * any to items the form does not have.  A removed instance's answers stay
 * in the record but are not shown (forms/inspect/instances.h). */
static void answers(struct rec *r)
{
	struct answers_walk w = { r, -2 };
	size_t i, stray = 0;

	if (r->f)
		inspect_visit_items(r->f, &r->in, r->ui->lang, answer_visit, &w);
	for (i = 0; i < r->in.n_answers; i++)
		stray += !r->f || inspect_key_item(r->f, r->in.answers[i].item) < 0;
	if (!stray)
		return;
	line(r, R_SECTION, 0, "%s", r->f ? _("Answers to items not in the form") : _("Answers"));
	for (i = 0; i < r->in.n_answers; i++)
		if (!r->f || inspect_key_item(r->f, r->in.answers[i].item) < 0)
			answer(r, NULL, &r->in.answers[i]);
}

static void conflicts(struct rec *r)
{
	char by[MAX_NAME + MAX_BADGE + 8], label[512];
	size_t i;

	if (!r->in.n_conflicts)
		return;
	line(r, R_SECTION, 0, _("Answered differently on two devices (%zu)"),
	     r->in.n_conflicts);
	for (i = 0; i < r->in.n_conflicts; i++) {
		const struct fc_answer *c = &r->in.conflicts[i];
		who(&r->in, c->by, by, sizeof by);
		line(r, R_WARN, 2, "%s%s%s (%s)", item_label(r, c->item, label, sizeof label), ui_colon(),
		     c->value, by);
	}
}

static void hazards(struct rec *r)
{
	size_t i;

	line(r, R_SECTION, 0, _("Hazards found (%zu)"), r->hz.n);
	for (i = 0; i < r->hz.n; i++) {
		const struct hazard_row *h = &r->hz.rows[i];
		line(r, h->overdue ? R_WARN : R_NORMAL, 2, "%s · %s · %s %s", model_word(h->severity),
		     model_word(h->state), _("due"), h->due);
		line(r, R_NORMAL, 5, "%s", h->description);
	}
}

static void amendments(struct rec *r)
{
	char when[UI_WHEN_LEN], by[MAX_NAME + MAX_BADGE + 8], buf[2048], label[512];
	size_t i;
	int k;

	line(r, R_SECTION, 0, _("Amendments (%zu)"), r->in.n_amendments);
	for (i = 0; i < r->in.n_amendments; i++) {
		const struct fc_amendment *m = &r->in.amendments[i];
		k = r->f ? inspect_key_item(r->f, m->item) : -1;
		who(&r->in, m->by, by, sizeof by);
		ui_answer_text(r->f, k >= 0 ? &r->f->items[k] : NULL, m->value, r->ui->lang, buf,
			       sizeof buf);
		line(r, R_NORMAL, 2, "%s  %s", ui_when(m->at, when, sizeof when), by);
		line(r, R_NORMAL, 5, "%s%s%s", item_label(r, m->item, label, sizeof label), ui_colon(),
		     buf);
		line(r, R_DIM, 5, "%s%s%s", _("Reason"), ui_colon(), m->reason);
		if (m->note && *m->note)
			line(r, R_DIM, 5, "%s%s%s", _("Note"), ui_colon(), m->note);
	}
}

/* "for <item label>" of a file line, or "" when it documents the record. */
static void file_for(const struct rec *r, const struct fc_attachment *a, char *buf, size_t size)
{
	char label[512];

	buf[0] = '\0';
	if (a->to[0])
		snprintf(buf, size, " · %s %s", _("for"), item_label(r, a->to, label, sizeof label));
}

static void take_line(void *ctx, enum ui_role role, int indent, const char *text)
{
	line(ctx, role, indent, "%s", text);
}

/* The files attached as evidence, each described by ui_file_rows. */
static void files(struct rec *r)
{
	char by[MAX_NAME + MAX_BADGE + 8], what[600];
	struct evidence_store es;
	int have_store = evidence_store_open(r->ui->ws, &es, NULL) == 0;
	size_t i;

	if (!r->in.n_attachments)
		return;
	line(r, R_SECTION, 0, _("Files (%zu)"), r->in.n_attachments);
	for (i = 0; i < r->in.n_attachments; i++) {
		const struct fc_attachment *a = &r->in.attachments[i];
		who(&r->in, a->by, by, sizeof by);
		file_for(r, a, what, sizeof what);
		ui_file_rows(a, by, what, have_store && evidence_present(&es, a->sha256, a->size),
			     2, take_line, r);
	}
	if (have_store)
		evidence_store_release(&es);
}

void rec_lines_build(struct rec *r)
{
	rec_lines_release(r);
	head(r);
	answers(r);
	conflicts(r);
	hazards(r);
	files(r);
	amendments(r);
}
