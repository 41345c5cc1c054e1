/* fuzz_roster.c - libFuzzer target for what a central gives the trust
 * checks to read: the roster file and SSH signatures.
 *
 * The first byte chooses: even, the rest is a roster; odd, the rest is an
 * armoured signature followed (after a NUL) by the bytes it claims to sign.
 * Then:
 *   - neither parser crashes, leaks or reads out of bounds;
 *   - a roster that parses encodes to exactly the input (only canonical
 *     bytes are a roster), and looking up each of its keys at its start
 *     finds an entry;
 *   - a signature that verifies names a key that re-encodes as ssh-ed25519.
 * Seeds: tests/fuzz/seeds/roster (a roster of two and a real signature).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/roster.h"
#include "core/sshsig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void roster(const char *buf, size_t len)
{
	struct fc_err err = { 0 };
	struct strbuf again;
	struct roster ro;
	size_t i;

	if (roster_parse(buf, len, "fuzz", &ro, &err))
		return;
	strbuf_init(&again);
	roster_encode(&ro, &again);
	if (again.len != len || memcmp(again.buf, buf, len))
		abort();
	for (i = 0; i < ro.n; i++)
		if (!roster_signer(&ro, &ro.e[i].key, ro.e[i].valid_after, NULL))
			abort();
	strbuf_release(&again);
	roster_release(&ro);
}

static void signature(const char *buf, size_t len)
{
	const char *nul = memchr(buf, 0, len);
	struct fc_err err = { 0 };
	struct sshkey k;
	struct strbuf line;

	if (!nul)
		return;
	if (sshsig_verify(buf, (size_t)(nul - buf), "git", nul + 1, len - (size_t)(nul - buf) - 1,
			  &k, &err))
		return;
	strbuf_init(&line);
	sshkey_format(&k, &line);
	if (strncmp(line.buf, "ssh-ed25519 ", 12))
		abort();
	strbuf_release(&line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] % 2 == 0)
		roster((const char *)data + 1, size - 1);
	else
		signature((const char *)data + 1, size - 1);
	return 0;
}
