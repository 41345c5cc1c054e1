/* test_roster.c - the roster: written canonically, read back strictly,
 * read by ssh-keygen as git's allowed-signers file, and the signer in
 * force at a time found (or why not). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/roster.h"
#include "core/sshsig.h"

static struct roster_entry entry(const char *badge, const char *name, enum roster_role role,
				 unsigned char seed, long long from, long long until)
{
	struct roster_entry e;
	size_t i;

	memset(&e, 0, sizeof e);
	snprintf(e.who.badge, sizeof e.who.badge, "%s", badge);
	snprintf(e.who.name, sizeof e.who.name, "%s", name);
	snprintf(e.who.dept, sizeof e.who.dept, "区应急管理局");
	e.role = role;
	for (i = 0; i < SSHKEY_ED25519_LEN; i++)
		e.key.pk[i] = (unsigned char)(seed + i);
	e.valid_after = from;
	e.valid_before = until;
	return e;
}

static const long long dec1 = 1796083200; /* 2026-12-01T00:00:00Z */

static void times(void **state)
{
	char t[16];
	long long v;
	(void)state;

	roster_time_format(dec1, t);
	assert_string_equal(t, "20261201000000Z");
	assert_int_equal(roster_time_parse(t, 15, &v), 0);
	assert_true(v == dec1);
	assert_int_equal(roster_time_parse("20261201000000", 14, &v), -1);
	assert_int_equal(roster_time_parse("20261301000000Z", 15, &v), -1);
	assert_int_equal(roster_time_parse("2026120100000xZ", 15, &v), -1);
}

static void round_trip_and_rules(void **state)
{
	struct roster r, back;
	struct roster_entry a = entry("ZJ-0002", "李 四", ROLE_INSPECTOR, 1, dec1, 0);
	struct roster_entry b = entry("ZJ-0001", "张三", ROLE_SUPERVISOR, 2, dec1, 0);
	struct fc_err err = { 0 };
	struct strbuf out;
	(void)state;

	roster_init(&r);
	assert_int_equal(roster_add(&r, &a, &err), 0);
	assert_int_equal(roster_add(&r, &b, &err), 0);
	assert_string_equal(r.e[0].who.badge, "ZJ-0001"); /* sorted */
	/* the same key for someone else while it is in force: refused */
	b.who.badge[6] = '9';
	assert_int_equal(roster_add(&r, &b, &err), -1);
	assert_non_null(strstr(err.msg, "already"));
	strbuf_init(&out);
	roster_encode(&r, &out);
	assert_int_equal(roster_parse(out.buf, out.len, "roster", &back, &err), 0);
	assert_int_equal(back.n, 2);
	assert_memory_equal(back.e, r.e, 2 * sizeof *r.e);
	roster_release(&back);
	/* in force, not yet, ended, unknown */
	assert_non_null(roster_signer(&r, &a.key, dec1 + 10, &err));
	assert_null(roster_signer(&r, &a.key, dec1 - 10, &err));
	assert_non_null(strstr(err.msg, "not yet valid"));
	assert_int_equal(roster_revoke(&r, "ZJ-0002", dec1 + 100, &err), 1);
	assert_non_null(roster_signer(&r, &a.key, dec1 + 99, &err));
	assert_null(roster_signer(&r, &a.key, dec1 + 100, &err));
	assert_non_null(strstr(err.msg, "no longer valid"));
	assert_int_equal(roster_revoke(&r, "ZJ-0002", dec1 + 200, &err), 0);
	a.key.pk[0] ^= 0xff;
	assert_null(roster_signer(&r, &a.key, dec1 + 10, &err));
	assert_non_null(strstr(err.msg, "not on the roster"));
	strbuf_release(&out);
	roster_release(&r);
}

/* Every truncation, every changed byte in the options, and lines out of
 * order are refused: only the canonical bytes are a roster. */
static void hostile(void **state)
{
	struct roster r, back;
	struct roster_entry a = entry("ZJ-0001", "张三", ROLE_SUPERVISOR, 1, dec1, dec1 + 86400);
	struct roster_entry b = entry("ZJ-0002", "王五", ROLE_INSPECTOR, 9, dec1, 0);
	struct fc_err err = { 0 };
	struct strbuf out, bad;
	const char *second;
	size_t i;
	(void)state;

	roster_init(&r);
	assert_int_equal(roster_add(&r, &a, &err), 0);
	assert_int_equal(roster_add(&r, &b, &err), 0);
	strbuf_init(&out);
	roster_encode(&r, &out);
	for (i = 0; i < out.len; i++) /* cut anywhere but after a whole line */
		if (i && out.buf[i - 1] != '\n')
			assert_int_equal(roster_parse(out.buf, i, "roster", &back, &err), -1);
	second = strchr(strchr(out.buf, '\n') + 1, '\n') + 1; /* the second entry */
	strbuf_init(&bad);
	strbuf_add(&bad, out.buf, (size_t)(strchr(out.buf, '\n') + 1 - out.buf));
	strbuf_adds(&bad, second);
	strbuf_add(&bad, strchr(out.buf, '\n') + 1, (size_t)(second - strchr(out.buf, '\n') - 1));
	assert_int_equal(bad.len, out.len);
	assert_int_equal(roster_parse(bad.buf, bad.len, "roster", &back, &err), -1);
	assert_non_null(strstr(err.msg, "canonical"));
	strbuf_reset(&bad);
	strbuf_add(&bad, out.buf, out.len);
	*strstr(bad.buf, "role=inspector") = 'R';
	assert_int_equal(roster_parse(bad.buf, bad.len, "roster", &back, &err), -1);
	assert_non_null(strstr(err.msg, "roster:3"));
	strbuf_reset(&bad);
	strbuf_add(&bad, out.buf, out.len);
	bad.buf[bad.len - 2] = '\033';
	assert_int_equal(roster_parse(bad.buf, bad.len, "roster", &back, &err), -1);
	a.who.name[0] = ';';
	assert_int_equal(roster_add(&r, &a, &err), -1);
	strbuf_release(&bad);
	strbuf_release(&out);
	roster_release(&r);
}

/* ssh-keygen reads what we write as an allowed-signers file, validity
 * included: a signature inside the span verifies, one after it does not. */
static void ssh_keygen_reads_it(void **state)
{
	char *dir = test_tmpdir(), *key = test_path(dir, "key"), *file = test_path(dir, "signers");
	char *msg = test_path(dir, "msg"), cmd[16384];
	struct roster_entry e = entry("ZJ-0001", "张三", ROLE_SUPERVISOR, 0, dec1, dec1 + 86400);
	struct fc_err err = { 0 };
	struct strbuf out, sig;
	struct roster r;
	(void)state;

	snprintf(cmd, sizeof cmd, "ssh-keygen -q -t ed25519 -N '' -C t -f '%s'", key);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(sshkey_load_public(key, &e.key, &err), 0);
	roster_init(&r);
	assert_int_equal(roster_add(&r, &e, &err), 0);
	strbuf_init(&out);
	roster_encode(&r, &out);
	assert_int_equal(test_write_file(file, out.buf, out.len), 0);
	assert_int_equal(test_write_file(msg, "hello\n", 6), 0);
	strbuf_init(&sig);
	assert_int_equal(sshsig_sign(key, "git", "hello\n", 6, &sig, &err), 0);
	snprintf(cmd, sizeof cmd, "%s.sig", msg);
	assert_int_equal(test_write_file(cmd, sig.buf, sig.len), 0);
	snprintf(cmd, sizeof cmd, "ssh-keygen -Y verify -f '%s' -I ZJ-0001 -n git -s '%s.sig' "
		 "-Overify-time=20261201120000Z <'%s' >/dev/null 2>&1", file, msg, msg);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "ssh-keygen -Y verify -f '%s' -I ZJ-0001 -n git -s '%s.sig' "
		 "-Overify-time=20261202000001Z <'%s' >/dev/null 2>&1", file, msg, msg);
	assert_int_not_equal(system(cmd), 0);
	strbuf_release(&sig);
	strbuf_release(&out);
	roster_release(&r);
	test_rmrf(dir);
	free(dir);
	free(key);
	free(file);
	free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(times),
		cmocka_unit_test(round_trip_and_rules),
		cmocka_unit_test(hostile),
		cmocka_unit_test(ssh_keygen_reads_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
