/* media_type.h - what kind of file a piece of evidence is, judged from its
 * bytes, never from its name.
 *
 * A file's name says what its sender wants us to believe; its first bytes
 * say what a viewer will make of it.  fieldcheck keeps photos (JPEG, PNG,
 * HEIC), documents (PDF, plain text), video (MP4) and sound (M4A, AMR, WAV)
 * and refuses anything else.  The judgement is streamed: the caller feeds
 * every byte as it copies the file, so plain text is checked whole (valid
 * UTF-8, no control characters but tab, CR and LF) without holding it.
 */
#ifndef FC_MEDIA_TYPE_H
#define FC_MEDIA_TYPE_H

#include <stddef.h>
#include <stdint.h>
#include "err.h"

enum media_type {
	MEDIA_UNKNOWN = 0,
	MEDIA_JPEG,
	MEDIA_PNG,
	MEDIA_HEIC,
	MEDIA_PDF,
	MEDIA_MP4,
	MEDIA_M4A,
	MEDIA_AMR,
	MEDIA_WAV,
	MEDIA_TEXT,
};

/* The media type's name ("image/jpeg"), as records carry it; NULL for
 * MEDIA_UNKNOWN. */
const char *media_type_name(enum media_type t);
/* The type a name stands for; MEDIA_UNKNOWN for any other string. */
enum media_type media_type_parse(const char *name);

/* The bytes the magic numbers are looked for in (an ISO file's ftyp box
 * with its list of brands fits). */
#define MEDIA_HEAD 64

struct media_sniff {
	unsigned char head[MEDIA_HEAD];
	size_t head_len;
	unsigned char pend[4];      /* a UTF-8 sequence cut by the end of a chunk */
	size_t pend_len;
	int text_ok;                /* every byte so far could be plain text */
	uint64_t bytes;
};

void media_sniff_init(struct media_sniff *m);
void media_sniff_update(struct media_sniff *m, const void *data, size_t len);
/* 1 once the bytes seen can no longer be any kind kept (no magic number in
 * a full head, and not plain text): the copy may stop there. */
int media_sniff_hopeless(const struct media_sniff *m);
/* The type of all the bytes fed.  An empty file, or one of no kind kept,
 * is -1 with a message that names the file by `name`. */
int media_sniff_final(struct media_sniff *m, const char *name, enum media_type *out,
		      struct fc_err *err);

#endif
