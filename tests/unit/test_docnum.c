/* test_docnum.c - document numbers (core/docnum.h, core/docnum_store.h):
 * the number's text, the claim file's strict canonical reading, overlaps;
 * in a store, a number given once and kept, the lowest serial first, only
 * from this laptop's own blocks (not another officer's, not another laptop
 * of the same officer's), none without one or on a draft, the texts locked
 * once final. */
#include "support_ws.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/docnum_store.h"
#include "core/enterprise.h"
#include "core/inspection.h"
#include "core/workspace.h"

static const struct fc_person me = { "ZJ-0001", "张三", "区应急管理局" };

static struct docnum_claim a_claim(int start, int count)
{
	struct docnum_claim c;

	memset(&c, 0, sizeof c);
	strcpy(c.authority, "北应急");
	c.kind = DOCNUM_ORDER;
	c.year = 2026;
	c.start = start;
	c.count = count;
	strcpy(c.badge, "ZJ-0001");
	strcpy(c.device, "0d9c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c5");
	strcpy(c.at, "2026-11-28T09:30:00+08:00");
	return c;
}

static void number_text(void **state)
{
	struct fc_document d = { "order", "北应急", 2026, 12, "ZJ-0001", "" };
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb);
	docnum_text(&d, &sb);
	assert_string_equal(sb.buf, "（北应急）责改〔2026〕0012号");
	strcpy(d.kind, "record");
	d.serial = 12345;
	strbuf_reset(&sb);
	docnum_text(&d, &sb);
	assert_string_equal(sb.buf, "（北应急）检记〔2026〕12345号");
	strbuf_release(&sb);
}

static void claim_codec(void **state)
{
	struct docnum_claim c = a_claim(51, 50), got;
	struct fc_err err = { 0 };
	struct strbuf sb;
	char path[256], *bad;

	(void)state;
	strbuf_init(&sb);
	docnum_claim_encode(&c, &sb);
	test_must(docnum_claim_decode(sb.buf, sb.len, "c.json", &got, &err), &err);
	assert_int_equal(got.start, 51);
	assert_int_equal(got.count, 50);
	assert_string_equal(got.badge, "ZJ-0001");
	docnum_claim_path(&got, path, sizeof path);
	assert_string_equal(path, "numbers/北应急/2026/order/51.json");
	bad = xstrdup(sb.buf);
	*strstr(bad, "\"count\": 50") = ' '; /* another spacing */
	assert_int_not_equal(docnum_claim_decode(bad, strlen(bad), "c.json", &got, &err), 0);
	free(bad);
	strbuf_reset(&sb);
	c.count = DOCNUM_MAX_BLOCK + 1;
	docnum_claim_encode(&c, &sb);
	assert_int_not_equal(docnum_claim_decode(sb.buf, sb.len, "c.json", &got, &err), 0);
	strbuf_reset(&sb);
	c = a_claim(1, 5);
	strcpy(c.authority, "../x");
	docnum_claim_encode(&c, &sb);
	assert_int_not_equal(docnum_claim_decode(sb.buf, sb.len, "c.json", &got, &err), 0);
	strbuf_release(&sb);
}

static void overlaps(void **state)
{
	struct docnum_claim a = a_claim(1, 50), b = a_claim(50, 10), c = a_claim(51, 10);

	(void)state;
	assert_true(docnum_claims_overlap(&a, &b));
	assert_false(docnum_claims_overlap(&a, &c));
	c.start = 40;
	c.kind = DOCNUM_RECORD; /* another series */
	assert_false(docnum_claims_overlap(&a, &c));
}

struct fixture {
	char *dir;
	struct fc_workspace *ws;
	char insp[FC_UUID_LEN + 1], other[FC_UUID_LEN + 1];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct fc_enterprise e = { "", "华东化工", "", "", "" };
	struct insp_new n = { "six-ones", 1, test_uscc_valid[0], INSP_ROUTINE, "", NULL, 0 };
	struct fc_err err = { 0 };

	test_ws_open(&f->dir, &f->ws, &me, 0, "2026-11-28T09:30:00+08:00");
	memcpy(e.code, test_uscc_valid[0], sizeof e.code);
	test_must(enterprise_add(f->ws->store, &e, &err), &err);
	test_must(inspection_create(f->ws->store, &me, &n, f->insp, &err), &err);
	test_must(inspection_create(f->ws->store, &me, &n, f->other, &err), &err);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	test_ws_close(f->dir, f->ws);
	free(f);
	return 0;
}

static enum docnum_outcome issue(struct fixture *f, const char *id, struct fc_document *d)
{
	enum docnum_outcome how;
	struct fc_err err = { 0 };

	test_must(docnum_issue(f->ws->store, &me, id, DOCNUM_ORDER, d, &how, &err), &err);
	return how;
}

static void issue_once(void **state)
{
	struct fixture *f = *state;
	struct docnum_claim c = a_claim(5, 2);
	struct fc_err err = { 0 };
	struct fc_document d;
	int left, claimed;

	assert_int_equal(issue(f, f->insp, &d), DOCNUM_DRAFT);
	test_must(inspection_finalize(f->ws->store, f->insp, &err), &err);
	test_must(inspection_finalize(f->ws->store, f->other, &err), &err);
	assert_int_equal(issue(f, f->insp, &d), DOCNUM_NO_AUTHORITY);
	test_must(docnum_authority_set(f->ws->store, "北应急", &err), &err);
	assert_int_equal(issue(f, f->insp, &d), DOCNUM_NONE_LEFT);
	test_must(docnum_block_put(f->ws->store, &c, &err), &err); /* another laptop's of mine */
	assert_int_equal(issue(f, f->insp, &d), DOCNUM_NONE_LEFT);
	c = a_claim(5, 2);
	test_must(docnum_device_get(f->ws->store, c.device, &err), &err);
	c.start = 8; /* this laptop's */
	test_must(docnum_block_put(f->ws->store, &c, &err), &err);
	c = a_claim(1, 2);
	strcpy(c.badge, "JT-0042"); /* another's block is not ours to give */
	test_must(docnum_device_get(f->ws->store, c.device, &err), &err);
	test_must(docnum_block_put(f->ws->store, &c, &err), &err);
	assert_int_equal(issue(f, f->insp, &d), DOCNUM_GIVEN);
	assert_int_equal(d.serial, 8);
	assert_int_equal(issue(f, f->insp, &d), DOCNUM_HAD);
	assert_int_equal(d.serial, 8);
	assert_int_equal(issue(f, f->other, &d), DOCNUM_GIVEN);
	assert_int_equal(d.serial, 9);
	test_must(docnum_left(f->ws->store, "北应急", DOCNUM_ORDER, 2026, "ZJ-0001", &left, &claimed,
			 &err), &err);
	assert_int_equal(left, 0);
	assert_int_equal(claimed, 2);
}

static void texts_locked_when_final(void **state)
{
	struct fixture *f = *state;
	const char *v[INSP_TEXT_COUNT] = { "王五", "厂长", NULL, "两台车。\n一台超载。", NULL };
	struct fc_inspection in;
	struct fc_err err = { 0 };

	test_must(inspection_set_texts(f->ws->store, f->insp, v, &err), &err);
	test_must(inspection_get(f->ws->store, f->insp, &in, &err), &err);
	assert_string_equal(in.resp_name, "王五");
	assert_string_equal(in.findings, "两台车。\n一台超载。");
	assert_string_equal(in.opinion, "");
	inspection_clear(&in);
	v[INSP_RESP_PHONE] = "bad\x1b[2J";
	assert_int_not_equal(inspection_set_texts(f->ws->store, f->insp, v, &err), 0);
	v[INSP_RESP_PHONE] = NULL;
	test_must(inspection_finalize(f->ws->store, f->insp, &err), &err);
	assert_int_not_equal(inspection_set_texts(f->ws->store, f->insp, v, &err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(number_text),
		cmocka_unit_test(claim_codec),
		cmocka_unit_test(overlaps),
		cmocka_unit_test_setup_teardown(issue_once, setup, teardown),
		cmocka_unit_test_setup_teardown(texts_locked_when_final, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
