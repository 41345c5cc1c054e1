/* test_sha256.c - SHA-256 against the FIPS 180-4 examples, fed whole and
 * in pieces of every size around the 64-byte block. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/sha256.h"

static const char *const abc448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

static void known_digests(void **state)
{
	char hex[SHA256_HEX_LEN + 1], *million = malloc(1000000);
	(void)state;

	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex(abc448, strlen(abc448), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	sha256_hex(million, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

static void pieces_agree(void **state)
{
	unsigned char data[300], whole[SHA256_LEN], parts[SHA256_LEN];
	struct sha256 c;
	size_t len, step, off;
	(void)state;

	for (len = 0; len < sizeof data; len++)
		data[len] = (unsigned char)(len * 7 + 3);
	for (len = 50; len <= sizeof data; len += 25)
		for (step = 1; step <= 130; step += 3) {
			sha256_init(&c);
			sha256_update(&c, data, len);
			sha256_final(&c, whole);
			sha256_init(&c);
			for (off = 0; off < len; off += step)
				sha256_update(&c, data + off, off + step > len ? len - off : step);
			sha256_final(&c, parts);
			assert_memory_equal(whole, parts, SHA256_LEN);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_digests),
		cmocka_unit_test(pieces_agree),
	};
	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
