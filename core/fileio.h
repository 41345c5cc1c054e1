/* fileio.h - writing a whole file so that it is there whole or not at all.
 *
 * Forms, workbooks and signing payloads are written whole from memory: a
 * short write, a full disk or an interrupted call is an error that names
 * the file, and what was half-written is removed.
 */
#ifndef FC_FILEIO_H
#define FC_FILEIO_H

#include <stddef.h>
#include <sys/types.h>
#include "err.h"

/* Creates `path` (never over an existing file: O_EXCL) with `mode`, writes
 * the len bytes and fsyncs them.  0, or -1 with err (FC_EIO) and no file. */
int file_write_new(const char *path, const void *data, size_t len, mode_t mode,
		   struct fc_err *err);

/* fsyncs the folder dir, so a file created or renamed in it stays after a
 * crash.  0, or -1 with errno. */
int file_fsync_dir(const char *dir);

/* Appends what fd holds to sb, stopping once more than max bytes are in
 * (so the caller sees a file that grew past its limit while read).  0, or
 * -1 with errno. */
struct strbuf;
int file_read_fd(int fd, size_t max, struct strbuf *sb);

#endif
