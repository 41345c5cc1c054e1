/* tarball.h - a gzip-compressed tar archive (POSIX ustar) of files held in
 * memory or streamed from a file, written atomically.
 *
 * Every member is a regular file, mode 0644, owner 0:0, with the mtime the
 * archive was created with; names are relative UTF-8 paths (no "." or ".."
 * component, no control character), at most 255 bytes, split between the
 * ustar prefix and name fields at a '/' when longer than 100.  Parent
 * directories get no entries of their own: tar makes them.  The archive ends
 * with two zero blocks and is padded to whole 10240-byte records, as tar
 * writes by default.  The gzip stream is zlib's (deflateInit2 with
 * windowBits 15 + 16).
 *
 * The bytes go to PATH.tmp, which tarball_finish fsyncs and renames to PATH
 * (then fsyncs the folder), so PATH is either the old file or the whole new
 * archive, never half of one; tarball_abort removes PATH.tmp.
 */
#ifndef FC_TARBALL_H
#define FC_TARBALL_H

#include <stddef.h>
#include "err.h"

#define TAR_BLOCK 512
#define TAR_RECORD 10240
#define TAR_MAX_NAME 255
#define TAR_MAX_SIZE 077777777777ULL   /* 11 octal digits: 8 GiB - 1 */

struct tarball;

/* Starts an archive that will become `path`; mtime in seconds since the
 * epoch is every member's. */
int tarball_create(const char *path, long long mtime, struct tarball **out, struct fc_err *err);
/* Appends a regular file `name` holding data[0..len). */
int tarball_add(struct tarball *t, const char *name, const void *data, size_t len,
		struct fc_err *err);
/* Appends a regular file `name` of `size` bytes read from fd, streamed
 * through a fixed buffer (a file may be larger than memory); a file that
 * ends early is an error. */
int tarball_add_fd(struct tarball *t, const char *name, int fd, unsigned long long size,
		   struct fc_err *err);
/* Ends the archive and puts it in place, over an existing `path` only when
 * `replace` (else refused naming it); frees t, whatever happens (on
 * failure the temporary is removed and `path` left as it was). */
int tarball_finish(struct tarball *t, int replace, struct fc_err *err);
/* Gives up: removes the temporary and frees t (NULL is fine). */
void tarball_abort(struct tarball *t);

/* Fills a ustar header block for a regular file (what tarball_add writes). */
int tar_header(unsigned char h[TAR_BLOCK], const char *name, unsigned long long size,
	       long long mtime, struct fc_err *err);
/* 0 when `name` is acceptable as a member's name, else -1 saying why. */
int tar_name_check(const char *name, struct fc_err *err);

#endif
