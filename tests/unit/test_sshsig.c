/* test_sshsig.c - SSH keys and signatures: base64 both ways, keys and
 * fingerprints as ssh-keygen prints them, signatures made by ssh-keygen
 * verified here, and every kind of damage refused. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base64.h"
#include "core/sshkey.h"
#include "core/sshsig.h"
#include "core/strbuf.h"

static void base64_round_trip(void **state)
{
	unsigned char data[64];
	struct strbuf enc, dec;
	size_t n, i;
	(void)state;

	for (i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)(i * 37 + 11);
	for (n = 0; n <= sizeof data; n++) {
		int pad;
		for (pad = 0; pad <= 1; pad++) {
			strbuf_init(&enc);
			strbuf_init(&dec);
			base64_encode(data, n, pad, &enc);
			assert_int_equal(base64_decode(enc.buf, enc.len, &dec), 0);
			assert_int_equal(dec.len, n);
			assert_memory_equal(dec.buf, data, n);
			strbuf_release(&enc);
			strbuf_release(&dec);
		}
	}
	strbuf_init(&enc);
	base64_encode((const unsigned char *)"foobar", 6, 1, &enc);
	assert_string_equal(enc.buf, "Zm9vYmFy");
	strbuf_reset(&enc);
	base64_encode((const unsigned char *)"fooba", 5, 1, &enc);
	assert_string_equal(enc.buf, "Zm9vYmE=");
	strbuf_release(&enc);
}

static void base64_refuses_junk(void **state)
{
	static const char *const bad[] = { "Zm9v!", "Zm=9v", "Zm9vY===", "Zh==", "Z" };
	size_t i;
	(void)state;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct strbuf out;
		strbuf_init(&out);
		assert_int_equal(base64_decode(bad[i], strlen(bad[i]), &out), -1);
		strbuf_release(&out);
	}
}

/* A fresh ed25519 key pair made by ssh-keygen in dir: dir/key, dir/key.pub. */
static char *make_key(const char *dir)
{
	char *key = test_path(dir, "key"), cmd[4200];

	snprintf(cmd, sizeof cmd, "ssh-keygen -q -t ed25519 -N '' -C test -f '%s'", key);
	assert_int_equal(system(cmd), 0);
	return key;
}

/* What ssh-keygen -l says of the key's fingerprint. */
static void keygen_fingerprint(const char *key, char *out, size_t size)
{
	char cmd[4200];
	FILE *p;

	snprintf(cmd, sizeof cmd, "ssh-keygen -l -f '%s.pub' | cut -d' ' -f2", key);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_non_null(fgets(out, (int)size, p));
	out[strcspn(out, "\n")] = '\0';
	pclose(p);
}

static void keys_and_fingerprints(void **state)
{
	char *dir = test_tmpdir(), *key = make_key(dir), fp[SSHKEY_FP_LEN], want[128];
	struct strbuf line, pub;
	struct sshkey k, k2;
	struct fc_err err = { 0 };
	char *text = NULL, *pubpath = xstrfmt("%s.pub", key);
	size_t len;
	(void)state;

	assert_int_equal(sshkey_load_public(key, &k, &err), 0);
	sshkey_fingerprint(&k, fp);
	keygen_fingerprint(key, want, sizeof want);
	assert_string_equal(fp, want);
	/* the one-line form is what the .pub file says, less its comment */
	strbuf_init(&line);
	sshkey_format(&k, &line);
	text = test_read_file(pubpath, &len);
	assert_non_null(text);
	assert_memory_equal(text, line.buf, line.len);
	assert_int_equal(sshkey_parse(line.buf, line.len, &k2, NULL, "key", &err), 0);
	assert_true(sshkey_equal(&k, &k2));
	/* other key types and damaged keys are refused */
	strbuf_init(&pub);
	strbuf_adds(&pub, "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7");
	assert_int_equal(sshkey_parse(pub.buf, pub.len, &k2, NULL, "key", &err), -1);
	assert_non_null(strstr(err.msg, "not an ssh-ed25519 key"));
	strbuf_reset(&pub);
	strbuf_add(&pub, line.buf, line.len - 4);
	assert_int_equal(sshkey_parse(pub.buf, pub.len, &k2, NULL, "key", &err), -1);
	strbuf_release(&pub);
	strbuf_release(&line);
	free(text);
	free(pubpath);
	free(key);
	test_rmrf(dir);
	free(dir);
}

static void signatures(void **state)
{
	char *dir = test_tmpdir(), *key = make_key(dir), *other = NULL;
	static const char data[] = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nhello\n";
	struct strbuf sig, bad;
	struct sshkey signer, k;
	struct fc_err err = { 0 };
	char *odir = test_tmpdir();
	size_t i;
	(void)state;

	strbuf_init(&sig);
	assert_int_equal(sshsig_sign(key, "git", data, sizeof data - 1, &sig, &err), 0);
	assert_int_equal(sshsig_verify(sig.buf, sig.len, "git", data, sizeof data - 1, &signer,
				       &err), 0);
	assert_int_equal(sshkey_load_public(key, &k, &err), 0);
	assert_true(sshkey_equal(&signer, &k));
	/* another namespace, other data, a damaged signature: refused */
	assert_int_equal(sshsig_verify(sig.buf, sig.len, "file", data, sizeof data - 1, &signer,
				       &err), -1);
	assert_non_null(strstr(err.msg, "another purpose"));
	assert_int_equal(sshsig_verify(sig.buf, sig.len, "git", data, sizeof data - 2, &signer,
				       &err), -1);
	assert_non_null(strstr(err.msg, "does not match"));
	for (i = 40; i < sig.len - 40; i += 7) {
		if (sig.buf[i] == '\n')
			continue;
		strbuf_init(&bad);
		strbuf_add(&bad, sig.buf, sig.len);
		bad.buf[i] = bad.buf[i] == 'A' ? 'B' : 'A';
		assert_int_equal(sshsig_verify(bad.buf, bad.len, "git", data, sizeof data - 1,
					       &signer, &err), -1);
		strbuf_release(&bad);
	}
	for (i = 0; i < sig.len; i += 13) /* every truncation */
		assert_int_equal(sshsig_verify(sig.buf, i, "git", data, sizeof data - 1, &signer,
					       &err), -1);
	/* a key that does not exist: the message names it */
	other = test_path(odir, "missing");
	assert_int_equal(sshsig_sign(other, "git", data, 3, &sig, &err), -1);
	assert_non_null(strstr(err.msg, "missing"));
	free(other);
	strbuf_release(&sig);
	free(key);
	test_rmrf(dir);
	test_rmrf(odir);
	free(dir);
	free(odir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(base64_round_trip),
		cmocka_unit_test(base64_refuses_junk),
		cmocka_unit_test(keys_and_fingerprints),
		cmocka_unit_test(signatures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
