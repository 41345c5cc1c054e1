/* fuzz_merge.c - libFuzzer target for the three-way record merge.
 *
 * The input is three records separated by NUL bytes (which no record can
 * hold): base, ours, theirs; an empty base stands for none.  Inputs that do
 * not decode, or are not one record (kind and id), are skipped.  Then:
 *
 *   - merging must not crash, leak or read out of bounds;
 *   - merge(b, x, y) and merge(b, y, x) succeed or fail together and encode
 *     to the same bytes, unless a changed finalized inspection was refused;
 *   - a merged record is valid: its bytes decode again;
 *   - merge(b, x, x) is x, unless b is a finalized inspection (whose
 *     amendments are restored to a copy that lost them).
 *
 * A custom mutator changes one part at a time (or copies one part over
 * another, or drops the base), so that the other two stay valid records and
 * most inputs reach the merge rather than the decoder's refusals.
 *
 * Seeds: FC_MERGE_SEEDS=DIR build/tests/test_merge writes 64 of them
 * (the first triples of its random test).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/merge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

static const char *record_id(const struct fc_record *r)
{
	return r->kind == REC_ENTERPRISE ? r->u.enterprise.code :
	       r->kind == REC_INSPECTION ? r->u.inspection.id : r->u.hazard.id;
}

static char *encode(const struct fc_record *r, size_t *len)
{
	struct strbuf sb;

	strbuf_init(&sb);
	record_encode(r, &sb);
	*len = sb.len;
	return strbuf_detach(&sb);
}

/* Merges; on success checks that the result decodes, and returns its bytes. */
static char *merged(const struct fc_record *b, const struct fc_record *o,
		    const struct fc_record *t, int *refused, size_t *len)
{
	struct merge_report rep = { 0 };
	struct fc_err err = { 0 };
	struct fc_record out, again;
	char *bytes = NULL;

	*refused = 0;
	if (record_merge(b, o, t, &out, &rep, &err) == 0) {
		bytes = encode(&out, len);
		if (record_decode(bytes, *len, "merged", &again, &err))
			abort();
		record_clear(&again);
		record_clear(&out);
	} else if (rep.n || rep.notes) {
		abort();              /* a failed merge leaves no notes behind */
	}
	*refused = rep.refused;
	merge_report_release(&rep);
	return bytes;
}

static void check(const struct fc_record *b, const struct fc_record *x, const struct fc_record *y)
{
	size_t n1 = 0, n2 = 0;
	int r1, r2;
	char *m1 = merged(b, x, y, &r1, &n1), *m2 = merged(b, y, x, &r2, &n2);

	if (!r1 && !r2 && (!m1 != !m2 || (m1 && (n1 != n2 || memcmp(m1, m2, n1)))))
		abort();
	free(m1);
	free(m2);
}

static void check_self(const struct fc_record *b, const struct fc_record *x, const char *xb,
		       size_t xlen)
{
	size_t n = 0;
	int refused;
	char *m;

	if (b && b->kind == REC_INSPECTION && b->u.inspection.status == INSP_FINAL)
		return;
	m = merged(b, x, x, &refused, &n);
	if (!m || refused || n != xlen || memcmp(m, xb, n))
		abort();
	free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *cut[2];
	struct fc_record rec[3];
	struct fc_err err = { 0 };
	int ok[3] = { 0, 0, 0 }, i;

	if (!(cut[0] = memchr(p, 0, size)) ||
	    !(cut[1] = memchr(cut[0] + 1, 0, (size_t)(end - cut[0] - 1))))
		return 0;
	ok[0] = cut[0] == p ||
		!record_decode(p, (size_t)(cut[0] - p), "base", &rec[0], &err);
	ok[1] = !record_decode(cut[0] + 1, (size_t)(cut[1] - cut[0] - 1), "ours", &rec[1], &err);
	ok[2] = !record_decode(cut[1] + 1, (size_t)(end - cut[1] - 1), "theirs", &rec[2], &err);
	if (ok[0] && ok[1] && ok[2] && rec[1].kind == rec[2].kind &&
	    !strcmp(record_id(&rec[1]), record_id(&rec[2])) &&
	    (cut[0] == p || (rec[0].kind == rec[1].kind &&
			     !strcmp(record_id(&rec[0]), record_id(&rec[1]))))) {
		const struct fc_record *b = cut[0] == p ? NULL : &rec[0];
		check(b, &rec[1], &rec[2]);
		check_self(b, &rec[1], cut[0] + 1, (size_t)(cut[1] - cut[0] - 1));
	}
	for (i = 0; i < 3; i++)
		if (ok[i] && (i || cut[0] != p))
			record_clear(&rec[i]);
	return 0;
}

/* Where the three parts of an input are; 0 if it has not three. */
static int split(const uint8_t *data, size_t size, size_t off[3], size_t len[3])
{
	const uint8_t *c0 = memchr(data, 0, size), *c1;

	if (!c0 || !(c1 = memchr(c0 + 1, 0, size - (size_t)(c0 - data) - 1)))
		return 0;
	off[0] = 0;
	len[0] = (size_t)(c0 - data);
	off[1] = len[0] + 1;
	len[1] = (size_t)(c1 - c0 - 1);
	off[2] = off[1] + len[1] + 1;
	len[2] = size - off[2];
	return 1;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	size_t off[3], len[3], n, room;
	unsigned which = seed % 3, how = seed / 3 % 16, from;
	uint8_t *part, *out;

	if (!split(data, size, off, len) || (!len[1] && !len[2]))
		return LLVMFuzzerMutate(data, size, max_size);
	if (!len[which] && !(which == 0 && how <= 1))   /* an empty part: mutate another */
		which = len[1] ? 1 : 2;
	from = (which + 1 + seed / 48 % 2) % 3;
	part = malloc(max_size);
	if (how == 0 && size - len[which] + len[from] <= max_size) {
		memcpy(part, data + off[from], len[from]);   /* the same record twice */
		n = len[from];
	} else if (how == 1 && which == 0) {
		n = 0;                                        /* no base */
	} else {
		room = max_size - (size - len[which]);
		memcpy(part, data + off[which], len[which]);
		n = LLVMFuzzerMutate(part, len[which], room);
	}
	out = malloc(max_size);
	memcpy(out, data, off[which]);
	memcpy(out + off[which], part, n);
	memcpy(out + off[which] + n, data + off[which] + len[which], size - off[which] - len[which]);
	size = size - len[which] + n;
	memcpy(data, out, size);
	free(part);
	free(out);
	return size;
}
