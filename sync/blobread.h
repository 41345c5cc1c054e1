/* blobread.h - reading a blob fetched from a remote, its size known first.
 *
 * A blob of a billion zeros compresses to a megabyte: git_blob_lookup
 * inflates all of it before anyone can look at its size.  The object's
 * header (size and type, read without inflating the object) comes first
 * here, and only a blob within the caller's bound is read.
 */
#ifndef FC_BLOBREAD_H
#define FC_BLOBREAD_H

#include <git2.h>
#include "core/err.h"

/* The size and type of object id, nothing inflated; libgit2's error code
 * (GIT_ENOTFOUND: no such object here). */
int blob_header(git_repository *repo, const git_oid *id, size_t *size, git_object_t *type);

/* *out is the blob `id` when it is a blob of at most `max` bytes; else -1,
 * with a message naming `path` (made visible) and the size, and saying it
 * is more than `what` ("a record") may be. */
int blob_read(git_repository *repo, const git_oid *id, const char *path, size_t max,
	      const char *what, git_blob **out, struct fc_err *err);

#endif
