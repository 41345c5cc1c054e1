/* test_record.c - the canonical codec: round trips and refusals. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"
#include "core/record.h"
#include "core/strbuf.h"

#define ID1 "5f3a0c1e-8d2b-4c7a-9e10-2b4f6a8c0d1e"
#define ID2 "0b9c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c4"
#define T1 "2026-11-28T09:30:00+08:00"
#define T2 "2026-11-28T10:05:12+08:00"

static const char enterprise_text[] =
	"{\n"
	"  \"format\": \"fieldcheck/enterprise/1\",\n"
	"  \"code\": \"91350100M000100Y43\",\n"
	"  \"name\": \"华东化工有限公司\",\n"
	"  \"town\": \"城东街道\",\n"
	"  \"industry\": \"C26\",\n"
	"  \"address\": \"工业路 8 号 \\\"东门\\\" \\\\ 2号罐区\"\n"
	"}\n";

static const char inspection_text[] =
	"{\n"
	"  \"format\": \"fieldcheck/inspection/1\",\n"
	"  \"id\": \"" ID1 "\",\n"
	"  \"form\": \"hazmat-loading\",\n"
	"  \"form_version\": 3,\n"
	"  \"enterprise\": \"91350100M000100Y43\",\n"
	"  \"type\": \"joint\",\n"
	"  \"status\": \"final\",\n"
	"  \"location\": \"2号装车台\",\n"
	"  \"created_at\": \"" T1 "\",\n"
	"  \"created_by\": \"ZJ-0001\",\n"
	"  \"finalized_at\": \"" T2 "\",\n"
	"  \"team\": [\n"
	"    {\"badge\": \"ZJ-0001\", \"name\": \"张三\", \"dept\": \"应急管理局\"},\n"
	"    {\"badge\": \"JT-0042\", \"name\": \"李四\", \"dept\": \"交通运输局\"}\n"
	"  ],\n"
	"  \"answers\": [\n"
	"    {\"item\": \"driver_qualified\", \"value\": \"fail\", \"note\": \"押运员证过期\\n第二行\", "
	"\"by\": \"JT-0042\", \"at\": \"" T1 "\"},\n"
	"    {\"item\": \"vehicle_permits\", \"value\": \"pass\", \"note\": \"\", \"by\": \"ZJ-0001\", "
	"\"at\": \"" T1 "\"}\n"
	"  ],\n"
	"  \"conflicts\": [],\n"
	"  \"amendments\": [\n"
	"    {\"item\": \"vehicle_permits\", \"value\": \"fail\", \"note\": \"\", \"reason\": \"看错证件\", "
	"\"by\": \"ZJ-0001\", \"at\": \"" T2 "\"}\n"
	"  ]\n"
	"}\n";

static const char hazard_text[] =
	"{\n"
	"  \"format\": \"fieldcheck/hazard/1\",\n"
	"  \"id\": \"" ID2 "\",\n"
	"  \"inspection\": \"" ID1 "\",\n"
	"  \"item\": \"driver_qualified\",\n"
	"  \"severity\": \"major\",\n"
	"  \"description\": \"押运员资格证过期\",\n"
	"  \"deadline\": \"2026-12-05\",\n"
	"  \"events\": [\n"
	"    {\"kind\": \"found\", \"at\": \"" T1 "\", \"by\": \"ZJ-0001\", \"name\": \"张三\", "
	"\"date\": \"\", \"note\": \"\"},\n"
	"    {\"kind\": \"notice\", \"at\": \"" T2 "\", \"by\": \"ZJ-0001\", \"name\": \"张三\", "
	"\"date\": \"2026-12-10\", \"note\": \"责令限期整改\"},\n"
	"    {\"kind\": \"supervise\", \"at\": \"" T2 "\", \"by\": \"ZJ-0001\", \"name\": \"张三\", "
	"\"date\": \"\", \"note\": \"\"}\n"
	"  ]\n"
	"}\n";

#define SHA "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define BLOB "30d74d258442c7c65512eafab474568dd706c430"
#define REP "0d9c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c5"

/* Format 2 (docs/FORMAT.md): a position, an answer inside a repeat
 * instance, and files attached to the inspection and to an item. */
static const char inspection2_text[] =
	"{\n"
	"  \"format\": \"fieldcheck/inspection/2\",\n"
	"  \"id\": \"" ID1 "\",\n"
	"  \"form\": \"hazmat-loading\",\n"
	"  \"form_version\": 3,\n"
	"  \"enterprise\": \"91350100M000100Y43\",\n"
	"  \"type\": \"routine\",\n"
	"  \"status\": \"draft\",\n"
	"  \"location\": \"2号装车台\",\n"
	"  \"geo\": \"30.2741 120.1551 12 5\",\n"
	"  \"geo_source\": \"gps\",\n"
	"  \"responsible\": \"王五\",\n"
	"  \"responsible_title\": \"安全主管\",\n"
	"  \"responsible_phone\": \"0591-12345678\",\n"
	"  \"created_at\": \"" T1 "\",\n"
	"  \"created_by\": \"ZJ-0001\",\n"
	"  \"finalized_at\": \"\",\n"
	"  \"findings\": \"装车台现场检查。\\n两台车辆。\",\n"
	"  \"opinion\": \"\",\n"
	"  \"team\": [\n"
	"    {\"badge\": \"ZJ-0001\", \"name\": \"张三\", \"dept\": \"应急管理局\"}\n"
	"  ],\n"
	"  \"answers\": [\n"
	"    {\"item\": \"vehicle_plate@" REP "\", \"value\": \"浙A12345\", \"note\": \"\", "
	"\"by\": \"ZJ-0001\", \"at\": \"" T1 "\"},\n"
	"    {\"item\": \"vehicles@" REP "\", \"value\": \"\", \"note\": \"\", "
	"\"by\": \"ZJ-0001\", \"at\": \"" T1 "\"}\n"
	"  ],\n"
	"  \"conflicts\": [],\n"
	"  \"amendments\": [],\n"
	"  \"attachments\": [\n"
	"    {\"to\": \"\", \"sha256\": \"" SHA "\", \"blob\": \"" BLOB "\", \"size\": 5242880, "
	"\"type\": \"image/jpeg\", \"name\": \"IMG_0412.JPG\", \"taken\": \"" T1 "\", "
	"\"geo\": \"30.2741 120.1551 0 0\", \"by\": \"ZJ-0001\", \"at\": \"" T2 "\", "
	"\"withdrawn\": \"\"},\n"
	"    {\"to\": \"vehicle_plate@" REP "\", \"sha256\": \"" SHA "\", \"blob\": \"" BLOB "\", "
	"\"size\": 5242880, \"type\": \"image/jpeg\", \"name\": \"IMG_0412.JPG\", "
	"\"taken\": \"\", \"geo\": \"\", \"by\": \"ZJ-0001\", \"at\": \"" T2 "\", "
	"\"withdrawn\": \"" T2 "\"}\n"
	"  ],\n"
	"  \"documents\": []\n"
	"}\n";

static const char hazard2_text[] =
	"{\n"
	"  \"format\": \"fieldcheck/hazard/2\",\n"
	"  \"id\": \"" ID2 "\",\n"
	"  \"inspection\": \"" ID1 "\",\n"
	"  \"item\": \"driver_qualified\",\n"
	"  \"severity\": \"general\",\n"
	"  \"description\": \"押运员资格证过期\",\n"
	"  \"deadline\": \"2026-12-05\",\n"
	"  \"events\": [\n"
	"    {\"kind\": \"found\", \"at\": \"" T1 "\", \"by\": \"ZJ-0001\", \"name\": \"张三\", "
	"\"date\": \"\", \"note\": \"\"},\n"
	"    {\"kind\": \"rectified\", \"at\": \"" T2 "\", \"by\": \"ZJ-0001\", \"name\": \"张三\", "
	"\"date\": \"\", \"note\": \"已换证\"}\n"
	"  ],\n"
	"  \"attachments\": [\n"
	"    {\"to\": \"rectified@" T2 "\", \"sha256\": \"" SHA "\", \"blob\": \"" BLOB "\", "
	"\"size\": 12, \"type\": \"application/pdf\", \"name\": \"证件.pdf\", \"taken\": \"\", "
	"\"geo\": \"\", \"by\": \"ZJ-0001\", \"at\": \"" T2 "\", \"withdrawn\": \"\"}\n"
	"  ]\n"
	"}\n";

static void roundtrip(const char *text)
{
	struct fc_record r;
	struct fc_err err = { 0 };
	struct strbuf sb;

	if (record_decode(text, strlen(text), "t.json", &r, &err))
		fail_msg("decode failed: %s", err.msg);
	strbuf_init(&sb);
	record_encode(&r, &sb);
	assert_string_equal(sb.buf, text);
	strbuf_release(&sb);
	record_clear(&r);
}

/* A final inspection's numbered documents: written as the last array of
 * inspection/2, read back to the same bytes; a draft carries none, and a
 * number twice is refused. */
static void numbered_documents(void **state)
{
	struct fc_record r, back;
	struct fc_err err = { 0 };
	struct fc_document d = { "order", "北应急", 2026, 12, "ZJ-0001", T2 };
	struct strbuf sb;

	(void)state;
	if (record_decode(inspection2_text, strlen(inspection2_text), "t.json", &r, &err))
		fail_msg("%s", err.msg);
	free(r.u.inspection.documents);
	r.u.inspection.documents = xcalloc(2, sizeof d);
	r.u.inspection.documents[0] = d;
	r.u.inspection.n_documents = 1;
	assert_int_not_equal(inspection_check(&r.u.inspection, &err), 0);
	assert_non_null(strstr(err.msg, "draft"));
	r.u.inspection.status = INSP_FINAL;
	strcpy(r.u.inspection.finalized_at, T2);
	for (size_t i = 0; i < r.u.inspection.n_attachments; i++)
		r.u.inspection.attachments[i].withdrawn[0] = '\0';
	strbuf_init(&sb);
	record_encode(&r, &sb);
	assert_non_null(strstr(sb.buf, "  \"documents\": [\n    {\"kind\": \"order\", \"authority\": "
			       "\"北应急\", \"year\": 2026, \"serial\": 12, \"by\": \"ZJ-0001\", \"at\": \""
			       T2 "\"}\n  ]\n}\n"));
	roundtrip(sb.buf);
	r.u.inspection.documents[1] = d;
	r.u.inspection.n_documents = 2;
	strbuf_reset(&sb);
	record_encode(&r, &sb);
	assert_int_not_equal(record_decode(sb.buf, sb.len, "t.json", &back, &err), 0);
	assert_non_null(strstr(err.msg, "twice"));
	strbuf_release(&sb);
	record_clear(&r);
}

static void roundtrips(void **state)
{
	(void)state;
	roundtrip(enterprise_text);
	roundtrip(inspection_text);
	roundtrip(hazard_text);
	roundtrip(inspection2_text);
	roundtrip(hazard2_text);
}

static void decoded_fields(void **state)
{
	struct fc_record r;
	struct fc_err err = { 0 };
	(void)state;
	assert_int_equal(record_decode(hazard_text, strlen(hazard_text), "h", &r, &err), 0);
	assert_int_equal(r.kind, REC_HAZARD);
	assert_int_equal(r.u.hazard.n_events, 3);
	assert_string_equal(hazard_due(&r.u.hazard), "2026-12-10");
	assert_int_equal(hazard_state_of(&r.u.hazard), HST_NOTIFIED);
	assert_int_equal(hazard_supervised(&r.u.hazard), 1);
	assert_int_equal(hazard_overdue(&r.u.hazard, "2026-12-10"), 0);
	assert_int_equal(hazard_overdue(&r.u.hazard, "2026-12-11"), 1);
	record_clear(&r);
}

/* Replaces the first `from` in text with `to`, then expects `msg`. */
static void refused(const char *text, const char *from, const char *to, const char *msg)
{
	const char *at = strstr(text, from);
	struct fc_record r;
	struct fc_err err = { 0 };
	char *bad;
	size_t n;

	assert_non_null(at);
	n = strlen(text) - strlen(from) + strlen(to);
	bad = malloc(n + 1);
	memcpy(bad, text, (size_t)(at - text));
	strcpy(bad + (at - text), to);
	strcat(bad, at + strlen(from));
	if (record_decode(bad, n, "r.json", &r, &err) == 0)
		fail_msg("accepted a record with '%s' for '%s'", to, from);
	if (strcmp(err.msg, msg))
		fail_msg("for '%s' -> '%s'\n got: %s\nwant: %s", from, to, err.msg, msg);
	free(bad);
}

static void refusals(void **state)
{
	(void)state;
	refused(enterprise_text, "\"code\": \"91350100M000100Y43\"", "\"code\": \"91350100M000100Y44\"",
		"r.json: credit code '91350100M000100Y44': check character is '4', expected '3' (mistyped?)");
	refused(enterprise_text, "fieldcheck/enterprise/1", "fieldcheck/enterprise/2",
		"r.json:2:13: unknown record format \"fieldcheck/enterprise/2\"");
	refused(inspection_text, "\"form_version\": 3", "\"form_version\": \"3\"",
		"r.json:5:19: \"form_version\" should be a number, not text");
	refused(inspection_text, "\"form_version\": 3", "\"form_version\": 3.5",
		"r.json:5:20: only whole numbers are used in records");
	refused(inspection_text, "\"type\": \"joint\"", "\"type\": \"party\"",
		"r.json:7:11: unknown value for \"type\"");
	refused(enterprise_text, "华东化工", "华东\x1b[31m化工",
		"r.json:4:14: control character inside a string (must be escaped)");
	refused(enterprise_text, "华东化工", "华东\\u001b[31m化工",
		"r.json: enterprise name holds control character U+001B at character 3");
	refused(enterprise_text, "华东化工", "华东\\u009b31m化工",
		"r.json: enterprise name holds control character U+009B at character 3");
	refused(enterprise_text, "华东化工", "华\xe4\xb8东",
		"r.json:4:13: invalid UTF-8");
	refused(enterprise_text, "华东化工", "华东\xc0\xaf",
		"r.json:4:14: invalid UTF-8");
	refused(enterprise_text, "\"town\":", "\"name\":",
		"r.json:5:3: duplicate key \"name\"");
	refused(enterprise_text, "\"town\":", "\"tawn\":",
		"r.json:5:11: unknown key \"tawn\"");
	refused(enterprise_text, "  \"industry\": \"C26\",\n", "",
		"r.json:1:1: the enterprise has no \"industry\"");
	refused(enterprise_text, "\"industry\": \"C26\"", "\"industry\": \"X26\"",
		"r.json: industry class 'X26' is not a GB/T 4754 code (a letter A-T and up to four "
		"digits, like C26)");
	refused(enterprise_text, "\"town\": ", "\"town\":",
		"r.json:5:10: not in canonical form (records are written in one fixed layout; this "
		"one was changed by another program)");
	refused(enterprise_text, "}\n", "}\n\n",
		"r.json:9:1: not in canonical form (records are written in one fixed layout; this "
		"one was changed by another program)");
	refused(enterprise_text, "}\n", "} x",
		"r.json:8:3: unexpected text after the end of the record");
	refused(inspection_text, "\"JT-0042\", \"at\"", "\"ZJ 0042\", \"at\"",
		"r.json: answer to 'driver_qualified': badge number 'ZJ 0042': only letters, digits, "
		"'-', '_' and '.' are allowed");
	refused(inspection_text, "\"item\": \"vehicle_permits\", \"value\": \"pass\"",
		"\"item\": \"a_first\", \"value\": \"pass\"",
		"r.json: answers are not in order of item, or item 'a_first' is answered twice");
	refused(inspection_text, "\"finalized_at\": \"" T2 "\"", "\"finalized_at\": \"\"",
		"r.json: a final inspection has a finalizing time and a draft has none");
	refused(hazard_text, "\"kind\": \"found\"", "\"kind\": \"comment\"",
		"r.json: event 1: a hazard's log starts with one 'found' event");
	refused(hazard_text, "\"deadline\": \"2026-12-05\"", "\"deadline\": \"2026-02-30\"",
		"r.json: deadline '2026-02-30': month 2 has no day 30");
	refused(hazard_text, "\"date\": \"2026-12-10\"", "\"date\": [\"2026-12-10\"]",
		"r.json:11:98: \"date\" should be text, not a list");
	refused(hazard_text, "\"format\"", "\"format\\u0000\"",
		"r.json:2:10: \\u0000 is not allowed in text");
	refused(hazard_text, "\"format\"", "\"format\\ud800\"",
		"r.json:2:10: lone high surrogate in \\u escape");
}

/* Every proper prefix of a valid record is refused, never a crash. */
/* Format 2's own refusals: a /2 record that needs nothing of format 2 is
 * not canonical (records are written in the oldest version that holds
 * them), and what a line of it says is checked. */
static void format2_refusals(void **state)
{
	(void)state;
	refused(inspection_text, "\"amendments\": [\n", "\"attachments\": [\n",
		"r.json:22:18: unknown key \"attachments\"");
	{
		const char *from = strstr(hazard2_text, "  \"attachments\": [\n");
		char text[sizeof hazard2_text];
		memcpy(text, hazard2_text, (size_t)(from - hazard2_text));
		strcpy(text + (from - hazard2_text), "  \"attachments\": []\n}\n");
		refused(text, "\"description\"", "\"description\"",
			"r.json:2:32: not in canonical form (records are written in one fixed "
			"layout; this one was changed by another program)");
	}
	refused(hazard2_text, "\"to\": \"rectified@", "\"to\": \"notice@",
		"r.json: attachment 1 documents 'notice@" T2 "', not an event of this hazard");
	refused(inspection2_text, "\"geo_source\": \"gps\"", "\"geo_source\": \"\"",
		"r.json: a position says where it came from, and only a position does");
	refused(inspection2_text, "30.2741 120.1551 12 5", "91 120.1551 12 5",
		"r.json: the inspection's position '91 120.1551 12 5' is not a position (latitude, "
		"longitude, altitude and accuracy: four numbers, like 30.27 120.15 12 5)");
	refused(inspection2_text, "vehicle_plate@" REP "\", \"value", "vehicle_plate@x\", \"value",
		"r.json: answer to 'vehicle_plate@x': item 'vehicle_plate@x': repeat instance 'x' "
		"is not an id (36 characters, like 5f3a0c1e-8d2b-4c7a-9e10-2b4f6a8c0d1e)");
	refused(inspection2_text, "\"name\": \"IMG_0412.JPG\", \"taken\": \"" T1,
		"\"name\": \"../IMG.JPG\", \"taken\": \"" T1,
		"r.json: attachment 1: file '../IMG.JPG': file name '../IMG.JPG' names a folder");
	refused(inspection2_text, "\"status\": \"draft\",\n", "\"status\": \"final\",\n",
		"r.json: a final inspection has a finalizing time and a draft has none");
	refused(hazard2_text, "\"withdrawn\": \"\"}", "\"withdrawn\": \"" T2 "\"}",
		"r.json: attachment 1: a hazard's files are evidence and are not withdrawn");
	refused(hazard2_text, "\"size\": 12", "\"size\": \"12\"",
		"r.json:14:189: \"size\" should be a number, not text");
}

/* A /2 record whose format-2 parts are taken away is written as /1 again,
 * byte for byte the record a format-1 device wrote. */
static void oldest_version_written(void **state)
{
	struct fc_record r;
	struct fc_err err = { 0 };
	struct strbuf sb;
	(void)state;

	assert_int_equal(record_decode(hazard2_text, strlen(hazard2_text), "h", &r, &err), 0);
	assert_int_equal(hazard_version(&r.u.hazard), 2);
	attachments_free(r.u.hazard.attachments, r.u.hazard.n_attachments);
	r.u.hazard.attachments = NULL, r.u.hazard.n_attachments = 0;
	assert_int_equal(hazard_version(&r.u.hazard), 1);
	strbuf_init(&sb);
	record_encode(&r, &sb);
	assert_non_null(strstr(sb.buf, "\"format\": \"fieldcheck/hazard/1\""));
	assert_null(strstr(sb.buf, "attachments"));
	record_clear(&r);
	strbuf_release(&sb);
	assert_int_equal(record_decode(inspection_text, strlen(inspection_text), "i", &r, &err), 0);
	assert_int_equal(inspection_version(&r.u.inspection), 1);
	record_clear(&r);
}

static void truncations_refused(void **state)
{
	const char *texts[] = { enterprise_text, inspection_text, hazard_text };
	struct fc_err err = { 0 };
	struct fc_record r;
	size_t t, n;
	(void)state;
	for (t = 0; t < 3; t++)
		for (n = 0; n < strlen(texts[t]); n++)
			assert_int_equal(record_decode(texts[t], n, "p", &r, &err), -1);
}

static void oversized_refused(void **state)
{
	size_t n = MAX_RECORD_BYTES + 1;
	char *big = malloc(n);
	struct fc_err err = { 0 };
	struct fc_record r;
	(void)state;
	memset(big, ' ', n);
	assert_int_equal(record_decode(big, n, "big.json", &r, &err), -1);
	assert_string_equal(err.msg, "big.json: record is 1048577 bytes, at most 1048576");
	free(big);
	/* A field over its limit inside a small record. */
	{
		char name[MAX_NAME + 2], *text;
		memset(name, 'a', sizeof name - 1);
		name[sizeof name - 1] = '\0';
		text = malloc(strlen(enterprise_text) + sizeof name);
		sprintf(text, "{\n  \"format\": \"fieldcheck/enterprise/1\",\n  \"code\": "
			"\"91350100M000100Y43\",\n  \"name\": \"%s\",\n  \"town\": \"\",\n  "
			"\"industry\": \"\",\n  \"address\": \"\"\n}\n", name);
		assert_int_equal(record_decode(text, strlen(text), "n", &r, &err), -1);
		assert_string_equal(err.msg, "n: enterprise name is too long: 201 bytes, at most 200");
		free(text);
	}
}

/* A 1 MiB record of ~96 000 keys on one line ("k0":0,"k1":0,...): refused
 * at the first key more than any record's object has, naming where. */
static void many_keys_refused(void **state)
{
	struct strbuf sb;
	struct fc_err err = { 0 };
	struct fc_record r;
	char want[160];
	size_t i, at = 0;
	(void)state;
	strbuf_init(&sb);
	strbuf_adds(&sb, "{\"format\": \"fieldcheck/hazard/1\"");
	for (i = 0; sb.len < MAX_RECORD_BYTES - 16; i++) {
		if (i == MAX_RECORD_KEYS - 1)
			at = sb.len + 1; /* the key after the comma: one too many */
		strbuf_addf(&sb, ",\"k%zu\":0", i);
	}
	strbuf_adds(&sb, "}\n");
	assert_true(i > 90000);
	assert_int_equal(record_decode(sb.buf, sb.len, "h.json", &r, &err), -1);
	snprintf(want, sizeof want, "h.json:1:%zu: more than %d keys in one object; no record "
		 "holds that many", at + 1, MAX_RECORD_KEYS);
	assert_string_equal(err.msg, want);
	strbuf_release(&sb);
}

/* A list of 500 000 numbers would cost 50 bytes a value to build: refused at
 * the first value more than the largest record holds. */
static void many_values_refused(void **state)
{
	struct strbuf sb;
	struct fc_err err = { 0 };
	struct fc_record r;
	char want[160];
	size_t i;
	(void)state;
	strbuf_init(&sb);
	strbuf_adds(&sb, "{\"format\": \"fieldcheck/hazard/1\", \"events\": [0");
	for (i = 0; sb.len < MAX_RECORD_BYTES - 8; i++)
		strbuf_adds(&sb, ",0");
	strbuf_adds(&sb, "]}\n");
	assert_int_equal(record_decode(sb.buf, sb.len, "h.json", &r, &err), -1);
	/* value MAX_RECORD_VALUES + 1: the object, "format", the list, its
	 * items; item k (from 0) is at column 46 + 2k */
	snprintf(want, sizeof want, "h.json:1:%d: more than %d values; no record holds that many",
		 46 + 2 * (MAX_RECORD_VALUES - 3), MAX_RECORD_VALUES);
	assert_string_equal(err.msg, want);
	strbuf_release(&sb);
}

static void deep_nesting_refused(void **state)
{
	char buf[200];
	struct fc_err err = { 0 };
	struct fc_record r;
	(void)state;
	memset(buf, '[', sizeof buf);
	assert_int_equal(record_decode(buf, sizeof buf, "d", &r, &err), -1);
	assert_string_equal(err.msg, "d:1:18: nested too deeply");
}

/* Random records of every kind encode, decode and encode to the same bytes. */
static unsigned long next(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return *s >> 33;
}

static char *random_text(unsigned long *s, int multiline)
{
	static const char *const parts[] = { "罐车", "a", " ", "\"", "\\", "整改", "/", "é",
					     "\n", "\t", "押运员", "Z", "0", "😀" };
	struct strbuf sb;
	unsigned long n = next(s) % 12, i;
	strbuf_init(&sb);
	for (i = 0; i < n; i++) {
		const char *p = parts[next(s) % (ARRAY_SIZE(parts))];
		if (!multiline && (*p == '\n' || *p == '\t'))
			continue;
		strbuf_adds(&sb, p);
	}
	return strbuf_detach(&sb);
}

static void random_roundtrips(void **state)
{
	unsigned long seed = 42;
	int round;
	(void)state;
	for (round = 0; round < 300; round++) {
		struct fc_hazard h;
		struct fc_hazard_event ev[3];
		struct fc_record r;
		struct fc_err err = { 0 };
		struct strbuf a, b;
		int k;

		memset(&h, 0, sizeof h);
		strcpy(h.id, ID2);
		strcpy(h.inspection, ID1);
		h.item = "item_x";
		h.severity = next(&seed) % 2 ? HAZ_MAJOR : HAZ_GENERAL;
		h.description = random_text(&seed, 1);
		if (!*h.description) {
			free(h.description);
			h.description = strdup("x");
		}
		strcpy(h.deadline, "2027-01-31");
		for (k = 0; k < 3; k++) {
			memset(&ev[k], 0, sizeof ev[k]);
			ev[k].kind = k == 0 ? HEV_FOUND : k == 1 ? HEV_COMMENT : HEV_EXTEND;
			strcpy(ev[k].at, k == 0 ? T1 : T2);
			strcpy(ev[k].by, "B-1");
			ev[k].by_name = random_text(&seed, 0);
			if (!*ev[k].by_name) {
				free(ev[k].by_name);
				ev[k].by_name = strdup("n");
			}
			ev[k].note = random_text(&seed, 1);
		}
		strcpy(ev[2].date, "2027-02-28");
		h.events = ev;
		h.n_events = 3;
		qsort(ev, 3, sizeof ev[0], hazard_event_cmp); /* as the store does */
		strbuf_init(&a);
		strbuf_init(&b);
		record_encode_hazard(&h, &a);
		if (record_decode(a.buf, a.len, "rand", &r, &err))
			fail_msg("round %d: %s\n%s", round, err.msg, a.buf);
		record_encode(&r, &b);
		assert_string_equal(a.buf, b.buf);
		record_clear(&r);
		strbuf_release(&a);
		strbuf_release(&b);
		free(h.description);
		for (k = 0; k < 3; k++) {
			free(ev[k].by_name);
			free(ev[k].note);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roundtrips),
		cmocka_unit_test(decoded_fields),
		cmocka_unit_test(format2_refusals),
		cmocka_unit_test(oldest_version_written),
		cmocka_unit_test(refusals),
		cmocka_unit_test(truncations_refused),
		cmocka_unit_test(oversized_refused),
		cmocka_unit_test(many_keys_refused),
		cmocka_unit_test(many_values_refused),
		cmocka_unit_test(deep_nesting_refused),
		cmocka_unit_test(random_roundtrips),
		cmocka_unit_test(numbered_documents),
	};
	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
