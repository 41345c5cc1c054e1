/* zip.h - the members of a zip archive held in memory (an .xlsx workbook).
 *
 * A workbook is a zip of XML files.  It comes from a form author's
 * spreadsheet program or from anyone who sends one, so the archive is
 * hostile until checked: every offset and size is bounds-checked against
 * the buffer, a member inflates to at most the size its directory entry
 * claims (and to at most the caller's limit, so a small bomb stays small),
 * its CRC-32 must match, and two members of one name are refused (which of
 * them a reader takes would decide what the form says).  Encrypted, split
 * and zip64 archives are refused: spreadsheet programs do not write them for
 * a form's size.
 */
#ifndef FC_FORMS_ZIP_H
#define FC_FORMS_ZIP_H

#include <stddef.h>
#include <stdint.h>
#include "core/err.h"

#define ZIP_MEMBERS_MAX 10000  /* entries in one archive */
#define ZIP_NAME_MAX    1024   /* bytes in one member's name */

struct zip_member {
	char *name;            /* NUL-terminated, as stored */
	uint16_t method;       /* 0 stored, 8 deflated */
	uint32_t crc;
	uint32_t csize, usize; /* compressed and uncompressed bytes */
	size_t data;           /* offset of the compressed bytes in the buffer */
};

struct zip {
	const unsigned char *buf;
	size_t len;
	struct zip_member *m;  /* sorted by name */
	size_t n;
};

/* Reads the central directory of buf (len bytes, kept by the caller while
 * z is used).  0, or -1 with err saying what is wrong. */
int zip_open(struct zip *z, const void *buf, size_t len, struct fc_err *err);
/* The member called `name`, or NULL. */
const struct zip_member *zip_find(const struct zip *z, const char *name);
/* Inflates a member into a new NUL-terminated buffer (*out, *out_len), refusing
 * one larger than `max` bytes.  0, or -1 with err naming the member. */
int zip_read(const struct zip *z, const struct zip_member *m, size_t max, char **out,
	     size_t *out_len, struct fc_err *err);
void zip_release(struct zip *z);

/* Writing an archive into memory (zip_write.c): members are added in order,
 * deflated, and zip_write_finish appends the central directory. */
struct strbuf;
struct zip_writer {
	struct strbuf *out;
	struct strbuf *dir;  /* the central directory, written at the end */
	size_t n;
};
void zip_write_init(struct zip_writer *w, struct strbuf *out);
void zip_write_add(struct zip_writer *w, const char *name, const void *data, size_t len);
/* Appends the directory; out then holds the whole archive. */
void zip_write_finish(struct zip_writer *w);

#endif
