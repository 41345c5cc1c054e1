/* docnum_store.h - document numbers in the store: the documents each
 * inspection was issued (part of its record), the blocks of serials
 * claimed on the central, the workspace's settings, and the one function
 * that gives a number (see core/docnum.h and docs/ARCHITECTURE.md,
 * "Document numbers"). */
#ifndef FC_DOCNUM_STORE_H
#define FC_DOCNUM_STORE_H

#include "docnum.h"
#include "store.h"

/* Workspace settings (meta): the authority's short name (no default: an
 * officer without it issues no number) and the size of the blocks this
 * laptop claims. */
#define DOCNUM_AUTHORITY_KEY "numbers.authority"
#define DOCNUM_BLOCK_KEY "numbers.block"
/* This laptop's id for its claims, made the first time it is asked for:
 * a block is given out only by the laptop that claimed it. */
#define DOCNUM_DEVICE_KEY "numbers.device"

int docnum_authority_get(struct fc_store *s, char out[MAX_AUTHORITY + 1], struct fc_err *err);
int docnum_authority_set(struct fc_store *s, const char *authority, struct fc_err *err);
int docnum_block_get(struct fc_store *s, int *out, struct fc_err *err);
int docnum_device_get(struct fc_store *s, char out[FC_UUID_LEN + 1], struct fc_err *err);
int docnum_block_set(struct fc_store *s, int size, struct fc_err *err);

/* An inspection's documents, in document_cmp order. */
int documents_read(struct fc_store *s, const char *id, struct fc_document **out, size_t *n,
		   struct fc_err *err);
/* Adds the lines the store lacks (inside the caller's transaction).  A
 * number the store holds for another inspection is refused. */
int documents_put(struct fc_store *s, const char *id, const struct fc_document *list,
		  size_t n, struct fc_err *err);

/* A claim found on the central's branch (the import): known from now on. */
int docnum_block_put(struct fc_store *s, const struct docnum_claim *c, struct fc_err *err);
/* Serials of this laptop's blocks (claimed by `badge` from this device) of
 * (authority, kind, year) not yet given, and how many the blocks hold. */
int docnum_left(struct fc_store *s, const char *authority, enum docnum_kind k, int year,
		const char *badge, int *left, int *claimed, struct fc_err *err);

enum docnum_outcome {
	DOCNUM_HAD,          /* the inspection had one: the same number again */
	DOCNUM_GIVEN,        /* a new number, saved before returning */
	DOCNUM_DRAFT,        /* a draft's documents carry no number */
	DOCNUM_NO_AUTHORITY, /* the workspace has no authority's short name */
	DOCNUM_NONE_LEFT,    /* no confirmed number left: sync to claim more */
};

/* The number of inspection id's document of kind k: the one it was given,
 * else the lowest serial left in `me`'s confirmed blocks of this year,
 * written into the store (and so into the record) in one transaction,
 * before anything is printed.  *out is filled for DOCNUM_HAD and
 * DOCNUM_GIVEN. */
int docnum_issue(struct fc_store *s, const struct fc_person *me, const char *id,
		 enum docnum_kind k, struct fc_document *out, enum docnum_outcome *how,
		 struct fc_err *err);

#endif
