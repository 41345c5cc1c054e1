/* evidence_store.h - the workspace's photos and files kept as evidence.
 *
 * Each file is kept once, named by its SHA-256, at
 * WORKSPACE/evidence/<first two hex digits>/<sha256>, read-only.  Adding
 * one streams it through a fixed buffer (never the whole file in memory),
 * computing its SHA-256, its git blob id and its media type in the same
 * pass that copies it into a temporary file beside the store; the copy is
 * fsynced and renamed to its name, so a full disk or a killed process
 * never leaves a half file under a final name.  What is read back is
 * hashed again: a file whose bytes do not match its name is reported, not
 * trusted.  Records refer to a file by what evidence_info holds (the
 * records and their sync come with format 2).
 */
#ifndef FC_EVIDENCE_STORE_H
#define FC_EVIDENCE_STORE_H

#include <stdint.h>

#include "media_type.h"
#include "model.h"
#include "sha256.h"

#define EVIDENCE_DIR "evidence"
/* The workspace setting that holds the limit per file, in bytes. */
#define EVIDENCE_LIMIT_KEY "evidence.max_bytes"
#define EVIDENCE_BLOB_HEX_LEN 40

struct evidence_store {
	char *dir;              /* WORKSPACE/evidence */
	uint64_t max_bytes;     /* the limit per file */
};

struct evidence_info {
	char sha256[SHA256_HEX_LEN + 1];
	char blob[EVIDENCE_BLOB_HEX_LEN + 1];  /* git hash-object's id */
	uint64_t size;
	enum media_type type;
	/* What evidence_add learns besides the bytes ("" / 0 otherwise): */
	char name[MAX_FILE_NAME + 1];          /* the original file's name */
	char taken[FC_TIMESTAMP_LEN + 1];      /* Exif's DateTimeOriginal, else mtime;
						* "" when neither is a real date */
	int has_location;                      /* from Exif GPS */
	double lat, lon;                       /* decimal degrees */
	double error_m;                        /* the GPS's error in metres, or -1 */
	char exif_problem[1024];               /* why a photo's Exif was not used */
};

struct fc_workspace;
struct fc_store;

/* The store of the workspace, with its limit from the settings. */
int evidence_store_open(const struct fc_workspace *ws, struct evidence_store *es,
			struct fc_err *err);
/* The store in dir (made when a file is first added), with a limit. */
void evidence_store_init(struct evidence_store *es, const char *dir, uint64_t max_bytes);
void evidence_store_release(struct evidence_store *es);

/* The limit per file the workspace's settings give (the default when
 * unset); setting it refuses 0 and anything above EVIDENCE_LIMIT_MAX. */
int evidence_limit_get(struct fc_store *s, uint64_t *out, struct fc_err *err);
int evidence_limit_set(struct fc_store *s, uint64_t max, struct fc_err *err);

/* Keeps the file at path: a regular file of a kind media_type keeps, at
 * most the limit, whose name passes text_check.  Adding a file kept
 * already keeps the one copy (and mends it if its bytes had gone bad).
 * Fills out whole.  Refusals name the file; nothing is left behind. */
int evidence_add(const struct evidence_store *es, const char *path, struct evidence_info *out,
		 struct fc_err *err);

/* The same, keeping the file only when its sha256, blob id, size and type
 * are those of `want` (a record's line: a file fetched from someone's
 * evidence); else FC_EFAIL saying what differs, and nothing is kept.
 * Messages name the file by want->name (the record's), never by path (a
 * temporary file), and out->name is want->name. */
int evidence_add_expected(const struct evidence_store *es, const char *path,
			  const struct evidence_info *want, struct evidence_info *out,
			  struct fc_err *err);

/* WORKSPACE/evidence/xx/<sha256>, or NULL when sha256 is not 64 lower-case
 * hex digits (it comes from records, so from anyone). */
char *evidence_path(const struct evidence_store *es, const char *sha256);
/* Whether a file of that name and size is kept here: a quick look for
 * listings, which trusts nothing (evidence_open checks the bytes). */
int evidence_present(const struct evidence_store *es, const char *sha256, long long size);
/* Opens the file kept under sha256 after hashing it again: *fd reads it
 * from the start, and out (may be NULL) gets its sha256, blob id, size and
 * type.  A file that is missing is FC_ENOTFOUND; one whose bytes do not
 * hash to its name, or are no kind kept, is FC_EFAIL and not opened. */
int evidence_open(const struct evidence_store *es, const char *sha256, int *fd,
		  struct evidence_info *out, struct fc_err *err);
/* Whether a file is kept under sha256, without reading it (a sync asks
 * of every file its records name; evidence_check reads them whole). */
int evidence_has(const struct evidence_store *es, const char *sha256);
/* The same check, closing the file again. */
int evidence_check(const struct evidence_store *es, const char *sha256,
		   struct evidence_info *out, struct fc_err *err);

#endif
