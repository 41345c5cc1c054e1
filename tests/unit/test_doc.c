/* test_doc.c - the printable documents' model (core/doc.h) as the on-site
 * record builds it (forms/inspect/doc_record.c) from a draft of the shipped
 * six-ones form: every answered item appears once, in form order, with its
 * label and its result as a person reads it, and its note; the hazards
 * found; empty lines to write the findings and the opinion on; a draft has
 * no number and says so, a finalized one has its number; and the text and
 * HTML renderers carry what the model holds, the HTML escaped. */
#include "support_ws.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/docnum_store.h"
#include "core/enterprise.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/workspace.h"
#include "forms/inspect/answer_text.h"
#include "forms/inspect/doc_record.h"
#include "forms/inspect/inspect.h"

static const struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };

struct world {
	char *dir;
	struct fc_workspace *ws;
	struct form *f;
	char id[FC_UUID_LEN + 1];
};

/* The answers given: item, value, note. */
static const char *const given[][3] = {
	{ "park_name", "城东<园区>", "" },
	{ "tenant_count", "12", "" },
	{ "safety_office", "pass", "" },
	{ "risk_map", "fail", "未悬挂风险管控图" },
	{ "micro_fire_station", "na", "园区无独立场地" },
};
#define N_GIVEN (sizeof given / sizeof given[0])

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct fc_enterprise e = { "", "甲铸造厂", "城东街道", "C33", "城东路1号" };
	const char *top = getenv("FIELDCHECK_TOP");
	struct fc_err err = { 0 };
	char *forms = test_path(top && *top ? top : ".", "forms/checklists/six-ones");
	size_t k;

	test_ws_open(&w->dir, &w->ws, &me, 0, "2026-11-20T09:00:00+08:00");
	memcpy(e.code, test_uscc_valid[0], sizeof e.code);
	test_must(enterprise_add(w->ws->store, &e, &err), &err);
	w->f = form_load_dir(forms, NULL);
	assert_non_null(w->f);
	test_must(inspect_new(w->ws, w->f, e.code, INSP_ROUTINE, "3号厂房", NULL, 0, w->id, &err),
	     &err);
	for (k = 0; k < N_GIVEN; k++)
		test_must(inspect_answer(w->ws, w->f, w->id, given[k][0], given[k][1], given[k][2], NULL,
				    form_lang_of("zh"), &err), &err);
	free(forms);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	if (!w)
		return 0;
	form_free(w->f);
	test_ws_close(w->dir, w->ws);
	free(w);
	return 0;
}

static void build(struct world *w, struct doc *d)
{
	struct fc_err err = { 0 };

	doc_init(d);
	test_must(record_doc(w->ws, w->id, form_lang_of("zh"), d, &err), &err);
}

/* The first table row whose second cell is `label`, or NULL; *count gets
 * how many there are. */
static const struct doc_block *row_of(const struct doc *d, const char *label, size_t *count)
{
	const struct doc_block *found = NULL;
	size_t i;

	*count = 0;
	for (i = 0; i < d->n; i++)
		if (d->blocks[i].kind == DB_ROW && !d->blocks[i].header &&
		    d->blocks[i].n_cells > 1 && !strcmp(d->blocks[i].cells[1], label)) {
			found = found ? found : &d->blocks[i];
			++*count;
		}
	return found;
}

static void every_item_with_its_result_and_note(void **state)
{
	struct world *w = *state;
	const struct doc_block *b, *prev = NULL;
	struct doc d;
	char result[512];
	size_t k, n;

	build(w, &d);
	for (k = 0; k < N_GIVEN; k++) {
		const struct form_item *it = &w->f->items[form_item_index(w->f, given[k][0])];
		const char *label = form_item_label(w->f, it, form_lang_of("zh"));
		b = row_of(&d, label, &n);
		assert_non_null(b);
		assert_int_equal(n, 1);
		answer_text(w->f, it, given[k][1], form_lang_of("zh"), result, sizeof result);
		assert_string_equal(b->cells[2], result);
		assert_string_equal(b->cells[3], given[k][2]);
		if (prev)  /* in the form's order */
			assert_true(b > prev);
		prev = b;
	}
	/* the failed check's hazard is listed after them, by its description
	 * (the note) */
	b = row_of(&d, "未悬挂风险管控图", &n);
	assert_non_null(b);
	assert_int_equal(n, 1);
	assert_true(b > prev);
	doc_release(&d);
}

static void free_text_is_lines_to_write_on(void **state)
{
	struct world *w = *state;
	struct strbuf sb;
	struct doc d;
	size_t i, spaces = 0;

	build(w, &d);
	for (i = 0; i < d.n; i++)
		if (d.blocks[i].kind == DB_WRITE) {
			assert_null(d.blocks[i].b);
			assert_true(d.blocks[i].lines > 0);
			spaces++;
		}
	assert_int_equal(spaces, 2);
	strbuf_init(&sb);
	doc_text(&d, &sb);
	assert_non_null(strstr(sb.buf, "\n  ______________________________"));
	strbuf_release(&sb);
	doc_release(&d);
}

static void draft_unnumbered_final_numbered(void **state)
{
	struct world *w = *state;
	struct fc_err err = { 0 };
	struct docnum_claim claim = { "北应急", DOCNUM_RECORD, 2026, 3, 5, "ZJ-0001", "",
				      "2026-11-28T09:30:00+08:00" };
	struct fc_document doc_given;
	enum docnum_outcome how;
	struct doc d;

	build(w, &d);
	assert_true(d.draft);
	assert_null(d.number);
	assert_non_null(d.title_mark);
	doc_release(&d);
	test_must(inspection_finalize(w->ws->store, w->id, &err), &err);
	/* final, but no number given yet: marked as a draft, no number */
	build(w, &d);
	assert_true(d.draft);
	assert_null(d.number);
	assert_null(d.title_mark);
	doc_release(&d);
	test_must(docnum_authority_set(w->ws->store, "北应急", &err), &err);
	test_must(docnum_device_get(w->ws->store, claim.device, &err), &err);
	test_must(docnum_block_put(w->ws->store, &claim, &err), &err);
	test_must(docnum_issue(w->ws->store, &w->ws->me, w->id, DOCNUM_RECORD, &doc_given, &how, &err),
	     &err);
	assert_int_equal(how, DOCNUM_GIVEN);
	build(w, &d);
	assert_false(d.draft);
	assert_string_equal(d.number, "（北应急）检记〔2026〕0003号");
	doc_release(&d);
}

static void renderers_carry_the_model(void **state)
{
	struct world *w = *state;
	struct strbuf text, html;
	struct doc d;

	build(w, &d);
	strbuf_init(&text);
	strbuf_init(&html);
	doc_text(&d, &text);
	doc_html(&d, &html);
	assert_non_null(strstr(text.buf, "城东<园区>"));
	assert_non_null(strstr(text.buf, "未悬挂风险管控图"));
	assert_null(strstr(html.buf, "城东<园区>"));
	assert_non_null(strstr(html.buf, "城东&lt;园区&gt;"));
	assert_non_null(strstr(html.buf, "草稿 DRAFT"));
	assert_non_null(strstr(html.buf, "@page"));
	strbuf_release(&text);
	strbuf_release(&html);
	doc_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_item_with_its_result_and_note, setup, teardown),
		cmocka_unit_test_setup_teardown(free_text_is_lines_to_write_on, setup, teardown),
		cmocka_unit_test_setup_teardown(draft_unnumbered_final_numbered, setup, teardown),
		cmocka_unit_test_setup_teardown(renderers_carry_the_model, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
