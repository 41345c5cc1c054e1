/* docnum.h - document numbers that never collide though laptops are
 * offline for days (see docs/ARCHITECTURE.md, "Document numbers").
 *
 * A number reads （北应急）责改〔2026〕0012号: the issuing authority's short
 * name, the kind's word, the year, the serial.  Serials run per authority,
 * kind and year.  An officer's laptop takes them from blocks it claimed
 * through the central repository (a claim file, numbers/<authority>/<year>/
 * <kind>/<start>.json, in a signed commit: sync/claims.c), and uses a block
 * only once the claim is on the central; a number is written into the store
 * in the transaction that issues it, before anything is printed, and travels
 * in the inspection's record (its `documents`), so no crash and no merge
 * gives it again.
 *
 * This file: the pure part (kinds, the number's text, checks, order, the
 * union two devices merge to, the claim's canonical text).  The store's
 * part is docnum_store.h.
 */
#ifndef FC_DOCNUM_H
#define FC_DOCNUM_H

#include <stddef.h>
#include "model.h"
#include "strbuf.h"

/* The kinds that carry a number, and the word each is numbered with. */
enum docnum_kind { DOCNUM_ORDER, DOCNUM_RECORD, DOCNUM_MEASURES, DOCNUM_REVIEW, DOCNUM_KIND_COUNT };

const char *docnum_kind_name(enum docnum_kind k);   /* "order", "record", ... */
int docnum_kind_parse(const char *s, enum docnum_kind *out);
const char *docnum_kind_word(enum docnum_kind k);   /* "责改", "检记" */

/* The highest serial (the number prints at least 4 digits), and the most
 * a block may hold. */
#define DOCNUM_MAX_SERIAL 999999
#define DOCNUM_MAX_BLOCK 1000
#define DOCNUM_BLOCK_DEFAULT 50
#define DOCNUM_MIN_YEAR 2000
#define DOCNUM_MAX_YEAR 2999

/* A short name that can begin a number and name a folder: text on one line,
 * no '/', no space, not starting with '.', at most MAX_AUTHORITY bytes. */
int authority_check(const char *s, struct fc_err *err);
/* （authority）word〔year〕serial号 into out (appended). */
void docnum_text(const struct fc_document *d, struct strbuf *out);
/* Each line valid, in document_cmp order, none twice. */
int documents_check(const struct fc_document *list, size_t n, struct fc_err *err);
/* The union by (kind, authority, year, serial); where both hold one, the
 * earlier `at` (then the lesser badge) wins, so every device writes the
 * same bytes.  *out is malloc'ed (NULL when empty). */
void documents_union(const struct fc_document *a, size_t na, const struct fc_document *b,
		     size_t nb, struct fc_document **out, size_t *n);
/* The earliest document of kind k an inspection carries, or NULL. */
const struct fc_document *documents_first(const struct fc_inspection *in, enum docnum_kind k);

struct doc;
/* Puts the number of `in`'s document of kind k on d (d->number): 1.  A
 * final inspection's document that has none yet is marked a draft across
 * every page and carries no number: 0 (the caller says why in its words);
 * a draft's is left as the builder made it: 0. */
int docnum_doc_number(const struct fc_inspection *in, enum docnum_kind k, struct doc *d);

/* A block of serials claimed by an officer's laptop: start .. start +
 * count - 1. */
struct docnum_claim {
	char authority[MAX_AUTHORITY + 1];
	enum docnum_kind kind;
	int year, start, count;
	char badge[MAX_BADGE + 1];
	char device[FC_UUID_LEN + 1]; /* the laptop that claimed it: only it gives
				       * these serials, so two laptops of one
				       * officer never give the same */
	char at[FC_TIMESTAMP_LEN + 1];
};

#define DOCNUM_CLAIM_FORMAT "fieldcheck/numbers/1"
#define DOCNUM_CLAIM_MAX_BYTES 1024

int docnum_claim_check(const struct docnum_claim *c, struct fc_err *err);
/* The claim's canonical text, and its strict reading (where names the
 * source; the bytes must be exactly what encode writes). */
void docnum_claim_encode(const struct docnum_claim *c, struct strbuf *out);
int docnum_claim_decode(const char *buf, size_t len, const char *where,
			struct docnum_claim *out, struct fc_err *err);
/* numbers/<authority>/<year>/<kind>/<start>.json */
void docnum_claim_path(const struct docnum_claim *c, char *out, size_t size);
/* Whether two claims of one authority, kind and year share a serial. */
int docnum_claims_overlap(const struct docnum_claim *a, const struct docnum_claim *b);

#endif
