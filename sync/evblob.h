/* evblob.h - evidence objects moved between object stores in pieces.
 *
 * An evidence file can be as large as the workspace's limit (50 MiB by
 * default, more when set): it is written through libgit2's write stream,
 * which hashes as it goes, so what lands is checked against the id it
 * should have and never held whole; it is read from a loose object through
 * one buffer too (sync/evloose.c).  The stores written are the disk ones
 * (git_odb_open on an objects folder), not the replica's in-memory backend
 * (sync/newobjs.c), which would keep every byte until the next flush.
 */
#ifndef FC_EVBLOB_H
#define FC_EVBLOB_H

#include <stdint.h>
#include <git2.h>
#include "core/err.h"

/* The objects of a repository on disk, with no backend in memory in front. */
int evblob_odb(git_repository *repo, git_odb **out, struct fc_err *err);

/* Writes the `size` bytes read from fd as a blob into odb; *out its id. */
int evblob_from_fd(git_odb *odb, int fd, uint64_t size, git_oid *out, struct fc_err *err);

/* Writes blob `id` of repo to fd: a loose one inflated through one buffer
 * (sync/evloose.h), a packed one read whole; either at most max bytes,
 * its size read from its header first. */
int evblob_to_fd(git_repository *repo, const git_oid *id, uint64_t max, int fd,
		 struct fc_err *err);

/* Copies the objects reachable from head and not from have (NULL: none;
 * src must hold it) from src to dst unless dst has them, read as
 * evblob_to_fd reads, written through a write stream that must name the
 * same id. */
int evblob_copy_set(git_repository *src, git_repository *dst, const git_oid *head,
		    const git_oid *have, uint64_t max, struct fc_err *err);

/* Removes blob id from repo when it is a loose object there (a pack
 * cannot lose one object: a packed one stays).  For a file the store now
 * keeps: the replica need not keep its bytes a second time (see
 * docs/ARCHITECTURE.md, "How evidence travels").  1 removed, else 0. */
int evblob_drop(git_repository *repo, const git_oid *id);

#endif
