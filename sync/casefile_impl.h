/* casefile_impl.h - what the files of the case export share (casefile.c
 * gathers and checks, casefile_manifest.c describes). */
#ifndef FC_CASEFILE_IMPL_H
#define FC_CASEFILE_IMPL_H

#include "carried.h"
#include "casefile.h"
#include "core/record.h"
#include "core/strbuf.h"

/* One file of the archive. */
struct cf_file {
	char *path;                  /* in the archive */
	char *git_path;              /* in the repository, or NULL (the notice,
				      * a form only the store had) */
	char *data;
	size_t len;
	git_oid blob;                /* as `git hash-object` computes it */
	struct carried *carried;     /* the commits, for files with a git_path */
};

struct cf_remote {
	char *name, *url;            /* url without any password in it */
	git_oid tip;                 /* refs/remotes/NAME/main */
	int has_tip;
};

/* A commit that carried a record, and who signed it. */
struct cf_commit {
	git_oid id;
	int is_signed;
	int before_roster;           /* its tree has no roster: nothing signs it */
	char signer[MAX_BADGE + 1];  /* whose key on the roster, or "" */
	char time[16];               /* committer time, as -Overify-time takes it */
};

struct casefile {
	struct fc_workspace *ws;
	struct replica *r;
	git_oid head;
	git_tree *tree;              /* of head */
	int format;                  /* of tree: where its records are (sync/format.h) */
	char id[FC_UUID_LEN + 1];
	struct fc_record insp;       /* the store's copy */
	struct cf_file *files;
	size_t n_files, alloc_files;
	struct carried *carried;     /* one per file with a git_path */
	size_t n_carried;
	struct cf_remote *remotes;
	size_t n_remotes, alloc_remotes;
	struct cf_commit *commits;   /* every commit of the carried lists */
	size_t n_commits, alloc_commits;
	char now[FC_TIMESTAMP_LEN + 1];
	long long epoch;
};

/* The remotes of the replica with their branches as last seen. */
int cf_remotes(struct casefile *cf, struct fc_err *err);
void cf_remotes_release(struct casefile *cf);
/* Adds a file to the package, which takes `data`; `path` NULL means the
 * repository's path under records/. */
void cf_add_file(struct casefile *cf, const char *path, const char *git_path, char *data,
		 size_t len);
/* The commits behind the carried lists, with their signatures. */
int cf_commits(struct casefile *cf, struct fc_err *err);
/* manifest.json. */
void cf_manifest(const struct casefile *cf, struct strbuf *out);

#endif
