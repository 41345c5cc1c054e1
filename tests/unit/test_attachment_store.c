/* test_attachment_store.c - format-2 records through the store: a
 * position, repeat-instance answers and attached files are kept and read
 * back byte for byte; attachment lines are a union that grows, also on a
 * final inspection, and a final inspection's other fields stay as they are
 * (core/attachment_store.c, core/recordio.c, schema.c migration 7). */
#include "support_ws.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"
#include "core/enterprise.h"
#include "core/record.h"
#include "core/recordio.h"
#include "core/strbuf.h"
#include "core/workspace.h"

static const struct fc_person me = { "ZJ-0001", "张三", "应急管理局" };

struct world {
	char *dir;
	struct fc_workspace *ws;
};

/* A record of tests/fuzz/seeds/record/, decoded. */
static char *seed(const char *name, struct fc_record *r)
{
	const char *top = getenv("FIELDCHECK_TOP");
	char *dir = test_path(top && *top ? top : ".", "tests/fuzz/seeds/record");
	char *path = test_path(dir, name);
	struct fc_err err = { 0 };
	size_t len;
	char *text = test_read_file(path, &len);

	assert_non_null(text);
	test_must(record_decode(text, len, name, r, &err), &err);
	free(dir);
	free(path);
	return text;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct fc_enterprise e = { "91350100M000100Y43", "华东化工有限公司", "城东街道", "C26", "" };
	struct fc_err err = { 0 };

	test_ws_open(&w->dir, &w->ws, &me, 0, NULL);
	test_must(enterprise_add(w->ws->store, &e, &err), &err);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;
	test_ws_close(w->dir, w->ws);
	free(w);
	return 0;
}

/* The record as the store has it, encoded. */
static char *stored(struct world *w, enum record_kind kind, const char *id)
{
	struct fc_record r;
	struct fc_err err = { 0 };
	struct strbuf sb;

	test_must(record_load(w->ws->store, kind, id, &r, &err), &err);
	strbuf_init(&sb);
	record_encode(&r, &sb);
	record_clear(&r);
	return strbuf_detach(&sb);
}

static void kept_byte_for_byte(void **state)
{
	struct world *w = *state;
	struct fc_record in, hz;
	struct fc_err err = { 0 };
	char *in_text = seed("inspection2.json", &in), *hz_text = seed("hazard2.json", &hz), *got;

	test_must(record_put(w->ws->store, &in, &err), &err);
	test_must(record_put(w->ws->store, &hz, &err), &err);
	got = stored(w, REC_INSPECTION, in.u.inspection.id);
	assert_string_equal(got, in_text);
	free(got);
	got = stored(w, REC_HAZARD, hz.u.hazard.id);
	assert_string_equal(got, hz_text);
	free(got);
	record_clear(&in);
	record_clear(&hz);
	free(in_text);
	free(hz_text);
}

/* A record that lacks a line the store has (the other device had not seen
 * it) takes nothing away; one with a new line and a withdrawal adds both. */
static void lines_are_a_union(void **state)
{
	struct world *w = *state;
	struct fc_record in, older;
	struct fc_err err = { 0 };
	char *text = seed("inspection2.json", &in), *text2 = seed("inspection2.json", &older);
	struct fc_inspection *o = &older.u.inspection;
	char *got;

	test_must(record_put(w->ws->store, &in, &err), &err);
	/* the other device's copy: only the second line, and it withdrew it */
	attachment_clear(&o->attachments[0]);
	o->attachments[0] = o->attachments[1];
	o->n_attachments = 1;
	strcpy(o->attachments[0].withdrawn, "2026-11-29T08:00:00+08:00");
	test_must(record_put(w->ws->store, &older, &err), &err);
	got = stored(w, REC_INSPECTION, in.u.inspection.id);
	assert_non_null(strstr(got, "\"to\": \"\""));
	/* the first withdrawal stands: withdrawn once */
	assert_non_null(strstr(got, "\"withdrawn\": \"2026-11-28T10:05:12+08:00\""));
	assert_null(strstr(got, "2026-11-29T08:00:00"));
	free(got);
	record_clear(&in);
	record_clear(&older);
	free(text);
	free(text2);
}

/* A final inspection grows files (the repair photo comes later) but its
 * position, like its answers, stays. */
static void final_grows_files_only(void **state)
{
	struct world *w = *state;
	struct fc_record in;
	struct fc_err err = { 0 };
	char *text = seed("inspection2.json", &in), *got;
	struct fc_inspection *x = &in.u.inspection;
	struct fc_attachment one;

	x->status = INSP_FINAL;
	strcpy(x->finalized_at, "2026-11-28T11:00:00+08:00");
	attachment_clear(&x->attachments[1]); /* the withdrawn one: not on a final */
	x->n_attachments = 1;
	one = x->attachments[0];
	test_must(record_put(w->ws->store, &in, &err), &err);
	x->attachments = realloc(x->attachments, 2 * sizeof *x->attachments);
	attachment_copy(&x->attachments[1], &one);
	free(x->attachments[1].to);
	x->attachments[1].to = strdup("vehicle_plate");
	x->n_attachments = 2;
	test_must(record_put(w->ws->store, &in, &err), &err);
	got = stored(w, REC_INSPECTION, x->id);
	assert_non_null(strstr(got, "\"to\": \"vehicle_plate\""));
	free(got);
	strcpy(x->geo, "30 120 0 0");
	assert_int_equal(record_put(w->ws->store, &in, &err), -1);
	assert_non_null(strstr(err.msg, "finalized here and arrived changed"));
	record_clear(&in);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(kept_byte_for_byte, setup, teardown),
		cmocka_unit_test_setup_teardown(lines_are_a_union, setup, teardown),
		cmocka_unit_test_setup_teardown(final_grows_files_only, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
