/* test_url.c - remote URLs: host and port for the pinned host key (IPv6
 * brackets included), passwords refused and masked. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "sync/url.h"

static void endpoint_is(const char *url, const char *want)
{
	struct fc_err err = { 0 };
	char ep[300];

	if (url_endpoint(url, ep, sizeof ep, &err))
		fail_msg("%s: %s", url, err.msg);
	assert_string_equal(ep, want);
}

static void endpoints(void **state)
{
	(void)state;
	endpoint_is("ssh://u@[::1]:29842/srv/central.git", "[::1]:29842");
	endpoint_is("ssh://[::1]/srv/central.git", "[::1]:22");
	endpoint_is("ssh://[fe80::1%eth0]:2222/x", "[fe80::1%eth0]:2222");
	endpoint_is("u@[::1]:srv/central.git", "[::1]:22");
	endpoint_is("[2001:db8::7]:central.git", "[2001:db8::7]:22");
	endpoint_is("git@127.0.0.1:srv/central.git", "127.0.0.1:22");
	endpoint_is("central.example:srv/x.git", "central.example:22");
	endpoint_is("ssh://127.0.0.1/srv/central.git", "127.0.0.1:22");
	endpoint_is("ssh://u@127.0.0.1:2222/srv/central.git", "127.0.0.1:2222");
	endpoint_is("ssh://u@host.example:2222", "host.example:2222");
	endpoint_is("git://127.0.0.1/central.git", "127.0.0.1:9418");
	endpoint_is("https://127.0.0.1:8443/c.git", "127.0.0.1:8443");
}

static void parts(void **state)
{
	struct fc_err err = { 0 };
	struct remote_url u;
	(void)state;
	assert_int_equal(url_parse("ssh://fc@[::1]:29842/srv/c.git", &u, &err), 0);
	assert_string_equal(u.scheme, "ssh");
	assert_string_equal(u.host, "::1");
	assert_int_equal(u.port, 29842);
	assert_true(u.has_user);
	assert_false(u.has_password);
	assert_int_equal(url_parse("u@host:path/with@at:colon", &u, &err), 0);
	assert_string_equal(u.host, "host");
	assert_int_equal(u.port, 0);
	assert_int_equal(url_parse("host:dir@x", &u, &err), 0);
	assert_string_equal(u.host, "host");
	assert_false(u.has_user);
	assert_int_equal(url_parse("ssh://127.0.0.1/srv/c.git", &u, &err), 0);
	assert_false(u.has_user);
}

static void local_paths(void **state)
{
	static const char *const paths[] = {
		"/srv/central.git", "./central.git", "../c.git", "central.git", "dir/with:colon",
		"file:///srv/central.git",
	};
	struct fc_err err = { 0 };
	struct remote_url u;
	char ep[64];
	size_t i;
	(void)state;
	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		assert_int_equal(url_parse(paths[i], &u, &err), 0);
		assert_true(u.local);
		assert_int_equal(url_endpoint(paths[i], ep, sizeof ep, &err), -1);
	}
}

static void malformed_urls_are_refused(void **state)
{
	static const char *const bad[] = {
		"", "ssh://", "ssh://u@/x", "ssh://[::1/x", "ssh://host:0/x", "ssh://host:65536/x",
		"ssh://host:22x/x", "ssh://host:/x", "ssh://ho st/x", "ssh://h\033[31m/x",
		"ssh://[::1]x/y", "u@[::1]", "ssh://[a:b;c]/x",
	};
	struct fc_err err = { 0 };
	struct remote_url u;
	size_t i;
	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		if (url_parse(bad[i], &u, &err) == 0)
			fail_msg("accepted '%s'", bad[i]);
}

static void public_is(const char *url, const char *want)
{
	char *s = url_public(url);
	assert_string_equal(s, want);
	free(s);
}

static void passwords_are_masked(void **state)
{
	(void)state;
	public_is("https://clerk:s3cret@127.0.0.1/c.git", "https://clerk:***@127.0.0.1/c.git");
	public_is("ssh://u:p@ss@[::1]:2222/c.git", "ssh://u:***@[::1]:2222/c.git");
	public_is("u:pw@127.0.0.1:c.git", "u:***@127.0.0.1:c.git");
	public_is("https://clerk@127.0.0.1/c.git", "https://clerk@127.0.0.1/c.git");
	public_is("ssh://127.0.0.1:2222/a@b:c", "ssh://127.0.0.1:2222/a@b:c");
	public_is("/srv/a:b@c", "/srv/a:b@c");
	public_is("not a url at all", "not a url at all");
}

static void passwords_are_refused(void **state)
{
	static const char *const with[] = {
		"https://clerk:s3cret@127.0.0.1/c.git", "ssh://u:pw@127.0.0.1:2222/c.git",
		"ssh://u:@127.0.0.1/c.git", "u:pw@127.0.0.1:c.git",
	};
	struct fc_err err = { 0 };
	size_t i;
	(void)state;
	for (i = 0; i < ARRAY_SIZE(with); i++) {
		assert_int_equal(url_refuse_password(with[i], &err), -1);
		assert_null(strstr(err.msg, "s3cret"));
		assert_null(strstr(err.msg, ":pw@"));
		assert_non_null(strstr(err.msg, "--key"));
	}
	assert_int_equal(url_refuse_password("ssh://u@127.0.0.1/c.git", &err), 0);
	assert_int_equal(url_refuse_password("/srv/c.git", &err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(endpoints),
		cmocka_unit_test(parts),
		cmocka_unit_test(local_paths),
		cmocka_unit_test(malformed_urls_are_refused),
		cmocka_unit_test(passwords_are_masked),
		cmocka_unit_test(passwords_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
